"""verify's reading: sentences into statements, and the sentences of the tuned table judged end to end.

Only the tuned split of tests/fixtures/verify/seed.toml is asserted here: the held-out sentences are measured by
benchmarks/verify_accuracy.py, never tested (a test is something to tune on).
"""

from __future__ import annotations

import itertools
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


BLIND_ROWS = []
for blind in ("blind-3.toml", "blind-4.toml", "blind-5.toml"):
    with (TABLE.parent / blind).open("rb") as stream:
        BLIND_ROWS += tomllib.load(stream)["sentence"]


@pytest.mark.parametrize("row", BLIND_ROWS, ids=[str(row["text"]) for row in BLIND_ROWS])
def test_no_statement_of_the_blind_sets_is_supported_where_it_is_written_otherwise(
    db: sqlite3.Connection, row: dict[str, object]
) -> None:
    # False support is the one error verify must not make; the set has been development data since its one run.
    day = date.fromisoformat(str(row["as_of"])) if row.get("as_of") else TODAY
    found = [verdict.verdict.value for verdict in judge(Context(db, day), read(db, str(row["text"]), day))]
    written = row["verdicts"]
    assert isinstance(written, list)
    # As benchmarks/verify_accuracy.py counts it: a statement supported where the set writes another verdict.
    assert found and not [got for got, want in itertools.zip_longest(found, written) if got == "supported" != want]


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


def test_him_after_a_second_clause_s_subject_is_the_first_clause_s_person(db: sqlite3.Connection) -> None:
    statements = read(db, "Stoltenberg was NATO chief for ten years and Rutte replaced him.")
    assert [(item.claimed, item.holder, item.other) for item in statements] == [
        (Claimed.DURATION, STOLTENBERG, None),
        (Claimed.SUCCESSION, RUTTE, STOLTENBERG),
    ]


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
    [statement] = [item for item in read(db, text, date(2024, 10, 1)) if not item.aside]
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


def _holding(span: str, holder: str, office: str, edge: Edge = Edge.DURING, **rest: object) -> Statement:
    return Statement(claimed=Claimed.HOLDING, span=span, holder=holder, office=office, edge=edge, **rest)  # type: ignore[arg-type]


def _headed(span: str, holder: str, edge: Edge = Edge.DURING, **rest: object) -> Statement:
    return Statement(claimed=Claimed.HOLDING, span=span, holder=holder, body="nato", edge=edge, **rest)  # type: ignore[arg-type]


SG, STOLTENBERG, RUTTE, DUTCH_PM = (
    "nato-secretary-general",
    "jens-stoltenberg",
    "mark-rutte",
    "netherlands-prime-minister",
)
OCTOBER_1 = parse("2024-10-01")
TEN, FOURTEEN = Duration(years=10), Duration(years=14)


