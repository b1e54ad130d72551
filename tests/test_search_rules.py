"""Search that answers questions: question words, word forms, numbers, successors, and the cut."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newskb import search
from newskb.cache import open_index
from newskb.kinds import Kind


@pytest.fixture
def db(kb: Path) -> sqlite3.Connection:
    connection, problems = open_index(kb)
    assert problems == []
    return connection


def found(hits: list[search.SearchHit]) -> list[tuple[str, int]]:
    return [(hit.id, hit.score) for hit in hits]


def test_a_question_about_a_number_finds_the_claim_that_gives_it(db: sqlite3.Connection) -> None:
    assert found(search.search(db, "how many members does NATO have")) == [
        ("nato-has-32-members", 97),
        ("successor-candidates-considered", 92),
        ("nato-decides-by-consensus", 89),
    ]


def test_question_words_do_not_count_against_a_record(db: sqlite3.Connection) -> None:
    # Without them the words are "members" and "nato": the same hits as the question.
    assert found(search.search(db, "members nato"))[:3] == [
        ("successor-candidates-considered", 92),
        ("nato-has-32-members", 92),
        ("nato-decides-by-consensus", 89),
    ]
    # A query of question words only is searched as typed: "who led the alliance" is in a quote.
    assert search.search(db, "who")[0].id == "jens-stoltenberg-nato-secretary-general"


def test_a_plural_finds_the_singular_and_back(db: sqlite3.Connection) -> None:
    assert search.search(db, "member countries")[0].id == "nato-has-32-members"
    assert search.search(db, "doubles troop")[0].id == "nato-eastern-troops-doubled"


def test_who_came_after_a_holder_is_the_term_that_replaces_them(db: sqlite3.Connection) -> None:
    for question in ("who came after Stoltenberg", "successor of Stoltenberg", "who replaced stoltenbreg"):
        hits = search.search(db, question)
        assert (hits[0].id, hits[0].score, hits[0].kind) == ("mark-rutte-nato-secretary-general", 100, "term")
    before = search.search(db, "predecessor of Rutte")
    assert (before[0].id, before[0].score) == ("jens-stoltenberg-nato-secretary-general", 100)


def test_a_relation_word_without_a_holder_is_searched_as_a_word(db: sqlite3.Connection) -> None:
    # "succeed" names nobody here: the event whose title holds "succeed" is found as usual.
    assert search.search(db, "succeed candidates")[0].id == "successor-candidates-considered"
    # Asked for another kind, the successor's term is not forced in.
    assert [hit.kind for hit in search.search(db, "who came after Stoltenberg", kind=Kind.PERSON)] == [Kind.PERSON]


def test_hits_far_below_the_best_are_left_out_unless_all(db: sqlite3.Connection) -> None:
    cut = search.search(db, "NATO chief")
    every = search.search(db, "NATO chief", every=True)
    assert found(cut) == [("nato-secretary-general", 100)]
    assert len(every) == 20  # the limit still applies
    assert every[0] == cut[0]
    assert all(hit.score < 0.75 * 100 for hit in every[1:])


def test_a_claim_hit_says_who_said_it_and_as_of_when(db: sqlite3.Connection) -> None:
    (hit,) = [hit for hit in search.search(db, "primary tasks eastern flank") if hit.kind is Kind.CLAIM][:1]
    assert (hit.id, hit.label, hit.said_by, hit.as_of, hit.modality, hit.via) == (
        "bator-eastern-flank-ambitions",
        "Peter Bator: One of Rutte's primary tasks will be deciding NATO's future ambitions on the eastern flank.",
        ["peter-bator"],
        "2024-09-30",
        "stated",
        [],
    )
