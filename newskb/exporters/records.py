"""The whole fact base as records keyed as in the TOML files: what every export is made from.

The groups (`entities`, `sources`, `terms`, `events`, `claims`) and their columns come from the record
declarations in model.py, so a new key appears in every export without a change here.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newskb.model import Claim, Entity, Event, Source, Term

    Indexed = Entity | Source | Term | Event | Claim

Record = dict[str, object]

# Records have ids, not web addresses: exports that need a URI name a record `urn:newskb:ID` (ids are
# unique across the fact base), and an entity's Wikidata item by its concept URI.
URN = "urn:newskb:"
WIKIDATA = "http://www.wikidata.org/entity/"


def uri(record_id: object) -> str:
    return f"{URN}{record_id}"


def plain_date(written: object) -> str | None:
    """A date as ISO 8601 writes it (`2014`, `2024-10`, `2024-10-01`), or None when ISO 8601 cannot say it
    without making it look surer than it is (`2014~`, `..2024-09-30`, open, unknown)."""
    from newskb.dates import OPEN, parse

    if not isinstance(written, str) or written in ("", OPEN):
        return None
    value = parse(written)
    return str(value) if value.is_plain else None


def groups() -> list[tuple[str, type[Indexed]]]:
    """(group name, record class) of every kind the index holds: `entities`, `sources`, ..."""
    from newskb.model import INDEXED_CLASSES

    return [(_plural(record_class.TABLE), record_class) for record_class in INDEXED_CLASSES]


def columns(record_class: type[Indexed]) -> list[str]:
    """A group's keys, in the order model.py declares them; an entity's `kind` follows its `id`."""
    from newskb.schema import keys_of

    names = []
    for key in keys_of(record_class):
        names.append(key.name)
        if key.name == "id" and _has_kind_field(record_class):
            names.append("kind")
    return names


def _has_kind_field(record_class: type[Indexed]) -> bool:
    """Whether each record says its kind (an entity), rather than its class implying it."""
    return "kind" in {field.name for field in dataclasses.fields(record_class)}


def records(connection: sqlite3.Connection, data_dir: Path) -> dict[str, list[Record]]:
    """Every record by kind, with the keys and values its TOML table has (dates as written, paths relative to
    the data folder), in the order model.py declares them; an entity also says which `kind` it is."""
    from newskb import layout
    from newskb.folder import relative_to_data
    from newskb.schema import KeyType, keys_of

    lists = {table: _lists(connection, table, value) for table, value in layout.link_tables()}
    exported: dict[str, list[Record]] = {}
    for group_name, record_class in groups():
        declared = {key.name: key for key in keys_of(record_class)}
        group = exported.setdefault(group_name, [])
        for row in connection.execute(f'SELECT * FROM "{record_class.TABLE}" ORDER BY rowid'):
            record: Record = {}
            for name in columns(record_class):
                key = declared.get(name)
                if key is None:
                    record[name] = row[name]
                elif key.type.is_list:
                    record[name] = lists[key.item].get(row["id"], [])
                elif key.type is KeyType.PATH and row[name] is not None:
                    record[name] = relative_to_data(row[name], data_dir)
                else:
                    record[name] = row[name]
            group.append(record)
    return exported


def _lists(connection: sqlite3.Connection, table: str, value: str) -> dict[str, list[str]]:
    """The items of one list key, by the id of the record that has them, in order."""
    grouped: dict[str, list[str]] = {}
    for owner, item in connection.execute(f'SELECT record_id, "{value}" FROM "{table}" ORDER BY rowid'):
        grouped.setdefault(owner, []).append(item)
    return grouped


def _plural(table: str) -> str:
    return table[:-1] + "ies" if table.endswith("y") else table + "s"


def lines(connection: sqlite3.Connection, data_dir: Path) -> list[Record]:
    """One object per record for JSON Lines, each tagged with its `record` kind."""
    exported = records(connection, data_dir)
    return [{"record": _singular(group), **record} for group, members in exported.items() for record in members]


def _singular(group: str) -> str:
    return group[:-3] + "y" if group.endswith("ies") else group[:-1]