# Each shape of sentence, read into exactly these statements (all their fields), on 1 January 2026.
SHAPES = [
    # A copula: its verb gives the tense, a date its edge, "not" or "never" the negation.
    (
        "Mark Rutte is NATO Secretary General.",
        [_holding("Mark Rutte is NATO Secretary General", RUTTE, SG, tense=Tense.PRESENT)],
    ),
    # A holding in the passive, its date told first.
    (
        "In 2020 the post of NATO Secretary General was held by Jens Stoltenberg.",
        [
            _holding(
                "In 2020 the post of NATO Secretary General was held by Jens Stoltenberg",
                STOLTENBERG,
                SG,
                when=parse("2020"),
            )
        ],
    ),
    # "the sitting", "the current": no more than the present tense says.
    (
        "Jens Stoltenberg is the sitting NATO Secretary General.",
        [_holding("Jens Stoltenberg is the sitting NATO Secretary General", STOLTENBERG, SG, tense=Tense.PRESENT)],
    ),
    (
        "Jens Stoltenberg was NATO Secretary General until 1 October 2024.",
        [
            _holding(
                "Jens Stoltenberg was NATO Secretary General until 1 October 2024",
                STOLTENBERG,
                SG,
                Edge.END,
                when=OCTOBER_1,
                through=True,
            )
        ],
    ),
    (
        "Mark Rutte will be NATO Secretary General in 2025.",
        [
            _holding(
                "Mark Rutte will be NATO Secretary General in 2025", RUTTE, SG, when=parse("2025"), tense=Tense.FUTURE
            )
        ],
    ),
    (
        "Ben Wallace never became NATO Secretary General.",
        [_holding("Ben Wallace never became NATO Secretary General", "ben-wallace", SG, Edge.START, negated=True)],
    ),
    (
        "Jens Stoltenberg is no longer NATO Secretary General.",
        [
            _holding(
                "Jens Stoltenberg is no longer NATO Secretary General",
                STOLTENBERG,
                SG,
                tense=Tense.PRESENT,
                negated=True,
            )
        ],
    ),
    (
        "The NATO Secretary General is Mark Rutte.",
        [_holding("The NATO Secretary General is Mark Rutte", RUTTE, SG, tense=Tense.PRESENT)],
    ),
    (
        "Mark Rutte was prime minister of the Netherlands.",
        [_holding("Mark Rutte was prime minister of the Netherlands", RUTTE, DUTCH_PM)],
    ),
    (
        "Mark Rutte, once Dutch prime minister, took office.",
        [_holding("Mark Rutte, once Dutch prime minister", RUTTE, DUTCH_PM, Edge.END)],
    ),
    # "served as O of C from A to B": the country after the office a known title matched alone.
    (
        "Mark Rutte served as prime minister of the Netherlands from 2010 to 2024.",
        [
            _holding(
                "Mark Rutte served as prime minister of the Netherlands from 2010 to 2024",
                RUTTE,
                DUTCH_PM,
                Edge.SPAN,
                when=parse("2010"),
                until=parse("2024"),
            ),
        ],
    ),
    # "spent N years as O": a length of the term, in years.
    (
        "Mark Rutte spent 14 years as Dutch prime minister.",
        [
            Statement(
                claimed=Claimed.DURATION,
                span="Mark Rutte spent 14 years as Dutch prime minister",
                holder=RUTTE,
                office=DUTCH_PM,
                length=Duration(years=14),
            )
        ],
    ),
    # A copula after the apposition or relative clause that holds another holding: both are read.
    (
        "Mark Rutte, once Dutch prime minister, is NATO Secretary General.",
        [
            _holding("Mark Rutte, once Dutch prime minister", RUTTE, DUTCH_PM, Edge.END),
            _holding(
                "Mark Rutte, once Dutch prime minister, is NATO Secretary General", RUTTE, SG, tense=Tense.PRESENT
            ),
        ],
    ),
    (
        "Jens Stoltenberg, who became NATO Secretary General in 2014, was prime minister of the Netherlands.",
        [
            _holding(
                "Jens Stoltenberg, who became NATO Secretary General in 2014",
                STOLTENBERG,
                SG,
                Edge.START,
                when=parse("2014"),
            ),
            _holding(
                "Jens Stoltenberg, who became NATO Secretary General in 2014, was prime minister of the Netherlands",
                STOLTENBERG,
                DUTCH_PM,
            ),
        ],
    ),
    (
        "Mark Rutte is not NATO Secretary General.",
        [_holding("Mark Rutte is not NATO Secretary General", RUTTE, SG, tense=Tense.PRESENT, negated=True)],
    ),
    (
        "Ben Wallace did not become NATO Secretary General.",
        [_holding("Ben Wallace did not become NATO Secretary General", "ben-wallace", SG, Edge.START, negated=True)],
    ),
    (
        "Mark Rutte is NATO Secretary General since 2024.",
        [
            _holding(
                "Mark Rutte is NATO Secretary General since 2024",
                RUTTE,
                SG,
                Edge.START,
                when=parse("2024"),
                tense=Tense.PRESENT,
            )
        ],
    ),
    (
        "Mark Rutte was NATO Secretary General in 2024.",
        [_holding("Mark Rutte was NATO Secretary General in 2024", RUTTE, SG, when=parse("2024"))],
    ),
    (
        "Mark Rutte has been NATO Secretary General.",
        [_holding("Mark Rutte has been NATO Secretary General", RUTTE, SG, tense=Tense.PRESENT)],
    ),
    (
        "Mark Rutte remains NATO Secretary General.",
        [_holding("Mark Rutte remains NATO Secretary General", RUTTE, SG, tense=Tense.PRESENT)],
    ),
    (
        "Mark Rutte would be NATO Secretary General.",
        [_holding("Mark Rutte would be NATO Secretary General", RUTTE, SG, tense=Tense.FUTURE)],
    ),
    (
        "Mark Rutte had earlier been Dutch prime minister.",
        [_holding("Mark Rutte had earlier been Dutch prime minister", RUTTE, DUTCH_PM)],
    ),
    # A name the base does not hold is kept as typed.
    (
        "John Smith is NATO Secretary General.",
        [_holding("John Smith is NATO Secretary General", "John Smith", SG, tense=Tense.PRESENT)],
    ),
    # A number: its subject a name of the base, or the words before the verb; a date told first dates it.
    (
        "NATO has 32 members.",
        [
            Statement(
                claimed=Claimed.NUMBER,
                span="NATO has 32 members",
                subject="nato",
                number=32,
                measure="members",
                tense=Tense.PRESENT,
            )
        ],
    ),
    (
        "In 2024, NATO had 32 members.",
        [
            Statement(
                claimed=Claimed.NUMBER,
                span="In 2024, NATO had 32 members",
                subject="nato",
                number=32,
                measure="members",
                when=parse("2024"),
            )
        ],
    ),
    (
        "The alliance has 32 members.",
        [
            Statement(
                claimed=Claimed.NUMBER,
                span="The alliance has 32 members",
                subject="The alliance",
                number=32,
                measure="members",
                tense=Tense.PRESENT,
            )
        ],
    ),
    # A second number of the sentence, and its dates, are words no statement read.
    (
        "NATO had 30 members in 2020 and 32 members in 2024.",
        [
            Statement(
                claimed=Claimed.NUMBER,
                span="NATO had 30 members",
                subject="nato",
                number=30,
                measure="members",
                unread=("in 2020", "32", "in 2024"),
            )
        ],
    ),
    # "many" is no number: the sentence is a claim.
    (
        "NATO has many members.",
        [Statement(claimed=Claimed.CLAIM, span="NATO has many members.", said="NATO has many members.")],
    ),
    # A length: of a body led, of an office held, told after the holder or as a noun.
    (
        "Jens Stoltenberg led NATO for ten years.",
        [
            Statement(
                claimed=Claimed.DURATION,
                span="Jens Stoltenberg led NATO for ten years",
                holder=STOLTENBERG,
                office="nato",
                length=TEN,
            )
        ],
    ),
    (
        "Mark Rutte served as Dutch prime minister for 14 years.",
        [
            Statement(
                claimed=Claimed.DURATION,
                span="Mark Rutte served as Dutch prime minister for 14 years",
                holder=RUTTE,
                office=DUTCH_PM,
                length=FOURTEEN,
            )
        ],
    ),
    (
        "Mark Rutte took office after 14 years as Dutch prime minister.",
        [
            Statement(
                claimed=Claimed.DURATION,
                span="Mark Rutte took office after 14 years as Dutch prime minister",
                holder=RUTTE,
                office=DUTCH_PM,
                length=FOURTEEN,
            )
        ],
    ),
    (
        "Stoltenberg's ten-year leadership of NATO ended.",
        [
            Statement(
                claimed=Claimed.DURATION,
                span="Stoltenberg's ten-year leadership of NATO",
                holder=STOLTENBERG,
                office="nato",
                length=TEN,
            )
        ],
    ),
    (
        "Mark Rutte led the Netherlands for six months.",
        [
            Statement(
                claimed=Claimed.DURATION,
                span="Mark Rutte led the Netherlands for six months",
                holder=RUTTE,
                office="netherlands",
                length=Duration(months=6),
            )
        ],
    ),
    (
        "Mark Rutte's 14-year premiership ended.",
        [Statement(claimed=Claimed.DURATION, span="Mark Rutte's 14-year premiership", holder=RUTTE, length=FOURTEEN)],
    ),
    (
        "Mark Rutte's 14-year premiership as Dutch prime minister ended.",
        [
            Statement(
                claimed=Claimed.DURATION,
                span="Mark Rutte's 14-year premiership as Dutch prime minister",
                holder=RUTTE,
                office=DUTCH_PM,
                length=FOURTEEN,
            )
        ],
    ),
    # A term's start or end, in so many words.
    (
        "Stoltenberg's term as NATO Secretary General ended on 1 October 2024.",
        [
            _holding(
                "Stoltenberg's term as NATO Secretary General ended on 1 October 2024",
                STOLTENBERG,
                SG,
                Edge.END,
                when=OCTOBER_1,
            )
        ],
    ),
    (
        "Rutte's term as NATO Secretary General began on 1 October 2024.",
        [
            _holding(
                "Rutte's term as NATO Secretary General began on 1 October 2024", RUTTE, SG, Edge.START, when=OCTOBER_1
            )
        ],
    ),
    (
        "Mark Rutte took up the post of NATO Secretary General on 1 October 2024.",
        [
            _holding(
                "Mark Rutte took up the post of NATO Secretary General on 1 October 2024",
                RUTTE,
                SG,
                Edge.START,
                when=OCTOBER_1,
            )
        ],
    ),
    (
        "Jens Stoltenberg left office as NATO Secretary General on 1 October 2024.",
        [
            _holding(
                "Jens Stoltenberg left office as NATO Secretary General on 1 October 2024",
                STOLTENBERG,
                SG,
                Edge.END,
                when=OCTOBER_1,
            )
        ],
    ),
    (
        "Jens Stoltenberg resigned as NATO Secretary General.",
        [_holding("Jens Stoltenberg resigned as NATO Secretary General", STOLTENBERG, SG, Edge.END)],
    ),
    (
        "Stoltenberg stepped down as NATO Secretary General in 2024.",
        [
            _holding(
                "Stoltenberg stepped down as NATO Secretary General in 2024",
                STOLTENBERG,
                SG,
                Edge.END,
                when=parse("2024"),
            )
        ],
    ),
    # A handover: Y succeeded X; a date the pattern does not read is left unread.
    (
        "Jens Stoltenberg handed the post of NATO Secretary General over to Mark Rutte in 2024.",
        [
            Statement(
                claimed=Claimed.SUCCESSION,
                span="Jens Stoltenberg handed the post of NATO Secretary General over to Mark Rutte in 2024",
                holder=RUTTE,
                other=STOLTENBERG,
                office=SG,
                when=parse("2024"),
            )
        ],
    ),
    # A copula "until" a day (an end), a term's end without a date, a succession denied.
    (
        "Jens Stoltenberg remained NATO Secretary General until 1 October 2024.",
        [
            _holding(
                "Jens Stoltenberg remained NATO Secretary General until 1 October 2024",
                STOLTENBERG,
                SG,
                Edge.END,
                when=OCTOBER_1,
                through=True,
            )
        ],
    ),
    (
        "Stoltenberg's term as NATO Secretary General ended.",
        [_holding("Stoltenberg's term as NATO Secretary General ended", STOLTENBERG, SG, Edge.END)],
    ),
    (
        "Jens Stoltenberg did not succeed Mark Rutte.",
        [
            Statement(
                claimed=Claimed.SUCCESSION,
                span="Jens Stoltenberg did not succeed Mark Rutte",
                holder=STOLTENBERG,
                other=RUTTE,
                negated=True,
            )
        ],
    ),
    # The reader's length of a term, told in a relative clause.
    (
        "Jens Stoltenberg, who led NATO for ten years, stepped down.",
        [
            Statement(
                claimed=Claimed.DURATION,
                span="Jens Stoltenberg, who led NATO for ten years",
                holder=STOLTENBERG,
                office="nato",
                length=TEN,
            )
        ],
    ),
    # A return the reader finds is no statement verify checks: the sentence is a claim.
    (
        "The return of Jens Stoltenberg to the NATO Secretary General post was ruled out.",
        [
            Statement(
                claimed=Claimed.CLAIM,
                span="The return of Jens Stoltenberg to the NATO Secretary General post was ruled out.",
                said="The return of Jens Stoltenberg to the NATO Secretary General post was ruled out.",
            )
        ],
    ),
    # "many" is no length: only the succession is read.
    (
        "After a many-year run as Dutch prime minister, Mark Rutte replaced Jens Stoltenberg.",
        [
            Statement(
                claimed=Claimed.SUCCESSION, span="Mark Rutte replaced Jens Stoltenberg", holder=RUTTE, other=STOLTENBERG
            )
        ],
    ),
    # The reader finds "his successor" but names nobody as the one succeeded: no succession is stated, and the
    # sentence is checked whole.
    (
        "Jens Stoltenberg and his successor, Mark Rutte, met in Brussels.",
        [
            Statement(
                claimed=Claimed.CLAIM,
                span="Jens Stoltenberg and his successor, Mark Rutte, met in Brussels.",
                said="Jens Stoltenberg and his successor, Mark Rutte, met in Brussels.",
            )
        ],
    ),
    # A number told after "and": its words start at its subject.
    (
        "Rutte spoke, and the alliance has 32 members.",
        [
            Statement(
                claimed=Claimed.NUMBER,
                span="the alliance has 32 members",
                subject="the alliance",
                number=32,
                measure="members",
                tense=Tense.PRESENT,
            )
        ],
    ),
    # Two statements of one sentence: a holding after a handover, an end said, or a term's end.
    (
        "Jens Stoltenberg handed the post of NATO Secretary General to Mark Rutte, and Mark Rutte is NATO Secretary "
        "General.",
        [
            Statement(
                claimed=Claimed.SUCCESSION,
                span="Jens Stoltenberg handed the post of NATO Secretary General to Mark Rutte",
                holder=RUTTE,
                other=STOLTENBERG,
                office=SG,
            ),
            _holding("Mark Rutte is NATO Secretary General", RUTTE, SG, tense=Tense.PRESENT),
        ],
    ),
    (
        "Jens Stoltenberg left office as NATO Secretary General and Mark Rutte is NATO Secretary General.",
        [
            _holding("Jens Stoltenberg left office as NATO Secretary General", STOLTENBERG, SG, Edge.END),
            _holding("Mark Rutte is NATO Secretary General", RUTTE, SG, tense=Tense.PRESENT),
        ],
    ),
    (
        "Stoltenberg's term as NATO Secretary General ended and Mark Rutte is NATO Secretary General.",
        [
            _holding("Stoltenberg's term as NATO Secretary General ended", STOLTENBERG, SG, Edge.END),
            _holding("Mark Rutte is NATO Secretary General", RUTTE, SG, tense=Tense.PRESENT),
        ],
    ),
    (
        "Mark Rutte is NATO Secretary General and was Dutch prime minister.",
        [
            _holding("Mark Rutte is NATO Secretary General", RUTTE, SG, tense=Tense.PRESENT),
            _holding("Mark Rutte is NATO Secretary General and was Dutch prime minister", RUTTE, DUTCH_PM),
        ],
    ),
    # An end without an office named is not read as one.
    (
        "Jens Stoltenberg stepped down.",
        [
            Statement(
                claimed=Claimed.CLAIM, span="Jens Stoltenberg stepped down.", said="Jens Stoltenberg stepped down."
            )
        ],
    ),
    # The reader's findings: appointed, became (a relative day counted from the day asked), served, a title,
    # a succession, a former holder.
    (
        "Mark Rutte was appointed NATO Secretary General on 26 June 2024.",
        [
            _holding(
                "Mark Rutte was appointed NATO Secretary General on 26 June 2024",
                RUTTE,
                SG,
                Edge.START,
                when=parse("2024-06-26"),
            )
        ],
    ),
    (
        "Mark Rutte became NATO Secretary General yesterday.",
        [
            _holding(
                "Mark Rutte became NATO Secretary General yesterday", RUTTE, SG, Edge.START, when=parse("2025-12-31")
            )
        ],
    ),
    (
        "Jens Stoltenberg served as NATO Secretary General from 2014 to 2024.",
        [
            _holding(
                "Jens Stoltenberg served as NATO Secretary General from 2014 to 2024",
                STOLTENBERG,
                SG,
                Edge.SPAN,
                when=parse("2014"),
                until=parse("2024"),
            ),
        ],
    ),
    (
        "Jens Stoltenberg served as NATO Secretary General until 2024.",
        [
            _holding(
                "Jens Stoltenberg served as NATO Secretary General until 2024",
                STOLTENBERG,
                SG,
                Edge.END,
                when=parse("2024"),
                through=True,
            )
        ],
    ),
    (
        "Jens Stoltenberg served as NATO Secretary General since 2014.",
        [
            _holding(
                "Jens Stoltenberg served as NATO Secretary General since 2014",
                STOLTENBERG,
                SG,
                Edge.START,
                when=parse("2014"),
                tense=Tense.PRESENT,  # "since": begun then and held still
            )
        ],
    ),
    (
        "Mark Rutte will become NATO Secretary General on 1 October 2024.",
        [
            _holding(
                "Mark Rutte will become NATO Secretary General on 1 October 2024",
                RUTTE,
                SG,
                Edge.START,
                when=OCTOBER_1,
                tense=Tense.FUTURE,
            )
        ],
    ),
    # A body led in place of an office: the office that heads it (bodies.py).
    (
        "Jens Stoltenberg led NATO from 2014 to 2024.",
        [
            _headed(
                "Jens Stoltenberg led NATO from 2014 to 2024",
                STOLTENBERG,
                Edge.SPAN,
                when=parse("2014"),
                until=parse("2024"),
            ),
        ],
    ),
    (
        "Stoltenberg is no longer in charge of NATO.",
        [_headed("Stoltenberg is no longer in charge of NATO", STOLTENBERG, tense=Tense.PRESENT, negated=True)],
    ),
    (
        "In 2022, NATO was run by Mark Rutte.",
        [_headed("In 2022, NATO was run by Mark Rutte", RUTTE, when=parse("2022"))],
    ),
    ("Mark Rutte heads NATO.", [_headed("Mark Rutte heads NATO", RUTTE, tense=Tense.PRESENT)]),
    (
        "Rutte will take over NATO on October 1, 2024, from Jens Stoltenberg.",
        [
            Statement(
                claimed=Claimed.SUCCESSION,
                span="Rutte will take over NATO on October 1, 2024, from Jens Stoltenberg",
                holder=RUTTE,
                other=STOLTENBERG,
                body="nato",
                when=OCTOBER_1,
            )
        ],
    ),
    (
        "Rutte took over NATO from Stoltenberg in October 2024.",
        [
            Statement(
                claimed=Claimed.SUCCESSION,
                span="Rutte took over NATO from Stoltenberg in October 2024",
                holder=RUTTE,
                other=STOLTENBERG,
                body="nato",
                when=parse("2024-10"),
            )
        ],
    ),
    (
        "Jens Stoltenberg handed NATO's top job over to Mark Rutte on October 1, 2024.",
        [
            Statement(
                claimed=Claimed.SUCCESSION,
                span="Jens Stoltenberg handed NATO's top job over to Mark Rutte on October 1, 2024",
                holder=RUTTE,
                other=STOLTENBERG,
                body="nato",
                when=OCTOBER_1,
            )
        ],
    ),
    (
        "Mark Rutte officially took the helm at NATO on 1 October 2024.",
        [_headed("Mark Rutte officially took the helm at NATO on 1 October 2024", RUTTE, Edge.START, when=OCTOBER_1)],
    ),
    (
        "Mark Rutte was tapped to lead NATO.",
        [_headed("Mark Rutte was tapped to lead NATO", RUTTE, Edge.START)],
    ),
    (
        "Jens Stoltenberg handed over to Mark Rutte on 1 October 2024.",
        [
            Statement(
                claimed=Claimed.SUCCESSION,
                span="Jens Stoltenberg handed over to Mark Rutte on 1 October 2024",
                holder=RUTTE,
                other=STOLTENBERG,
                when=OCTOBER_1,
            )
        ],
    ),
    (
        "Mark Rutte, a Dutchman, already heads NATO.",
        [_headed("Mark Rutte, a Dutchman, already heads NATO", RUTTE, tense=Tense.PRESENT)],
    ),
    (
        "Jens Stoltenberg's tenure at NATO began in 2014.",
        [_headed("Jens Stoltenberg's tenure at NATO began in 2014", STOLTENBERG, Edge.START, when=parse("2014"))],
    ),
    (
        "Rutte took over the NATO leadership in October 2024.",
        [_headed("Rutte took over the NATO leadership in October 2024", RUTTE, Edge.START, when=parse("2024-10"))],
    ),
    (
        "Rutte left the Dutch premiership in 2023.",
        [
            Statement(
                claimed=Claimed.HOLDING,
                span="Rutte left the Dutch premiership in 2023",
                holder=RUTTE,
                body="netherlands",
                edge=Edge.END,
                when=parse("2023"),
            )
        ],
    ),
    (
        "Rutte was at the helm of NATO in 2025.",
        [_headed("Rutte was at the helm of NATO in 2025", RUTTE, when=parse("2025"))],
    ),
    (
        "Rutte leads the Netherlands.",
        [
            Statement(
                claimed=Claimed.HOLDING,
                span="Rutte leads the Netherlands",
                holder=RUTTE,
                body="netherlands",
                tense=Tense.PRESENT,
            )
        ],
    ),
    (
        "Mark Rutte became NATO Secretary General in October 2024 and left in 2025.",
        [
            _holding(
                "Mark Rutte became NATO Secretary General in October 2024", RUTTE, SG, Edge.START, when=parse("2024-10")
            ),
            _holding(
                "Mark Rutte became NATO Secretary General in October 2024 and left in 2025",
                RUTTE,
                SG,
                Edge.END,
                when=parse("2025"),
            ),
        ],
    ),
    (
        "On 1 October 2024, Stoltenberg was still NATO chief, and Rutte became NATO Secretary General.",
        [
            _holding("On 1 October 2024, Stoltenberg was still NATO chief", STOLTENBERG, SG, when=OCTOBER_1),
            _holding("Rutte became NATO Secretary General", RUTTE, SG, Edge.START),
        ],
    ),
    (
        "NATO Secretary General Mark Rutte visited Kyiv.",
        [_holding("NATO Secretary General Mark Rutte", RUTTE, SG, tense=Tense.PRESENT)],
    ),
    (
        "Mark Rutte succeeded Jens Stoltenberg.",
        [
            Statement(
                claimed=Claimed.SUCCESSION,
                span="Mark Rutte succeeded Jens Stoltenberg",
                holder=RUTTE,
                other=STOLTENBERG,
            )
        ],
    ),
    (
        "Former NATO Secretary General Jens Stoltenberg spoke.",
        [_holding("Former NATO Secretary General Jens Stoltenberg", STOLTENBERG, SG, Edge.END)],
    ),
    # Words given as someone's: the attribution alone, its words not read as statements of their own.
    (
        "According to Peter Bator, Mark Rutte is NATO Secretary General.",
        [
            Statement(
                claimed=Claimed.ATTRIBUTION,
                span="According to Peter Bator, Mark Rutte is NATO Secretary General.",
                speaker="peter-bator",
                said="Mark Rutte is NATO Secretary General",
            )
        ],
    ),
    (
        "Rutte will be NATO Secretary General, Lungescu said.",
        [
            Statement(
                claimed=Claimed.ATTRIBUTION,
                span="Rutte will be NATO Secretary General, Lungescu said.",
                speaker="oana-lungescu",
                said="Rutte will be NATO Secretary General",
            )
        ],
    ),
    (
        "Mark Rutte said NATO has 32 members.",
        [
            Statement(
                claimed=Claimed.ATTRIBUTION,
                span="Mark Rutte said NATO has 32 members.",
                speaker=RUTTE,
                said="NATO has 32 members",
            )
        ],
    ),
    (
        # A holding inside the words said is the speaker's, also when its apposition's comma closes them.
        "The allies thanked the Dutch prime minister, Mark Rutte, Peter Bator said.",
        [
            Statement(
                claimed=Claimed.ATTRIBUTION,
                span="The allies thanked the Dutch prime minister, Mark Rutte, Peter Bator said.",
                speaker="peter-bator",
                said="The allies thanked the Dutch prime minister, Mark Rutte",
            )
        ],
    ),
    (
        # The words said keep a capital X at their end (only spaces and the stop are stripped).
        "According to Peter Bator, NATO will work with SpaceX.",
        [
            Statement(
                claimed=Claimed.ATTRIBUTION,
                span="According to Peter Bator, NATO will work with SpaceX.",
                speaker="peter-bator",
                said="NATO will work with SpaceX",
            )
        ],
    ),
    (
        "NATO officials expect Rutte to lead the alliance.",
        [
            Statement(
                claimed=Claimed.ATTRIBUTION,
                span="NATO officials expect Rutte to lead the alliance.",
                speaker="nato",
                said="Rutte to lead the alliance",
                expects=True,
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "statements"), SHAPES, ids=[text for text, _ in SHAPES])
def test_each_shape_of_sentence_is_read_into_exactly_its_statements(
    db: sqlite3.Connection, text: str, statements: list[Statement]
) -> None:
    assert [item for item in read(db, text) if not item.aside] == statements


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        ("Former Dutch Prime Minister Mark Rutte met Zelensky in Kyiv.", "Mark Rutte met Zelensky in Kyiv"),
        ("Rutte, the former Prime Minister of the Netherlands, was born in Belgium.", "Rutte was born in Belgium"),
        (
            "Jens Stoltenberg, who led the alliance for the past ten years, is Norwegian.",
            "Jens Stoltenberg is Norwegian",
        ),
        ("NATO Secretary General Mark Rutte visited Kyiv.", "Mark Rutte visited Kyiv"),
        ("Stoltenberg's ten-year leadership of NATO ended.", "Stoltenberg ended"),
        # Read whole: nothing aside (time words, a function word, a hedge that `unread` names say nothing more).
        ("Mark Rutte became NATO Secretary General on 1 October 2024.", None),
        ("After a 14-year run as Dutch prime minister, Mark Rutte replaced Jens Stoltenberg.", None),
        ("NATO has 32 members.", None),
        ("Reportedly, Mark Rutte is NATO Secretary General.", None),
    ],
)
def test_what_a_sentence_says_besides_its_statements_is_a_claim_aside(
    db: sqlite3.Connection, text: str, aside: str | None
) -> None:
    found = read(db, text)
    assert [item.said for item in found if item.aside] == ([aside] if aside else [])
    assert all(item.span == text.rstrip(".") or item.span == text for item in found if item.aside)


