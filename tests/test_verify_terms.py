"""verify/terms: holdings, successions and lengths in office, judged against the terms of a small base, each
with its exact verdict, reason and evidence (test_verify_judge.py judges the shipped base's statements).

The tiny base's society has had two chairs: Charles Babbage from 1831 until 1840, then Ada Lovelace, still
chair when the gazette was published (1843-09-01, the horizon of her open term). Planted here: the events of
her election and of the handover, a possible return of Babbage (1842, and one undated), Augustus De Morgan
only expected as secretary from 1844, treasurers told only by a length (De Morgan nine years, Lovelace about
nine, Babbage a month), Lovelace as librarian from 1831-01-01 until 1840-06-01, Babbage as secretary for 31
days of 1840, De Morgan as auditor from 1840-01-02 into February 1840, and two trustees (Babbage 1831-1840,
De Morgan and Babbage again from 1845 on, end unknown).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from newskb.common.dates import parse, parse_duration
from newskb.verify import choices, judge
from newskb.verify.statements import Claimed, Edge, Statement, Tense
from newskb.verify.terms import Context
from tests.conftest import TINY_ARTICLE, TINY_ENTITIES, TINY_SOURCE, tiny_index

DAY = date(1843, 1, 1)  # inside Lovelace's term, before the gazette's horizon
CHAIR = "Society chair"
SECRETARY = "Secretary of the Analytical Society"
TREASURER = "Treasurer of the Analytical Society"
TRUSTEE = "Trustee of the Analytical Society"
LIBRARIAN = "Librarian of the Analytical Society"

ARTICLE = (
    "Babbage may return to the chair, the society said.\n"
    "One day Babbage may return, a member said.\n"
    "Lovelace was elected chair in 1840.\n"
    "The society expects Augustus De Morgan to become its secretary in 1844.\n"
    "De Morgan served as treasurer for nine years.\n"
)
ENTITIES = """\
[[person]]
id = "augustus-de-morgan"
name = "Augustus De Morgan"

[[office]]
id = "society-secretary"
name = "Secretary of the Analytical Society"
org = "analytical-society"
seats = 1

[[office]]
id = "society-treasurer"
name = "Treasurer of the Analytical Society"
org = "analytical-society"

[[office]]
id = "society-librarian"
name = "Librarian of the Analytical Society"
org = "analytical-society"

[[office]]
id = "society-auditor"
name = "Auditor of the Analytical Society"
org = "analytical-society"

[[office]]
id = "society-trustee"
name = "Trustee of the Analytical Society"
org = "analytical-society"
seats = 2
"""
FACTS = """\
[[event]]
id = "babbage-may-return"
date = "1842"
title = "Babbage may return"
involves = ["charles-babbage", "society-chair"]
modality = "possible"
quote = "Babbage may return to the chair"

[[event]]
id = "babbage-may-return-one-day"
title = "Babbage may return one day"
involves = ["charles-babbage", "society-chair"]
modality = "possible"
quote = "One day Babbage may return"

[[event]]
id = "chair-handed-over"
date = "1840"
title = "Babbage hands the chair to Lovelace"
involves = ["ada-lovelace", "charles-babbage", "society-chair"]
quote = "Ada Lovelace succeeded him as chair in 1840"

[[event]]
id = "lovelace-elected"
date = "1840"
title = "Lovelace elected"
involves = ["ada-lovelace", "society-chair"]
said_by = ["augustus-de-morgan"]
via = ["charles-babbage"]
quote = "Lovelace was elected chair in 1840"

[[term]]
id = "de-morgan-secretary"
office = "society-secretary"
holder = "augustus-de-morgan"
start = "1844"
end = ".."
modality = "expected"
said_by = ["ada-lovelace"]
via = ["charles-babbage"]
quote = "The society expects Augustus De Morgan to become its secretary in 1844"

[[term]]
id = "de-morgan-treasurer"
office = "society-treasurer"
holder = "augustus-de-morgan"
duration = "P9Y"
quote = "De Morgan served as treasurer for nine years"

[[term]]
id = "lovelace-librarian"
office = "society-librarian"
holder = "ada-lovelace"
start = "1831-01-01"
end = "1840-06-01"
quote = "Ada Lovelace succeeded him as chair in 1840"

[[term]]
id = "lovelace-treasurer"
office = "society-treasurer"
holder = "ada-lovelace"
duration = "P9Y~"
quote = "De Morgan served as treasurer for nine years"

[[term]]
id = "babbage-treasurer"
office = "society-treasurer"
holder = "charles-babbage"
duration = "P1M"
quote = "De Morgan served as treasurer for nine years"

