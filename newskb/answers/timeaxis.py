"""A chart's time axis, worked out without a terminal: which days each column stands for, where the ticks
go and what they say, and what is known of a term in each column.

The drawing is render/chart.py's; everything here is arithmetic on days (README, "chart"). A column
shows the most that is known of any day it stands for: a term certainly in office on one of its days
is drawn certain there, else possibly (an imprecise start or end may fall there), else open (past the
last day a source saw the term still open). Whether a term is in office on a day is `Span.status_on`'s
answer, never worked out again here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from itertools import pairwise

from newskb.common.dates import FIRST_DAY, LAST_DAY, Span, days_in_month


class Shade(StrEnum):
    """What is known of a term in a column, strongest first."""

    CERTAIN = "certain"  # in office on at least one of the column's days, whatever the imprecision
    POSSIBLE = "possible"  # an imprecise start or end may put the term in office on one of its days
    OPEN = "open"  # after the attested day of a term with no known end: no source says either way


def drawable(span: Span) -> bool:
    """Whether a term can be drawn: its start is known, and its end is known or open (not unknown)."""
    return span.start is not None and (span.end is not None or span.open_end)


@dataclass(frozen=True, slots=True)
class Axis:
    """The days `first` to `last` (both included) across `width` columns, left to right.

    With more days than columns a column stands for several days; with fewer, a day takes several columns.
    """

    first: date
    last: date
    width: int

    def __post_init__(self) -> None:
        if self.last < self.first or self.width < 1:
            raise ValueError(f"an axis needs first <= last and a width of at least 1, not {self}")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def column_days(self, column: int) -> tuple[date, date]:
        """The first and last day a column stands for."""
        low = column * self.days // self.width
        high = max((column + 1) * self.days // self.width - 1, low)
        return self.first + timedelta(days=low), self.first + timedelta(days=high)

    def column_of(self, day: date) -> int | None:
        """The column a day is drawn in (the leftmost, where a day takes several); None off the axis."""
        if not self.first <= day <= self.last:
            return None
        # The first column whose last day is `day` or later (columns' last days never decrease).
        low, high = 0, self.width - 1
        while low < high:
            middle = (low + high) // 2
            if self.column_days(middle)[1] >= day:
                high = middle
            else:
                low = middle + 1
        return low


def window(
    spans: Iterable[tuple[Span, date | None]], day: date, first: date | None, last: date | None
) -> tuple[date, date]:
    """The first and last day of the axis for drawable spans (each with its attested day) and the asked `day`.

    Unless `first` or `last` is asked, it runs from the earliest to the latest day any start, end or
    attested day names (a bound such as "on or before" names one side only), so that every edge is drawn.
    """
    named = [day]
    for span, attested in spans:
        for edge in (span.start, span.end):
            if edge is not None:
                named.extend(bound for bound in (edge.earliest_day, edge.latest_day) if FIRST_DAY < bound < LAST_DAY)
        if attested is not None and span.open_end:
            named.append(attested)
    low = first if first is not None else min(named)
    high = last if last is not None else max(named)
    if low > high:  # one bound asked, beyond every day named: the axis is that bound's day
        return (low, low) if last is None else (high, high)
    return low, high


def shades(axis: Axis, span: Span, attested: date | None) -> list[Shade | None]:
    """What is known of a drawable term in each column of the axis (None: certainly out of office)."""
    reach = _reach(span, attested)
    drawn: list[Shade | None] = []
    for column in range(axis.width):
        low, high = (day.toordinal() for day in axis.column_days(column))
        present = {shade for shade, begin, stop in reach if begin <= high and low < stop}
        drawn.append(next((shade for shade in Shade if shade in present), None))
    return drawn


# Day numbers (date.toordinal) past any date: the stop of an open end.
_NEVER = LAST_DAY.toordinal() + 1


def _reach(span: Span, attested: date | None) -> list[tuple[Shade, int, int]]:
    """The days of each shade, as half-open ranges of day numbers, by Span.status_on's rules:
    possibly in office from the start's earliest day to its latest, and from the end's earliest day to
    its latest (the end is the first day out of office); certainly in between; an open term is certain
    only up to its attested day (with none, from its start on it is open)."""
    if span.start is None or not drawable(span):
        raise ValueError("only a term with a known start and a known or open end is drawn")
    start_first, start_last = span.start.earliest_day.toordinal(), span.start.latest_day.toordinal()
    if span.end is None:  # open
        end_first = end_last = _NEVER
    else:
        end_first, end_last = span.end.earliest_day.toordinal(), span.end.latest_day.toordinal()
    reach = [
        (Shade.POSSIBLE, start_first, min(start_last, end_last)),
        (Shade.POSSIBLE, max(end_first, start_first), end_last),
    ]
    certain_stop = end_first
    if span.open_end:
        certain_stop = min(end_first, attested.toordinal() + 1) if attested is not None else start_last
        reach.append((Shade.OPEN, max(start_last, certain_stop), _NEVER))
    reach.append((Shade.CERTAIN, start_last, certain_stop))
    return [(shade, begin, stop) for shade, begin, stop in reach if begin < stop]


# --- Ticks ------------------------------------------------------------------------------------------------


class Unit(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True, slots=True)
class Step:
    """Ticks every `count` days (on the 1st, the 1+count-th, ... of each month), months (from January)
    or years (on years divisible by it: decades, centuries)."""

    unit: Unit
    count: int

    @property
    def average_days(self) -> float:
        return self.count * {Unit.DAY: 1.0, Unit.MONTH: 30.44, Unit.YEAR: 365.25}[self.unit]

    def label(self, day: date) -> str:
        """As the date grammar writes the tick's day at the step's precision: 2014, 2024-10, 2024-10-01."""
        if self.unit is Unit.YEAR:
            return f"{day.year:04d}"
        if self.unit is Unit.MONTH:
            return f"{day.year:04d}-{day.month:02d}"
        return day.isoformat()

    def days(self, first: date, last: date) -> Iterator[date]:
        """The tick days from `first` to `last`, in order."""
        if self.unit is Unit.YEAR:
            year = -(-first.year // self.count) * self.count
            if date(year, 1, 1) < first:
                year += self.count
            while year <= last.year:
                yield date(year, 1, 1)
                year += self.count
            return
        year, month = first.year, first.month
        while (year, month) <= (last.year, last.month):
            if self.unit is Unit.MONTH:
                days_of_month = [1] if (month - 1) % self.count == 0 else []
            else:
                length = days_in_month(year, month)
                # The 1st, 1+count-th, ...: a tick too close to the next month's 1st is left out.
                days_of_month = list(range(1, length + 2 - self.count, self.count))
            for day_of_month in days_of_month:
                tick = date(year, month, day_of_month)
                if first <= tick <= last:
                    yield tick
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)


# From the finest to the coarsest: the axis takes the finest whose labels fit.
STEPS = (
    *(Step(Unit.DAY, count) for count in (1, 2, 5, 10)),
    *(Step(Unit.MONTH, count) for count in (1, 2, 3, 6)),
    *(Step(Unit.YEAR, count) for count in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)),
)
# Blank columns at least between one label's end and the next label.
GAP = 2


@dataclass(frozen=True, slots=True)
class Tick:
    column: int
    day: date
    label: str  # "" where the label would run past the right edge


def ticks(axis: Axis) -> list[Tick]:
    """The ticks of the finest step whose labels, each starting at its tick, keep GAP columns apart."""
    for step in STEPS:
        if axis.days / step.average_days > axis.width:  # more ticks than columns: cannot fit
            continue
        placed = [Tick(_column(axis, day), day, step.label(day)) for day in step.days(axis.first, axis.last)]
        if all(later.column - tick.column >= len(tick.label) + GAP for tick, later in pairwise(placed)):
            return [
                tick if tick.column + len(tick.label) <= axis.width else Tick(tick.column, tick.day, "")
                for tick in placed
            ]
    return []


def _column(axis: Axis, day: date) -> int:
    column = axis.column_of(day)
    if column is None:
        raise ValueError(f"{day} is off the axis")
    return column


def per_column(axis: Axis) -> str:
    """How much time a column stands for: "1 day a column", "about 2.5 months a column", "about 4 columns a day"."""
    if axis.days == axis.width:
        return "1 day a column"
    if axis.days < axis.width:
        return f"about {_amount(axis.width / axis.days)} columns a day"
    days = axis.days / axis.width
    for unit, length in (("year", 365.25), ("month", 30.44), ("week", 7.0), ("day", 1.0)):
        if days >= length:
            amount = _amount(days / length)
            return f"about {amount} {unit}{'' if amount == '1' else 's'} a column"
    raise AssertionError("a column stands for a day at least")


def _amount(number: float) -> str:
    """2.4, 12 or 1: a tenth below 10, whole numbers above."""
    return f"{number:.1f}".removesuffix(".0") if number < 10 else f"{number:.0f}"
