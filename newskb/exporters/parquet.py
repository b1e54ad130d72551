"""`--format parquet --output DIR`: one Parquet file per table of the SQLite export, for engines past one
machine (DuckDB, Spark, Trino, pandas, Polars).

The same tables and columns as `--format sqlite` (`entity.parquet`, `term.parquet`, `term_via.parquet`, ...),
but no full-text index: a date's earliest and latest days are Parquet dates (NULL where unbounded or
unknown), a term's `status` is as of `--as-of` (default today), paths are relative to the data folder.
Each file is written a row group at a time as the index is read, so a million facts fit in little memory.

Written with pyarrow, the optional `parquet` extra (`pip install 'newskb[parquet]'`), so the base install
stays small; see the README, "At scale", for why pyarrow and not DuckDB.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newskb.base import outfile
from newskb.common.errors import BadArgumentError
from newskb.exporters import Request

if TYPE_CHECKING:
    from newskb.exporters.sqlite import Column

# Rows written to a file at a time (a Parquet row group).
ROW_GROUP = 65_536


def export(connection: sqlite3.Connection, request: Request) -> list[Path]:
    assert request.output is not None  # exporters.check refuses a parquet export without one
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise BadArgumentError(
            "--format parquet needs pyarrow, which newskb installs only on request: pip install 'newskb[parquet]'"
        ) from None
    from newskb.exporters.sqlite import table_rows

    folder = request.output
    day = request.day or date.today()
    written: list[str] = []
    with outfile.temporary(folder, is_folder=True) as built:
        for table, rows in table_rows(connection, request.data_dir, day, lambda day: day):
            schema = pyarrow.schema([_field(pyarrow, column) for column in table.columns])
            with pyarrow.parquet.ParquetWriter(built / f"{table.name}.parquet", schema) as writer:
                batch: list[tuple[object, ...]] = []
                for row in rows:
                    batch.append(row)
                    if len(batch) == ROW_GROUP:
                        writer.write_table(_table(pyarrow, schema, batch))
                        batch = []
                if batch:
                    writer.write_table(_table(pyarrow, schema, batch))
            written.append(f"{table.name}.parquet")
        if folder.exists():
            for name in written:
                outfile.put_in_place(built / name, folder / name)
        else:
            outfile.put_in_place(built, folder)
    return [folder / name for name in written]


def _field(pyarrow: Any, column: Column) -> Any:
    kind = pyarrow.date32() if column.is_day else pyarrow.int64() if column.sql_type == "INTEGER" else pyarrow.string()
    return pyarrow.field(column.name, kind, nullable=not column.not_null)


def _table(pyarrow: Any, schema: Any, rows: list[tuple[object, ...]]) -> Any:
    columns = [[row[position] for row in rows] for position in range(len(schema))]
    return pyarrow.Table.from_arrays(
        [pyarrow.array(values, type=field.type) for values, field in zip(columns, schema, strict=True)], schema=schema
    )
