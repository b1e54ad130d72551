"""Dates as news writes them, found in a sentence, part by part as written (resolution.py resolves them
against the publication day, at the precision the text gives: "in July 2024" is 2024-07, never a day of it).

Shapes: a point ("on Tuesday, October 1", "yesterday", "on Monday", "in July 2024", "in 2019"), a
start ("since 2019"), a range ("from 2004 until 2016"), an end ("until 2016") and a length ("for the
past ten years", "after eight years in office"), which becomes a date only against the day it ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from newskb.draft.timewords import MONTHS, NUMBERS, WEEKDAYS


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
# A day in figures: ISO's 2024-10-01; 01.10.2024, day first wherever dots are written; with slashes only
# where the order cannot be mistaken (13/10/2024, 10/13/2024: no month is 13), 10/01/2024 being either.
_MONTH_NUMBER = r"(?:1[0-2]|0?[1-9])"
_PAST_12 = r"(?:1[3-9]|2\d|3[01])"
_FIGURES = (
    rf"(?<![\w./-])(?:{_YEAR}-(?:1[0-2]|0[1-9])-(?:[12]\d|3[01]|0[1-9])|{_DAY}\.{_MONTH_NUMBER}\.{_YEAR}"
    rf"|{_PAST_12}/{_MONTH_NUMBER}/{_YEAR}|{_MONTH_NUMBER}/{_PAST_12}/{_YEAR})(?![\w/-]|\.\d)"
)
_WHEN = rf"(?:{_MONTH_DAY}|{_DAY_MONTH}|{_MONTH_YEAR}|{_FIGURES}|{_YEAR}{_END})"
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
    (Shape.POINT, re.compile(rf"(?:\b[Oo]n\s+)?(?P<a>{_MONTH_DAY}|{_DAY_MONTH}|{_FIGURES})")),
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


# A day in figures as `_FIGURES` finds it: its three numbers and the mark between them.
_IN_FIGURES = re.compile(r"(\d+)([-./])(\d+)[-./](\d+)")

# "the end of", "the close of", as `_PATTERNS` keep them in a point's text.
_CLOSING = re.compile(r"(?i:(?:at\s+)?the\s+(?:end|close)\s+of\s)")


def _parts(text: str) -> Written:
    figures = _IN_FIGURES.fullmatch(text)
    if figures is not None:
        first, mark, second, third = figures.groups()
        if mark == "-":
            year, month, day = first, second, third
        elif mark == "/" and int(first) <= 12:
            month, day, year = first, second, third  # _FIGURES finds only the slashes it cannot mistake
        else:
            day, month, year = first, second, third
        return Written(year=int(year), month=int(month), day=int(day))
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
