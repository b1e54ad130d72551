"""Reckoning dates from others (part of the reader's dates, resolution.py): a length counted back from the day it
ends ("for the past ten years" to 2024-10-01 began about 2014), "on or before" a day, and the day a term
that ends "at the end of" a period is over.
"""

from __future__ import annotations

from datetime import timedelta

from newskb.common.dates import Edtf, Relation
from newskb.draft.resolution import Resolved, day_of


def count_back(length: int, unit: str, text: str, anchor: Edtf, anchor_note: str) -> Resolved:
    """A length of time ending at `anchor`: "the past ten years" to 2024-10-01 began about 2014 (`2014~`)."""
    quoted = f"'{text.strip()}'"
    if unit == "month" and anchor.month is not None:
        index = anchor.year * 12 + anchor.month - 1 - length
        value = Edtf(year=index // 12, month=index % 12 + 1, approximate=True)
    elif unit == "month":
        # A year alone ("in 2016") is counted from its middle: 18 months before it is about 2015, not 1998.
        value = Edtf(year=(anchor.year * 12 + 6 - length) // 12, approximate=True)
    else:
        value = Edtf(year=anchor.year - length, approximate=True)
    plural = "s" if length != 1 else ""
    return Resolved(
        value=value,
        note=f"{quoted} counted back {length} {unit}{plural} from {anchor} ({anchor_note}) is about "
        f"{str(value).rstrip('~')} ({value})",
    )


def on_or_before(day: Edtf) -> Edtf:
    """`..DAY`: on or before the day (what "former" or a past tense says on the publication day)."""
    return Edtf(year=day.year, month=day.month, day=day.day, relation=Relation.ON_OR_BEFORE)


def after_end_of(period: Edtf) -> Edtf:
    """When a term that ends "at the end of" a month or a year is over: the day after the month ("the end of
    October": out on November 1); the month after the year, since a year's end may be any of its last weeks
    ("the end of 2025": out in January 2026, not on a day the text does not give)."""
    after = period.latest_day + timedelta(days=1)
    return day_of(after) if period.month is not None else Edtf(year=after.year, month=after.month)