[[term]]
id = "babbage-secretary"
office = "society-secretary"
holder = "charles-babbage"
start = "1840-01-01"
end = "1840-02-01"
quote = "Charles Babbage chaired the Analytical Society from 1831 until 1840"

[[term]]
id = "de-morgan-auditor"
office = "society-auditor"
holder = "augustus-de-morgan"
start = "1840-01-02"
end = "1840-02"
quote = "De Morgan served as treasurer for nine years"

[[term]]
id = "de-morgan-trustee"
office = "society-trustee"
holder = "augustus-de-morgan"
start = "1845"
quote = "De Morgan served as treasurer for nine years"

[[term]]
id = "babbage-trustee"
office = "society-trustee"
holder = "charles-babbage"
start = "1831"
end = "1840"
quote = "Charles Babbage chaired the Analytical Society from 1831 until 1840"

[[term]]
id = "babbage-trustee-again"
office = "society-trustee"
holder = "charles-babbage"
start = "1845"
quote = "Charles Babbage chaired the Analytical Society from 1831 until 1840"
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """The index of the tiny base with the facts above, built once: the judges only read it."""
    yield from tiny_index(
        tmp_path_factory.mktemp("terms") / "tiny",
        {"gazette.txt": TINY_ARTICLE + ARTICLE},
        {"entities.toml": TINY_ENTITIES + "\n" + ENTITIES, "sources/gazette.toml": TINY_SOURCE + "\n" + FACTS},
    )


def described(statement: Statement) -> str:
    """A case's name in the test report, from what its statement says (stable when cases are added)."""
    length = statement.length.in_words() if statement.length else None
    given = [statement.holder, statement.other, statement.office, length, statement.when]
    words = [str(value) for value in given if value]
    if statement.claimed is Claimed.HOLDING:
        words.append(statement.edge)
    return " ".join([*words, statement.tense, "not" if statement.negated else ""]).strip()


def held(holder: str, office: str | None = CHAIR, **given: object) -> Statement:
    return Statement(claimed=Claimed.HOLDING, span="h", holder=holder, office=office, **given)  # type: ignore[arg-type]


def replaced(holder: str, other: str, office: str | None = None) -> Statement:
    return Statement(claimed=Claimed.SUCCESSION, span="s", holder=holder, other=other, office=office)


def lasted(holder: str, office: str | None, length: str | None, tense: Tense = Tense.PAST) -> Statement:
    measured = parse_duration(length) if length else None
    return Statement(claimed=Claimed.DURATION, span="d", holder=holder, office=office, length=measured, tense=tense)


def judged(db: sqlite3.Connection, statement: Statement, day: date = DAY) -> tuple[str, str, list[str]]:
    (verdict,) = judge(Context(db, day), [statement])
    return verdict.verdict, verdict.why, [item.id for item in verdict.evidence]


ADA, BABBAGE, DE_MORGAN = "Ada Lovelace", "Charles Babbage", "Augustus De Morgan"
IN_OFFICE = "the base has Ada Lovelace in office as of 1843-09-01"
NO_END = "the base knows of no end to Ada Lovelace's term (1840/..)"
BABBAGE_ENDED = "the base says Charles Babbage's term ended 1840"
BABBAGE_DATES = "the base has Charles Babbage in office 1831/1840"
BABBAGE_END = ["babbage-chair", "chair-handed-over"]  # the term, and the event on the day it ended
SECRETARY_DATES = "the base has Charles Babbage in office 1840-01-01/1840-02-01"
NINE_YEARS = "the source gives Augustus De Morgan's term as 9 years"
ABOUT_NINE = "the source gives Ada Lovelace's term as about 9 years"
ONE_MONTH = "the source gives Charles Babbage's term as 1 month"
LIBRARIAN_DATES = "the base has Ada Lovelace in office 1831-01-01/1840-06-01"

