"""The rows answers are made of: plain values that render prints and JSON serialises.

Row fields are the JSON contract (README, "JSON output"): keep them stable; add, never rename or remove.

Unlike records (model.py), rows are not frozen: a frozen dataclass costs its module half as much again to
define, and every query pays for defining these before it answers (benchmarks, target 1b).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from newskb.dates import Span, Status
from newskb.kinds import Kind, Modality, Outcome
from newskb.search import Match


@dataclass(slots=True, kw_only=True)
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
    # Who held the office before (the term's `replaces`) and after (the next term that replaces this holder).
    replaces: str | None = None
    replaced_by: str | None = None
    predecessor: str | None = None  # their names
    successor: str | None = None
    # How the source puts it, whose words it reports, and which agencies it came through.
    modality: Modality = Modality.STATED
    said_by: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)


class InRange(StrEnum):
    YES = "yes"
    POSSIBLY = "possibly"


class TimelineKind(StrEnum):
    """What a timeline row records."""

    EVENT = "event"
    TERM_START = "term start"
    TERM_END = "term end"


@dataclass(slots=True, kw_only=True)
class TimelineRow:
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
    said_by: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
class ClaimRow:
    id: str
    text: str
    about: list[str]
    source: str
    quote: str
    # The day the claim is true as of: written, or else its source's publication date.
    as_of: str | None = None
    modality: Modality = Modality.STATED
    said_by: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)  # their names
    via: list[str] = field(default_factory=list)


@dataclass(slots=True, kw_only=True)
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
    org_name: str | None = None  # the name of what an office belongs to
    # Its Wikidata item (`Q7184`), where the data gives one.
    wikidata: str | None = None


@dataclass(slots=True, kw_only=True)
class Answer:
    """Rows plus the entity the typed name resolved to (named on stderr when the match was fuzzy)."""

    match: Match | None
    rows: list[TermRow]

    @property
    def outcome(self) -> Outcome:
        """Someone holds or possibly holds; nobody is known to; or only terms with unknown dates: cannot tell."""
        if any(row.status in (Status.HOLDS, Status.POSSIBLY) for row in self.rows):
            return Outcome.FOUND
        if any(row.status is Status.UNKNOWN for row in self.rows):
            return Outcome.CANNOT_TELL
        return Outcome.NOBODY


@dataclass(slots=True, kw_only=True)
class Bar:
    """A term as a chart draws it: its row, what its bar is labelled with, and the days it covers."""

    term: TermRow
    name: str  # the holder's name; in a career, the office's
    # The term's days, with the end a newer source gave to this open term (the status uses it too).
    span: Span
    # For an open term, the last day a source certainly saw it open: the earliest day its newest source may
    # have been published (`attested` read by the date grammar).
    attested: date | None = None


@dataclass(slots=True, kw_only=True)
class Lane:
    title: str | None  # the office, when a chart has a lane per office
    bars: list[Bar]


@dataclass(slots=True, kw_only=True)
class Chart:
    """The terms a chart draws, lane by lane, with the asked day and the asked range (None: unbounded)."""

    match: Match | None
    lanes: list[Lane]
    day: date
    first: date | None = None
    last: date | None = None

    @property
    def rows(self) -> list[TermRow]:
        """The terms in the order the chart draws them."""
        return [bar.term for lane in self.lanes for bar in lane.bars]
