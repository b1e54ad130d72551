"""The whole fact base out of newskb: records keyed as in the TOML files, or the SQLite index itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newskb.errors import BadArgumentError

Record = dict[str, object]


def _lists(connection: sqlite3.Connection, sql: str) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for owner, value in connection.execute(sql):
        grouped.setdefault(owner, []).append(value)
    return grouped


def records(connection: sqlite3.Connection) -> dict[str, list[Record]]:
    """Every record by kind, with the keys and values its TOML table has (dates as written)."""
    aliases = _lists(connection, "SELECT entity_id, alias FROM alias ORDER BY rowid")
    cites = _lists(connection, "SELECT source_id, entity_id FROM cites ORDER BY rowid")
    involves = _lists(connection, "SELECT event_id, entity_id FROM involves ORDER BY event_id, position")
    about = _lists(connection, "SELECT claim_id, entity_id FROM about ORDER BY claim_id, position")
    return {
        "entities": [
            {
                "id": row["id"],
                "kind": row["kind"],
                "name": row["name"],
                "aliases": aliases.get(row["id"], []),
                "summary": row["summary"],
                "org": row["org"],
                "seats": row["seats"],
                "source": row["source"],
                "quote": row["quote"],
            }
            for row in connection.execute("SELECT * FROM entity ORDER BY rowid")
        ],
        "sources": [
            {
                "id": row["id"],
                "title": row["title"],
                "publisher": row["publisher"],
                "cites": cites.get(row["id"], []),
                "published": row["published"],
                "text": row["text_path"],
                "note": row["note"],
            }
            for row in connection.execute("SELECT * FROM source ORDER BY rowid")
        ],
        "terms": [
            {
                "id": row["id"],
                "office": row["office"],
                "holder": row["holder"],
                "start": row["start"],
                "end": row["end"],
                "replaces": row["replaces"],
                "source": row["source"],
                "quote": row["quote"],
                "note": row["note"],
            }
            for row in connection.execute("SELECT * FROM term ORDER BY rowid")
        ],
        "events": [
            {
                "id": row["id"],
                "date": row["date"],
                "title": row["title"],
                "involves": involves.get(row["id"], []),
                "source": row["source"],
                "quote": row["quote"],
                "note": row["note"],
            }
            for row in connection.execute("SELECT * FROM event ORDER BY rowid")
        ],
        "claims": [
            {
                "id": row["id"],
                "about": about.get(row["id"], []),
                "text": row["text"],
                "source": row["source"],
                "quote": row["quote"],
                "note": row["note"],
            }
            for row in connection.execute("SELECT * FROM claim ORDER BY rowid")
        ],
    }


def lines(connection: sqlite3.Connection) -> list[Record]:
    """One object per record for JSON Lines, each tagged with its `record` kind."""
    singular = {"entities": "entity", "sources": "source", "terms": "term", "events": "event", "claims": "claim"}
    return [
        {"record": singular[group], **record} for group, members in records(connection).items() for record in members
    ]


def to_sqlite(connection: sqlite3.Connection, output: Path | None) -> Path:
    """Copy the index into a SQLite file (for Datasette or any SQL client)."""
    if output is None:
        raise BadArgumentError("--format sqlite needs --output FILE (a database is not written to a terminal or pipe)")
    if output.exists():
        raise BadArgumentError(f"{output}: already exists; choose a new file name")
    try:
        target = sqlite3.connect(output)
        try:
            connection.backup(target)
        finally:
            target.close()
    except sqlite3.Error as error:
        raise BadArgumentError(f"{output}: cannot write the database: {error}") from None
    return output
