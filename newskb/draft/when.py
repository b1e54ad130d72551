"""Dates as news writes them, found in a sentence and resolved against the publication day, at the
precision the text gives ("in July 2024" is 2024-07, never a day of it).

Shapes: a point ("on Tuesday, October 1", "yesterday", "on Monday", "in July 2024", "in 2019"), a
start ("since 2019"), a range ("from 2004 until 2016"), an end ("until 2016") and a length ("for the
past ten years", "after eight years in office"), which becomes a date only against the day it ends.

A date without its year, or a weekday alone, is placed by the tense of its clause: looking back
("took office on Monday") it is the last such day on or before publication, looking ahead ("will take
office on Monday") the next on or after it; with no tense to tell, the nearest. A weekday written with
its day ("Tuesday, October 1") picks the year nearest publication in which that day is that weekday.
Every resolution says how in a note.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum

from newskb.common.dates import Edtf
from newskb.draft.tense import Tense
from newskb.draft.timewords import MONTH_NAMES, MONTHS, NUMBERS, WEEKDAYS


class Shape(StrEnum):
    POINT = "point"
    SINCE = "since"
    RANGE = "range"
    UNTIL = "until"
    LENGTH = "length"


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1\d|20)\d\d"
_END = r"(?![\w:])"
_MONTH_DAY = rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?{_END}"
_DAY_MONTH = rf"(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?{_END}"
_MONTH_YEAR = rf"{_MONTH},?\s+{_YEAR}{_END}"
_WHEN = rf"(?:{_MONTH_DAY}|{_DAY_MONTH}|{_MONTH_YEAR}|{_YEAR}{_END})"
_COUNT = r"(?:\d{1,2}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
_UNIT = r"(?:years?|months?|decades?)"
_RELATIVE = r"(?:(?:earlier|later)\s+this|last|next|this)\s+(?:year|month)\b"

_PATTERNS: tuple[tuple[Shape, re.Pattern[str]], ...] = (
    # A range's end may leave its year to its start or the clause: "from 2011 until September".
    (
        Shape.RANGE,
        re.compile(
            rf"\b(?:from|between)\s+(?P<a>{_WHEN})\s+(?:until|till|to|and)\s+"
            rf"(?P<b>{_WHEN}|{_MONTH}\b|{_WEEKDAY}\b)"
        ),
    ),
    (Shape.SINCE, re.compile(rf"\b(?:since|from)\s+(?P<a>{_WHEN}|{_MONTH}\b)")),
    (Shape.UNTIL, re.compile(rf"\b(?:until|till)\s+(?P<a>{_WHEN}|{_RELATIVE})")),
    (Shape.POINT, re.compile(rf"(?:\b[Oo]n\s+)?(?P<a>{_MONTH_DAY}|{_DAY_MONTH})")),
    (Shape.POINT, re.compile(rf"(?:\b[Ii]n\s+)?(?P<a>{_MONTH_YEAR})")),
    # "last October", "next March": a month counted from publication's.
    (Shape.POINT, re.compile(rf"\b(?P<a>(?:[Ll]ast|[Nn]ext|[Tt]his)\s+{_MONTH}\b(?!\.?\s+\d))")),
    # Not "in Sept. 3" (the sworn-in day, written without "on"): "Sept. 3" is the day.
    (Shape.POINT, re.compile(rf"\b[Ii]n\s+(?P<a>{_MONTH}\b(?!\.?\s+\d)|{_YEAR}{_END})")),
    # A weekday alone, but not "a Tuesday" or "every Monday", which name no day.
    (
        Shape.POINT,
        re.compile(
            rf"(?:\b[Oo]n\s+)?(?<!\ba )(?<!every )(?<!each )(?P<a>\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his)\s+)?{_WEEKDAY}\b)"
        ),
    ),
    (Shape.POINT, re.compile(r"\b(?P<a>[Yy]esterday|[Tt]oday|[Tt]omorrow)\b(?!['\u2019])")),
    # "two days ago", "a year ago": counted back from publication.
    (Shape.POINT, re.compile(rf"(?i:\b(?P<a>{_COUNT}\s+(?:days?|weeks?|months?|years?)\s+ago)\b)")),
    # "at the end of October", "at the start of the year": the month or the year, never a day of it.
    (
        Shape.POINT,
        re.compile(
            rf"\b(?:[Aa]t\s+)?(?P<a>the\s+(?:end|close|start|beginning)\s+of\s+"
            rf"(?:{_MONTH_YEAR}|{_MONTH}\b(?!\.?\s+\d)|{_YEAR}{_END}|(?:the|this|next)\s+(?:month|year)\b))"
        ),
    ),
    (Shape.POINT, re.compile(rf"\b(?P<a>(?i:{_RELATIVE}))")),
    (
        Shape.LENGTH,
        re.compile(rf"(?i:\bfor\s+(?:the\s+)?(?:past|last)\s+(?:(?P<n>{_COUNT})\s+)?(?P<unit>{_UNIT})\b)"),
    ),
    (
        Shape.LENGTH,
        re.compile(
            rf"(?i:\bfor\s+(?:nearly\s+|almost\s+|about\s+|some\s+|more\s+than\s+|over\s+)?"
            rf"(?P<n>{_COUNT})\s+(?P<unit>{_UNIT})\b)"
        ),
    ),
    (
        Shape.LENGTH,
        re.compile(
            rf"(?i:\bafter\s+(?P<n>{_COUNT})\s+(?P<unit>{_UNIT})\s+"
            r"(?:in\s+office|in\s+the\s+(?:post|job|role)|in\s+charge|at\s+the\s+helm|(?=as\s)))"
        ),
    ),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class Written:
    """What a date expression says, part by part (None: not said)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # 0 is Monday
    mode: str | None = None  # "last", "next", "this" (a weekday or a month)
    days_from: int | None = None  # yesterday -1, today 0, tomorrow 1
    unit: str | None = None  # "year" or "month", with `units_from` (last year -1)
    units_from: int = 0
    closing: bool = False  # "the end of October": the period's last days (an end's first day out follows it)
    ago: int | None = None  # "two weeks ago": 2, with `ago_unit` "week"
    ago_unit: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Expression:
    """One date expression of a sentence: its shape, where it stands, and what it says."""

    shape: Shape
    start: int  # offsets in the article
    end: int
    text: str
    first: Written | None = None
    second: Written | None = None  # a range's end
    length: int | None = None  # a length, in `length_unit`s
    length_unit: str | None = None  # "year" or "month"


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolved:
    """A date as written in the grammar, or None when the text does not give one, and how it was found."""

    value: Edtf | None
    note: str