HOLDINGS = [
    # An open term's end: contradicted before its horizon (the day the sources last tell it), else unknown.
    (held(ADA, edge=Edge.END, when=parse("1843-08-31")), DAY, ("contradicted", IN_OFFICE, ["lovelace-chair"])),
    (held(ADA, edge=Edge.END, when=parse("1843-09-01")), DAY, ("cannot-tell", NO_END, ["lovelace-chair"])),
    (held(ADA, edge=Edge.END), date(1843, 9, 1), ("contradicted", IN_OFFICE, ["lovelace-chair"])),
    (held(ADA, edge=Edge.END), date(1843, 9, 2), ("cannot-tell", NO_END, ["lovelace-chair"])),
    # A closed term's end, with or without a date.
    (held(BABBAGE, edge=Edge.END), DAY, ("supported", BABBAGE_ENDED, BABBAGE_END)),
    (held(BABBAGE, edge=Edge.END, when=parse("1840")), DAY, ("supported", BABBAGE_ENDED, BABBAGE_END)),
    (held(BABBAGE, edge=Edge.END, when=parse("1839")), DAY, ("contradicted", BABBAGE_ENDED, BABBAGE_END)),
    # An end "in June 1840 or later": the base says only 1840, which may be before June.
    (held(BABBAGE, edge=Edge.END, when=parse("1840-06..")), DAY, ("cannot-tell", BABBAGE_ENDED, BABBAGE_END)),
    # A start, with the events that tell it too.
    (
        held(ADA, edge=Edge.START),
        DAY,
        (
            "supported",
            "Ada Lovelace took office as Chair of the Analytical Society (1840)",
            ["lovelace-chair", "chair-handed-over", "lovelace-elected"],
        ),
    ),
    (
        held(ADA, edge=Edge.START, when=parse("1840")),
        DAY,
        (
            "supported",
            "the base says Ada Lovelace's term began 1840",
            ["lovelace-chair", "chair-handed-over", "lovelace-elected"],
        ),
    ),
    # What a source only expects supports nothing.
    (
        held(DE_MORGAN, SECRETARY, edge=Edge.START, when=parse("1844")),
        DAY,
        (
            "cannot-tell",
            "the base says Augustus De Morgan's term began 1844, but the source only calls it expected",
            ["de-morgan-secretary"],
        ),
    ),
    # A day or year inside, across or outside a term.
    (held(BABBAGE, when=parse("1835")), DAY, ("supported", BABBAGE_DATES, ["babbage-chair"])),
    (held(BABBAGE, when=parse("1845")), DAY, ("contradicted", BABBAGE_DATES, ["babbage-chair"])),
    (
        held(BABBAGE, when=parse("1840")),
        DAY,
        ("cannot-tell", "the base's dates (1831/1840) may or may not reach 1840", ["babbage-chair"]),
    ),
    (
        held(ADA, when=parse("1841")),
        DAY,
        ("supported", "the base has Ada Lovelace in office 1840/..", ["lovelace-chair"]),
    ),
    (held(ADA, when=parse("1844")), DAY, ("cannot-tell", "last known in office as of 1843-09-01", ["lovelace-chair"])),
    # The present tense, on the day asked.
    (
        held(ADA, tense=Tense.PRESENT),
        DAY,
        ("supported", "the base has Ada Lovelace in office on 1843-01-01 (1840/..)", ["lovelace-chair"]),
    ),
    (
        held(ADA, tense=Tense.PRESENT),
        date(1835, 1, 1),
        (
            "contradicted",
            "on 1835-01-01 Ada Lovelace's term had not begun (1840/..)",
            ["lovelace-chair", "babbage-chair"],
        ),
    ),
    (
        held(BABBAGE, tense=Tense.PRESENT),
        date(1841, 6, 1),
        (
            "contradicted",
            "on 1841-06-01 Charles Babbage's term had ended (1831/1840)",
            ["babbage-chair", "lovelace-chair"],
        ),
    ),
    (
        held(BABBAGE, tense=Tense.PRESENT),
        DAY,
        (
            "cannot-tell",
            "on 1843-01-01 Charles Babbage's term had ended (1831/1840); but the base says it may be held again "
            "(babbage-may-return)",
            ["babbage-chair", "babbage-may-return"],
        ),
    ),
    (
        held(DE_MORGAN, TREASURER, tense=Tense.PRESENT),
        DAY,
        ("cannot-tell", "the base's dates (/) cannot tell 1843-01-01", ["de-morgan-treasurer"]),
    ),
    (
        held(BABBAGE),
        DAY,
        (
            "supported",
            "the base has Charles Babbage's term as Chair of the Analytical Society (1831/1840)",
            ["babbage-chair"],
        ),
    ),
    # No term of this holder: another holder of the one seat then contradicts it, else the base cannot tell.
    (
        held(DE_MORGAN, tense=Tense.PRESENT),
        DAY,
        ("contradicted", "Ada Lovelace holds the one seat of Chair of the Analytical Society then", ["lovelace-chair"]),
    ),
    (
        held(DE_MORGAN, when=parse("1835")),
        DAY,
        (
            "contradicted",
            "Charles Babbage holds the one seat of Chair of the Analytical Society then",
            ["babbage-chair"],
        ),
    ),
    (
        held(DE_MORGAN),
        DAY,
        ("cannot-tell", "the base knows no term of Augustus De Morgan as Chair of the Analytical Society", []),
    ),
    # Nor does a holder of one of two seats, or one only last known in office before the day asked.
    (
        held(ADA, TRUSTEE, when=parse("1835")),
        DAY,
        ("cannot-tell", "the base knows no term of Ada Lovelace as Trustee of the Analytical Society", []),
    ),
    (
        held(ADA, SECRETARY, tense=Tense.PRESENT),
        date(1845, 1, 1),
        ("cannot-tell", "the base knows no term of Ada Lovelace as Secretary of the Analytical Society", []),
    ),
    # A date the base does not have is unknown, and the horizon's own day is still in office.
    (
        held(DE_MORGAN, TREASURER, edge=Edge.START, when=parse("1840")),
        DAY,
        ("cannot-tell", "the base says Augustus De Morgan's term began (date unknown)", ["de-morgan-treasurer"]),
    ),
    (
        held(DE_MORGAN, TREASURER, edge=Edge.START),
        DAY,
        (
            "supported",
            "Augustus De Morgan took office as Treasurer of the Analytical Society (date unknown)",
            ["de-morgan-treasurer"],
        ),
    ),
    (
        held(DE_MORGAN, TREASURER, edge=Edge.END),
        DAY,
        ("cannot-tell", "the base says Augustus De Morgan's term ended (date unknown)", ["de-morgan-treasurer"]),
    ),
    (
        held(ADA, when=parse("1843-09-01")),
        DAY,
        ("supported", "the base has Ada Lovelace in office 1840/..", ["lovelace-chair"]),
    ),
    # A possible return counts from its first possible day (an undated one never).
    (
        held(BABBAGE, tense=Tense.PRESENT),
        date(1842, 1, 1),
        (
            "cannot-tell",
            "on 1842-01-01 Charles Babbage's term had ended (1831/1840); but the base says it may be held again "
            "(babbage-may-return)",
            ["babbage-chair", "babbage-may-return"],
        ),
    ),
    # Of two terms of the holder, the one that supports the statement.
    (held(BABBAGE, TRUSTEE, when=parse("1835")), DAY, ("supported", BABBAGE_DATES, ["babbage-trustee"])),
    # A span: its start and its end, supported by both, contradicted by either.
    (
        held(BABBAGE, edge=Edge.SPAN, when=parse("1831"), until=parse("1840")),
        DAY,
        (
            "supported",
            "the base says Charles Babbage's term began 1831; the base says Charles Babbage's term ended 1840",
            ["babbage-chair", "chair-handed-over"],
        ),
    ),
    (
        held(BABBAGE, edge=Edge.SPAN, when=parse("1831"), until=parse("1841")),
        DAY,
        # Lovelace held the one seat in 1841.
        ("contradicted", BABBAGE_ENDED, ["babbage-chair", "chair-handed-over", "lovelace-chair"]),
    ),
    (
        # "to May 1840" of an end on 1 June, the first day out: in office through 31 May.
        held(ADA, LIBRARIAN, edge=Edge.SPAN, when=parse("1831"), until=parse("1840-05")),
        DAY,
        (
            "supported",
            "the base says Ada Lovelace's term began 1831-01-01; the base says Ada Lovelace's term ended 1840-06-01",
            ["lovelace-librarian"],
        ),
    ),
    (
        held(ADA, LIBRARIAN, edge=Edge.SPAN, when=parse("1831"), until=parse("1840-04")),
        DAY,
        ("contradicted", "the base says Ada Lovelace's term ended 1840-06-01", ["lovelace-librarian"]),
    ),
    # Turned by a negation.
    (
        held(ADA, tense=Tense.PRESENT, negated=True),
        DAY,
        (
            "contradicted",
            "the base has Ada Lovelace in office on 1843-01-01 (1840/..), which the statement denies",
            ["lovelace-chair"],
        ),
    ),
]


