from __future__ import annotations

import sqlite3
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest

from newskb import query
from newskb.cache import open_index
from newskb.errors import DataFileError, NotFoundError


@pytest.fixture
def db(kb: Path) -> sqlite3.Connection:
    connection, problems = open_index(kb)
    assert problems == []
    return connection


NSG = "NATO Secretary General"


def holders(answer: query.Answer) -> list[tuple[str, str]]:
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
        "ahead; it knows of no end.",
        "id": "mark-rutte-nato-secretary-general",
        "conflicts": [],
        "closed_by": None,
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
    assert str(caught.value) == (
        "no office matches 'xyzzy' (closest: 'UK Defence Secretary', 'NATO spokesperson', "
        "'President of the United States')"
    )


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
    assert [row.kind for row in rows] == ["term end", "term start", "event"]
    assert all(row.date == "2024-10-01" for row in rows)
    assert query.timeline(db, start=date(2025, 1, 1))[1] == []


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


def test_an_unreadable_file_stops_queries(kb: Path) -> None:
    (kb / "broken.toml").write_text("[[person]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken.toml:1: TOML syntax error"):
        open_index(kb)
