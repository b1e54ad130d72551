"""index/build: the index built from the records, one data file at a time. Every row remembers its file,
so deleting a file's rows leaves exactly the other files' rows (and their full text and dates); every
text search looks at is indexed once; a typed text is never a LIKE pattern."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newskb.base.store import load
from newskb.index import build
from tests.conftest import TinyBase

ENTITIES = "tiny/data/entities.toml"
SOURCE = "tiny/data/sources/gazette.toml"


@pytest.fixture
def db(tiny: TinyBase) -> sqlite3.Connection:
    base, problems = load(Path("tiny/data"))
    assert problems == []
    return build.build(base)


def counts(connection: sqlite3.Connection) -> dict[str, int]:
    tables = [*build.file_tables(), "dated", "holding", "doc_fts"]
    return {table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables}


def test_like_takes_wildcards_and_its_escape_literally() -> None:
    assert build.like("50%_a\\b") == "50\\%\\_a\\\\b"
    connection = sqlite3.connect(":memory:")
    matches = "SELECT ? LIKE ? || '%' ESCAPE '\\'"
    assert connection.execute(matches, ("50%_a\\b and more", build.like("50%_a\\b"))).fetchone() == (1,)
    assert connection.execute(matches, ("50xya\\b", build.like("50%_a\\b"))).fetchone() == (0,)


def test_every_text_search_looks_at_is_indexed_once_with_its_file(tiny: TinyBase) -> None:
    tiny.append(
        tiny.source,
        '[[claim]]\nid = "society-meets"\nabout = ["analytical-society"]\n'
        'text = "The society   meets\\nin London."\nquote = "The society   meets\\nin London."\n',
    )
    base, _ = load(Path("tiny/data"))
    assert [text[:3] for text in build.searchable_texts(base)] == [
        ("person", "ada-lovelace", "Ada Lovelace"),
        ("person", "ada-lovelace", "Lovelace"),
        ("person", "ada-lovelace", "Countess of Lovelace"),
        ("person", "charles-babbage", "Charles Babbage"),
        ("person", "charles-babbage", "Babbage"),
        ("organization", "analytical-society", "Analytical Society"),
        ("office", "society-chair", "Chair of the Analytical Society"),
        ("office", "society-chair", "Society chair"),
        ("term", "babbage-chair", "Charles Babbage chaired the Analytical Society from 1831 until 1840."),
        ("term", "lovelace-chair", "Ada Lovelace succeeded him as chair in 1840"),
        ("claim", "society-meets", "The society   meets\nin London."),  # worded as its quote: once
    ]
    assert {text[3] for text in build.searchable_texts(base)} == {ENTITIES, SOURCE}


def test_a_terms_length_is_searchable_in_words(tiny: TinyBase) -> None:
    tiny.source.write_text(
        tiny.source.read_text(encoding="utf-8").replace('end = "1840"', 'end = "1840"\nduration = "P9Y"'),
        encoding="utf-8",
    )
    base, _ = load(Path("tiny/data"))
    assert ("term", "babbage-chair", "lasted 9 years", SOURCE) in list(build.searchable_texts(base))


def test_deleting_a_file_removes_exactly_its_rows_and_says_which_holdings_it_touched(db: sqlite3.Connection) -> None:
    assert counts(db) == {
        **dict.fromkeys(build.file_tables(), 0),
        "entity": 4, "alias": 4, "source": 1, "term": 2, "doc": 10, "name_word": 18, "dated": 3, "holding": 0,
        "doc_fts": 10,
    }  # fmt: skip
    touched = build.delete_file(db, SOURCE)
    assert touched == {("society-chair", "charles-babbage"), ("society-chair", "ada-lovelace")}
    assert counts(db) == {
        **dict.fromkeys(build.file_tables(), 0),
        "entity": 4, "alias": 4, "doc": 8, "name_word": 18, "dated": 0, "holding": 0, "doc_fts": 8,
    }  # fmt: skip
    # The full-text index forgot the file's words: "chaired" was only in a quote.
    assert db.execute("SELECT count(*) FROM doc_fts WHERE doc_fts MATCH 'chaired'").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM doc_fts WHERE doc_fts MATCH 'babbage'").fetchone()[0] == 2


def test_a_list_keys_ids_come_back_in_the_order_written(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8")
    tiny.source.write_text(text.replace("[[term]]", '[[term]]\nvia = ["charles-babbage", "ada-lovelace"]', 1), "utf-8")
    base, _ = load(Path("tiny/data"))
    connection = build.build(base)
    assert build.linked(connection, "via", "babbage-chair") == ["charles-babbage", "ada-lovelace"]
    assert build.linked(connection, "via", "lovelace-chair") == []


def test_where_ids_collide_the_first_record_wins(tiny: TinyBase) -> None:
    tiny.append(tiny.entities, '[[person]]\nid = "ada-lovelace"\nname = "Someone Else"\n')
    base, _ = load(Path("tiny/data"))
    connection = build.build(base)
    names = connection.execute("SELECT name FROM entity WHERE id = 'ada-lovelace'").fetchall()
    assert [tuple(row) for row in names] == [("Ada Lovelace",)]
