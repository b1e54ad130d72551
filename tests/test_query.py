from __future__ import annotations

import sqlite3
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from newskb import evidence, export, query, search
from newskb.cache import open_index
from newskb.dates import Span
from newskb.errors import BadArgumentError, DataFileError, NotFoundError
from newskb.kinds import Kind
from newskb.rows import Answer, Chart
from tests.conftest import TinyBase


@pytest.fixture
def db(kb: Path) -> sqlite3.Connection:
    connection, problems = open_index(kb)
    assert problems == []
    return connection


NSG = "NATO Secretary General"


def holders(answer: Answer) -> list[tuple[str, str]]:
    return [(row.holder_id, row.status) for row in answer.rows]


def test_who_on_the_eve_and_the_day_of_the_handover(db: sqlite3.Connection) -> None:
    assert holders(query.who(db, NSG, date(2024, 9, 30))) == [("jens-stoltenberg", "holds")]
    answer = query.who(db, NSG, date(2024, 10, 1))
    assert asdict(answer.rows[0]) == {
        "office": "NATO Secretary General",
        "office_id": "nato-secretary-general",
        "holder": "Mark Rutte",
        "holder_id": "mark-rutte",
        "start": "2024-10-01",
        "end": "..",
        "status": "holds",
        "attested": "2024-09-30",
        "source": "rbc-ukraine-2024-09-30-rutte",
        "quote": "On Tuesday, October 1, Mark Rutte will officially take office as NATO Secretary General, "
        "replacing Jens Stoltenberg",
        "note": "Start: the year 2024 is inferred (see the source note). The article announces the start a day "
        'ahead ("will officially take office"), citing Reuters; it knows of no end.',
        "id": "mark-rutte-nato-secretary-general",
        "conflicts": [],
        "closed_by": None,
        "replaces": "jens-stoltenberg",
        "replaced_by": None,
        "predecessor": "Jens Stoltenberg",
        "successor": None,
        "modality": "announced",
        "said_by": [],
        "via": ["reuters"],
    }
    assert len(answer.rows) == 1
    assert answer.match is not None and answer.match.exact


def test_who_inside_an_imprecise_start_is_possibly(db: sqlite3.Connection) -> None:
    assert holders(query.who(db, NSG, date(2014, 6, 1))) == [("jens-stoltenberg", "possibly")]
    assert holders(query.who(db, NSG, date(2012, 6, 1))) == []


def test_who_history_lists_every_term_in_order_with_status_on_the_day(db: sqlite3.Connection) -> None:
    answer = query.who(db, NSG, date(2024, 9, 30), history=True)
    assert holders(answer) == [("jens-stoltenberg", "holds"), ("mark-rutte", "not yet")]


def test_who_forgives_typos_and_word_order_and_says_what_it_matched(db: sqlite3.Connection) -> None:
    for typed in ("secretary genral of nato", "general secretary nato", "NATO chief", "Secretary General of NATO"):
        answer = query.who(db, typed, date(2024, 10, 2))
        assert answer.match is not None and answer.match.id == "nato-secretary-general", typed
        assert holders(answer) == [("mark-rutte", "holds")]
    assert query.who(db, "secretary genral of nato", date(2024, 10, 2)).match.exact is False  # type: ignore[union-attr]
    assert query.who(db, "UK Defense Secretary", date(2024, 10, 2)).match.exact is True  # type: ignore[union-attr]


def test_who_unknown_dates_answer_unknown_not_in_office(db: sqlite3.Connection) -> None:
    assert holders(query.who(db, "UK Defence Secretary", date(2024, 10, 2))) == [("ben-wallace", "unknown")]
    assert holders(query.who(db, "Slovak Ambassador to NATO", date(2024, 10, 2))) == []


def test_who_nothing_close_suggests_offices(db: sqlite3.Connection) -> None:
    with pytest.raises(NotFoundError) as caught:
        query.who(db, "xyzzy", date(2024, 10, 2))
    assert str(caught.value).startswith("no office matches 'xyzzy' (closest: '")


