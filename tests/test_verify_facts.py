"""verify/facts: numbers, attributions, events and other claims, judged against the claims and events of a small
base, each with its exact verdict, reason, evidence and as-of day (test_verify_judge.py judges the shipped base's
statements).

The tiny base's gazette (published 1843-09-01) is planted here with the society's members as of three days (25
on 1841-03-01, 40 on the day it was published, and "Thirty-one" in the society's summary as of 1842-05-01),
words of Lovelace's, words of no one's, words of both (as the society reports them), an expectation of Babbage's, an
announcement, a hedged claim, an event with a date and one without; a later herald (published 1850-06-01) gives
20 members and words of Babbage's.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date

import pytest

from newskb.common.dates import parse
from newskb.index.cache import open_index
from newskb.verify import judge
from newskb.verify.statements import Claimed, Statement
from newskb.verify.terms import Context
from tests.conftest import TINY_ARTICLE, TINY_ENTITIES, TINY_SOURCE, TinyBase, tiny_index

DAY = date(1843, 9, 1)

ARTICLE = (
    "In March 1841 the society counted 25 members.\n"
    "The society has 40 members, twelve of them abroad.\n"
    "Lovelace wrote that the engine weaves algebraical patterns.\n"
    "The engine computes tables of logarithms.\n"
    "Babbage expects the engine to print its own tables.\n"
    "The society will open a library of engines.\n"
    "The engine might compose elaborate pieces of music.\n"
    "Babbage demonstrated the engine in Turin in 1840.\n"
    "The society met in the winter.\n"
    "Thirty-one members signed the charter in May 1842.\n"
    "Lovelace paid the fees of members 3 times.\n"
    "Lovelace sent 4 letters to members.\n"
    "The engine printed XXXX when its cards ran out.\n"
    "The engine can play draughts against a child.\n"
    "The society keeps 1,200 volumes.\n"
)
HERALD = "The society now has 20 members.\nBabbage said the engine can play chess.\n"
# The society's summary gives its members as of 1842-05-01.
ENTITIES = TINY_ENTITIES.replace(
    'name = "Analytical Society"\n',
    'name = "Analytical Society"\nsummary = "A society of 31 members."\nsource = "gazette-1843"\n'
    'quote = "Thirty-one members signed the charter in May 1842"\nas_of = "1842-05-01"\n',
)
FACTS = """\
[[claim]]
id = "volumes-1843"
about = ["analytical-society"]
text = "The society keeps 1,200 volumes."
quote = "The society keeps 1,200 volumes"

[[claim]]
id = "members-1841"
about = ["analytical-society"]
text = "The society had 25 members."
as_of = "1841-03-01"
quote = "In March 1841 the society counted 25 members"

[[claim]]
id = "members-1843"
about = ["analytical-society"]
text = "The society has 40 members."
quote = "The society has 40 members, twelve of them abroad"

[[claim]]
id = "lovelace-patterns"
about = ["analytical-society"]
text = "The engine weaves algebraical patterns."
said_by = ["ada-lovelace"]
quote = "the engine weaves algebraical patterns"

[[claim]]
id = "engine-tables"
about = ["analytical-society"]
text = "The engine computes tables of logarithms."
quote = "The engine computes tables of logarithms"

[[claim]]
id = "babbage-expects-printing"
about = ["analytical-society"]
text = "The engine will print its own tables."
said_by = ["charles-babbage"]
modality = "expected"
quote = "Babbage expects the engine to print its own tables"

[[claim]]
id = "library-announced"
about = ["analytical-society"]
text = "The society will open a library of engines."
modality = "announced"
quote = "The society will open a library of engines"

[[claim]]
id = "engine-music"
about = ["analytical-society"]
text = "The engine might compose elaborate pieces of music."
quote = "The engine might compose elaborate pieces of music"

[[claim]]
id = "lovelace-fees"
about = ["ada-lovelace"]
text = "Lovelace paid the fees of members 3 times."
quote = "Lovelace paid the fees of members 3 times"

[[claim]]
id = "lovelace-letters"
about = ["ada-lovelace"]
text = "Lovelace sent 4 letters to members."
quote = "Lovelace sent 4 letters to members"

