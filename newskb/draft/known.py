"""The fact base's side of a draft, read from the index: the article of a source, every entity with its
aliases, and every id in use (a new record's id must be none of them), the expectations' ids included,
which are read from their file (the index does not hold them)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

from newskb.base.containment import MAX_ARTICLE, Refused, read_contained
from newskb.base.folder import EXPECTATIONS_FILE
from newskb.base.model import INDEXED_CLASSES
from newskb.common.dates import parse
from newskb.common.errors import NotFoundError, RecordError
from newskb.common.fuzzy import did_you_mean
from newskb.common.kinds import Kind
from newskb.draft.names import KnownEntity
from newskb.draft.records import Article, Known, same


def from_index(connection: sqlite3.Connection, source_id: str, data: Path) -> tuple[Article, Known]:
    """The source's article and what the fact base in `data` knows; NotFoundError for an unknown source."""
    row = connection.execute("SELECT id, published, article FROM source WHERE id = ?", (source_id,)).fetchone()
    if row is None:
        known_ids = [found[0] for found in connection.execute("SELECT id FROM source ORDER BY id")]
        raise NotFoundError(f"unknown source '{source_id}'{did_you_mean(source_id, known_ids)}")
    if row["article"] is None:
        raise RecordError(f"the text of source '{source_id}' cannot be read (run 'newskb check')")
    article = Article(id=row["id"], published=parse(row["published"]), text=row["article"])
    terms = connection.execute("SELECT id, holder, office FROM term WHERE source = ? ORDER BY id", (source_id,))
    events = connection.execute(
        "SELECT e.id, e.date, group_concat(i.entity_id, ' ') AS involves FROM event e "
        "LEFT JOIN involves i ON i.record_id = e.id WHERE e.source = ? GROUP BY e.id ORDER BY e.id",
        (source_id,),
    )
    held = (
        *((term["id"], same(Kind.TERM, {"holder": term["holder"], "office": term["office"]})) for term in terms),
        *(
            (event["id"], same(Kind.EVENT, {"date": event["date"], "involves": (event["involves"] or "").split()}))
            for event in events
        ),
    )
    return article, replace(known(connection, expectation_ids(data)), held=held)


def expectation_ids(data: Path) -> frozenset[str]:
    """The ids of the expectations in `data` (none if their file is missing or unreadable: check says why)."""
    from newskb.base.store import read_document

    path = data / EXPECTATIONS_FILE
    try:
        # As hostile as any path in the data: a FIFO or a link out of the base is not read (nor a file as
        # large as the largest article allowed, which no list of expectations is).
        raw = read_contained(path, data, MAX_ARTICLE)
    except (Refused, OSError):
        return frozenset()
    document, _ = read_document(path, [], raw.decode("utf-8", errors="replace"))
    tables = document.get(Kind.EXPECT.value) if document is not None else None
    if not isinstance(tables, list):
        return frozenset()
    return frozenset(table["id"] for table in tables if isinstance(table, dict) and isinstance(table.get("id"), str))


def known(connection: sqlite3.Connection, also_taken: frozenset[str] = frozenset()) -> Known:
    """Every entity of the fact base with its aliases, and every id in use (and `also_taken`)."""
    tables = [record_class.TABLE for record_class in INDEXED_CLASSES]
    taken = frozenset(found[0] for table in tables for found in connection.execute(f'SELECT id FROM "{table}"'))
    return Known(entities=entities(connection), taken=taken | also_taken)


def entities(
    connection: sqlite3.Connection, where: str = "1", parameters: tuple[str, ...] = ()
) -> tuple[KnownEntity, ...]:
    """The entities `where` selects (SQL over the entity table, with `parameters`), each with its aliases."""
    rows = connection.execute(f"SELECT id, kind, name, org FROM entity WHERE {where} ORDER BY id", parameters)
    # Only an entity has aliases: every alias when every entity is asked for, else those of the ones selected.
    owners = "" if where == "1" else f"WHERE record_id IN (SELECT id FROM entity WHERE {where}) "
    aliases: dict[str, list[str]] = {}
    ordered = f"SELECT record_id, alias FROM alias {owners}ORDER BY record_id, position"
    for alias in connection.execute(ordered, parameters):
        aliases.setdefault(alias["record_id"], []).append(alias["alias"])
    return tuple(
        KnownEntity(
            id=entity["id"],
            kind=Kind(entity["kind"]),
            name=entity["name"],
            aliases=tuple(aliases.get(entity["id"], [])),
            org=entity["org"],
        )
        for entity in rows.fetchall()
    )
