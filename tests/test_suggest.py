"""answers/suggest: what TAB offers. A name is offered when what was typed starts one of its words (case and
accents aside), an id when it starts the id or one of its hyphenated words; typed text is never a LIKE
pattern, and a name `check` would refuse is never offered."""

from __future__ import annotations

import sqlite3

import pytest

from newskb.answers.suggest import LIMIT, ids, names
from newskb.common.kinds import ENTITY_KINDS, Kind
from newskb.index.cache import open_index
from tests.conftest import TinyBase

PERSON = [Kind.PERSON]


@pytest.fixture
def db(tiny: TinyBase) -> sqlite3.Connection:
    tiny.append(
        tiny.entities,
        '[[person]]\nid = "evil-name"\nname = "Evil\\u001b[31mName"\naliases = ["Evil\\u200bTwin", "  ", "Eve\\nL"]\n\n'
        '[[person]]\nid = "eve-l"\nname = "Eve\\nLine"\n',
    )
    connection, _ = open_index(tiny.data)  # the index keeps what it can of records check refuses
    return connection


def test_a_name_or_alias_is_offered_when_the_typed_text_starts_one_of_its_words(db: sqlite3.Connection) -> None:
    expected = [
        ("Ada Lovelace", "ada-lovelace"),
        ("Countess of Lovelace", "ada-lovelace"),
        ("Lovelace", "ada-lovelace"),
    ]
    assert names(db, "love", PERSON) == expected
    assert names(db, "LÖVE", PERSON) == expected
    assert names(db, "of lov", PERSON) == [("Countess of Lovelace", "ada-lovelace")]
    assert names(db, "ovelace", PERSON) == []


def test_at_most_limit_names_are_offered_listed_by_name_the_first_by_the_word_typed_into(tiny: TinyBase) -> None:
    people = "".join(f'[[person]]\nid = "tenor-{n:03}"\nname = "Tenor{n:03} Smith"\n\n' for n in range(LIMIT + 5))
    tiny.append(tiny.entities, people + '[[person]]\nid = "ann-tenby"\nname = "Ann Tenant"\n')
    connection, _ = open_index(tiny.data)
    offered = names(connection, "ten", PERSON)
    # "tenant" comes before every "tenorNNN" word, so Ann Tenant is among the first 200 though "A" sorts first too.
    assert len(offered) == LIMIT
    assert offered == sorted(offered)
    assert offered[:2] == [("Ann Tenant", "ann-tenby"), ("Tenor000 Smith", "tenor-000")]
    assert offered[-1] == ("Tenor198 Smith", "tenor-198")


def test_names_are_only_of_the_kinds_asked_for(db: sqlite3.Connection) -> None:
    assert names(db, "analytical", PERSON) == []
    assert names(db, "analytical", [Kind.ORGANIZATION]) == [("Analytical Society", "analytical-society")]
    assert names(db, "society", [Kind.OFFICE]) == [
        ("Chair of the Analytical Society", "society-chair"),
        ("Society chair", "society-chair"),
    ]
    assert names(db, "analytical", ENTITY_KINDS) == [
        ("Analytical Society", "analytical-society"),
        ("Chair of the Analytical Society", "society-chair"),
    ]


def test_typed_wildcards_in_an_id_are_letters_not_patterns(db: sqlite3.Connection) -> None:
    # (a name is compared normalised, which keeps no punctuation)
    assert ids(db, "%", PERSON) == []
    assert ids(db, "a_a", PERSON) == []


def test_a_name_check_would_refuse_is_never_offered(db: sqlite3.Connection) -> None:
    # an escape sequence, an invisible character, nothing but spaces, a line break
    assert names(db, "evil", PERSON) == []
    assert names(db, "eve", PERSON) == []
    assert names(db, " ", PERSON) == [
        ("Ada Lovelace", "ada-lovelace"),
        ("Babbage", "charles-babbage"),
        ("Charles Babbage", "charles-babbage"),
        ("Countess of Lovelace", "ada-lovelace"),
        ("Lovelace", "ada-lovelace"),
    ]


def test_an_id_is_offered_by_its_start_or_a_hyphenated_word_with_its_name(db: sqlite3.Connection) -> None:
    assert ids(db, "lovelace", PERSON) == [("ada-lovelace", "Ada Lovelace")]
    assert ids(db, "ADA", PERSON) == [("ada-lovelace", "Ada Lovelace")]
    assert ids(db, "ovelace", PERSON) == []
    assert ids(db, "lovelace", [Kind.PERSON, Kind.TERM]) == [
        ("ada-lovelace", "Ada Lovelace"),
        ("lovelace-chair", "Ada Lovelace — Chair of the Analytical Society"),
    ]


def test_each_kind_of_record_names_itself_beside_its_id(db: sqlite3.Connection) -> None:
    assert ids(db, "chair", [Kind.TERM]) == [
        ("babbage-chair", "Charles Babbage — Chair of the Analytical Society"),
        ("lovelace-chair", "Ada Lovelace — Chair of the Analytical Society"),
    ]
    assert ids(db, "gaz", [Kind.SOURCE]) == [("gazette-1843", "Gazette of the Analytical Society")]
    assert ids(db, "society", [Kind.OFFICE]) == [("society-chair", "Chair of the Analytical Society")]
    assert ids(db, "gaz", []) == []


def test_an_ids_label_is_on_one_line(db: sqlite3.Connection) -> None:
    assert ids(db, "eve", PERSON) == [("eve-l", "Eve Line")]
