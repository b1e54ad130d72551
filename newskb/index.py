"""The SQLite index every query runs on, built from the model.

Dates are stored as written (EDTF) beside their earliest and latest possible days (ISO strings,
which compare as dates), so as-of questions are range comparisons. Search gets a small inverted
index: every searchable text is a `doc`, split into normalised tokens in `posting`, with the
distinct tokens in `vocab` for fuzzy expansion of a query's words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path

from newskb import holding
from newskb.dates import OPEN, Edtf
from newskb.errors import DataFileError, Problem, Severity
from newskb.fuzzy import normalise
from newskb.model import FactBase
from newskb.store import load

SCHEMA = """
CREATE TABLE entity (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, summary TEXT, org TEXT, seats INTEGER,
    source TEXT, quote TEXT, file TEXT NOT NULL, line INTEGER
);
CREATE TABLE alias (entity_id TEXT NOT NULL, alias TEXT NOT NULL);
CREATE TABLE source (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT NOT NULL, published TEXT NOT NULL,
    published_earliest TEXT NOT NULL, published_latest TEXT NOT NULL, text_path TEXT NOT NULL, text TEXT,
    note TEXT, file TEXT NOT NULL, line INTEGER
);
CREATE TABLE cites (source_id TEXT NOT NULL, entity_id TEXT NOT NULL);
CREATE TABLE term (
    id TEXT PRIMARY KEY, office TEXT NOT NULL, holder TEXT NOT NULL,
    start TEXT, start_earliest TEXT, start_latest TEXT,
    "end" TEXT, end_earliest TEXT, end_latest TEXT,
    replaces TEXT, source TEXT NOT NULL, quote TEXT NOT NULL, note TEXT, file TEXT NOT NULL, line INTEGER
);
CREATE TABLE event (
    id TEXT PRIMARY KEY, date TEXT, date_earliest TEXT, date_latest TEXT, title TEXT NOT NULL,
    source TEXT NOT NULL, quote TEXT NOT NULL, note TEXT, file TEXT NOT NULL, line INTEGER
);
CREATE TABLE involves (event_id TEXT NOT NULL, entity_id TEXT NOT NULL, position INTEGER NOT NULL);
CREATE TABLE claim (
    id TEXT PRIMARY KEY, text TEXT NOT NULL, source TEXT NOT NULL, quote TEXT NOT NULL, note TEXT,
    file TEXT NOT NULL, line INTEGER
);
CREATE TABLE about (claim_id TEXT NOT NULL, entity_id TEXT NOT NULL, position INTEGER NOT NULL);
-- Terms of the same holding from other sources: `closes` when the other gives the end this one, open
-- when its source was published, did not know; `conflicts` when the two sources dispute a date.
CREATE TABLE holding (term_id TEXT NOT NULL, other_id TEXT NOT NULL, closes INTEGER NOT NULL,
                      conflicts INTEGER NOT NULL);
CREATE TABLE doc (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, record_id TEXT NOT NULL, text TEXT NOT NULL,
                  token_count INTEGER NOT NULL);
