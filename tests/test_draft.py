"""newskb draft: dates resolved against the publication day, names known and new, office phrases, the
phrases of a term, the candidates of every fixture article, the TOML they are written as, and the command.

The fixture articles (tests/fixtures/drafts/) are invented; each has the facts a careful curator takes from
it in NAME.gold.toml. Where the drafter is meant to be exact, the tests say exactly what it proposes; the
accuracy against the gold is measured as benchmarks/draft_accuracy.py measures it.
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from benchmarks.draft_accuracy import (
    HELD_OUT,
    SPLITS,
    TUNED,
    articles,
    draft_fixture,
    gold_of,
    known_base,
    measured,
    score,
    seed_comparison,
    split_articles,
    split_of,
    total,
)
from newskb.base import model
from newskb.cli import app
from newskb.common.dates import parse
from newskb.common.kinds import Kind
from newskb.curation import add, audit
from newskb.draft import Article, Draft, Known, draft, reckoning, resolution, to_toml, when
from newskb.draft.countries import countries, named_country, of_capital
from newskb.draft.mentions import Mark
from newskb.draft.names import KnownEntity
from newskb.draft.reading import read
from newskb.draft.sentences import split
from newskb.draft.tense import tense_at
from tests.conftest import REPO

FIXTURES = REPO / "tests" / "fixtures" / "drafts"
runner = CliRunner()


@pytest.fixture(scope="module")
def base() -> Known:
    return known_base()


def drafted(name: str, base: Known) -> Draft:
    return draft_fixture(FIXTURES / f"{name}.txt", base)


def write_up(text: str, published: str, base: Known) -> Draft:
    return draft(Article(id="test-source", published=parse(published), text=text), base)


# --- Dates -----------------------------------------------------------------------------------------


def resolve(sentence: str, published: str) -> list[tuple[str, str | None, str]]:
    """Every point, start or end expression of a sentence: its text, its date and the note."""
    found = []
    for expression in when.find(sentence, 0):
        if expression.first is None:
            continue
        tense = tense_at(sentence, expression.start)
        resolved = resolution.resolve(expression.first, expression.text, parse(published), tense)
        found.append((expression.text, str(resolved.value) if resolved.value else None, resolved.note))
    return found


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "On Tuesday, October 1, Mark Rutte will officially take office.",
            "2024-09-30",
            [
                (
                    "On Tuesday, October 1",
                    "2024-10-01",
                    "'On Tuesday, October 1' is 2024-10-01: October 1 is a Tuesday in 2024, the year nearest "
                    "publication (2024-09-30) in which it is (also in 2013, 2019 and 2030, farther from it)",
                )
            ],
        ),
        (
            "He will take office on Wednesday, October 1.",
            "2024-09-30",
            [
                (
                    "on Wednesday, October 1",
                    "2025-10-01",
                    "'on Wednesday, October 1' is 2025-10-01: October 1 is a Wednesday in 2025, the year nearest "
                    "publication (2024-09-30) in which it is (also in 2014 and 2031, farther from it)",
                )
            ],
        ),
        (
            "She left on Monday.",
            "2024-11-06",
            [
                (
                    "on Monday",
                    "2024-11-04",
                    "'on Monday' is 2024-11-04, the Monday before publication (Wednesday 2024-11-06): the clause "
                    "looks back ('left')",
                )
            ],
        ),
        (
            "She will leave on Monday.",
            "2024-11-06",
            [
                (
                    "on Monday",
                    "2024-11-11",
                    "'on Monday' is 2024-11-11, the Monday after publication (Wednesday 2024-11-06): the clause "
                    "looks ahead ('will')",
                )
            ],
        ),
        (
            "The council meets on Thursday.",
            "2024-07-09",
            [
                (
                    "on Thursday",
                    "2024-07-11",
                    "'on Thursday' is 2024-07-11, the Thursday after publication (Tuesday 2024-07-09): the clause "
                    "has no tense to tell, so the nearest",
                )
            ],
        ),
        (
            "They met yesterday and meet again tomorrow.",
            "2024-03-01",
            [
                ("yesterday", "2024-02-29", "'yesterday' is 2024-02-29, the day before publication (2024-03-01)"),
                ("tomorrow", "2024-03-02", "'tomorrow' is 2024-03-02, the day after publication (2024-03-01)"),
            ],
        ),
        (
            "He became chair in July 2024.",
            "2025-01-01",
            [("in July 2024", "2024-07", "'in July 2024' is 2024-07, the month the text gives")],
        ),
        (
            "She would present it in February.",
            "2025-01-13",
            [
                (
                    "in February",
                    "2025-02",
                    "'in February' is 2025-02: the February on or after publication (2025-01-13), as the clause "
                    "looks ahead ('would')",
                )
            ],
        ),
        ("He has chaired it since 2019.", "2024-06-12", [("since 2019", "2019", "'since 2019' is the year 2019")]),
        (
            "It reopened on 12 March 2019, a Tuesday.",
            "2023-05-20",
            [("on 12 March 2019", "2019-03-12", "'on 12 March 2019' is 2019-03-12")],
        ),
        (
            "It opened on Monday, March 12, 2019.",
            "2023-05-20",
            [
                (
                    "on Monday, March 12, 2019",
                    "2019-03-12",
                    "'on Monday, March 12, 2019' is 2019-03-12; but the text says Monday, and 2019-03-12 is a "
                    "Tuesday: check it",
                )
            ],
        ),
        (
            "The board met last month.",
            "2023-01-20",
            [("last month", "2022-12", "'last month' is 2022-12, counted from publication (2023-01-20)")],
        ),
        (
            "He resigned yesterday.",
            "2024-10",
            [("yesterday", None, "'yesterday': the publication date (2024-10) is not a day to count from")],
        ),
        # "... ago": a day counted back is that day; weeks, months and years back are about a month or a year.
        (
            "She took over two days ago.",
            "2025-03-01",
            [
                (
                    "two days ago",
                    "2025-02-27",
                    "'two days ago' is 2025-02-27, counted back from publication (2025-03-01)",
                )
            ],
        ),
        (
            "She took over three weeks ago.",
            "2025-03-05",
            [
                (
                    "three weeks ago",
                    "2025-02~",
                    "'three weeks ago' is about 2025-02 (2025-02~), counted back from publication (2025-03-05)",
                )
            ],
        ),
        (
            "He left 14 months ago.",
            "2025-01-20",
            [
                (
                    "14 months ago",
                    "2023-11~",
                    "'14 months ago' is about 2023-11 (2023-11~), counted back from publication (2025-01-20)",
                )
            ],
        ),
        (
            "He left a year ago.",
            "2025",
            [("a year ago", "2024~", "'a year ago' is about 2024 (2024~), counted back from publication (2025)")],
        ),
        (
            "He left a month ago.",
            "2025",
            [("a month ago", None, "'a month ago': the publication date (2025) is too coarse to count from")],
        ),
        (
            "He left an hour ago.",
            "2025-03-01",
            [],
        ),
        # "last October" is the October before publication's month, whatever the clause's tense; "next" after it.
        (
            "He will leave by last October.",
            "2025-10-20",
            [("last October", "2024-10", "'last October' is 2024-10, counted from publication (2025-10-20)")],
        ),
        (
            "He left next March.",
            "2025-03-15",
            [("next March", "2026-03", "'next March' is 2026-03, counted from publication (2025-03-15)")],
        ),
        (
            "It ends this May.",
            "2025-07-01",
            [("this May", "2025-05", "'this May' is 2025-05, counted from publication (2025-07-01)")],
        ),
    ],
)
def test_dates_are_resolved_against_publication_at_the_precision_written(
    sentence: str, published: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert resolve(sentence, published) == expected


def test_a_length_of_time_counts_back_from_the_day_it_ends() -> None:
    (length,) = when.find("who led the alliance for the past ten years", 0)
    assert (length.shape, length.length, length.length_unit) == (when.Shape.LENGTH, 10, "year")
    counted = reckoning.count_back(10, "year", length.text, parse("2024-10-01"), "the handover")
    assert str(counted.value) == "2014~"
    assert counted.note == (
        "'for the past ten years' counted back 10 years from 2024-10-01 (the handover) is about 2014 (2014~)"
    )
    (decade,) = when.find("after a decade in office", 0)
    assert (decade.length, decade.length_unit) == (10, "year")
    (past,) = when.find("who led it for the past decade", 0)  # "the past decade": one of them
    assert (past.text, past.length, past.length_unit) == ("for the past decade", 10, "year")


def test_the_end_or_start_of_a_period_is_that_period() -> None:
    assert resolve("She retires at the end of October; he starts at the beginning of next month.", "2025-02-26") == [
        (
            "at the end of October",
            "2025-10",
            "'at the end of October' is 2025-10: the October on or after publication (2025-02-26), as the clause "
            "looks ahead ('retires')",
        ),
        (
            "at the beginning of next month",
            "2025-03",
            "'at the beginning of next month' is 2025-03, counted from publication (2025-02-26)",
        ),
    ]
    (closing, opening) = when.find("at the close of 2023, then at the start of the year", 0)
    assert (closing.first, opening.first) == (when.Written(year=2023, closing=True), when.Written(unit="year"))
    assert [str(reckoning.after_end_of(parse(period))) for period in ("2025-10", "2025-12", "2025")] == [
        "2025-11-01",
        "2026-01-01",
        "2026-01",
    ]


def test_words_that_only_look_like_dates_are_not_dates() -> None:
    assert when.find("They may march on; the 2025 budget; 300 games; 412 votes.", 0) == []


def test_a_day_in_figures_is_read_only_where_its_order_cannot_be_mistaken() -> None:
    sentence = "He took office on 2024-10-01, 01.10.2024, 13/10/2024, 10/13/2024 or 10/01/2024."
    assert resolve(sentence, "2025-01-01") == [
        ("on 2024-10-01", "2024-10-01", "'on 2024-10-01' is 2024-10-01"),
        ("01.10.2024", "2024-10-01", "'01.10.2024' is 2024-10-01"),  # dots: the day first
        ("13/10/2024", "2024-10-13", "'13/10/2024' is 2024-10-13"),
        ("10/13/2024", "2024-10-13", "'10/13/2024' is 2024-10-13"),
    ]  # 10/01/2024 is January 10 or October 1: no date
    assert resolve("from 1.9.2019 until 2020-01-31", "2025-01-01") == [
        ("from 1.9.2019 until 2020-01-31", "2019-09-01", "'from 1.9.2019 until 2020-01-31' is 2019-09-01")
    ]
    assert resolve("on 31.02.2024", "2025-01-01") == [
        ("on 31.02.2024", None, "'on 31.02.2024': February 31, 2024 does not exist")
    ]
    assert when.find("version 1.10.2024.5, the 2011-12 season, 2024-13-01, 32.10.2024", 0) == []


# --- Names and offices ------------------------------------------------------------------------------


def test_known_names_are_found_despite_accents_typos_and_case(base: Known) -> None:
    text = (
        "Jens Stoltenbreg met Márk Rutte in the Netherlands yesterday.\n"
        "Some of us asked the alliance about it; the US did not.\n"
    )
    result = write_up(text, "2024-10-02", base)
    assert [(record_id, kind, forms, typo) for record_id, kind, forms, typo in result.known] == [
        ("jens-stoltenberg", "person", ["Jens Stoltenbreg"], "'Jens Stoltenbreg' is a typo-tolerant match (94)"),
        ("mark-rutte", "person", ["Márk Rutte"], ""),
        ("netherlands", "country", ["the Netherlands"], ""),
        ("united-states", "country", ["US"], ""),
    ]
    assert result.entities == []


def test_known_offices_are_found_however_the_article_words_them(base: Known) -> None:
    text = (
        "Ultimately, Mark Rutte was named Secretary General of NATO on Monday.\n"
        "Jens Stoltenberg, NATO's outgoing secretary general, said so.\n"
        "Former UK Defence Secretary Ben Wallace agreed.\n"
    )
    result = write_up(text, "2024-10-02", base)
    assert [(term.values["holder"], term.values["office"], term.values.get("end")) for term in result.terms] == [
        ("mark-rutte", "nato-secretary-general", ".."),
        ("jens-stoltenberg", "nato-secretary-general", ".."),
        ("ben-wallace", "uk-defence-secretary", "..2024-10-02"),
    ]
    assert result.offices == []


def test_new_names_are_people_or_organizations_by_the_words_around_them(base: Known) -> None:
    result = drafted("rovers-manager", base)
    assert [
        (candidate.kind, candidate.values["id"], candidate.values.get("aliases")) for candidate in result.entities
    ] == [
        (Kind.PERSON, "callum-reade", ["Reade", "Callum"]),
        (Kind.ORGANIZATION, "dunmore-rovers", ["Rovers"]),
        (Kind.PERSON, "sean-hartigan", ["Hartigan"]),
        (Kind.ORGANIZATION, "kilbride-town", None),
        (Kind.ORGANIZATION, "ferris-park", None),
        (Kind.PERSON, "declan-moyle", ["Moyle"]),
    ]
    assert result.entities[1].values["note"] == (
        "New: 'Dunmore Rovers' is not a name or alias in the fact base.\n"
        "Kind: organization, as a word of its name says so.\n"
        "Aliases: the other forms the article uses."
    )
    # Without a word of its name that says so, the words around it do.
    text = "Dunmore Valley have appointed Callum Reade as their manager.\n"
    (club,) = [entity for entity in write_up(text, "2024-11-06", base).entities if entity.kind is Kind.ORGANIZATION]
    assert (
        str(club.values["note"]).splitlines()[1] == "Kind: organization, as 'their' stands for it; it appoints someone."
    )


# --- Every fixture article ---------------------------------------------------------------------------

TERMS = {
    "ellery-mayor": [
        ("gordon-pike", "port-ellery-mayor", "2016~", "2024-07-08", None, "stated"),
        ("nadia-ferrante", "port-ellery-mayor", "2024-07-08", "..", "gordon-pike", "stated"),
        ("nadia-ferrante", "port-ellery-harbour-board-chair", "2023-07", "..", None, "stated"),
        ("nadia-ferrante", "port-ellery-deputy-mayor", "2020", "2023", None, "stated"),
    ],
    "halvorsen-ceo": [
        ("lars-mikkelsen", "halvorsen-freight-chief-executive", "2016~", "2024-04-01", None, "stated"),
        ("priya-anand", "halvorsen-freight-chief-executive", "2024-04-01", "..", "lars-mikkelsen", "announced"),
        ("priya-anand", "brightwater-logistics-chief-financial-officer", None, "..2024-02-29", None, "stated"),
    ],
    "kessel-rectors": [
        ("anton-greve", "university-of-kessel-rector", "2004", "2016", None, "stated"),
        ("marta-lind", "university-of-kessel-rector", "2016-09", "2024-08", "anton-greve", "stated"),
        ("elisabeth-orm", "university-of-kessel-rector", "1993", "2004", None, "stated"),
        ("marta-lind", "kessel-academy-of-sciences-president", None, "..2023-05-20", None, "stated"),
    ],
    "rovers-manager": [
        ("callum-reade", "dunmore-rovers-manager", "2024-11-05", "..", None, "stated"),
        ("sean-hartigan", "dunmore-rovers-manager", "2021-07", "2024-11-04", None, "stated"),
        ("callum-reade", "kilbride-town-assistant-manager", None, "..2024-11-06", None, "stated"),
        ("declan-moyle", "dunmore-rovers-chairman", "..2024-11-06", "..", None, "stated"),
    ],
    "varnia-finance": [
        ("tobias-kessler", "varnia-finance-minister", "2019", "2025-01-15", None, "stated"),
        ("ilona-drask", "varnia-finance-minister", "2025-01-15", "..", "tobias-kessler", "announced"),
        ("ilona-drask", "bank-of-varnia-deputy-governor", None, "..2025-01-13", None, "stated"),
        ("henrik-vale", "varnia-prime-minister", "..2025-01-13", "..", None, "stated"),
    ],
    "whitcombe-obituary": [
        ("agnes-whitcombe", "larch-valley-mining-chief-executive", "1985", "2005", None, "stated"),
        ("raymond-oduya", "larch-valley-mining-chief-executive", "2005", "..", "agnes-whitcombe", "stated"),
    ],
}
EVENTS = {
    "ellery-mayor": [
        ("2024-07-08", "Nadia Ferrante is sworn in as Mayor of Port Ellery"),
        ("2024-06-30", "Nadia Ferrante won the mayoral election by 412 votes"),
        ("2023-07", "Nadia Ferrante becomes Chair of the Port Ellery Harbour Board"),
        ("2024-07-11", "The council meets to elect a new deputy mayor"),
    ],
    "halvorsen-ceo": [
        ("2024-04-01", "Priya Anand becomes Chief Executive of Halvorsen Freight, succeeding Lars Mikkelsen")
    ],
    "kessel-rectors": [
        ("2016-09", "Marta Lind becomes Rector of the University of Kessel"),
        ("2024-08", "Marta Lind steps down as Rector of the University of Kessel"),
        ("2019-03-12", "The observatory reopened as a public museum"),
    ],
    "rovers-manager": [
        ("2024-11-05", "Callum Reade is appointed Manager of Dunmore Rovers"),
        ("2024-11-04", "Sean Hartigan leaves office as Manager of Dunmore Rovers"),
        ("2024-11-09", "Callum Reade will take charge of his first match at Ferris Park"),
    ],
    "varnia-finance": [
        ("2025-01-15", "Ilona Drask takes office as Finance Minister of Varnia, replacing Tobias Kessler"),
        ("2025-01-10", "Tobias Kessler announced his resignation after parliament rejected his draft budget for 2025"),
        ("2021", "Ilona Drask joined the government"),
        ("2025-02", "Ilona Drask would present a revised budget"),
    ],
    "whitcombe-obituary": [
        ("2025-03-02", "Agnes Whitcombe died at her home in Dorrow"),
        ("1985", "Agnes Whitcombe is named Chief Executive of Larch Valley Mining"),
        ("1968", "Agnes Whitcombe joined the company as a geologist and was named chief executive in 1985"),
        ("2005", "Agnes Whitcombe steps down as Chief Executive of Larch Valley Mining"),
        ("2024", "Agnes Whitcombe stepped down in 2005 and was succeeded by her deputy"),
        ("2025-03-12", "A memorial service will be held at St Brendan's Church in Dorrow"),
    ],
}


def test_the_corpus_has_its_articles_each_with_its_gold_and_a_held_out_split() -> None:
    every = articles()
    assert len(every) >= 46
    assert all(gold_of(article)["term"] for article in every)
    held_out = [article.stem for article in every if split_of(article) == HELD_OUT]
    assert len(held_out) >= 10
    # The articles whose drafts are pinned below are tuned ones: a test must not show a held-out result.
    assert set(TERMS) <= {article.stem for article in every if split_of(article) == TUNED}


@pytest.mark.parametrize("name", sorted(TERMS))
def test_each_fixture_drafts_exactly_these_terms_and_events(name: str, base: Known) -> None:
    result = drafted(name, base)
    terms = [
        (
            term.values["holder"],
            term.values["office"],
            term.values.get("start"),
            term.values.get("end"),
            term.values.get("replaces"),
            term.values.get("modality", "stated"),
        )
        for term in result.terms
    ]
    assert terms == TERMS[name]
    assert [(event.values["date"], event.values["title"]) for event in result.events] == EVENTS[name]


@pytest.mark.parametrize("split", SPLITS)
def test_every_split_keeps_the_promises(split: str, base: Known) -> None:
    """Issue 20's promises on every split: every quote verbatim, no date more precise than its text. On the
    fixtures whose gold the reader's own engineer wrote, also no date where the gold has none (a blind set's
    author may leave out a date the text gives about: "after nine years as president", 2016~)."""
    scores = total(split, [score(article, base) for article in split_articles(split)])
    assert scores.verbatim == scores.quotes > 0
    assert scores.too_precise == 0
    if split in (TUNED, HELD_OUT):
        assert scores.invented == 0


def test_benchmarks_draft_md_shows_the_current_measure() -> None:
    written = (REPO / "benchmarks" / "DRAFT.md").read_text(encoding="utf-8")
    # Not an assert: its report would print the whole page; the command to run says what to do.
    if measured() not in written:
        pytest.fail("benchmarks/DRAFT.md is not the output of: python benchmarks/draft_accuracy.py")


def test_the_seed_article_drafts_its_seven_curated_terms(base: Known) -> None:
    assert "Found 7 of 7 curated terms, 7 with exactly the curated start and end" in seed_comparison(base)


def test_an_announced_start_with_its_weekday_check_and_replacement(base: Known) -> None:
    term = drafted("varnia-finance", base).terms[1]
    assert term.values["quote"] == (
        "Ilona Drask will take office as Finance Minister of Varnia on Wednesday, January 15, replacing Tobias Kessler"
    )
    assert term.values["note"] == (
        "Holder: Ilona Drask (new, proposed above).\n"
        "Office: 'Finance Minister of Varnia': Finance Minister of Varnia (new, proposed above).\n"
        "Start: 'on Wednesday, January 15' is 2025-01-15: January 15 is a Wednesday in 2025, the year nearest "
        "publication (2025-01-13) in which it is (also in 2014, 2020 and 2031, farther from it).\n"
        "End: open (..): the article knows of no end.\n"
        "Replaces: 'replacing Tobias Kessler'.\n"
        "Modality: announced ('will take office as')."
    )


# --- The TOML ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TERMS))
def test_the_draft_is_toml_in_the_schema_of_data(name: str, base: Known) -> None:
    text = to_toml(drafted(name, base))
    parsed = tomllib.loads(text)
    assert set(parsed) <= {"person", "organization", "country", "office", "term", "event"}
    ids: list[str] = []
    for table_name, records in parsed.items():
        declared = {key.name for key in model.keys(Kind(table_name))}
        for record in records:
            assert set(record) <= declared
            ids.append(record["id"])
    assert len(ids) == len(set(ids))
    assert not set(ids) & base.taken
    # Every table comes after the sentence it came from.
    for header in re.finditer(r"^\[\[\w+\]\]$", text, flags=re.MULTILINE):
        previous = text[: header.start()].rstrip("\n").rsplit("\n", 1)[-1]
        assert previous.startswith('# "')


def test_the_same_article_drafts_the_same_bytes(base: Known) -> None:
    first = [to_toml(drafted(name, base)) for name in sorted(TERMS)]
    assert [to_toml(drafted(name, base)) for name in sorted(TERMS)] == first


def test_known_entities_are_not_proposed_again_and_new_ids_avoid_the_base(base: Known) -> None:
    text = (REPO / "seeds" / "000_2f614e97bf582ec3.txt").read_text(encoding="utf-8")
    result = draft(Article(id="rbc-ukraine-2024-09-30-rutte", published=parse("2024-09-30"), text=text), base)
    assert (result.entities, result.offices) == ([], [])
    # The seed's own terms are in the base, so the drafted ones get ids of their own.
    assert [term.values["id"] for term in result.terms][:2] == [
        "jens-stoltenberg-nato-secretary-general-2",
        "mark-rutte-nato-secretary-general-2",
    ]


def test_control_characters_are_escaped_in_strings_and_comments() -> None:
    known = Known(entities=(KnownEntity(id="x", kind=Kind.PERSON, name="X"),), taken=frozenset())
    text = "Ana\x1b[31m Petrov was appointed chair of the Tern\u202e Guild on 3 March 2024.\n"
    written = to_toml(draft(Article(id="s", published=parse("2024-03-05"), text=text), known))
    assert "\x1b" not in written and "\u202e" not in written
    parsed = tomllib.loads(written)
    assert parsed["event"][0]["quote"] == text.strip()


def test_the_readme_shows_a_fixture_draft(base: Known) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    shown = re.search(r"<!-- draft example -->\n```toml\n(.*?)```\n", readme, flags=re.DOTALL)
    assert shown is not None
    assert shown[1] == to_toml(drafted("halvorsen-ceo", base))


# --- Accepting it ---------------------------------------------------------------------------------------


def test_every_draft_is_accepted_as_written_and_the_base_then_passes_check(kb: Path, tmp_path: Path) -> None:
    """The drafting loop end to end: new-source, draft --output, accept; each draft lands whole."""
    for article in [article for article in articles() if article.stem in TERMS]:
        source = gold_of(article)["source"]
        assert isinstance(source, dict)
        add.new_source(
            kb,
            article,
            source_id=source["id"],
            title=source["title"],
            publisher="reuters",
            published=source["published"],
        )
        drafted_file = tmp_path / f"{source['id']}.toml"
        result = runner.invoke(app, ["draft", source["id"], "--output", str(drafted_file)])
        assert result.exit_code == 0, result.stderr
        written = sum(len(records) for records in tomllib.loads(drafted_file.read_text(encoding="utf-8")).values())
        accepted = runner.invoke(app, ["accept", str(drafted_file), "--unreviewed"])
        assert accepted.exit_code == 0, accepted.stdout + accepted.stderr
        assert len(accepted.stdout.splitlines()) == written
    report = audit.check_folder(kb)
    assert report.exit_code == 0, [str(problem) for problem in report.problems]
    assert report.summary().endswith(" expectations checked; 86 records an unreviewed draft")


def test_accept_refuses_a_draft_nobody_edited_unless_unreviewed_and_set_clears_the_mark(
    kb: Path, tmp_path: Path
) -> None:
    article = FIXTURES / "halvorsen-ceo.txt"
    source = gold_of(article)["source"]
    assert isinstance(source, dict)
    add.new_source(
        kb, article, source_id=source["id"], title=source["title"], publisher="reuters", published=source["published"]
    )
    drafted_file = tmp_path / "draft.toml"
    assert runner.invoke(app, ["draft", source["id"], "--output", str(drafted_file)]).exit_code == 0
    before = {path: path.read_bytes() for path in sorted(kb.rglob("*")) if path.is_file()}
    refused = runner.invoke(app, ["accept", str(drafted_file)])
    assert (refused.exit_code, refused.stdout) == (1, "")
    assert refused.stderr == (
        f"newskb: error: {drafted_file}: nobody has edited this draft since newskb draft wrote it: review it first, "
        'or accept it as it is with --unreviewed (each of its records is then marked review = "unreviewed draft")\n'
    )
    assert runner.invoke(app, ["accept", str(drafted_file), "--dry-run"]).exit_code == 1
    assert {path: path.read_bytes() for path in sorted(kb.rglob("*")) if path.is_file()} == before
    # An edit anywhere breaks the seal: the draft is then a reviewed one, and lands unmarked.
    edited = tmp_path / "edited.toml"
    edited.write_text(drafted_file.read_text(encoding="utf-8").replace("Shares in the group", "Shares"), "utf-8")
    assert runner.invoke(app, ["accept", str(edited), "--dry-run"]).exit_code == 0
    marked = runner.invoke(app, ["accept", str(drafted_file), "--unreviewed"])
    assert marked.exit_code == 0, marked.stderr
    assert marked.stderr.startswith("newskb: added 10 record(s) as an unreviewed draft to ")
    text = (kb / "sources" / f"{source['id']}.toml").read_text(encoding="utf-8")
    assert text.count('\nreview = "unreviewed draft"\n') == 4  # the terms and the event; the rest are entities
    who = runner.invoke(app, ["who", "Chief Executive of Halvorsen Freight", "--as-of", "2024-04-01"])
    assert who.stdout.split("\t")[:4] == ["Priya Anand", "2024-04-01", "..", "holds (announced, unreviewed draft)"]
    assert audit.check_folder(kb).summary().endswith("; 10 records an unreviewed draft")
    cleared = runner.invoke(app, ["set", "priya-anand-halvorsen-freight-chief-executive", "review="])
    assert cleared.exit_code == 0, cleared.stderr
    assert audit.check_folder(kb).summary().endswith("; 9 records an unreviewed draft")


# --- The command ------------------------------------------------------------------------------------------


def test_draft_prints_the_toml_and_a_summary(kb: Path) -> None:
    result = runner.invoke(app, ["draft", "rbc-ukraine-2024-09-30-rutte"])
    assert result.exit_code == 0
    assert result.stdout.startswith("# Draft of source 'rbc-ukraine-2024-09-30-rutte' (published 2024-09-30)")
    # Drafted again, the source's own terms and event are known, not proposed twice.
    assert result.stderr == (
        "newskb: drafted 0 terms, 0 events, 0 new entities and 0 new offices from 'rbc-ukraine-2024-09-30-rutte' "
        "(8 of its terms and events already in the fact base, not proposed again); 14 sentences left to the "
        "curator\n"
    )
    assert "#   mark-rutte-takes-office (event): " in result.stdout
    # A term the base does not hold yet is proposed.
    assert runner.invoke(app, ["rm", "ben-wallace-uk-defence-secretary"]).exit_code == 0
    again = runner.invoke(app, ["draft", "rbc-ukraine-2024-09-30-rutte"])
    assert again.stderr.startswith("newskb: drafted 1 term, 0 events, 0 new entities and 0 new offices from ")
    assert '\nid = "ben-wallace-uk-defence-secretary"\n' in again.stdout


def test_a_drafted_id_is_none_an_expectation_uses(kb: Path) -> None:
    # Expectations are not in the index; the draft reads their ids so that accept does not meet a clash.
    expectations = kb / "expectations.toml"
    assert runner.invoke(app, ["rm", "ben-wallace-uk-defence-secretary"]).exit_code == 0
    expectations.write_text(
        expectations.read_text(encoding="utf-8")
        + '\n[[expect]]\nid = "ben-wallace-uk-defence-secretary"\n'
        + 'office = "uk-defence-secretary"\ndate = "2024-09-30"\nholder = "ben-wallace"\n',
        encoding="utf-8",
    )
    result = runner.invoke(app, ["draft", "rbc-ukraine-2024-09-30-rutte"])
    assert result.exit_code == 0
    ids = re.findall(r'^id = "(ben-wallace-uk-defence-secretary[-0-9]*)"', result.stdout, flags=re.MULTILINE)
    assert ids == ["ben-wallace-uk-defence-secretary-2"]


def test_expectations_that_are_a_fifo_or_a_link_out_are_not_read(kb: Path, tmp_path: Path) -> None:
    from newskb.draft.known import expectation_ids

    expectations = kb / "expectations.toml"
    assert "rutte-holds-nsg-from-the-handover" in expectation_ids(kb)
    outside = tmp_path / "outside.toml"
    outside.write_text('[[expect]]\nid = "outside"\n', encoding="utf-8")
    expectations.unlink()
    expectations.symlink_to(outside)
    assert expectation_ids(kb) == frozenset()
    expectations.unlink()
    os.mkfifo(expectations)
    assert expectation_ids(kb) == frozenset()  # returns at once: a FIFO is refused, not waited on


def test_an_unknown_source_is_named_with_the_closest(kb: Path) -> None:
    result = runner.invoke(app, ["draft", "rbc-ukraine-2024-09-30-rute"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "newskb: error: unknown source 'rbc-ukraine-2024-09-30-rute' (did you mean 'rbc-ukraine-2024-09-30-rutte'?)\n"
    )


def test_draft_writes_output_refuses_an_existing_file_and_replaces_it_with_force(kb: Path, tmp_path: Path) -> None:
    target = tmp_path / "rutte.draft.toml"
    assert runner.invoke(app, ["draft", "rbc-ukraine-2024-09-30-rutte", "--output", str(target)]).exit_code == 0
    written = target.read_bytes()
    assert written.startswith(b"# Draft of source")
    target.write_text("keep me", encoding="utf-8")
    refused = runner.invoke(app, ["draft", "rbc-ukraine-2024-09-30-rutte", "--output", str(target)])
    assert (refused.exit_code, refused.stdout) == (2, "")
    assert refused.stderr == f"newskb: error: {target}: already exists; nothing written (--force replaces it)\n"
    assert target.read_text(encoding="utf-8") == "keep me"
    forced = runner.invoke(app, ["draft", "rbc-ukraine-2024-09-30-rutte", "--output", str(target), "--force"])
    assert forced.exit_code == 0
    assert target.read_bytes() == written
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")) == []


def test_draft_writes_nothing_into_the_fact_base(kb: Path) -> None:
    before = {path: path.read_bytes() for path in sorted(kb.parent.rglob("*")) if path.is_file()}
    assert runner.invoke(app, ["draft", "rbc-ukraine-2024-09-30-rutte"]).exit_code == 0
    assert {path: path.read_bytes() for path in sorted(kb.parent.rglob("*")) if path.is_file()} == before


def test_a_sentence_too_long_to_be_prose_is_not_searched_for_phrases(base: Known) -> None:
    """A text without stops would make the patterns backtrack for minutes; past 2,000 characters a
    sentence is left to the curator."""
    long = "Ana Petrov was appointed chair of the Tern Guild on 3 March 2024 and said that " * 30
    result = write_up(long + "\nBo Lind was appointed chair of the Tern Guild on 4 March 2024.\n", "2024-03-05", base)
    assert [(term.values["holder"], term.values.get("start")) for term in result.terms] == [("bo-lind", "2024-03-04")]
    assert [number for number, _ in result.uncovered] == [1]


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        # A day that only some years have: only the years that have it are candidates.
        (
            "The board met on February 29.",
            "2024-03-01",
            [
                (
                    "on February 29",
                    "2024-02-29",
                    "'on February 29' is 2024-02-29: the February 29 on or before publication (2024-03-01), "
                    "as the clause looks back ('met')",
                )
            ],
        ),
        # A day no year has is no date at all.
        (
            "The board met on June 31.",
            "2024-07-02",
            [("on June 31", None, "'on June 31': June 31 is not a day of any year near publication")],
        ),
        # Without a publication day there is no year to place a year-less date in.
        (
            "The board met in March.",
            "..2024-09-30",
            [
                (
                    "in March",
                    None,
                    "'in March': the text gives no year, and the publication date (..2024-09-30) "
                    "is not one day to place it by",
                )
            ],
        ),
    ],
)
def test_a_date_that_cannot_be_placed_is_left_out_not_a_crash(
    sentence: str, published: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert resolve(sentence, published) == expected


# --- Countries, names and the organization of a bare title ---------------------------------------------


def _terms(result: Draft) -> list[tuple[str | list[str], str | list[str], str | list[str] | None]]:
    return [(term.values["holder"], term.values["office"], term.values.get("start")) for term in result.terms]


def test_a_capital_names_its_country_and_a_shared_capital_none() -> None:
    assert [getattr(of_capital(city), "code", None) for city in ("Wellington", "WELLINGTON", "Santiago")] == [
        "NZ",
        "NZ",
        "CL",
    ]
    assert [of_capital(city) for city in ("Kingston", "Ont", "")] == [None, None, None]  # Kingston: two entries
    assert [getattr(named_country(name), "code", None) for name in ("Portugal", "Britain", "Dutch", "Ont")] == [
        "PT",
        "GB",
        None,  # an adjective names no country by itself
        None,
    ]
    table = tomllib.loads((Path(when.__file__).parent / "data" / "capitals.toml").read_text("utf-8"))
    assert set(table["capitals"]) <= {country.code for country in countries()}


def test_a_country_is_known_by_its_iso_names_short_forms_and_demonyms(base: Known) -> None:
    text = (
        "Japanese Prime Minister Haruto Sano appointed Kenji Arakawa as finance minister on Thursday.\n"
        "Cho Min-ho was governor of the Bank of Korea from 2014 to 2018, South Korean officials said.\n"
    )
    result = write_up(text, "2025-02-20", base)
    assert [(entity.kind, entity.values["id"], entity.values["name"]) for entity in result.entities] == [
        (Kind.COUNTRY, "japan", "Japan"),
        (Kind.PERSON, "haruto-sano", "Haruto Sano"),
        (Kind.PERSON, "kenji-arakawa", "Kenji Arakawa"),
        (Kind.PERSON, "cho-min-ho", "Cho Min-ho"),
        (Kind.ORGANIZATION, "bank-of-korea", "Bank of Korea"),
    ]
    assert result.entities[0].values["note"] == (
        "New: 'Japan' is not a name or alias in the fact base.\nKind: country, as ISO 3166 lists it.\n"
        "Aliases: the other forms the article uses."
    )
    assert _terms(result)[:1] == [("haruto-sano", "japan-prime-minister", "..2025-02-20")]
    # "Britain" is the fact base's own United Kingdom, by a form the reference table adds.
    assert write_up("British Foreign Secretary Ann Lowe said so.\n", "2025-02-20", base).terms[0].values["office"] == (
        "united-kingdom-foreign-secretary"
    )


def test_honorifics_are_not_names_and_initials_do_not_end_them(base: Known) -> None:
    text = "Professor Sir Malcolm Greaves and Dr. Helen T. Okafor of Larkspur University met on Monday.\n"
    names = [str(entity.values["name"]) for entity in write_up(text, "2024-05-02", base).entities]
    others = [name for name, _ in write_up(text, "2024-05-02", base).others]
    assert {"Malcolm Greaves", "Helen T. Okafor"} <= set(names + others)
    assert not {"Professor Sir Malcolm Greaves", "Dr", "Helen T"} & set(names + others)


def test_a_bare_title_whose_organization_is_unclear_is_left_blank_with_a_note(base: Known) -> None:
    text = (
        "Peru and Bolivia signed a trade pact on Monday.\n"
        "President Ana Ruiz said it would open markets.\n"
        "Acme Mining and Borax Mining welcomed it; chief executive Ben Sola said so.\n"
    )
    result = write_up(text, "2025-03-05", base)
    blank = [office.values for office in result.offices if "org" not in office.values]
    assert [(office["id"], office["name"]) for office in blank] == [
        ("president", "President"),
        ("chief-executive", "Chief Executive"),
    ]
    assert blank[0]["note"] == (
        "New: an office titled 'president'.\n"
        "Org: left blank: 'President' names no country, and the article does not make clear which; name it (and "
        "the office after it) before accepting."
    )


def test_its_title_is_the_sentence_subjects_not_an_organization_inside_the_clause(base: Known) -> None:
    text = (
        "Kelso Mills said on Monday that Ana Roth, who ran rival Dunmore Paper for six years, "
        "would become its chair on May 2.\n"
    )
    assert _terms(write_up(text, "2025-03-04", base))[0] == ("ana-roth", "kelso-mills-chair", "2025-05-02")


def test_an_article_too_long_to_draft_is_refused_with_one_line_and_nothing_written(kb: Path, tmp_path: Path) -> None:
    from newskb.draft.sentences import LONGEST_ARTICLE

    article = tmp_path / "long.txt"
    article.write_text("Ana Petrov was appointed chair of the Tern Guild. " * (LONGEST_ARTICLE // 50 + 1), "utf-8")
    add.new_source(kb, article, source_id="long", title="Long", publisher="reuters", published="2024-03-05")
    target = tmp_path / "long.draft.toml"
    refused = runner.invoke(app, ["draft", "long", "--output", str(target)])
    assert (refused.exit_code, refused.stdout, target.exists()) == (2, "", False)
    assert refused.stderr == (
        f"newskb: error: source 'long': its article is {len(article.read_text('utf-8')):,} characters long, "
        f"more than the {LONGEST_ARTICLE:,} newskb draft reads; nothing drafted\n"
    )


def test_a_resignation_that_stays_until_a_successor_ends_nothing_and_interim_is_a_note(base: Known) -> None:
    text = (
        "Glenholm Council leader Ann Cole resigned on Monday but will remain in office until a successor is chosen.\n"
        "Deputy leader Raj Patel will serve as interim leader of Glenholm Council from March 3.\n"
    )
    result = write_up(text, "2025-02-26", base)
    terms = {(term.values["holder"], term.values["office"]): term.values for term in result.terms}
    cole = terms[("ann-cole", "glenholm-council-leader")]
    assert cole["end"] == ".."
    assert "open (..): 'resigned', but the holder stays ('remain in office until a successor')" in str(cole["note"])
    patel = terms[("raj-patel", "glenholm-council-leader")]
    assert (patel["start"], patel.get("modality")) == ("2025-03-03", "announced")
    assert "Interim: the article calls the holder 'interim'; the office is the same." in str(patel["note"])


def test_no_term_ends_before_it_starts_and_an_event_title_is_a_clause(base: Known) -> None:
    text = (
        "Ivo Brandt became chief executive of Marl Textiles in 2019.\n"
        "Brandt left Marl Textiles in 2015, the company said.\n"
        "On Friday, President Joe Okoro.\n"
    )
    result = write_up(text, "2025-02-26", base)
    (term,) = [term.values for term in result.terms if term.values["holder"] == "ivo-brandt"]
    assert (term["start"], term.get("end")) == ("2019", None)
    assert [event.values["title"] for event in result.events] == ["Ivo Brandt becomes Chief Executive of Marl Textiles"]


# Issue 20's constructions, each in a sentence of its own (none from a fixture article), with the term it
# states: (holder, office, start, end).
CONSTRUCTIONS = [
    # A handover verb in the future, and in the passive.
    ("Mara Kent will take office as mayor of Dunmere on June 2.", [("mara-kent", "dunmere-mayor", "2025-06-02", "..")]),
    # Letters after a name are not part of it ("MP", "KC").
    (
        "The Harlow Party said on Friday that Nina Cole MP has been elected party leader.",
        [("nina-cole", "harlow-party-leader", None, "..")],
    ),
    # A people's adjective, then what kind of organization the name after it is: the name's, not the country's.
    (
        "Ole Berg, chairman of the Danish opposition party Green Path, resigned on Tuesday.",
        [("ole-berg", "green-path-chairman", "..2025-02-25", "2025-02-25")],
    ),
    (
        "The chief executive of Swedish truck maker Norrfors, Eva Lind, resigned on Tuesday.",
        [("eva-lind", "norrfors-chief-executive", "..2025-02-25", "2025-02-25")],
    ),
    # The oath of office; a nickname in quotes is no part of the name.
    (
        'Ada Obi took the oath of office as mayor of Fenwick on Monday, succeeding Harold "Hal" Brennan.',
        [("ada-obi", "fenwick-mayor", "2025-02-24", ".."), ("harold-brennan", "fenwick-mayor", None, "2025-02-24")],
    ),
    # Re-elected: the holding goes on, from the start another phrase gives it.
    (
        "Pia Lund was re-elected president of the Nordic Chess Union on Saturday. Lund, 63, who has led the union "
        "since 2017, thanked the delegates.",
        [("pia-lund", "nordic-chess-union-president", "2017", "..")],
    ),
    # "His predecessor" held the office he held, though he has left it since.
    (
        "Kessel University removed Omar Haddad as president on Monday. His predecessor, Rita Noon, led the "
        "university from 2013 to 2024.",
        [
            ("omar-haddad", "kessel-university-president", "2024", "2025-02-24"),
            ("rita-noon", "kessel-university-president", "2013", "2024"),
        ],
    ),
    # "Led the university": its head, the one head's title the article names for it (not its provost).
    (
        "Kessel University named Ida Moor as provost on Friday. Its chancellor, Omar Haddad, welcomed her. Rita "
        "Noon, who led the university from 2015 to 2023, sent her best wishes.",
        [
            ("ida-moor", "kessel-university-provost", "2025-02-21", ".."),
            ("omar-haddad", "kessel-university-chancellor", "..2025-02-26", ".."),
            ("rita-noon", "kessel-university-chancellor", "2015", "2023"),
        ],
    ),
    # "and" inside a name whose first half ends in no word of an organization; two clubs stay two.
    (
        "The United Rail and Transport Union has elected Sian Rhys as its general secretary.",
        [("sian-rhys", "united-rail-and-transport-union-general-secretary", None, "..")],
    ),
    (
        "Fans of the Ashcombe Rovers and Westfield United clashed as Dan Cole was named manager of Westfield United.",
        [("dan-cole", "westfield-united-manager", None, "..")],
    ),
    # An organiser is a title; a solicitor general is a state's, whatever court the article is about.
    (
        "The Rail Union named Mick Hall as general secretary. Hall, 66, was previously the union's national "
        "organiser for Scotland.",
        [
            ("mick-hall", "rail-union-general-secretary", None, ".."),
            ("mick-hall", "rail-union-national-organiser-for-scotland", None, "..2025-02-26"),
        ],
    ),
    (
        "Belize named Ann Reid to its Supreme Court in 2014. Reid was previously Solicitor General from 2008 to 2014.",
        [("ann-reid", "belize-solicitor-general", "2008", "2014")],
    ),
    # A state body named only by what it is, in an article that names one country, is that country's.
    (
        "Philippine President Ramon Cruz on Monday appointed Ana Villa as an associate justice of the Supreme Court.",
        [
            ("ana-villa", "supreme-court-of-the-philippines-associate-justice", "2025-02-24", ".."),
            ("ramon-cruz", "philippines-president", "..2025-02-24", ".."),
        ],
    ),
    # A university's unit, and the university named after "at" (the article names two).
    (
        "Lakeshore State University named Denise Carrow as provost on Monday. Carrow previously served as dean of "
        "the College of Nursing at Tri-County University from 2015 to 2020.",
        [
            ("denise-carrow", "lakeshore-state-university-provost", "2025-02-24", ".."),
            ("denise-carrow", "tri-county-university-dean-of-the-college-of-nursing", "2015", "2020"),
        ],
    ),
    # "Governed the port city": a qualifier before the noun that stands for the organization.
    (
        "Valparaiso City Council named Eva Ruiz as mayor on Monday. Her predecessor, Luis Vial, who governed the "
        "port city from 2016 to 2024, attended.",
        [("eva-ruiz", "valparaiso-mayor", "2025-02-24", ".."), ("luis-vial", "valparaiso-mayor", "2016", "2024")],
    ),
    # "He joins on March 2": the start of the office he was named to.
    (
        "Harbourside Hospice has appointed Dr. Kofi Mensah as chief executive; he joins on March 2.",
        [("kofi-mensah", "harbourside-hospice-chief-executive", "2025-03-02", "..")],
    ),
    # A start told by what ended the one before, with its day: "since the departure of Y in June".
    (
        "The Water Agency said Ana Holt, who has been its director since the departure of Professor Ruth Oduya in "
        "June, would stay.",
        [("ana-holt", "water-agency-director", "2024-06", "..")],
    ),
    # "Deputy" alone before a name is a member's courtesy title, no part of the name ("Deputy Chief" is a title).
    (
        "The House elected Deputy Ann Bree as Speaker by 96 votes to 61 on Wednesday.",
        [("ann-bree", "house-speaker", "2025-02-26", "..")],
    ),
    # A title after a name at the end of its sentence, as news attributes a quote.
    (
        '"Readers trust us," said Colin Acht, chief executive of Tern Valley Media.',
        [("colin-acht", "tern-valley-media-chief-executive", "..2025-02-26", "..")],
    ),
    # A capitalised field after a title's "of", its organization after "at".
    (
        "Ngozi Ade was Dean of Science at the University of Lagos from 2012 to 2019.",
        [("ngozi-ade", "university-of-lagos-dean-of-science", "2012", "2019")],
    ),
    # "appointed X first deputy governor of Norges Bank": the name before the title is the one appointed, its
    # organization the name after it.
    (
        "The Norwegian government on Friday appointed Kari Haug first deputy governor of Norges Bank.",
        [("kari-haug", "norges-bank-first-deputy-governor", "2025-02-21", "..")],
    ),
    # Lower-case words between "of" and a company's name describe the company; they are no field of the title.
    (
        "Clara Voss took over as chief executive of family-owned Brandt Hydraulik GmbH in October 2023.",
        [("clara-voss", "brandt-hydraulik-gmbh-chief-executive", "2023-10", "..")],
    ),
    # A word in lower case between "of" and a club's name describes the club.
    (
        "Chidi Ok resigned as manager of non-league Harwick Town on Monday.",
        [("chidi-ok", "harwick-town-manager", None, "2025-02-24")],
    ),
    # A handover told in the present with a day is one to come: "She takes over on Monday" (published Wednesday).
    (
        "The Harlow Courier named Ann Lee as editor; she takes over on Monday.",
        [("ann-lee", "harlow-courier-editor", "2025-03-03", "..")],
    ),
    # An ampersand joins the parts of one name.
    (
        "Harrow & Lyle Bank named Charlotte Beaumont chief risk officer, effective Nov. 2.",
        [("charlotte-beaumont", "harrow-lyle-bank-chief-risk-officer", "2025-11-02", "..")],
    ),
    # A legal form in lower case is part of the company's name.
    (
        "Corran Energy plc has named Fiona Strachan as chair.",
        [("fiona-strachan", "corran-energy-plc-chair", None, "..")],
    ),
    # A verb that says the title, in a relative clause that runs on to the organization.
    (
        "Alan Hale KC, who has chaired the Marlow Bar Council since 2019, will stay on.",
        [("alan-hale", "marlow-bar-council-chair", "2019", "..")],
    ),
    (
        "Olav Berg was succeeded as chair of Fenwick Mining by Ida Holm in 2019.",
        [("olav-berg", "fenwick-mining-chair", None, "2019"), ("ida-holm", "fenwick-mining-chair", "2019", "..")],
    ),
    # An appositive that dates the office.
    (
        "Ana Ruiz, prime minister of Peru since April 2024, said the talks would go on.",
        [("ana-ruiz", "peru-prime-minister", "2024-04", "..")],
    ),
    # An age between the subject and its verb.
    (
        "Kim Lee, 53, succeeded Bo Park as chief executive of Arlo Foods in March 2023.",
        [
            ("bo-park", "arlo-foods-chief-executive", None, "2023-03"),
            ("kim-lee", "arlo-foods-chief-executive", "2023-03", ".."),
        ],
    ),
    # A person with a title appoints.
    (
        "Peruvian President Ana Ruiz appointed Luis Soto as finance minister on Monday.",
        [
            ("ana-ruiz", "peru-president", "..2025-02-24", ".."),
            ("luis-soto", "peru-finance-minister", "2025-02-24", ".."),
        ],
    ),
    # Coordinated offices, and a range apart from its verb.
    (
        "Jon Arne served as finance minister and deputy prime minister of Norway under Ole Dahl from 2015 to 2019.",
        [
            ("jon-arne", "norway-finance-minister", "2015", "2019"),
            ("jon-arne", "norway-deputy-prime-minister", "2015", "2019"),
        ],
    ),
    # A range whose end leaves out its year.
    (
        "Eva Lind served as chief executive of Varde Bank from 2011 until September.",
        [("eva-lind", "varde-bank-chief-executive", "2011", "2024-09")],
    ),
    # A possessive title in an appositive, and a resignation.
    (
        "Fenwick Mining's chief financial officer, Ida Holm, resigned on Monday.",
        [("ida-holm", "fenwick-mining-chief-financial-officer", "..2025-02-24", "2025-02-24")],
    ),
    # The README's worked example of a new phrase ("How to add a phrase").
    (
        "Lena Vos assumed the post of governor of Norrland Bank on Monday.",
        [("lena-vos", "norrland-bank-governor", "2025-02-24", "..")],
    ),
    # Whoever appoints (a body in lower case, with a date before its verb), and a person's country before
    # the name, which is not the office's organization.
    (
        "The Tarn Rowing Federation's congress on Sunday elected Peru's Ana Ruiz as its president.",
        [("ana-ruiz", "tarn-rowing-federation-president", "2025-02-23", "..")],
    ),
    # Appointed without "as" to two offices; the one replaced held the first.
    (
        "Peru's government named Kim Lee finance minister and deputy prime minister, replacing Bo Park.",
        [
            ("kim-lee", "peru-finance-minister", None, ".."),
            ("kim-lee", "peru-deputy-prime-minister", None, ".."),
            ("bo-park", "peru-finance-minister", None, None),
        ],
    ),
    # The title the appointed held, before the name; the new one after it.
    (
        "Lawmakers on Tuesday elected former finance minister Ida Holm as speaker of the Varde Parliament.",
        [
            ("ida-holm", "varde-parliament-speaker", "2025-02-25", ".."),
            ("ida-holm", "finance-minister", None, "..2025-02-26"),
        ],
    ),
    # A hyphenated family name alone, and a possessive in -s'.
    (
        "Ida Vang-Moe was named head coach of Arlo Rovers in 2019.\n"
        "Vang-Moe, 41, has been the Netherlands' ambassador to Peru since 2020.",
        [
            ("ida-vang-moe", "arlo-rovers-head-coach", "2019", ".."),
            ("ida-vang-moe", "netherlands-ambassador-to-peru", "2020", ".."),
        ],
    ),
    # The day an appointment takes effect, which its verb's tense does not tell: the nearest.
    (
        "Tarn Water said it had appointed Ida Holm as its chief executive from April 2.",
        [("ida-holm", "tarn-water-chief-executive", "2025-04-02", "..")],
    ),
    # An end "with immediate effect" before its day, after "had".
    (
        "Arlo Foods said its chief executive, Ida Holm, had resigned with immediate effect on Tuesday.",
        [("ida-holm", "arlo-foods-chief-executive", "..2025-02-25", "2025-02-25")],
    ),
    # Removed, with the title before the name.
    (
        "Tarn Rovers sacked manager Per Dahl on Sunday.",
        [("per-dahl", "tarn-rovers-manager", "..2025-02-23", "2025-02-23")],
    ),
    # A handover ahead: "will take over from".
    (
        "Ida Holm will take over from Per Dahl as chair of Tarn Water on Jan. 1.",
        [("per-dahl", "tarn-water-chair", None, "2026-01-01"), ("ida-holm", "tarn-water-chair", "2026-01-01", "..")],
    ),
    # A start whose office is named elsewhere: "was first elected in".
    (
        "Ida Holm, mayor of Dunmere, resigned on Monday.\nHolm was first elected in November 2017.",
        [("ida-holm", "dunmere-mayor", "2017-11", "2025-02-24")],
    ),
    # A start in a relative clause, and a start ahead in one: "who is stepping down to become".
    (
        "Per Dahl, who was named chair of Tarn Water last month, said so.",
        [("per-dahl", "tarn-water-chair", "2025-01", "..")],
    ),
    (
        "Per Dahl, who is stepping down to become chairman of Arlo Foods, said so.",
        [("per-dahl", "arlo-foods-chairman", None, "..")],
    ),
    # A start told as a noun: "X's appointment as".
    (
        "Ida Holm's appointment as chair of Tarn Water takes effect on March 3.",
        [("ida-holm", "tarn-water-chair", "2025-03-03", "..")],
    ),
    # Held since something the reader cannot date: held, from no known day.
    (
        "Per Dahl, who has served as interim chief executive of Arlo Foods since Ida Holm's departure, will stay.",
        [("per-dahl", "arlo-foods-chief-executive", "..2025-02-26", None)],
    ),
    # A description before "who", and "led the agency" for the office named before.
    (
        "Tarn Water Agency named Ida Holm as its director.\n"
        "Holm, a Peruvian economist who has led the agency since April 2019, resigned on Monday.",
        [("ida-holm", "tarn-water-agency-director", "2019-04", "2025-02-24")],
    ),
    # An age before "a former", and "previously" before "was" and its dates after a comma.
    (
        "Ida Holm, 52, a former Peruvian justice minister, said so.",
        [("ida-holm", "peru-justice-minister", None, "..2025-02-26")],
    ),
    (
        "Ida Holm was previously chief economist of Arlo Foods, from 2014 to 2018.",
        [("ida-holm", "arlo-foods-chief-economist", "2014", "2018")],
    ),
    # A second verb of the same subject: "and previously served as".
    (
        "Ida Holm had been chair of Arlo Foods since 2020 and previously served as mayor of Dunmere.",
        [("ida-holm", "arlo-foods-chair", "2020", ".."), ("ida-holm", "dunmere-mayor", None, "..2025-02-26")],
    ),
    # "and as the": the dates are the second office's only.
    (
        "Ida Holm previously served as mayor of Dunmere and as the Tarn Party's general secretary from 2020 to 2023.",
        [
            ("ida-holm", "dunmere-mayor", None, "..2025-02-26"),
            ("ida-holm", "tarn-party-general-secretary", "2020", "2023"),
        ],
    ),
    # "succeeding" after a start that names no office: the office the holder was appointed to.
    (
        "Tarn Bank appointed Ida Holm as governor.\nHolm will take office on Nov. 1, succeeding Per Dahl.",
        [
            ("per-dahl", "tarn-bank-governor", None, "2025-11-01"),
            ("ida-holm", "tarn-bank-governor", "2025-11-01", ".."),
        ],
    ),
    # Re-elected: the term goes on from its first start.
    (
        "Lawmakers re-elected Ida Holm as speaker of the Tarn Assembly on Monday.\n"
        "Holm has led the assembly since January 2023.",
        [("ida-holm", "tarn-assembly-speaker", "2023-01", "..")],
    ),
    # The one replacing takes the office of the one replaced, not one held before ("a former head").
    (
        "Tarn Water's chief executive, Per Dahl, was replaced by his deputy, Ida Holm, on Monday.\n"
        "Holm, 46, a former head of the Tarn Institute, was sworn in hours later.",
        [
            ("per-dahl", "tarn-water-chief-executive", "..2025-02-24", "2025-02-24"),
            ("ida-holm", "tarn-water-chief-executive", "2025-02-24", ".."),
            ("ida-holm", "tarn-institute-head", None, "..2025-02-26"),
        ],
    ),
    # "him" after a verb of succeeding: the person named before it, not the subject.
    (
        "Ida Holm served as finance minister under Chancellor Per Dahl from 2011 to 2015, before succeeding him "
        "as chancellor of Tarnia in March 2015.",
        [
            ("per-dahl", "tarnia-chancellor", None, "2015-03"),
            ("ida-holm", "tarnia-chancellor", "2015-03", ".."),
            ("ida-holm", "tarnia-finance-minister", "2011", "2015"),
        ],
    ),
    # Named to succeed someone told of before (the day ahead of the naming), not in the title she has.
    (
        "Per Dahl, president of Tarn College since 2011, will retire on June 30.\n"
        "The board named Ida Holm, the college's provost, to succeed him on July 1.",
        [
            ("per-dahl", "tarn-college-president", "2011", "2025-06-30"),
            ("ida-holm", "tarn-college-president", "2025-07-01", ".."),
            ("ida-holm", "tarn-college-provost", "..2025-02-26", ".."),
        ],
    ),
    # "The 44-year-old": the person named before.
    (
        "Arlo Rovers named Ida Holm as head coach on Monday.\n"
        "The 44-year-old replaces Per Dahl, who was sacked on Sunday.",
        [
            ("per-dahl", "arlo-rovers-head-coach", None, "2025-02-23"),
            ("ida-holm", "arlo-rovers-head-coach", "2025-02-24", ".."),
        ],
    ),
    # A passive after another verb of the subject; the one replacing starts the day the one replaced left.
    (
        "Per Dahl became chancellor of Tarnia in 2015.\n"
        "He resigned in 2019 after his coalition collapsed and was succeeded as chancellor by Ida Holm.",
        [("per-dahl", "tarnia-chancellor", "2015", "2019"), ("ida-holm", "tarnia-chancellor", "2019", "..")],
    ),
    # "chaired" is the chairman the article names; "the Group" is the group named before.
    (
        "Orsova Group said its chairman, Ruth Abney, would retire.\nAbney has chaired the Group since 2012.",
        [("ruth-abney", "orsova-group-chairman", "2012", "..")],
    ),
    # A relative clause's tense ends at its comma: "who took office in May, will face a vote".
    (
        "Tarn Council leader Ida Holm, who took office in May, will face a vote on March 21.",
        [("ida-holm", "tarn-council-leader", "2024-05", "..")],
    ),
    # Two verbs of one subject, each with its office and dates.
    (
        "Ida Holm, 49, was Peru's ambassador to Chile from 2018 to 2022 and has been the Tarn Bank's chief "
        "economist since 2023.",
        [
            ("ida-holm", "peru-ambassador-to-chile", "2018", "2022"),
            ("ida-holm", "tarn-bank-chief-economist", "2023", ".."),
        ],
    ),
    # A country's possessive after "named" is the title's, not the one named.
    (
        "Per Dahl, who was named France's ambassador to Peru last month, said so.",
        [("per-dahl", "france-ambassador-to-peru", "2025-01", "..")],
    ),
    # A headline's "name X head coach"; a club's short name for its full one, with its trade before it.
    (
        "Harlow County name Holm captain\n"
        "Harlow County Cricket Club on Thursday named Ida Holm as captain.\n"
        "Director of cricket Per Dahl said so.",
        [
            ("ida-holm", "harlow-county-cricket-club-captain", "2025-02-20", ".."),
            ("per-dahl", "harlow-county-cricket-club-director-of-cricket", "..2025-02-26", ".."),
        ],
    ),
    # The club's manager it sacked; "took charge in", with "succeeding"; a "Premier Division" holds no one.
    (
        "Arlo Athletic have sacked manager Per Dahl after relegation from the Premier Division.\n"
        "Dahl took charge in November 2022, succeeding Ida Holm.",
        [
            ("ida-holm", "arlo-athletic-manager", None, "2022-11"),
            ("per-dahl", "arlo-athletic-manager", "2022-11", "..2025-02-26"),
        ],
    ),
    # An ordinal between the organization's possessive and the title; a length "as president" in a relative
    # clause, counted back from the day the successor takes over.
    (
        "Tarn University's board has named Provost Ida Holm as the university's 14th president, effective Jan. 1.\n"
        "She succeeds Per Dahl, who announced his retirement in March after nine years as president.",
        [
            ("per-dahl", "tarn-university-president", "2017~", "2026-01-01"),
            ("ida-holm", "tarn-university-president", "2026-01-01", ".."),
            ("ida-holm", "tarn-university-provost", "..2025-02-26", ".."),
        ],
    ),
    # "X of Japan" says whose X is, not whose the office is.
    (
        "The Tarn Rowing Union re-elected Ida Holm as its president on Saturday.\n"
        "The congress also elected Kenji Sato of Japan as vice president, replacing Per Dahl.",
        [
            ("ida-holm", "tarn-rowing-union-president", None, ".."),
            ("per-dahl", "tarn-rowing-union-vice-president", None, None),
            ("kenji-sato", "tarn-rowing-union-vice-president", None, ".."),
        ],
    ),
    # "X Police" is the police of the city X, whose mayor the article names; "became chief in 2017".
    (
        "Tarnford Police Chief Per Dahl retired on Friday, Mayor Ida Holm said.\nDahl became chief in 2017.",
        [
            ("ida-holm", "tarnford-mayor", "..2025-02-21", ".."),
            ("per-dahl", "tarnford-police-chief", "2017", "2025-02-21"),
        ],
    ),
    # A name before "Prime Minister" is a country.
    (
        "Eastmoor names foreign minister\nEastmoor Prime Minister Ida Holm on Thursday named Per Dahl as foreign "
        "minister.",
        [
            ("ida-holm", "eastmoor-prime-minister", "..2025-02-20", ".."),
            ("per-dahl", "eastmoor-foreign-minister", "2025-02-20", ".."),
        ],
    ),
    # Leaving one office to become another: the end is the first's.
    (
        "Ida Holm, director of the Tarn Museum since 2015, will leave in September to become director of the "
        "Morton Gallery.",
        [("ida-holm", "morton-gallery-director", None, ".."), ("ida-holm", "tarn-museum-director", "2015", "2025-09")],
    ),
    # ... and one who leaves to become something is not succeeded in it.
    (
        "Ida Holm, who joined Tarn Water in 2016, succeeds Per Dahl, who is leaving to become chairman of Arlo Foods.",
        [("per-dahl", "arlo-foods-chairman", None, "..")],
    ),
    # "join X as": the office of X.
    (
        "Per Dahl will join the Treasury as permanent secretary in October.",
        [("per-dahl", "treasury-permanent-secretary", "2025-10", "..")],
    ),
    # A one-word company opening the sentence that owns the title it names ("its").
    (
        "Starbucks named Brian Niccol as its chief executive on Tuesday.\n"
        "Niccol previously served as chief executive of Chipotle.",
        [
            ("brian-niccol", "starbucks-chief-executive", "2025-02-25", ".."),
            ("brian-niccol", "chipotle-chief-executive", None, "..2025-02-26"),
        ],
    ),
    # An "its" whose owner the sentence does not name is not the one a later sentence names.
    (
        "starbucks named Brian Niccol as its chief executive on Tuesday.\n"
        "Niccol previously served as chief executive of Chipotle.",
        [
            ("brian-niccol", "chief-executive", "2025-02-25", ".."),
            ("brian-niccol", "chipotle-chief-executive", None, "..2025-02-26"),
        ],
    ),
    # A capitalised field in a title; a borough's president.
    (
        "Britain's chief Brexit negotiator, David Frost, resigned on Saturday.",
        [("david-frost", "united-kingdom-chief-brexit-negotiator", "..2025-02-22", "2025-02-22")],
    ),
    (
        "Eric Adams, 61, a former police captain, served as Brooklyn borough president from 2014 to 2021.",
        [("eric-adams", "captain", None, "..2025-02-26"), ("eric-adams", "brooklyn-borough-president", "2014", "2021")],
    ),
    # A title someone held before at another company does not say whose a bare one is.
    (
        "Dunmore Water names chair\n"
        "Dunmore Water said Helen Marsh would become its chair.\n"
        "Marsh is a former chief executive of Northern Rail.\n"
        '"She brings experience," said chief executive Raj Patel.',
        [
            ("helen-marsh", "dunmore-water-chair", None, ".."),
            ("helen-marsh", "northern-rail-chief-executive", None, "..2025-02-26"),
            ("raj-patel", "dunmore-water-chief-executive", "..2025-02-26", ".."),
        ],
    ),
    # "who was appointed in June 2023": the start of the office named before.
    (
        "Kallon Rovers manager Ben Ashby resigned on Saturday.\nAshby, who was appointed in June 2023, won 14 matches.",
        [("ben-ashby", "kallon-rovers-manager", "2023-06", "2025-02-22")],
    ),
    # ... but people in the plural are no organization ("Officials said its ...").
    (
        "Officials said its chief executive, Ana Roth, had resigned.\nOfficials named no successor.",
        [("ana-roth", "chief-executive", "..2025-02-26", "..2025-02-26")],
    ),
    # Two appointed in one sentence, each to an office.
    (
        "Orlen Steel on Friday appointed Maria Costa as chairwoman and Peter Wahl as chief executive.",
        [
            ("maria-costa", "orlen-steel-chairwoman", "2025-02-21", ".."),
            ("peter-wahl", "orlen-steel-chief-executive", "2025-02-21", ".."),
        ],
    ),
    # A president-elect's swearing-in is no start of the office of president-elect.
    (
        "President-elect Rosa Amador named Luis Ferro as her chief of staff on Wednesday.\n"
        "Amador will be sworn in on Jan. 20.",
        [
            ("rosa-amador", "president-elect", "..2025-02-26", ".."),
            ("luis-ferro", "chief-of-staff", "2025-02-26", ".."),
        ],
    ),
    # A possessive inside an institution's name; "currently" before an appositive title; a courtesy title
    # before the name after a title; "having previously served as".
    (
        "Ida Holm, currently provost of King Edward's College London, will become rector of Tarn University.\n"
        "Tarn University's chancellor, Lady Ann Cole, chaired the panel.\n"
        "Per Dahl was appointed rector in 2013, having previously served as dean of medicine at Arlo University.",
        [
            ("ida-holm", "king-edward-s-college-london-provost", "..2025-02-26", ".."),
            ("ida-holm", "tarn-university-rector", None, ".."),
            ("ann-cole", "tarn-university-chancellor", "..2025-02-26", None),
            ("per-dahl", "tarn-university-rector", "2013", ".."),
            ("per-dahl", "arlo-university-dean-of-medicine", None, "..2025-02-26"),
        ],
    ),
    # "its" after a semicolon is no subject's; a title another holds in the sentence is not the one run.
    (
        "Tarn Bank agreed to buy Holt Insurance.\n"
        "Holt's chief executive, Mia Rossi, will join the bank's board.\n"
        "Rossi has run Holt since 2019; its chairman, Ben Ward, will retire.",
        [
            ("mia-rossi", "holt-insurance-chief-executive", "2019", ".."),
            ("ben-ward", "holt-insurance-chairman", None, None),
        ],
    ),
    # "The club" is the one whose name is a club's.
    (
        "Ashby Town Council approved a stadium for Ashby Rovers.\nThe club's manager, Sam Ojo, was appointed in 2022.",
        [("sam-ojo", "ashby-rovers-manager", "2022", "..")],
    ),
    # "as her successor": in the office she leaves, not the one she remains in.
    (
        "Arlo Foods chief executive Nina Park said she would step down in June.\n"
        "Park will remain chairwoman of the board.\n"
        "The company named its chief operating officer, Sam Ito, as her successor.",
        [
            ("nina-park", "arlo-foods-chief-executive", "..2025-02-26", "2025-06"),
            ("sam-ito", "arlo-foods-chief-operating-officer", "..2025-02-26", ".."),
            ("sam-ito", "arlo-foods-chief-executive", None, None),
        ],
    ),
    # "who was premier of X from ... to ...": a relative clause's dates.
    (
        "Otto Brandt, who was premier of Kessland from 1976 to 1984, has died.",
        [("otto-brandt", "kessland-premier", "1976", "1984")],
    ),
    # "The 58-year-old Peruvian replaces Australia's Karen Doyle".
    (
        "Ida Holm was elected president of the Tarn Council on Sunday.\n"
        "The 58-year-old Peruvian replaces Australia's Karen Doyle, who had been president since 2015.",
        [
            ("karen-doyle", "tarn-council-president", "2015", "2025-02-23"),
            ("ida-holm", "tarn-council-president", "2025-02-23", ".."),
        ],
    ),
    # "for" inside a body's name.
    (
        "The Department for Transport has appointed Grace Holt as its permanent secretary.",
        [("grace-holt", "department-for-transport-permanent-secretary", None, "..")],
    ),
    # A headline's "central bank chief" describes the governor; it is no office "chief".
    (
        "Senate confirms Reyes as central bank chief\n"
        "The Senate on Tuesday confirmed Carla Reyes as governor of the Central Bank of Marivia.",
        [("carla-reyes", "central-bank-of-marivia-governor", "2025-02-25", "..")],
    ),
    # A club's short name, and "who coached the club from ... to ...".
    (
        "Veteran coach returns to Ferris Park\n"
        "Ferris Park Rangers have brought back Tony Marsh, who coached the club from 2008 to 2014, as head coach.",
        [("tony-marsh", "ferris-park-rangers-coach", "2008", "2014")],
    ),
    # A headline read apart from the lead: its present tense dates nothing.
    (
        "Dunmere elects Mara Kent mayor\nMara Kent was elected mayor of Dunmere on Sunday.",
        [("mara-kent", "dunmere-mayor", "2025-02-23", "..")],
    ),
    # --- Second blind corpus, by construction (sentences of our own) ---
    # A compound title ("Lord Mayor"), and the day apart from its verb.
    (
        "Gwen Alba was elected Lord Mayor of Dunmere at the council's annual meeting on Monday night.",
        [("gwen-alba", "dunmere-lord-mayor", "2025-02-24", "..")],
    ),
    # A governing body is not the organization; a date opening the sentence dates its verb.
    (
        "On Feb. 24, 2025, the Board of Directors of Tallis Robotics Inc. appointed Omar Reyes as chief financial "
        "officer.",
        [("omar-reyes", "tallis-robotics-inc-chief-financial-officer", "2025-02-24", "..")],
    ),
    # "has served as ... since", "Chief Accounting Officer", a legal form after a comma.
    (
        "Nell Ward, 52, has served as Corporate Controller of Tallis Robotics since June 2021 and previously served "
        "as Chief Accounting Officer of Brook Foods, Inc. from 2015 to 2021.",
        [
            ("nell-ward", "brook-foods-inc-chief-accounting-officer", "2015", "2021"),
            ("nell-ward", "tallis-robotics-corporate-controller", "2021-06", ".."),
        ],
    ),
    # "her decision to resign as".
    (
        "Ida Crane told the board of Tallis Robotics of her decision to resign as chief executive, effective March 31.",
        [("ida-crane", "tallis-robotics-chief-executive", None, "2025-03-31")],
    ),
    # "The" before a two-word name: a team, not a person.
    (
        "The Harbour Hawks fired head coach Dan Reilly on Monday.",
        [("dan-reilly", "harbour-hawks-head-coach", "..2025-02-24", "2025-02-24")],
    ),
    # An age before "who", and "to replace".
    (
        "The Kestrel Lions fired head coach Lena Marsh on Monday.\n"
        "Marsh, 49, who was hired in June 2020 to replace the retiring Tom Pike, won one title.",
        [
            ("lena-marsh", "kestrel-lions-head-coach", "2020-06", "2025-02-24"),
            ("tom-pike", "kestrel-lions-head-coach", None, "2020-06"),
        ],
    ),
    # "approved the appointment of X as", a length before "from".
    (
        "Varden Chemicals said its board had approved the appointment of Asha Rao as managing director for three "
        "years from April 1.",
        [("asha-rao", "varden-chemicals-managing-director", "2025-04-01", "..")],
    ),
    # "voted to remove X as".
    (
        "The Senate voted to remove Paulo Lima as Senate president on Monday.",
        [("paulo-lima", "senate-president", None, "2025-02-24")],
    ),
    # An ordinal in words before the office.
    (
        "The University Council has appointed Professor Mira Holt as the ninth Vice-Chancellor of Kelso University.",
        [("mira-holt", "kelso-university-vice-chancellor", None, "..")],
    ),
    # "will act as".
    (
        "Deputy Vice-Chancellor Tom Rees will act as Vice-Chancellor of Kelso University in March.",
        [
            ("tom-rees", "kelso-university-deputy-vice-chancellor", "..2025-02-26", ".."),
            ("tom-rees", "kelso-university-vice-chancellor", "2025-03", ".."),
        ],
    ),
    # "before being elected", "a post she held until".
    (
        "Edna Lowe served on the parish board before being elected mayor of Brill in May 1990, a post she held until "
        "1998.",
        [("edna-lowe", "brill-mayor", "1990-05", "1998")],
    ),
    # A "she" is the "she" before it, not the person that sentence names last.
    (
        "Ruth Hale was mayor of Brill from 1998 to 2004.\nShe was succeeded by Carl Moss.\n"
        "She was chair of the Brill Water Board from 2005 to 2010.",
        [
            ("carl-moss", "brill-mayor", None, ".."),
            ("ruth-hale", "brill-mayor", "1998", "2004"),
            ("ruth-hale", "brill-water-board-chair", "2005", "2010"),
        ],
    ),
    # A region's adjective before a state's title names the region.
    (
        "Bavarian Premier Jill Fox quits\nBavarian Premier Jill Fox resigned on Monday.",
        [("jill-fox", "bavaria-premier", "..2025-02-26", "2025-02-24")],
    ),
    # A future passive with its day before "by", a person's country after the name.
    (
        "The Tarn Basin Authority's director-general, Ivo Marek of Slovakia, will be replaced on Jan. 1 by Czech "
        "engineer Jana Horak, the authority said.",
        [
            ("ivo-marek", "tarn-basin-authority-director-general", "..2025-02-26", "2026-01-01"),
            ("jana-horak", "tarn-basin-authority-director-general", "2026-01-01", ".."),
        ],
    ),
    # A title "of" a country's possessive and a party described between.
    (
        "Lena Ostrova, leader of Latvia's opposition Green Union, said on Monday she would resign.",
        [("lena-ostrova", "green-union-leader", "..2025-02-26", "..")],
    ),
    # Initials in brackets are the name before them; "when her term ends"; a person described by her trade
    # ("The Chilean hydrologist has run the Oslo-based alliance since ...").
    (
        "Dr. Ana Ruiz will step down as chief executive of the Northern Alliance for Clean Water (NACW) when her "
        "term ends in June 2026.\nThe Chilean hydrologist has run the Oslo-based alliance since July 2019.\n"
        "NACW's deputy chief executive, Tom Berg, is seen as a favourite.",
        [
            ("ana-ruiz", "northern-alliance-for-clean-water-chief-executive", "2019-07", "2026-06"),
            ("tom-berg", "northern-alliance-for-clean-water-deputy-chief-executive", "..2025-02-26", None),
        ],
    ),
    # A nomination starts nothing yet; "the death of Governor X in January" ends X's term.
    (
        "President Ana Vieira on Tuesday nominated economist Rui Costa as governor of the Bank of Lusitania, a post "
        "left vacant by the death of Governor Jorge Lima in January.",
        [
            ("ana-vieira", "president", "..2025-02-25", ".."),
            ("jorge-lima", "bank-of-lusitania-governor", None, "2025-01"),
            ("rui-costa", "bank-of-lusitania-governor", None, ".."),
        ],
    ),
    # "has led the bank since ... and was previously its deputy governor": not the deputy governor's start.
    (
        "Ines Moura, 58, has led the Bank of Lusitania since May 2019 and was previously its deputy governor.",
        [("ines-moura", "bank-of-lusitania-deputy-governor", None, "..2025-02-26")],
    ),
    # --- Third blind corpus, by construction (sentences of our own) ---
    # A dateline with a plain hyphen; an organization that appoints a title in lower case, past an appositive.
    (
        "Tregarth Mustard picks an outsider\nBODMIN - Tregarth Mustard, the family-owned mill near Bodmin, has "
        "appointed a managing director from outside the family.\nLaura Quick will take over as managing director "
        "on March 2, the company said on Tuesday.",
        [("laura-quick", "tregarth-mustard-managing-director", "2025-03-02", "..")],
    ),
    # A field in capitals after "for", or after "of" behind an organization's possessive.
    (
        "The Prime Minister has appointed Ola Berg as Deputy Governor for Monetary Policy of the Central Bank of "
        "Lusitania, beginning on 1 March 2025.\nMr Berg has served as the Bank's Director of Market Operations "
        "since 2020.",
        [
            ("ola-berg", "central-bank-of-lusitania-deputy-governor-for-monetary-policy", "2025-03-01", ".."),
            ("ola-berg", "central-bank-of-lusitania-director-of-market-operations", "2020", ".."),
        ],
    ),
    # Initials that open a longer name ("US Brassac", a club) are not the known country they also stand for.
    (
        "Rene Colin will step down as head coach of US Brassac at the end of the season.\n"
        "Colin, 58, has coached Brassac since 2019.",
        [("rene-colin", "us-brassac-head-coach", "2019", "..")],
    ),
    # A headline's kicker names no one; "Members of" opens no name; "and" inside a union's name, and its
    # plural possessive ("Workers' Union").
    (
        "Hockey: Brassac names Colin coach\nMembers of the Harbour and Transport Workers' Union have elected Ana "
        "Pita as national secretary on Monday.",
        [("ana-pita", "harbour-and-transport-workers-union-national-secretary", "2025-02-24", "..")],
    ),
    # "Ministry of Economy and Finance": one name.
    (
        "Ana Pita was minister of the Ministry of Economy and Finance from 2019 to 2021.",
        [("ana-pita", "ministry-of-economy-and-finance-minister", "2019", "2021")],
    ),
    # A family name with a particle said again alone ("Ní Dhuill"); "will take up the post of".
    (
        "Professor Aoife Ní Dhuill will take up the post of rector of Kessel University in January.\n"
        "Professor Ní Dhuill was provost of Kessel University from 2015 to 2020.",
        [
            ("aoife-ni-dhuill", "kessel-university-provost", "2015", "2020"),
            ("aoife-ni-dhuill", "kessel-university-rector", "2026-01", ".."),
        ],
    ),
    # "to remove Dr. X as"; a short name the headline writes for the longer one ("Kessel State University").
    (
        "Kessel State trustees oust president\nKessel State University's board of trustees voted on Thursday to "
        "remove Dr. Ian Moss as president.",
        [("ian-moss", "kessel-state-university-president", None, "2025-02-20")],
    ),
    # Named "to succeed Ms. X as", past an age and a title in apposition, "effective" a day.
    (
        "On Feb. 24, 2025, the Board appointed Ana Reis, 46, currently the Company's Corporate Controller, to "
        "succeed Ms. Eva Lund as Chief Financial Officer of Brook Foods, effective April 1, 2025.",
        [
            ("ana-reis", "brook-foods-chief-financial-officer", "2025-04-01", ".."),
            ("ana-reis", "brook-foods-corporate-controller", "..2025-02-24", ".."),
            ("eva-lund", "brook-foods-chief-financial-officer", None, "2025-04-01"),
        ],
    ),
    # "X of Peru was elected"; a first vice-president is a rank of the president the article names.
    (
        "Omar Saez of Peru was elected president of the World Squash Union on Saturday.\n"
        "The congress also elected Chile's Rosa Vial as first vice-president.",
        [
            ("omar-saez", "world-squash-union-president", "2025-02-22", ".."),
            ("rosa-vial", "world-squash-union-first-vice-president", None, ".."),
        ],
    ),
    # "was declared leader".
    (
        "Ana Pita was declared leader of the Civic Party on Sunday.",
        [("ana-pita", "civic-party-leader", "2025-02-23", "..")],
    ),
    # A mayor is a city's: not the council's whose president takes over, and blank where no city is named.
    (
        "Brill mayor Ida Holm will step down on Dec. 31.\n"
        "City Council President Tom Reyes will take over as interim mayor on Jan. 1.",
        [
            ("ida-holm", "mayor", "..2025-02-26", "2025-12-31"),
            ("tom-reyes", "city-council-president", "..2025-02-26", ".."),
            ("tom-reyes", "mayor", "2026-01-01", ".."),
        ],
    ),
    # --- Fourth blind corpus, by construction (sentences of our own) ---
    # "named Brill Police Chief X": a body's name before the title is its organization, not the one named;
    # "Gov." is a title, not a name (a governor's, whose state the sentence does not say).
    (
        "Gov. Dana Reed on Wednesday named Brill Police Chief Omar Sáez as the next superintendent of the Kessel "
        "State Police.",
        [
            ("dana-reed", "governor", "..2025-02-26", ".."),
            ("omar-saez", "brill-police-chief", "..2025-02-26", ".."),
            ("omar-saez", "kessel-state-police-superintendent", "2025-02-26", ".."),
        ],
    ),
    # A headline in title case names only what its story names too, and no title.
    (
        "Brook Foods Inc. Announces CEO Succession Plan; Ian Moss to Retire\nBrook Foods Inc. said its board has "
        "appointed Ana Reis as chief executive officer, effective April 1.",
        [("ana-reis", "brook-foods-inc-chief-executive-officer", "2025-04-01", "..")],
    ),
    # "Brill town council": Brill is the town whose mayor the article names; "Officer" is a rank before a name.
    (
        "Mayor Ida Holm has stepped down after eight years at the head of Brill town council.\n"
        "Deputy Mayor Tom Reyes becomes acting mayor.\n"
        "Officer Jenna Ruiz, president of the Brill Police Association, said so.",
        [
            ("ida-holm", "brill-mayor", "..2025-02-26", "..2025-02-26"),
            ("jenna-ruiz", "brill-police-association-president", "..2025-02-26", ".."),
            ("tom-reyes", "brill-deputy-mayor", "..2025-02-26", None),
            ("tom-reyes", "brill-mayor", None, ".."),
        ],
    ),
    # "has ousted co-founder X as chief executive"; "X, who joined Y as chief financial officer in 2022".
    (
        "Brook Robotics has ousted co-founder Ian Moss as chief executive, the company said on Tuesday.\n"
        "Ana Reis, who joined Brook Robotics as chief financial officer in 2022, took over.",
        [
            ("ana-reis", "brook-robotics-chief-financial-officer", "2022", ".."),
            ("ian-moss", "brook-robotics-chief-executive", None, "..2025-02-26"),
        ],
    ),
    # A people's possessive opens a body's name ("the Children's Water Trust").
    (
        "The Children's Water Trust, the Bristol-based charity, has appointed Ana Reis as its chief executive from "
        "June.",
        [("ana-reis", "children-s-water-trust-chief-executive", "2025-06", "..")],
    ),
    # "had held the finance portfolio since"; "President X" is the state's where no organization of the article
    # has a president.
    (
        "Portugal's finance minister, Rui Malheiro, resigned on Wednesday.\nMalheiro, 58, a former budget director "
        "at the Bank of Portugal, had held the finance portfolio since April 2024.\nPresident Tomas Nunes accepted "
        "the resignation.",
        [
            ("rui-malheiro", "bank-of-portugal-budget-director", None, "..2025-02-26"),
            ("rui-malheiro", "portugal-finance-minister", "2024-04", "2025-02-26"),
            ("tomas-nunes", "portugal-president", "..2025-02-26", ".."),
        ],
    ),
    # A university's unit ("the College of Engineering") is the university's, in an article about one.
    (
        "Kessel University has appointed Ana Reis as its provost.\n"
        "Reis was dean of the College of Engineering from 2015 to 2020.",
        [
            ("ana-reis", "kessel-university-dean-of-the-college-of-engineering", "2015", "2020"),
            ("ana-reis", "kessel-university-provost", None, ".."),
        ],
    ),
    # Two elected to one office ("X and Y as the party's co-spokespeople", a plural title); "who had served as
    # sole spokesperson since".
    (
        "Members of the Civic Party have elected Ana Reis and Tom Berg as the party's co-spokespeople on "
        "Saturday.\nThey succeed Ian Moss, who had served as sole spokesperson since 2021.",
        [
            ("ana-reis", "civic-party-co-spokesperson", "2025-02-22", ".."),
            ("ian-moss", "civic-party-spokesperson", "2021", None),
            ("tom-berg", "civic-party-co-spokesperson", "2025-02-22", ".."),
        ],
    ),
    # "succeeding Sweden's X, who has led the agency since".
    (
        "Ana Reis will take office as director-general of the Kessel Water Agency on Aug. 1, succeeding Sweden's "
        "Ian Moss, who has led the agency since 2018.",
        [
            ("ana-reis", "kessel-water-agency-director-general", "2025-08-01", ".."),
            ("ian-moss", "kessel-water-agency-director-general", "2018", "2025-08-01"),
        ],
    ),
    # "was ousted as leader by his own MPs on Tuesday": who removed him stands before the day.
    (
        "Tom Berg was ousted as leader of the Civic Party by his own MPs on Tuesday.",
        [("tom-berg", "civic-party-leader", None, "2025-02-25")],
    ),
    # A state's body after its country's possessive is that country's; "the court's president".
    (
        "The justices of Chile's Constitutional Court on Monday elected Justice Ana Reis as the court's president.",
        [
            ("ana-reis", "constitutional-court-of-chile-justice", "..2025-02-24", ".."),
            ("ana-reis", "constitutional-court-of-chile-president", "2025-02-24", ".."),
        ],
    ),
    # "the Kessel University Board of Trustees": the university, and the board that governs it.
    (
        "The Kessel University Board of Trustees on Tuesday elected Ana Reis as the university's president.",
        [("ana-reis", "kessel-university-president", "2025-02-25", "..")],
    ),
    # --- Fifth blind corpus, by construction (sentences of our own) ---
    # "Chair of the Board of Directors": the chair of the board of the company the article is about.
    (
        "Brook Foods Inc. said on Monday that its Board of Directors had elected Ana Reis as Chair of the Board of "
        "Directors.\nBrook Foods Inc. makes soup.",
        [("ana-reis", "brook-foods-inc-chair-of-the-board", None, "..")],
    ),
    # A dateline in capitals of any script ("JÖNKÖPING") names no one the story is about.
    (
        "JÖNKÖPING, Sweden - Liiga side HK Brill on Monday named Swedish coach Omar Lind as their new head coach.",
        [("omar-lind", "hk-brill-head-coach", "2025-02-24", "..")],
    ),
    # "St." inside a name.
    (
        "Renée St. Amand was appointed provost of Kessel College on Monday.",
        [("renee-st-amand", "kessel-college-provost", "2025-02-24", "..")],
    ),
    # A kicker before "|"; a company's legal form of another country ("AB"); a relative's noun before a first
    # name; "has run it as chief executive since"; "a post she has held since".
    (
        "PROFILE | The founder who won't sell: Brill Cykel AB's Ana Lind at 50\nAna Lind, who founded Brill Cykel AB "
        "in 2009 with her brother Per, has run it as chief executive since 2012.\nPer Lind, the company's chief "
        "technology officer until 2020, now chairs its board.\nAna Lind is also president of the Kessel Cycling "
        "Federation, a post she has held since March 2024.",
        [
            ("ana-lind", "brill-cykel-ab-chief-executive", "2012", ".."),
            ("ana-lind", "kessel-cycling-federation-president", "2024-03", ".."),
        ],
    ),
    # A cabinet names holders of the state's offices, which are not its own; "Minister for Justice X" is a
    # minister (the field in capitals is the title's, the name after it the holder's).
    (
        "The Cabinet on Friday nominated Tom Berg as Chief Justice.\nMinister for Justice Ana Reis said the "
        "Cabinet was unanimous.",
        [
            ("ana-reis", "minister-for-justice", "..2025-02-26", ".."),
            ("tom-berg", "chief-justice", None, ".."),
        ],
    ),
    # "the Union of Dock and Transport Workers" is one name.
    (
        "The Union of Dock and Transport Workers has elected Ian Moss as its general secretary on Monday.",
        [("ian-moss", "union-of-dock-and-transport-workers-general-secretary", "2025-02-24", "..")],
    ),
    # "dos" inside a name; "The 47-year-old, who took over in May 2024".
    (
        "Brill Rovers have sacked manager Paulo Ferreira dos Santos.\nThe 47-year-old, who took over in May 2024 "
        "on a three-year contract, left the club on Sunday.",
        [("paulo-ferreira-dos-santos", "brill-rovers-manager", "2024-05", "2025-02-23")],
    ),
    # --- Sixth blind corpus, by construction (sentences of our own) ---
    # "X police chief" makes X the city whose police chief the article names; "who has led the 160-officer
    # department since"; a body "to which he was appointed in 2024" is not the chief's start.
    (
        "Brill Heights police chief to retire next month\nPolice Chief Ray Doyle, who has led the 160-officer "
        "department since 2015, will retire Oct. 9.\nThe governor said Doyle would keep his seat on the "
        "Commission on Police Standards, to which he was appointed in 2024.",
        [("ray-doyle", "brill-heights-police-chief", "2015", "2025-10-09")],
    ),
    # Title case keeps its function words in lower case ("... to Lead Company from April 1").
    (
        "Brook Sensors Announces CEO Succession; Ana Reis to Lead Company from April 1\nBrook Sensors Inc. said its "
        "board has appointed Ana Reis as chief executive officer, effective April 1.",
        [("ana-reis", "brook-sensors-inc-chief-executive-officer", "2025-04-01", "..")],
    ),
    # A headline's "Heritage Party" is the "Kessel Heritage Party" of the story; "a Moose Jaw accountant" is no
    # person (a "he" after it is the one named before).
    (
        "Heritage Party ousts treasurer\nIan Moss was ousted as treasurer of the Kessel Heritage Party on Sunday "
        "by the party's council.\nMoss, 58, a Moose Jaw accountant who had been treasurer since 2021, said he "
        "would appeal.",
        [("ian-moss", "kessel-heritage-party-treasurer", "2021", "2025-02-23")],
    ),
    # "nominated X, ..., to be the next governor": expected, with no start.
    (
        "Kessel's government on Wednesday nominated Ana Reis, chief economist at Brill Bank hf., to be the next "
        "governor of the Central Bank of Kessel.",
        [("ana-reis", "central-bank-of-kessel-governor", None, "..")],
    ),
    # A club's short name first, its full name after ("Brillworth", "Brillworth Town"): one club.
    (
        "Brillworth dismissed manager Ian Moss on Monday.\nMoss, 47, had been in charge since May 2024.\n"
        "Brillworth Town are second from bottom.",
        [("ian-moss", "brillworth-town-manager", "2024-05", "2025-02-24")],
    ),
    # --- Seventh blind corpus, by construction (sentences of our own) ---
    # "and" inside a name whose initials follow in brackets.
    (
        "The minister has appointed Ana Reis as Chairperson of the Commission for Energy and Water Regulation (CEWR) "
        "for a term of five years commencing 1 July 2025.",
        [("ana-reis", "commission-for-energy-and-water-regulation-chairperson", "2025-07-01", "..")],
    ),
    # "chair of its Standing Committee on Economics" ("on" joins a body's name); "During" opens no name.
    (
        "The Senate yesterday elected Senator Ian Moss as chair of its Standing Committee on Economics.\n"
        "During Question Time, Moss said little.",
        [
            ("ian-moss", "senator", "..2025-02-25", ".."),
            ("ian-moss", "standing-committee-on-economics-chair", "2025-02-25", ".."),
        ],
    ),
    # "the Board of the Bank of Kessel": the bank's board, and the bank; "stepped down with effect from";
    # "has acted as Governor since 19 February and will continue": a day since which is never ahead.
    (
        "The Board of the Bank of Kessel announces that Governor Ian Moss has stepped down with effect from 19 "
        "February 2025.\nDeputy Governor Ana Reis has acted as Governor since 19 February and will continue to do "
        "so until a successor is named.",
        [
            ("ana-reis", "bank-of-kessel-deputy-governor", None, None),
            ("ana-reis", "bank-of-kessel-governor", "2025-02-19", ".."),
            ("ian-moss", "bank-of-kessel-governor", None, "2025-02-19"),
        ],
    ),
    # A people-moves column: each sentence's subject names its own officers ("X said Y will become chief
    # financial officer", "X named Y chairman"), not the first company of the column.
    (
        "PEOPLE MOVES: Brill, Kessel\nBrill Shipping ASA said on Monday that Ana Reis will become chief financial "
        "officer on Oct. 1.\nKessel Foods named Tom Berg chairman.",
        [
            ("ana-reis", "brill-shipping-asa-chief-financial-officer", "2025-10-01", ".."),
            ("tom-berg", "kessel-foods-chairman", None, ".."),
        ],
    ),
    # "the Fifth Congress of the Civic Party": a gathering, then the party; "Jan Novak" is a name, not January.
    (
        "Delegates to the Fifth Congress of the Civic Party elected Ana Reis as chair of the Civic Party on "
        "Saturday.\nShe succeeds Jan Novak, who has chaired the Civic Party since 2014.",
        [
            ("ana-reis", "civic-party-chair", "2025-02-22", ".."),
            ("jan-novak", "civic-party-chair", "2014", "2025-02-22"),
        ],
    ),
    # "the party" of "Statement of the Civic Party" and "the Civic Party": the one the other contains.
    (
        "Statement of the Civic Party on its Fifth Congress\nDelegates to the Fifth Congress of the Civic Party "
        "elected Ana Reis as party chair on Saturday.",
        [("ana-reis", "civic-party-chair", "2025-02-22", "..")],
    ),
    # "First-team coach".
    (
        "Brill Rovers named First-team coach Tom Berg as interim manager.",
        [
            ("tom-berg", "brill-rovers-first-team-coach", "..2025-02-26", ".."),
            ("tom-berg", "brill-rovers-manager", None, ".."),
        ],
    ),
    # "Peru central bank picks X as deputy governor": the bank's deputy governor, not the country's.
    (
        "Peru central bank picks Ana Reis as deputy governor\nThe Central Bank of Peru's board on Wednesday named "
        "economist Ana Reis as the bank's deputy governor.",
        [("ana-reis", "central-bank-of-peru-deputy-governor", "2025-02-26", "..")],
    ),
    # Appointed "to serve as" an office, effective a day.
    (
        "The board of Corla Systems appointed Ann Pike to serve as interim chief executive, effective March 3.",
        [("ann-pike", "corla-systems-chief-executive", "2025-03-03", "..")],
    ),
    # One resignation from two offices, effective a day; and a resignation told as a noun.
    (
        "Tom Rell resigned as chief executive and as chairman of Corla Systems, effective Feb. 28.",
        [
            ("tom-rell", "corla-systems-chairman", None, "2025-02-28"),
            ("tom-rell", "corla-systems-chief-executive", None, "2025-02-28"),
        ],
    ),
    (
        "Tom Rell told the board of Corla Systems of his resignation as chief executive, effective March 31.",
        [("tom-rell", "corla-systems-chief-executive", None, "2025-03-31")],
    ),
    # "an independent director since 2019": a director, the word describing the holder.
    (
        "Corla Systems named Ann Pike, an independent director since 2019, as chair.",
        [("ann-pike", "corla-systems-chair", None, ".."), ("ann-pike", "corla-systems-director", "2019", "..")],
    ),
    # "at the end of October": in office to its last day, so out from November 1.
    (
        "Ann Pike, the police chief of Dunmere, will retire at the end of October.",
        [("ann-pike", "dunmere-chief", "..2025-02-26", "2025-11-01")],
    ),
    # A word describing the holder between the possessive and the title; a conference is where, not whose.
    (
        "Harlow Party elects Ann Pike co-leader at Deeford conference\nDelegates at the Harlow Party's conference in "
        "Deeford elected Ann Pike as the party's female co-leader.",
        [("ann-pike", "harlow-party-co-leader", None, "..")],
    ),
    # "Gov." before a name; a governor is a bank's or a state's, never the patrol the article is about.
    (
        "Gov. Ann Pike on Thursday named Tom Rell as chief of the Utah Highway Patrol.",
        [("ann-pike", "governor", "..2025-02-20", ".."), ("tom-rell", "utah-highway-patrol-chief", "2025-02-20", "..")],
    ),
    # A local story's city is the one it is filed from, when the story names it again; a deputy chief in a
    # story of the city's police chief is the city's deputy police chief.
    (
        "DUNMERE, Ore. (Dunmere Post) - Mayor Ann Pike resigned on Monday. Police Chief Tom Rell will retire in May, "
        "and Deputy Chief Eva Lind will serve as interim chief, City Manager Joe Dale said. The Dunmere Post asked "
        "the council why.",
        [
            ("ann-pike", "dunmere-mayor", "..2025-02-24", "2025-02-24"),
            ("eva-lind", "dunmere-deputy-police-chief", "..2025-02-26", ".."),
            ("eva-lind", "dunmere-police-chief", "2025-05", ".."),  # when Tom Rell retires, told in that sentence
            ("joe-dale", "dunmere-city-manager", "..2025-02-26", ".."),
            ("tom-rell", "dunmere-police-chief", "..2025-02-26", "2025-05"),
        ],
    ),
    # ... but not where the story never names it again.
    (
        "DUNMERE, Ore. (Wire) - Mayor Ann Pike resigned on Monday.",
        [("ann-pike", "mayor", "..2025-02-24", "2025-02-24")],
    ),
    # ... nor for "the city" a sentence names ("Born in Kessel, ... mayor of the city").
    (
        "DUNMERE (Wire) - Born in Kessel, Ann Pike was mayor of the city from 1979 until 1988. A funeral will be held "
        "in Dunmere.",
        [("ann-pike", "mayor", "1979", "1988")],
    ),
    # A name describing the appointee ("the member for Deeford") is not the subject whose office it is.
    (
        "The Harlow Party elected Ann Pike, the member for Deeford, as deputy leader.",
        [("ann-pike", "harlow-party-deputy-leader", None, "..")],
    ),
    # A senator sits in a senate: never the party's the article is about.
    (
        "The Harlow Party elected Senator Ann Pike as its leader.",
        [("ann-pike", "harlow-party-leader", None, ".."), ("ann-pike", "senator", "..2025-02-26", None)],
    ),
    # "the regulator": the one organization named as one (an authority), not the bank also named.
    (
        "Kessel Bank welcomed the choice. The minister named Ann Pike chairperson of the Dunmere Water Authority. "
        "The regulator's chief executive, Tom Rell, stays.",
        [
            ("ann-pike", "dunmere-water-authority-chairperson", None, ".."),
            ("tom-rell", "dunmere-water-authority-chief-executive", "..2025-02-26", None),
        ],
    ),
    # A portfolio in lower case after a possessive organization and its title.
    (
        "Ann Pike was the Bank of Kessel's director of banking supervision between 2012 and 2019.",
        [("ann-pike", "bank-of-kessel-director-of-banking-supervision", "2012", "2019")],
    ),
    # "non-executive" describes the holder; "whose term expired in May" ends the one replaced.
    (
        "The minister appointed Ann Pike as non-executive chairperson of the Dunmere Water Authority. She replaces "
        "Tom Rell, whose second term expired in May.",
        [
            ("ann-pike", "dunmere-water-authority-chairperson", None, ".."),
            ("tom-rell", "dunmere-water-authority-chairperson", None, "2024-05"),
        ],
    ),
    # A word before a party's name and "party" after it; the day of a resignation after its organization.
    (
        "Ann Pike resigned as chairman of the centrist Civic Compass party on Monday.",
        [("ann-pike", "civic-compass-chairman", None, "2025-02-24")],
    ),
    # ... but not the day the company confirmed it.
    (
        "Kessel Robotics has ousted Ann Pike as chief executive, the company confirmed on Tuesday.",
        [("ann-pike", "kessel-robotics-chief-executive", None, "..2025-02-26")],
    ),
    # Two offices of one relative clause and their years; a government's spokesman is the state's; the first of
    # two family names ("De León") stands for the full name, written with and without a middle name; "held the
    # post until" ends the office told before.
    (
        "Luis de León Arrieta, Ruritanian envoy, dies\nRafael Luis de León Arrieta, who served as Ruritania's "
        "tourism minister and government spokesman from 1990 to 1994, died on Saturday. De León was appointed "
        "ambassador in Madrid in 1995 and held the post until 2000.",
        [
            ("rafael-luis-de-leon-arrieta", "ruritania-ambassador", "1995", "2000"),
            ("rafael-luis-de-leon-arrieta", "ruritania-government-spokesman", "1990", "1994"),
            ("rafael-luis-de-leon-arrieta", "ruritania-tourism-minister", "1990", "1994"),
        ],
    ),
    # An ambassador to a country is not that country's.
    (
        "Ann Pike was appointed ambassador to Spain in 1995 and held the post until 2000.",
        [("ann-pike", "ambassador-to-spain", "1995", "2000")],
    ),
    # A round-up of appointments at four organizations: a bare title is none's in particular.
    (
        "People moves\nKessel Bank named Ann Pike chief executive. Dunmere Foods appointed Tom Rell as chairman. "
        "Harlow Motors hired Eva Lind as finance director. Brill Shipping named Joe Dale chief operating officer. "
        "Treasurer Max Roe will leave in June.",
        [
            ("ann-pike", "kessel-bank-chief-executive", None, ".."),
            ("eva-lind", "harlow-motors-finance-director", None, ".."),
            ("joe-dale", "brill-shipping-chief-operating-officer", None, ".."),
            ("max-roe", "treasurer", "..2025-02-26", "2025-06"),
            ("tom-rell", "dunmere-foods-chairman", None, ".."),
        ],
    ),
    # "Its" opening a sentence is the organization the sentence before opens with; "the company" is the one
    # organization whose name has a company's legal form.
    (
        "KESSEL - Dunmere Mühle GmbH, the flour mill, rarely talks to the press. Its managing director, Ann Pike, "
        "spent eight years at Kessel Landesbank. The company's finance chief, Tom Rell, agreed.",
        [
            ("ann-pike", "dunmere-muhle-gmbh-managing-director", "..2025-02-26", None),
            ("tom-rell", "dunmere-muhle-gmbh-finance-chief", "..2025-02-26", None),
        ],
    ),
    # A rank before a name ("Lt. Col.") is no organization.
    (
        "Gov. Ann Pike on Wednesday nominated Lt. Col. Tom Rell, a 27-year veteran of the Utah Highway Patrol, as the "
        "agency's next superintendent.",
        [
            ("ann-pike", "governor", "..2025-02-26", ".."),
            ("tom-rell", "utah-highway-patrol-superintendent", None, ".."),
        ],
    ),
    # "X, whose manager Y": X's manager.
    (
        "Dunmere Rovers lost 4-0 to Kessel Town, whose manager Tom Rell was appointed in January.",
        [("tom-rell", "kessel-town-manager", "2025-01", "..")],
    ),
    # A field in lower case, then "between" its years (no word of the field); "its first chief risk officer" is
    # the first to hold the office, "First Deputy Governor" an office of its own.
    (
        "Ann Pike previously served as Northgate's dean of science between 2014 and 2020.",
        [("ann-pike", "northgate-dean-of-science", "2014", "2020")],
    ),
    (
        "Kessel Bank named Ann Pike as its first chief risk officer. Tom Rell, the bank's first deputy governor, "
        "welcomed her.",
        [
            ("ann-pike", "kessel-bank-chief-risk-officer", None, ".."),
            ("tom-rell", "kessel-bank-first-deputy-governor", "..2025-02-26", ".."),
        ],
    ),
    # "The City Council" of a story filed from Dunmere is the Dunmere City Council, and Dunmere the city whose
    # mayor and police chief it names; a round-up's heading in capitals ("KESSEL BANK -") is no place.
    (
        "DUNMERE - The City Council voted on Tuesday to appoint Council President Ann Pike as interim mayor. Police "
        "Chief Tom Rell will retire on May 1.",
        [
            ("ann-pike", "dunmere-city-council-president", "..2025-02-25", ".."),
            ("ann-pike", "dunmere-mayor", None, ".."),
            ("tom-rell", "dunmere-police-chief", "..2025-02-26", "2025-05-01"),
        ],
    ),
    (
        "KESSEL BANK - Kessel Bank appointed Ann Pike as its treasurer. The City Council named Tom Rell city manager.",
        [("ann-pike", "kessel-bank-treasurer", None, ".."), ("tom-rell", "city-council-city-manager", None, "..")],
    ),
    # A name that ends in a country's ("Renewal Ireland") is an organization's, when nothing says otherwise.
    (
        "Statement from Renewal Ireland\nRenewal Ireland today confirms that Ann Pike has been elected Leader of the "
        "party. She succeeds Tom Rell, who stepped down as leader in August.",
        [("ann-pike", "renewal-ireland-leader", None, ".."), ("tom-rell", "renewal-ireland-leader", None, "2024-08")],
    ),
    # "its" after "the central bank" is the bank's, not the city's named before it.
    (
        "Ann Pike served as president of the Central Bank of Kessel from 1995 to 2000. Tom Rell, 81, died on Sunday. "
        "Rell, an economist trained in Chicago, joined the central bank as a researcher in 1969 and rose to become "
        "its vice president in 1989.",
        [
            ("ann-pike", "central-bank-of-kessel-president", "1995", "2000"),
            ("tom-rell", "central-bank-of-kessel-vice-president", "1989", ".."),
        ],
    ),
    # The place a story is filed from, named again in the headline, is its city though its name reads like a
    # person's; "confirm X as the city's police chief"; "replacing Chief Tom Rell": a title, then its holder.
    (
        "Council confirms Deputy Chief Ann Pike as Dunmere Falls's next police chief\nDUNMERE FALLS - The City "
        "Council voted on Tuesday night to confirm Deputy Chief Ann Pike as the city's police chief. She will be "
        "sworn in Sept. 1, replacing Chief Tom Rell, who had led the department since 2016 and retired in January.",
        [
            ("ann-pike", "dunmere-falls-deputy-police-chief", "..2025-02-26", ".."),
            ("ann-pike", "dunmere-falls-police-chief", "2025-09-01", ".."),
            ("tom-rell", "dunmere-falls-police-chief", "2016", "2025-01"),
        ],
    ),
    # "the Securities and Exchange Board of Kessel" is one name; "manager of the year" is an award.
    (
        "The government on Monday appointed Ann Pike as chairman of the Securities and Exchange Board of Kessel. "
        "Tom Rell led Brill Town to promotion and was named the division's manager of the year in 2025.",
        [("ann-pike", "securities-and-exchange-board-of-kessel-chairman", "2025-02-24", "..")],
    ),
    # "Kessel" in the headline and "the University of Kessel" in the story are one body: a bare title after both
    # is the university's.
    (
        "Kessel appoints its next vice-chancellor\nThe University of Kessel has named Ann Pike as its next "
        "vice-chancellor, the university announced on Wednesday. Tom Rell has been acting vice-chancellor since 2024.",
        [
            ("ann-pike", "university-of-kessel-vice-chancellor", None, ".."),
            ("tom-rell", "university-of-kessel-vice-chancellor", "2024", ".."),
        ],
    ),
    # "him" in a second clause is not that clause's subject, who succeeds him, but the first clause's person.
    (
        "Tom Rell was chairman of Brill Corp for ten years and Ann Pike replaced him as chairman in 2020.",
        [("tom-rell", "brill-corp-chairman", None, "2020"), ("ann-pike", "brill-corp-chairman", "2020", "..")],
    ),
    # "the University" is the one named before it, not one named later; an ordinal word ("ninth") stands between
    # a possessive and its title as "14th" does.
    (
        "The council of the University of Kessel has appointed Ann Pike as the University's ninth vice-chancellor. "
        "She was provost of Brill University from 2019.",
        [
            ("ann-pike", "university-of-kessel-vice-chancellor", None, ".."),
            ("ann-pike", "brill-university-provost", "2019", None),
        ],
    ),
    # "MP for Kessel North" is a seat told with its place, not letters after a name: the appointment reads on.
    (
        "Brill Party members have elected Ann Pike, MP for Kessel North, as the party's next leader.",
        [("ann-pike", "brill-party-leader", None, "..")],
    ),
    # A story filed from a capital alone, or from a city and its country, that names no country: a bare state
    # title is that country's (one the fact base holds by its id); not from a city and its region.
    (
        "WELLINGTON - The House of Representatives on Wednesday elected Ann Pike as Speaker. She was nominated by "
        "Prime Minister Sara Holm.",
        [
            ("ann-pike", "house-of-representatives-of-new-zealand-speaker", "2025-02-26", ".."),
            ("sara-holm", "new-zealand-prime-minister", "..2025-02-26", None),
        ],
    ),
    (
        "AMSTERDAM - Prime Minister Sara Holm opened the new bridge on Monday.",
        [("sara-holm", "netherlands-prime-minister", "..2025-02-24", "..")],
    ),
    (
        "PORTO, Portugal (Wire) - Prime Minister Sara Holm opened the new bridge on Monday.",
        [("sara-holm", "portugal-prime-minister", "..2025-02-24", "..")],
    ),
    (
        "KINGSTON, Ont. - Prime Minister Sara Holm opened the new bridge on Monday.",
        [("sara-holm", "prime-minister", "..2025-02-24", "..")],
    ),
    # A capitalised field after a title's "of", its body named after "at", is the title's field, not a body.
    (
        "Ann Pike was Dean of Engineering at the University of Kessel from 2014 to 2020. Tom Rell was Director of "
        "Communications at Brill Corp until 2019.",
        [
            ("ann-pike", "university-of-kessel-dean-of-engineering", "2014", "2020"),
            ("tom-rell", "brill-corp-director-of-communications", None, "2019"),
        ],
    ),
    # "state Sen." is a state senator, "Lt. Gov." a lieutenant governor; a title with its point before the name
    # of the one appointed.
    (
        "Gov. Ann Pike on Tuesday appointed state Sen. Tom Rell as lieutenant governor. Lt. Gov. Sara Holm "
        "resigned in June.",
        [
            ("ann-pike", "governor", "..2025-02-25", ".."),
            ("tom-rell", "lieutenant-governor", "2025-02-25", ".."),
            ("tom-rell", "state-senator", "..2025-02-25", ".."),
            ("sara-holm", "lieutenant-governor", None, "2024-06"),
        ],
    ),
    # A place made an adjective ("London-based") describes the name after it and is none of it.
    (
        "Ann Pike has been chief executive of the London-based lender Brill Bank since 2020.",
        [("ann-pike", "brill-bank-chief-executive", "2020", "..")],
    ),
    # A legal form of letters and points ("S.p.A.") is part of the company's name.
    (
        "Ann Pike took over as chief executive of Tessaro S.p.A. in 2014.",
        [("ann-pike", "tessaro-s-p-a-chief-executive", "2014", "..")],
    ),
    # One sentence ends one holder's term on a day and gives the office to another with no day of its own.
    (
        "The Brill Otters fired head coach Tom Rell on Monday and promoted assistant Ann Pike to interim head coach.",
        [
            ("tom-rell", "brill-otters-head-coach", "..2025-02-24", "2025-02-24"),
            ("ann-pike", "brill-otters-head-coach", "2025-02-24", ".."),
        ],
    ),
    # Portfolios after a title's "of", joined by "and", are its field, not a body: the country follows them.
    (
        "Ann Pike was Minister of Economy and Finance of Uruguay from 1990 to 1995. Tom Rell was Minister of Finance "
        "of Uruguay until 1990.",
        [
            ("ann-pike", "uruguay-minister-of-economy-and-finance", "1990", "1995"),
            ("tom-rell", "uruguay-minister-of-finance", None, "1990"),
        ],
    ),
    # A chamber named only by what it is, in a story from a capital that names no country, is that country's.
    (
        "WELLINGTON - The House of Representatives on Wednesday elected Ann Pike as Speaker, succeeding Tom Rell.",
        [
            ("tom-rell", "house-of-representatives-of-new-zealand-speaker", None, "2025-02-26"),
            ("ann-pike", "house-of-representatives-of-new-zealand-speaker", "2025-02-26", ".."),
        ],
    ),
    # "was selected as", "was picked as": an appointment, as "was chosen as".
    (
        "Ann Pike was selected as chief executive of Brill Corp in June 2024. Tom Rell was picked as chairman of "
        "Brill Corp in May 2024.",
        [
            ("ann-pike", "brill-corp-chief-executive", "2024-06", ".."),
            ("tom-rell", "brill-corp-chairman", "2024-05", ".."),
        ],
    ),
    # A length in months before an end that is a year alone counts months from the middle of that year.
    (
        "Ann Pike, who led Corla Systems for 18 months, stepped down as chief executive in 2016.",
        [("ann-pike", "corla-systems-chief-executive", "2015~", "2016")],
    ),
    # Two offices joined by "and": what is said of one is said of the other; two people's titles are not crossed.
    (
        '"He leads by example," said head coach and general manager Dale Ferris of the Harlow Otters.',
        [
            ("dale-ferris", "harlow-otters-general-manager", "..2025-02-26", ".."),
            ("dale-ferris", "harlow-otters-head-coach", "..2025-02-26", ".."),
        ],
    ),
    (
        "Harlow Steel said that its chairman and chief executive, Raymond Doyle, 67, will retire.",
        [
            ("raymond-doyle", "harlow-steel-chairman", "..2025-02-26", ".."),
            ("raymond-doyle", "harlow-steel-chief-executive", "..2025-02-26", ".."),
        ],
    ),
    (
        "Finance Minister Ana Ruiz and Foreign Minister Jon Bell of Varnia met on Monday.",
        [
            ("ana-ruiz", "finance-minister", "..2025-02-24", ".."),
            ("jon-bell", "foreign-minister", "..2025-02-24", ".."),
        ],
    ),
    # A day counted back from publication: "two days ago" that day, "a year ago" about that year.
    (
        "Mara Kent took office as mayor of Dunmere two days ago.",
        [("mara-kent", "dunmere-mayor", "2025-02-24", "..")],
    ),
    ("Mara Kent became mayor of Dunmere a year ago.", [("mara-kent", "dunmere-mayor", "2024~", "..")]),
    # "the central bank" is the one organization named as one, a "-bundesbank" without "bank" as a word included.
    (
        "Eva Lind left the Bundesbank in 2019 to join Brill Bank.\nShe had been vice president of the central bank "
        "since 2012.",
        [("eva-lind", "bundesbank-vice-president", "2012", "..2025-02-26")],
    ),
    # "the town" is the town whose local body the article names, as "the city" is.
    (
        "The Brill Falls Town Council met on Monday.\nAnn Pike, who was treasurer of the town from 2010 to 2018, "
        "spoke first.",
        [("ann-pike", "brill-falls-treasurer", "2010", "2018")],
    ),
    # "the group" with two groups named, neither the one the article is about: no organization, though one of
    # them is a bank's (only "the bank" leaves out a central bank's name).
    (
        "Brill Group signed a deal with Bank of Tarnia Group on Monday.\nAnn Pike, chair of the group since 2019, "
        "welcomed it.",
        [("ann-pike", "chair", "2019", "..")],
    ),
]


def test_a_nominee_is_expected_not_in_office(base: Known) -> None:
    result = write_up("The president nominated Rui Costa as governor of the Bank of Lusitania.\n", "2025-02-26", base)
    assert [(term.values.get("start"), term.values.get("modality")) for term in result.terms] == [(None, "expected")]


def test_a_month_and_day_after_in_is_the_day() -> None:
    """ "sworn in Sept. 3": the day, not the month that "in Sept" would be."""
    assert [text for text, _, _ in resolve("She will be sworn in Sept. 3 and will succeed him.", "2025-02-26")] == [
        "Sept. 3"
    ]


@pytest.mark.parametrize(("text", "expected"), CONSTRUCTIONS)
def test_a_construction_of_issue_20_drafts_its_term(
    text: str, expected: list[tuple[str, str, str | None, str | None]], base: Known
) -> None:
    result = write_up(text + "\n", "2025-02-26", base)
    drafted = sorted(
        (term.values["holder"], term.values["office"], term.values.get("start"), term.values.get("end"))
        for term in result.terms
    )
    assert drafted == sorted(expected)


# --- Held-out misses, by construction (each sentence written for the test, none from an article) -------


def _kinds(result: Draft) -> dict[str, Kind]:
    return {str(entity.values["name"]): entity.kind for entity in result.entities} | {
        name: Kind(kind) for name, kind in result.others
    }


@pytest.mark.parametrize(
    ("text", "interim"),
    [
        (
            "Tarn Rovers sack manager Ward\n"
            "Tarn Rovers have sacked manager Ian Ward after a run of six defeats, the club said on Monday.\n"
            "First-team coach Lee Dunne took interim charge the same day and will lead the side on Saturday.\n",
            ("lee-dunne", "tarn-rovers-manager", None, "..", "took interim charge"),
        ),
        (
            "Harlow Party elects new leader\n"
            "The Harlow Party elected Nina Cole as its leader on Saturday.\n"
            "Deputy leader Sam Reid, who had led the party on an interim basis since Tom Hart's departure, "
            "thanked her.\n",
            ("sam-reid", "harlow-party-leader", None, None, "had led the party on an interim basis"),
        ),
        (
            "Tarn Rovers name manager\n"
            "Tarn Rovers named Ian Ward as manager on Monday.\n"
            "Assistant coach Jon Berg, who has been in interim charge since Tom Hart's dismissal in January, "
            "will stay on.\n",
            ("jon-berg", "tarn-rovers-manager", "2025-01", "..", "has been in interim charge"),
        ),
        (
            "Tarn Rovers sack coach Ward\n"
            "Tarn Rovers sacked head coach Ian Ward on Monday.\n"
            "An assistant coach, Lee Dunne, took training on Monday afternoon and will be in interim charge for "
            "Saturday's game.\n",
            ("lee-dunne", "tarn-rovers-head-coach", "2025-03-01", "..", "will be in interim charge"),
        ),
    ],
)
def test_interim_charge_is_of_the_office_another_left_or_was_named_to(
    text: str, interim: tuple[str, str, str | None, str | None, str], base: Known
) -> None:
    # The holder's own title ("first-team coach", "deputy leader") stays theirs; the charge is of the other.
    holder, office, start, end, cue = interim
    terms = {(t.values["holder"], t.values["office"]): t for t in write_up(text, "2025-02-26", base).terms}
    term = terms[(holder, office)]
    assert (term.values.get("start"), term.values.get("end")) == (start, end)
    note = f"Interim: '{cue}', of the office the article tells another left or was named to."
    assert note in str(term.values["note"]).splitlines()


def test_a_short_name_is_the_one_whose_name_it_ends_and_a_former_title_stays_apart_from_a_new_one(
    base: Known,
) -> None:
    # "Courier" ends "Northern Daily Courier" and only opens "Courier Media Group"; "the paper's political
    # editor", left, is not folded into "its editor", taken.
    text = (
        "Courier names Ann Lee as editor\n"
        "The Northern Daily Courier has appointed Ann Lee as its editor.\n"
        "Courier Media Group's chief executive, Tom Fox, welcomed her.\n"
        "Lee was previously the paper's political editor.\n"
    )
    result = write_up(text, "2025-02-26", base)
    assert sorted(_terms(result)) == [
        ("ann-lee", "northern-daily-courier-editor", None),
        ("ann-lee", "northern-daily-courier-political-editor", None),
        ("tom-fox", "courier-media-group-chief-executive", "..2025-02-26"),
    ]
    assert [entity.values["name"] for entity in result.entities if entity.kind is Kind.ORGANIZATION] == [
        "Northern Daily Courier",
        "Courier Media Group",
    ]


def test_a_sentence_opening_on_a_verbs_ing_form_is_no_part_of_the_name_after_it(base: Known) -> None:
    # "Building Corvane": the verb, then Corvane (the company); "Reading FC" and "Sterling Bank" are names.
    text = (
        "Corvane names Holt\n"
        "Corvane Systems Inc. named Ana Holt as chief executive on Monday.\n"
        '"Building Corvane was a privilege," said its founder, Mark Ode.\n'
        "Reading FC and Sterling Bank sent congratulations.\n"
    )
    result = write_up(text, "2025-02-26", base)
    assert _kinds(result) == {
        "Corvane Systems Inc": Kind.ORGANIZATION,
        "Ana Holt": Kind.PERSON,
        "Mark Ode": Kind.PERSON,
        "Reading FC": Kind.ORGANIZATION,
        "Sterling Bank": Kind.ORGANIZATION,
    }


def test_a_headlines_short_name_is_the_longer_name_of_the_story_it_begins(base: Known) -> None:
    # "High Court" (the headline's) is the High Court of Ruritania: one organization, whose chief justice both are.
    text = (
        "Lee to lead High Court\n"
        "Justice Ann Lee was sworn in as Chief Justice of the High Court of Ruritania on Nov. 6.\n"
        "She succeeds Chief Justice Ida Marr, who retired on Nov. 5.\n"
    )
    result = write_up(text, "2025-02-26", base)
    assert sorted(_terms(result)) == [
        ("ann-lee", "high-court-of-ruritania-chief-justice", "2024-11-06"),
        ("ida-marr", "high-court-of-ruritania-chief-justice", "..2024-11-05"),
    ]
    assert [entity.values["name"] for entity in result.entities if entity.kind is Kind.ORGANIZATION] == [
        "High Court of Ruritania"
    ]


def test_a_nickname_and_the_family_name_are_the_person_named_with_it(base: Known) -> None:
    # 'Margaret "Peggy" Hollis', then "Peggy Hollis": one person, who remains chair.
    text = (
        "Hollis Bakeries names new chief\n"
        'Margaret "Peggy" Hollis stepped down as chief executive of Hollis Bakeries on Monday.\n'
        "Peggy Hollis remains chair of Hollis Bakeries.\n"
    )
    result = write_up(text, "2025-02-26", base)
    assert _kinds(result) == {"Hollis Bakeries": Kind.ORGANIZATION, "Margaret Hollis": Kind.PERSON}
    assert sorted(_terms(result)) == [
        ("margaret-hollis", "hollis-bakeries-chair", "..2025-02-26"),
        ("margaret-hollis", "hollis-bakeries-chief-executive", None),
    ]


def test_initials_are_the_one_name_they_abbreviate(base: Known) -> None:
    # "KSU" (no brackets) is the Kessel State University the story names in full, not a second organization.
    text = (
        "Trustees name Moor as KSU provost\n"
        "The Kessel State University board named Ida Moor as provost on Monday.\n"
        "Its chancellor, Omar Haddad, welcomed her.\n"
    )
    result = write_up(text, "2025-02-26", base)
    assert sorted(_terms(result)) == [
        ("ida-moor", "kessel-state-university-provost", "2025-02-24"),
        ("omar-haddad", "kessel-state-university-chancellor", "..2025-02-26"),
    ]
    assert [entity.values["name"] for entity in result.entities if entity.kind is Kind.ORGANIZATION] == [
        "Kessel State University"
    ]


def test_a_country_takes_the_only_where_its_name_has_it(base: Known) -> None:
    # "The Norwegian government" writes "the" before the adjective: the office is of Norway, not "the Norway".
    result = write_up("The Norwegian government said Finance Minister Eirik Sol would stay.\n", "2025-02-26", base)
    assert [office.values["name"] for office in result.offices] == ["Finance Minister of Norway"]


def test_a_peoples_adjective_before_a_name_describes_the_person(base: Known) -> None:
    # "Danish Hald" is Eva Hald, from Denmark: not a person named "Danish Hald", and her headline "president" is
    # not Denmark's; "Swede Lind" makes Lind a person though "its" follows him (the club's, named between).
    rowing = (
        "Rowing body picks Danish Hald as president\n"
        "OSLO (Wire) - Denmark's Eva Hald was elected president of the World Rowing Union on Saturday.\n"
        "Hald was president of the Danish Rowing Association between 2010 and 2018.\n"
    )
    result = write_up(rowing, "2025-02-26", base)
    spans = [
        (term.values["holder"], term.values["office"], term.values.get("start"), term.values.get("end"))
        for term in result.terms
    ]
    assert sorted(spans) == [
        ("eva-hald", "danish-rowing-association-president", "2010", "2018"),
        ("eva-hald", "president", None, ".."),
        ("eva-hald", "world-rowing-union-president", "2025-02-22", ".."),
    ]
    hawks = (
        "Hawks hire Swede Lind\n"
        "The Tarn Hawks named Mikael Lind as head coach on Tuesday.\n"
        "Lind spent four seasons with Orebro club Vast IK, serving as its head coach from 2021 until last month.\n"
    )
    kinds = _kinds(write_up(hawks, "2025-02-26", base))
    assert (kinds["Mikael Lind"], kinds["Tarn Hawks"]) == (Kind.PERSON, Kind.ORGANIZATION)


def test_a_dateline_names_where_the_story_was_filed_not_who_acted(base: Known) -> None:
    text = (
        "Corliss Mining picks a chair\n"
        "PORT ARDEN, Maine, May 2 (Wirenews) - Corliss Mining said on Monday that Ruth Vale would become its chair.\n"
        "GLENROCK (Wirenews) \u2014 Ida Moor, 61, will stay on.\n"
    )
    result = write_up(text, "2025-05-02", base)
    assert _kinds(result) == {"Corliss Mining": Kind.ORGANIZATION, "Ruth Vale": Kind.PERSON, "Ida Moor": Kind.PERSON}
    assert _terms(result) == [("ruth-vale", "corliss-mining-chair", None)]


def test_its_after_a_verb_does_not_make_the_object_an_organization(base: Known) -> None:
    text = "Kelso Mills said so on Monday.\nThe board also named co-founder Ana Sol as its chair.\n"
    assert _kinds(write_up(text, "2025-05-02", base))["Ana Sol"] is Kind.PERSON


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # The noun of an agent after "chief" is the title's head, not a word after a "chief".
        ("Tarn Water named Ola Berg as its chief climate negotiator on Monday.", ["chief climate negotiator"]),
        ("Ria Holt, chief economist of Tarn Water, said so.", ["chief economist"]),
        ("The police chief resigned.", ["chief"]),
        # A field in lower case after "of" or "for" is part of the title.
        ("Tarn Water named Ola Berg as its executive director of strategy.", ["executive director of strategy"]),
        (
            "Ola Berg was vice president for academic affairs at Tarn University.",
            ["vice president for academic affairs"],
        ),
        ("Ola Berg, director of cricket, said so.", ["director of cricket"]),
        # ... but not a length, a place in lower case, nor words that run on into a clause.
        ("Ola Berg served as chair for six years.", ["chair"]),
        ("Ola Berg was mayor of the city.", ["mayor"]),
        ("The head of state visits Oslo.", ["head"]),
        # Portfolios and ranks before a head.
        ("Ola Berg, the budget director, said so.", ["budget director"]),
        ("Transportation Secretary Ola Berg said so.", ["transportation secretary"]),
        ("Ola Berg was elected co-leader of the Tarn Union.", ["co leader"]),
    ],
)
def test_a_title_keeps_its_field_and_its_agent_noun(text: str, titles: list[str], base: Known) -> None:
    reading = read(text, split(text), base.entities)
    assert [office.title for office in reading.offices.values()] == titles


def test_organizations_known_by_their_words_and_their_place(base: Known) -> None:
    text = (
        "Corvane names Ida Holm chief executive\n"
        "Corvane named Ida Holm as its chief executive on Monday, replacing Per Dahl, who was removed as CEO.\n"
        "Tidewater Shipping said Ana Roth would become its chairman.\n"
        "The Board has also appointed Rosa Diaz police chief.\n"
        "Corvane shares rose.\n"
    )
    result = write_up(text, "2025-02-26", base)
    # A word that opens two sentences and is never written in lower case is a name; "Shipping" is a trade;
    # a lone "Board" stands for an organization named elsewhere, and the one appointed is no organization.
    assert _kinds(result) == {
        "Corvane": Kind.ORGANIZATION,
        "Ida Holm": Kind.PERSON,
        "Per Dahl": Kind.PERSON,
        "Tidewater Shipping": Kind.ORGANIZATION,
        "Ana Roth": Kind.PERSON,
        "Rosa Diaz": Kind.PERSON,
    }
    # "CEO" is the chief executive the article writes out; no police is named, so the police chief's is blank.
    assert _terms(result) == [
        ("per-dahl", "corvane-chief-executive", None),
        ("ida-holm", "corvane-chief-executive", "2025-02-24"),
        ("ana-roth", "tidewater-shipping-chairman", None),
        ("rosa-diaz", "chief", None),
    ]


def test_a_headline_names_in_the_passive(base: Known) -> None:
    text = "Ida Holm named Tarn Rovers head coach\nTarn Rovers have appointed Ida Holm as head coach.\n"
    result = write_up(text, "2025-02-26", base)
    assert _kinds(result) == {"Ida Holm": Kind.PERSON, "Tarn Rovers": Kind.ORGANIZATION}


@pytest.mark.parametrize(
    ("text", "office"),
    [
        # A possessive after "of" names the organization it owns...
        ("Ida Holm was elected leader of Peru's Tarn Party on Sunday.", "Leader of Tarn Party"),
        # ... or a body described in words, which names none: not the sentence's subject.
        ("Tarn Rovers have appointed Ida Holm as head coach of the women's team.", "Head Coach"),
        ("Tarn Rovers have appointed Ida Holm as head coach of Peru's national team.", "Head Coach"),
        # A "chief" of something the reader cannot name is no title.
        ("Tarn Rovers named cloud chief Ida Holm as its chairman on Monday.", "Chairman of Tarn Rovers"),
    ],
)
def test_the_organization_after_a_title_is_the_one_it_names(text: str, office: str, base: Known) -> None:
    result = write_up(text + "\n", "2025-02-26", base)
    assert [office.values["name"] for office in result.offices] == [office]


def test_a_city_named_by_its_council_holds_its_mayor_and_its_city_manager(base: Known) -> None:
    text = (
        "Harlow Vale hires city manager\n"
        "The Harlow Vale City Council voted 5-2 on Monday to hire Ida Holm, the city's budget director, as city "
        "manager.\n"
        "Mayor Per Dahl said Holm had served the Harlow Vale Police Department.\n"
    )
    result = write_up(text, "2025-02-26", base)
    assert _terms(result) == [
        ("ida-holm", "harlow-vale-city-manager", None),
        ("ida-holm", "harlow-vale-budget-director", "..2025-02-24"),
        ("per-dahl", "harlow-vale-mayor", "..2025-02-26"),
    ]
    (city,) = [entity for entity in result.entities if entity.values["id"] == "harlow-vale"]
    assert (city.kind, city.values["note"]) == (
        Kind.ORGANIZATION,
        "New: 'Harlow Vale' is not a name or alias in the fact base.\n"
        "Kind: organization, as the city or town of 'Harlow Vale City Council'.",
    )


def test_a_bare_title_takes_the_organization_its_own_words_point_to(base: Known) -> None:
    text = (
        "Luis Ferrer was elected chair of the Tarn Review Board in 2019.\n"
        "Chairman Luis Ferrer said it had served the city well.\n"
        "Ida Holm, a deputy minister at the Department of Finance, became minister of fisheries in 2021.\n"
        "Ferrer came from Nordlys Lines, where Ida Holm was chief executive from 2010 to 2015.\n"
    )
    assert sorted(_terms(write_up(text, "2025-02-26", base))) == [
        ("ida-holm", "department-of-finance-deputy-minister", None),
        # Not the Department of Finance's: it names only a deputy minister.
        ("ida-holm", "minister-of-fisheries", "2021"),
        # "where" hangs on the name before it.
        ("ida-holm", "nordlys-lines-chief-executive", "2010"),
        # "Chairman" is the chair the article names with its organization: one term.
        ("luis-ferrer", "tarn-review-board-chair", "2019"),
    ]


def test_a_bare_minister_is_of_the_country_the_article_is_about(base: Known) -> None:
    text = (
        "Japan names new finance minister\n"
        "Japan's parliament on Monday elected Kenji Sato as prime minister.\n"
        "Sato was foreign minister from 2018 to 2022.\n"
        "U.S. President Ellen Marsh called him.\n"
    )
    terms = _terms(write_up(text, "2025-02-26", base))
    assert ("kenji-sato", "japan-foreign-minister", "2018") in terms
    # "U.S." with its points is the country of the title after it.
    assert ("ellen-marsh", "us-president", "..2025-02-26") in terms


def test_the_month_may_hedges_nothing(base: Known) -> None:
    """ "May 2024" is a month; only "may" in lower case makes a start possible."""
    result = write_up("Omar Hale was appointed chief executive of Brook Foods in May 2024.\n", "2025-02-26", base)
    assert [(term.values["start"], term.values.get("modality")) for term in result.terms] == [("2024-05", None)]
    hedged = write_up(
        "Omar Hale, a potential successor, will take office as chief executive of Brook Foods in June.\n",
        "2025-02-26",
        base,
    )
    assert [term.values.get("modality") for term in hedged.terms] == ["possible"]


def test_the_month_may_hedges_no_event_either(base: Known) -> None:
    # Events read the one hedge pattern terms do: "3 May 2024" is a day, not "may".
    result = write_up("The old observatory reopened as a public museum on 3 May 2024.\n", "2025-02-26", base)
    assert [(event.values["date"], event.values.get("modality")) for event in result.events] == [("2024-05-03", None)]
    hedged = write_up("The old observatory may reopen as a public museum on 3 June 2025.\n", "2025-02-26", base)
    assert [event.values.get("modality") for event in hedged.events] == ["possible"]


# --- Dates, each way of writing one (mutation testing of when.py: exact dates and notes) -----------------


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "They meet today.",
            "2024-03-01",
            [("today", "2024-03-01", "'today' is 2024-03-01, the day of publication (2024-03-01)")],
        ),
        (
            "The vote is today.",
            "2024-03",
            [("today", None, "'today': the publication date (2024-03) is not a day to count from")],
        ),
        (
            "Yesterday he left.",
            "2024-03-01",
            [("Yesterday", "2024-02-29", "'Yesterday' is 2024-02-29, the day before publication (2024-03-01)")],
        ),
        (
            "He quit last Monday.",
            "2024-11-06",
            [
                (
                    "last Monday",
                    "2024-11-04",
                    "'last Monday' is 2024-11-04, the Monday before publication (Wednesday 2024-11-06): 'last'",
                )
            ],
        ),
        (
            "He quits next Monday.",
            "2024-11-06",
            [
                (
                    "next Monday",
                    "2024-11-11",
                    "'next Monday' is 2024-11-11, the Monday after publication (Wednesday 2024-11-06): 'next'",
                )
            ],
        ),
        # "this" is neither back nor ahead: the nearest, whatever the verb.
        (
            "He quit this Monday.",
            "2024-11-06",
            [
                (
                    "this Monday",
                    "2024-11-04",
                    "'this Monday' is 2024-11-04, the Monday before publication (Wednesday 2024-11-06): the clause has "
                    "no tense to tell, so the nearest",
                )
            ],
        ),
        # "last" and "next" on the publication's own weekday are a week away, never that day.
        (
            "He quit last Wednesday.",
            "2024-11-06",
            [
                (
                    "last Wednesday",
                    "2024-10-30",
                    "'last Wednesday' is 2024-10-30, the Wednesday before publication (Wednesday 2024-11-06): 'last'",
                )
            ],
        ),
        (
            "He quits next Wednesday.",
            "2024-11-06",
            [
                (
                    "next Wednesday",
                    "2024-11-13",
                    "'next Wednesday' is 2024-11-13, the Wednesday after publication (Wednesday 2024-11-06): 'next'",
                )
            ],
        ),
        (
            "He left on Wednesday.",
            "2024-11-06",
            [
                (
                    "on Wednesday",
                    "2024-11-06",
                    "'on Wednesday' is 2024-11-06, the day of publication (Wednesday 2024-11-06): the clause looks "
                    "back ('left')",
                )
            ],
        ),
        (
            "He will leave on Wednesday.",
            "2024-11-06",
            [
                (
                    "on Wednesday",
                    "2024-11-06",
                    "'on Wednesday' is 2024-11-06, the day of publication (Wednesday 2024-11-06): the clause looks "
                    "ahead ('will')",
                )
            ],
        ),
        (
            "The council meets on Monday.",
            "2024-11-06",
            [
                (
                    "on Monday",
                    "2024-11-04",
                    "'on Monday' is 2024-11-04, the Monday before publication (Wednesday 2024-11-06): the clause has "
                    "no tense to tell, so the nearest",
                )
            ],
        ),
        (
            "The council meets on Friday.",
            "2024-11-06",
            [
                (
                    "on Friday",
                    "2024-11-08",
                    "'on Friday' is 2024-11-08, the Friday after publication (Wednesday 2024-11-06): the clause has no "
                    "tense to tell, so the nearest",
                )
            ],
        ),
        (
            "He quit on Monday.",
            "2024",
            [("on Monday", None, "'on Monday': the publication date (2024) is not a day to count from")],
        ),
        (
            "Sales rose this year.",
            "2024-03-01",
            [("this year", "2024", "'this year' is 2024, counted from publication (2024-03-01)")],
        ),
        (
            "Sales will rise next year.",
            "2024-03-01",
            [("next year", "2025", "'next year' is 2025, counted from publication (2024-03-01)")],
        ),
        (
            "Sales rose earlier this year.",
            "2024-03-01",
            [("earlier this year", "2024", "'earlier this year' is 2024, counted from publication (2024-03-01)")],
        ),
        (
            "Later this month he goes.",
            "2024-03-01",
            [("Later this month", "2024-03", "'Later this month' is 2024-03, counted from publication (2024-03-01)")],
        ),
        (
            "Sales will rise next month.",
            "2024-12-15",
            [("next month", "2025-01", "'next month' is 2025-01, counted from publication (2024-12-15)")],
        ),
        (
            "Sales rose last month.",
            "2024",
            [("last month", None, "'last month': the publication date (2024) names no month")],
        ),
        (
            "It was founded on 30 February 2019.",
            "2024-03-01",
            [("on 30 February 2019", None, "'on 30 February 2019': February 30, 2019 does not exist")],
        ),
        (
            "It was founded on Monday, 11 March 2019.",
            "2024-03-01",
            [
                (
                    "on Monday, 11 March 2019",
                    "2019-03-11",
                    "'on Monday, 11 March 2019' is 2019-03-11, a Monday as the text says",
                )
            ],
        ),
        # 1900 was no leap year: one other year near publication has February 29 on a Monday.
        (
            "The fair opened on Monday, February 29.",
            "1893-06-15",
            [
                (
                    "on Monday, February 29",
                    "1892-02-29",
                    "'on Monday, February 29' is 1892-02-29: February 29 is a Monday in 1892, the year nearest "
                    "publication (1893-06-15) in which it is (also in 1904, farther from it)",
                )
            ],
        ),
        (
            "The fair opened on Monday, February 29.",
            "2002-06-15",
            [
                (
                    "on Monday, February 29",
                    None,
                    "'on Monday, February 29': no year near publication has February 29 on a Monday",
                )
            ],
        ),
        (
            "He will start on Tuesday, October 1.",
            "2024",
            [
                (
                    "on Tuesday, October 1",
                    None,
                    "'on Tuesday, October 1': the text gives no year, and the publication date (2024) is not one day "
                    "to place it by",
                )
            ],
        ),
        (
            "She left on March 3.",
            "2024-03-01",
            [
                (
                    "on March 3",
                    "2023-03-03",
                    "'on March 3' is 2023-03-03: the March 3 on or before publication (2024-03-01), as the clause "
                    "looks back ('left')",
                )
            ],
        ),
        (
            "She will leave on March 3.",
            "2024-03-05",
            [
                (
                    "on March 3",
                    "2025-03-03",
                    "'on March 3' is 2025-03-03: the March 3 on or after publication (2024-03-05), as the clause looks "
                    "ahead ('will')",
                )
            ],
        ),
        (
            "The council meets on March 3.",
            "2024-03-05",
            [
                (
                    "on March 3",
                    "2024-03-03",
                    "'on March 3' is 2024-03-03: the March 3 nearest publication (2024-03-05), as the clause has no "
                    "tense to tell",
                )
            ],
        ),
        # As near before as after (2024 is a leap year): the earlier.
        (
            "The council meets on January 1.",
            "2024-07-02",
            [
                (
                    "on January 1",
                    "2024-01-01",
                    "'on January 1' is 2024-01-01: the January 1 nearest publication (2024-07-02), as the clause has "
                    "no tense to tell",
                )
            ],
        ),
        (
            "The council meets on January 2.",
            "2024-12-30",
            [
                (
                    "on January 2",
                    "2025-01-02",
                    "'on January 2' is 2025-01-02: the January 2 nearest publication (2024-12-30), as the clause has "
                    "no tense to tell",
                )
            ],
        ),
        (
            "She left in March.",
            "2024-03-01",
            [
                (
                    "in March",
                    "2024-03",
                    "'in March' is 2024-03: the March on or before publication (2024-03-01), as the clause looks back "
                    "('left')",
                )
            ],
        ),
        (
            "She will leave in March.",
            "2024-04-01",
            [
                (
                    "in March",
                    "2025-03",
                    "'in March' is 2025-03: the March on or after publication (2024-04-01), as the clause looks ahead "
                    "('will')",
                )
            ],
        ),
        (
            "The council meets in December.",
            "2024-01-20",
            [
                (
                    "in December",
                    "2023-12",
                    "'in December' is 2023-12: the December nearest publication (2024-01-20), as the clause has no "
                    "tense to tell",
                )
            ],
        ),
        (
            "The council meets in January.",
            "2024-12-20",
            [
                (
                    "in January",
                    "2025-01",
                    "'in January' is 2025-01: the January nearest publication (2024-12-20), as the clause has no tense "
                    "to tell",
                )
            ],
        ),
        (
            "It opened on the 3rd of May 2019.",
            "2024-03-01",
            [("on the 3rd of May 2019", "2019-05-03", "'on the 3rd of May 2019' is 2019-05-03")],
        ),
        (
            "It opened on May 3rd, 2019.",
            "2024-03-01",
            [("on May 3rd, 2019", "2019-05-03", "'on May 3rd, 2019' is 2019-05-03")],
        ),
        (
            "It closes at the end of 2025.",
            "2024-03-01",
            [("at the end of 2025", "2025", "'at the end of 2025' is the year 2025")],
        ),
        # The month of publication is on or after it, as it is on or before it.
        (
            "He will leave in March.",
            "2024-03-15",
            [
                (
                    "in March",
                    "2024-03",
                    "'in March' is 2024-03: the March on or after publication (2024-03-15), as the clause looks "
                    "ahead ('will')",
                )
            ],
        ),
        # A weekday later in the week than publication's, looking back: the week before.
        (
            "She left on Friday.",
            "2024-11-06",
            [
                (
                    "on Friday",
                    "2024-11-01",
                    "'on Friday' is 2024-11-01, the Friday before publication (Wednesday 2024-11-06): the clause looks "
                    "back ('left')",
                )
            ],
        ),
        # Near publication is within 12 years of it: February 29 was a Monday in 1988 and 2016, 13 years from
        # 2001 and from 2003.
        (
            "The fair opened on Monday, February 29.",
            "2001-06-15",
            [
                (
                    "on Monday, February 29",
                    None,
                    "'on Monday, February 29': no year near publication has February 29 on a Monday",
                )
            ],
        ),
        (
            "The fair opened on Monday, February 29.",
            "2003-06-15",
            [
                (
                    "on Monday, February 29",
                    None,
                    "'on Monday, February 29': no year near publication has February 29 on a Monday",
                )
            ],
        ),
        # The only such year near publication: no "also".
        (
            "The fair opened on Thursday, February 29.",
            "2024-06-15",
            [
                (
                    "on Thursday, February 29",
                    "2024-02-29",
                    "'on Thursday, February 29' is 2024-02-29: February 29 is a Thursday in 2024, the year nearest "
                    "publication (2024-06-15) in which it is",
                )
            ],
        ),
        # A day without its year is placed in the year before publication, its year or the next, never further.
        (
            "The board met on February 29.",
            "2022-06-15",
            [("on February 29", None, "'on February 29': February 29 is not a day of any year near publication")],
        ),
    ],
)
def test_each_way_of_writing_a_date_resolves_to_its_day_month_or_year(
    sentence: str, published: str, expected: list[tuple[str, str | None, str]]
) -> None:
    assert resolve(sentence, published) == expected


def test_a_date_expression_is_found_where_it_stands_with_what_each_part_says() -> None:
    shape, written = when.Shape, when.Written
    assert when.find("Yesterday he left; he served from March 2004 to June, for 5 months.", 100) == [
        when.Expression(shape=shape.POINT, start=100, end=109, text="Yesterday", first=written(days_from=-1)),
        when.Expression(
            shape=shape.RANGE,
            start=129,
            end=152,
            text="from March 2004 to June",
            first=written(year=2004, month=3),
            second=written(month=6),
        ),
        when.Expression(shape=shape.LENGTH, start=154, end=166, text="for 5 months", length=5, length_unit="month"),
    ]
    assert when.find("He served between 2004 and 2016 and for nearly two decades, after three years in office.", 0) == [
        when.Expression(
            shape=shape.RANGE,
            start=10,
            end=31,
            text="between 2004 and 2016",
            first=written(year=2004),
            second=written(year=2016),
        ),
        when.Expression(
            shape=shape.LENGTH, start=36, end=58, text="for nearly two decades", length=20, length_unit="year"
        ),
        when.Expression(
            shape=shape.LENGTH, start=60, end=87, text="after three years in office", length=3, length_unit="year"
        ),
    ]
    assert when.find("He led it for the last 18 months until next year, then quit last Friday or today.", 0) == [
        when.Expression(
            shape=shape.LENGTH, start=10, end=32, text="for the last 18 months", length=18, length_unit="month"
        ),
        when.Expression(
            shape=shape.UNTIL, start=33, end=48, text="until next year", first=written(unit="year", units_from=1)
        ),
        when.Expression(shape=shape.POINT, start=60, end=71, text="last Friday", first=written(weekday=4, mode="last")),
        when.Expression(shape=shape.POINT, start=75, end=80, text="today", first=written(days_from=0)),
    ]
    assert [
        expression.first for expression in when.find("Tomorrow, next Sunday, this Tuesday, last year, this month.", 0)
    ] == [
        written(days_from=1),
        written(weekday=6, mode="next"),
        written(weekday=1, mode="this"),
        written(unit="year", units_from=-1),
        written(unit="month"),
    ]


def test_a_length_in_months_counts_back_months() -> None:
    counted = reckoning.count_back(18, "month", "for the past 18 months", parse("2016-05-02"), "the end of the term")
    assert (str(counted.value), counted.note) == (
        "2014-11~",
        "'for the past 18 months' counted back 18 months from 2016-05-02 (the end of the term) is about 2014-11 "
        "(2014-11~)",
    )
    january = reckoning.count_back(1, "month", " for a month ", parse("2016-01"), "the publication day")
    assert (str(january.value), january.note) == (
        "2015-12~",
        "'for a month' counted back 1 month from 2016-01 (the publication day) is about 2015-12 (2015-12~)",
    )
    assert str(reckoning.count_back(12, "month", "for 12 months", parse("2016-12-31"), "the end").value) == "2015-12~"
    a_year = reckoning.count_back(1, "year", "for a year", parse("2016-05"), "the end")
    assert (str(a_year.value), a_year.note) == (
        "2015~",
        "'for a year' counted back 1 year from 2016-05 (the end) is about 2015 (2015~)",
    )
    in_2016 = reckoning.count_back(18, "month", "for 18 months", parse("2016"), "the end of the term")
    assert (str(in_2016.value), in_2016.note) == (
        "2015~",
        "'for 18 months' counted back 18 months from 2016 (the end of the term) is about 2015 (2015~)",
    )
    assert [str(reckoning.count_back(months, "month", "", parse("2016"), "").value) for months in (6, 7)] == [
        "2016~",
        "2015~",
    ]


def test_a_date_that_starts_where_the_one_before_ends_is_found_too() -> None:
    """Words run together, as text copied from a page whose line break was lost: both dates are found."""
    found = when.find("He left after six years in officeMay 3 was his last day.", 0)
    assert [(expression.shape, expression.start, expression.end, expression.text) for expression in found] == [
        (when.Shape.LENGTH, 8, 33, "after six years in office"),
        (when.Shape.POINT, 33, 38, "May 3"),
    ]


@pytest.mark.parametrize(
    ("sentence", "at", "expected"),
    [
        # A relative clause ends at its comma; the main clause's tense is after it.
        ("Ann Pike, who took office in May, will face a vote on Monday.", "May", ("back", "took")),
        ("Ann Pike, who took office in May, will face a vote on Monday.", "Monday", ("ahead", "will")),
        ("Ann Pike, who took office in May, will face a vote on Monday, aides said.", "May", ("back", "took")),
        # Without a relative clause, a comma ends nothing.
        ("On Monday, the board met.", "Monday", ("back", "met")),
        # A semicolon ends the clause.
        ("She took office on Monday; she will leave in May.", "Monday", ("back", "took")),
        ("She is to take office on Monday.", "Monday", ("ahead", "is to")),
        ("She resigned on Monday.", "Monday", ("back", "resigned")),
        ("He axed the plan on Monday.", "Monday", ("back", "axed")),
        # "-ed" in a word of three letters ("Ted") or in a word that is no past ("need") is no past tense.
        ("Ted Marsh meets the board on Monday.", "Monday", ("unknown", "")),
        ("They need a chair by Monday.", "Monday", ("unknown", "")),
        # The sentence's first word counts.
        ("Will she take office on Monday?", "Monday", ("ahead", "Will")),
        # A clause starts right after a semicolon written without a space.
        ("She will leave in May;on Monday she resigned.", "on Monday", ("back", "resigned")),
    ],
)
def test_the_tense_of_a_clause_is_told_by_its_own_words(sentence: str, at: str, expected: tuple[str, str]) -> None:
    assert tense_at(sentence, sentence.index(at)) == expected


# --- The dates one holding gives another (handovers.py) ----------------------------------------------


def _dated_terms(text: str, base: Known) -> list[tuple[str | list[str] | None, ...]]:
    """Each term's holder, start, end and quote, and the note's lines that say how its start and end were found."""
    result = write_up(text + "\n", "2025-02-26", base)
    return [
        (
            term.values["holder"],
            term.values.get("start"),
            term.values.get("end"),
            term.values["quote"],
            *[line for line in str(term.values["note"]).splitlines() if line.startswith(("Start:", "End:"))],
        )
        for term in result.terms
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The one replaced leaves the day the one replacing takes office, told in a sentence of its own.
        (
            "Tom Rell was named mayor of Dunmere in 2010.\n"
            "Ann Pike took office as mayor of Dunmere on June 2, 2024, replacing him.",
            [
                (
                    "tom-rell",
                    "2010",
                    "2024-06-02",
                    "Tom Rell was named mayor of Dunmere in 2010",
                    "Start: 'in 2010' is the year 2010.",
                    "End: the day Ann Pike takes office (2024-06-02), replacing Tom Rell ('replacing him') (sentence "
                    "2: "
                    "'replacing him').",
                ),
                (
                    "ann-pike",
                    "2024-06-02",
                    "..",
                    "Ann Pike took office as mayor of Dunmere on June 2, 2024, replacing him",
                    "Start: 'on June 2, 2024' is 2024-06-02.",
                    "End: open (..): the article knows of no end.",
                ),
            ],
        ),
        # The one replacing takes office the day the one replaced leaves, in the sentence that tells both: the
        # term is quoted from it, though its end is told later.
        (
            "Tom Rell became chancellor of Tarnia in 2015.\n"
            "He resigned in 2019 and was succeeded as chancellor by Ida Holm.\n"
            "Holm stepped down as chancellor in 2023.",
            [
                (
                    "tom-rell",
                    "2015",
                    "2019",
                    "Tom Rell became chancellor of Tarnia in 2015",
                    "Start: 'in 2015' is the year 2015.",
                    "End: 'resigned': 'in 2019' is the year 2019 (sentence 2: 'He resigned in 2019').",
                ),
                (
                    "ida-holm",
                    "2019",
                    "2023",
                    "He resigned in 2019 and was succeeded as chancellor by Ida Holm",
                    "Start: the day Tom Rell leaves office (2019), replaced by Ida Holm ('He resigned in 2019 and was "
                    "succeeded as chancellor by Ida Holm').",
                    "End: 'stepped down': 'in 2023' is the year 2023 (sentence 3: 'Holm stepped down as chancellor in "
                    "2023').",
                ),
            ],
        ),
        # A start derived so is no date the text gives: the length of the one replaced counts back from the end
        # the text gives them, not from it.
        (
            "Tom Rell, who led Tarnia for ten years, resigned in 2019 and was succeeded as chancellor by Ida Holm.",
            [
                (
                    "tom-rell",
                    "2009~",
                    "2019",
                    "Tom Rell, who led Tarnia for ten years, resigned in 2019 and was succeeded as chancellor by Ida "
                    "Holm",
                    "Start: 'for ten years' counted back 10 years from 2019 (the end of the term) is about 2009 "
                    "(2009~).",
                    "End: 'resigned': 'in 2019' is the year 2019.",
                ),
                (
                    "ida-holm",
                    "2019",
                    "..",
                    "Tom Rell, who led Tarnia for ten years, resigned in 2019 and was succeeded as chancellor by Ida "
                    "Holm",
                    "Start: the day Tom Rell leaves office (2019), replaced by Ida Holm ('Tom Rell, who led Tarnia for "
                    "ten years, resigned in 2019 and was succeeded as chancellor by Ida Holm').",
                    "End: open (..): the article knows of no end.",
                ),
            ],
        ),
        # A vacancy: the one named to the office in the sentence that ends another's term takes it that day; the
        # term is quoted from that sentence, though its end is told later.
        (
            "The Brill Otters fired head coach Tom Rell on January 6 and promoted assistant Ann Pike to interim head "
            "coach.\nPike, who led the side for six weeks, left the club on February 17.",
            [
                (
                    "tom-rell",
                    "..2025-01-06",
                    "2025-01-06",
                    "fired head coach Tom Rell on January 6",
                    "Start: on or before the day of 'on January 6' ('on January 6' is 2025-01-06: the January 6 on or "
                    "before publication (2025-02-26), as the clause looks back ('fired')): the article names the "
                    "holder "
                    "with the title then, not since when.",
                    "End: 'fired': 'on January 6' is 2025-01-06: the January 6 on or before publication (2025-02-26), "
                    "as the clause looks back ('fired').",
                ),
                (
                    "ann-pike",
                    "2025-01-06",
                    "2025-02-17",
                    "promoted assistant Ann Pike to interim head coach",
                    "Start: the day the one before leaves office (2025-01-06), told in the same sentence.",
                    "End: 'left': 'on February 17' is 2025-02-17: the February 17 on or before publication "
                    "(2025-02-26), as the clause looks back ('led') (sentence 2: 'Pike, who led the side for six "
                    "weeks, "
                    "left the club on February 17').",
                ),
            ],
        ),
        # A length the text gives dates the start more strongly than a vacancy does.
        (
            "The Brill Otters fired head coach Tom Rell on January 6 and promoted assistant Ann Pike to interim head "
            "coach.\nPike, who led the side for one month, left the club on February 17.",
            [
                (
                    "tom-rell",
                    "..2025-01-06",
                    "2025-01-06",
                    "fired head coach Tom Rell on January 6",
                    "Start: on or before the day of 'on January 6' ('on January 6' is 2025-01-06: the January 6 on or "
                    "before publication (2025-02-26), as the clause looks back ('fired')): the article names the "
                    "holder "
                    "with the title then, not since when.",
                    "End: 'fired': 'on January 6' is 2025-01-06: the January 6 on or before publication (2025-02-26), "
                    "as the clause looks back ('fired').",
                ),
                (
                    "ann-pike",
                    "2025-01~",
                    "2025-02-17",
                    "Pike, who led the side for one month, left the club on February 17",
                    "Start: 'for one month' counted back 1 month from 2025-02-17 (the end of the term) is about "
                    "2025-01 "
                    "(2025-01~).",
                    "End: 'left': 'on February 17' is 2025-02-17: the February 17 on or before publication "
                    "(2025-02-26), as the clause looks back ('led').",
                ),
            ],
        ),
        # No vacancy in another office: the one named general manager that day is not given the coach's end.
        (
            "The Brill Otters fired head coach Tom Rell on Monday and named Ann Pike general manager.",
            [
                (
                    "tom-rell",
                    "..2025-02-24",
                    "2025-02-24",
                    "fired head coach Tom Rell on Monday",
                    "Start: on or before the day of 'on Monday' ('on Monday' is 2025-02-24, the Monday before "
                    "publication (Wednesday 2025-02-26): the clause looks back ('fired')): the article names the "
                    "holder with the title then, not since when.",
                    "End: 'fired': 'on Monday' is 2025-02-24, the Monday before publication (Wednesday 2025-02-26): "
                    "the clause looks back ('fired').",
                ),
                (
                    "ann-pike",
                    None,
                    "..",
                    "named Ann Pike general manager",
                    "Start: not in the article.",
                    "End: open (..): the article knows of no end.",
                ),
            ],
        ),
        # An end derived from the start of the one replacing is no vacancy: another named to the office in that
        # sentence, with no day, is given none.
        (
            "Ann Pike took office as co-chair of the Brill Guild on June 2, 2024, replacing Tom Rell, and Carl Moss "
            "was "
            "named co-chair.",
            [
                (
                    "tom-rell",
                    None,
                    "2024-06-02",
                    "replacing Tom Rell",
                    "Start: not in the article.",
                    "End: the day Ann Pike takes office (2024-06-02), replacing Tom Rell ('replacing Tom Rell').",
                ),
                (
                    "ann-pike",
                    "2024-06-02",
                    "..",
                    "Ann Pike took office as co-chair of the Brill Guild on June 2, 2024, replacing Tom Rell",
                    "Start: 'on June 2, 2024' is 2024-06-02.",
                    "End: open (..): the article knows of no end.",
                ),
                (
                    "carl-moss",
                    None,
                    "..",
                    "Carl Moss was named co-chair",
                    "Start: not in the article.",
                    "End: open (..): the article knows of no end.",
                ),
            ],
        ),
        # A title later in the article ("Chancellor Holm said on Monday": on or before Monday) tells less than the
        # day the one replaced left, or the day of a vacancy, and gives way to it.
        (
            "Tom Rell became chancellor of Tarnia in 2015.\n"
            "He resigned in 2019 and was succeeded as chancellor by Ida Holm.\n"
            "Chancellor Holm said on Monday that the budget would pass.",
            [
                (
                    "tom-rell",
                    "2015",
                    "2019",
                    "Tom Rell became chancellor of Tarnia in 2015",
                    "Start: 'in 2015' is the year 2015.",
                    "End: 'resigned': 'in 2019' is the year 2019 (sentence 2: 'He resigned in 2019').",
                ),
                (
                    "ida-holm",
                    "2019",
                    "..",
                    "He resigned in 2019 and was succeeded as chancellor by Ida Holm",
                    "Start: the day Tom Rell leaves office (2019), replaced by Ida Holm ('He resigned in 2019 and was "
                    "succeeded as chancellor by Ida Holm').",
                    "End: open (..): the holder acts with the title in this news.",
                ),
            ],
        ),
        (
            "The Brill Otters fired head coach Tom Rell on Monday and promoted assistant Ann Pike to interim head "
            "coach.\nHead coach Ann Pike said on Tuesday that the team would recover.",
            [
                (
                    "tom-rell",
                    "..2025-02-24",
                    "2025-02-24",
                    "fired head coach Tom Rell on Monday",
                    "Start: on or before the day of 'on Monday' ('on Monday' is 2025-02-24, the Monday before "
                    "publication (Wednesday 2025-02-26): the clause looks back ('fired')): the article names the "
                    "holder with the title then, not since when.",
                    "End: 'fired': 'on Monday' is 2025-02-24, the Monday before publication (Wednesday 2025-02-26): "
                    "the clause looks back ('fired').",
                ),
                (
                    "ann-pike",
                    "2025-02-24",
                    "..",
                    "promoted assistant Ann Pike to interim head coach",
                    "Start: the day the one before leaves office (2025-02-24), told in the same sentence.",
                    "End: open (..): the article knows of no end.",
                ),
            ],
        ),
    ],
)
def test_a_handover_dates_the_other_holding_and_its_note_says_how(
    text: str, expected: list[tuple[str | None, ...]], base: Known
) -> None:
    assert _dated_terms(text, base) == expected


# --- Whom a pronoun stands for (pronouns.py) -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A person named before the pronoun in its sentence.
        (
            "Ann Pike said she would step down as mayor of Dunmere in May.",
            [
                (
                    "ann-pike",
                    "she would step down as mayor of Dunmere in May",
                    "Holder: Ann Pike (new, proposed above). 'she' is taken for Ann Pike, named before it in the "
                    "sentence.",
                )
            ],
        ),
        # Else the first person of the sentence before it.
        (
            "Ann Pike met Tom Rell in 2019.\nShe was elected mayor of Dunmere in 2020.",
            [
                (
                    "ann-pike",
                    "She was elected mayor of Dunmere in 2020",
                    "Holder: Ann Pike (new, proposed above). 'She' is taken for Ann Pike, the first person named "
                    "before it.",
                )
            ],
        ),
        # Else the person a "She" before it stands for, before the person that sentence names.
        (
            "Ruth Hale was mayor of Brill from 1998 to 2004.\nShe was succeeded by Carl Moss.\n"
            "She was chair of the Brill Water Board from 2005 to 2010.",
            [
                (
                    "ruth-hale",
                    "Ruth Hale was mayor of Brill from 1998 to 2004",
                    "Holder: Ruth Hale (new, proposed above).",
                ),
                ("carl-moss", "She was succeeded by Carl Moss", "Holder: Carl Moss (new, proposed above)."),
                (
                    "ruth-hale",
                    "She was chair of the Brill Water Board from 2005 to 2010",
                    "Holder: Ruth Hale (new, proposed above). 'She' is taken for Ruth Hale, as the 'She' before it.",
                ),
            ],
        ),
    ],
)
def test_the_note_says_whom_a_pronoun_is_taken_for_and_why(
    text: str, expected: list[tuple[str, str, str]], base: Known
) -> None:
    result = write_up(text + "\n", "2025-02-26", base)
    assert [
        (term.values["holder"], term.values["quote"], str(term.values["note"]).splitlines()[0]) for term in result.terms
    ] == expected


def _pronouns_read(text: str, base: Known) -> list[list[tuple[str, str]]]:
    """Each sentence's pronouns, and the name of the person each is taken for."""
    reading = read(text, split(text), base.entities)
    return [
        [
            (mention.text, reading.entities[mention.ref].name)
            for mention in sentence.mentions
            if mention.mark is Mark.PRONOUN
        ]
        for sentence in reading.sentences
    ]