def test_offices_on_a_day(db: sqlite3.Connection) -> None:
    rows = query.offices(db, date(2024, 9, 30)).rows
    assert [(row.office_id, row.holder_id, row.status) for row in rows] == [
        ("nato-secretary-general", "jens-stoltenberg", "holds"),
        ("nato-spokesperson", "oana-lungescu", "held"),
        ("us-president", "donald-trump", "held"),
        ("netherlands-prime-minister", "mark-rutte", "held"),
        ("slovakia-ambassador-to-nato", "peter-bator", "held"),
        ("uk-defence-secretary", "ben-wallace", "unknown"),
    ]
    nato = query.offices(db, date(2024, 10, 1), org="nato").rows
    assert [(row.office_id, row.holder_id) for row in nato] == [
        ("nato-secretary-general", "mark-rutte"),
        ("nato-spokesperson", "oana-lungescu"),
    ]


def test_timeline_orders_by_date_and_lists_undated_apart(db: sqlite3.Connection) -> None:
    _, rows = query.timeline(db, entity="Jens Stoltenberg")
    assert [(row.date, row.kind, row.id) for row in rows] == [
        ("2014~", "term start", "jens-stoltenberg-nato-secretary-general"),
        ("..2024-09-30", "event", "successor-candidates-considered"),
        ("2024-10-01", "term end", "jens-stoltenberg-nato-secretary-general"),
        ("2024-10-01", "event", "mark-rutte-takes-office"),
    ]
    _, everything = query.timeline(db)
    undated = [row for row in everything if row.date is None]
    assert everything[-len(undated) :] == undated
    assert {row.id for row in undated} >= {"ben-wallace-uk-defence-secretary"}


def test_timeline_range(db: sqlite3.Connection) -> None:
    _, rows = query.timeline(db, start=date(2024, 10, 1), end=date(2024, 10, 31))
    assert [(row.date, row.kind, row.id, row.in_range) for row in rows] == [
        # A possible return "on or after 2024-09-30" may fall in October: only possibly in the range.
        ("2024-09-30..", "event", "donald-trump-may-return", "possibly"),
        ("2024-10-01", "term end", "jens-stoltenberg-nato-secretary-general", "yes"),
        ("2024-10-01", "term start", "mark-rutte-nato-secretary-general", "yes"),
        ("2024-10-01", "event", "mark-rutte-takes-office", "yes"),
    ]
    _, certain = query.timeline(db, start=date(2024, 10, 1), end=date(2024, 10, 31), certain=True)
    assert [row.id for row in certain] == [row.id for row in rows[1:]]
    assert [row.id for row in query.timeline(db, start=date(2025, 1, 1))[1]] == ["donald-trump-may-return"]


def test_a_week_before_publication_is_only_possibly_in_range(db: sqlite3.Connection) -> None:
    # Everything dated "on or before 2024-09-30" may fall in that week; nothing certainly does.
    _, rows = query.timeline(db, start=date(2024, 9, 15), end=date(2024, 9, 20))
    assert {row.in_range for row in rows} == {"possibly"}
    assert [row.id for row in rows] == [
        "ben-wallace-uk-defence-secretary",
        "donald-trump-us-president",
        "mark-rutte-chosen",
        "mark-rutte-netherlands-prime-minister",
        "oana-lungescu-nato-spokesperson",
        "peter-bator-slovakia-ambassador-to-nato",
        "russia-full-scale-invasion-of-ukraine",
        "successor-candidates-considered",
    ]
    assert query.timeline(db, start=date(2024, 9, 15), end=date(2024, 9, 20), certain=True)[1] == []


def test_show_a_person(db: sqlite3.Connection) -> None:
    profile = query.show(db, "Peter Bator", date(2024, 10, 2))
    assert (profile.id, profile.kind, profile.aliases) == ("peter-bator", "person", ["Bator"])
    assert [term.office_id for term in profile.terms] == ["slovakia-ambassador-to-nato"]
    assert [claim.id for claim in profile.claims] == ["bator-eastern-flank-ambitions"]
    assert profile.quote == "former Slovak Ambassador to NATO Peter Bator"
    assert set(asdict(profile)) >= {"id", "kind", "name", "aliases", "terms", "events", "claims"}


def test_show_an_office_lists_its_holders(db: sqlite3.Connection) -> None:
    profile = query.show(db, "nato chief", date(2024, 10, 2))
    assert [term.holder_id for term in profile.terms] == ["jens-stoltenberg", "mark-rutte"]
    assert "mark-rutte-takes-office" in [event.id for event in profile.events]


def ids(hits: list[search.SearchHit]) -> list[str]:
    return [hit.id for hit in hits]


