"""holding.py: one holding of an office told by several sources, where they agree, update or conflict."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from newskb.base.holding import closed_by, disagreements, effective_spans, pairs
from newskb.base.model import Origin, Term
from newskb.common.dates import OPEN, Span, parse

# The guild's chair as two papers tell it: the older one (2024-06-12) knows no end yet.
PUBLISHED = {"gazette-2024": date(2024, 6, 12), "gazette-2025": date(2025, 3, 4)}


def term(
    id: str,
    *,
    start: str | None = "2019",
    end: str | None = OPEN,
    source: str = "gazette-2024",
    holder: str = "ilse-marwick",
    office: str = "guild-chair",
) -> Term:
    return Term(
        id=id,
        office=office,
        holder=holder,
        start=parse(start) if start else None,
        end=OPEN if end == OPEN else (parse(end) if end else None),
        source=source,
        quote="",
        origin=Origin(file=Path("sources") / f"{source}.toml"),
    )


OLD = term("old", start="2019", end=OPEN, source="gazette-2024")
NEW = term("new", start="2019", end="2025-03-03", source="gazette-2025")


def ids(found: list[tuple[Term, Term]]) -> list[tuple[str, str]]:
    return [(first.id, second.id) for first, second in found]


def test_pairs_are_the_same_holding_from_two_sources_both_ways_round() -> None:
    assert ids(pairs([OLD, NEW])) == [("old", "new"), ("new", "old")]


def test_pairs_need_the_same_office_and_holder_and_another_source() -> None:
    same_source = term("again", source="gazette-2024")
    other_holder = term("rehn", holder="tomas-rehn", source="gazette-2025")
    other_office = term("treasurer", office="guild-treasurer", source="gazette-2025")
    assert pairs([OLD, same_source, other_holder, other_office]) == []
    assert pairs([OLD]) == []
    assert pairs([]) == []


def test_two_separate_terms_of_one_holder_are_not_one_holding() -> None:
    first = term("first", start="2001", end="2005-06-01", source="gazette-2024")
    second = term("second", start="2010", end=OPEN, source="gazette-2025")
    assert pairs([first, second]) == []
    # Touching is not sharing a day: the first ends the day the second starts.
    handover = term("handover", start="2005-06-01", end=OPEN, source="gazette-2025")
    assert pairs([first, handover]) == []
    # An imprecise start may fall before that end: then they may share a day.
    that_year = term("that-year", start="2005", end=OPEN, source="gazette-2025")
    assert ids(pairs([first, that_year])) == [("first", "that-year"), ("that-year", "first")]
    # Unknown dates may share any day.
    undated = term("undated", start=None, end=None, source="gazette-2025")
    assert ids(pairs([first, undated])) == [("first", "undated"), ("undated", "first")]


def test_pairs_of_three_sources() -> None:
    third = term("third", source="gazette-2026")
    assert ids(pairs([OLD, NEW, third])) == [
        ("old", "new"),
        ("old", "third"),
        ("new", "old"),
        ("new", "third"),
        ("third", "old"),
        ("third", "new"),
    ]


def test_an_open_end_is_closed_by_a_newer_end() -> None:
    assert closed_by(OLD, NEW, PUBLISHED)
    assert not closed_by(NEW, OLD, PUBLISHED)  # only an open end is closed


def test_an_end_on_the_publication_day_closes_but_one_before_it_does_not() -> None:
    # The older source, published 2024-06-12, knew of no end: an end that day may be news to it ...
    on_the_day = term("on-the-day", end="2024-06-12", source="gazette-2025")
    assert closed_by(OLD, on_the_day, PUBLISHED)
    # ... an end certainly before it contradicts it.
    before = term("before", end="2024-06-11", source="gazette-2025")
    assert not closed_by(OLD, before, PUBLISHED)
    # An imprecise end counts from its latest possible day.
    that_month = term("that-month", end="2024-06", source="gazette-2025")
    assert closed_by(OLD, that_month, PUBLISHED)


def test_an_unknown_or_open_other_end_closes_nothing() -> None:
    assert not closed_by(OLD, term("unknown-end", end=None, source="gazette-2025"), PUBLISHED)
    assert not closed_by(OLD, term("also-open", end=OPEN, source="gazette-2025"), PUBLISHED)


def test_an_unknown_publication_day_counts_as_the_earliest() -> None:
    assert closed_by(OLD, term("ended", end="0001", source="gazette-2025"), {})


def test_disagreements_are_edge_by_edge_as_written() -> None:
    assert disagreements(OLD, NEW, PUBLISHED) == []  # an update, not a conflict
    assert disagreements(NEW, OLD, PUBLISHED) == []
    earlier_start = term("earlier", start="2018~", end="2025-03-03", source="gazette-2025")
    assert disagreements(OLD, earlier_start, PUBLISHED) == [("start", "2019", "2018~")]
    unknown_start = term("unknown-start", start=None, end=OPEN, source="gazette-2025")
    assert disagreements(unknown_start, OLD, PUBLISHED) == [("start", "unknown", "2019")]


def test_an_end_before_the_open_sources_publication_is_a_conflict() -> None:
    before = term("before", end="2024-05", source="gazette-2025")
    assert disagreements(OLD, before, PUBLISHED) == [("end", "..", "2024-05")]
    assert disagreements(before, OLD, PUBLISHED) == [("end", "2024-05", "..")]


def test_two_different_ends_and_an_unknown_end_are_conflicts() -> None:
    one = term("one", end="2025-03-03", source="gazette-2024")
    other = term("other", start="2017", end="2025-03", source="gazette-2025")
    assert disagreements(one, other, PUBLISHED) == [("start", "2019", "2017"), ("end", "2025-03-03", "2025-03")]
    unknown_end = term("unknown-end", end=None, source="gazette-2025")
    assert disagreements(one, unknown_end, PUBLISHED) == [("end", "2025-03-03", "unknown")]
    assert disagreements(OLD, unknown_end, PUBLISHED) == [("end", "..", "unknown")]


def test_effective_spans_close_open_ends_with_newer_ends() -> None:
    spans = effective_spans([OLD, NEW], PUBLISHED)
    assert spans == {
        "old": Span(start=parse("2019"), end=parse("2025-03-03"), open_end=False),
        "new": NEW.span,
    }


def test_effective_spans_leave_conflicts_and_lone_terms_as_they_are() -> None:
    before = term("before", end="2024-05", source="gazette-2025")
    lone = term("lone", holder="tomas-rehn", start="2025-03-03")
    assert effective_spans(iter([OLD, before, lone]), PUBLISHED) == {
        "old": OLD.span,
        "before": before.span,
        "lone": lone.span,
    }
    assert OLD.span.open_end
