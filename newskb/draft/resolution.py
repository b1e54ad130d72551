"""Resolving a date expression (when.py finds them) against the publication day, at the precision the text
gives: a date without its year, or a weekday alone, is placed by the tense of its clause; looking back
("took office on Monday") it is the last such day on or before publication, looking ahead ("will take office
on Monday") the next on or after it; with no tense to tell, the nearest. A weekday written with its day
("Tuesday, October 1") picks the year nearest publication in which that day is that weekday. Every
resolution says how in a note.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from newskb.common.dates import Edtf
from newskb.draft.tense import Tense
from newskb.draft.timewords import MONTH_NAMES, WEEKDAYS
from newskb.draft.when import Written


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolved:
    """A date as written in the grammar, or None when the text does not give one, and how it was found."""

    value: Edtf | None
    note: str


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


def doubtful(written: Written) -> bool:
    """Whether a date says two things of itself that disagree: a weekday its day, month and year are not (a
    draft keeps the day, its note saying "check it"; verify reads no such date)."""
    if None in (written.year, written.month, written.day, written.weekday):
        return False
    assert written.year is not None and written.month is not None and written.day is not None
    try:
        return date(written.year, written.month, written.day).weekday() != written.weekday
    except ValueError:
        return False


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
        if written.weekday is not None and doubtful(written):
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