[[claim]]
id = "engine-error"
about = ["analytical-society"]
text = "The engine printed XXXX when its cards ran out."
quote = "The engine printed XXXX when its cards ran out"

[[claim]]
id = "engine-draughts"
about = ["analytical-society"]
text = "The engine can play draughts against a child."
quote = "The engine can play draughts against a child"

[[claim]]
id = "society-in-london"
about = ["analytical-society"]
text = "The society meets in London."
said_by = ["ada-lovelace", "charles-babbage"]
via = ["analytical-society"]
quote = "The society   meets"

[[event]]
id = "engine-demonstrated"
date = "1840"
title = "Babbage demonstrated the engine in Turin"
involves = ["charles-babbage"]
quote = "Babbage demonstrated the engine in Turin in 1840"

[[event]]
id = "society-met"
title = "The society met in the winter"
involves = ["analytical-society"]
quote = "The society met in the winter"
"""
HERALD_SOURCE = """\
[source]
id = "herald-1850"
title = "Herald"
publisher = "analytical-society"
published = "1850-06-01"
text = "../../seeds/herald.txt"

[[claim]]
id = "herald-members"
about = ["analytical-society"]
text = "The society has 20 members."
quote = "The society now has 20 members"

[[claim]]
id = "babbage-chess"
about = ["analytical-society"]
text = "The engine can play chess."
said_by = ["charles-babbage"]
quote = "Babbage said the engine can play chess"
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[sqlite3.Connection]:
    """The index of the tiny base with the facts above, built once: the judges only read it."""
    yield from tiny_index(
        tmp_path_factory.mktemp("facts") / "tiny",
        {"gazette.txt": TINY_ARTICLE + ARTICLE, "herald.txt": HERALD},
        {
            "entities.toml": ENTITIES,
            "sources/gazette.toml": TINY_SOURCE + "\n" + FACTS,
            "sources/herald.toml": HERALD_SOURCE,
        },
    )


def judged(
    db: sqlite3.Connection, statement: Statement, day: date = DAY, known: date | None = None
) -> tuple[object, ...]:
    """A statement's verdict, why, evidence ids and as-of day."""
    (verdict,) = judge(Context(db, day, known), [statement])
    return (verdict.verdict.value, verdict.why, [item.id for item in verdict.evidence], verdict.as_of)


SOCIETY = "Analytical Society"


def _number(number: int, measure: str | None = "members", subject: str | None = SOCIETY, **rest: object) -> Statement:
    return Statement(claimed=Claimed.NUMBER, span="n", subject=subject, number=number, measure=measure, **rest)  # type: ignore[arg-type]


def _said(speaker: str | None, said: str | None, **rest: object) -> Statement:
    return Statement(claimed=Claimed.ATTRIBUTION, span="a", speaker=speaker, said=said, **rest)  # type: ignore[arg-type]


def _claim(said: str, claimed: Claimed = Claimed.CLAIM, **rest: object) -> Statement:
    return Statement(claimed=claimed, span="c", said=said, **rest)  # type: ignore[arg-type]


