"""The SQLite index every query runs on, built from the model one data file at a time.

Dates are stored as written (EDTF) beside their earliest and latest possible days (ISO strings,
which compare as dates), so as-of questions are range comparisons. Every row remembers the data
file it came from, so a changed file is refreshed by deleting its rows and inserting it again.
Search gets a small inverted index: every searchable text is a `doc`, split into normalised tokens
in `posting`, with the distinct tokens in `vocab` for fuzzy expansion of a query's words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from newskb.dates import OPEN, Edtf, Span
from newskb.fuzzy import normalise

if TYPE_CHECKING:
    from newskb.errors import Problem
    from newskb.model import FactBase

SCHEMA_VERSION = 5

SCHEMA = """
CREATE TABLE entity (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, summary TEXT, org TEXT, seats INTEGER,
    source TEXT, quote TEXT, file TEXT NOT NULL, name_norm TEXT NOT NULL
);
CREATE TABLE alias (entity_id TEXT NOT NULL, alias TEXT NOT NULL, file TEXT NOT NULL, alias_norm TEXT NOT NULL);
CREATE TABLE source (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, publisher TEXT NOT NULL, published TEXT NOT NULL,
    published_earliest TEXT NOT NULL, published_latest TEXT NOT NULL, text_path TEXT NOT NULL, text TEXT,
    note TEXT, file TEXT NOT NULL
);
CREATE TABLE cites (source_id TEXT NOT NULL, entity_id TEXT NOT NULL, file TEXT NOT NULL);
CREATE TABLE term (
    id TEXT PRIMARY KEY, office TEXT NOT NULL, holder TEXT NOT NULL,
    start TEXT, start_earliest TEXT, start_latest TEXT,
    "end" TEXT, end_earliest TEXT, end_latest TEXT,
    replaces TEXT, source TEXT NOT NULL, quote TEXT NOT NULL, note TEXT, file TEXT NOT NULL
);
CREATE TABLE event (
    id TEXT PRIMARY KEY, date TEXT, date_earliest TEXT, date_latest TEXT, title TEXT NOT NULL,
    source TEXT NOT NULL, quote TEXT NOT NULL, note TEXT, file TEXT NOT NULL
);
CREATE TABLE involves (event_id TEXT NOT NULL, entity_id TEXT NOT NULL, position INTEGER NOT NULL, file TEXT NOT NULL);
CREATE TABLE claim (
    id TEXT PRIMARY KEY, text TEXT NOT NULL, source TEXT NOT NULL, quote TEXT NOT NULL, note TEXT,
    file TEXT NOT NULL
);
CREATE TABLE about (claim_id TEXT NOT NULL, entity_id TEXT NOT NULL, position INTEGER NOT NULL, file TEXT NOT NULL);
-- Terms of the same holding from other sources: `closes` when the other gives the end this one, open
-- when its source was published, did not know; `conflicts` when the two sources dispute a date.
CREATE TABLE holding (term_id TEXT NOT NULL, other_id TEXT NOT NULL, closes INTEGER NOT NULL,
                      conflicts INTEGER NOT NULL);
CREATE TABLE doc (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, record_id TEXT NOT NULL, text TEXT NOT NULL,
                  word_count INTEGER NOT NULL, file TEXT NOT NULL);