BRUSSELS = Statement(claimed=Claimed.CLAIM, span="Rutte was in Brussels.", said="Rutte was in Brussels.")

# Texts of more than one sentence: each statement's words are found in its own sentence, and a date's tense is
# read around it in its own clause ("in March" after "became" is last March; after "will" it would be next).
ARTICLES = [
    (
        "Mark Rutte is NATO Secretary General. According to Peter Bator, Mark Rutte is NATO Secretary General. "
        "Mark Rutte is NATO Secretary General.",
        [
            _holding("Mark Rutte is NATO Secretary General", RUTTE, SG, tense=Tense.PRESENT),
            Statement(
                claimed=Claimed.ATTRIBUTION,
                span="According to Peter Bator, Mark Rutte is NATO Secretary General.",
                speaker="peter-bator",
                said="Mark Rutte is NATO Secretary General",
            ),
            _holding("Mark Rutte is NATO Secretary General", RUTTE, SG, tense=Tense.PRESENT),
        ],
    ),
    (
        # The same words twice: each sentence's statement is found in that sentence, so its date is read.
        "Mark Rutte became NATO Secretary General in 2024. Mark Rutte became NATO Secretary General in 2024.",
        [
            _holding("Mark Rutte became NATO Secretary General in 2024", RUTTE, SG, Edge.START, when=parse("2024")),
            _holding("Mark Rutte became NATO Secretary General in 2024", RUTTE, SG, Edge.START, when=parse("2024")),
        ],
    ),
    (
        "Rutte was in Brussels. In 2024, NATO had 32 members.",
        [
            BRUSSELS,
            Statement(
                claimed=Claimed.NUMBER,
                span="In 2024, NATO had 32 members",
                subject="nato",
                number=32,
                measure="members",
                when=parse("2024"),
            ),
        ],
    ),
    (
        "Rutte was in Brussels. Mark Rutte became NATO Secretary General in March; the allies will welcome him.",
        [
            BRUSSELS,
            _holding("Mark Rutte became NATO Secretary General in March", RUTTE, SG, Edge.START, when=parse("2025-03")),
        ],
    ),
    (
        "Rutte was in Brussels. Jens Stoltenberg led NATO from 2014 to March; the allies will thank him.",
        [
            BRUSSELS,
            _headed(
                "Jens Stoltenberg led NATO from 2014 to March",
                STOLTENBERG,
                Edge.SPAN,
                when=parse("2014"),
                until=parse("2025-03"),
            ),
        ],
    ),
]


