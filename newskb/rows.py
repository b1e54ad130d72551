"""The rows answers are made of: plain values that render prints and JSON serialises.

Row fields are the JSON contract (README, "JSON output"): keep them stable; add, never rename or remove.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from newskb.dates import Status
from newskb.kinds import Kind
from newskb.search import Match


@dataclass(frozen=True, slots=True, kw_only=True)
class TermRow:
    """Who held an office, when, where it stands on the asked day, and the evidence."""

    office: str
    office_id: str
    holder: str
    holder_id: str
    start: str | None
    end: str | None
    status: Status
    attested: str | None
    source: str
    quote: str
    note: str | None
    id: str
    # Terms from other sources that tell of the same holding with other dates: both are shown.
    conflicts: list[str]
    # The term from a newer source whose end closes this open one (the status uses that end).
    closed_by: str | None


class TimelineKind(StrEnum):
    """What a timeline row records."""

    EVENT = "event"
    TERM_START = "term start"
    TERM_END = "term end"


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineRow:
    date: str | None
    kind: TimelineKind
    title: str
    involves: list[str]
    source: str
    quote: str
    id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRow:
    id: str
    text: str
    about: list[str]
    source: str
    quote: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    id: str
    kind: Kind
    name: str
    aliases: list[str]
    summary: str | None
    source: str | None
    quote: str | None
    org: str | None
    terms: list[TermRow] = field(default_factory=list)
    events: list[TimelineRow] = field(default_factory=list)
    claims: list[ClaimRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """Rows plus the entity the typed name resolved to (named on stderr when the match was fuzzy)."""

    match: Match | None
    rows: list[TermRow]