def test_a_her_that_opens_a_sentence_is_no_pronoun_though_the_sentence_ends_in_a_verb_of_succeeding(
    base: Known,
) -> None:
    """ "her" is a person only right after a verb of succeeding; the first word of a sentence follows none (not
    the sentence's last word)."""
    text = "Ann Pike left Brill Bank in 2019.\nHer bank said she would not be replaced.\n"
    assert _pronouns_read(text, base) == [[], [("she", "Ann Pike")]]


def test_a_person_described_by_an_agent_noun_is_one_opening_the_sentence_before_a_verb(base: Known) -> None:
    """ "The banker will ...", "The former banker said": the person named before, as "she" would be; not a noun
    three words in, nor one with no verb after it."""
    text = (
        "Brill Bank named Ann Pike as its chief executive.\nThe banker will take office on June 2.\n"
        "The former banker said.\nThe newly hired banker said so.\nThe banker\n"
    )
    assert _pronouns_read(text, base) == [[], [("banker", "Ann Pike")], [("banker", "Ann Pike")], [], []]


def test_a_name_that_begins_with_a_pronouns_word_is_the_name_not_a_pronoun() -> None:
    """ "He Ming" is a name, not "he"; a pronoun after it in the sentence is still read."""
    known = Known(entities=(KnownEntity(id="he-ming", kind=Kind.PERSON, name="He Ming"),), taken=frozenset())
    text = "Ann Pike met the delegation on Monday.\nHe Ming thanked Ann Pike, and she said the talks went well.\n"
    reading = read(text, split(text), known.entities)
    assert [(mention.mark, mention.text, mention.ref) for mention in reading.sentences[1].mentions] == [
        (Mark.PERSON, "He Ming", "he-ming"),
        (Mark.PERSON, "Ann Pike", "new:ann pike"),
        (Mark.PRONOUN, "she", "new:ann pike"),
    ]