@pytest.mark.parametrize(("text", "statements"), ARTICLES, ids=[text[:60] for text, _ in ARTICLES])
def test_each_sentence_of_a_text_is_read_in_its_own_place(
    db: sqlite3.Connection, text: str, statements: list[Statement]
) -> None:
    assert [item for item in read(db, text) if not item.aside] == statements


def test_a_number_no_longer_held_is_negated(db: sqlite3.Connection) -> None:
    [statement] = read(db, "The alliance no longer has 30 members.")
    assert (statement.claimed, statement.number, statement.measure, statement.negated) == (
        Claimed.NUMBER,
        30,
        "members",
        True,
    )


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


def test_the_names_of_a_later_sentence_are_left_out_of_what_it_says_and_only_they(db: sqlite3.Connection) -> None:
    # The third sentence is names alone (a person, a body, an office in lower case): nothing to check. The
    # second says "thanked", the word just after its first name. Each sentence is read where it stands in the text.
    text = "Rutte met Zelensky in Kyiv. Zelensky thanked Rutte. Mark Rutte NATO secretary general."
    assert read(db, text) == [
        Statement(claimed=Claimed.CLAIM, span="Rutte met Zelensky in Kyiv.", said="Rutte met Zelensky in Kyiv."),
        Statement(claimed=Claimed.CLAIM, span="Zelensky thanked Rutte.", said="Zelensky thanked Rutte."),
    ]