def find(sentence: str, offset: int) -> list[Expression]:
    """The date expressions of a sentence (which starts at `offset` in the article), in order, none overlapping."""
    found: list[tuple[int, int, Shape, re.Match[str]]] = []
    for shape, pattern in _PATTERNS:
        for match in pattern.finditer(sentence):
            found.append((match.start(), -(match.end() - match.start()), shape, match))
    chosen: list[Expression] = []
    taken_until = -1
    for start, _, shape, match in sorted(found, key=lambda item: (item[0], item[1])):
        if start < taken_until:
            continue
        taken_until = match.end()
        chosen.append(_expression(shape, match, offset))
    return chosen


def _expression(shape: Shape, match: re.Match[str], offset: int) -> Expression:
    start, end, text = offset + match.start(), offset + match.end(), match.group()
    if shape is Shape.LENGTH:
        count = (match["n"] or "a").lower()  # "for the past decade": one
        number = int(count) if count.isdigit() else NUMBERS[count]
        unit = match["unit"].lower().rstrip("s")
        if unit == "decade":
            number, unit = number * 10, "year"
        return Expression(shape=shape, start=start, end=end, text=text, length=number, length_unit=unit)
    second = _written(match["b"]) if shape is Shape.RANGE else None
    return Expression(shape=shape, start=start, end=end, text=text, first=_written(match["a"]), second=second)


def _written(text: str) -> Written:
    written = _parts(text)
    closing = _CLOSING.match(text)
    return replace(written, closing=True) if closing is not None else written


# "the end of", "the close of", as `_PATTERNS` keep them in a point's text.
_CLOSING = re.compile(r"(?i:(?:at\s+)?the\s+(?:end|close)\s+of\s)")


def _parts(text: str) -> Written:
    words = re.findall(r"[A-Za-z]+|\d+", text)
    lowered = [word.lower() for word in words]
    if lowered and lowered[-1] == "ago":
        count = lowered[0]
        number = int(count) if count.isdigit() else NUMBERS[count]
        return Written(ago=number, ago_unit=lowered[1].rstrip("s"))
    if lowered and lowered[-1] in ("yesterday", "today", "tomorrow"):
        return Written(days_from={"yesterday": -1, "today": 0, "tomorrow": 1}[lowered[-1]])
    if lowered and lowered[-1] in ("year", "month"):
        step = {"last": -1, "next": 1}.get(lowered[-2] if len(lowered) > 1 else "", 0)
        return Written(unit=lowered[-1], units_from=step)
    year = month = day = weekday = None
    mode = None
    for word in lowered:
        if word in WEEKDAYS:
            weekday = WEEKDAYS.index(word)
        elif word in MONTHS:
            month = MONTHS[word]
        elif word in ("last", "next", "this"):
            mode = word
        elif word.isdigit() and len(word) == 4:
            year = int(word)
        elif word.isdigit():
            day = int(word)
    return Written(year=year, month=month, day=day, weekday=weekday, mode=mode)


