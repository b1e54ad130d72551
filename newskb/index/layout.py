"""The index's tables and rows, derived from the record declarations in model.py.

Each indexed record class has a table named by its `TABLE`, with a column per scalar key; a date key
adds its earliest and latest possible days (`start`, `start_earliest`, `start_latest`: day numbers,
`date.toordinal()`, so that a range is an integer comparison SQLite answers from an index; NULL where
the date is unknown or open); every list key is a link table named by its item (`alias`, `involves`) with
the owning record's id (`record_id`: ids are unique across the fact base), the value (`entity_id` for
an id, else the item), its position, and its data file. Every row remembers its data file, so a
changed file is refreshed by deleting its rows and inserting it again.

Beside the keys, the index keeps what queries need: an entity's `kind` and normalised `name_norm`, an
alias's `alias_norm`, a source's `article` text, and each row's `file`; and the declarations themselves
(`declared`: each table's keys in order, a list key with its link table and value column), so that an
answer can carry a key its row does not name without building the record classes (answers/declared.py).
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from newskb.common.dates import OPEN, Edtf

if TYPE_CHECKING:
    from newskb.base.model import Claim, Entity, Event, FactBase, Record, Source, Term
    from newskb.common.errors import Problem

    Indexed = Entity | Source | Term | Event | Claim
    from newskb.base.schema import Key

LAYOUT_VERSION = 13
"""The index's own layout (its tables beyond the records'); the record keys are fingerprinted separately."""
# The names answers give the holder (`h`) and office (`o`) a term (`t`) joins: a name, else the id (an entity
# whose name is missing, which check reports, is still named in its terms' answers, never as a blank).
HOLDER_NAME = "coalesce(nullif(h.name, ''), t.holder)"
OFFICE_NAME = "coalesce(nullif(o.name, ''), t.office)"

Rows = dict[str, list[tuple[object, ...]]]
"""Rows to insert, by table: plain tuples, so a worker process can prepare them and send them back."""


def version() -> int:
    """A number that changes whenever the index's tables would: the layout version and the declaration of
    the record keys (model.py and schema.py), read as bytes so that a query need not build the classes."""
    here = Path(__file__).resolve().parent.parent / "base"
    digest = zlib.crc32(str(LAYOUT_VERSION).encode())
    for name in ("model.py", "schema.py"):
        # Without the sources beside the bytecode, the layout version alone decides.
        with contextlib.suppress(OSError):
            digest = zlib.crc32((here / name).read_bytes(), digest)
    return digest & 0x7FFFFFFF  # SQLite's user_version is a signed 32-bit integer


def _classes() -> tuple[type[Indexed], ...]:
    from newskb.base.model import INDEXED_CLASSES  # imported here: a query on a warm index builds no classes

    return INDEXED_CLASSES


def _keys(record_class: type[Indexed]) -> tuple[Key, ...]:
    from newskb.base.schema import keys_of

    return keys_of(record_class)


def _sql_types(declared: Key) -> list[str]:
    """The SQL type of each of the key's columns."""
    from newskb.base.schema import KeyType

    if declared.type.is_date:
        return ["TEXT", "INTEGER", "INTEGER"]  # as written, then its earliest and latest day numbers
    return ["INTEGER" if declared.type is KeyType.COUNT else "TEXT"]


def _columns(declared: Key) -> list[str]:
    if declared.type.is_date:
        return [declared.name, f"{declared.name}_earliest", f"{declared.name}_latest"]
    return [declared.name]


def _extra_columns(table: str) -> list[str]:
    """What queries need beside the keys."""
    return {"entity": ["kind", "name_norm"], "source": ["article"]}.get(table, [])


def _value_column(declared: Key) -> str:
    return "entity_id" if declared.refs else declared.item


def link_tables() -> list[tuple[str, str]]:
    """(table, value column) of every list key, each once."""
    found: dict[str, str] = {}
    for record_class in _classes():
        for declared in _keys(record_class):
            if declared.type.is_list:
                found[declared.item] = _value_column(declared)
    return list(found.items())


def tables() -> list[str]:
    """Every table that holds rows of the records, the record tables first."""
    return [record_class.TABLE for record_class in _classes()] + [table for table, _ in link_tables()]