@pytest.mark.parametrize(
    ("statement", "day", "expected"), HOLDINGS, ids=[f"{described(case[0])} on {case[1]}" for case in HOLDINGS]
)
def test_a_holding_is_judged_against_the_holders_terms_of_the_office(
    db: sqlite3.Connection, statement: Statement, day: date, expected: tuple[str, str, list[str]]
) -> None:
    assert judged(db, statement, day) == expected


SUCCESSIONS = [
    (replaced(ADA, BABBAGE), ("supported", "Ada Lovelace replaced Charles Babbage as Chair of the Analytical Society")),
    (
        replaced(ADA, BABBAGE, CHAIR),
        ("supported", "Ada Lovelace replaced Charles Babbage as Chair of the Analytical Society"),
    ),
    (
        replaced(BABBAGE, ADA),
        ("contradicted", "the base has it the other way round: Ada Lovelace replaced Charles Babbage"),
    ),
    (
        replaced(DE_MORGAN, BABBAGE),
        ("contradicted", "the base says Ada Lovelace replaced Charles Babbage as Chair of the Analytical Society"),
    ),
]


@pytest.mark.parametrize(("statement", "expected"), SUCCESSIONS, ids=[described(case[0]) for case in SUCCESSIONS])
def test_a_succession_is_judged_by_whom_the_terms_say_each_replaced(
    db: sqlite3.Connection, statement: Statement, expected: tuple[str, str]
) -> None:
    assert judged(db, statement) == (*expected, ["lovelace-chair", "chair-handed-over"])


