"""`--format csv --output DIR`: one CSV file per record kind (`entities.csv`, `sources.csv`, `terms.csv`,
`events.csv`, `claims.csv`), for spreadsheets and csvkit; with `--table NAME`, that one table, to stdout
or to `--output FILE` (a pipe holds one file, not five).

Each has a header row and the columns of the JSON export, in the same order. A list (aliases, via, ...)
is one cell holding a JSON array (`["Rutte"]`, `[]` when empty), so no separator can be mistaken for
part of a name; a missing value is an empty cell. A cell that a spreadsheet would read as a formula
gets a leading `'`, as in every CSV newskb writes (README, "Promises").
"""

from __future__ import annotations

import csv
import io
import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newskb.common.printable import inert, json_line, printable
from newskb.exporters import Request, output, tomlrecords

if TYPE_CHECKING:
    from newskb.exporters.tomlrecords import Indexed


def export(connection: sqlite3.Connection, request: Request) -> list[Path]:
    files = {
        f"{group}.csv": _lines(connection, record_class, request.data_dir)
        for group, record_class in tomlrecords.groups()
        if request.table in (None, group)
    }
    if request.table is not None:  # one table: a file, or the stream
        return output.document(request, files[f"{request.table}.csv"])
    assert request.output is not None  # exporters.check refuses a csv export of every table without one
    return output.write_folder(request.output, files)


def _lines(connection: sqlite3.Connection, record_class: type[Indexed], data_dir: Path) -> Iterator[str]:
    """One kind's CSV, a line at a time, as its records are read."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    names = tomlrecords.columns(record_class)
    for row in itertools.chain(
        [names],
        ([_cell(record[name]) for name in names] for record in tomlrecords.stream(connection, record_class, data_dir)),
    ):
        writer.writerow(row)
        yield text.getvalue()
        text.seek(0)
        text.truncate()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json_line(value).rstrip("\n")
    return printable(inert(str(value)))
