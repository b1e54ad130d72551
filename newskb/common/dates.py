"""The date grammar: a small subset of EDTF that keeps the precision the source gave.

Written forms (see README, "Dates"):

    2024-10-01   that day              2024-10   some day that month      2014   some day that year
    2014~        about 2014 (widened by one unit each side)               2014?  2014, source unsure (as ~)
    2014%        about 2014, and unsure (widened by two)                  ..     (as an end) open
    ..2024-09-30 on or before that day  2024..   on or after that year

Every date has an earliest and a latest possible day; as-of questions are comparisons of those.
"""

import functools
import re
from datetime import date, timedelta
from enum import StrEnum
from typing import Final, NamedTuple

from newskb.common.errors import BadArgumentError

OPEN: Final = ".."
"""An end written as `..`: still true as far as the sources know (not the same as unknown)."""

# Stand-ins for "no bound" so that every date compares as a plain pair of days.
FIRST_DAY = date.min
LAST_DAY = date.max

_PATTERN = re.compile(
    r"(?P<before>\.\.)?(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?"
    r"(?P<mark>[~?%])?(?P<after>\.\.)?"
)
_GRAMMAR = "expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~, ? or %, with .. before or after"


# A length as ISO 8601 writes one, in whole years, months and days (`P14Y`, `P1Y6M`), `~` after it for about.
DURATION_PATTERN: Final = r"P(?=\d)(?:\d+Y)?(?:\d+M)?(?:\d+D)?~?"
# Its parts; a string that `re` compiles (and keeps) when a length is first read: most queries read none.
_DURATION = r"P(?:(?P<years>\d+)Y)?(?:(?P<months>\d+)M)?(?:(?P<days>\d+)D)?(?P<about>~)?"


class Duration(NamedTuple):
    """How long something lasted, as a source gives it ("his 14-year leadership": `P14Y`)."""

    years: int = 0
    months: int = 0
    days: int = 0
    approximate: bool = False
    bound: str = ""  # a length a text gives as a bound: "more" ("more than", "over"), "less", "nearly" ("almost")

    def in_words(self) -> str:
        """`14 years`, `about 1 year 6 months`, `more than 10 years`."""
        parts = [
            f"{number} {unit}{'' if number == 1 else 's'}"
            for number, unit in ((self.years, "year"), (self.months, "month"), (self.days, "day"))
            if number
        ]
        bounds = {"more": "more than ", "less": "less than ", "nearly": "nearly "}
        said = bounds.get(self.bound, "about " if self.approximate else "")
        return said + " ".join(parts or ["0 days"])


def parse_duration(text: str) -> Duration:
    """Read a length of DURATION_PATTERN; raise DateError for anything else."""
    found = re.fullmatch(_DURATION, text) if re.fullmatch(DURATION_PATTERN, text) else None
    if found is None:
        raise DateError(f"'{text}' is not a length: write it as P14Y, P6M or P1Y6M (~ after it: about)")
    return Duration(
        years=int(found["years"] or 0),
        months=int(found["months"] or 0),
        days=int(found["days"] or 0),
        approximate=bool(found["about"]),
    )


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class Relation(StrEnum):
    """Whether the written date is the day itself or only a bound on it."""

    ON = "on"
    ON_OR_BEFORE = "on or before"
    ON_OR_AFTER = "on or after"


class Status(StrEnum):
    """Where a term stands on a given day (README, "What the answers mean")."""

    HOLDS = "holds"
    POSSIBLY = "possibly"
    HELD = "held"
    NOT_YET = "not yet"
    UNKNOWN = "unknown"
    # An open term asked about after its evidence horizon: it held as of then; nothing later is known.
    LAST_KNOWN = "last known"


class DateError(BadArgumentError):
    """A string that is not a date of the grammar, or names a day that does not exist."""


