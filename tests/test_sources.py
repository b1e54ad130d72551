"""evidence.py: the sources with what they back, a fact's quote inside its sentence, and coverage."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newskb.answers import sources
from newskb.answers.sources import CoverageShare, SentenceRow, coverage_shares
from newskb.common.errors import NotFoundError
from newskb.common.kinds import Kind
from newskb.index.cache import open_index
from newskb.render.plain import as_dict
from tests.conftest import TinyBase

# A second article for the tiny base, published before the gazette, citing two entities.
LETTER_TEXT = "Dear Ada. Babbage wrote to Lovelace in 1840.\nHe praised her notes.\n"
LETTER = """\
[source]
id = "letter-1840"
title = "A letter"
publisher = "analytical-society"
cites = ["charles-babbage", "analytical-society"]
published = "1840-05"
text = "../../seeds/letter.txt"

[[claim]]
id = "babbage-wrote"
about = ["charles-babbage", "ada-lovelace"]
text = "Babbage wrote to Lovelace in 1840."
quote = "Babbage wrote to Lovelace in 1840."

[[event]]
id = "notes-praised"
title = "Babbage praises Lovelace's notes"
involves = ["charles-babbage", "ada-lovelace"]
quote = "in 1840.\\nHe praised"
note = "Spans two sentences."
"""


@pytest.fixture
def db(kb: Path) -> sqlite3.Connection:
    connection, problems = open_index(kb)
    assert problems == []
    return connection


def tiny_db(base: TinyBase) -> sqlite3.Connection:
    connection, _ = open_index(base.data)
    return connection


@pytest.fixture
def two_sources(tiny: TinyBase) -> TinyBase:
    (tiny.root / "seeds" / "letter.txt").write_text(LETTER_TEXT, encoding="utf-8")
    (tiny.data / "sources" / "letter.toml").write_text(LETTER, encoding="utf-8")
    return tiny


# --- sources -------------------------------------------------------------------------------------


def test_sources_count_their_facts(db: sqlite3.Connection, kb: Path) -> None:
    (row,) = sources.sources(db, kb)
    assert (row.id, row.published, row.terms, row.events, row.claims, row.inferred, row.text) == (
        "rbc-ukraine-2024-09-30-rutte",
        "2024-09-30",
        7,
        5,
        16,
        ["publisher", "published"],
        "../seeds/000_2f614e97bf582ec3.txt",
    )


def test_sources_oldest_first_with_their_citations_in_order(two_sources: TinyBase) -> None:
    rows = sources.sources(tiny_db(two_sources), two_sources.data)
    assert [as_dict(row) for row in rows] == [
        {
            "id": "letter-1840",
            "title": "A letter",
            "publisher": "analytical-society",
            "published": "1840-05",
            "cites": ["charles-babbage", "analytical-society"],
            "terms": 0,
            "events": 1,
            "claims": 1,
            "text": "../seeds/letter.txt",
            "inferred": [],
            "note": None,
        },
        {
            "id": "gazette-1843",
            "title": "Gazette of the Analytical Society",
            "publisher": "analytical-society",
            "published": "1843-09-01",
            "cites": [],
            "terms": 2,
            "events": 0,
            "claims": 0,
            "text": "../seeds/gazette.txt",
            "inferred": [],
            "note": None,
        },
    ]


# --- cite ----------------------------------------------------------------------------------------


def test_cite_shows_the_quote_inside_its_sentence(db: sqlite3.Connection) -> None:
    citation = sources.cite(db, "nato-has-32-members")
    assert citation.sentence == (
        "Known for his coalition-building skills honed during his 14-year leadership of the Netherlands, "
        "Rutte will need to strengthen unity within NATO, which comprises 32 member countries."
    )
    assert citation.sentence[citation.quote_start : citation.quote_end] == "NATO, which comprises 32 member countries"
    # A quote that is its whole sentence.
    handover = sources.cite(db, "mark-rutte-takes-office")
    assert (handover.quote_start, handover.quote_end) == (0, len(handover.sentence)) == (0, 177)


def test_cite_a_term_with_every_field(tiny: TinyBase) -> None:
    citation = sources.cite(tiny_db(tiny), "lovelace-chair")
    assert as_dict(citation) == {
        "id": "lovelace-chair",
        "kind": Kind.TERM,
        "source": "gazette-1843",
        "title": "Gazette of the Analytical Society",
        "published": "1843-09-01",
        "quote": "Ada Lovelace succeeded him as chair in 1840",
        "sentence": "Ada Lovelace succeeded him as chair in 1840, and she remains chair.",
        "quote_start": 0,
        "quote_end": 43,
        "note": None,
        "modality": "stated",
        "said_by": [],
        "via": [],
        "as_of": None,
    }


def test_cite_an_event_over_two_sentences_and_a_claim(two_sources: TinyBase) -> None:
    connection = tiny_db(two_sources)
    event = sources.cite(connection, "notes-praised")
    assert (event.kind, event.note) == (Kind.EVENT, "Spans two sentences.")
    assert event.sentence == "Babbage wrote to Lovelace in 1840.\nHe praised her notes."
    assert (event.quote_start, event.quote_end) == (26, 45)
    claim = sources.cite(connection, "babbage-wrote")
    assert (claim.kind, claim.sentence, claim.quote_start, claim.quote_end) == (
        Kind.CLAIM,
        "Babbage wrote to Lovelace in 1840.",
        0,
        34,
    )


def test_cite_an_entity_summary(db: sqlite3.Connection) -> None:
    citation = sources.cite(db, "peter-bator")
    assert (citation.kind, citation.quote, citation.note) == (
        Kind.PERSON,
        "former Slovak Ambassador to NATO Peter Bator",
        None,
    )
    assert citation.sentence.startswith("According to former Slovak Ambassador to NATO Peter Bator, one of")
    assert (citation.quote_start, citation.quote_end) == (13, 57)


def test_cite_a_quote_the_article_lacks_shows_the_quote_alone(tiny: TinyBase) -> None:
    tiny.append(
        tiny.source,
        '[[claim]]\nid = "misquoted"\nabout = ["ada-lovelace"]\ntext = "X."\nquote = "Lovelace wrote code."\n',
    )
    citation = sources.cite(tiny_db(tiny), "misquoted")
    assert (citation.sentence, citation.quote_start, citation.quote_end) == ("Lovelace wrote code.", 0, 20)


def test_cite_when_the_article_cannot_be_read_shows_the_quote_alone(tiny: TinyBase) -> None:
    (tiny.root / "seeds" / "gazette.txt").unlink()
    citation = sources.cite(tiny_db(tiny), "babbage-chair")
    assert citation.sentence == "Charles Babbage chaired the Analytical Society from 1831 until 1840."
    assert (citation.quote_start, citation.quote_end) == (0, 68)


def test_cite_unknown_id_suggests(db: sqlite3.Connection) -> None:
    with pytest.raises(NotFoundError, match=r"no quoted fact has the id 'nato-has-32' \(did you mean"):
        sources.cite(db, "nato-has-32")


def test_cite_an_entity_without_a_quote_is_not_found(tiny: TinyBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        sources.cite(tiny_db(tiny), "ada-lovelace")
    # The closest quoted ids are suggested; the entity itself, without a quote, is not one of them.
    assert str(caught.value) == "no quoted fact has the id 'ada-lovelace' (did you mean 'lovelace-chair'?)"
    with pytest.raises(NotFoundError) as caught:
        sources.cite(tiny_db(tiny), "lovelace-chai")
    assert str(caught.value) == "no quoted fact has the id 'lovelace-chai' (did you mean 'lovelace-chair'?)"
    with pytest.raises(NotFoundError) as caught:
        sources.cite(tiny_db(tiny), "zzz")
    assert str(caught.value) == "no quoted fact has the id 'zzz'"


# --- coverage ------------------------------------------------------------------------------------


def rows(found: list[SentenceRow]) -> list[tuple[str, int, bool, list[str], str]]:
    return [(row.source, row.number, row.covered, row.facts, row.sentence) for row in found]


def test_coverage_lists_every_sentence_with_the_facts_that_quote_it(tiny: TinyBase) -> None:
    assert rows(sources.coverage(tiny_db(tiny), "gazette-1843")) == [
        ("gazette-1843", 1, False, [], "Gazette of the Analytical Society, 1 September 1843."),
        (
            "gazette-1843",
            2,
            True,
            ["babbage-chair"],
            "Charles Babbage chaired the Analytical Society from 1831 until 1840.",
        ),
        (
            "gazette-1843",
            3,
            True,
            ["lovelace-chair"],
            "Ada Lovelace succeeded him as chair in 1840, and she remains chair.",
        ),
        ("gazette-1843", 4, False, [], "The society   meets"),
        ("gazette-1843", 5, False, [], "in London."),
    ]


def test_coverage_of_every_source_oldest_first_and_across_sentences(two_sources: TinyBase) -> None:
    found = rows(sources.coverage(tiny_db(two_sources)))
    assert [(source, number, facts) for source, number, _, facts, _ in found] == [
        ("letter-1840", 1, []),
        ("letter-1840", 2, ["babbage-wrote", "notes-praised"]),  # sorted, one sentence, two facts
        ("letter-1840", 3, ["notes-praised"]),  # the event's quote runs into it
        ("gazette-1843", 1, []),
        ("gazette-1843", 2, ["babbage-chair"]),
        ("gazette-1843", 3, ["lovelace-chair"]),
        ("gazette-1843", 4, []),
        ("gazette-1843", 5, []),
    ]


def test_coverage_counts_entity_summaries_and_misses_nothing(db: sqlite3.Connection) -> None:
    found = sources.coverage(db, "rbc-ukraine-2024-09-30-rutte")
    assert [row.number for row in found] == list(range(1, 21))
    assert {row.source for row in found} == {"rbc-ukraine-2024-09-30-rutte"}
    assert found[11].facts == [
        "bator-eastern-flank-ambitions",
        "peter-bator",
        "peter-bator-slovakia-ambassador-to-nato",
    ]
    assert [(row.number, row.sentence) for row in found if not row.covered] == [
        # The headline: the article's publication is not a news fact of its own.
        (1, "Rutte will become new NATO Secretary General tomorrow: His main mission revealed"),
        (9, "Strengthening NATO's eastern flank"),
        (16, "Rutte \u2013 NATO's new secretary general"),
        # Navigation, not a fact about the world: the source's note keeps it.
        (
            20,
            "What is known about the new NATO Secretary General and his stance on Ukraine is detailed in "
            "RBC-Ukraine\u2019s report.",
        ),
    ]
    assert all(row.covered == bool(row.facts) for row in found)


def test_coverage_of_an_unknown_source_suggests_the_closest(tiny: TinyBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        sources.coverage(tiny_db(tiny), "gazete-1843")
    assert str(caught.value) == "unknown source 'gazete-1843' (did you mean 'gazette-1843'?)"
    with pytest.raises(NotFoundError) as caught:
        sources.coverage(tiny_db(tiny), "zzz")
    assert str(caught.value) == "unknown source 'zzz'"


def test_coverage_of_a_source_whose_text_is_missing_is_empty(tiny: TinyBase) -> None:
    (tiny.root / "seeds" / "gazette.txt").unlink()
    assert sources.coverage(tiny_db(tiny), "gazette-1843") == []


def row(source: str, covered: bool) -> SentenceRow:
    return SentenceRow(source=source, number=0, covered=covered, facts=["f"] if covered else [], sentence="s")


def test_coverage_shares_per_source_in_the_order_the_rows_name_them() -> None:
    shares = coverage_shares([row("b", True), row("a", False), row("b", False), row("b", True), row("a", False)])
    assert shares == [
        CoverageShare(source="b", covered=2, sentences=3),
        CoverageShare(source="a", covered=0, sentences=2),
    ]
    assert [share.percent for share in shares] == [66, 0]  # rounded down: 100 only when all are covered
    assert coverage_shares([]) == []


def test_a_share_is_a_percentage_rounded_down() -> None:
    assert CoverageShare(source="s", covered=3, sentences=3).percent == 100
    assert CoverageShare(source="s", covered=199, sentences=200).percent == 99
    assert CoverageShare(source="s", covered=1, sentences=3).percent == 33
    assert CoverageShare(source="s", covered=0, sentences=0).percent == 0
