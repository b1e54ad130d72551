"""verify's reading: sentences into statements, and the sentences of the tuned table judged end to end.

Only the tuned split of tests/fixtures/verify/seed.toml is asserted here: the held-out sentences are measured by
benchmarks/verify_accuracy.py, never tested (a test is something to tune on).
"""

from __future__ import annotations

import sqlite3
import tomllib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newskb.common.dates import Duration, parse
from newskb.index.cache import open_index
from newskb.verify import judge
from newskb.verify.reading import Reader
from newskb.verify.statements import Claimed, Edge, Statement, Tense
from newskb.verify.terms import Context

TABLE = Path(__file__).parent / "fixtures" / "verify" / "seed.toml"
TODAY = date(2026, 1, 1)
with TABLE.open("rb") as stream:
    TUNED = [row for row in tomllib.load(stream)["sentence"] if not row.get("held_out")]


@pytest.fixture
def db(kb: Path) -> sqlite3.Connection:
    connection, problems = open_index(kb)
    assert problems == []
    return connection


def read(db: sqlite3.Connection, text: str, day: date = TODAY) -> list[Statement]:
    return Reader(db).statements(text, day)


@pytest.mark.parametrize("row", TUNED, ids=[str(row["text"]) for row in TUNED])
def test_a_tuned_sentence_gets_its_written_verdicts_and_cites_its_evidence(
    db: sqlite3.Connection, row: dict[str, object]
) -> None:
    day = date.fromisoformat(str(row["as_of"])) if row.get("as_of") else TODAY
    found = judge(Context(db, day), read(db, str(row["text"]), day))
    assert [verdict.verdict.value for verdict in found] == row["verdicts"]
    evidence = row["evidence"]
    assert isinstance(evidence, list)
    assert set(evidence) <= {item.id for verdict in found for item in verdict.evidence}


def test_a_dated_start_is_read_with_its_holder_office_and_day(db: sqlite3.Connection) -> None:
    [statement] = read(db, "Mark Rutte became NATO Secretary General on 1 October 2024.")
    assert (statement.claimed, statement.holder, statement.office) == (
        Claimed.HOLDING,
        "mark-rutte",
        "nato-secretary-general",
    )
    assert (statement.edge, statement.when) == (Edge.START, parse("2024-10-01"))
    assert statement.span == "Mark Rutte became NATO Secretary General on 1 October 2024"


def test_a_part_after_and_without_a_subject_is_a_statement_of_the_first_holder(db: sqlite3.Connection) -> None:
    first, second = read(db, "Stoltenberg became NATO Secretary General in 2014 and stepped down on 1 October 2024.")
    assert (first.holder, first.edge, first.when) == ("jens-stoltenberg", Edge.START, parse("2014"))
    assert (second.holder, second.office, second.edge, second.when) == (
        "jens-stoltenberg",
        "nato-secretary-general",
        Edge.END,
        parse("2024-10-01"),
    )


def test_a_date_told_first_dates_the_holding_after_it(db: sqlite3.Connection) -> None:
    [statement] = read(db, "On 1 October 2024, Stoltenberg was still NATO chief.")
    assert (statement.holder, statement.edge, statement.when) == ("jens-stoltenberg", Edge.DURING, parse("2024-10-01"))
    assert statement.span == "On 1 October 2024, Stoltenberg was still NATO chief"
    assert statement.unread == ()


def test_a_length_told_before_the_name_is_read(db: sqlite3.Connection) -> None:
    length, succession = read(
        db,
        "After a 14-year run as Dutch prime minister, Mark Rutte replaced Jens Stoltenberg as NATO Secretary General.",
    )
    assert (length.claimed, length.holder, length.office, length.length) == (
        Claimed.DURATION,
        "mark-rutte",
        "netherlands-prime-minister",
        Duration(years=14),
    )
    assert (succession.claimed, succession.holder, succession.other) == (
        Claimed.SUCCESSION,
        "mark-rutte",
        "jens-stoltenberg",
    )


