"""The SQLite index every query runs on, built from the model one data file at a time.

The records' tables are derived from their declarations (see layout.py). Beside them the index keeps
which terms tell of the same holding (`holding`), every searchable text (`doc`) with SQLite's
full-text index over it (`doc_fts`, and its vocabulary `doc_vocab`, which search expands a query's
words against), and what it was built from, for an incremental refresh (`data_file`, `text_file`,
and the `problem`s found in each file).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from newskb.common.dates import OPEN, Span
from newskb.common.fuzzy import normalise
from newskb.index import layout, vocab
from newskb.index.layout import Rows

if TYPE_CHECKING:
    from newskb.base.model import FactBase, Term
    from newskb.common.errors import Problem

_OWN_TABLES = f"""
-- Terms of the same holding from other sources: `closes` when the other gives the end this one, open
-- when its source was published, did not know; `conflicts` when the two sources dispute a date.
CREATE TABLE holding (term_id TEXT NOT NULL, other_id TEXT NOT NULL, closes INTEGER NOT NULL,
                      conflicts INTEGER NOT NULL);
CREATE TABLE doc (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, record_id TEXT NOT NULL, text TEXT NOT NULL,
                  word_count INTEGER NOT NULL, file TEXT NOT NULL);
-- Each word of an entity's names and aliases, normalised as the names are (fuzzy.normalise), with the name
-- it is a word of: TAB finds the names a typed word begins a word of from an index, not by reading every name.
CREATE TABLE name_word (word TEXT NOT NULL, record_id TEXT NOT NULL, label TEXT NOT NULL, norm TEXT NOT NULL,
                        file TEXT NOT NULL);
