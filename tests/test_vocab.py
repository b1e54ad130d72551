"""index/vocab: the words of the full-text index, found by what a typed word may stand for. Every word one
edit away shares a one-letter deletion with it; a longer misspelling shares a trigram; a prefix or a stem
finds its words; typed text reaches SQLite as a value, never as FTS5 or GLOB syntax."""

from __future__ import annotations

import sqlite3

import pytest

from newskb.index import vocab
from newskb.index.cache import open_index
from tests.conftest import TinyBase

# The words of the tiny base's names, titles, quotes and notes, as FTS5 tokenises them.
WORDS = [
    "1831", "1840", "ada", "analytical", "as", "babbage", "chair", "chaired", "charles", "countess", "from",
    "him", "in", "lovelace", "of", "society", "succeeded", "the", "until",
]  # fmt: skip


@pytest.fixture
def db(tiny: TinyBase) -> sqlite3.Connection:
    connection, problems = open_index(tiny.data)
    assert problems == []
    return connection


def test_a_first_build_holds_every_token_of_the_full_text_index(db: sqlite3.Connection) -> None:
    assert [row[0] for row in db.execute("SELECT word FROM vocab ORDER BY word")] == WORDS
    assert vocab.holds(db, "babbage") is True
    assert vocab.holds(db, "Babbage") is False  # tokens are case-folded; search folds what is typed
    assert vocab.holds(db, "zanzibar") is False


def test_deletions_are_the_word_and_each_word_one_letter_shorter() -> None:
    assert vocab.deletions("chair") == {"chair", "hair", "cair", "chir", "char", "chai"}
    assert vocab.deletions("aa") == {"aa", "a"}
    assert vocab.deletions("") == {""}


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("babage", "babbage"),  # a letter left out
        ("babbbage", "babbage"),  # one added
        ("bobbage", "babbage"),  # one changed
        ("chiared", "chaired"),  # two swapped
        ("luvelacq", "lovelace"),  # two edits: only trigrams ("vel", "ela", "lac") are shared
    ],
)
def test_near_finds_the_word_a_typo_stands_for(db: sqlite3.Connection, typed: str, found: str) -> None:
    assert found in vocab.near(db, typed, 3, 20)


def test_near_finds_a_trigram_match_only_within_the_lengths_asked_for(db: sqlite3.Connection) -> None:
    assert "lovelace" in vocab.near(db, "luvelacq", 8, 8)
    assert "lovelace" not in vocab.near(db, "luvelacq", 3, 7)


def test_near_of_a_word_sharing_nothing_finds_nothing(db: sqlite3.Connection) -> None:
    assert vocab.near(db, "zyx", 3, 20) == []


@pytest.mark.parametrize("typed", ['"', 'a" OR "b', "NEAR(a b)", "*", "ch*r", "^chair", "col:umn", "'); DROP"])
def test_typed_syntax_is_a_value_never_a_query(db: sqlite3.Connection, typed: str) -> None:
    vocab.near(db, typed, 1, 20)  # raises sqlite3.OperationalError if the text reached FTS5 as syntax
    assert list(vocab.starting_with(db, typed)) == []
    assert db.execute("SELECT count(*) FROM vocab").fetchone()[0] == len(WORDS)


def test_starting_with_is_every_word_with_that_prefix(db: sqlite3.Connection) -> None:
    assert sorted(vocab.starting_with(db, "cha")) == ["chair", "chaired", "charles"]
    assert sorted(vocab.starting_with(db, "chair")) == ["chair", "chaired"]
    assert list(vocab.starting_with(db, "?hair")) == []
    assert list(vocab.starting_with(db, "[c]hair")) == []


def test_of_stem_is_every_word_of_that_root(db: sqlite3.Connection) -> None:
    assert sorted(vocab.of_stem(db, "chair")) == ["chair", "chaired"]
    assert list(vocab.of_stem(db, "zanzibar")) == []


def test_a_refresh_adds_only_the_new_words_of_the_files_it_names(db: sqlite3.Connection) -> None:
    insert = "INSERT INTO doc (kind, record_id, text, word_count, file) VALUES ('note', ?, ?, 2, ?)"
    db.execute(insert, ("x", "Zanzibar Babbage", "data/new.toml"))
    db.execute(insert, ("y", "Timbuktu", "data/other.toml"))
    vocab.add_words(db, ["data/new.toml"])
    assert vocab.holds(db, "zanzibar") is True
    assert vocab.holds(db, "timbuktu") is False
    assert db.execute("SELECT count(*) FROM vocab WHERE word = 'babbage'").fetchone()[0] == 1
    assert vocab.near(db, "zanzibr", 3, 20) == ["zanzibar"]
    assert list(vocab.of_stem(db, "zanzibar")) == ["zanzibar"]


def test_a_word_shorter_than_three_letters_has_no_deletions(db: sqlite3.Connection) -> None:
    assert (
        db.execute(
            "SELECT count(*) FROM vocab_deletion d JOIN vocab v ON v.id = d.word_id WHERE length(v.word) < 3"
        ).fetchone()[0]
        == 0
    )
    assert vocab.SHORTEST_NEAR == 3


def test_a_word_longer_than_any_of_news_is_no_typo_of_one(tiny: TinyBase) -> None:
    # "lovelace" and 60 more letters: it shares a trigram with "lovelace", yet is near nothing; nor does a
    # long token of a document get deletions (each would cost the square of its length).
    long_word = "lovelace" + "q" * (vocab.LONGEST_NEAR - 7)
    tiny.append(tiny.entities, f'[[person]]\nid = "long"\nname = "{long_word.capitalize()}"\n')
    db, problems = open_index(tiny.data)
    assert problems == []
    assert vocab.near(db, long_word, 3, 200) == []
    assert "lovelace" in vocab.near(db, long_word[: vocab.LONGEST_NEAR], 3, 200)
    assert (
        db.execute(
            "SELECT count(*) FROM vocab_deletion d JOIN vocab v ON v.id = d.word_id WHERE length(v.word) > ?",
            (vocab.LONGEST_NEAR,),
        ).fetchone()[0]
        == 0
    )
    assert db.execute("SELECT count(*) FROM vocab WHERE word = ?", (long_word,)).fetchone()[0] == 1
