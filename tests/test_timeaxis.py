"""The chart's time axis, without a terminal: columns, ticks, and what is known of a term in each column."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newskb.answers.timeaxis import (
    GAP,
    Axis,
    Shade,
    Step,
    Unit,
    drawable,
    per_column,
    shades,
    ticks,
    window,
)
from newskb.common.dates import Span, Status

GLYPHS = {None: " ", Shade.CERTAIN: "█", Shade.POSSIBLE: "▒", Shade.OPEN: "┅"}
# The seed's NATO Secretary General chart, as of 2025-10-01.
NSG = Axis(date(2013, 1, 1), date(2025, 10, 1), 60)
STOLTENBERG = Span.from_written("2014~", "2024-10-01")
RUTTE = Span.from_written("2024-10-01", "..")


def drawn(axis: Axis, span: Span, attested: date | None = None) -> str:
    return "".join(GLYPHS[shade] for shade in shades(axis, span, attested)).rstrip()


def labels(axis: Axis) -> list[tuple[int, str]]:
    return [(tick.column, tick.label) for tick in ticks(axis)]


# --- Columns ----------------------------------------------------------------------------------------------

axes = st.builds(
    lambda first, days, width: Axis(first, first + timedelta(days=days), width),
    st.dates(date(1, 1, 1), date(9000, 1, 1)),
    st.integers(0, 200_000),
    st.integers(1, 300),
)


@given(axes)
def test_columns_stand_for_every_day_in_order(axis: Axis) -> None:
    spans = [axis.column_days(column) for column in range(axis.width)]
    assert spans[0][0] == axis.first and spans[-1][1] == axis.last
    for (first, last), (next_first, _) in pairwise(spans):
        assert first <= last
        # With more days than columns they follow one another; with fewer, a day takes several columns.
        assert next_first == last + timedelta(days=1) or (axis.days < axis.width and next_first in (first, last))


@given(axes, st.data())
def test_a_day_is_drawn_in_the_leftmost_column_standing_for_it(axis: Axis, data: st.DataObject) -> None:
    day = axis.first + timedelta(days=data.draw(st.integers(0, axis.days - 1)))
    column = axis.column_of(day)
    assert column is not None
    first, last = axis.column_days(column)
    assert first <= day <= last
    assert column == 0 or axis.column_days(column - 1)[1] < day


def test_days_off_the_axis_have_no_column() -> None:
    assert NSG.column_of(date(2012, 12, 31)) is None
    assert NSG.column_of(date(2025, 10, 2)) is None
    assert NSG.column_of(NSG.first) == 0 and NSG.column_of(NSG.last) == 59


def test_an_axis_needs_days_and_columns() -> None:
    with pytest.raises(ValueError, match="first <= last"):
        Axis(date(2025, 1, 2), date(2025, 1, 1), 10)
    with pytest.raises(ValueError, match="width of at least 1"):
        Axis(date(2025, 1, 1), date(2025, 1, 1), 0)


def test_per_column_says_how_much_time_a_column_is() -> None:
    assert per_column(NSG) == "about 2.5 months a column"
    assert per_column(Axis(date(2025, 1, 1), date(2025, 1, 10), 10)) == "1 day a column"
    assert per_column(Axis(date(2025, 1, 1), date(2025, 1, 6), 60)) == "about 10 columns a day"
    assert per_column(Axis(date(2025, 1, 1), date(2025, 1, 14), 7)) == "about 2 days a column"
    assert per_column(Axis(date(2025, 1, 1), date(2025, 12, 31), 52)) == "about 1 week a column"
    assert per_column(Axis(date(1, 1, 1), date(9999, 12, 31), 60)) == "about 167 years a column"


# --- Ticks ------------------------------------------------------------------------------------------------


def test_ticks_adapt_to_the_span_and_the_width() -> None:
    twelve_years = (date(2013, 1, 1), date(2025, 10, 1))
    yearly = [(0, "2013"), (6, "2014"), (12, "2015"), (18, "2016"), (25, "2017"), (31, "2018"), (37, "2019")]
    assert labels(Axis(*twelve_years, 80))[:7] == yearly
    assert labels(Axis(*twelve_years, 60)) == [
        (4, "2014"),
        (14, "2016"),
        (23, "2018"),
        (32, "2020"),
        (42, "2022"),
        (51, "2024"),
    ]
    # Too narrow for two-yearly labels: every five years, and the last tick has no room for its label.
    assert labels(Axis(*twelve_years, 20)) == [(3, "2015"), (10, "2020"), (18, "")]
    assert labels(Axis(date(2024, 9, 15), date(2024, 9, 20), 60)) == [
        (0, "2024-09-15"),
        (20, "2024-09-17"),
        (40, "2024-09-19"),
    ]
    seven_months = (date(2024, 6, 1), date(2024, 12, 31))
    monthly = [(0, "2024-06"), (11, "2024-07"), (23, "2024-08"), (34, "2024-09"), (45, "2024-10"), (57, "2024-11")]
    assert labels(Axis(*seven_months, 80)) == [*monthly, (68, "2024-12")]
    # At 60 columns a month is 8 or 9 columns, too few for "2024-07" and a gap: every other month.
    assert labels(Axis(*seven_months, 60)) == [(8, "2024-07"), (26, "2024-09"), (43, "2024-11")]
    decades = labels(Axis(date(1900, 1, 1), date(2025, 1, 1), 60))
    assert decades == [(0, "1900"), (9, "1920"), (19, "1940"), (28, "1960"), (38, "1980"), (47, "2000"), (57, "")]


def test_steps_are_days_months_years_and_decades() -> None:
    assert list(Step(Unit.DAY, 10).days(date(2024, 2, 1), date(2024, 3, 12))) == [
        date(2024, 2, 1),
        date(2024, 2, 11),
        date(2024, 3, 1),  # the 21st of February is too close to the 1st of March
        date(2024, 3, 11),
    ]
    assert list(Step(Unit.MONTH, 3).days(date(2024, 1, 2), date(2024, 12, 31))) == [
        date(2024, 4, 1),
        date(2024, 7, 1),
        date(2024, 10, 1),
    ]
    assert list(Step(Unit.YEAR, 10).days(date(1990, 1, 2), date(2020, 1, 1))) == [
        date(2000, 1, 1),
        date(2010, 1, 1),
        date(2020, 1, 1),
    ]
    assert [Step(unit, 1).label(date(2024, 10, 1)) for unit in Unit] == ["2024-10-01", "2024-10", "2024"]


@given(axes)
def test_tick_labels_never_overlap_nor_run_off_the_edge(axis: Axis) -> None:
    placed = ticks(axis)
    for tick, later in pairwise(placed):
        assert later.column - tick.column >= len(tick.label) + GAP
    for tick in placed:
        assert tick.column == axis.column_of(tick.day)
        assert tick.column + len(tick.label) <= axis.width


# --- What is known of a term, column by column ---------------------------------------------------------------


def test_the_seed_nato_secretary_general() -> None:
    # Stoltenberg's "about 2014" start may be any day of 2013 to 2015: shaded, then solid until the handover.
    assert drawn(NSG, STOLTENBERG) == "▒" * 14 + "█" * 42
    # Rutte's term starts after the day the source saw it (announced): open from its first day on.
    assert drawn(NSG, RUTTE, date(2024, 9, 30)) == " " * 55 + "┅" * 5


# Ten years on ten columns; with leap days a column runs from 31 December to 30 December from 2021 on.
DECADE = Axis(date(2020, 1, 1), date(2029, 12, 31), 10)


def test_an_open_term_is_certain_up_to_its_attested_day_only() -> None:
    assert DECADE.column_days(4) == (date(2024, 1, 1), date(2024, 12, 30))
    assert drawn(DECADE, Span.from_written("2021-01-01", ".."), date(2024, 6, 30)) == " ████┅┅┅┅┅"
    # With no attested day nothing is certain past the start.
    assert drawn(DECADE, Span.from_written("2021-01-01", ".."), None) == " ┅┅┅┅┅┅┅┅┅"


def test_imprecise_and_bounded_edges_are_shaded_over_the_days_they_may_cover() -> None:
    # "2021" to "2024": it began some day of 2021 and ended (its first day out) some day of 2024.
    assert drawn(DECADE, Span.from_written("2021", "2024")) == " ▒██▒"
    # "On or before 2023": it may have begun any day before, as far as the axis reaches.
    assert drawn(DECADE, Span.from_written("..2023", "2026-06-01")) == "▒▒▒████"
    # "On or after 2026": it may end any day after, as far as the axis reaches.
    assert drawn(DECADE, Span.from_written("2022-06-01", "2026..")) == "  █████▒▒▒"
    # A start and an end in the same year: every day of it only possibly.
    assert drawn(DECADE, Span.from_written("2024", "2024")) == "    ▒"


def test_a_column_shows_the_most_known_of_any_of_its_days() -> None:
    # A one-day term on a decade: still drawn, certain, in its column.
    assert drawn(DECADE, Span.from_written("2025-06-01", "2025-06-02")) == "     █"


def test_terms_with_an_unknown_start_or_end_are_not_drawn() -> None:
    assert drawable(STOLTENBERG) and drawable(RUTTE)
    assert not drawable(Span.from_written(None, "..2024-09-30"))  # Lungescu: start unknown
    assert not drawable(Span.from_written("..2024-09-30", None))  # Wallace: end unknown
    with pytest.raises(ValueError, match="only a term with a known start"):
        shades(NSG, Span.from_written(None, "..2024-09-30"), None)


WRITTEN = ["2014", "2014~", "2014%", "2014-06", "2014-06?", "2014-06-15", "..2014-06-15", "2014.."]
WRITTEN_ENDS = [*WRITTEN, "2016", "2016-02~", "2016-02-29", "..2016", "2015-12-31", ".."]


@given(
    st.sampled_from(WRITTEN),
    st.sampled_from(WRITTEN_ENDS),
    st.none() | st.dates(date(2013, 1, 1), date(2018, 1, 1)),
    st.integers(1, 120),
)
def test_every_column_is_what_status_on_says_of_its_days(
    start: str, end: str, attested: date | None, width: int
) -> None:
    span = Span.from_written(start, end)
    axis = Axis(date(2012, 1, 1), date(2018, 12, 31), width)
    for column, shade in enumerate(shades(axis, span, attested)):
        first, last = axis.column_days(column)
        known = set()
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            status = span.status_on(day)
            if status is Status.POSSIBLY:
                known.add(Shade.POSSIBLE)
            elif status is Status.HOLDS:
                after_evidence = span.open_end and (attested is None or day > attested)
                known.add(Shade.OPEN if after_evidence else Shade.CERTAIN)
        assert shade == next((strongest for strongest in Shade if strongest in known), None), (column, first, last)


# --- The axis's days ---------------------------------------------------------------------------------------


def test_the_axis_runs_over_every_day_the_terms_name_and_the_asked_day() -> None:
    terms = [(STOLTENBERG, None), (RUTTE, date(2024, 9, 30))]
    assert window(terms, date(2025, 10, 1), None, None) == (date(2013, 1, 1), date(2025, 10, 1))
    # The asked day widens it; a bound such as "on or before" names one side only.
    assert window(terms, date(2000, 5, 5), None, None) == (date(2000, 5, 5), date(2024, 10, 1))
    assert window([(Span.from_written("..2020", "2021"), None)], date(2021, 6, 1), None, None) == (
        date(2020, 12, 31),
        date(2021, 12, 31),
    )
    assert window([], date(2025, 1, 1), None, None) == (date(2025, 1, 1), date(2025, 1, 1))


def test_asked_bounds_clip_the_axis() -> None:
    terms = [(STOLTENBERG, None), (RUTTE, date(2024, 9, 30))]
    assert window(terms, date(2025, 10, 1), date(2024, 6, 1), date(2024, 12, 31)) == (
        date(2024, 6, 1),
        date(2024, 12, 31),
    )
    # One bound beyond every day named: the axis is that bound's day.
    assert window(terms, date(2025, 10, 1), date(2030, 1, 1), None) == (date(2030, 1, 1), date(2030, 1, 1))
    assert window(terms, date(2025, 10, 1), None, date(2000, 12, 31)) == (date(2000, 12, 31), date(2000, 12, 31))