-- Full-text index of the docs (SQLite's FTS5, tokenised in C: accents removed, case folded), and its
-- vocabulary, which search expands a query's words against.
CREATE VIRTUAL TABLE doc_fts USING fts5(text, content='doc', content_rowid='id',
                                        tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE doc_vocab USING fts5vocab(doc_fts, 'row');
-- What the index was built from, for an incremental refresh: each data file's size, mtime and hash,
-- the article texts its sources read, and the problems found in it.
CREATE TABLE data_file (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                        sha256 TEXT NOT NULL);
CREATE TABLE text_file (path TEXT NOT NULL, owner TEXT NOT NULL, size INTEGER, mtime_ns INTEGER);
CREATE TABLE problem (file TEXT NOT NULL, line INTEGER, key_path TEXT NOT NULL, message TEXT NOT NULL,
                      severity TEXT NOT NULL);
"""

INDEXES = """
CREATE INDEX alias_entity ON alias (entity_id);
CREATE INDEX alias_norm ON alias (alias_norm);
CREATE INDEX entity_name_norm ON entity (name_norm);
CREATE INDEX entity_kind ON entity (kind);
CREATE INDEX entity_org ON entity (org);
CREATE INDEX term_office ON term (office);
CREATE INDEX term_holder ON term (holder);
CREATE INDEX involves_entity ON involves (entity_id);
CREATE INDEX involves_event ON involves (event_id);
CREATE INDEX about_entity ON about (entity_id);
CREATE INDEX about_claim ON about (claim_id);
CREATE INDEX holding_term ON holding (term_id);
CREATE INDEX holding_other ON holding (other_id);
""" + "".join(
    f"CREATE INDEX {table}_file ON {table} (file);\n"
    for table in ("entity", "alias", "source", "cites", "term", "event", "involves", "claim", "about", "doc")
)

# Tables whose rows come from one data file, in the order they are emptied.
FILE_TABLES = ("alias", "cites", "involves", "about", "entity", "source", "term", "event", "claim", "doc", "problem")


def create(target: str = ":memory:") -> sqlite3.Connection:
    """An empty index."""
    connection = connect(target)
    connection.executescript(SCHEMA + INDEXES)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return connection


def connect(target: str) -> sqlite3.Connection:
    connection = sqlite3.connect(target, timeout=60, isolation_level=None)
    connection.row_factory = sqlite3.Row
    return connection


def build(base: FactBase, target: str = ":memory:") -> sqlite3.Connection:
    """A fresh index of `base`; where ids collide, the first record wins (check reports the rest)."""
    connection = create(target)
    with transaction(connection):
        insert(connection, base)
        refresh_holdings(connection, {(term.office, term.holder) for term in base.terms})
    return connection


def drop_indexes(connection: sqlite3.Connection) -> None:
    names = connection.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
    for (name,) in names:
        connection.execute(f'DROP INDEX "{name}"')


def create_indexes(connection: sqlite3.Connection) -> None:
    for statement in INDEXES.split(";"):
        if statement.strip():
            connection.execute(statement)


class transaction:
    """BEGIN IMMEDIATE ... COMMIT (or ROLLBACK): one writer at a time, readers see all or nothing."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.connection.execute("COMMIT" if kind is None else "ROLLBACK")


def _bounds(value: Edtf | None) -> tuple[str | None, str | None, str | None]:
    if value is None:
        return None, None, None
    return str(value), value.earliest_day.isoformat(), value.latest_day.isoformat()


Rows = dict[str, list[tuple[object, ...]]]
"""Rows to insert, by table: plain tuples, so a worker process can prepare them and send them back."""

_INSERT = {
    "entity": "INSERT OR IGNORE INTO entity VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "alias": "INSERT INTO alias VALUES (?, ?, ?, ?)",
    "source": "INSERT OR IGNORE INTO source VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "cites": "INSERT INTO cites VALUES (?, ?, ?)",
    "term": "INSERT OR IGNORE INTO term VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "event": "INSERT OR IGNORE INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "involves": "INSERT INTO involves VALUES (?, ?, ?, ?)",
    "claim": "INSERT OR IGNORE INTO claim VALUES (?, ?, ?, ?, ?, ?)",
    "about": "INSERT INTO about VALUES (?, ?, ?, ?)",
    "problem": "INSERT INTO problem VALUES (?, ?, ?, ?, ?)",
    "doc": "INSERT INTO doc (kind, record_id, text, word_count, file) VALUES (?, ?, ?, ?, ?)",
}


def insert(connection: sqlite3.Connection, base: FactBase, problems: Iterable[Problem] = ()) -> None:
    """Add the records of `base` (a whole fact base or one file's records) and their problems."""
    insert_rows(connection, rows_of(base, problems))


def rows_of(base: FactBase, problems: Iterable[Problem] = ()) -> Rows:
    """The index rows for `base` and its problems, ready to insert."""
    return {
        "entity": [
            (
                e.id,
                e.kind.value,
                e.name,
                e.summary,
                e.org,
                e.seats,
                e.source,
                e.quote,
                str(e.origin.file),
                normalise(e.name),
            )
            for e in base.entities
        ],
        "alias": [(e.id, alias, str(e.origin.file), normalise(alias)) for e in base.entities for alias in e.aliases],
        "source": [
            (s.id, s.title, s.publisher, *_bounds(s.published), str(s.text_path), s.text, s.note, str(s.origin.file))
            for s in base.sources
        ],
        "cites": [(s.id, cited, str(s.origin.file)) for s in base.sources for cited in s.cites],
        "term": [
            (
                t.id,
                t.office,
                t.holder,
                *_bounds(t.span.start),
                *((OPEN, None, None) if t.span.open_end else _bounds(t.span.end)),
                t.replaces,
                t.source,
                t.quote,
                t.note,
                str(t.origin.file),
            )
            for t in base.terms
        ],
        "event": [
            (v.id, *_bounds(v.date), v.title, v.source, v.quote, v.note, str(v.origin.file)) for v in base.events
        ],
        "involves": [(v.id, entity, n, str(v.origin.file)) for v in base.events for n, entity in enumerate(v.involves)],
        "claim": [(c.id, c.text, c.source, c.quote, c.note, str(c.origin.file)) for c in base.claims],
        "about": [(c.id, entity, n, str(c.origin.file)) for c in base.claims for n, entity in enumerate(c.about)],
        "problem": [(str(p.file), p.line, p.key_path, p.message, p.severity.value) for p in problems],
        "doc": [
            (kind, record_id, text, len(text.split()), file) for kind, record_id, text, file in searchable_texts(base)
        ],
    }


def insert_rows(connection: sqlite3.Connection, rows: Rows) -> None:
    """Insert prepared rows, and index their docs' text."""
    first = next_doc_id(connection)
    insert_rows_unindexed(connection, rows)
    index_text(connection, first)


def insert_rows_unindexed(connection: sqlite3.Connection, rows: Rows) -> None:
    """Insert prepared rows; their docs' text is indexed later, by `index_text`, all at once."""
    for table, sql in _INSERT.items():
        connection.executemany(sql, rows.get(table, []))


def next_doc_id(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT coalesce(max(id), 0) + 1 FROM doc").fetchone()[0])


def index_text(connection: sqlite3.Connection, first: int) -> None:
    """Add the docs from id `first` on to the full-text index (one large insert is far cheaper for
    FTS5 than many small ones, which each add a segment to merge)."""
    connection.execute("INSERT INTO doc_fts (rowid, text) SELECT id, text FROM doc WHERE id >= ?", (first,))


def merge_rows(into: Rows, more: Rows) -> None:
    for table, rows in more.items():
        into.setdefault(table, []).extend(rows)


def delete_file(connection: sqlite3.Connection, path: str) -> set[tuple[str, str]]:
    """Remove every row that came from one data file; return the holdings whose terms it touched."""
    touched = {
        (row[0], row[1]) for row in connection.execute("SELECT office, holder FROM term WHERE file = ?", (path,))
    }
    connection.execute(
        "DELETE FROM holding WHERE term_id IN (SELECT id FROM term WHERE file = :f) "
        "OR other_id IN (SELECT id FROM term WHERE file = :f)",
        {"f": path},
    )
    # An external-content FTS index is told what to forget, with the text it indexed.
    connection.execute(
        "INSERT INTO doc_fts (doc_fts, rowid, text) SELECT 'delete', id, text FROM doc WHERE file = ?", (path,)
    )
    for table in FILE_TABLES:
        connection.execute(f"DELETE FROM {table} WHERE file = ?", (path,))
    return touched


def refresh_holdings(connection: sqlite3.Connection, groups: set[tuple[str, str]]) -> None:
    """Recompute which terms tell of the same holding, for the (office, holder) groups given."""
    if not groups:
        return
    from newskb import holding  # imported here, like the model: only a refresh compares holdings
    from newskb.model import Origin, Term

    # Only a holder with more than one term of an office, from more than one source, can have a holding
    # told twice; asking SQLite first spares rebuilding every other term in Python.
    shared = {
        (row[0], row[1])
        for row in connection.execute(
            "SELECT office, holder FROM term GROUP BY office, holder HAVING count(DISTINCT source) > 1"
        )
    } & groups
    if not shared:
        return
    published = {
        row["id"]: date.fromisoformat(row["published_earliest"])
        for row in connection.execute("SELECT id, published_earliest FROM source")
    }
    rows = [
        row
        for office, holder in shared
        for row in connection.execute("SELECT * FROM term WHERE office = ? AND holder = ?", (office, holder))
    ]
    terms = [
        Term(
            id=row["id"],
            office=row["office"],
            holder=row["holder"],
            source=row["source"],
            quote="",
            span=Span.from_written(row["start"], row["end"]),
            origin=Origin(file=Path(row["file"])),
        )
        for row in rows
    ]
    connection.executemany("DELETE FROM holding WHERE term_id = ?", [(term.id,) for term in terms])
    connection.executemany(
        "INSERT INTO holding VALUES (?, ?, ?, ?)",
        [
            (
                term.id,
                other.id,
                holding.closes(other, term, published),
                bool(holding.disagreements(term, other, published)),
            )
            for term, other in holding.pairs(terms)
        ],
    )


def searchable_texts(base: FactBase) -> Iterator[tuple[str, str, str, str]]:
    """(kind, record id, text, file) for every text search looks at: names, aliases, titles, claims,
    quotes; a text a record repeats (a claim worded as its quote) is indexed once."""
    for entity in base.entities:
        for text in dict.fromkeys((entity.name, *entity.aliases)):
            yield entity.kind.value, entity.id, text, str(entity.origin.file)
    for term in base.terms:
        yield "term", term.id, term.quote, str(term.origin.file)
    for event in base.events:
        for text in dict.fromkeys((event.title, event.quote)):
            yield "event", event.id, text, str(event.origin.file)
    for claim in base.claims:
        for text in dict.fromkeys((claim.text, claim.quote)):
            yield "claim", claim.id, text, str(claim.origin.file)