def test_a_successor_told_with_the_office_or_denied_is_read_with_it(db: sqlite3.Connection) -> None:
    # "X's successor as O is Y": Y succeeded X as O; "X's successor is not Y": denied.
    assert read(db, "Stoltenberg's successor as NATO secretary general is Mark Rutte.") == [
        Statement(
            claimed=Claimed.SUCCESSION,
            span="Stoltenberg's successor as NATO secretary general is Mark Rutte",
            holder="mark-rutte",
            other="jens-stoltenberg",
            office="nato-secretary-general",
        )
    ]
    assert read(db, "Jens Stoltenberg's successor is not Dick Schoof.") == [
        Statement(
            claimed=Claimed.SUCCESSION,
            span="Jens Stoltenberg's successor is not Dick Schoof",
            holder="Dick Schoof",
            other="jens-stoltenberg",
            negated=True,
        )
    ]
    # "Y's predecessor was not X": Y did not succeed X.
    assert read(db, "Mark Rutte's predecessor was not Dick Schoof.") == [
        Statement(
            claimed=Claimed.SUCCESSION,
            span="Mark Rutte's predecessor was not Dick Schoof",
            holder="mark-rutte",
            other="Dick Schoof",
            negated=True,
        )
    ]


def test_a_participle_of_replacing_keeps_the_office_it_names(db: sqlite3.Connection) -> None:
    assert read(db, "Rutte took over in 2024, replacing Jens Stoltenberg as NATO secretary general.") == [
        Statement(
            claimed=Claimed.SUCCESSION,
            span="replacing Jens Stoltenberg as NATO secretary general",
            holder="mark-rutte",
            other="jens-stoltenberg",
            office="nato-secretary-general",
            # "in 2024" dates the clause's "took over", not the participle: words no statement read, which keep
            # a verdict on it from being sure.
            unread=("in 2024",),
        ),
        # "took over" with no office of its own is read by no statement: words the sentence says besides.
        Statement(
            claimed=Claimed.CLAIM,
            span="Rutte took over in 2024, replacing Jens Stoltenberg as NATO secretary general.",
            said="Rutte took over in 2024, Jens Stoltenberg",
            aside=True,
        ),
    ]


