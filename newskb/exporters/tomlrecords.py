"""The whole fact base as records keyed as in the TOML files: what every export is made from.

The groups (`entities`, `sources`, `terms`, `events`, `claims`) and their columns come from the record
declarations in model.py, so a new key appears in every export without a change here.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newskb.base.model import Claim, Entity, Event, Source, Term

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
    from newskb.common.dates import OPEN, parse

    if not isinstance(written, str) or written in ("", OPEN):
        return None
    value = parse(written)
    return str(value) if value.is_plain else None


def groups() -> list[tuple[str, type[Indexed]]]:
    """(group name, record class) of every kind the index holds: `entities`, `sources`, ..."""
    from newskb.base.model import INDEXED_CLASSES

    return [(_plural(record_class.TABLE), record_class) for record_class in INDEXED_CLASSES]


def columns(record_class: type[Indexed]) -> list[str]:
    """A group's keys, in the order model.py declares them; an entity's `kind` follows its `id`."""
    from newskb.base.schema import keys_of

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
    """Every record by kind (see `stream`), all at once: for a small base, or a test."""
    return {group_name: list(stream(connection, record_class, data_dir)) for group_name, record_class in groups()}


def stream(connection: sqlite3.Connection, record_class: type[Indexed], data_dir: Path) -> Iterator[Record]:
    """Each record of one kind, read one at a time, with the keys and values its TOML table has (dates as
    written, paths relative to the data folder), in the order model.py declares them; an entity also says
    which `kind` it is. A list key's items come with their record, in the order they were written (as JSON,
    from SQLite: every export writes as it reads, in the memory of one record)."""
    from newskb.base.folder import relative_to_data
    from newskb.base.schema import KeyType, keys_of
    from newskb.index import layout

    values = dict(layout.link_tables())
    declared = {key.name: key for key in keys_of(record_class)}
    names = columns(record_class)
    lists = ", ".join(
        f'(SELECT json_group_array("{values[key.item]}") FROM (SELECT "{values[key.item]}" FROM "{key.item}" '
        f'WHERE record_id = r.id ORDER BY rowid)) AS "{key.name}"'
        for key in declared.values()
        if key.type.is_list
    )
    cursor = connection.cursor()
    cursor.row_factory = sqlite3.Row
    for row in cursor.execute(
        f'SELECT r.*{", " if lists else ""}{lists} FROM "{record_class.TABLE}" r ORDER BY r.rowid'
    ):
        record: Record = {}
        for name in names:
            key = declared.get(name)
            if key is not None and key.type.is_list:
                record[name] = json.loads(row[name])
            elif key is not None and key.type is KeyType.PATH and row[name] is not None:
                record[name] = relative_to_data(row[name], data_dir)
            else:
                record[name] = row[name]
        yield record


def beyond(record: Record, handled: Collection[str]) -> Record:
    """A record's keys an export does not handle itself (neither maps nor leaves out on purpose): every key a
    kind gains in model.py, to be written under the format's extension names. Only those given: a key left
    unset is not written."""
    return {key: value for key, value in record.items() if key not in handled and value not in (None, [])}


def _plural(table: str) -> str:
    return table[:-1] + "ies" if table.endswith("y") else table + "s"


def lines(connection: sqlite3.Connection, data_dir: Path) -> Iterator[Record]:
    """One object per record for JSON Lines, each tagged with its `record` kind, read one at a time."""
    for group_name, record_class in groups():
        for record in stream(connection, record_class, data_dir):
            yield {"record": _singular(group_name), **record}


def _singular(group: str) -> str:
    return group[:-3] + "y" if group.endswith("ies") else group[:-1]