# (what it states, the statement, the day asked, the day heard up to, its verdict, why, evidence and as-of day)
CASES: list[tuple[str, Statement, date, date | None, tuple[object, ...]]] = [
    (
        "1,200 volumes, a number the record writes with a comma",
        _number(1200, measure="volumes"),
        DAY,
        None,
        ("supported", "the base says 1200 volumes, as of 1843-09-01", ["volumes-1843"], "1843-09-01"),
    ),
    (
        "40 members on the gazette's day",
        _number(40),
        DAY,
        None,
        ("supported", "the base says 40 members, as of 1843-09-01", ["members-1843"], "1843-09-01"),
    ),
    (
        "41 members on the gazette's day",
        _number(41),
        DAY,
        None,
        ("contradicted", "the base says 40 members, as of 1843-09-01", ["members-1843"], "1843-09-01"),
    ),
    (
        "not 40 members on the gazette's day",
        _number(40, negated=True),
        DAY,
        None,
        (
            "contradicted",
            "the base says 40 members, as of 1843-09-01, which the statement denies",
            ["members-1843"],
            "1843-09-01",
        ),
    ),
    (
        "25 members in 1841, asked on the gazette's day",
        _number(25, when=parse("1841")),
        DAY,
        None,
        ("supported", "the base says 25 members, as of 1841-03-01", ["members-1841"], "1841-03-01"),
    ),
    (
        "31 members in May 1842, as the society's summary says",
        _number(31, when=parse("1842-05")),
        DAY,
        None,
        ("supported", "the base says 31 members, as of 1842-05-01", ["analytical-society"], "1842-05-01"),
    ),
    (
        "40 members in 1848: the latest number is the herald's, after it",
        _number(40),
        date(1848, 1, 1),
        None,
        (
            "cannot-tell",
            "the base says 20 members as of 1850-06-01, 2 years after the day asked, and nothing for that day",
            ["herald-members"],
            "1850-06-01",
        ),
    ),
    (
        "40 members in 1830: the latest number, though every one is after it",
        _number(40),
        date(1830, 1, 1),
        None,
        (
            "cannot-tell",
            "the base says 20 members as of 1850-06-01, 20 years after the day asked, and nothing for that day",
            ["herald-members"],
            "1850-06-01",
        ),
    ),
    (
        "40 members in 1848, the herald not yet heard",
        _number(40),
        date(1848, 1, 1),
        date(1845, 1, 1),
        (
            "cannot-tell",
            "the base says 40 members as of 1843-09-01, 4 years before the day asked, and nothing for that day",
            ["members-1843"],
            "1843-09-01",
        ),
    ),
    (
        "a number of no measure",
        _number(40, measure=None),
        DAY,
        None,
        ("not-in-base", "the base gives no number of  for Analytical Society", [], None),
    ),
    (
        # "members 3 times", "4 letters to members": a number counts only what follows it within two words.
        "Lovelace's 3 members",
        _number(3, subject="Lovelace"),
        DAY,
        None,
        ("not-in-base", "the base gives no number of members for Ada Lovelace", [], None),
    ),
    (
        "Lovelace's 4 members",
        _number(4, subject="Lovelace"),
        DAY,
        None,
        ("not-in-base", "the base gives no number of members for Ada Lovelace", [], None),
    ),
    (
        "the members of a society the base does not hold",
        _number(40, subject="Royal Society"),
        DAY,
        None,
        (
            "not-in-base",
            "no person, organization, country or office named 'Royal Society' in the fact base (did you mean "
            "'Chair of the Analytical Society' or 'Analytical Society'?)",
            [],
            None,
        ),
    ),
    (
        "the members of no one",
        _number(40, subject=None),
        DAY,
        None,
        ("not-in-base", "the statement names no person, organization, country or office", [], None),
    ),
    (
        "Lovelace's words, from Lovelace",
        _said("Ada Lovelace", "the engine weaves algebraical patterns"),
        DAY,
        None,
        ("supported", "the base has these words from Ada Lovelace", ["lovelace-patterns"], None),
    ),
    (
        "Lovelace's words, from Babbage",
        _said("Charles Babbage", "the engine weaves algebraical patterns"),
        DAY,
        None,
        (
            "contradicted",
            "the base has these words from Ada Lovelace, not Charles Babbage",
            ["lovelace-patterns"],
            None,
        ),
    ),
    (
        "words of no one's, from Babbage",
        _said("Charles Babbage", "the engine computes tables of logarithms"),
        DAY,
        None,
        ("cannot-tell", "the base has these words, from no one it names", ["engine-tables"], None),
    ),
    (
        "words close to Lovelace's, from Babbage",
        _said("Charles Babbage", "the engine weaves patterns of lace"),
        DAY,
        None,
        ("cannot-tell", "the base says something close, not this", ["lovelace-patterns"], None),
    ),
    (
        "Babbage's expectation, said as a fact",
        _said("Charles Babbage", "the engine will print its own tables"),
        DAY,
        None,
        ("cannot-tell", "the base says it only as a possibility", ["babbage-expects-printing"], None),
    ),
    (
        "Babbage's expectation, reported as one",
        _said("Charles Babbage", "the engine will print its own tables", expects=True),
        DAY,
        None,
        ("supported", "the base has these words from Charles Babbage", ["babbage-expects-printing"], None),
    ),
    (
        "words the base does not hold",
        _said("Charles Babbage", "the moon is cheese"),
        DAY,
        None,
        ("not-in-base", "no claim in the base says this", [], None),
    ),
    (
        # A statement without words is never accounted for, not even by a record of an odd word.
        "no words, from Babbage",
        _said("Charles Babbage", None),
        DAY,
        None,
        ("not-in-base", "no claim in the base says this", [], None),
    ),
    (
        "Babbage's words in the herald",
        _said("Charles Babbage", "the engine can play chess"),
        DAY,
        None,
        ("supported", "the base has these words from Charles Babbage", ["babbage-chess"], None),
    ),
    (
        # The herald's words are passed over, and the next record that speaks to them is weighed.
        "Babbage's words in the herald, not yet heard",
        _said("Charles Babbage", "the engine can play chess"),
        DAY,
        date(1845, 1, 1),
        ("cannot-tell", "the base says something close, not this", ["engine-draughts"], None),
    ),
    (
        "Babbage's words, heard on the herald's day",
        _said("Charles Babbage", "the engine can play chess"),
        DAY,
        date(1850, 6, 1),
        ("supported", "the base has these words from Charles Babbage", ["babbage-chess"], None),
    ),
    (
        "words of two speakers, from a third",
        _said("Analytical Society", "the society meets in London"),
        DAY,
        None,
        (
            "contradicted",
            "the base has these words from Ada Lovelace, Charles Babbage, not Analytical Society",
            ["society-in-london"],
            None,
        ),
    ),
    (
        "words of a speaker the base does not hold",
        _said("Royal Society", "the engine can play chess"),
        DAY,
        None,
        (
            "not-in-base",
            "no person or organization named 'Royal Society' in the fact base (did you mean 'Analytical Society'?)",
            [],
            None,
        ),
    ),
    (
        "words of no speaker",
        _said(None, "the engine can play chess"),
        DAY,
        None,
        ("not-in-base", "the statement names no person or organization", [], None),
    ),
    (
        "an announcement",
        _claim("the society will open a library of engines"),
        DAY,
        None,
        ("supported", "the base says so, as an announcement", ["library-announced"], None),
    ),
    (
        "a claim the base only hedges",
        _claim("the engine composes elaborate pieces of music"),
        DAY,
        None,
        ("cannot-tell", "the base says it only as a possibility", ["engine-music"], None),
    ),
    (
        "a claim hedged as the base hedges it",
        _claim("the engine might compose elaborate pieces of music"),
        DAY,
        None,
        ("supported", "the base says so", ["engine-music"], None),
    ),
    (
        "a claim close to one of the base's",
        _claim("the engine weaves patterns of lace"),
        DAY,
        None,
        ("cannot-tell", "the base says something close, not this", ["lovelace-patterns"], None),
    ),
    (
        "an expectation, said as a fact",
        _claim("the engine will print its own tables"),
        DAY,
        None,
        ("cannot-tell", "the base says it only as a possibility", ["babbage-expects-printing"], None),
    ),
    (
        "an expectation, reported as one",
        _claim("the engine will print its own tables", expects=True),
        DAY,
        None,
        ("supported", "the base says so", ["babbage-expects-printing"], None),
    ),
    (
        # Question and function words need no record's: "which", "for", "her".
        "a claim with a function word the record lacks",
        _claim("the engine computes tables of logarithms for her"),
        DAY,
        None,
        ("supported", "the base says so", ["engine-tables"], None),
    ),
    (
        "a claim with a question word the record lacks",
        _claim("which engine computes tables of logarithms"),
        DAY,
        None,
        ("supported", "the base says so", ["engine-tables"], None),
    ),
    (
        # engine, weaves, algebraical of five words: three fifths, the least a close record accounts for.
        "a claim three fifths of whose words a record has",
        _claim("the engine weaves algebraical silk lace"),
        DAY,
        None,
        ("cannot-tell", "the base says something close, not this", ["lovelace-patterns"], None),
    ),
    (
        "a claim the base does not hold",
        _claim("the moon is cheese"),
        DAY,
        None,
        ("not-in-base", "nothing in the base says this", [], None),
    ),
    (
        "a claim read whole from its words",
        Statement(claimed=Claimed.CLAIM, span="the engine computes tables of logarithms"),
        DAY,
        None,
        ("supported", "the base says so", ["engine-tables"], None),
    ),
    (
        "an event in its year",
        _claim("Babbage demonstrated the engine in Turin", Claimed.EVENT, when=parse("1840")),
        DAY,
        None,
        ("supported", "the base dates it 1840", ["engine-demonstrated"], None),
    ),
    (
        "an event a year late",
        _claim("Babbage demonstrated the engine in Turin", Claimed.EVENT, when=parse("1841")),
        DAY,
        None,
        ("contradicted", "the base dates it 1840", ["engine-demonstrated"], None),
    ),
    (
        "an event without a date",
        _claim("Babbage demonstrated the engine in Turin", Claimed.EVENT),
        DAY,
        None,
        ("supported", "the base says so", ["engine-demonstrated"], None),
    ),
    (
        "an event the base does not date",
        _claim("the society met in the winter", Claimed.EVENT, when=parse("1841")),
        DAY,
        None,
        ("cannot-tell", "the base dates it (date unknown)", ["society-met"], None),
    ),
    (
        # Every date of a statement accounted for, or no support: a claim gives no day to weigh 1841 against.
        "a dated claim: only an event has a date to compare",
        _claim("the engine computes tables of logarithms", when=parse("1841")),
        DAY,
        None,
        ("cannot-tell", "the base says so, but not that it was 1841", ["engine-tables"], None),
    ),
]