@pytest.mark.parametrize(
    ("said", "when", "expected"),
    [
        # "selected" tells of the choice the base's event calls an election: judged on that event's day.
        ("Lovelace was selected chair in 1840", "1840", ("supported", "the base says Ada Lovelace was elected 1840")),
        (
            "Lovelace was selected chair in 1841",
            "1841",
            ("contradicted", "the base says Ada Lovelace was elected 1840"),
        ),
        ("Lovelace was elected chair in 1841", "1841", ("contradicted", "the base says Ada Lovelace was elected 1840")),
        # A nomination is a step before the choice: judged on the term's start, not the election's day.
        ("Lovelace was nominated chair in 1840", "1840", ("supported", "the base says Ada Lovelace's term began 1840")),
        (
            "Lovelace was nominated chair in 1841",
            "1841",
            ("contradicted", "the base says Ada Lovelace's term began 1840"),
        ),
    ],
)
def test_being_chosen_is_judged_on_the_day_of_the_choice_whatever_verb_tells_it(
    db: sqlite3.Connection, said: str, when: str, expected: tuple[str, str]
) -> None:
    statement = Statement(
        claimed=Claimed.HOLDING, span=said, holder=ADA, office=CHAIR, edge=Edge.START, when=parse(when)
    )
    assert judged(db, statement)[:2] == expected


@pytest.mark.parametrize(
    ("said", "told", "same"),
    [
        ("selected", "elected", True),
        ("elected", "chosen", True),
        ("picked", "appointed", True),
        ("elected", "election", True),  # one word's forms
        ("elected", "appointed", False),  # two ways of choosing, each saying how
        ("selected", "nominated", False),  # a nomination comes before the choice
        ("nominated", "chosen", False),
        ("selected", "returns", False),
    ],
)
def test_a_verb_of_choosing_and_an_events_word_tell_of_one_choice(said: str, told: str, same: bool) -> None:
    assert choices.one_choice(said, told) is same


def test_a_succession_the_base_says_nothing_of_cannot_be_told(db: sqlite3.Connection) -> None:
    assert judged(db, replaced(DE_MORGAN, ADA)) == (
        "cannot-tell",
        "the base says nothing of who replaced Ada Lovelace",
        [],
    )
    # Nor one in an office where it did not happen.
    assert judged(db, replaced(ADA, BABBAGE, TRUSTEE)) == (
        "cannot-tell",
        "the base says nothing of who replaced Charles Babbage",
        [],
    )


