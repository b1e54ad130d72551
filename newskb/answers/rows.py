"""The rows answers are made of: plain values that render prints and JSON serialises.

Row fields are the JSON contract (README, "JSON output"): keep them stable; add, never rename or remove.

Rows are named tuples, not dataclasses: every query defines these classes before it answers, and on
Python 3.11 a dataclass costs a millisecond or more to define (its methods are compiled from source),
which was most of a seed query's own time (benchmarks, target 1b). A list a row may leave empty
defaults to an empty tuple, which JSON writes as the same empty list.
"""

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from newskb.answers.declared import Declared
from newskb.answers.lookup import Match
from newskb.common.dates import Span, Status
from newskb.common.kinds import Modality, Outcome


class TermRow(NamedTuple):
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
    said_by: Sequence[str] = ()
    via: Sequence[str] = ()
    # How long it lasted, where the source gives a length (`P14Y`) rather than, or beside, its dates.
    duration: str | None = None
    # "unreviewed draft": accepted from a draft nobody edited (model.py's `review`).
    review: str | None = None
    # Every other key a term declares (any key added to model.py), written beside these.
    more: Declared = Declared()


class Answer(NamedTuple):
    """Rows plus the entity the typed name resolved to (named on stderr when the match was fuzzy); for `who`,
    its outcome and, unless someone is simply found, what that outcome rests on (one line, for stderr)."""

    match: Match | None
    rows: list[TermRow]
    outcome: Outcome = Outcome.FOUND
    reason: str | None = None


class Bar(NamedTuple):
    """A term as a chart draws it: its row, what its bar is labelled with, and the days it covers."""

    term: TermRow
    name: str  # the holder's name; in a career, the office's
    # The term's days, with the end a newer source gave to this open term (the status uses it too).
    span: Span
    # For an open term, the last day a source certainly saw it open: the earliest day its newest source may
    # have been published (`attested` read by the date grammar).
    attested: date | None = None


class Lane(NamedTuple):
    title: str | None  # the office, when a chart has a lane per office
    bars: list[Bar]


class Chart(NamedTuple):
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
