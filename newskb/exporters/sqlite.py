"""`--format sqlite`: a clean database of the public tables, for Datasette, sqlite-utils or any SQL client.

Derived from the record declarations in model.py, as the index is, but holding only what the records say:
a table per record kind (`entity`, `source`, `term`, `event`, `claim`) with a column per key (a date also
has its earliest and latest possible days, NULL where unbounded or unknown), and a link table per list key
and owner (`entity_alias`, `term_via`, `claim_about`, ...). Every reference a key declares (`refs`) is a
declared foreign key; paths are relative to the data folder; a full-text index (FTS5, as Datasette finds
it) covers each table's names, quotes and texts. A term also has its `status` on the export's day, and a
`label` ("Mark Rutte — NATO Secretary General") for Datasette to show where a row links to it.

`--metadata FILE` writes a Datasette metadata file: table titles and descriptions, a short line on every
column (the first sentence of the key's documentation), facets, a label column for every table, and a
link to the articles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from newskb.base import outfile
from newskb.base.folder import relative_to_data
from newskb.common.dates import FIRST_DAY, LAST_DAY
from newskb.common.errors import BadArgumentError
from newskb.exporters import Request, output, tomlrecords

if TYPE_CHECKING:
    from newskb.base.schema import Key
    from newskb.exporters.tomlrecords import Indexed

# Facets Datasette shows above each table (metadata's `facets`), where a column's values repeat.
_FACETS = {
    "entity": ["kind", "org"],
    "term": ["office", "holder", "status", "source"],
    "event": ["modality", "source"],
    "claim": ["modality", "source"],
}


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    doc: str
    sql_type: str = "TEXT"
    references: str | None = None  # the table whose `id` it names
    not_null: bool = False
    path: bool = False  # a file, written relative to the data folder
    is_day: bool = False  # a date's earliest or latest day


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    title: str
    doc: str
    columns: list[Column]
    primary_key: tuple[str, ...]
    searched: tuple[str, ...] = ()  # the columns of its full-text index
    link_of: Key | None = None  # a link table: the list key it holds
    owner: str = ""  # a link table: the record table that has the list


def tables() -> list[Table]:
    """The public tables, from the declarations: the record tables, then the link tables."""
    from newskb.base.schema import KeyType, keys_of

    found: list[Table] = []
    links: list[Table] = []
    for group, record_class in tomlrecords.groups():
        table = record_class.TABLE
        columns: list[Column] = []
        for name in tomlrecords.columns(record_class):
            declared = next((key for key in keys_of(record_class) if key.name == name), None)
            if declared is None:  # an entity's kind
                columns.append(Column(name, "Person, organization, country or office.", not_null=True))
            elif declared.type.is_list:
                links.append(_link_table(record_class, declared))
            else:
                columns.extend(_columns(declared))
        if table == "term":
            columns.append(Column("status", _STATUS_DOC))
            columns.append(Column("label", "The holder and the office, as a person reads them."))
        columns.append(
            Column("file", "The data file it is written in, relative to the data folder.", not_null=True, path=True)
        )
        searched = tuple(
            key.name for key in keys_of(record_class) if key.type in (KeyType.TEXT, KeyType.NOTE) and not key.pattern
        )
        title = group.capitalize()
        doc = (record_class.__doc__ or "").strip().splitlines()[0]
        found.append(Table(table, title, doc, columns, ("id",), searched))
    return found + links


_STATUS_DOC = (
    "Where the term stands on the export's day (--as-of, default the day it was made): holds, possibly, "
    "held, not yet or unknown."
)


def _references(declared: Key) -> str | None:
    """The one table whose ids the key names, if its kinds all live in one table."""
    from newskb.base.model import INDEXED_CLASSES, RECORD_CLASSES

    referenced = [RECORD_CLASSES[kind] for kind in declared.refs]
    named = {record_class.TABLE for record_class in INDEXED_CLASSES if record_class in referenced}
    return named.pop() if len(named) == 1 else None


def _columns(declared: Key) -> list[Column]:
    from newskb.base.schema import KeyType

    if declared.name == "id":
        return [Column("id", declared.doc, not_null=True)]
    sql_type = "INTEGER" if declared.type is KeyType.COUNT else "TEXT"
    main = Column(
        declared.name,
        declared.doc,
        sql_type,
        references=_references(declared),
        not_null=declared.required and declared.kinds is None,
        path=declared.type is KeyType.PATH,
    )
    if not declared.type.is_date:
        return [main]
    return [
        main,
        Column(
            f"{declared.name}_earliest",
            f"The earliest day `{declared.name}` may be (NULL: no bound, or unknown).",
            is_day=True,
        ),
        Column(
            f"{declared.name}_latest",
            f"The latest day `{declared.name}` may be (NULL: no bound, or unknown).",
            is_day=True,
        ),
    ]


def _link_table(record_class: type[Indexed], declared: Key) -> Table:
    owner = record_class.TABLE
    target = _references(declared)
    value = f"{target}_id" if target else declared.item
    columns = [
        Column(f"{owner}_id", f"The {owner} that has it.", references=owner, not_null=True),
        Column(value, declared.doc, references=target, not_null=True),
        Column("position", "Its place in the list, from 0.", "INTEGER", not_null=True),
    ]
    title = f"{owner.capitalize()} {declared.name.replace('_', ' ')}"
    return Table(
        f"{owner}_{declared.item}",
        title,
        declared.doc,
        columns,
        (f"{owner}_id", "position"),
        link_of=declared,
        owner=owner,
    )


def create_sql() -> str:
    """CREATE statements of the public tables, their indexes and full-text tables."""
    statements = []
    for table in tables():
        definitions = []
        for column in table.columns:
            text = f'"{column.name}" {column.sql_type}'
            if column.not_null:
                text += " NOT NULL"
            if column.references:
                text += f' REFERENCES "{column.references}" ("id")'
            definitions.append(text)
        keys = ", ".join(f'"{name}"' for name in table.primary_key)
        definitions.append(f"PRIMARY KEY ({keys})")
        statements.append(f'CREATE TABLE "{table.name}" ({", ".join(definitions)});')
        for column in table.columns:
            if column.references and column.name not in table.primary_key[:1]:
                statements.append(f'CREATE INDEX "{table.name}_{column.name}" ON "{table.name}" ("{column.name}");')
        if table.searched:
            searched = ", ".join(f'"{name}"' for name in table.searched)
            statements.append(
                f'CREATE VIRTUAL TABLE "{table.name}_fts" USING fts5({searched}, content="{table.name}");'
            )
    return "\n".join(statements) + "\n"


def export(connection: sqlite3.Connection, request: Request) -> list[Path]:
    assert request.output is not None  # exporters.check refuses a sqlite export without one
    target = request.output
    day = request.day or date.today()
    try:
        outfile.write_file(target, lambda path: _write(connection, path, request.data_dir, day))
    except sqlite3.Error as error:
        raise BadArgumentError(f"{target}: cannot write the database: {error}") from None
    written = [target]
    if request.metadata is not None:
        from newskb.exporters.datasette import metadata

        text = output.json_text(metadata(target, day))
        outfile.write_file(request.metadata, lambda path: path.write_text(text, encoding="utf-8"))
        written.append(request.metadata)
    return written


def _write(connection: sqlite3.Connection, path: Path, data_dir: Path, day: date) -> None:
    database = sqlite3.connect(path)
    try:
        database.executescript(create_sql())
        for table, rows in table_rows(connection, data_dir, day, lambda day: day.isoformat()):
            marks = ", ".join("?" * len(table.columns))
            database.executemany(f'INSERT OR IGNORE INTO "{table.name}" VALUES ({marks})', rows)
            if table.searched:
                searched = ", ".join(f'"{name}"' for name in table.searched)
                database.execute(
                    f'INSERT INTO "{table.name}_fts" (rowid, {searched}) SELECT rowid, {searched} FROM "{table.name}"'
                )
        database.commit()
    finally:
        database.close()


# "Mark Rutte — NATO Secretary General": a term's holder and office, by name where the base names them.
_TERM_LABELS = """
SELECT t.id, coalesce(h.name, t.holder) || ' — ' || coalesce(o.name, t.office) FROM term t
LEFT JOIN entity h ON h.id = t.holder LEFT JOIN entity o ON o.id = t.office
"""


def table_rows(
    connection: sqlite3.Connection, data_dir: Path, day: date, as_day: Callable[[date], object]
) -> Iterator[tuple[Table, Iterator[tuple[object, ...]]]]:
    """Each public table with its rows, read as they are written (the Parquet export writes the same): a
    term's status on `day`, paths relative to the data folder, a date's bounds as `as_day` writes a day (None
    where unbounded)."""
    from newskb.answers import query
    from newskb.index import layout

    # A term's columns that no record key holds: where it stands that day, and a label to show for it.
    derived = {
        "status": {term_id: status.value for term_id, status in query.statuses(connection, day)},
        "label": dict(connection.execute(_TERM_LABELS)),
    }
    index_values = dict(layout.link_tables())
    for table in tables():
        names = [column.name for column in table.columns]
        if table.link_of is None:
            selected = ", ".join("NULL" if name in derived else f'"{name}"' for name in names)
            rows = connection.execute(f'SELECT {selected} FROM "{table.name}" ORDER BY rowid')
            yield table, (_cells(table, row, data_dir, derived, as_day) for row in rows)
        else:
            value = index_values[table.link_of.item]
            rows = connection.execute(
                f'SELECT l.record_id, l."{value}", l.position FROM "{table.link_of.item}" l '
                f'JOIN "{table.owner}" o ON o.id = l.record_id ORDER BY l.rowid'
            )
            yield table, (tuple(row) for row in rows)


_UNBOUNDED = (FIRST_DAY.toordinal(), LAST_DAY.toordinal())  # the index's stand-ins for "no bound"


def _cells(
    table: Table,
    row: sqlite3.Row,
    data_dir: Path,
    derived: dict[str, dict[str, str]],
    as_day: Callable[[date], object],
) -> tuple[object, ...]:
    cells: list[object] = []
    for column, value in zip(table.columns, row, strict=True):
        if column.name in derived:
            value = derived[column.name].get(row[0])
        elif column.is_day and isinstance(value, int):
            # The index's day numbers, as the days they are, or NULL for no bound.
            value = None if value in _UNBOUNDED else as_day(date.fromordinal(value))
        elif column.path and value is not None:
            value = relative_to_data(value, data_dir)
        cells.append(value)
    return tuple(cells)