def test_an_office_the_base_does_not_know_alone_is_read_with_its_body_in_a_later_sentence(
    db: sqlite3.Connection,
) -> None:
    # "president" alone is no office of the base: the office is told whole, with the body after it, cut from
    # its own sentence where that sentence stands in the text.
    text = "Rutte met Zelensky. Rutte's term as president of the United States ended in 2024."
    assert read(db, text)[1:] == [
        Statement(
            claimed=Claimed.HOLDING,
            span="Rutte's term as president of the United States ended in 2024",
            holder="mark-rutte",
            office="president of the United States",
            edge=Edge.END,
            when=parse("2024"),
        )
    ]


def test_a_headship_given_up_told_in_two_words_is_its_end(db: sqlite3.Connection) -> None:
    assert read(db, "Mark Rutte gave up the Dutch premiership in 2024.") == [
        Statement(
            claimed=Claimed.HOLDING,
            span="Mark Rutte gave up the Dutch premiership in 2024",
            holder="mark-rutte",
            body="netherlands",
            edge=Edge.END,
            when=parse("2024"),
        )
    ]


def test_a_number_is_read_to_the_end_of_its_measure_and_only_a_whole_not_negates_it(
    db: sqlite3.Connection,
) -> None:
    def number(span: str, subject: str, count: int, measure: str) -> Statement:
        return Statement(
            claimed=Claimed.NUMBER, span=span, subject=subject, number=count, measure=measure, tense=Tense.PRESENT
        )

    # "32 member countries": the statement is of the measure's words after its first too.
    assert read(db, "NATO has 32 member countries.") == [number("NATO has 32 member countries", "nato", 32, "member")]
    # "note" and "notes" begin with "not" but are no negation.
    assert read(db, "The archive has one note.") == [number("The archive has one note", "The archive", 1, "note")]
    assert read(db, "The archive has 40 notes.") == [number("The archive has 40 notes", "The archive", 40, "notes")]