# --- Resolution ----------------------------------------------------------------------------------


def resolve(written: Written, text: str, published: Edtf, tense: tuple[Tense, str]) -> Resolved:
    """The date a point expression names, against the publication date, at the precision written."""
    quoted = f"'{text.strip()}'"
    day = published.earliest_day if published.is_exact else None
    if written.days_from is not None:
        if day is None:
            return Resolved(value=None, note=f"{quoted}: the publication date ({published}) is not a day to count from")
        value = day + timedelta(days=written.days_from)
        relation = {-1: "the day before", 0: "the day of", 1: "the day after"}[written.days_from]
        return Resolved(value=day_of(value), note=f"{quoted} is {value}, {relation} publication ({published})")
    if written.unit is not None:
        return _relative_unit(written, quoted, published)
    if written.ago is not None:
        return _ago(written, quoted, published)
    if written.month is None and written.weekday is not None:
        return _weekday(written, quoted, published, day, tense)
    if written.month is not None and written.day is not None:
        return _month_day(written, quoted, published, tense)
    if written.month is not None:
        return _month(written, quoted, published, tense)
    assert written.year is not None, "every pattern names a part of a date"
    return Resolved(value=Edtf(year=written.year), note=f"{quoted} is the year {written.year}")


def day_of(value: date) -> Edtf:
    return Edtf(year=value.year, month=value.month, day=value.day)


