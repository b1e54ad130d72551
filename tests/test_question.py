"""question.py and search: a typed question read as what it names, looks for and asks, and answered.

QUESTIONS was written before the reading of questions (entity names and aliases, the ordinary ways people ask
for a successor or a predecessor, "how many" and "how long"): each natural question on the seed base with the
record that answers it, which must rank among the first three hits.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newskb.answers import question, search
from newskb.answers.question import Mention, Unit
from newskb.common.fuzzy import tokenize
from newskb.common.kinds import Kind
from newskb.index.cache import open_index
from newskb.render import views
from newskb.render.plain import as_dict


@pytest.fixture
def db(kb: Path) -> sqlite3.Connection:
    connection, problems = open_index(kb)
    assert problems == []
    return connection


QUESTIONS = [
    ("who took over from Stoltenberg", "mark-rutte-nato-secretary-general"),
    ("who succeeded Stoltenberg", "mark-rutte-nato-secretary-general"),
    ("who replaced Stoltenberg", "mark-rutte-nato-secretary-general"),
    ("who came after Stoltenberg", "mark-rutte-nato-secretary-general"),
    ("Stoltenberg's successor", "mark-rutte-nato-secretary-general"),
    ("who did Rutte replace", "jens-stoltenberg-nato-secretary-general"),
    ("Rutte's predecessor", "jens-stoltenberg-nato-secretary-general"),
    ("who was NATO chief before Rutte", "jens-stoltenberg-nato-secretary-general"),
    ("how many countries are in the alliance", "nato-has-32-members"),
    ("how many members does NATO have", "nato-has-32-members"),
    ("how many years was Rutte prime minister", "rutte-coalition-building"),
    ("how long did Stoltenberg lead NATO", "jens-stoltenberg-nato-secretary-general"),
    ("when does Rutte take office", "mark-rutte-takes-office"),
    ("when was Rutte chosen", "mark-rutte-chosen"),
    ("what did Peter Bator say", "bator-eastern-flank-ambitions"),
    ("what does Lungescu say about Rutte", "lungescu-rutte-main-goal"),
    ("did the US back Wallace", "us-did-not-back-wallace"),
    ("who was considered to succeed Stoltenberg", "successor-candidates-considered"),
    ("will Trump return to the presidency", "donald-trump-may-return"),
    ("how many troops are in the east", "nato-eastern-troops-doubled"),
    ("what do NATO officials expect from Rutte", "rutte-expected-to-continue-priorities"),
    ("why did Stoltenberg want to step down", "stoltenberg-wished-to-step-down"),
    ("Russia's invasion of Ukraine", "russia-full-scale-invasion-of-ukraine"),
    ("what challenges will Rutte face", "rutte-challenges"),
    ("how does NATO make decisions", "nato-decides-by-consensus"),
    ("who was the Dutch prime minister", "mark-rutte-netherlands-prime-minister"),
    ("who is the former Slovak ambassador", "peter-bator"),
    ("what is on Rutte's agenda on the eastern flank", "eastern-flank-central-to-agenda"),
    ("does Ukraine want more military aid", "rutte-ukraine-aid-requests"),
    ("who is Rutte", "mark-rutte"),
    ("what are Rutte's key tasks", "rutte-key-tasks"),
]


def test_the_table_is_as_large_as_promised() -> None:
    assert len(QUESTIONS) >= 25


@pytest.mark.parametrize(("asked", "answer"), QUESTIONS)
def test_a_natural_question_finds_its_answer_in_the_first_three(
    db: sqlite3.Connection, asked: str, answer: str
) -> None:
    assert answer in [hit.id for hit in search.search(db, asked, limit=3)]


def test_the_answer_to_a_count_is_first_and_the_neighbour_of_a_holder_is_first(db: sqlite3.Connection) -> None:
    assert search.search(db, "how many countries are in the alliance")[0].id == "nato-has-32-members"
    assert search.search(db, "who took over from Stoltenberg")[0].id == "mark-rutte-nato-secretary-general"
    assert search.search(db, "whom did Rutte succeed")[0].id == "jens-stoltenberg-nato-secretary-general"


def read(db: sqlite3.Connection, text: str) -> question.Question:
    return question.read(db, tokenize(text))


def test_an_alias_typed_whole_names_its_entity(db: sqlite3.Connection) -> None:
    asked = read(db, "how many countries are in the alliance")
    assert asked.units == [
        Unit(words=("alliance",), entity="nato", weight=2.0),
        Unit(words=("countries",), weight=2.0),
    ]
    assert asked.measures == frozenset({"country"})
    # Question words alone name nothing, even where an alias is one ("US" is; "is" is not).
    assert question.named(db, tokenize("who is the")) == []
    assert question.named(db, tokenize("US President")) == [
        Mention(entity="us-president", kind=Kind.OFFICE, first=0, last=1, body="united-states")
    ]


def test_an_office_named_by_its_title_alone_is_the_one_office_that_has_it(db: sqlite3.Connection) -> None:
    assert question.named(db, tokenize("Rutte prime minister")) == [
        Mention(entity="mark-rutte", kind=Kind.PERSON, first=0, last=0),
        Mention(entity="netherlands-prime-minister", kind=Kind.OFFICE, first=1, last=2, body="netherlands"),
    ]
    # A word of a title is not the title; an office's words around a body's are not a title either.
    assert question.named(db, tokenize("prime")) == []
    assert question.named(db, tokenize("ambassador")) == []


@pytest.mark.parametrize(
    ("asked", "relation", "holder"),
    [
        ("who took over from Stoltenberg", "successor", "jens-stoltenberg"),
        ("who replaced Stoltenberg", "successor", "jens-stoltenberg"),
        ("Stoltenberg's successor", "successor", "jens-stoltenberg"),
        ("who came after Stoltenberg", "successor", "jens-stoltenberg"),
        ("who was Stoltenberg replaced by", "successor", "jens-stoltenberg"),
        ("who did Stoltenberg precede", "successor", "jens-stoltenberg"),
        ("who did Rutte replace", "predecessor", "mark-rutte"),
        ("who did Rutte take over from", "predecessor", "mark-rutte"),
        ("who preceded Rutte", "predecessor", "mark-rutte"),
        ("before Rutte", "predecessor", "mark-rutte"),
        ("Rutte's predecessor", "predecessor", "mark-rutte"),
        # No holder named: nothing to look for a neighbour of.
        ("who took over", None, None),
    ],
)
def test_who_came_after_or_before_is_read_from_where_the_holder_stands(
    db: sqlite3.Connection, asked: str, relation: str | None, holder: str | None
) -> None:
    read_as = read(db, asked)
    assert (read_as.relation, read_as.holder) == (relation, holder)


def test_a_question_about_an_office_narrows_its_neighbours_to_that_office(db: sqlite3.Connection) -> None:
    asked = read(db, "who was NATO chief before Rutte")
    assert (asked.relation, asked.holder, asked.office) == ("predecessor", "mark-rutte", "nato-secretary-general")
    assert [hit.id for hit in search.search(db, "who was Dutch prime minister before Rutte", kind=Kind.TERM)] == [
        "mark-rutte-netherlands-prime-minister",
    ]


@pytest.mark.parametrize(
    ("asked", "measures"),
    [
        ("how many members does NATO have", {"member"}),
        ("the number of troops", {"troop"}),
        ("how long did Stoltenberg lead NATO", {"year", "month", "week", "day", "decad"}),
        ("who leads NATO", set()),
    ],
)
def test_what_a_question_counts(db: sqlite3.Connection, asked: str, measures: set[str]) -> None:
    assert read(db, asked).measures == measures


def test_a_text_that_gives_a_number_of_what_is_counted_earns_the_most() -> None:
    years = frozenset({"year"})
    assert search._number_bonus("his 14-year leadership", years) == search.ANSWER_BONUS
    assert search._number_bonus("led the alliance for the past ten years", years) == search.ANSWER_BONUS
    assert search._number_bonus("32 member countries", years) == search.NUMBER_BONUS
    assert search._number_bonus("ten long and hard years", years) == 0.0  # too far from its number
    assert search._number_bonus("no number at all", years) == 0.0


def test_a_hit_says_how_sure_whose_words_when_and_the_quote(db: sqlite3.Connection) -> None:
    hits = {hit.id: hit for hit in search.search(db, "Trump return presidency", limit=10)}
    assert as_dict(hits["donald-trump-may-return"]) == {
        "kind": "event",
        "id": "donald-trump-may-return",
        "label": "Donald Trump may return to the US presidency",
        "score": 94,
        "source": "rbc-ukraine-2024-09-30-rutte",
        "modality": "possible",
        "said_by": [],
        "via": [],
        "as_of": None,
        "when": "2024-10-01..",
        "quote": "the potential return of Donald Trump to the US presidency",
    }
    # As a person reads it: how sure, as a timeline row says it, and through whom.
    shown = views.for_reading([as_dict(hits["donald-trump-may-return"])], views.SEARCH)[0]
    assert shown["label"] == "Donald Trump may return to the US presidency (possible)"
    expected = next(hit for hit in search.search(db, "officials expect", kind=Kind.CLAIM))
    assert (expected.modality, expected.said_by, expected.when) == ("expected", ["nato"], "2024-09-30")
    # The claim names its speaker, so the label does not put "NATO:" before it as an official statement would.
    assert expected.label.startswith("NATO officials expect Rutte")
    term = next(hit for hit in search.search(db, "Stoltenberg NATO", kind=Kind.TERM) if hit.id.startswith("jens"))
    assert (term.when, term.modality, term.via) == ("2014~/2024-10-01", "announced", ["reuters"])
    entity = search.search(db, "NATO", kind=Kind.ORGANIZATION)[0]
    assert (entity.when, entity.quote) == ("2024-09-30", "NATO, which comprises 32 member countries")


def test_a_query_is_read_up_to_its_word_limit(db: sqlite3.Connection) -> None:
    words = " ".join(["nato"] * search.MAX_WORDS + ["stoltenberg"])
    # The word past the limit is not looked for: NATO is found, not Stoltenberg.
    assert search.search(db, words, limit=1)[0].id == "nato"