CREATE TABLE posting (token TEXT NOT NULL, doc INTEGER NOT NULL);
CREATE TABLE vocab (token TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE INDEX alias_entity ON alias (entity_id);
CREATE INDEX entity_kind ON entity (kind);
CREATE INDEX entity_org ON entity (org);
CREATE INDEX term_office ON term (office);
CREATE INDEX term_holder ON term (holder);
CREATE INDEX involves_entity ON involves (entity_id);
CREATE INDEX involves_event ON involves (event_id);
CREATE INDEX about_entity ON about (entity_id);
CREATE INDEX about_claim ON about (claim_id);
CREATE INDEX posting_token ON posting (token);
CREATE INDEX holding_term ON holding (term_id);
"""


def open_index(root: Path) -> tuple[sqlite3.Connection, list[Problem]]:
    """Load the data folder and index it in memory; an unreadable file is an error, not a gap.

    Other problems are returned so the caller can warn: answers still come from the valid records.
    """
    base, problems = load(root)
    fatal = [problem for problem in problems if problem.severity is Severity.FATAL]
    if fatal:
        raise DataFileError(f"{fatal[0]} (run 'newskb check' for every problem)")
    return build(base), problems


def build(base: FactBase, target: str = ":memory:") -> sqlite3.Connection:
    """A fresh index of `base`; where ids collide, the first record wins (check reports the rest)."""
    connection = sqlite3.connect(target)
    connection.row_factory = sqlite3.Row
    connection.executescript(SCHEMA)
    with connection:
        _insert_records(connection, base)
        _insert_docs(connection, base)
    return connection


def _bounds(value: Edtf | None) -> tuple[str | None, str | None, str | None]:
    if value is None:
        return None, None, None
    return str(value), value.earliest_day.isoformat(), value.latest_day.isoformat()


def _insert_records(connection: sqlite3.Connection, base: FactBase) -> None:
    insert = connection.execute
    for entity in base.entities:
        insert(
            "INSERT OR IGNORE INTO entity VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                entity.id,
                entity.kind.value,
                entity.name,
                entity.summary,
                entity.org,
                entity.seats,
                entity.source,
                entity.quote,
                str(entity.origin.file),
                entity.origin.line,
            ),
        )
        connection.executemany("INSERT INTO alias VALUES (?, ?)", [(entity.id, alias) for alias in entity.aliases])
    for source in base.sources:
        published, earliest, latest = _bounds(source.published)
        insert(
            "INSERT OR IGNORE INTO source VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                source.id,
                source.title,
                source.publisher,
                published,
                earliest,
                latest,
                str(source.text_path),
                source.text,
                source.note,
                str(source.origin.file),
                source.origin.line,
            ),
        )
        connection.executemany("INSERT INTO cites VALUES (?, ?)", [(source.id, cited) for cited in source.cites])
    for term in base.terms:
        end = _bounds(term.span.end)
        if term.span.open_end:
            end = (OPEN, None, None)
        insert(
            "INSERT OR IGNORE INTO term VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                term.id,
                term.office,
                term.holder,
                *_bounds(term.span.start),
                *end,
                term.replaces,
                term.source,
                term.quote,
                term.note,
                str(term.origin.file),
                term.origin.line,
            ),
        )
    _insert_holdings(connection, base)
    for event in base.events:
        insert(
            "INSERT OR IGNORE INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event.id,
                *_bounds(event.date),
                event.title,
                event.source,
                event.quote,
                event.note,
                str(event.origin.file),
                event.origin.line,
            ),
        )
        connection.executemany(
            "INSERT INTO involves VALUES (?, ?, ?)", [(event.id, entity, n) for n, entity in enumerate(event.involves)]
        )
    for claim in base.claims:
        insert(
            "INSERT OR IGNORE INTO claim VALUES (?, ?, ?, ?, ?, ?, ?)",
            (claim.id, claim.text, claim.source, claim.quote, claim.note, str(claim.origin.file), claim.origin.line),
        )
        connection.executemany(
            "INSERT INTO about VALUES (?, ?, ?)", [(claim.id, entity, n) for n, entity in enumerate(claim.about)]
        )


def _insert_holdings(connection: sqlite3.Connection, base: FactBase) -> None:
    published = {source.id: source.published.earliest_day for source in base.sources}
    connection.executemany(
        "INSERT INTO holding VALUES (?, ?, ?, ?)",
        [
            (
                term.id,
                other.id,
                holding.closes(other, term, published),
                bool(holding.disagreements(term, other, published)),
            )
            for term, other in holding.pairs(base.terms)
        ],
    )


def searchable_texts(base: FactBase) -> Iterator[tuple[str, str, str]]:
    """(kind, record id, text) for every text search looks at: names, aliases, titles, claims, quotes."""
    for entity in base.entities:
        for text in (entity.name, *entity.aliases):
            yield entity.kind.value, entity.id, text
    for term in base.terms:
        yield "term", term.id, term.quote
    for event in base.events:
        yield "event", event.id, event.title
        yield "event", event.id, event.quote
    for claim in base.claims:
        yield "claim", claim.id, claim.text
        yield "claim", claim.id, claim.quote


def _insert_docs(connection: sqlite3.Connection, base: FactBase) -> None:
    vocabulary: set[str] = set()
    for number, (kind, record_id, text) in enumerate(searchable_texts(base), start=1):
        tokens = tokenize(text)
        connection.execute("INSERT INTO doc VALUES (?, ?, ?, ?, ?)", (number, kind, record_id, text, len(tokens)))
        connection.executemany("INSERT INTO posting VALUES (?, ?)", [(token, number) for token in set(tokens)])
        vocabulary.update(tokens)
    connection.executemany("INSERT INTO vocab VALUES (?)", [(token,) for token in sorted(vocabulary)])


def tokenize(text: str) -> list[str]:
    """The normalised words of a text, as search compares them."""
    return normalise(text).split()


def rows(connection: sqlite3.Connection, sql: str, parameters: Iterable[object] = ()) -> list[sqlite3.Row]:
    return list(connection.execute(sql, tuple(parameters)))