def test_a_country_that_left_is_read_as_an_end_only_with_a_day(db: sqlite3.Connection) -> None:
    # No finding of the reader tells a country's end: "left on D" is read by its pattern; "left" alone names
    # neither an office nor a day to weigh, and the sentence is checked whole.
    assert read(db, "Hungary left on 1 January 2025.") == [
        Statement(
            claimed=Claimed.HOLDING,
            span="Hungary left on 1 January 2025",
            holder="Hungary",
            edge=Edge.END,
            when=parse("2025-01-01"),
        )
    ]
    assert read(db, "Hungary left.") == [Statement(claimed=Claimed.CLAIM, span="Hungary left.", said="Hungary left.")]


def test_a_name_that_holds_not_or_never_denies_no_end(db: sqlite3.Connection) -> None:
    # Names of bodies of our own: the "Not" and "Never" are theirs, and the sentences deny nothing.
    assert read(db, "The Not Forgotten Association left on 1 January 2025.") == [
        Statement(
            claimed=Claimed.HOLDING,
            span="Not Forgotten Association left on 1 January 2025",
            holder="Not Forgotten Association",
            edge=Edge.END,
            when=parse("2025-01-01"),
        )
    ]
    assert read(db, "The Never Again Foundation's term as chair of the council ended in 2024.") == [
        Statement(
            claimed=Claimed.HOLDING,
            span="Never Again Foundation's term as chair of the council ended in 2024",
            holder="Never Again Foundation",
            office="chair of the council",
            edge=Edge.END,
            when=parse("2024"),
        )
    ]


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        # The aside's own commas go: what a part between two read parts opens with is no word of it.
        ("Rutte, Xavier's old friend, served as Dutch prime minister for a decade.", "Rutte Xavier's old friend"),
        # A read part with no name in it adds no name, nor a placeholder.
        (
            "Rutte, who studied history in Leiden, served as Dutch prime minister for a decade.",
            "Rutte who studied history in Leiden",
        ),
        # The words after the last read part keep their first letter, whatever it is.
        ("Mark Rutte became NATO Secretary General in 2024, Xanthe wrote.", "Mark Rutte Xanthe wrote"),
        # A headline's label is the statement's unread words, not a claim of its own, whatever its case.
        ("Fake news: NATO has 32 members.", None),
        ("Breaking: Former Dutch Prime Minister Mark Rutte met Zelensky in Kyiv.", "Mark Rutte met Zelensky in Kyiv"),
        # The words between the label and the read part are the sentence's, and say something.
        ("Fake news: officials insist NATO has 32 members.", "officials insist NATO"),
        # Only the opening label is the headline's: the same words again are the sentence's own.
        ("Fake news: Fake news: NATO has 32 members.", "Fake news: NATO"),
        # The sentence's first word counts as the lower-case word it would be inside the sentence.
        ("Unusually, NATO has 32 members.", "Unusually, NATO"),
        # The words of every date no statement read say nothing ("the end of June 2024"), however many dates.
        ("Rutte became NATO Secretary General on 1 October 2024, weeks after the end of June 2024.", None),
        # An unread date after a copula leaves nothing for the copula to say.
        ("NATO has 32 members, as it was in 2024.", None),
        ("Xenia smiled as NATO has 32 members.", "Xenia smiled as NATO"),
        # A space written before a comma or semicolon is not kept.
        ("Unusually ; NATO has 32 members.", "Unusually; NATO"),
        # Read parts that overlap (a pattern's words inside a finding's) give their name once.
        (
            "Donald Trump left the US presidency in January 2021 and moved to Florida.",
            "Donald Trump and moved to Florida",
        ),
    ],
)
def test_the_claim_aside_is_the_words_around_the_read_parts_without_their_commas(
    db: sqlite3.Connection, text: str, aside: str | None
) -> None:
    assert [item.said for item in read(db, text) if item.aside] == ([aside] if aside else [])


