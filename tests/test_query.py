from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from newskb.answers import lookup, query
from newskb.answers.profile import show
from newskb.answers.profilerows import ClaimRow, Profile
from newskb.answers.rows import Answer, Chart, TermRow
from newskb.answers.timeline import timeline
from newskb.answers.timelinerows import InRange, TimelineKind, TimelineRow
from newskb.common.dates import Span
from newskb.common.errors import BadArgumentError, DataFileError, NotFoundError
from newskb.common.kinds import Outcome
from newskb.curation import audit
from newskb.index.cache import open_index
from newskb.render.plain import as_dict
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
    assert as_dict(answer.rows[0]) == {
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
        "duration": None,
        "review": None,
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
        answer = query.who(db, typed, date(2024, 10, 1))
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
    assert str(caught.value) == "no office named 'xyzzy' in the fact base"


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
    _, rows = timeline(db, entity="Jens Stoltenberg")
    assert [(row.date, row.kind, row.id) for row in rows] == [
        ("2014~", "term start", "jens-stoltenberg-nato-secretary-general"),
        ("..2024-09-30", "event", "successor-candidates-considered"),
        ("2024-10-01", "term end", "jens-stoltenberg-nato-secretary-general"),
        ("2024-10-01", "event", "mark-rutte-takes-office"),
    ]
    _, everything = timeline(db)
    undated = [row for row in everything if row.date is None]
    assert everything[-len(undated) :] == undated
    assert {row.id for row in undated} >= {"ben-wallace-uk-defence-secretary"}


def test_timeline_range(db: sqlite3.Connection) -> None:
    _, rows = timeline(db, start=date(2024, 10, 1), end=date(2024, 10, 31))
    assert [(row.date, row.kind, row.id, row.in_range) for row in rows] == [
        ("2024-10-01", "term end", "jens-stoltenberg-nato-secretary-general", "yes"),
        ("2024-10-01", "term start", "mark-rutte-nato-secretary-general", "yes"),
        ("2024-10-01", "event", "mark-rutte-takes-office", "yes"),
        # A possible return "on or after 2024-10-01" may fall in October: only possibly in the range.
        ("2024-10-01..", "event", "donald-trump-may-return", "possibly"),
    ]
    _, certain = timeline(db, start=date(2024, 10, 1), end=date(2024, 10, 31), certain=True)
    assert [row.id for row in certain] == [row.id for row in rows[:-1]]
    # Asked about 2025 alone, the return's bound lies before the range: it may fall there, or years later.
    later = timeline(db, start=date(2025, 1, 1))[1]
    assert [(row.id, row.in_range) for row in later] == [("donald-trump-may-return", "unknown")]


def test_a_range_before_an_on_or_before_date_lists_it_apart_as_unknown(db: sqlite3.Connection) -> None:
    # Everything dated "on or before 2024-09-30" may fall in that week, or decades before: the sources cannot
    # place it there, so it is not "possibly" in the range but listed apart; nothing certainly is in it.
    _, rows = timeline(db, start=date(2024, 9, 15), end=date(2024, 9, 20))
    assert {row.in_range for row in rows} == {"unknown"}
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
    assert timeline(db, start=date(2024, 9, 15), end=date(2024, 9, 20), certain=True)[1] == []
    # The same for the 1950s: never "possibly" in a range decades before what the source tells of.
    assert {row.in_range for row in timeline(db, start=date(1950, 1, 1), end=date(1959, 12, 31))[1]} == {"unknown"}
    # A range that holds the bound keeps them as possibly in it.
    _, holding = timeline(db, start=date(2024, 9, 15), end=date(2024, 9, 30))
    assert {row.in_range for row in holding} == {"possibly"}


def test_offices_known_as_of_hears_only_sources_published_by_then(db: sqlite3.Connection) -> None:
    # The one source was published on 2024-09-30: the day before, nothing was known of any office.
    assert query.offices(db, date(2024, 10, 1), known=date(2000, 1, 1)).rows == []
    assert query.offices(db, date(2024, 10, 1), known=date(2024, 9, 29)).rows == []
    known = query.offices(db, date(2024, 10, 1), org="nato", known=date(2024, 9, 30)).rows
    assert [(row.holder_id, row.status) for row in known] == [("mark-rutte", "holds"), ("oana-lungescu", "held")]


def test_timeline_known_as_of_lists_only_sources_published_by_then(db: sqlite3.Connection) -> None:
    assert timeline(db, known=date(2024, 9, 29)) == (None, [])
    match, rows = timeline(db, entity="Oana Lungescu", known=date(2024, 9, 30))
    assert match is not None and match.id == "oana-lungescu"
    assert [(row.date, row.kind, row.id) for row in rows] == [
        ("..2024-09-30", "term end", "oana-lungescu-nato-spokesperson"),
        (None, "term start", "oana-lungescu-nato-spokesperson"),
    ]
    assert timeline(db, entity="Oana Lungescu", known=date(2024, 9, 29)) == (match, [])


def test_timeline_range_includes_items_on_both_edges(db: sqlite3.Connection) -> None:
    # The last day of the range keeps what falls on it and drops the handover the day after.
    _, rows = timeline(db, entity="Rutte", start=date(2024, 9, 30), end=date(2024, 9, 30))
    assert [(row.date, row.kind, row.id) for row in rows] == [
        ("..2024-09-30", "event", "mark-rutte-chosen"),
        ("..2024-09-30", "term end", "mark-rutte-netherlands-prime-minister"),
    ]
    # The first day of the range keeps what falls on it and drops what ended on or before the day before.
    _, rows = timeline(db, entity="Rutte", start=date(2024, 10, 1), end=date(2024, 10, 1))
    assert [(row.date, row.kind, row.id) for row in rows] == [
        ("2024-10-01", "term start", "mark-rutte-nato-secretary-general"),
        ("2024-10-01", "event", "mark-rutte-takes-office"),
    ]
    # An end alone is a range too: what may fall before it is kept, the handover after it is left out.
    _, rows = timeline(db, end=date(2024, 9, 29))
    assert [(row.date, row.kind, row.id) for row in rows] == [
        ("2014~", "term start", "jens-stoltenberg-nato-secretary-general"),
        ("..2024-09-30", "term start", "ben-wallace-uk-defence-secretary"),
        ("..2024-09-30", "term end", "donald-trump-us-president"),
        ("..2024-09-30", "event", "mark-rutte-chosen"),
        ("..2024-09-30", "term end", "mark-rutte-netherlands-prime-minister"),
        ("..2024-09-30", "term end", "oana-lungescu-nato-spokesperson"),
        ("..2024-09-30", "term end", "peter-bator-slovakia-ambassador-to-nato"),
        ("..2024-09-30", "event", "russia-full-scale-invasion-of-ukraine"),
        ("..2024-09-30", "event", "successor-candidates-considered"),
    ]


LATER_ARTICLE = (
    "Gazette of the Analytical Society, 10 January 1853.\n"
    "Ada Lovelace chaired the Analytical Society from 1840 until 1852.\n"
    "Charles Babbage had chaired it from 1830.\n"
    "The society first met in June 1831, with Babbage in the chair.\n"
    "In November 1852 the society's rooms were let to a reading club.\n"
)
LATER_SOURCE = """\
[source]
id = "gazette-1853"
title = "Gazette of the Analytical Society"
publisher = "analytical-society"
published = "1853-01-10"
text = "../../seeds/gazette-1853.txt"

[[term]]
id = "lovelace-chair-1853"
office = "society-chair"
holder = "ada-lovelace"
start = "1840"
end = "1852"
quote = "Ada Lovelace chaired the Analytical Society from 1840 until 1852."

[[term]]
id = "babbage-chair-1853"
office = "society-chair"
holder = "charles-babbage"
start = "1830"
end = "1840"
quote = "Charles Babbage had chaired it from 1830."

[[event]]
id = "society-first-meets"
date = "1831-06"
title = "The society first meets"
involves = ["analytical-society", "charles-babbage", "society-chair"]
quote = "The society first met in June 1831, with Babbage in the chair."

[[event]]
id = "rooms-let"
date = "1852-11"
title = "The society's rooms are let to a reading club"
quote = "In November 1852 the society's rooms were let to a reading club."
"""


def add_source(tiny: TinyBase, name: str, article: str, toml: str) -> None:
    (tiny.root / "seeds" / f"{name}.txt").write_text(article, encoding="utf-8")
    (tiny.data / "sources" / f"{name}.toml").write_text(toml, encoding="utf-8")


@pytest.fixture
def later(tiny: TinyBase) -> sqlite3.Connection:
    """The tiny base and a later gazette: it ends Lovelace's open term and dates Babbage's start otherwise."""
    add_source(tiny, "gazette-1853", LATER_ARTICLE, LATER_SOURCE)
    connection, problems = open_index(tiny.data)
    assert [problem.message for problem in problems] == []
    return connection


def terms(rows: list[TermRow]) -> list[tuple[str, str, list[str], str | None, str | None]]:
    return [(row.id, row.status, row.conflicts, row.closed_by, row.attested) for row in rows]


def test_a_later_source_closes_an_open_term_and_conflicts_are_named(later: sqlite3.Connection) -> None:
    assert terms(query.who(later, "society chair", date(1850, 1, 1), history=True).rows) == [
        ("babbage-chair-1853", "held", ["babbage-chair"], None, None),
        ("babbage-chair", "held", ["babbage-chair-1853"], None, None),
        ("lovelace-chair", "holds", [], "lovelace-chair-1853", None),
        ("lovelace-chair-1853", "holds", [], None, None),
    ]


def test_known_as_of_hides_later_ends_and_conflicts_in_who(later: sqlite3.Connection) -> None:
    # In 1843 only the first gazette was out: Lovelace's term was open, attested by it, in conflict with nothing.
    # Asked about 1860, her open term is only last known: the evidence stops in 1843.
    assert terms(query.who(later, "society chair", date(1860, 1, 1), history=True, known=date(1843, 9, 1)).rows) == [
        ("babbage-chair", "held", [], None, None),
        ("lovelace-chair", "last known", [], None, "1843-09-01"),
    ]
    assert terms(query.who(later, "society chair", date(1843, 9, 1), known=date(1853, 1, 9)).rows) == [
        ("lovelace-chair", "holds", [], None, "1843-09-01"),
    ]
    assert query.who(later, "society chair", date(1860, 1, 1), known=date(1853, 1, 10)).rows == []


def test_offices_names_only_the_last_holder_when_nobody_is_in_play(later: sqlite3.Connection) -> None:
    assert terms(query.offices(later, date(1860, 1, 1)).rows) == [
        ("lovelace-chair-1853", "held", [], None, None),
    ]
    assert terms(query.offices(later, date(1843, 9, 1), known=date(1843, 9, 1)).rows) == [
        ("lovelace-chair", "holds", [], None, "1843-09-01"),
    ]
    assert terms(query.offices(later, date(1860, 1, 1), known=date(1843, 9, 1)).rows) == [
        ("lovelace-chair", "last known", [], None, "1843-09-01"),
    ]
    # Before the first term nobody has held the office: no row at all.
    assert query.offices(later, date(1820, 1, 1)).rows == []


def test_timeline_known_as_of_leaves_out_a_later_source(later: sqlite3.Connection) -> None:
    everything = [(row.date, row.kind, row.id) for row in timeline(later)[1]]
    assert everything == [
        ("1830", "term start", "babbage-chair-1853"),
        ("1831", "term start", "babbage-chair"),
        ("1831-06", "event", "society-first-meets"),
        ("1840", "term end", "babbage-chair"),
        ("1840", "term end", "babbage-chair-1853"),
        ("1840", "term start", "lovelace-chair"),
        ("1840", "term start", "lovelace-chair-1853"),
        ("1852", "term end", "lovelace-chair-1853"),
        ("1852-11", "event", "rooms-let"),
    ]
    _, then = timeline(later, known=date(1853, 1, 9))
    assert [(row.date, row.kind, row.id) for row in then] == [
        ("1831", "term start", "babbage-chair"),
        ("1840", "term end", "babbage-chair"),
        ("1840", "term start", "lovelace-chair"),
    ]


# What a row of the tiny base's sources says beyond its record: stated plainly, and certainly in range.
STATED_IN_RANGE: dict[str, object] = {"in_range": "yes", "modality": "stated", "said_by": [], "via": [], "review": None}


def test_timeline_rows_carry_their_record(later: sqlite3.Connection) -> None:
    match, rows = timeline(later, entity="Babbage", end=date(1831, 12, 31))
    assert match is not None and (match.id, match.exact) == ("charles-babbage", True)
    # A year sorts at its first possible day, ahead of a month inside it.
    assert [as_dict(row) for row in rows] == [
        {
            "date": "1830",
            "kind": "term start",
            "title": "Charles Babbage takes office as Chair of the Analytical Society",
            "involves": ["charles-babbage", "society-chair"],
            "source": "gazette-1853",
            "quote": "Charles Babbage had chaired it from 1830.",
            "id": "babbage-chair-1853",
            **STATED_IN_RANGE,
        },
        {
            "date": "1831",
            "kind": "term start",
            "title": "Charles Babbage takes office as Chair of the Analytical Society",
            "involves": ["charles-babbage", "society-chair"],
            "source": "gazette-1843",
            "quote": "Charles Babbage chaired the Analytical Society from 1831 until 1840.",
            "id": "babbage-chair",
            **STATED_IN_RANGE,
        },
        {
            "date": "1831-06",
            "kind": "event",
            "title": "The society first meets",
            "involves": ["analytical-society", "charles-babbage", "society-chair"],
            "source": "gazette-1853",
            "quote": "The society first met in June 1831, with Babbage in the chair.",
            "id": "society-first-meets",
            **STATED_IN_RANGE,
        },
    ]
    _, rows = timeline(later, start=date(1852, 1, 1))
    assert [as_dict(row) for row in rows] == [
        {
            "date": "1852",
            "kind": "term end",
            "title": "Ada Lovelace leaves office as Chair of the Analytical Society",
            "involves": ["ada-lovelace", "society-chair"],
            "source": "gazette-1853",
            "quote": "Ada Lovelace chaired the Analytical Society from 1840 until 1852.",
            "id": "lovelace-chair-1853",
            **STATED_IN_RANGE,
        },
        {
            "date": "1852-11",
            "kind": "event",
            "title": "The society's rooms are let to a reading club",
            "involves": [],
            "source": "gazette-1853",
            "quote": "In November 1852 the society's rooms were let to a reading club.",
            "id": "rooms-let",
            **STATED_IN_RANGE,
        },
    ]


# Two speakers and two agencies each, in the order written (not the alphabet's), and a review mark.
TOLD: dict[str, object] = {
    "said_by": ["charles-babbage", "ada-lovelace"],
    "via": ["charles-babbage", "analytical-society"],
    "review": "unreviewed draft",
}


def told_twice(tiny: TinyBase) -> sqlite3.Connection:
    """The tiny base with an event and a term (1820-1825) that say TOLD."""
    lists = 'said_by = ["charles-babbage", "ada-lovelace"]\nvia = ["charles-babbage", "analytical-society"]\n'
    tiny.append(
        tiny.source,
        '[[event]]\nid = "society-meets"\ndate = "1843-08"\ntitle = "The society meets"\n'
        f'{lists}review = "unreviewed draft"\nquote = "The society meets in London."\n\n'
        '[[term]]\nid = "babbage-again"\noffice = "society-chair"\nholder = "charles-babbage"\nstart = "1820"\n'
        f'end = "1825"\n{lists}review = "unreviewed draft"\nquote = "Charles Babbage chaired the Analytical Society"\n',
    )
    connection, problems = open_index(tiny.data)
    assert problems == []
    return connection


def test_timeline_rows_carry_who_said_it_through_whom_and_review(tiny: TinyBase) -> None:
    plain: dict[str, object] = {"said_by": [], "via": [], "review": None}
    _, rows = timeline(told_twice(tiny))
    assert [
        (row.date, row.kind, row.id, {"said_by": row.said_by, "via": row.via, "review": row.review}) for row in rows
    ] == [
        ("1820", "term start", "babbage-again", TOLD),
        ("1825", "term end", "babbage-again", TOLD),
        ("1831", "term start", "babbage-chair", plain),
        ("1840", "term end", "babbage-chair", plain),
        ("1840", "term start", "lovelace-chair", plain),
        ("1843-08", "event", "society-meets", TOLD),
    ]


def test_a_term_row_carries_who_said_it_through_whom_and_review(tiny: TinyBase) -> None:
    (term,) = query.who(told_twice(tiny), "society chair", date(1821, 1, 1)).rows
    assert (term.id, {"said_by": term.said_by, "via": term.via, "review": term.review}) == ("babbage-again", TOLD)


def test_undated_timeline_rows_follow_in_id_order(tiny: TinyBase) -> None:
    # Ids in the opposite order to titles: the undated are listed by id, not by how they read.
    for event, title in [("accord-undated", "Zeal for the society"), ("zeal-undated", "An accord is reached")]:
        tiny.append(
            tiny.source,
            f'[[event]]\nid = "{event}"\ntitle = "{title}"\nquote = "The society meets in London."\n',
        )
    connection, problems = open_index(tiny.data)
    assert problems == []
    _, rows = timeline(connection)
    assert [(row.date, row.id) for row in rows][-2:] == [(None, "accord-undated"), (None, "zeal-undated")]


def test_offices_of_an_organization_says_which_it_matched(later: sqlite3.Connection) -> None:
    answer = query.offices(later, date(1835, 1, 1), org="analytical society")
    assert answer.match is not None and (answer.match.id, answer.match.exact) == ("analytical-society", True)
    # One holding told by two sources that date its start differently: both are shown, each naming the other.
    assert terms(answer.rows) == [
        ("babbage-chair-1853", "holds", ["babbage-chair"], None, None),
        ("babbage-chair", "holds", ["babbage-chair-1853"], None, None),
    ]


@pytest.mark.parametrize(
    ("ask", "message"),
    [
        (
            lambda db: query.offices(db, date(1850, 1, 1), org="Royal Society"),
            "no organization or country named 'Royal Society' in the fact base (did you mean 'Analytical Society'?)",
        ),
        (
            lambda db: timeline(db, entity="qqqq"),
            "no entity named 'qqqq' in the fact base",
        ),
        (
            lambda db: show(db, "qqqq", date(1850, 1, 1)),
            "no person, organization, country or office named 'qqqq' in the fact base",
        ),
    ],
)
def test_a_name_that_matches_nothing_says_what_was_looked_for(
    later: sqlite3.Connection, ask: Callable[[sqlite3.Connection], object], message: str
) -> None:
    with pytest.raises(NotFoundError, match="^" + re.escape(message)):
        ask(later)


def test_a_term_in_conflict_with_two_sources_names_both(tiny: TinyBase) -> None:
    add_source(tiny, "gazette-1853", LATER_ARTICLE, LATER_SOURCE)
    add_source(
        tiny,
        "gazette-1860",
        "Charles Babbage took the chair in 1829 and left it in 1840.\n",
        '[source]\nid = "gazette-1860"\ntitle = "Gazette"\npublisher = "analytical-society"\n'
        'published = "1860-02-01"\ntext = "../../seeds/gazette-1860.txt"\n\n'
        '[[term]]\nid = "babbage-chair-1860"\noffice = "society-chair"\nholder = "charles-babbage"\n'
        'start = "1829"\nend = "1840"\nquote = "Charles Babbage took the chair in 1829 and left it in 1840."\n',
    )
    connection, _ = open_index(tiny.data)
    rows = query.who(connection, "society chair", date(1835, 1, 1)).rows
    assert {row.id: sorted(row.conflicts) for row in rows} == {
        "babbage-chair-1860": ["babbage-chair", "babbage-chair-1853"],
        "babbage-chair-1853": ["babbage-chair", "babbage-chair-1860"],
        "babbage-chair": ["babbage-chair-1853", "babbage-chair-1860"],
    }


# A term of an office the entities do not declare.
SECRETARY_TERM = (
    '[[term]]\nid = "babbage-secretary"\noffice = "society-secretary"\nholder = "charles-babbage"\n'
    'start = "1831"\nend = "1840"\nquote = "Charles Babbage chaired the Analytical Society"\n'
)


def test_a_term_whose_office_is_not_declared_is_shown_under_the_office_id(tiny: TinyBase) -> None:
    # check reports the unknown office; the answers still show the term, naming the office by its id.
    tiny.append(tiny.source, SECRETARY_TERM)
    assert [problem.message for problem in audit.check_folder(tiny.data).problems] == [
        "unknown office 'society-secretary' (did you mean 'society-chair'?)"
    ]
    connection, _ = open_index(tiny.data)
    _, rows = timeline(connection, entity="Babbage", end=date(1831, 12, 31))
    assert [(row.title, row.involves) for row in rows] == [
        ("Charles Babbage takes office as Chair of the Analytical Society", ["charles-babbage", "society-chair"]),
        ("Charles Babbage takes office as society-secretary", ["charles-babbage", "society-secretary"]),
    ]


def test_show_a_person(db: sqlite3.Connection) -> None:
    profile = show(db, "Peter Bator", date(2024, 10, 2))
    assert as_dict(profile) == {
        "id": "peter-bator",
        "kind": "person",
        "name": "Peter Bator",
        "aliases": ["Bator"],
        "summary": "Former Slovak Ambassador to NATO.",
        "source": "rbc-ukraine-2024-09-30-rutte",
        "quote": "former Slovak Ambassador to NATO Peter Bator",
        "org": None,
        "terms": [
            {
                "office": "Slovak Ambassador to NATO",
                "office_id": "slovakia-ambassador-to-nato",
                "holder": "Peter Bator",
                "holder_id": "peter-bator",
                "start": None,
                "end": "..2024-09-30",
                "status": "held",
                "attested": None,
                "source": "rbc-ukraine-2024-09-30-rutte",
                "quote": "former Slovak Ambassador to NATO Peter Bator",
                "note": 'End: "former" on the publication day, so on or before 2024-09-30. Start: not in the article.',
                "id": "peter-bator-slovakia-ambassador-to-nato",
                "conflicts": [],
                "closed_by": None,
                "replaces": None,
                "replaced_by": None,
                "predecessor": None,
                "successor": None,
                "modality": "stated",
                "said_by": [],
                "via": [],
                "duration": None,
                "review": None,
            }
        ],
        "events": [],
        "claims": [
            {
                "id": "bator-eastern-flank-ambitions",
                "text": "One of Rutte's primary tasks will be deciding NATO's future ambitions on the eastern flank.",
                # Shown under Bator because he said it, though it is about Rutte and NATO.
                "about": ["mark-rutte", "nato"],
                "source": "rbc-ukraine-2024-09-30-rutte",
                "quote": "According to former Slovak Ambassador to NATO Peter Bator, one of Rutte\u2019s primary tasks "
                "will be deciding on NATO\u2019s future ambitions on the eastern flank.",
                "as_of": "2024-09-30",
                "modality": "stated",
                "said_by": ["peter-bator"],
                "speakers": ["Peter Bator"],
                "via": [],
                "review": None,
                "note": None,
            }
        ],
        "org_name": None,
        "wikidata": None,
        "as_of": "2024-09-30",
        # The entity's other keys: its note, review and (an office's) seats.
        "note": None,
        "review": None,
        "seats": None,
    }


def test_show_an_office_lists_its_holders(db: sqlite3.Connection) -> None:
    profile = show(db, "nato chief", date(2024, 10, 2))
    assert (profile.id, profile.kind, profile.name, profile.org, profile.org_name) == (
        "nato-secretary-general",
        "office",
        "NATO Secretary General",
        "nato",
        "NATO",
    )
    assert profile.aliases == [
        "Secretary General of NATO",
        "NATO Secretary-General",
        "NATO chief",
        "NATO head",
    ]
    assert (profile.summary, profile.source, profile.quote) == (None, None, None)
    # Every term of the office, in start order, with its status on the asked day.
    assert [(term.id, term.status) for term in profile.terms] == [
        ("jens-stoltenberg-nato-secretary-general", "held"),
        ("mark-rutte-nato-secretary-general", "last known"),
    ]
    # Its events only (not the term starts and ends a timeline adds), in date order.
    assert [(event.date, event.kind, event.id) for event in profile.events] == [
        ("..2024-09-30", "event", "mark-rutte-chosen"),
        ("2024-10-01", "event", "mark-rutte-takes-office"),
    ]
    assert [(claim.id, claim.about) for claim in profile.claims] == [
        ("nato-decides-by-consensus", ["nato", "nato-secretary-general"]),
        ("stoltenberg-wished-to-step-down", ["jens-stoltenberg", "nato-secretary-general"]),
        ("us-did-not-back-wallace", ["united-states", "ben-wallace", "nato-secretary-general"]),
    ]


def test_an_unreadable_file_stops_queries(kb: Path) -> None:
    (kb / "broken.toml").write_text("[[person]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"broken.toml:1: TOML syntax error"):
        open_index(kb)


def test_a_term_row_of_an_undeclared_office_names_the_office_by_its_id(tiny: TinyBase) -> None:
    tiny.append(tiny.source, SECRETARY_TERM)
    connection, _ = open_index(tiny.data)
    terms = query.terms_of(connection, date(1835, 1, 1), holder="charles-babbage")
    assert [(row.id, row.office, row.office_id) for row in terms] == [
        ("babbage-chair", "Chair of the Analytical Society", "society-chair"),
        ("babbage-secretary", "society-secretary", "society-secretary"),
    ]


def test_within_a_batch_an_offices_terms_are_read_once_for_each_day_and_known(db: sqlite3.Connection) -> None:
    statements: list[str] = []
    db.set_trace_callback(statements.append)

    def terms_read() -> int:
        return sum("FROM term t" in statement for statement in statements)

    day = date(2024, 10, 1)
    office_id = "nato-secretary-general"
    with lookup.remembering(db):
        first = query.terms_of(db, day, office=office_id)
        first.clear()  # each caller gets a list of its own: emptying one empties nothing remembered
        again = query.terms_of(db, day, office=office_id)
        assert [row.holder_id for row in again] == ["jens-stoltenberg", "mark-rutte"]
        assert terms_read() == 1
        assert [row.holder_id for row in query.terms_of(db, day, office=office_id, known=date(2024, 9, 29))] == []
        query.terms_of(db, date(2024, 10, 2), office=office_id)  # another day: its statuses differ, read again
        assert terms_read() == 3
    query.terms_of(db, day, office=office_id)  # the batch is over: read again
    assert terms_read() == 4
    db.set_trace_callback(None)


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
    wallace = query.who(db, "UK Defence Secretary", date(1900, 1, 1))
    assert (wallace.outcome, holders(wallace)) == ("cannot tell", [("ben-wallace", "unknown")])
    assert wallace.reason == "cannot tell: the dates of 1 term are unknown: ben-wallace-uk-defence-secretary"
    # Before the sources reach, and after the last holder known to have left: cannot tell, not "nobody".
    early = query.who(db, NSG, date(1990, 1, 1))
    assert (early.outcome, early.rows, early.reason) == (
        "cannot tell",
        [],
        "cannot tell: the sources know of no holder of NATO Secretary General before about 2014 "
        "(Jens Stoltenberg's start)",
    )
    after = query.who(db, "NATO spokesperson", date(2024, 10, 1))
    assert (after.outcome, after.reason) == (
        "cannot tell",
        "cannot tell: the sources know of no holder of NATO spokesperson after Oana Lungescu, whose term ended "
        "on or before 2024-09-30",
    )
    # Past the evidence, an open term is last known, with how old the evidence is.
    late = query.who(db, NSG, date(2030, 1, 1))
    assert (late.outcome, holders(late), late.reason) == (
        "last known",
        [("mark-rutte", "last known")],
        "last known as of 2024-09-30, 5 years before 2030-01-01: no source since says whether it still holds",
    )


def test_who_tells_a_vacancy_from_a_gap_in_the_sources(tiny: TinyBase) -> None:
    # Lovelace, who replaced Babbage, took the chair two years after his term ended: the office was vacant.
    gap = tiny.source.read_text(encoding="utf-8").replace('start = "1840"\nend = ".."', 'start = "1842"\nend = ".."')
    tiny.source.write_text(gap, encoding="utf-8")
    connection, problems = open_index(tiny.data)
    assert problems == []
    vacant = query.who(connection, "society chair", date(1841, 6, 1))
    assert vacant.match is not None and vacant.match.id == "society-chair"
    # The whole history says which office it matched too.
    history = query.who(connection, "society chair", date(1841, 6, 1), history=True)
    assert history.match is not None and history.match.id == "society-chair"
    assert (vacant.outcome, vacant.rows, vacant.reason) == (
        "nobody",
        [],
        "nobody held Chair of the Analytical Society: Charles Babbage's term ended 1840 and Ada Lovelace, who "
        "replaced them, took office 1842",
    )
    # Before the first term, the first to begin is named, not the first in the alphabet.
    early = query.who(connection, "society chair", date(1820, 1, 1))
    assert (early.outcome, early.reason) == (
        "cannot tell",
        "cannot tell: the sources know of no holder of Chair of the Analytical Society before 1831 "
        "(Charles Babbage's start)",
    )
    # Before any source was published, nothing at all is known of the office.
    unknown = query.who(connection, "society chair", date(1841, 6, 1), known=date(1800, 1, 1))
    assert (unknown.outcome, unknown.rows, unknown.reason) == (
        "cannot tell",
        [],
        "cannot tell: the sources published by 1800-01-01 know of no holder of Chair of the Analytical Society",
    )


def test_who_names_every_term_whose_dates_are_unknown(tiny: TinyBase) -> None:
    tiny.append(
        tiny.entities,
        '[[office]]\nid = "society-secretary"\nname = "Secretary of the Analytical Society"\n'
        'org = "analytical-society"\n',
    )
    for term, holder in [("lovelace-secretary", "ada-lovelace"), ("babbage-secretary", "charles-babbage")]:
        tiny.append(
            tiny.source,
            f'[[term]]\nid = "{term}"\noffice = "society-secretary"\nholder = "{holder}"\n'
            'quote = "chaired the Analytical Society"\n',
        )
    connection, problems = open_index(tiny.data)
    assert problems == []
    answer = query.who(connection, "society secretary", date(1841, 6, 1))
    assert (answer.outcome, holders(answer), answer.reason) == (
        "cannot tell",
        [("charles-babbage", "unknown"), ("ada-lovelace", "unknown")],
        "cannot tell: the dates of 2 terms are unknown: babbage-secretary, lovelace-secretary",
    )


def test_who_between_terms_no_source_links_names_the_last_ended_and_the_first_coming(tiny: TinyBase) -> None:
    # Nobody is said to have replaced anyone: a gap between terms is the sources' silence, not a vacancy.
    unlinked = tiny.source.read_text(encoding="utf-8").replace(
        'start = "1840"\nend = ".."\nreplaces = "charles-babbage"\n', 'start = "1842"\nend = "1849"\n'
    )
    tiny.source.write_text(unlinked, encoding="utf-8")
    for term, holder, start, end in [
        ("babbage-first", "charles-babbage", "1820", "1822"),
        ("lovelace-first", "ada-lovelace", "1823", "1825"),
        ("babbage-last", "charles-babbage", "1850", "1855"),
    ]:
        tiny.append(
            tiny.source,
            f'[[term]]\nid = "{term}"\noffice = "society-chair"\nholder = "{holder}"\nstart = "{start}"\n'
            f'end = "{end}"\nquote = "chaired the Analytical Society"\n',
        )
    connection, problems = open_index(tiny.data)
    assert problems == []
    answer = query.who(connection, "society chair", date(1841, 6, 1))
    assert (answer.outcome, answer.rows, answer.reason) == (
        "cannot tell",
        [],
        "cannot tell: the sources know of no holder of Chair of the Analytical Society between Charles Babbage's "
        "term, which ended 1840, and Ada Lovelace's, from 1842",
    )


def test_a_timeline_row_says_how_sure_and_through_whom(db: sqlite3.Connection) -> None:
    _, rows = timeline(db, entity="Trump")
    assert [as_dict(row) for row in rows if row.id == "donald-trump-may-return"] == [
        {
            "date": "2024-10-01..",
            "kind": "event",
            "title": "Donald Trump may return to the US presidency",
            "involves": ["donald-trump", "us-president", "united-states"],
            "source": "rbc-ukraine-2024-09-30-rutte",
            "quote": "the potential return of Donald Trump to the US presidency",
            "id": "donald-trump-may-return",
            "in_range": "yes",
            "modality": "possible",
            "said_by": [],
            "via": [],
            "review": None,
        }
    ]
    _, handover = timeline(db, start=date(2024, 10, 1), end=date(2024, 10, 1), certain=True)
    assert [(row.kind, row.modality, row.via) for row in handover] == [
        ("term end", "announced", ["reuters"]),
        ("term start", "announced", ["reuters"]),
        ("event", "announced", ["reuters"]),
    ]


def test_a_claim_says_who_said_it_and_as_of_when(db: sqlite3.Connection) -> None:
    profile = show(db, "Oana Lungescu", date(2024, 10, 2))
    # What she said is in her profile, though the claim is about Rutte and NATO.
    (claim,) = profile.claims
    assert (type(profile), type(claim)) == (Profile, ClaimRow)
    assert as_dict(claim) == {
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
        "review": None,
        "note": None,
    }
    officials = next(c for c in show(db, "NATO", date(2024, 10, 2)).claims if c.said_by == ["nato"])
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
    (claim,) = show(connection, "Analytical Society", date(1843, 9, 1)).claims
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
    assert [row.status for row in chart.rows] == ["held", "last known"]
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
    with pytest.raises(NotFoundError, match="no person, organization or country named 'xyzzy' in the fact base"):
        query.chart(db, date(2025, 10, 1), entity="xyzzy")


def test_chart_keeps_the_terms_that_may_fall_in_the_asked_range(db: sqlite3.Connection) -> None:
    day = date(2025, 10, 1)
    # "About 2014" may begin in 2013: Stoltenberg stays in a chart that ends in 2013.
    assert [bar[1] for bar in bars(query.chart(db, day, office=NSG, last=date(2013, 12, 31)))] == ["Jens Stoltenberg"]
    # An open term may reach any later day; a term that ended may not.
    assert [bar[1] for bar in bars(query.chart(db, day, office=NSG, first=date(2025, 1, 1)))] == ["Mark Rutte"]
    assert query.chart(db, day, office=NSG, last=date(2012, 12, 31)).lanes == []
    with pytest.raises(
        BadArgumentError, match=r"^nothing to chart: name an office, an organization or country, or a holder$"
    ):
        query.chart(db, day)


def test_chart_names_what_it_did_not_find_and_hears_only_sources_known_by_a_day(db: sqlite3.Connection) -> None:
    day = date(2025, 10, 1)
    with pytest.raises(NotFoundError, match=r"^no office named 'xyzzy' in the fact base"):
        query.chart(db, day, office="xyzzy")
    with pytest.raises(NotFoundError, match=r"^no organization or country named 'xyzzy' in the fact base"):
        query.chart(db, day, org="xyzzy")
    # The seed's one source is published on 2024-09-30: known by the day before, nothing is.
    assert query.chart(db, day, office=NSG, known=date(2024, 9, 29)).lanes == []
    assert query.chart(db, day, org="NATO", known=date(2024, 9, 29)).lanes == []
    assert len(query.chart(db, day, org="NATO", known=date(2024, 9, 30)).lanes) == 2


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


def test_chart_of_an_organization_keeps_each_lane_in_start_order(tiny: TinyBase) -> None:
    # Babbage's term began first, though "Ada Lovelace" sorts first by name.
    connection, problems = open_index(tiny.data)
    assert problems == []
    chart = query.chart(connection, date(1843, 9, 1), org="Analytical Society")
    assert bars(chart) == [
        ("Chair of the Analytical Society", "Charles Babbage", "1831", "1840", None),
        ("Chair of the Analytical Society", "Ada Lovelace", "1840", "..", date(1843, 9, 1)),
    ]


def test_a_chart_from_a_day_leaves_out_an_open_term_a_newer_source_ended_before_it(
    later: sqlite3.Connection,
) -> None:
    # Lovelace's term is open in the first gazette (so the index cannot drop it by its own end), but the second
    # ends it in 1852: a chart from 1853 on has neither telling of it.
    assert query.chart(later, date(1860, 1, 1), office="society chair", first=date(1853, 1, 1)).lanes == []
    (lane,) = query.chart(later, date(1860, 1, 1), office="society chair", first=date(1852, 6, 1)).lanes
    assert [bar.term.id for bar in lane.bars] == ["lovelace-chair", "lovelace-chair-1853"]


# --- Ranges answered by SQL: the same items as the whole timeline filtered in Python ----------------------------


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    """A synthetic base of 3,000 facts (benchmarks/generate.py): exact days, months, years and `~` years."""
    from benchmarks.generate import generate
    from newskb.base import store
    from newskb.index import build

    folder = tmp_path_factory.mktemp("generated")
    generate(3000, folder)
    base, _ = store.load(folder / "data")
    return build.build(base)  # in memory: a module's fixture runs before the cache folder is made temporary


def _meets(row: TimelineRow, start: date | None, end: date | None) -> bool:
    from newskb.common.dates import parse

    assert row.date is not None
    written = parse(row.date)
    return (start is None or written.latest_day >= start) and (end is None or written.earliest_day <= end)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (date(1870, 1, 1), date(1871, 6, 30)),  # beside and inside years written "1870~"
        (date(1900, 6, 15), date(1903, 2, 1)),
        (None, date(1853, 6, 30)),  # only an end
        (date(2012, 1, 1), None),  # only a start
    ],
)
def test_a_range_finds_what_the_whole_timeline_holds(
    generated: sqlite3.Connection, start: date | None, end: date | None
) -> None:
    _, every = timeline(generated)
    _, ranged = timeline(generated, start=start, end=end)
    expected = [row for row in every if row.date is not None and _meets(row, start, end)]
    assert len(ranged) > 10
    assert [(row.id, row.kind) for row in ranged] == [(row.id, row.kind) for row in expected]
    assert {row.kind for row in ranged} == set(TimelineKind)
    assert {row.in_range for row in ranged} <= {InRange.YES, InRange.POSSIBLY}
    person = ranged[0].involves[0]
    _, of_person = timeline(generated, entity=person)
    _, of_person_ranged = timeline(generated, entity=person, start=start, end=end)
    assert [row.id for row in of_person_ranged] == [
        row.id for row in of_person if row.date is not None and _meets(row, start, end)
    ]
    assert person in ranged[0].involves and of_person_ranged