class Edtf(NamedTuple):
    """A date at the precision the source gave, with its EDTF qualifiers."""

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = False
    uncertain: bool = False
    relation: Relation = Relation.ON

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        return Precision.MONTH if self.month is not None else Precision.YEAR

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.approximate and self.uncertain:
            text += "%"
        elif self.approximate:
            text += "~"
        elif self.uncertain:
            text += "?"
        if self.relation is Relation.ON_OR_BEFORE:
            return OPEN + text
        if self.relation is Relation.ON_OR_AFTER:
            return text + OPEN
        return text

    def in_words(self) -> str:
        """The date as a person reads it: `about 2014`, `2014, uncertain`, `on or before 2024-09-30`."""
        plain = str(Edtf(year=self.year, month=self.month, day=self.day))
        text = f"about {plain}" if self.approximate else plain
        if self.uncertain:
            text += ", uncertain"
        if self.relation is not Relation.ON:
            text = f"{self.relation.value} {text}"
        return text

    @property
    def earliest_day(self) -> date:
        """The first day the date could be."""
        if self.relation is Relation.ON_OR_BEFORE:
            return FIRST_DAY
        first, _ = self._span()
        return first

    @property
    def latest_day(self) -> date:
        """The last day the date could be."""
        if self.relation is Relation.ON_OR_AFTER:
            return LAST_DAY
        _, last = self._span()
        return last

    @property
    def is_plain(self) -> bool:
        """Whether ISO 8601 writes it as it is, at its precision: no `~`, `?` or `%`, and not a bound."""
        return not (self.approximate or self.uncertain) and self.relation is Relation.ON

    @property
    def is_exact(self) -> bool:
        return self.earliest_day == self.latest_day

    @property
    def widening(self) -> int:
        """How many units of its precision the date is widened each side: about (`~`) or unsure (`?`) one,
        both (`%`) two (as python-edtf widens them at year precision)."""
        return int(self.approximate) + int(self.uncertain)

    def _span(self) -> tuple[date, date]:
        widen = self.widening
        if self.day is not None and self.month is not None:
            first = last = date(self.year, self.month, self.day)
            return _shift_days(first, -widen), _shift_days(last, widen)
        if self.month is not None:
            first_month = last_month = (self.year, self.month)
            return _month_start(_add_months(first_month, -widen)), _month_end(_add_months(last_month, widen))
        first_year = max(self.year - widen, FIRST_DAY.year)
        last_year = min(self.year + widen, LAST_DAY.year)
        return date(first_year, 1, 1), date(last_year, 12, 31)


# Cached: an answer row's start, end and attested day are read by its status, its outcome and its
# rendering, and a timeline reads the same few dates on many rows; an Edtf is immutable.
@functools.lru_cache(maxsize=4096)
def parse(text: str) -> Edtf:
    """Read one date of the grammar; raise DateError naming what is wrong."""
    match = _PATTERN.fullmatch(text)
    if match is None:
        raise DateError(f"'{text}' is not a date: {_GRAMMAR}")
    if match["before"] and match["after"]:
        raise DateError(f"'{text}' is not a date: '..' may stand before or after a date, not both")
    year = int(match["year"])
    if year == 0:
        raise DateError(f"'{text}' is not a date: there is no year 0000")
    month = int(match["month"]) if match["month"] else None
    day = int(match["day"]) if match["day"] else None
    if month is not None and not 1 <= month <= 12:
        raise DateError(f"'{text}' is not a date: month {month} does not exist")
    if month is not None and day is not None and not 1 <= day <= days_in_month(year, month):
        import calendar  # only for this message: importing it costs a query's start-up a millisecond

        raise DateError(f"'{text}' is not a date: {calendar.month_name[month]} {year} has no day {day}")
    mark = match["mark"] or ""
    relation = Relation.ON
    if match["before"]:
        relation = Relation.ON_OR_BEFORE
    elif match["after"]:
        relation = Relation.ON_OR_AFTER
    return Edtf(
        year=year,
        month=month,
        day=day,
        approximate=mark in ("~", "%"),
        uncertain=mark in ("?", "%"),
        relation=relation,
    )


def parse_day(text: str) -> date:
    """Read an exact day, as an as-of question needs one."""
    value = parse(text)
    if value.precision is not Precision.DAY or value.relation is not Relation.ON:
        raise DateError(f"'{text}' is not a single day: write it as YYYY-MM-DD")
    return value.earliest_day