def test_a_qualifying_word_inside_an_office_name_is_no_word_left_unread(db: sqlite3.Connection) -> None:
    # "permanent" qualifies a holding ("the first", "permanent") only outside a name; here it is the office's.
    [statement] = read(db, "Bator is Slovakia's permanent representative to NATO.")
    assert (statement.claimed, statement.office, statement.unread) == (
        Claimed.HOLDING,
        "slovakia-ambassador-to-nato",
        (),
    )
    [headline] = read(db, "Fake news: NATO has 32 members.")
    assert (headline.claimed, headline.unread) == (Claimed.NUMBER, ("Fake news:",))


def test_a_capitalised_function_word_before_a_name_is_no_other_first_name(db: sqlite3.Connection) -> None:
    [statement] = read(db, "And Rutte became NATO Secretary General in 2024.")
    assert (statement.claimed, statement.holder, statement.unread) == (Claimed.HOLDING, "mark-rutte", ())


@pytest.mark.parametrize(
    ("text", "unread", "verdict"),
    [
        ("In Brussels, Jan Rutte became NATO Secretary General in 2024.", ("Jan",), "cannot-tell"),
        ("In 2024 Jan Rutte became NATO Secretary General.", ("In 2024", "Jan"), "cannot-tell"),
        ("Jan Rutte became NATO Secretary General in 2024.", ("Jan",), "cannot-tell"),
    ],
)
def test_another_first_name_before_a_known_surname_is_left_unread_wherever_it_stands(
    db: sqlite3.Connection, text: str, unread: tuple[str, ...], verdict: str
) -> None:
    # Only a first name that opened the sentence was left unread: after any other word the reader takes "Jan" for
    # a new organization, and "In Brussels, Jan Rutte became ..." was supported as Mark Rutte's start.
    holding, *_ = read(db, text)
    assert (holding.claimed, holding.holder, holding.unread) == (Claimed.HOLDING, "mark-rutte", unread)
    assert judge(Context(db, TODAY), [holding])[0].verdict.value == verdict


def test_a_qualifying_word_is_left_unread_only_beside_a_holding_or_a_succession(db: sqlite3.Connection) -> None:
    # "first" says nothing a count of members could be wrong about; "the first" holder is another matter.
    number, _ = read(db, "For the first time, NATO has 32 members.")
    assert (number.claimed, number.unread) == (Claimed.NUMBER, ())