def test_search_forgives_typos_accents_and_word_order(db: sqlite3.Connection) -> None:
    assert ids(search.search(db, "stoltenbreg"))[0] == "jens-stoltenberg"
    assert ids(search.search(db, "Oana Lungéscu"))[0] == "oana-lungescu"
    assert ids(search.search(db, "Lungesku"))[0] == "oana-lungescu"
    assert ids(search.search(db, "general secretary nato"))[0] == "nato-secretary-general"
    assert ids(search.search(db, "nato chief"))[0] == "nato-secretary-general"
    hit = search.search(db, "rutte", kind=Kind.PERSON)
    assert [asdict(found) for found in hit] == [
        {
            "kind": "person",
            "id": "mark-rutte",
            "label": "Mark Rutte",
            "score": 100,
            "source": "rbc-ukraine-2024-09-30-rutte",
            "modality": None,
            "said_by": [],
            "via": [],
            "as_of": None,
        }
    ]


def test_search_finds_claims_by_their_words(db: sqlite3.Connection) -> None:
    assert ids(search.search(db, "troops doubled"))[0] == "nato-eastern-troops-doubled"
    assert ids(search.search(db, "32 member countries"))[0] == "nato-has-32-members"


def test_search_scores_are_0_to_100_best_first(db: sqlite3.Connection) -> None:
    hits = search.search(db, "eastern flank")
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= score <= 100 for score in scores)


def test_search_with_nothing_to_find(db: sqlite3.Connection) -> None:
    assert search.search(db, "zzqxv") == []
    with pytest.raises(BadArgumentError):
        search.search(db, "—")


def test_cite_shows_the_quote_inside_its_sentence(db: sqlite3.Connection) -> None:
    citation = evidence.cite(db, "nato-has-32-members")
    assert citation.sentence == (
        "Known for his coalition-building skills honed during his 14-year leadership of the Netherlands, "
        "Rutte will need to strengthen unity within NATO, which comprises 32 member countries."
    )
    assert citation.sentence[citation.quote_start : citation.quote_end] == "NATO, which comprises 32 member countries"
    assert (citation.as_of, citation.modality, citation.said_by, citation.via) == ("2024-09-30", "stated", [], [])
    handover = evidence.cite(db, "mark-rutte-takes-office")
    assert (handover.as_of, handover.modality, handover.via) == (None, "announced", ["reuters"])
    bator = evidence.cite(db, "bator-eastern-flank-ambitions")
    assert bator.said_by == ["peter-bator"]
    summary = evidence.cite(db, "mark-rutte")
    assert (summary.modality, summary.said_by, summary.as_of) == (None, [], None)


def test_cite_unknown_id_suggests(db: sqlite3.Connection) -> None:
    with pytest.raises(NotFoundError, match=r"no quoted fact has the id 'nato-has-32' \(did you mean"):
        evidence.cite(db, "nato-has-32")


def test_sources_count_their_facts(db: sqlite3.Connection) -> None:
    (row,) = evidence.sources(db)
    assert (row.id, row.published, row.terms, row.events, row.claims) == (
        "rbc-ukraine-2024-09-30-rutte",
        "2024-09-30",
        7,
        5,
        18,
    )


def test_export_has_every_record_with_its_toml_keys(db: sqlite3.Connection, tmp_path: Path) -> None:
    records = export.records(db)
    assert {group: len(members) for group, members in records.items()} == {
        "entities": 21,
        "sources": 1,
        "terms": 7,
        "events": 5,
        "claims": 18,
    }
    assert list(records["terms"][0]) == [
        *("id", "office", "holder", "start", "end", "replaces", "modality", "said_by", "via", "source", "quote"),
        "note",
    ]
    assert export.lines(db)[0]["record"] == "entity"
    written = export.to_sqlite(db, tmp_path / "kb.sqlite")
    assert sqlite3.connect(written).execute("SELECT count(*) FROM term").fetchone() == (7,)
    with pytest.raises(BadArgumentError):
        export.to_sqlite(db, None)


def test_an_unreadable_file_stops_queries(kb: Path) -> None:
    (kb / "broken.toml").write_text("[[person]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken.toml:1: TOML syntax error"):
        open_index(kb)


# --- Who said it, how sure, who came before and after ---------------------------------------------


def test_who_came_before_and_after(db: sqlite3.Connection) -> None:
    history = query.who(db, NSG, date(2024, 10, 1), history=True).rows
    assert [(row.holder_id, row.replaces, row.replaced_by, row.predecessor, row.successor) for row in history] == [
        ("jens-stoltenberg", None, "mark-rutte", None, "Mark Rutte"),
        ("mark-rutte", "jens-stoltenberg", None, "Jens Stoltenberg", None),
    ]
    # What was known before the article: no successor yet (nor anything else).
    assert query.who(db, NSG, date(2024, 10, 1), history=True, known=date(2024, 9, 29)).rows == []


