"""`newskb verify` at the command line: rows, JSON keys, exit codes, lines from a pipe, an article, ClaimReview,
and what it refuses. Subprocess tests where a real pipe or a FIFO is the point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import rdflib
from typer.testing import CliRunner

from newskb.cli import app

runner = CliRunner()
RUTTE_STARTS = "Mark Rutte became NATO Secretary General on 1 October 2024"
QUOTE = (
    "On Tuesday, October 1, Mark Rutte will officially take office as NATO Secretary General, replacing Jens "
    "Stoltenberg"
)
ANNOUNCED = "the base says Mark Rutte's term began 2024-10-01, as an announcement (the source said it would happen)"
_CLOSE = "the base says something close, not this"
ANNOUNCED_TOOK_OFFICE = (
    "Mark Rutte took office as NATO Secretary General (2024-10-01), as an announcement (the source said it would "
    "happen)"
)
_STOLTENBERG_BEGAN = "the base says Jens Stoltenberg's term began about 2014"
_RUTTE_14 = "the source gives Mark Rutte's term as 14 years"
_FOURTEEN = "the base says Mark Rutte's term began on or before 2011-09-30: 14 years to an end on or before 2024-09-30"


def verify(*arguments: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["verify", *arguments])
    return result.exit_code, result.stdout, result.stderr


def test_a_supported_sentence_prints_its_row_and_exits_0() -> None:
    code, out, err = verify(RUTTE_STARTS, "--format", "tsv")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "statement\tclaimed\tverdict\tevidence\twhy\tas_of",
        f"{RUTTE_STARTS}\tholding\tsupported\tmark-rutte-nato-secretary-general, mark-rutte-takes-office\t"
        f"{ANNOUNCED}\t",
    ]


@pytest.mark.parametrize(
    ("text", "as_of", "code", "verdict", "why"),
    [
        (
            "Mark Rutte became NATO Secretary General in 2023",
            "2026-01-01",
            4,
            "contradicted",
            "the base says Mark Rutte's term began 2024-10-01",
        ),
        (
            "Mark Rutte is NATO Secretary General",
            "2026-01-01",
            3,
            "cannot-tell",
            "last known in office as of 2024-09-30, 1 year before 2026-01-01",
        ),
        (
            "Mark Rutte is UN Secretary General",
            "2026-01-01",
            1,
            "not-in-base",
            "no office named 'UN Secretary General' in the fact base (did you mean 'NATO Secretary General' or "
            "'UK Defence Secretary'?)",
        ),
        ("NATO has 30 members", "2024-09-30", 4, "contradicted", "the base says 32 members, as of 2024-09-30"),
        (
            "Donald Trump is the sitting US president",
            "2024-09-30",
            4,
            "contradicted",
            "on 2024-09-30 Donald Trump's term had ended (/..2024-09-30)",
        ),
        ("NATO has 32,000 members", "2024-09-30", 4, "contradicted", "the base says 32 members, as of 2024-09-30"),
        # A start the base does not date, bounded by the 14 years its source gives and an end on or before 2024-09-30.
        ("Rutte became Dutch prime minister in 2015", "2026-01-01", 4, "contradicted", _FOURTEEN),
        ("Rutte became Dutch prime minister in 2010", "2026-01-01", 3, "cannot-tell", _FOURTEEN),
        # A span is one statement: its start, its end, and the length the source gives between them.
        ("Stoltenberg led NATO from 2014 to 2024", "2026-01-01", 3, "cannot-tell", _STOLTENBERG_BEGAN),
        (
            "Stoltenberg served as NATO Secretary General from 2014 to 2030",
            "2026-01-01",
            4,
            "contradicted",
            "the base says Jens Stoltenberg's term ended 2024-10-01",
        ),
        (
            "Rutte served as prime minister of the Netherlands from 2002 to 2024",
            "2026-01-01",
            4,
            "contradicted",
            "the source gives Mark Rutte's term as 14 years, not from 2002 to 2024",
        ),
        # An alliance's allies are its members, nations are countries; a date told before a subject no name marks.
        (
            "NATO now counts thirty-two allies",
            "2024-09-30",
            0,
            "supported",
            "the base says 32 allies, as of 2024-09-30",
        ),
        (
            "On September 30, 2024, the alliance comprised 30 nations",
            "2026-01-01",
            4,
            "contradicted",
            "the base says 32 nations, as of 2024-09-30",
        ),
        ("Jens Stoltenberg is not NATO Secretary General", "2026-01-01", 0, "supported", None),
        # A whole sentence weighed against a claim's words: a negation the record does not share turns it.
        ("The US backed Ben Wallace's candidacy", "2026-01-01", 4, "contradicted", "the base says the opposite"),
        ("The US did not back Ben Wallace's candidacy", "2026-01-01", 0, "supported", "the base says so"),
        # Every word in a record, but a name where the record has another (the quote names the UK elsewhere; it
        # writes "NATO troop numbers", and Ukraine only as the invaded).
        ("The UK did not back Ben Wallace's candidacy", "2026-01-01", 3, "cannot-tell", _CLOSE),
        ("Ukraine's troop numbers in the east have doubled", "2026-01-01", 3, "cannot-tell", _CLOSE),
        ("NATO troop numbers in the east have doubled", "2026-01-01", 0, "supported", "the base says so"),
        ("Rutte will face threats from Ukraine", "2024-09-30", 3, "cannot-tell", _CLOSE),  # "threats from Russia"
        ("Rutte will face threats from Russia", "2024-09-30", 0, "supported", "the base says so"),
        # A word a letter or two from the record's is another word; "only" and "first" say more than a record.
        ("Key tasks for the new leader include decreasing defense spending", "2024-09-30", 3, "cannot-tell", _CLOSE),
        ("Key tasks for the new leader include increasing defence spending", "2024-09-30", 0, "supported", None),
        ("Rutte is the only NATO Secretary General", "2024-10-01", 3, "cannot-tell", _CLOSE),
        # "Until" a day is in office through it: the base's end is the first day out, 1 October.
        ("Stoltenberg led NATO until 30 September 2024", "2026-01-01", 0, "supported", None),
        (
            "Stoltenberg left office as NATO Secretary General on 30 September 2024",
            "2026-01-01",
            4,
            "contradicted",
            "the base says Jens Stoltenberg's term ended 2024-10-01",
        ),
        # "has been O since D" says the term holds still: past what the sources reach, it cannot be told.
        (
            "Rutte has been NATO Secretary General since 2024",
            "2030-01-01",
            3,
            "cannot-tell",
            "last known in office as of 2024-09-30, 5 years before 2030-01-01",
        ),
        # A second office of the same holder, which no statement reads, is not passed over.
        (
            "Rutte is NATO Secretary General and US President",
            "2024-10-01",
            3,
            "cannot-tell",
            "the base has Mark Rutte in office on 2024-10-01 (2024-10-01/..); but the sentence also says 'US "
            "President', which verify could not read with it",
        ),
        # A sentence checked whole that opens on a person it does not name cannot be told of anyone.
        (
            "He is a former Dutch Prime Minister",
            "2026-01-01",
            3,
            "cannot-tell",
            "the base says so of someone; the sentence does not say who 'He' is",
        ),
        # Words before a colon that open the sentence say whose or what it is: not read, so not vouched for.
        (
            "Bator: Rutte will become NATO Secretary General tomorrow",
            "2024-09-30",
            3,
            "cannot-tell",
            f"{ANNOUNCED}; but the sentence also says 'Bator:', which verify could not read with it",
        ),
        (
            "Wallace: NATO has 32 members",
            "2024-09-30",
            3,
            "cannot-tell",
            "the base says 32 members, as of 2024-09-30; but the sentence also says 'Wallace:', which verify could "
            "not read with it",
        ),
        # A length given as a bound: more than, nearly.
        ("Rutte led the Netherlands for more than ten years", "2024-09-30", 0, "supported", _RUTTE_14),
        ("Rutte led the Netherlands for nearly 20 years", "2024-09-30", 4, "contradicted", _RUTTE_14),
        (
            "Stoltenberg led NATO for more than ten years",
            "2024-09-30",
            3,
            "cannot-tell",
            "the source gives Jens Stoltenberg's term as about 10 years",
        ),
        # A weekday the day is not, and a span of time no date reads, leave the date unread.
        (
            "Mark Rutte became NATO Secretary General on Wednesday, 1 October 2024",
            "2026-01-01",
            3,
            "cannot-tell",
            f"{ANNOUNCED}; but the sentence also says 'on Wednesday, 1 October 2024', which verify could not read "
            "with it",
        ),
        (
            "Rutte took office as NATO Secretary General last week",
            "2024-09-30",
            3,
            "cannot-tell",
            # Undated, it is of the days before the one asked, when the term had not begun; "last week" is unread.
            "the base has Mark Rutte's term begin 2024-10-01, after 2024-09-30; but the sentence also says "
            "'last week', which verify could not read with it",
        ),
        (
            "Rutte became the first NATO Secretary General on 1 October 2024",
            "2026-01-01",
            3,
            "cannot-tell",
            f"{ANNOUNCED}; but the sentence also says 'first', which verify could not read with it",
        ),
        # A sentence checked whole with a date of its own: the date weighed against an event's, not as a word.
        (
            "Russia invaded Ukraine on 24 February 2022",
            "2026-01-01",
            3,
            "cannot-tell",
            "the base dates it ..2024-09-30",
        ),
        ("Russia invaded Ukraine in 2025", "2026-01-01", 4, "contradicted", "the base dates it ..2024-09-30"),
        (
            "NATO troop numbers in the east have doubled in 2019",
            "2026-01-01",
            3,
            "cannot-tell",
            "the base says so, but not that it was 2019",
        ),
        # A day in figures, ISO's or day first between dots; "assumed office as" starts a term as "took office as".
        ("On 01.10.2024 Mark Rutte assumed office as NATO Secretary General", "2026-01-01", 0, "supported", ANNOUNCED),
        (
            "Mark Rutte assumed office as NATO Secretary General on 2024-10-02",
            "2026-01-01",
            4,
            "contradicted",
            "the base says Mark Rutte's term began 2024-10-01",
        ),
        ("Rutte was not chosen as NATO Secretary General", "2026-01-01", 4, "contradicted", None),
        # "not only ... but" negates nothing.
        (
            "Rutte's main goal will be not only to reach compromises but to move the alliance forward",
            "2026-01-01",
            0,
            "supported",
            None,
        ),
        # Being chosen is judged on the day of the choice the base records, not of the term's start.
        (
            "Rutte was chosen as NATO Secretary General on 1 October 2024",
            "2026-01-01",
            4,
            "contradicted",
            "the base says Mark Rutte was chosen on or before 2024-09-30",
        ),
        (
            "Rutte was chosen as NATO Secretary General in 2024",
            "2026-01-01",
            3,
            "cannot-tell",
            "the base says Mark Rutte was chosen on or before 2024-09-30",
        ),
        # ... whatever verb tells of the choice ("selected" against an event titled "chosen").
        (
            "Rutte was selected as NATO chief in June 2024",
            "2026-01-01",
            3,
            "cannot-tell",
            "the base says Mark Rutte was chosen on or before 2024-09-30",
        ),
        # A holding told of a body: of the office that heads it.
        (
            "Stoltenberg is no longer in charge of NATO",
            "2024-09-30",
            4,
            "contradicted",
            "the base has Jens Stoltenberg in office on 2024-09-30 (2014~/2024-10-01), which the statement denies",
        ),
        (
            "In 2022, NATO was run by Mark Rutte",
            "2026-01-01",
            4,
            "contradicted",
            "the base has Mark Rutte in office 2024-10-01/..",
        ),
        (
            "Ben Wallace led NATO in 2020",
            "2026-01-01",
            4,
            "contradicted",
            "Jens Stoltenberg holds the one seat of NATO Secretary General then",
        ),
        ("NATO was led by Jens Stoltenberg in 2020", "2026-01-01", 0, "supported", None),
        (
            "Rutte took over the NATO leadership in 2023",
            "2026-01-01",
            4,
            "contradicted",
            "the base says Mark Rutte's term began 2024-10-01",
        ),
        (
            "In 2023 the post of NATO Secretary General was held by Mark Rutte",
            "2026-01-01",
            4,
            "contradicted",
            "the base has Mark Rutte in office 2024-10-01/..",
        ),
        ("Rutte officially became NATO chief two days ago", "2024-10-03", 0, "supported", None),
        # Taking up a body's top job: a start of the office that heads it.
        (
            "Stoltenberg took the reins at NATO in 2004",
            "2026-01-01",
            4,
            "contradicted",
            _STOLTENBERG_BEGAN,
        ),
        ("Rutte took office at NATO on 1 October 2024", "2026-01-01", 0, "supported", None),
        ("Rutte will formally take up NATO's top job tomorrow", "2024-09-30", 0, "supported", None),
        (
            "Rutte was chosen to lead NATO in 2025",
            "2026-01-01",
            4,
            "contradicted",
            "the base says Mark Rutte was chosen on or before 2024-09-30",
        ),
        # Lengths: denied, of a country's government, "the past decade".
        (
            "Jens Stoltenberg did not lead NATO for ten years",
            "2026-01-01",
            4,
            "contradicted",
            "the source gives Jens Stoltenberg's term as about 10 years, which the statement denies",
        ),
        ("Rutte led the Dutch government for fourteen years", "2026-01-01", 0, "supported", None),
        ("Stoltenberg led NATO for the past decade", "2026-01-01", 0, "supported", None),
        # Never held, not yet: the holding turned over.
        (
            "Mark Rutte never served as Dutch prime minister",
            "2026-01-01",
            4,
            "contradicted",
            "the base has Mark Rutte's term as Prime Minister of the Netherlands (/..2024-09-30), which the statement "
            "denies",
        ),
        ("Mark Rutte is not yet NATO Secretary General", "2024-09-30", 0, "supported", None),
        (
            "Donald Trump left the US presidency in January 2021",
            "2026-01-01",
            3,
            "cannot-tell",
            "the base says Donald Trump's term ended on or before 2024-09-30",
        ),
        # Taking over a body from someone: a succession as its head, on the day given.
        (
            "Rutte took over NATO from Stoltenberg in 2023",
            "2026-01-01",
            4,
            "contradicted",
            "Mark Rutte replaced Jens Stoltenberg as NATO Secretary General on 2024-10-01",
        ),
        (
            "Rutte will take over NATO on October 1, 2024, from Ben Wallace",
            "2024-09-30",
            4,
            "contradicted",
            "the base says Mark Rutte replaced Jens Stoltenberg as NATO Secretary General",
        ),
        (
            "Rutte left the Dutch premiership in 2023",
            "2026-01-01",
            3,
            "cannot-tell",
            "the base says Mark Rutte's term ended on or before 2024-09-30",
        ),
        # A succession told with a copula and a possessive; someone else replaced is a contradiction.
        ("Stoltenberg's successor is Mark Rutte", "2026-01-01", 0, "supported", None),
        (
            "Rutte's predecessor was Ben Wallace",
            "2026-01-01",
            4,
            "contradicted",
            "the base says Mark Rutte replaced Jens Stoltenberg as NATO Secretary General",
        ),
        # A length of leading a body a noun stands for: the one body of the holder's terms.
        (
            "Stoltenberg led the alliance for eight years",
            "2026-01-01",
            4,
            "contradicted",
            "the source gives Jens Stoltenberg's term as about 10 years",
        ),
        (
            "Rutte led the alliance for 14 years",
            "2026-01-01",
            3,
            "cannot-tell",
            "the statement names no body, and the base has Mark Rutte in more than one office",
        ),
        # An end told with a day but no office: of the one office the base ends.
        (
            "Stoltenberg stepped down on 2 October 2024",
            "2026-01-01",
            4,
            "contradicted",
            "the base says Jens Stoltenberg's term ended 2024-10-01 (as NATO Secretary General)",
        ),
        # A date told first with "As of" dates the number after it.
        (
            "As of 30 September 2024, NATO had 30 members",
            "2026-01-01",
            4,
            "contradicted",
            "the base says 32 members, as of 2024-09-30",
        ),
        # A succession the statement dates, against the day the new term began.
        (
            "Rutte replaced Stoltenberg in 2023",
            "2026-01-01",
            4,
            "contradicted",
            "Mark Rutte replaced Jens Stoltenberg as NATO Secretary General on 2024-10-01",
        ),
        ("Rutte replaced Stoltenberg on 1 October 2024", "2026-01-01", 0, "supported", None),
        # A name only close to one the base holds never supports.
        (
            "Mark Ruttes became NATO Secretary General on 1 October 2024",
            "2026-01-01",
            3,
            "cannot-tell",
            f"{ANNOUNCED}; but 'Mark Ruttes' is not a name in the base, only close to Mark Rutte",
        ),
    ],
)
def test_each_verdict_has_its_exit_code(text: str, as_of: str, code: int, verdict: str, why: str | None) -> None:
    exit_code, out, _ = verify(text, "--as-of", as_of, "--format", "json")
    [row] = json.loads(out)
    assert (exit_code, row["verdict"]) == (code, verdict)
    if why is not None:
        assert row["why"] == why


def test_a_passives_agent_no_statement_reads_is_a_claim_of_its_own() -> None:
    code, out, _ = verify("Mark Rutte was appointed NATO Secretary General by Donald Trump", "--format", "json")
    assert code == 3  # the appointment is the base's; who made it is not
    assert [(row["statement"], row["verdict"], row["why"]) for row in json.loads(out)] == [
        ("Mark Rutte was appointed NATO Secretary General", "supported", ANNOUNCED_TOOK_OFFICE),
        (
            "Mark Rutte was appointed NATO Secretary General by Donald Trump",
            "cannot-tell",
            "the base says something close, not this: 'Mark Rutte by Donald Trump', what the sentence says besides "
            "the above",
        ),
    ]


def test_another_first_name_before_a_known_surname_is_never_read_as_the_known_person() -> None:
    code, out, _ = verify("Marc Rutte became NATO Secretary General on 1 October 2024", "--format", "json")
    assert code == 3
    rows = [(row["statement"], row["verdict"]) for row in json.loads(out)]
    assert rows[0] == ("Rutte became NATO Secretary General on 1 October 2024", "cannot-tell")
    assert json.loads(out)[0]["why"].endswith("but the sentence also says 'Marc', which verify could not read with it")


def test_the_worst_verdict_of_a_text_is_its_exit_code() -> None:
    text = "Mark Rutte was Dutch PM for 14 years and became NATO Secretary General in 2023."
    code, out, _ = verify(text, "--format", "json")
    assert code == 4
    assert [(row["statement"], row["verdict"]) for row in json.loads(out)] == [
        ("Mark Rutte was Dutch PM for 14 years", "supported"),
        ("Mark Rutte was Dutch PM for 14 years and became NATO Secretary General in 2023", "contradicted"),
    ]


def test_a_false_main_clause_after_a_true_apposition_is_not_supported() -> None:
    code, out, _ = verify("Mark Rutte, once Dutch prime minister, is UN Secretary General.", "--format", "json")
    assert code == 1
    assert [(row["statement"], row["verdict"]) for row in json.loads(out)] == [
        ("Mark Rutte, once Dutch prime minister", "supported"),
        ("Mark Rutte, once Dutch prime minister, is UN Secretary General", "not-in-base"),
    ]


@pytest.mark.parametrize(
    ("text", "code", "rows"),
    [
        # What the sentence says besides what a pattern read is checked too, never dropped.
        (
            "Former Dutch Prime Minister Mark Rutte met Zelensky in Kyiv",
            1,
            [
                ("Former Dutch Prime Minister Mark Rutte", "holding", "supported"),
                ("Former Dutch Prime Minister Mark Rutte met Zelensky in Kyiv", "claim", "not-in-base"),
            ],
        ),
        # Every word of a claim, but its names the other way round.
        (
            "NATO will need to strengthen unity within Rutte",
            3,
            [("NATO will need to strengthen unity within Rutte", "claim", "cannot-tell")],
        ),
        # Who appointed is a claim of its own, which the term does not make.
        (
            "The EU chose Rutte as NATO Secretary General",
            3,
            [
                ("EU chose Rutte as NATO Secretary General", "holding", "supported"),
                ("EU chose Rutte as NATO Secretary General", "claim", "cannot-tell"),
            ],
        ),
        (
            "According to the BBC, Rutte replaced Stoltenberg",
            1,
            [("According to the BBC, Rutte replaced Stoltenberg", "attribution", "not-in-base")],
        ),
        # A relative clause is no part of its main clause's statement: read as a length of its own, or unread.
        (
            "Rutte, who governed the Netherlands for ten years, became NATO chief on 1 October 2024",
            4,
            [
                ("Rutte, who governed the Netherlands for ten years", "duration", "contradicted"),
                (
                    "Rutte, who governed the Netherlands for ten years, became NATO chief on 1 October 2024",
                    "holding",
                    "supported",
                ),
            ],
        ),
        (
            "Rutte, who was born in The Hague, served as Dutch prime minister for a decade",
            4,
            [
                (
                    "Rutte, who was born in The Hague, served as Dutch prime minister for a decade",
                    "duration",
                    "contradicted",
                ),
                (
                    "Rutte, who was born in The Hague, served as Dutch prime minister for a decade",
                    "claim",
                    "not-in-base",
                ),
            ],
        ),
        # A successor or predecessor in apposition; a succession "at the head of" a body, dated.
        (
            "Stoltenberg's successor, Ben Wallace, took office as NATO chief on 1 October 2024",
            4,
            [
                ("Stoltenberg's successor, Ben Wallace", "succession", "contradicted"),
                ("Ben Wallace, took office as NATO chief on 1 October 2024", "holding", "contradicted"),
            ],
        ),
        (
            "Rutte, a former prime minister of the Netherlands, replaced Stoltenberg at the head of NATO on "
            "October 1, 2024",
            0,
            [
                ("Rutte, a former prime minister", "holding", "supported"),
                (
                    "Rutte, a former prime minister of the Netherlands, replaced Stoltenberg at the head of NATO on "
                    "October 1, 2024",
                    "succession",
                    "supported",
                ),
            ],
        ),
        # An aside after a name is no part of the main clause's statement: its age or date is unread.
        (
            "Stoltenberg, 65, led NATO for ten years",
            3,
            [("Stoltenberg, 65, led NATO for ten years", "duration", "cannot-tell")],
        ),
        (
            "Mark Rutte, born in 1967, became NATO Secretary General on 1 October 2024",
            3,
            [
                ("Mark Rutte, born in 1967, became NATO Secretary General on 1 October 2024", "holding", "cannot-tell"),
                ("Mark Rutte, born in 1967, became NATO Secretary General on 1 October 2024", "claim", "not-in-base"),
            ],
        ),
        # A verb of choosing in an aside is the aside's: the start is judged on the term's day, the aside unread.
        (
            "Mark Rutte, elected in 2019, became NATO Secretary General on 1 October 2024",
            3,
            [
                (
                    "Mark Rutte, elected in 2019, became NATO Secretary General on 1 October 2024",
                    "holding",
                    "cannot-tell",
                ),
                (
                    "Mark Rutte, elected in 2019, became NATO Secretary General on 1 October 2024",
                    "claim",
                    "not-in-base",
                ),
            ],
        ),
        # A participle's succession reads the participle's words alone: the day before it is unread, not vouched for.
        (
            "Rutte took over at NATO in 2019, replacing Stoltenberg",
            4,
            [
                ("Rutte took over at NATO in 2019", "holding", "contradicted"),
                ("replacing Stoltenberg", "succession", "supported"),
            ],
        ),
        (
            "Mark Rutte took office on October 5, 2024, succeeding Jens Stoltenberg at the head of NATO",
            3,
            [
                ("succeeding Jens Stoltenberg at the head of NATO", "succession", "cannot-tell"),
                # "took office" with no office: read by no statement, so checked as words of their own.
                (
                    "Mark Rutte took office on October 5, 2024, succeeding Jens Stoltenberg at the head of NATO",
                    "claim",
                    "cannot-tell",
                ),
            ],
        ),
        (
            "Rutte, who was born in 1967, became NATO chief on 1 October 2024",
            3,
            [
                ("Rutte, who was born in 1967, became NATO chief on 1 October 2024", "holding", "cannot-tell"),
                ("Rutte, who was born in 1967, became NATO chief on 1 October 2024", "claim", "not-in-base"),
            ],
        ),
        # Words a finding read that gave no statement (an end of no office) are not read: they are a claim.
        (
            "Mark Rutte became NATO Secretary General on 1 October 2024 before he was fired",
            1,
            [
                ("Mark Rutte became NATO Secretary General on 1 October 2024", "holding", "supported"),
                (
                    "Mark Rutte became NATO Secretary General on 1 October 2024 before he was fired",
                    "claim",
                    "not-in-base",
                ),
            ],
        ),
        # A name told as where it happened, or an aside of nationality: words of their own, never vouched for.
        (
            "Mark Rutte became NATO Secretary General on 1 October 2024 in Kyiv",
            3,
            [
                ("Mark Rutte became NATO Secretary General on 1 October 2024", "holding", "supported"),
                ("Mark Rutte became NATO Secretary General on 1 October 2024 in Kyiv", "claim", "cannot-tell"),
            ],
        ),
        (
            "Mark Rutte, a Norwegian, became NATO Secretary General on 1 October 2024",
            3,
            [
                ("Mark Rutte, a Norwegian, became NATO Secretary General on 1 October 2024", "holding", "supported"),
                ("Mark Rutte, a Norwegian, became NATO Secretary General on 1 October 2024", "claim", "cannot-tell"),
            ],
        ),
        # A second name joined by "and" to one a statement reads, after it or before it.
        (
            "Mark Rutte replaced Jens Stoltenberg and Ben Wallace as NATO Secretary General",
            3,
            [
                ("Mark Rutte replaced Jens Stoltenberg", "succession", "supported"),
                (
                    "Mark Rutte replaced Jens Stoltenberg and Ben Wallace as NATO Secretary General",
                    "claim",
                    "cannot-tell",
                ),
            ],
        ),
        (
            "Ben Wallace and Mark Rutte replaced Jens Stoltenberg",
            1,
            [
                ("Mark Rutte replaced Jens Stoltenberg", "succession", "supported"),
                ("Ben Wallace and Mark Rutte replaced Jens Stoltenberg", "claim", "not-in-base"),
            ],
        ),
        # A name written in lower case where the record has another: "the uk" is not the record's "The US".
        (
            "the uk did not back Ben Wallace's candidacy for NATO Secretary General",
            3,
            [("the uk did not back Ben Wallace's candidacy for NATO Secretary General", "claim", "cannot-tell")],
        ),
    ],
)
def test_no_part_of_a_sentence_is_supported_unchecked(text: str, code: int, rows: list[tuple[str, str, str]]) -> None:
    exit_code, out, _ = verify(text, "--as-of", "2026-01-01", "--format", "json")
    found = json.loads(out)
    assert (exit_code, [(row["statement"], row["claimed"], row["verdict"]) for row in found]) == (code, rows)
    if text.startswith("Mark Rutte, elected"):
        assert found[0]["why"].startswith("the base says Mark Rutte's term began 2024-10-01")
    if text.startswith("Mark Rutte replaced Jens Stoltenberg and"):
        assert found[1]["why"] == (
            "the base says something close, not this: 'Mark Rutte and Ben Wallace as NATO Secretary General', what the"
            " sentence says besides the above"
        )
    if text.startswith("Former"):
        assert found[1]["why"] == (
            "nothing in the base says this: 'Mark Rutte met Zelensky in Kyiv', what the sentence says besides the above"
        )


def test_why_names_each_unread_word_once_and_the_first_five() -> None:
    text = "Mark Rutte is NATO Secretary General, with 5 deputies, 6 aides, 7 cars, 8 dogs, 9 cats, 10 rats and 5 more."
    _, out, _ = verify(text, "--as-of", "2024-10-01", "--format", "json")
    first, aside = json.loads(out)
    assert first["why"] == (
        "the base has Mark Rutte in office on 2024-10-01 (2024-10-01/..); but the sentence also says '5', '6', "
        "'7', '8', '9' and 1 more, which verify could not read with it"
    )
    assert aside["why"] == (
        "nothing in the base says this: 'Mark Rutte with 5 deputies, 6 aides, 7 cars, 8 dogs, 9 cats, 10 rats and 5 "
        "more', what the sentence says besides the above"
    )
    long_text = "Mark Rutte is NATO Secretary General, with " + "many deputies, " * 20 + "and more."
    _, out, _ = verify(long_text, "--as-of", "2024-10-01", "--format", "json")
    shown = json.loads(out)[1]["why"]
    assert shown.startswith("nothing in the base says this: 'Mark Rutte with many deputies, many deputies")
    assert shown.endswith("...', what the sentence says besides the above") and len(shown) < 200


def test_a_text_all_in_lower_case_is_read_with_the_base_s_names_and_kept_as_typed() -> None:
    text = "mark rutte became nato secretary general on october 1, 2024"
    code, out, _ = verify(text, "--format", "json")
    [row] = json.loads(out)
    assert (code, row["statement"], row["verdict"], row["why"]) == (0, text, "supported", ANNOUNCED)
    # "may" stays a verb: no month is read into "rutte may return".
    code, out, _ = verify("rutte may return to nato", "--format", "json")
    assert [row["verdict"] for row in json.loads(out)] == ["cannot-tell"]


def test_relative_dates_count_from_the_day_the_text_was_written() -> None:
    tomorrow = "Mark Rutte will take office as NATO Secretary General tomorrow"
    code, out, _ = verify(tomorrow, "--as-of", "2026-01-01", "--format", "json")
    assert (code, [row["verdict"] for row in json.loads(out)]) == (4, ["contradicted"])  # 2026-01-02
    code, out, _ = verify(tomorrow, "--published", "2024-09-30", "--as-of", "2026-01-01", "--format", "json")
    assert (code, [row["verdict"] for row in json.loads(out)]) == (0, ["supported"])  # 2024-10-01
    code, out, err = verify(tomorrow, "--published", "someday")
    assert (code, out) == (2, "")
    assert err == (
        "newskb: verify: invalid value for '--published': 'someday' is not a day: write YYYY-MM-DD or today "
        "(see 'newskb verify -h')\n"
    )


def test_the_json_keys_are_the_contract() -> None:
    _, out, _ = verify(RUTTE_STARTS, "--format", "json")
    [row] = json.loads(out)
    assert list(row) == ["statement", "claimed", "verdict", "evidence", "why", "as_of"]
    assert row["evidence"][0] == {
        "id": "mark-rutte-nato-secretary-general",
        "source": "rbc-ukraine-2024-09-30-rutte",
        "quote": QUOTE,
        "modality": "announced",
        "said_by": [],
        "via": ["reuters"],
    }
    assert row["as_of"] is None


def test_a_present_tense_past_the_sources_says_as_of_when_they_stop() -> None:
    _, out, _ = verify("NATO has 32 members", "--as-of", "2026-01-01", "--format", "json")
    [row] = json.loads(out)
    assert (row["verdict"], row["as_of"]) == ("cannot-tell", "2024-09-30")
    assert row["why"] == (
        "the base says 32 members as of 2024-09-30, 1 year before the day asked, and nothing for that day"
    )


def test_known_as_of_hears_only_the_sources_published_by_then() -> None:
    code, out, _ = verify(RUTTE_STARTS, "--known-as-of", "2024-01-01", "--format", "json")
    [row] = json.loads(out)
    assert (code, row["verdict"], row["evidence"]) == (3, "cannot-tell", [])


@pytest.mark.parametrize("text", ["   ", "Rutte", "Rutte NATO", "Who replaced Stoltenberg?", "Rutte " * 2000])
def test_a_text_with_nothing_to_check_exits_1_and_says_so(text: str) -> None:
    code, out, err = verify(text, "--format", "tsv")
    assert (code, out) == (1, "statement\tclaimed\tverdict\tevidence\twhy\tas_of\n")
    assert err == "newskb: nothing in the text reads as a statement newskb can check\n"


@pytest.mark.parametrize("given", ["", "\n\n"])
def test_lines_with_nothing_at_all_exit_1_and_say_so(given: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newskb", "verify", "-", "--format", "tsv"],
        input=given,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (1, "newskb: nothing in the input reads as a statement newskb can check\n")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ([], "newskb: error: verify one thing: a TEXT, '-' for one a line, or --file FILE\n"),
        (["x", "--file", "a.txt"], "newskb: error: verify one thing: a TEXT, '-' for one a line, or --file FILE\n"),
        (
            ["x", "--url", "https://example.org/story"],
            "newskb: error: --url says where the text appeared in a ClaimReview: give --format claimreview\n",
        ),
        (
            ["x", "--format", "claimreview", "--url", "javascript:alert(1)"],
            "newskb: error: --url javascript:alert(1): not a web address (http:// or https://)\n",
        ),
        (["--file", "missing.txt"], "newskb: error: missing.txt: cannot read it: No such file or directory\n"),
        (["--file", "."], "newskb: error: .: is not a regular file\n"),
        (
            ["-", "--format", "claimreview"],
            "newskb: error: --format claimreview checks one text (a TEXT or --file), not lines\n",
        ),
    ],
)
def test_what_verify_refuses_is_one_line_and_exit_2(arguments: list[str], message: str) -> None:
    assert verify(*arguments)[0::2] == (2, message)


def test_an_article_that_is_not_utf8_or_too_large_is_refused(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Jens Stoltenberg était là.".encode("latin-1"))
    assert verify("--file", str(latin))[0::2] == (2, f"newskb: error: {latin}: is not UTF-8 text\n")
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as stream:
        stream.truncate(1024 * 1024 + 1)
    assert verify("--file", str(huge))[0::2] == (
        2,
        f"newskb: error: {huge}: is larger than 1 MiB, which no article is\n",
    )


def test_an_article_is_checked_sentence_by_sentence(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(
        "Mark Rutte became NATO Secretary General on 1 October 2024.\nHe replaced Jens Stoltenberg, who had led "
        "the alliance for ten years.\nNATO has 30 members.\n",
        encoding="utf-8",
    )
    code, out, _ = verify("--file", str(article), "--as-of", "2024-09-30", "--format", "json")
    assert code == 4
    assert [(row["statement"], row["verdict"]) for row in json.loads(out)] == [
        (RUTTE_STARTS, "supported"),
        ("He replaced Jens Stoltenberg", "supported"),
        ("Jens Stoltenberg, who had led the alliance for ten years", "supported"),
        ("NATO has 30 members", "contradicted"),
    ]


def run(arguments: list[str], **given: object) -> subprocess.CompletedProcess[str]:
    result: subprocess.CompletedProcess[str] = subprocess.run(
        [sys.executable, "-m", "newskb", "verify", *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        **given,  # type: ignore[call-overload]
    )
    return result


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = run(["--file", str(fifo)])
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        f"newskb: error: {fifo}: is not a regular file\n",
    )


def test_lines_from_a_pipe_are_answered_one_by_one_and_exit_as_the_worst() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "newskb", "verify", "-", "--as-of", "2024-09-30", "--format", "jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("NATO has 32 members\n")
    process.stdin.flush()
    first = json.loads(process.stdout.readline())  # answered before the next line is written
    assert (first["query"], first["verdict"]) == ("NATO has 32 members", "supported")
    process.stdin.write("Mark Rutte is UN Secretary General\nNATO has 30 members\n")
    process.stdin.close()
    rest = [json.loads(line) for line in process.stdout]
    assert [row["verdict"] for row in rest] == ["not-in-base", "contradicted"]
    assert process.wait(timeout=60) == 4


@pytest.mark.parametrize(
    ("lines", "day", "code"),
    [
        ("NATO has 30 members\nWho replaced Stoltenberg?\n", "2024-09-30", 4),  # a question checks nothing
        ("Rutte\nNATO has 30 members\n", "2024-10-02", 3),  # past the sources' day: cannot tell
        ("Rutte\nNATO has 32 members\n", "2024-09-30", 1),  # all else supported: the line with nothing
    ],
)
def test_a_line_with_nothing_to_check_hides_no_worse_verdict_of_another(lines: str, day: str, code: int) -> None:
    result = runner.invoke(app, ["verify", "-", "--as-of", day, "--format", "tsv"], input=lines)
    assert result.exit_code == code
    assert result.stderr.startswith("newskb: line ")


# rdflib's own JSON-LD parser still builds a ConjunctiveGraph, which rdflib 7 deprecates.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_claimreview_is_json_ld_that_rdflib_reads(kb: Path) -> None:
    (kb.parent / "newskb.toml").write_text('author = "The Desk"\n', encoding="utf-8")
    result = run(
        [
            RUTTE_STARTS,
            "--format",
            "claimreview",
            "--url",
            "https://example.org/story",
            "--as-of",
            "2024-10-02",
            "--data",
            str(kb),
        ],
        env={**os.environ, "NEWSKB_DATA": str(kb)},
    )
    assert (result.returncode, result.stderr) == (0, "")
    graph = rdflib.Graph().parse(data=result.stdout, format="json-ld")
    schema = rdflib.Namespace("http://schema.org/")
    [review] = graph.subjects(rdflib.RDF.type, schema.ClaimReview)
    assert str(graph.value(review, schema.claimReviewed)) == RUTTE_STARTS
    rating = graph.value(review, schema.reviewRating)
    assert (str(graph.value(rating, schema.ratingValue)), str(graph.value(rating, schema.alternateName))) == (
        "4",
        "supported",
    )
    assert str(graph.value(graph.value(review, schema.author), schema.name)) == "The Desk"
    appearance = graph.value(graph.value(review, schema.itemReviewed), schema.appearance)
    assert str(graph.value(appearance, schema.url)) == "https://example.org/story"
    cited = sorted(str(item) for item in graph.objects(review, schema.citation))
    assert cited == ["urn:newskb:mark-rutte-nato-secretary-general", "urn:newskb:mark-rutte-takes-office"]
    # Published the day it is written, whatever day the statements are judged of (--as-of).
    assert str(graph.value(review, schema.datePublished)) == date.today().isoformat()


def test_a_name_two_people_share_is_never_judged_as_either(kb: Path) -> None:
    with (kb / "entities.toml").open("a", encoding="utf-8") as entities:
        entities.write('\n[[person]]\nid = "ben-wallace-2"\nname = "Ben Wallace"\n')
    code, out, _ = verify("Ben Wallace was UK Defence Secretary in 2023", "--format", "json")
    assert code == 3
    [row] = json.loads(out)
    assert (row["verdict"], row["why"], row["evidence"]) == (
        "cannot-tell",
        "'Ben Wallace' names more than one person, organization or country in the fact base: 'Ben Wallace' "
        "(ben-wallace), 'Ben Wallace' (ben-wallace-2); give its id",
        [],
    )


@pytest.mark.parametrize(
    ("text", "code", "rows", "why"),
    [
        # A decade, a part of a period, a comparison and an obligation: words no date or statement reads.
        ("Stoltenberg led NATO in the 1980s", 3, [("holding", "cannot-tell")], "also says '1980s'"),
        (
            "Rutte became NATO Secretary General at the start of 2024",
            3,
            [("holding", "cannot-tell")],
            "also says 'at the start of 2024'",
        ),
        ("Stoltenberg became NATO Secretary General later than Rutte", 3, [("holding", "cannot-tell")], "'later than'"),
        (
            "Rutte led the Netherlands for a decade and a half",
            3,
            [("duration", "cannot-tell"), ("claim", "not-in-base")],
            "'and a half'",
        ),
        # Words that go on after a number's measure are the sentence's, not the measure's.
        (
            "NATO has 32 members excluding the United States",
            3,
            [("number", "cannot-tell"), ("claim", "not-in-base")],
            "'NATO excluding the United States'",
        ),
        # Another said to do the same, and a record that only names both: not vouched for.
        (
            "Rutte replaced Stoltenberg, as did Wallace",
            1,
            [("succession", "supported"), ("claim", "not-in-base")],
            "'Rutte as did Wallace'",
        ),
        (
            "Stoltenberg led NATO for ten years, as did Wallace",
            3,
            [("duration", "supported"), ("claim", "cannot-tell")],
            "the base names them together, but not this: 'Stoltenberg as did Wallace'",
        ),
        # Two statements each true by the base: their order is not checked.
        (
            "Rutte became NATO chief before he became Dutch Prime Minister",
            3,
            [("holding", "cannot-tell"), ("holding", "cannot-tell")],
            "also says 'before'",
        ),
        # Leaving a body is leaving an office that heads it, never another office of the same person.
        ("Stoltenberg quit Russia on 1 October 2024", 3, [("holding", "cannot-tell")], "no office that heads Russia"),
        ("Rutte should replace Stoltenberg", 3, [("claim", "cannot-tell")], "the base says something close, not this"),
        # A fourth red-team pass: a verb of trying before the holding, a gapped clause, a clause of "when", a name
        # going on past the office, "over", a task told as done, a pronoun after a conjunction, "a year ago", a
        # sentence that only denies, "as was X", "or" between names, an ellipsis.
        ("Rutte failed to become NATO chief.", 3, [("holding", "cannot-tell")], "also says 'failed to'"),
        (
            "Rutte leads NATO, Stoltenberg the Netherlands.",
            3,
            [("holding", "cannot-tell"), ("claim", "cannot-tell")],
            "'Rutte Stoltenberg the Netherlands'",
        ),
        (
            "Trump was US President when Rutte became NATO chief.",
            3,
            [("holding", "cannot-tell"), ("holding", "cannot-tell")],
            "also says 'when'",
        ),
        (
            "Trump was President of the United States Golf Association.",
            1,
            [("holding", "supported"), ("claim", "not-in-base")],
            "'Trump Golf Association'",
        ),
        ("The war in Ukraine was over.", 3, [("claim", "cannot-tell")], "the base says something close, not this"),
        ("Rutte strengthened unity within NATO.", 3, [("claim", "cannot-tell")], "something close, not this"),
        ("But she will need to strengthen unity within NATO.", 3, [("claim", "cannot-tell")], "who 'she' is"),
        ("Rutte became NATO chief a year ago.", 3, [("holding", "cannot-tell")], "also says 'a year ago'"),
        ("Rutte became NATO chief on 1 October 2024. False.", 3, [("holding", "cannot-tell")], "also says 'False.'"),
        (
            "Rutte was Dutch Prime Minister, as was Stoltenberg.",
            3,
            [("holding", "supported"), ("claim", "cannot-tell")],
            "the base names them together, but not this: 'Rutte as was Stoltenberg'",
        ),
        (
            "Rutte or Wallace became NATO chief on 1 October 2024.",
            3,
            [("holding", "cannot-tell"), ("claim", "not-in-base")],
            "also says ' or '",
        ),
        (
            "Rutte was chosen. Wallace was not.",
            3,
            [("claim", "supported"), ("claim", "cannot-tell")],
            "the sentence leaves out what it says of them",
        ),
        # A title before a name in a dated clause is of the days up to it, not of the day asked.
        (
            "NATO chief Stoltenberg was replaced by Rutte on 1 October 2024.",
            0,
            [("holding", "supported"), ("succession", "supported")],
            "(2014~/2024-10-01)",
        ),
        # A question of why states nothing; one of whether asks what it states.
        ("Why did Rutte replace Stoltenberg in the 1990s?", 1, [], None),
        ("Did Rutte replace Stoltenberg?", 3, [("succession", "cannot-tell")], "also says 'Did'"),
    ],
)
def test_what_a_sentence_adds_to_its_statements_keeps_it_from_being_supported(
    text: str, code: int, rows: list[tuple[str, str]], why: str | None
) -> None:
    exit_code, out, _ = verify(text, "--as-of", "2026-01-01", "--format", "json")
    found = json.loads(out) if out else []
    assert (exit_code, [(row["claimed"], row["verdict"]) for row in found]) == (code, rows)
    assert why is None or why in " ".join(row["why"] for row in found)


def test_a_day_counted_on_from_a_weekday_is_not_the_weekday() -> None:
    exit_code, out, _ = verify(
        "Rutte will become NATO Secretary General on Tuesday week", "--as-of", "2024-09-30", "--published", "2024-09-30"
    )
    assert (exit_code, out.split("\t")[1]) == (3, "cannot-tell")
    assert "but the sentence also says 'Tuesday week', which verify could not read with it" in out


@pytest.mark.parametrize(
    ("text", "as_of", "verdict", "why"),
    [
        # A past tense with no date is of the days before the one asked: a term begun after it had not happened.
        (
            "Rutte was NATO Secretary General.",
            "2020-01-01",
            "contradicted",
            "the base has Mark Rutte's term begin 2024-10-01, after 2020-01-01",
        ),
        ("Rutte became NATO Secretary General.", "2024-09-30", "contradicted", "begin 2024-10-01, after 2024-09-30"),
        ("Rutte was NATO Secretary General.", "2026-01-01", "supported", "term as NATO Secretary General"),
        # A term whose start the base does not date may have begun by then.
        ("Rutte was Dutch Prime Minister.", "2020-01-01", "supported", "Prime Minister of the Netherlands"),
    ],
)
def test_an_undated_past_tense_is_of_the_days_before_the_one_asked(
    text: str, as_of: str, verdict: str, why: str
) -> None:
    _, out, _ = verify(text, "--as-of", as_of, "--format", "json")
    [row] = json.loads(out)
    assert row["verdict"] == verdict
    assert why in row["why"]