def create_sql() -> str:
    """CREATE TABLE statements for the records' tables and their link tables."""
    statements = []
    for record_class in _classes():
        columns = ['"id" TEXT PRIMARY KEY']
        for declared in _keys(record_class):
            if declared.name != "id" and not declared.type.is_list:
                columns.extend(
                    f'"{column}" {sql_type}'
                    for column, sql_type in zip(_columns(declared), _sql_types(declared), strict=True)
                )
        columns.extend(f'"{column}" TEXT' for column in _extra_columns(record_class.TABLE))
        columns.append('"file" TEXT NOT NULL')
        statements.append(f'CREATE TABLE "{record_class.TABLE}" ({", ".join(columns)});')
    for table, value in link_tables():
        norm = f', "{value}_norm" TEXT' if value != "entity_id" else ""
        statements.append(
            f'CREATE TABLE "{table}" ("record_id" TEXT NOT NULL, "{value}" TEXT NOT NULL, '
            f'"position" INTEGER NOT NULL, "file" TEXT NOT NULL{norm});'
        )
    statements.append(
        'CREATE TABLE "declared" ("record_table" TEXT NOT NULL, "name" TEXT NOT NULL, "link" TEXT, "value" TEXT);'
    )
    for record_class in _classes():
        for declared in _keys(record_class):
            link = f"'{declared.item}', '{_value_column(declared)}'" if declared.type.is_list else "NULL, NULL"
            statements.append(f"INSERT INTO \"declared\" VALUES ('{record_class.TABLE}', '{declared.name}', {link});")
    return "\n".join(statements) + "\n"


def index_sql() -> str:
    """The link tables' own indexes (by owner, and by the entity or normalised text) and each table's file."""
    statements = []
    for table, value in link_tables():
        # By owner in list order: a record's ids are read in order without sorting them.
        statements.append(f'CREATE INDEX "{table}_record" ON "{table}" ("record_id", "position");')
        looked_up = value if value == "entity_id" else f"{value}_norm"
        statements.append(f'CREATE INDEX "{table}_{looked_up}" ON "{table}" ("{looked_up}");')
    statements.extend(f'CREATE INDEX "{table}_file" ON "{table}" ("file");' for table in tables())
    return "\n".join(statements) + "\n"


@functools.cache
def insert_sql() -> dict[str, str]:
    """The INSERT statement of each table (a duplicate id keeps the first record: check reports the rest)."""
    statements = {}
    for record_class in _classes():
        scalar = [key for key in _keys(record_class) if key.name != "id" and not key.type.is_list]
        width = 1 + sum(len(_columns(key)) for key in scalar) + len(_extra_columns(record_class.TABLE)) + 1
        marks = ", ".join("?" * width)
        statements[record_class.TABLE] = f'INSERT OR IGNORE INTO "{record_class.TABLE}" VALUES ({marks})'
    for table, value in link_tables():
        marks = ", ".join("?" * (4 if value == "entity_id" else 5))
        statements[table] = f'INSERT INTO "{table}" VALUES ({marks})'
    return statements


# How rows_of writes each key: into a link table, as a date and its bounds, or as one cell.
_LINK, _DATE, _CELL = range(3)


def _plan(record_class: type[Indexed]) -> tuple[tuple[str, int, str, bool], ...]:
    """Each key of a record class but its id, in column order: (name, how it is written, its link table,
    whether its items are ids). Worked out once, since a first build writes every record."""
    found = _PLANS.get(record_class)
    if found is None:
        found = _PLANS[record_class] = tuple(
            (key.name, _LINK if key.type.is_list else _DATE if key.type.is_date else _CELL, key.item, bool(key.refs))
            for key in _keys(record_class)
            if key.name != "id"
        )
    return found


_PLANS: dict[type, tuple[tuple[str, int, str, bool], ...]] = {}


def rows_of(base: FactBase) -> Rows:
    """The rows of every record of `base`, by table."""
    from newskb.common.fuzzy import normalise

    tables = {record_class: record_class.TABLE for record_class in _classes()}
    rows: Rows = {}
    for record in base.records:
        record_class = type(record)
        if record_class not in tables:
            continue  # expectations are asked by check, not indexed
        file = str(record.origin.file)
        row: list[object] = [record.id]
        for name, how, link_table, refs in _plan(record_class):
            value = getattr(record, name)
            if how == _LINK:
                link = rows.setdefault(link_table, [])
                for position, item in enumerate(value):
                    if refs:
                        link.append((record.id, item, position, file))
                    else:
                        link.append((record.id, item, position, file, normalise(item)))
            elif how == _DATE:
                row.extend(_date_cells(value))
            else:
                row.append(str(value) if isinstance(value, Path) else value)
        row.extend(_extras(record))
        row.append(file)
        rows.setdefault(tables[record_class], []).append(tuple(row))
    return rows


def _date_cells(value: object) -> tuple[object, object, object]:
    """A date as its columns hold it: as written, and its earliest and latest day numbers."""
    if value == OPEN:
        return (OPEN, None, None)
    if isinstance(value, Edtf):
        return (str(value), value.earliest_day.toordinal(), value.latest_day.toordinal())
    if isinstance(value, datetime.date):
        return (value.isoformat(), value.toordinal(), value.toordinal())
    return (None, None, None)


def _extras(record: Record) -> list[object]:
    from newskb.base.model import Entity, Source
    from newskb.common.fuzzy import normalise

    if isinstance(record, Entity):
        return [record.kind.value, normalise(record.name)]
    if isinstance(record, Source):
        return [record.article]
    return []


def problem_rows(problems: Iterable[Problem]) -> list[tuple[object, ...]]:
    return [(str(p.file), p.line, p.key_path, p.message, p.severity.value) for p in problems]