-- Full-text index of the docs (SQLite's FTS5, tokenised in C: accents removed, case folded), and its
-- vocabulary, which a first build reads its words from (vocab.py).
CREATE VIRTUAL TABLE doc_fts USING fts5(text, content='doc', content_rowid='id', tokenize='{vocab.TOKENIZER}');
CREATE VIRTUAL TABLE doc_vocab USING fts5vocab(doc_fts, 'row');
-- Every dated item's earliest and latest possible day (layout.py's day numbers) in an R*Tree, which finds
-- the items that may fall in a range of days without reading the others: an event's date (its id is the
-- event's rowid * 4), a term's start (the term's rowid * 4 + 1) and end (+ 2). An open or unknown date
-- has no entry.
CREATE VIRTUAL TABLE dated USING rtree_i32(id, earliest, latest);
-- What the index was built from, for an incremental refresh: each data file's stat (size, mtime, ctime,
-- inode: freshness.py) and hash, the article texts its sources read, with theirs, the problems found in it,
-- and the whole at once (every path, and every stat packed), which a fresh index matches.
CREATE TABLE data_file (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                        ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE text_file (path TEXT NOT NULL, owner TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
                        ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, sha256 TEXT NOT NULL);
CREATE TABLE freshness (data_paths TEXT NOT NULL, data_stats BLOB NOT NULL, text_paths TEXT NOT NULL,
                        text_stats BLOB NOT NULL);
CREATE TABLE problem (file TEXT NOT NULL, line INTEGER, key_path TEXT NOT NULL, message TEXT NOT NULL,
                      severity TEXT NOT NULL);
"""

# The indexes the queries need (the link tables' own come from layout.py).
_OWN_INDEXES = """
CREATE INDEX entity_name_norm ON entity (name_norm);
CREATE INDEX entity_kind ON entity (kind);
CREATE INDEX entity_org ON entity (org);
-- An office's terms, with the end that lets `who` drop those over before a day without reading them.
CREATE INDEX term_office ON term (office, end_latest);
CREATE INDEX term_holder ON term (holder);
-- Who came next: the term that replaces a holder in an office (one lookup, not a scan of the office).
CREATE INDEX term_replaces ON term (replaces, office);
CREATE INDEX holding_term ON holding (term_id);
CREATE INDEX holding_other ON holding (other_id);
CREATE INDEX doc_file ON doc (file);
CREATE INDEX name_word_word ON name_word (word);
CREATE INDEX name_word_file ON name_word (file);
-- The docs of a record: search matches every record about an entity the question names.
CREATE INDEX doc_record ON doc (record_id);
CREATE INDEX problem_file ON problem (file);
"""

_OWN_INSERTS = {
    "problem": "INSERT INTO problem VALUES (?, ?, ?, ?, ?)",
    "doc": "INSERT INTO doc (kind, record_id, text, word_count, file) VALUES (?, ?, ?, ?, ?)",
    "name_word": "INSERT INTO name_word VALUES (?, ?, ?, ?, ?)",
}


def _indexes() -> str:
    return layout.index_sql() + _OWN_INDEXES + vocab.INDEX_SQL


def file_tables() -> list[str]:
    """Tables whose rows come from one data file."""
    return [*layout.tables(), "doc", "name_word", "problem"]


def create(target: str = ":memory:", *, unsynced: bool = False) -> sqlite3.Connection:
    """An empty index; `unsynced`: with no journal and no fsync, for a file nobody reads until it is built."""
    connection = connect(target)
    if unsynced:
        # Set before the schema is written: each of its ~60 statements would otherwise be synced to disk.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
    # In one transaction: else SQLite commits each of the script's ~120 statements on its own, each a write
    # of the pages it changed (1-2 ms of a first query on the seed, with the journal and syncs off).
    schema = layout.create_sql() + _OWN_TABLES + vocab.CREATE_SQL + _indexes()
    connection.executescript(f"BEGIN;\n{schema}COMMIT;\n")
    connection.execute(f"PRAGMA user_version = {layout.version()}")
    return connection


def connect(target: str) -> sqlite3.Connection:
    connection = sqlite3.connect(target, timeout=60, isolation_level=None)
    connection.row_factory = sqlite3.Row
    return connection


def like(text: str) -> str:
    """`text` for a LIKE pattern, its wildcards taken literally (with ESCAPE '\\')."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def linked(connection: sqlite3.Connection, table: str, record_id: str) -> list[str]:
    """The ids one of a record's list keys names (`said_by`, `via`, ...), in the order they are written."""
    sql = f'SELECT entity_id FROM "{table}" WHERE record_id = ? ORDER BY position'
    return [row[0] for row in connection.execute(sql, (record_id,))]


def build(base: FactBase, target: str = ":memory:") -> sqlite3.Connection:
    """A fresh index of `base`; where ids collide, the first record wins (check reports the rest)."""
    connection = create(target)
    with Transaction(connection):
        insert(connection, base)
        refresh_holdings(connection, {(term.office, term.holder) for term in base.terms})
    return connection


def drop_indexes(connection: sqlite3.Connection) -> None:
    names = connection.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
    for (name,) in names:
        connection.execute(f'DROP INDEX "{name}"')


def create_indexes(connection: sqlite3.Connection) -> None:
    for statement in _indexes().split(";"):
        if statement.strip():
            connection.execute(statement)


class Transaction:
    """BEGIN IMMEDIATE ... COMMIT (or ROLLBACK): one writer at a time, readers see all or nothing."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self.connection.execute("COMMIT" if kind is None else "ROLLBACK")


def insert(connection: sqlite3.Connection, base: FactBase, problems: Iterable[Problem] = ()) -> None:
    """Add the records of `base` (a whole fact base or one file's records) and their problems."""
    insert_rows(connection, rows_of(base, problems))


def rows_of(base: FactBase, problems: Iterable[Problem] = ()) -> Rows:
    """The index rows for `base` and its problems, ready to insert."""
    rows = layout.rows_of(base)
    rows["problem"] = layout.problem_rows(problems)
    rows["doc"] = [
        (kind, record_id, text, len(text.split()), file) for kind, record_id, text, file in searchable_texts(base)
    ]
    rows["name_word"] = list(name_words(base))
    return rows


def name_words(base: FactBase) -> Iterator[tuple[str, str, str, str, str]]:
    """(word, entity id, name, normalised name, file) for each word of every entity's names and aliases."""
    for entity in base.entities:
        for label in dict.fromkeys((entity.name, *entity.aliases)):
            norm = normalise(label)
            for word in dict.fromkeys(norm.split()):
                yield word, entity.id, label, norm, str(entity.origin.file)


def insert_rows(connection: sqlite3.Connection, rows: Rows) -> None:
    """Insert prepared rows into an empty index, and index their texts and dates."""
    insert_rows_unindexed(connection, rows)
    index_new(connection, None)


def insert_rows_unindexed(connection: sqlite3.Connection, rows: Rows) -> None:
    """Insert prepared rows; their docs' text and their dates are indexed later, by `index_new`."""
    for table, sql in {**layout.insert_sql(), **_OWN_INSERTS}.items():
        connection.executemany(sql, rows.get(table, []))


# What `index_new` adds: each doc's text to the full-text index, each dated item's days to the tree.
_INDEX_NEW = (
    "INSERT INTO doc_fts (rowid, text) SELECT id, text FROM doc",
    "INSERT INTO dated SELECT rowid * 4, date_earliest, date_latest FROM event WHERE date_earliest IS NOT NULL",
    "INSERT INTO dated SELECT rowid * 4 + 1, start_earliest, start_latest FROM term WHERE start_earliest IS NOT NULL",
    "INSERT INTO dated SELECT rowid * 4 + 2, end_earliest, end_latest FROM term WHERE end_earliest IS NOT NULL",
)


def index_new(connection: sqlite3.Connection, files: Iterable[str] | None) -> None:
    """Add the texts and dates of the rows the given data files just inserted to the full-text index and
    the tree of dated items; None: every row, once, after a first build (one large insert is far cheaper
    for FTS5 than many small ones, which each add a segment to merge)."""
    for statement in _INDEX_NEW:
        if files is None:
            connection.execute(statement)
        else:
            where = " AND file = ?" if " WHERE " in statement else " WHERE file = ?"
            connection.executemany(statement + where, ((file,) for file in files))
    vocab.add_words(connection, files)


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
    connection.execute(
        "DELETE FROM dated WHERE id IN (SELECT rowid * 4 FROM event WHERE file = :f UNION ALL "
        "SELECT term.rowid * 4 + edge FROM term, (SELECT 1 AS edge UNION ALL SELECT 2) WHERE file = :f)",
        {"f": path},
    )
    for table in file_tables():
        connection.execute(f'DELETE FROM "{table}" WHERE file = ?', (path,))
    return touched


def refresh_holdings(connection: sqlite3.Connection, groups: set[tuple[str, str]]) -> None:
    """Recompute which terms tell of the same holding, for the (office, holder) groups given."""
    if not groups:
        return
    from newskb.base import holding  # imported here, like the model: only a refresh compares holdings

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
        row["id"]: date.fromordinal(row["published_earliest"])
        for row in connection.execute("SELECT id, published_earliest FROM source")
    }
    rows = [
        row
        for office, holder in shared
        for row in connection.execute("SELECT * FROM term WHERE office = ? AND holder = ?", (office, holder))
    ]
    terms = [_term(row) for row in rows]
    connection.executemany("DELETE FROM holding WHERE term_id = ?", [(term.id,) for term in terms])
    connection.executemany(
        "INSERT INTO holding VALUES (?, ?, ?, ?)",
        [
            (
                term.id,
                other.id,
                holding.closed_by(term, other, published),
                bool(holding.disagreements(term, other, published)),
            )
            for term, other in holding.pairs(terms)
        ],
    )


def _term(row: sqlite3.Row) -> Term:
    """As much of a term as comparing holdings needs, from its row."""
    from newskb.base.model import Origin, Term

    span = Span.from_written(row["start"], row["end"])
    return Term(
        id=row["id"],
        office=row["office"],
        holder=row["holder"],
        start=span.start,
        end=OPEN if span.open_end else span.end,
        source=row["source"],
        quote="",
        origin=Origin(file=Path(row["file"])),
    )


def _lasted(duration: str) -> str:
    from newskb.common.dates import parse_duration

    return f"lasted {parse_duration(duration).in_words()}"


def searchable_texts(base: FactBase) -> Iterator[tuple[str, str, str, str]]:
    """(kind, record id, text, file) for every text search looks at: names, aliases, summaries, titles,
    claims, quotes, a term's length; a text a record repeats (a claim worded as its quote) is indexed once."""
    for entity in base.entities:
        # Its summary too: "who is the former Slovak ambassador" is answered by whom the summary says it.
        for text in dict.fromkeys((entity.name, *entity.aliases, *([entity.summary] if entity.summary else []))):
            yield entity.kind.value, entity.id, text, str(entity.origin.file)
    for term in base.terms:
        yield "term", term.id, term.quote, str(term.origin.file)
        if term.duration:  # "14 years": a length is found by "how many years" as the source's words are
            yield "term", term.id, _lasted(term.duration), str(term.origin.file)
    for event in base.events:
        for text in dict.fromkeys((event.title, event.quote)):
            yield "event", event.id, text, str(event.origin.file)
    for claim in base.claims:
        for text in dict.fromkeys((claim.text, claim.quote)):
            yield "claim", claim.id, text, str(claim.origin.file)