@pytest.mark.parametrize(
    ("statement", "day", "known", "expected"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_a_statement_gets_its_verdict_why_evidence_and_day(
    db: sqlite3.Connection, statement: Statement, day: date, known: date | None, expected: tuple[object, ...]
) -> None:
    assert judged(db, statement, day, known) == expected
    (verdict,) = judge(Context(db, day, known), [statement])
    assert (verdict.statement, verdict.claimed) == (statement.span, statement.claimed)


def test_a_number_cites_the_claim_or_the_summary_with_its_source_quote_and_modality(db: sqlite3.Connection) -> None:
    (claimed,) = judge(Context(db, DAY), [_number(40)])
    (summary,) = judge(Context(db, DAY), [_number(31, when=parse("1842-05"))])
    assert [tuple(item) for item in [*claimed.evidence, *summary.evidence]] == [
        ("members-1843", "gazette-1843", "The society has 40 members, twelve of them abroad", "stated", (), ()),
        ("analytical-society", "gazette-1843", "Thirty-one members signed the charter in May 1842", "stated", (), ()),
    ]


def test_words_cite_their_claim_with_its_source_quote_modality_speakers_and_reporter(db: sqlite3.Connection) -> None:
    (verdict,) = judge(Context(db, DAY), [_said("Analytical Society", "the society meets in London")])
    assert [tuple(item) for item in verdict.evidence] == [
        (
            "society-in-london",
            "gazette-1843",
            "The society   meets",
            "stated",
            ["ada-lovelace", "charles-babbage"],
            ["analytical-society"],
        )
    ]


def test_words_of_a_speaker_the_base_does_not_hold_are_named_by_id(tiny: TinyBase) -> None:
    # `check` refuses the unknown speaker; verify still answers, with the id where the name would be.
    tiny.append(
        tiny.source,
        '[[claim]]\nid = "weekly-meetings"\nabout = ["analytical-society"]\nsaid_by = ["nobody"]\n'
        'text = "The society meets weekly"\nquote = "The society   meets"\n',
    )
    connection, _ = open_index(tiny.data)
    (verdict,) = judge(Context(connection, DAY), [_said("Ada Lovelace", "the society meets weekly")])
    assert (verdict.verdict, verdict.why) == ("contradicted", "the base has these words from nobody, not Ada Lovelace")
