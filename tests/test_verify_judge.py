"""verify's judges: statements, as the reader gives them, against the seed base, each verdict with its evidence.

The statements here are those of the non-held-out sentences of tests/fixtures/verify/seed.toml, written by
hand as the reader should read them: what the judges decide, apart from how a sentence is read.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from newskb.common.dates import parse, parse_duration
from newskb.index.cache import open_index
from newskb.verify import judge
from newskb.verify.statements import Claimed, Edge, Statement, Tense
from newskb.verify.terms import Context
from newskb.verify.verdicts import exit_code

NSG = "NATO Secretary General"
TODAY = date(2026, 1, 1)


@pytest.fixture
def db(kb: Path) -> sqlite3.Connection:
    connection, problems = open_index(kb)
    assert problems == []
    return connection


def holding(holder: str, office: str, **given: object) -> Statement:
    return Statement(claimed=Claimed.HOLDING, span=f"{holder} / {office}", holder=holder, office=office, **given)  # type: ignore[arg-type]


CASES: list[tuple[date, Statement, str, list[str]]] = [
    (
        TODAY,
        holding("Mark Rutte", NSG, edge=Edge.START, when=parse("2024-10")),
        "supported",
        ["mark-rutte-nato-secretary-general"],
    ),
    (
        TODAY,
        holding("Mark Rutte", NSG, edge=Edge.START, when=parse("2023")),
        "contradicted",
        ["mark-rutte-nato-secretary-general"],
    ),
    (
        TODAY,
        holding("Mark Rutte", NSG, edge=Edge.START, when=parse("2024-10-01")),
        "supported",
        ["mark-rutte-nato-secretary-general"],
    ),
    (
        TODAY,
        holding("Jens Stoltenberg", NSG, edge=Edge.END, when=parse("2024-10-01")),
        "supported",
        ["jens-stoltenberg-nato-secretary-general"],
    ),
    (
        TODAY,
        holding("Jens Stoltenberg", NSG, edge=Edge.END, when=parse("2023")),
        "contradicted",
        ["jens-stoltenberg-nato-secretary-general"],
    ),
    (
        TODAY,
        holding("Rutte", "Dutch prime minister", edge=Edge.END, when=parse("2023")),
        "cannot-tell",
        ["mark-rutte-netherlands-prime-minister"],
    ),
    (
        TODAY,
        holding("Rutte", "Dutch prime minister", edge=Edge.END, when=parse("2025")),
        "contradicted",
        ["mark-rutte-netherlands-prime-minister"],
    ),
    (
        date(2024, 10, 1),
        holding("Mark Rutte", NSG, tense=Tense.PRESENT),
        "supported",
        ["mark-rutte-nato-secretary-general"],
    ),
    (
        TODAY,
        holding("Jens Stoltenberg", NSG, tense=Tense.PRESENT),
        "contradicted",
        ["jens-stoltenberg-nato-secretary-general"],
    ),
    (
        date(2024, 9, 30),
        holding("Jens Stoltenberg", NSG, tense=Tense.PRESENT),
        "supported",
        ["jens-stoltenberg-nato-secretary-general"],
    ),
    (
        date(2024, 10, 1),
        holding("Ben Wallace", NSG, tense=Tense.PRESENT),
        "contradicted",
        ["mark-rutte-nato-secretary-general"],
    ),
    (
        date(2024, 10, 1),
        holding("Oana Lungescu", "NATO spokesperson", tense=Tense.PRESENT),
        "contradicted",
        ["oana-lungescu-nato-spokesperson"],
    ),
    (
        TODAY,
        holding("Peter Bator", "Slovak Ambassador to NATO"),
        "supported",
        ["peter-bator-slovakia-ambassador-to-nato"],
    ),
    (
        date(2024, 10, 1),
        holding("Mark Rutte", NSG, tense=Tense.PRESENT, negated=True),
        "contradicted",
        ["mark-rutte-nato-secretary-general"],
    ),
    (
        TODAY,
        holding("Jens Stoltenberg", NSG, tense=Tense.PRESENT, negated=True),
        "supported",
        ["jens-stoltenberg-nato-secretary-general"],
    ),
    (TODAY, holding("Mark Rutte", "UN Secretary General", tense=Tense.PRESENT), "not-in-base", []),
    (
        TODAY,
        Statement(claimed=Claimed.SUCCESSION, span="s", holder="Ben Wallace", other="Jens Stoltenberg"),
        "contradicted",
        ["mark-rutte-nato-secretary-general"],
    ),
    (
        date(2024, 9, 30),
        Statement(claimed=Claimed.NUMBER, span="n", subject="NATO", number=32, measure="members", tense=Tense.PRESENT),
        "supported",
        ["nato-has-32-members"],
    ),
    (
        date(2024, 9, 30),
        Statement(claimed=Claimed.NUMBER, span="n", subject="NATO", number=30, measure="members", tense=Tense.PRESENT),
        "contradicted",
        ["nato-has-32-members"],
    ),
    (
        TODAY,
        Statement(claimed=Claimed.NUMBER, span="n", subject="NATO", number=30, measure="members", tense=Tense.PRESENT),
        "cannot-tell",
        ["nato-has-32-members"],
    ),
    (
        date(2024, 9, 30),
        Statement(claimed=Claimed.NUMBER, span="n", subject="NATO", number=32, measure="troops", tense=Tense.PRESENT),
        "not-in-base",
        [],
    ),
    (
        date(2024, 10, 1),
        Statement(claimed=Claimed.NUMBER, span="n", subject="The European Union", number=27, measure="members"),
        "not-in-base",
        [],
    ),
    (
        TODAY,
        Statement(
            claimed=Claimed.DURATION, span="d", holder="Stoltenberg", office="NATO", length=parse_duration("P8Y")
        ),
        "contradicted",
        ["jens-stoltenberg-nato-secretary-general"],
    ),
    (
        TODAY,
        Statement(
            claimed=Claimed.DURATION, span="d", holder="Stoltenberg", office="NATO", length=parse_duration("P10Y")
        ),
        "supported",
        ["jens-stoltenberg-nato-secretary-general"],
    ),
    (
        TODAY,
        Statement(
            claimed=Claimed.DURATION,
            span="d",
            holder="Rutte",
            office="Dutch prime minister",
            length=parse_duration("P10Y"),
        ),
        "contradicted",
        ["mark-rutte-netherlands-prime-minister"],
    ),
    (
        TODAY,
        Statement(
            claimed=Claimed.ATTRIBUTION,
            span="a",
            speaker="Oana Lungescu",
            said="Rutte's main goal will be to move the alliance forward",
        ),
        "supported",
        ["lungescu-rutte-main-goal"],
    ),
    (
        TODAY,
        Statement(
            claimed=Claimed.ATTRIBUTION,
            span="a",
            speaker="NATO",
            said="Rutte to continue Stoltenberg's priorities",
            expects=True,
        ),
        "supported",
        ["rutte-expected-to-continue-priorities"],
    ),
    (
        TODAY,
        Statement(claimed=Claimed.CLAIM, span="c", said="Rutte will continue Stoltenberg's strategic priorities"),
        "cannot-tell",
        ["rutte-expected-to-continue-priorities"],
    ),
    (
        TODAY,
        Statement(claimed=Claimed.EVENT, span="e", said="Donald Trump returned to the US presidency"),
        "cannot-tell",
        ["donald-trump-may-return"],
    ),
    (
        TODAY,
        Statement(claimed=Claimed.EVENT, span="e", said="Russia invaded Ukraine"),
        "supported",
        ["russia-full-scale-invasion-of-ukraine"],
    ),
]


@pytest.mark.parametrize(("day", "statement", "verdict", "evidence"), CASES)
def test_a_statement_gets_its_verdict_and_cites_its_evidence(
    db: sqlite3.Connection, day: date, statement: Statement, verdict: str, evidence: list[str]
) -> None:
    (judged,) = judge(Context(db, day), [statement])
    assert judged.verdict == verdict, judged.why
    assert set(evidence) <= {item.id for item in judged.evidence}


def test_whom_the_evidence_comes_from_and_why_in_a_line(db: sqlite3.Connection) -> None:
    (late,) = judge(Context(db, TODAY), [holding("Mark Rutte", NSG, tense=Tense.PRESENT)])
    assert (late.verdict, late.why, late.as_of) == (
        "cannot-tell",
        "last known in office as of 2024-09-30, 1 year before 2026-01-01",
        "2024-09-30",
    )
    (wrong,) = judge(
        Context(db, TODAY),
        [
            Statement(
                claimed=Claimed.ATTRIBUTION,
                span="a",
                speaker="Peter Bator",
                said="Rutte's main goal will be to move the alliance forward",
            )
        ],
    )
    assert (wrong.verdict, wrong.why) == (
        "contradicted",
        "the base has these words from Oana Lungescu, not Peter Bator",
    )
    (announced,) = judge(Context(db, TODAY), [holding("Mark Rutte", NSG, edge=Edge.START, when=parse("2024-10-01"))])
    assert announced.why == (
        "the base says Mark Rutte's term began 2024-10-01, as an announcement (the source said it would happen)"
    )
    assert announced.evidence[0].modality == "announced" and announced.evidence[0].via == ["reuters"]


def test_the_exit_code_follows_the_worst_verdict(db: sqlite3.Connection) -> None:
    right = holding("Mark Rutte", NSG, edge=Edge.START, when=parse("2024-10-01"))
    wrong = holding("Mark Rutte", NSG, edge=Edge.START, when=parse("2023"))
    unknown = holding("Mark Rutte", "UN Secretary General", tense=Tense.PRESENT)
    vague = holding("Rutte", "Dutch prime minister", edge=Edge.END, when=parse("2023"))
    context = Context(db, TODAY)
    assert exit_code(found.verdict for found in judge(context, [right])) == 0
    assert exit_code(found.verdict for found in judge(context, [right, unknown])) == 1
    assert exit_code(found.verdict for found in judge(context, [right, unknown, vague])) == 3
    assert exit_code(found.verdict for found in judge(context, [right, unknown, vague, wrong])) == 4


def test_a_succession_at_the_head_of_a_body_no_office_heads_cannot_be_told(db: sqlite3.Connection) -> None:
    # "Rutte replaced Stoltenberg at the head of Reuters": the base holds no office of Reuters to look in.
    statement = Statement(
        claimed=Claimed.SUCCESSION, span="s", holder="Mark Rutte", other="Jens Stoltenberg", body="Reuters"
    )
    (verdict,) = judge(Context(db, TODAY), [statement])
    assert (verdict.statement, verdict.claimed, verdict.verdict.value, verdict.evidence, verdict.why) == (
        "s",
        "succession",
        "cannot-tell",
        [],
        "the base holds no office that heads Reuters",
    )