LENGTHS = [
    # Against the length a source gives: the same length, another one, or one that may be the same.
    (lasted(DE_MORGAN, TREASURER, "P9Y"), ("supported", NINE_YEARS, ["de-morgan-treasurer"])),
    (lasted(DE_MORGAN, TREASURER, "P5Y"), ("contradicted", NINE_YEARS, ["de-morgan-treasurer"])),
    (lasted(DE_MORGAN, TREASURER, "P110M"), ("contradicted", NINE_YEARS, ["de-morgan-treasurer"])),
    (lasted(DE_MORGAN, TREASURER, "P108M"), ("cannot-tell", NINE_YEARS, ["de-morgan-treasurer"])),
    # By a body (the office's organization), and the best verdict of the holder's terms: his open secretaryship
    # cannot be measured, his treasurership is nine years.
    (lasted(DE_MORGAN, "Analytical Society", "P9Y"), ("supported", NINE_YEARS, ["de-morgan-treasurer"])),
    (lasted(DE_MORGAN, None, "P9Y"), ("supported", NINE_YEARS, ["de-morgan-treasurer"])),
    # Against the term's dates: 1831 to 1840 is somewhere between 8 and 10 years.
    (lasted(BABBAGE, CHAIR, "P9Y"), ("cannot-tell", BABBAGE_DATES, ["babbage-chair"])),
    (lasted(BABBAGE, CHAIR, "P5Y"), ("contradicted", BABBAGE_DATES, ["babbage-chair"])),
    (lasted(BABBAGE, CHAIR, "P12Y"), ("contradicted", BABBAGE_DATES, ["babbage-chair"])),
    (lasted(BABBAGE, CHAIR, "P8Y"), ("cannot-tell", BABBAGE_DATES, ["babbage-chair"])),
    # 1840-01-01 until 1840-02-01 is 31 days.
    (lasted(BABBAGE, SECRETARY, "P31D"), ("supported", SECRETARY_DATES, ["babbage-secretary"])),
    (lasted(BABBAGE, SECRETARY, "P1M"), ("supported", SECRETARY_DATES, ["babbage-secretary"])),
    (lasted(BABBAGE, SECRETARY, "P30D"), ("contradicted", SECRETARY_DATES, ["babbage-secretary"])),
    (lasted(BABBAGE, SECRETARY, "P32D"), ("contradicted", SECRETARY_DATES, ["babbage-secretary"])),
    # 1840-01-02 until February 1840 is from 30 to 58 days.
    (
        lasted(DE_MORGAN, "Auditor of the Analytical Society", "P30D"),
        (
            "cannot-tell",
            "the base has Augustus De Morgan in office 1840-01-02/1840-02",
            ["de-morgan-auditor"],
        ),
    ),
    (
        lasted(DE_MORGAN, TRUSTEE, "P1Y"),
        ("cannot-tell", "the base cannot measure Augustus De Morgan's term (1845/)", ["de-morgan-trustee"]),
    ),
    (
        lasted(ADA, CHAIR, "P3Y"),
        ("cannot-tell", "the base cannot measure Ada Lovelace's term (1840/..)", ["lovelace-chair"]),
    ),
    (lasted(ADA, LIBRARIAN, "P9Y"), ("supported", LIBRARIAN_DATES, ["lovelace-librarian"])),
    (lasted(ADA, LIBRARIAN, "P8Y"), ("contradicted", LIBRARIAN_DATES, ["lovelace-librarian"])),
    (lasted(ADA, LIBRARIAN, "P10Y"), ("contradicted", LIBRARIAN_DATES, ["lovelace-librarian"])),
    # Nine years and five months are 113 calendar months: 112 months is not it, nor eight years and six months.
    (lasted(ADA, LIBRARIAN, "P112M"), ("contradicted", LIBRARIAN_DATES, ["lovelace-librarian"])),
    (lasted(ADA, LIBRARIAN, "P8Y6M"), ("contradicted", LIBRARIAN_DATES, ["lovelace-librarian"])),
    # About nine years is any time from eight to ten.
    (lasted(ADA, TREASURER, "P9Y"), ("supported", ABOUT_NINE, ["lovelace-treasurer"])),
    (lasted(ADA, TREASURER, "P8Y"), ("cannot-tell", ABOUT_NINE, ["lovelace-treasurer"])),
    (lasted(ADA, TREASURER, "P10Y"), ("cannot-tell", ABOUT_NINE, ["lovelace-treasurer"])),
    (lasted(ADA, TREASURER, "P7Y"), ("contradicted", ABOUT_NINE, ["lovelace-treasurer"])),
    (lasted(ADA, TREASURER, "P11Y"), ("contradicted", ABOUT_NINE, ["lovelace-treasurer"])),
    # Months and days.
    (lasted(BABBAGE, TREASURER, "P1M"), ("supported", ONE_MONTH, ["babbage-treasurer"])),
    (lasted(BABBAGE, TREASURER, "P1M10D"), ("contradicted", ONE_MONTH, ["babbage-treasurer"])),
    (lasted(BABBAGE, TREASURER, "P40D"), ("contradicted", ONE_MONTH, ["babbage-treasurer"])),
    (lasted(BABBAGE, TREASURER, "P2M"), ("contradicted", ONE_MONTH, ["babbage-treasurer"])),
    (lasted(BABBAGE, TREASURER, "P20D"), ("contradicted", ONE_MONTH, ["babbage-treasurer"])),
    (lasted(BABBAGE, CHAIR, None), ("cannot-tell", "the base has no term of Charles Babbage to measure", [])),
    (lasted(BABBAGE, LIBRARIAN, "P9Y"), ("cannot-tell", "the base has no term of Charles Babbage to measure", [])),
]


@pytest.mark.parametrize(("statement", "expected"), LENGTHS, ids=[described(case[0]) for case in LENGTHS])
def test_a_length_in_office_is_judged_against_the_length_given_or_the_dates(
    db: sqlite3.Connection, statement: Statement, expected: tuple[str, str, list[str]]
) -> None:
    assert judged(db, statement) == expected


