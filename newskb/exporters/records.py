"""The whole fact base as records keyed as in the TOML files: what every export is made from."""

from __future__ import annotations

import sqlite3

Record = dict[str, object]


def records(connection: sqlite3.Connection) -> dict[str, list[Record]]:
    """Every record by kind, with the keys and values its TOML table has (dates as written), in the order
    model.py declares them; an entity also says which `kind` it is."""
    from newskb import layout
    from newskb.model import INDEXED_CLASSES
    from newskb.schema import keys_of

    lists = {table: _lists(connection, table, value) for table, value in layout.link_tables()}
    exported: dict[str, list[Record]] = {}
    for record_class in INDEXED_CLASSES:
        declared = keys_of(record_class)
        group = exported.setdefault(_plural(record_class.TABLE), [])
        for row in connection.execute(f'SELECT * FROM "{record_class.TABLE}" ORDER BY rowid'):
            record: Record = {}
            for key in declared:
                record[key.name] = lists[key.item].get(row["id"], []) if key.type.is_list else row[key.name]
                # `in row` would look among the values: a row's column names are its keys().
                if key.name == "id" and "kind" in row.keys():  # noqa: SIM118
                    record["kind"] = row["kind"]
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


def lines(connection: sqlite3.Connection) -> list[Record]:
    """One object per record for JSON Lines, each tagged with its `record` kind."""
    return [
        {"record": _singular(group), **record} for group, members in records(connection).items() for record in members
    ]


def _singular(group: str) -> str:
    return group[:-3] + "y" if group.endswith("ies") else group[:-1]