def test_a_successor_counts_only_from_a_later_start(tiny: TinyBase) -> None:
    # Babbage held the chair twice; Lovelace replaced him after the first term only.
    tiny.append(
        tiny.source,
        '[[term]]\nid = "babbage-again"\noffice = "society-chair"\nholder = "charles-babbage"\nstart = "1820"\n'
        'end = "1825"\nquote = "Charles Babbage chaired the Analytical Society"\n',
    )
    connection, _ = open_index(tiny.data)
    rows = query.who(connection, "society chair", date(1843, 1, 1), history=True).rows
    assert [(row.id, row.replaced_by) for row in rows] == [
        ("babbage-again", "ada-lovelace"),
        ("babbage-chair", "ada-lovelace"),
        ("lovelace-chair", None),
    ]


def test_the_outcome_of_who_tells_nobody_from_cannot_tell(db: sqlite3.Connection) -> None:
    assert query.who(db, NSG, date(2024, 10, 1)).outcome == "found"
    assert query.who(db, NSG, date(2014, 6, 1)).outcome == "found"  # possibly holds
    assert query.who(db, NSG, date(1990, 1, 1)).outcome == "nobody"
    wallace = query.who(db, "UK Defence Secretary", date(1900, 1, 1))
    assert (wallace.outcome, holders(wallace)) == ("cannot tell", [("ben-wallace", "unknown")])


def test_a_timeline_row_says_how_sure_and_through_whom(db: sqlite3.Connection) -> None:
    _, rows = query.timeline(db, entity="Trump")
    assert [asdict(row) for row in rows if row.id == "donald-trump-may-return"] == [
        {
            "date": "2024-09-30..",
            "kind": "event",
            "title": "Donald Trump returns to the US presidency",
            "involves": ["donald-trump", "us-president", "united-states"],
            "source": "rbc-ukraine-2024-09-30-rutte",
            "quote": "the potential return of Donald Trump to the US presidency",
            "id": "donald-trump-may-return",
            "in_range": "yes",
            "modality": "possible",
            "said_by": [],
            "via": [],
        }
    ]
    _, handover = query.timeline(db, start=date(2024, 10, 1), end=date(2024, 10, 1), certain=True)
    assert [(row.kind, row.modality, row.via) for row in handover] == [
        ("term end", "stated", ["reuters"]),
        ("term start", "announced", ["reuters"]),
        ("event", "announced", ["reuters"]),
    ]


def test_a_claim_says_who_said_it_and_as_of_when(db: sqlite3.Connection) -> None:
    profile = query.show(db, "Oana Lungescu", date(2024, 10, 2))
    # What she said is in her profile, though the claim is about Rutte and NATO.
    (claim,) = profile.claims
    assert asdict(claim) == {
        "id": "lungescu-rutte-main-goal",
        "text": "Rutte's main goal will be not only to reach compromises but to move the alliance forward in the "
        "face of new threats.",
        "about": ["mark-rutte", "nato"],
        "source": "rbc-ukraine-2024-09-30-rutte",
        "quote": "According to former NATO spokesperson Oana Lungescu, Rutte\u2019s main goal will be not only "
        "to reach compromises but also to move the alliance forward in the face of new threats.",
        "as_of": "2024-09-30",
        "modality": "stated",
        "said_by": ["oana-lungescu"],
        "speakers": ["Oana Lungescu"],
        "via": [],
    }
    officials = next(c for c in query.show(db, "NATO", date(2024, 10, 2)).claims if c.said_by == ["nato"])
    assert (officials.id, officials.modality, officials.speakers) == (
        "rutte-expected-to-continue-priorities",
        "expected",
        ["NATO"],
    )


def test_an_as_of_written_on_a_claim_wins_over_the_publication_day(tiny: TinyBase) -> None:
    tiny.append(
        tiny.source,
        '[[claim]]\nid = "meets-in-london"\nabout = ["analytical-society"]\ntext = "The society meets in London."\n'
        'as_of = "1843-08"\nquote = "The society meets in London."\n',
    )
    connection, problems = open_index(tiny.data)
    assert problems == []
    (claim,) = query.show(connection, "Analytical Society", date(1843, 9, 1)).claims
    assert claim.as_of == "1843-08"