UNKNOWN = [
    (held("Nobody"), "no person, organization or country named 'Nobody' in the fact base"),
    (held(ADA, "Nothing"), "no office named 'Nothing' in the fact base"),
    (held(ADA, None), "the statement names no office"),
    (replaced("Nobody", ADA), "no person, organization or country named 'Nobody' in the fact base"),
    (replaced(ADA, "Nobody"), "no person, organization or country named 'Nobody' in the fact base"),
    (replaced(ADA, BABBAGE, "Nothing"), "no office named 'Nothing' in the fact base"),
    (lasted("Nobody", CHAIR, "P9Y"), "no person, organization or country named 'Nobody' in the fact base"),
    (lasted(ADA, "Nothing", "P9Y"), "no office, organization or country named 'Nothing' in the fact base"),
]


@pytest.mark.parametrize(("statement", "why"), UNKNOWN, ids=[described(case[0]) for case in UNKNOWN])
def test_a_name_the_base_does_not_hold_is_not_in_the_base(
    db: sqlite3.Connection, statement: Statement, why: str
) -> None:
    assert judged(db, statement) == ("not-in-base", why, [])


def test_a_present_tense_past_the_horizon_of_an_open_term_says_as_of_when_the_sources_stop(
    db: sqlite3.Connection,
) -> None:
    context = Context(db, date(1850, 1, 1))
    present, dated, denied, past = judge(
        context,
        [
            held(ADA, tense=Tense.PRESENT),
            held(ADA, when=parse("1850")),
            held(ADA, tense=Tense.PRESENT, negated=True),
            held(ADA),
        ],
    )
    late = "last known in office as of 1843-09-01, 6 years before 1850-01-01"
    assert (present.verdict, present.why, present.as_of) == ("cannot-tell", late, "1843-09-01")
    assert (dated.verdict, dated.why, dated.as_of) == ("cannot-tell", "last known in office as of 1843-09-01", None)
    assert (denied.verdict, denied.why, denied.as_of) == (
        "cannot-tell",
        late,
        "1843-09-01",
    )
    assert (past.verdict, past.as_of) == ("supported", None)  # the past tense is not asked as of a day


def test_a_length_in_the_present_tense_past_the_horizon_says_as_of_when_the_sources_stop(
    db: sqlite3.Connection,
) -> None:
    (found,) = judge(Context(db, date(1850, 1, 1)), [lasted(ADA, CHAIR, "P3Y", tense=Tense.PRESENT)])
    assert (found.verdict, found.why, found.as_of) == (
        "cannot-tell",
        "the base cannot measure Ada Lovelace's term (1840/..)",
        "1843-09-01",
    )


def test_only_the_sources_published_by_the_day_known_are_heard(db: sqlite3.Connection) -> None:
    before, after = date(1843, 8, 31), date(1843, 9, 1)
    statements = [held(ADA, tense=Tense.PRESENT), replaced(ADA, BABBAGE), lasted(DE_MORGAN, TREASURER, "P9Y")]
    assert [(found.verdict, found.why) for found in judge(Context(db, DAY, before), statements)] == [
        ("cannot-tell", "the base knows no term of Ada Lovelace as Chair of the Analytical Society"),
        ("cannot-tell", "the base says nothing of who replaced Charles Babbage"),
        ("cannot-tell", "the base has no term of Augustus De Morgan to measure"),
    ]
    assert [
        (found.verdict, [item.id for item in found.evidence]) for found in judge(Context(db, DAY, after), statements)
    ] == [
        ("supported", ["lovelace-chair"]),
        ("supported", ["lovelace-chair", "chair-handed-over"]),
        ("supported", ["de-morgan-treasurer"]),
    ]


def test_the_evidence_carries_each_records_source_quote_modality_and_whose_words_they_are(
    db: sqlite3.Connection,
) -> None:
    def shown(statement: Statement) -> list[tuple[object, ...]]:
        (found,) = judge(Context(db, DAY), [statement])
        return [(*item[:4], list(item.said_by), list(item.via)) for item in found.evidence]

    expects = "The society expects Augustus De Morgan to become its secretary in 1844"
    assert shown(held(DE_MORGAN, SECRETARY, edge=Edge.START)) == [
        ("de-morgan-secretary", "gazette-1843", expects, "expected", ["ada-lovelace"], ["charles-babbage"])
    ]
    succeeded = "Ada Lovelace succeeded him as chair in 1840"
    assert shown(held(ADA, edge=Edge.START)) == [
        ("lovelace-chair", "gazette-1843", succeeded, "stated", [], []),
        ("chair-handed-over", "gazette-1843", succeeded, "stated", [], []),
        # An event's speakers and outlets, as a term's.
        (
            "lovelace-elected",
            "gazette-1843",
            "Lovelace was elected chair in 1840",
            "stated",
            ["augustus-de-morgan"],
            ["charles-babbage"],
        ),
    ]