def test_a_term_a_newer_source_ended_is_told_with_that_end(tiny: TinyBase) -> None:
    # The last term to end is written open (".."), and a newer source ends it in 1852 (its status is "held" for
    # that): "cannot tell" after it names that end, not "(date unknown)" from the open term's own text.
    newer = LATER_SOURCE.replace('start = "1840"\nend = "1852"', 'start = "1839"\nend = "1852"')
    add_source(tiny, "gazette-1853", LATER_ARTICLE, newer)
    connection, _ = open_index(tiny.data)  # a warning: the two sources date Lovelace's start differently
    answer = query.who(connection, "society chair", date(1860, 1, 1))
    assert (answer.rows, answer.outcome, answer.reason) == (
        [],
        Outcome.CANNOT_TELL,
        "cannot tell: the sources know of no holder of Chair of the Analytical Society after Ada Lovelace, whose "
        "term ended 1852",
    )


def test_a_holder_whose_name_is_missing_is_named_by_its_id_never_as_a_blank(tiny: TinyBase) -> None:
    # `name` mistyped by hand: check reports it, and answers still say whose term it is.
    text = tiny.entities.read_text(encoding="utf-8").replace('name = "Ada Lovelace"', 'nmae = "Ada Lovelace"')
    tiny.entities.write_text(text, encoding="utf-8")
    connection, problems = open_index(tiny.data)
    assert [problem.key_path for problem in problems] == ["person.name", "person.nmae"]
    (term,) = query.who(connection, "society chair", date(1841, 1, 1)).rows
    assert (term.holder, term.id) == ("ada-lovelace", "lovelace-chair")
    _, rows = timeline(connection)
    assert "ada-lovelace takes office as Chair of the Analytical Society" in [row.title for row in rows]


@pytest.mark.parametrize(
    ("old", "new", "problems"),
    [
        # "holdr" for "holder": a term of nobody is not a holding, however the rest of it reads.
        ('holder = "ada-lovelace"', 'holdr = "ada-lovelace"', ["term.holder", "term.holdr"]),
        # An end that is no date is not an open end.
        ('end = "1840"', 'end = "1840-13"', ["term.end"]),
    ],
)
def test_a_record_with_a_key_that_cannot_be_read_is_skipped_never_answered_without_it(
    tiny: TinyBase, old: str, new: str, problems: list[str]
) -> None:
    text = tiny.source.read_text(encoding="utf-8")
    assert text.count(old) == 1
    tiny.source.write_text(text.replace(old, new), encoding="utf-8")
    connection, found = open_index(tiny.data)
    assert [problem.key_path for problem in found] == problems
    terms = [row[0] for row in connection.execute("SELECT id FROM term ORDER BY id")]
    assert terms == (["babbage-chair"] if "holdr" in new else ["lovelace-chair"])
    # The file's other records, and its source, are answered as before.
    assert [row[0] for row in connection.execute("SELECT id FROM source")] == ["gazette-1843"]
