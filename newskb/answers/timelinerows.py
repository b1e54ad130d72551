"""The rows a timeline is made of: an event, or a term's start or end, with its date and source.

Row fields are the JSON contract (README, "JSON output"), as rows.py's are: keep them stable; add, never
rename or remove. Apart from rows.py so that a query that lists no timeline (`who`, `offices`, `search`)
does not define these classes (about 0.3 ms of a seed query), and without `from __future__ import
annotations` for the reason rows.py gives.
"""

from collections.abc import Sequence
from enum import StrEnum
from typing import NamedTuple

from newskb.common.kinds import Modality


class InRange(StrEnum):
    YES = "yes"
    POSSIBLY = "possibly"
    # The date is only bounded ("on or before 2024-09-30"), and the range lies on its open side: it may fall
    # there, or decades away; the sources cannot say.
    UNKNOWN = "unknown"


class TimelineKind(StrEnum):
    """What a timeline row records."""

    EVENT = "event"
    TERM_START = "term start"
    TERM_END = "term end"


class TimelineRow(NamedTuple):
    date: str | None
    kind: TimelineKind
    title: str
    involves: list[str]
    source: str
    quote: str
    id: str
    # Whether the item falls in the asked range ("yes"), or only may ("possibly": an imprecise or open-bounded
    # date that overlaps it); None for an undated item.
    in_range: InRange | None = None
    modality: Modality = Modality.STATED
    said_by: Sequence[str] = ()
    via: Sequence[str] = ()
    review: str | None = None