def test_a_length_told_of_a_noun_for_a_holder_of_several_offices_cannot_tell_and_shows_each_term(
    db: sqlite3.Connection,
) -> None:
    # "Babbage led the society for nine years": which of his five terms "the society" stands for is not said,
    # so the verdict shows all of them for the reader to weigh.
    statement = Statement(
        claimed=Claimed.DURATION, span="d", holder=BABBAGE, noun="society", length=parse_duration("P9Y")
    )
    assert judged(db, statement) == (
        "cannot-tell",
        "the statement names no body, and the base has Charles Babbage in more than one office",
        ["babbage-chair", "babbage-trustee", "babbage-secretary", "babbage-trustee-again", "babbage-treasurer"],
    )


def succeeded_on(holder: str, other: str, when: str) -> Statement:
    return Statement(claimed=Claimed.SUCCESSION, span="s", holder=holder, other=other, when=parse(when))


HANDOVER = ["lovelace-chair", "chair-handed-over"]
ADA_FOR_BABBAGE = "Ada Lovelace replaced Charles Babbage as Chair of the Analytical Society"
DATED_SUCCESSIONS = [
    # The day a succession is told on, against the day the base gives the new term's start (1840).
    (succeeded_on(ADA, BABBAGE, "1840"), ("supported", ADA_FOR_BABBAGE, HANDOVER)),
    (succeeded_on(ADA, BABBAGE, "1841"), ("contradicted", f"{ADA_FOR_BABBAGE} on 1840", HANDOVER)),
    (succeeded_on(ADA, BABBAGE, "1840-06"), ("cannot-tell", f"{ADA_FOR_BABBAGE} on 1840", HANDOVER)),
    # The wrong way round is contradicted whatever the day.
    (
        succeeded_on(BABBAGE, ADA, "1840"),
        ("contradicted", "the base has it the other way round: Ada Lovelace replaced Charles Babbage", HANDOVER),
    ),
    # Someone the new holder did not replace: the base names whom she did replace.
    (replaced(ADA, DE_MORGAN), ("contradicted", f"the base says {ADA_FOR_BABBAGE}", HANDOVER)),
    (replaced(ADA, DE_MORGAN, CHAIR), ("contradicted", f"the base says {ADA_FOR_BABBAGE}", HANDOVER)),
    (replaced(BABBAGE, DE_MORGAN), ("cannot-tell", "the base says nothing of who replaced Augustus De Morgan", [])),
]


@pytest.mark.parametrize(
    ("statement", "expected"), DATED_SUCCESSIONS, ids=[described(case[0]) for case in DATED_SUCCESSIONS]
)
def test_a_succession_is_judged_on_its_day_and_against_whom_the_new_holder_replaced(
    db: sqlite3.Connection, statement: Statement, expected: tuple[str, str, list[str]]
) -> None:
    assert judged(db, statement) == expected


def test_a_succession_whose_replaced_holder_the_base_does_not_name_says_the_id_as_written(tmp_path: Path) -> None:
    # A `replaces` that names no entity of the base: the verdict still says whom the term replaces, by its id.
    source = TINY_SOURCE.replace('replaces = "charles-babbage"', 'replaces = "mary-somerville"')
    data = {"entities.toml": TINY_ENTITIES, "sources/gazette.toml": source}
    for connection in tiny_index(tmp_path / "tiny", {"gazette.txt": TINY_ARTICLE}, data):
        assert judged(connection, replaced(ADA, BABBAGE)) == (
            "contradicted",
            "the base says Ada Lovelace replaced mary-somerville as Chair of the Analytical Society",
            ["lovelace-chair"],
        )


def test_a_dated_succession_to_a_term_with_no_start_cannot_be_told_and_says_so(tmp_path: Path) -> None:
    source = TINY_SOURCE.replace('start = "1840"\nend = ".."\n', 'end = ".."\n')
    data = {"entities.toml": TINY_ENTITIES, "sources/gazette.toml": source}
    for connection in tiny_index(tmp_path / "tiny", {"gazette.txt": TINY_ARTICLE}, data):
        statement = Statement(claimed=Claimed.SUCCESSION, span="s", holder=ADA, other=BABBAGE, when=parse("1840"))
        assert judged(connection, statement) == (
            "cannot-tell",
            "Ada Lovelace replaced Charles Babbage as Chair of the Analytical Society on (date unknown)",
            ["lovelace-chair"],
        )