def test_an_attribution_keeps_what_its_apposition_says_of_the_speaker(db: sqlite3.Connection) -> None:
    former, said = read(
        db,
        "Peter Bator, the former Slovak ambassador to NATO, said one of Rutte's primary tasks will be deciding "
        "on NATO's future ambitions on the eastern flank.",
    )
    assert (said.claimed, said.speaker) == (Claimed.ATTRIBUTION, "peter-bator")
    assert said.said == "one of Rutte's primary tasks will be deciding on NATO's future ambitions on the eastern flank"
    assert (former.claimed, former.holder, former.edge) == (Claimed.HOLDING, "peter-bator", Edge.END)


@pytest.mark.parametrize(
    ("text", "holder", "other"),
    [
        (
            "Jens Stoltenberg handed the post of NATO Secretary General over to Mark Rutte.",
            "mark-rutte",
            "jens-stoltenberg",
        ),
        ("Ben Wallace did not succeed Jens Stoltenberg as NATO chief.", "ben-wallace", "jens-stoltenberg"),
    ],
)
def test_a_handover_and_a_denied_succession(db: sqlite3.Connection, text: str, holder: str, other: str) -> None:
    [statement] = read(db, text)
    assert (statement.claimed, statement.holder, statement.other) == (Claimed.SUCCESSION, holder, other)
    assert statement.negated is text.startswith("Ben")


def test_a_number_its_verb_and_a_number_word_with_a_hyphen(db: sqlite3.Connection) -> None:
    [statement] = read(db, "NATO today is made up of thirty-two members.")
    assert (statement.claimed, statement.subject, statement.number, statement.measure, statement.tense) == (
        Claimed.NUMBER,
        "nato",
        32,
        "members",
        Tense.PRESENT,
    )


@pytest.mark.parametrize(
    ("text", "unread"),
    [
        ("It is not true that Mark Rutte is NATO Secretary General.", ("not",)),
        ("Reportedly, Mark Rutte is NATO Secretary General.", ("Reportedly",)),
        ("Mark Rutte is NATO Secretary General, with 5 deputies.", ("5",)),
    ],
)
def test_a_word_no_statement_read_that_could_turn_it_makes_the_verdict_cannot_tell(
    db: sqlite3.Connection, text: str, unread: tuple[str, ...]
) -> None:
    [statement] = read(db, text, date(2024, 10, 1))
    assert statement.unread == unread
    [verdict] = judge(Context(db, date(2024, 10, 1)), [statement])
    assert verdict.verdict == "cannot-tell"
    words = ", ".join(repr(word) for word in unread)
    assert verdict.why == (
        f"the base has Mark Rutte in office on 2024-10-01 (2024-10-01/..); but the sentence also says {words}, "
        "which verify could not read with it"
    )


def test_a_sentence_no_pattern_reads_is_checked_whole_as_a_claim(db: sqlite3.Connection) -> None:
    [statement] = read(db, "NATO troop numbers in the east have doubled.")
    assert (statement.claimed, statement.said) == (Claimed.CLAIM, "NATO troop numbers in the east have doubled.")


# Words and names the patterns key on, shuffled into sentences no table holds: reading and judging any of them
# must end in verdicts, never an exception (a crash here was "X's 12-year premiership", an office left out).
PIECES = (
    *("Mark Rutte", "Rutte's", "Jens Stoltenberg", "NATO", "NATO Secretary General", "Dutch prime minister"),
    *("the post of", "is", "was", "not", "became", "and", "stepped down", "replaced", "did not succeed"),
    *("handed", "over to", "on 1 October 2024", "in 2014", "for ten years", "14-year", "term", "premiership"),
    *("ended", "said", "According to", ",", "once", "has", "32", "thirty-two", "members", "is made up of"),
    *("today", "since 2019", "until 2023", "as", "of the Netherlands", "After a", "run as", "."),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
def test_any_sentence_of_the_patterns_words_is_judged_without_an_error(
    db: sqlite3.Connection, words: list[str]
) -> None:
    text = " ".join(words)
    found = judge(Context(db, TODAY), read(db, text))
    assert all(verdict.statement and verdict.statement in text for verdict in found)