class Span(NamedTuple):
    """The days a term covers, start <= day < end; a missing start or end is unknown.

    `open_end` means the sources know of no end yet, which is not the same as an unknown end.
    """

    start: Edtf | None
    end: Edtf | None
    open_end: bool = False

    @classmethod
    def from_written(cls, start: str | None, end: str | None) -> "Span":
        """A span from dates as written (what the index stores): None or "" unknown, ".." an open end."""
        return cls(
            start=parse(start) if start else None,
            end=parse(end) if end and end != OPEN else None,
            open_end=end == OPEN,
        )

    @classmethod
    def of_days(cls, first: date | None, last: date | None) -> "Span":
        """The days `first` to `last`, both included (an asked range); a missing bound reaches as far as any date."""
        end = _on(last + timedelta(days=1)) if last is not None and last < LAST_DAY else None
        return cls(start=_on(first) if first is not None else None, end=end)

    def status_on(self, day: date, horizon: date | None = None) -> Status:
        """Where the term stands on `day`, honest about imprecise and unknown edges.

        `horizon` is the last day the evidence reaches for an open term (see `horizon`): after it, the term
        is only `last known` to hold, never `holds` for ever.
        """
        if self.start is not None and day < self.start.earliest_day:
            return Status.NOT_YET
        if self.end is not None and day >= self.end.latest_day:
            return Status.HELD
        if self.start is None or (self.end is None and not self.open_end):
            return Status.UNKNOWN
        if self.open_end and horizon is not None and day > horizon:
            return Status.LAST_KNOWN
        inside_start_edge = day < self.start.latest_day
        inside_end_edge = self.end is not None and day >= self.end.earliest_day
        if inside_start_edge or inside_end_edge:
            return Status.POSSIBLY
        return Status.HOLDS

    def horizon(self, attested: date | None) -> date | None:
        """The last day the evidence reaches for an open term: the day its newest source certainly saw it open
        (`attested`), or its start's last possible day where the source announced a later start. None for a
        term that is not open, or whose attestation is unknown."""
        if not self.open_end or attested is None:
            return None
        return max(attested, self.start.latest_day) if self.start is not None else attested

    def certainly_overlaps(self, other: "Span") -> bool:
        """Whether both spans cover at least one common day, whatever their imprecision."""
        if self.start is None or other.start is None:
            return False
        own_stop, other_stop = self.certain_stop(), other.certain_stop()
        if own_stop is None or other_stop is None:
            return False
        return max(self.start.latest_day, other.start.latest_day) < min(own_stop, other_stop)

    def could_overlap(self, other: "Span") -> bool:
        """Whether the two spans may share a day, given what is unknown or imprecise about them."""
        own_first, other_first = _first_possible(self), _first_possible(other)
        own_stop, other_stop = _last_possible_stop(self), _last_possible_stop(other)
        return own_first < other_stop and other_first < own_stop

    def ends_before_it_starts(self) -> bool:
        """Whether the end is certainly not after the start: such a span covers no day."""
        if self.start is None or self.end is None:
            return False
        return self.end.latest_day <= self.start.earliest_day

    def certain_stop(self) -> date | None:
        """The first day the span certainly no longer covers, if any is known."""
        if self.open_end:
            return LAST_DAY
        return self.end.earliest_day if self.end is not None else None


def _on(day: date) -> Edtf:
    return Edtf(year=day.year, month=day.month, day=day.day)


def _first_possible(span: Span) -> date:
    return span.start.earliest_day if span.start is not None else FIRST_DAY


def _last_possible_stop(span: Span) -> date:
    """The latest day the span may stop covering (an unknown or open end could be any time later)."""
    if span.end is None:
        return LAST_DAY
    return span.end.latest_day


def _shift_days(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return day


def _add_months(year_month: tuple[int, int], months: int) -> tuple[int, int]:
    index = year_month[0] * 12 + (year_month[1] - 1) + months
    year, month = divmod(index, 12)
    year = min(max(year, FIRST_DAY.year), LAST_DAY.year)
    return year, month + 1


def _month_start(year_month: tuple[int, int]) -> date:
    return date(year_month[0], year_month[1], 1)


def _month_end(year_month: tuple[int, int]) -> date:
    year, month = year_month
    return date(year, month, days_in_month(year, month))


def days_in_month(year: int, month: int) -> int:
    """How many days a month has: `calendar.monthrange`'s count, without importing `calendar` at start-up."""
    if month == 12:
        return 31
    return (date(year, month + 1, 1) - date(year, month, 1)).days


def elapsed(earlier: date, later: date) -> str:
    """How long after `earlier` `later` is, in the largest whole unit: `3 days`, `2 months`, `5 years`."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month - (later.day < earlier.day)
    if months >= 12:
        number, unit = months // 12, "year"
    elif months >= 1:
        number, unit = months, "month"
    else:
        number, unit = (later - earlier).days, "day"
    return f"{number} {unit}{'' if number == 1 else 's'}"


def began(end: Edtf, length: Duration) -> tuple[date, date]:
    """The first and last day a span of `length` that ended on `end` may have begun. A length a source gives
    is rounded ("his 14-year leadership" of 13 years and 9 months), so it counts one of its smallest unit short
    or long; an end known only by a bound leaves the other side open (FIRST_DAY, LAST_DAY)."""
    months = length.years * 12 + length.months
    unit_months, unit_days = (0, 1) if length.days else (1, 0) if length.months else (12, 0)
    first, last = end.earliest_day, end.latest_day
    if first != FIRST_DAY:
        first = _back(first, months + unit_months, length.days + unit_days)
    if last != LAST_DAY:
        last = _back(last, months - unit_months, length.days - unit_days)
    return first, last


def _back(day: date, months: int, days: int) -> date:
    year, month = _add_months((day.year, day.month), -months)
    return _shift_days(date(year, month, min(day.day, days_in_month(year, month))), -days)
