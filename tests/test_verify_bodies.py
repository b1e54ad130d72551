"""verify/bodies: the office a holding told of a body stands for ("X is in charge of B", "B was run by X"),
on a small base: the society has one head (its chair), the club two (a chair and a president), the guild
none (only a treasurer)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date

import pytest

from newskb.answers.lookup import Match, resolve
from newskb.common.dates import parse
from newskb.common.kinds import Kind
from newskb.verify import judge
from newskb.verify.bodies import head_office
from newskb.verify.statements import Claimed, Statement, Tense
from newskb.verify.terms import Context
from tests.conftest import TINY_ARTICLE, TINY_ENTITIES, TINY_SOURCE, tiny_index

BODIES = """\
[[organization]]
id = "harbour-club"
name = "Harbour Club"

[[office]]
id = "club-chair"
name = "Harbour Club chairman"
org = "harbour-club"

[[office]]
id = "club-president"
name = "President of the Harbour Club"
org = "harbour-club"

[[organization]]
id = "rowing-guild"
name = "Rowing Guild"

[[office]]
id = "guild-treasurer"
name = "Treasurer of the Rowing Guild"
org = "rowing-guild"
"""
TERMS = """\
[[term]]
id = "babbage-club-president"
office = "club-president"
holder = "charles-babbage"
start = "1830"
end = "1835"
quote = "Charles Babbage chaired the Analytical Society from 1831 until 1840."
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    yield from tiny_index(
        tmp_path_factory.mktemp("bodies") / "tiny",
        {"gazette.txt": TINY_ARTICLE},
        {"entities.toml": TINY_ENTITIES + "\n" + BODIES, "sources/gazette.toml": TINY_SOURCE + "\n" + TERMS},
    )


def body(id: str, name: str) -> Match:
    return Match(id=id, kind=Kind.ORGANIZATION, name=name, score=100.0, exact=True)


SOCIETY = body("analytical-society", "Analytical Society")
CLUB = body("harbour-club", "Harbour Club")
GUILD = body("rowing-guild", "Rowing Guild")


def test_a_body_with_one_head_is_headed_by_that_office_whoever_is_asked_of(db: sqlite3.Connection) -> None:
    office, why = head_office(db, SOCIETY, set())
    assert (office.id if office else None, office.name if office else None, why) == (
        "society-chair",
        "Chair of the Analytical Society",
        "",
    )


def test_of_several_heads_the_one_the_holder_held_and_none_when_the_holder_held_none(
    db: sqlite3.Connection,
) -> None:
    # "Harbour Club chairman": a title written before the body's name is a head's too.
    office, _ = head_office(db, CLUB, {"club-president", "society-chair"})
    assert office is not None and office.id == "club-president"
    assert head_office(db, CLUB, {"society-chair"}) == (
        None,
        "more than one office heads Harbour Club in the base (Harbour Club chairman and President of the Harbour "
        "Club), and the statement names none",
    )


def test_a_body_whose_offices_head_nothing_has_no_head(db: sqlite3.Connection) -> None:
    assert head_office(db, GUILD, set()) == (None, "the base holds no office that heads Rowing Guild")


CLUB_HEADS = (
    "more than one office heads Harbour Club in the base (Harbour Club chairman and President of the Harbour Club), "
    "and the statement names none"
)


@pytest.mark.parametrize(
    ("holder", "headed", "when", "expected"),
    [
        (
            "Ada Lovelace",
            "Analytical Society",
            None,
            ("supported", "the base has Ada Lovelace in office on 1843-01-01 (1840/..)", ["lovelace-chair"]),
        ),
        (
            "Charles Babbage",
            "Analytical Society",
            "1835",
            ("supported", "the base has Charles Babbage in office 1831/1840", ["babbage-chair"]),
        ),
        # Someone else held the one seat then.
        (
            "Ada Lovelace",
            "Analytical Society",
            "1835",
            ("contradicted", "the base has Ada Lovelace in office 1840/..", ["lovelace-chair", "babbage-chair"]),
        ),
        # Of the club's two heads, the one Babbage held; Lovelace held neither.
        (
            "Charles Babbage",
            "Harbour Club",
            "1832",
            ("supported", "the base has Charles Babbage in office 1830/1835", ["babbage-club-president"]),
        ),
        ("Ada Lovelace", "Harbour Club", "1832", ("cannot-tell", CLUB_HEADS, [])),
        ("Ada Lovelace", "Rowing Guild", None, ("cannot-tell", "the base holds no office that heads Rowing Guild", [])),
        (
            "Ada Lovelace",
            "Lovelace Rowing Club",
            None,
            (
                "not-in-base",
                "no organization or country named 'Lovelace Rowing Club' in the fact base (did you mean 'Harbour Club' "
                "or 'Rowing Guild'?)",
                [],
            ),
        ),
    ],
)
def test_a_holding_told_of_a_body_is_judged_as_a_holding_of_its_head(
    db: sqlite3.Connection, holder: str, headed: str, when: str | None, expected: tuple[str, str, list[str]]
) -> None:
    statement = Statement(
        claimed=Claimed.HOLDING,
        span=f"{holder} led {headed}",
        holder=holder,
        body=headed,
        when=parse(when) if when else None,
        tense=Tense.PAST if when else Tense.PRESENT,
    )
    (verdict,) = judge(Context(db, date(1843, 1, 1)), [statement])
    assert (verdict.verdict, verdict.why, [item.id for item in verdict.evidence]) == expected


def test_the_head_found_is_the_office_as_naming_it_exactly_resolves_it(db: sqlite3.Connection) -> None:
    # The judges take the head as if the statement had named the office: an exact match of an office, scored
    # in full, like the one its own name resolves to.
    president = resolve(db, "President of the Harbour Club", [Kind.OFFICE], "office")
    assert president == Match(
        id="club-president", kind=Kind.OFFICE, name="President of the Harbour Club", score=100.0, exact=True
    )
    assert head_office(db, CLUB, {"club-president"}) == (president, "")
    chair = resolve(db, "Chair of the Analytical Society", [Kind.OFFICE], "office")
    assert head_office(db, SOCIETY, set()) == (chair, "")