# --- chart ----------------------------------------------------------------------------------------------------


def bars(chart: Chart) -> list[tuple[str | None, str, str | None, str | None, date | None]]:
    return [
        (lane.title, bar.name, bar.term.start, bar.term.end, bar.attested) for lane in chart.lanes for bar in lane.bars
    ]


def test_chart_of_an_office_is_every_term_labelled_by_holder(db: sqlite3.Connection) -> None:
    chart = query.chart(db, date(2025, 10, 1), office="nato chief")
    assert chart.match is not None and chart.match.id == "nato-secretary-general"
    assert bars(chart) == [
        (None, "Jens Stoltenberg", "2014~", "2024-10-01", None),
        # Open: the last day a source saw it open, read as a day.
        (None, "Mark Rutte", "2024-10-01", "..", date(2024, 9, 30)),
    ]
    assert [row.status for row in chart.rows] == ["held", "holds"]
    assert [bar.span for bar in chart.lanes[0].bars] == [
        Span.from_written("2014~", "2024-10-01"),
        Span.from_written("2024-10-01", ".."),
    ]


def test_chart_of_an_organization_has_a_lane_per_office(db: sqlite3.Connection) -> None:
    chart = query.chart(db, date(2025, 10, 1), org="NATO")
    assert bars(chart) == [
        ("NATO Secretary General", "Jens Stoltenberg", "2014~", "2024-10-01", None),
        ("NATO Secretary General", "Mark Rutte", "2024-10-01", "..", date(2024, 9, 30)),
        ("NATO spokesperson", "Oana Lungescu", None, "..2024-09-30", None),
    ]
    assert [lane.title for lane in chart.lanes] == ["NATO Secretary General", "NATO spokesperson"]


def test_chart_of_a_career_labels_bars_by_office(db: sqlite3.Connection) -> None:
    chart = query.chart(db, date(2025, 10, 1), entity="Rutte")
    assert bars(chart) == [
        (None, "NATO Secretary General", "2024-10-01", "..", date(2024, 9, 30)),
        (None, "Prime Minister of the Netherlands", None, "..2024-09-30", None),
    ]
    with pytest.raises(NotFoundError, match="no person, organization or country matches 'xyzzy'"):
        query.chart(db, date(2025, 10, 1), entity="xyzzy")


def test_chart_keeps_the_terms_that_may_fall_in_the_asked_range(db: sqlite3.Connection) -> None:
    day = date(2025, 10, 1)
    # "About 2014" may begin in 2013: Stoltenberg stays in a chart that ends in 2013.
    assert [bar[1] for bar in bars(query.chart(db, day, office=NSG, last=date(2013, 12, 31)))] == ["Jens Stoltenberg"]
    # An open term may reach any later day; a term that ended may not.
    assert [bar[1] for bar in bars(query.chart(db, day, office=NSG, first=date(2025, 1, 1)))] == ["Mark Rutte"]
    assert query.chart(db, day, office=NSG, last=date(2012, 12, 31)).lanes == []
    with pytest.raises(BadArgumentError, match="nothing to chart"):
        query.chart(db, day)


def test_chart_draws_an_open_term_to_the_end_a_newer_source_gives(tiny: TinyBase) -> None:
    (tiny.root / "seeds" / "later.txt").write_text("Ada Lovelace chaired the society until 1852.\n", encoding="utf-8")
    (tiny.data / "sources" / "later.toml").write_text(
        '[source]\nid = "gazette-1853"\ntitle = "Later"\npublisher = "analytical-society"\npublished = "1853-01-01"\n'
        'text = "../../seeds/later.txt"\n\n[[term]]\nid = "lovelace-chair-1853"\noffice = "society-chair"\n'
        'holder = "ada-lovelace"\nstart = "1840"\nend = "1852"\n'
        'quote = "Ada Lovelace chaired the society until 1852."\n',
        encoding="utf-8",
    )
    connection, problems = open_index(tiny.data)
    assert problems == []
    chart = query.chart(connection, date(1860, 1, 1), office="society chair")
    first_told = next(bar for bar in chart.lanes[0].bars if bar.term.id == "lovelace-chair")
    assert (first_told.term.end, first_told.term.closed_by) == ("..", "lovelace-chair-1853")
    assert (first_told.span, first_told.attested) == (Span.from_written("1840", "1852"), None)