def test_him_after_a_verb_of_succeeding_is_never_the_person_right_before_that_verb(base: Known) -> None:
    """ "X led it until Y replaced him": Y replaces, so "him" is X (no clause boundary tells it: the person right
    before the verb is its subject); "..., before succeeding him" has no subject of its own."""
    text = (
        "Ann Pike led Brill Bank until Tom Reed replaced him.\n"
        "Ann Pike ran Brill Bank for years before Tom Reed then succeeded her.\n"
        "Tom Reed served as deputy under Ann Pike, before succeeding her.\n"
    )
    assert _pronouns_read(text, base) == [[("him", "Ann Pike")], [("her", "Ann Pike")], [("her", "Ann Pike")]]


def test_an_article_of_exactly_the_longest_length_is_drafted(base: Known) -> None:
    """LONGEST_ARTICLE is the longest article drafted, not the first refused; a sentence past LONGEST_SENTENCE
    (the padding, no prose) is left to the curator unread."""
    from newskb.draft.sentences import LONGEST_ARTICLE

    told = "Ana Petrov was appointed chair of the Tern Guild on 3 March 2024.\n"
    result = write_up(told + "x" * (LONGEST_ARTICLE - len(told)), "2024-03-05", base)
    assert [(term.values["holder"], term.values["start"]) for term in result.terms] == [("ana-petrov", "2024-03-03")]
    assert [number for number, _ in result.uncovered] == [2]
