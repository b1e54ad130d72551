"""The keys of a record that its answer row does not name itself, so that a key added to model.py reaches the
answers with no change to them.

A row (rows.py, sources.py) names the keys its readers need, under its own names. A record kind may declare
more, now or later: a row carries those in `more`, a `Declared` mapping, which JSON, JSON Lines, TSV and CSV
write beside the row's own fields (render/plain.as_dict); a table at a terminal shows its own columns. The
keys are read from the index's `declared` table (index/layout.py fills it from model.py), so an answer
builds no record class.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import sqlite3


class Declared(dict[str, object]):
    """A record's keys beyond those its row names, by name, in the order model.py declares them."""


class _Key(NamedTuple):
    name: str
    link: str | None  # a list key's link table
    value: str | None  # and the column of its items


def beyond(connection: sqlite3.Connection, table: str, named: Collection[str]) -> list[_Key]:
    """The keys the records of `table` declare that are not in `named`, in their declared order."""
    from newskb.answers.lookup import remembered  # here: rendering imports this module, and lookup sqlite3

    declared = remembered(connection, ("declared", table), lambda: _declared(connection, table))
    return [key for key in declared if key.name not in named]


def row_keys(connection: sqlite3.Connection, row_type: type, table: str | None = None) -> list[str]:
    """The keys a row of `row_type` is written with (render/plain.as_dict): its own fields, then, for `more`,
    the keys the records of `table` declare beyond them. What an empty TSV or CSV writes as its header, so
    that a header has one shape whether rows follow or not."""
    if hasattr(row_type, "_fields"):
        own: list[str] = list(row_type._fields)
    else:
        import dataclasses

        own = [field.name for field in dataclasses.fields(row_type)]
    if "more" not in own or table is None:
        return own
    return [*(name for name in own if name != "more"), *(key.name for key in beyond(connection, table, own))]


def _declared(connection: sqlite3.Connection, table: str) -> list[_Key]:
    query = "SELECT name, link, value FROM declared WHERE record_table = ? ORDER BY rowid"
    return [_Key(*row) for row in connection.execute(query, (table,))]


def values(connection: sqlite3.Connection, keys: list[_Key], record: sqlite3.Row) -> Declared:
    """The values of `keys` for one record, given its row of its table (a list key's items in written order)."""
    found = Declared()
    for declared in keys:
        if declared.link is None:
            found[declared.name] = record[declared.name]
        else:
            sql = f'SELECT "{declared.value}" FROM "{declared.link}" WHERE record_id = ? ORDER BY position'
            found[declared.name] = [row[0] for row in connection.execute(sql, (record["id"],))]
    return found


def of_record(connection: sqlite3.Connection, table: str, record_id: str, named: Collection[str]) -> Declared:
    """The keys beyond `named` of the one record of `table` with this id."""
    keys = beyond(connection, table, named)
    if not keys:
        return Declared()
    record = connection.execute(f'SELECT * FROM "{table}" WHERE id = ?', (record_id,)).fetchone()
    return values(connection, keys, record)