def _relative_unit(written: Written, quoted: str, published: Edtf) -> Resolved:
    if written.unit == "year":
        year = published.year + written.units_from
        return Resolved(value=Edtf(year=year), note=f"{quoted} is {year}, counted from publication ({published})")
    if published.month is None:
        return Resolved(value=None, note=f"{quoted}: the publication date ({published}) names no month")
    index = published.year * 12 + published.month - 1 + written.units_from
    value = Edtf(year=index // 12, month=index % 12 + 1)
    return Resolved(value=value, note=f"{quoted} is {value}, counted from publication ({published})")


def _ago(written: Written, quoted: str, published: Edtf) -> Resolved:
    """ "two days ago" is that day; weeks, months and years ago are about a month or a year, as loosely as news
    counts them ("three weeks ago" is about a month, not a day)."""
    assert written.ago is not None and written.ago_unit is not None
    count, unit = written.ago, written.ago_unit
    if unit == "year":
        value = Edtf(year=published.year - count, approximate=True)
    elif unit == "month" and published.month is not None:
        index = published.year * 12 + published.month - 1 - count
        value = Edtf(year=index // 12, month=index % 12 + 1, approximate=True)
    elif unit in ("day", "week") and published.is_exact:
        back = published.earliest_day - timedelta(days=count * (7 if unit == "week" else 1))
        value = day_of(back) if unit == "day" else Edtf(year=back.year, month=back.month, approximate=True)
    else:
        return Resolved(value=None, note=f"{quoted}: the publication date ({published}) is too coarse to count from")
    what = f"{value}" if unit == "day" else f"about {str(value).rstrip('~')} ({value})"
    return Resolved(value=value, note=f"{quoted} is {what}, counted back from publication ({published})")


def _weekday(written: Written, quoted: str, published: Edtf, day: date | None, tense: tuple[Tense, str]) -> Resolved:
    assert written.weekday is not None
    name = WEEKDAYS[written.weekday].capitalize()
    if day is None:
        return Resolved(value=None, note=f"{quoted}: the publication date ({published}) is not a day to count from")
    back = (day.weekday() - written.weekday) % 7
    ahead = (written.weekday - day.weekday()) % 7
    published_as = f"{WEEKDAYS[day.weekday()].capitalize()} {day}"
    mode, (direction, cue) = written.mode, tense
    if mode == "last" or (mode is None and direction is Tense.BACK):
        steps = -(back or 7) if mode == "last" else -back
        why = "'last'" if mode == "last" else f"the clause looks back ('{cue}')"
    elif mode == "next" or (mode is None and direction is Tense.AHEAD):
        steps = (ahead or 7) if mode == "next" else ahead
        why = "'next'" if mode == "next" else f"the clause looks ahead ('{cue}')"
    else:
        steps = -back if back <= ahead else ahead
        why = "the clause has no tense to tell, so the nearest"
    value = day + timedelta(days=steps)
    what = "the day of" if not steps else f"the {name} {'before' if steps < 0 else 'after'}"
    return Resolved(value=day_of(value), note=f"{quoted} is {value}, {what} publication ({published_as}): {why}")


def _month_day(written: Written, quoted: str, published: Edtf, tense: tuple[Tense, str]) -> Resolved:
    assert written.month is not None and written.day is not None
    month, day_number = written.month, written.day
    spelled = f"{MONTH_NAMES[month]} {day_number}"
    if written.year is not None:
        try:
            value = date(written.year, month, day_number)
        except ValueError:
            return Resolved(value=None, note=f"{quoted}: {spelled}, {written.year} does not exist")
        note = f"{quoted} is {value}"
        if written.weekday is not None and value.weekday() != written.weekday:
            note += (
                f"; but the text says {WEEKDAYS[written.weekday].capitalize()}, and {value} is a "
                f"{WEEKDAYS[value.weekday()].capitalize()}: check it"
            )
        elif written.weekday is not None:
            note += f", a {WEEKDAYS[value.weekday()].capitalize()} as the text says"
        return Resolved(value=day_of(value), note=note)
    if not published.is_exact:
        return Resolved(value=None, note=_NO_ANCHOR.format(quoted=quoted, published=published))
    anchor = published.earliest_day
    if written.weekday is not None:
        weekday = WEEKDAYS[written.weekday].capitalize()
        years = [
            year
            for year in range(anchor.year - 12, anchor.year + 13)
            if _exists(year, month, day_number) and date(year, month, day_number).weekday() == written.weekday
        ]
        if not years:
            return Resolved(value=None, note=f"{quoted}: no year near publication has {spelled} on a {weekday}")
        best = min(years, key=lambda year: (abs((date(year, month, day_number) - anchor).days), year))
        others = [str(year) for year in years if abs(year - anchor.year) <= 11 and year != best]
        also = f" (also in {_and(others)}, farther from it)" if others else ""
        value = date(best, month, day_number)
        return Resolved(
            value=day_of(value),
            note=f"{quoted} is {value}: {spelled} is a {weekday} in {best}, the year nearest publication "
            f"({published}) in which it is{also}",
        )
    candidates = [
        date(year, month, day_number)
        for year in range(anchor.year - 1, anchor.year + 2)
        if _exists(year, month, day_number)
    ]
    if not candidates:
        return Resolved(value=None, note=f"{quoted}: {spelled} is not a day of any year near publication")
    value, why = _place(candidates, anchor, tense)
    return Resolved(value=day_of(value), note=f"{quoted} is {value}: the {spelled} {why.format(published)}")


def _month(written: Written, quoted: str, published: Edtf, tense: tuple[Tense, str]) -> Resolved:
    assert written.month is not None
    if written.year is not None:
        value = Edtf(year=written.year, month=written.month)
        return Resolved(value=value, note=f"{quoted} is {value}, the month the text gives")
    if not published.is_exact:
        return Resolved(value=None, note=_NO_ANCHOR.format(quoted=quoted, published=published))
    anchor = published.earliest_day
    candidates = [date(year, written.month, 1) for year in range(anchor.year - 1, anchor.year + 2)]
    first_of_month = date(anchor.year, anchor.month, 1)
    if written.mode is not None:
        # "last October" is the October before publication's month; "next" the one after; "this" the year's.
        chosen = {
            "last": max(value for value in candidates if value < first_of_month),
            "next": min(value for value in candidates if value > first_of_month),
        }.get(written.mode, candidates[1])
        value = Edtf(year=chosen.year, month=chosen.month)
        return Resolved(value=value, note=f"{quoted} is {value}, counted from publication ({published})")
    chosen, why = _place(candidates, first_of_month, tense)
    value = Edtf(year=chosen.year, month=chosen.month)
    return Resolved(value=value, note=f"{quoted} is {value}: the {MONTH_NAMES[written.month]} {why.format(published)}")


# A date without its year is placed in the year around publication: only a publication day can say which.
_NO_ANCHOR = "{quoted}: the text gives no year, and the publication date ({published}) is not one day to place it by"


def _place(candidates: list[date], anchor: date, tense: tuple[Tense, str]) -> tuple[date, str]:
    """The candidate the tense points to (the last on or before the anchor, the first on or after it, or
    the nearest), and the words saying which, to follow "the" and the date as written."""
    direction, cue = tense
    before = [value for value in candidates if value <= anchor]
    after = [value for value in candidates if value >= anchor]
    if direction is Tense.BACK and before:
        return before[-1], f"on or before publication ({{}}), as the clause looks back ('{cue}')"
    if direction is Tense.AHEAD and after:
        return after[0], f"on or after publication ({{}}), as the clause looks ahead ('{cue}')"
    nearest = min(candidates, key=lambda value: (abs((value - anchor).days), value))
    return nearest, "nearest publication ({}), as the clause has no tense to tell"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _exists(year: int, month: int, day_number: int) -> bool:
    return day_number <= calendar.monthrange(year, month)[1]
