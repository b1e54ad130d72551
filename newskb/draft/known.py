"""The fact base's side of a draft, read from the index: the article of a source, every entity with its
aliases, and every id in use (a new record's id must be none of them)."""

from __future__ import annotations

import sqlite3

from newskb.dates import parse
from newskb.draft.names import KnownEntity
from newskb.draft.records import Article, Known
from newskb.errors import NotFoundError, RecordError
from newskb.fuzzy import did_you_mean
from newskb.kinds import Kind
from newskb.model import INDEXED_CLASSES


def from_index(connection: sqlite3.Connection, source_id: str) -> tuple[Article, Known]:
    """The source's article and what the fact base knows; NotFoundError for an unknown source."""
    row = connection.execute("SELECT id, published, article FROM source WHERE id = ?", (source_id,)).fetchone()
    if row is None:
        known_ids = [found[0] for found in connection.execute("SELECT id FROM source ORDER BY id")]
        raise NotFoundError(f"unknown source '{source_id}'{did_you_mean(source_id, known_ids)}")
    if row["article"] is None:
        raise RecordError(f"the text of source '{source_id}' cannot be read (run 'newskb check')")
    article = Article(id=row["id"], published=parse(row["published"]), text=row["article"])
    return article, known(connection)


def known(connection: sqlite3.Connection) -> Known:
    """Every entity of the fact base with its aliases, and every id in use."""
    aliases: dict[str, list[str]] = {}
    for alias in connection.execute("SELECT record_id, alias FROM alias ORDER BY record_id, position"):
        aliases.setdefault(alias["record_id"], []).append(alias["alias"])
    entities = tuple(
        KnownEntity(
            id=entity["id"],
            kind=Kind(entity["kind"]),
            name=entity["name"],
            aliases=tuple(aliases.get(entity["id"], [])),
            org=entity["org"],
        )
        for entity in connection.execute("SELECT id, kind, name, org FROM entity ORDER BY id")
    )
    # Every indexed table's ids (expectations are not indexed: a clash with one is refused by accept).
    tables = [record_class.TABLE for record_class in INDEXED_CLASSES]
    taken = frozenset(found[0] for table in tables for found in connection.execute(f'SELECT id FROM "{table}"'))
    return Known(entities=entities, taken=taken)
