"""What `verify` checks: the statements a sentence makes, each a frozen record of what it claims.

A sentence is read into statements by `statements_reader` (with the drafting reader's stages); each is then
judged against the fact base by `verdicts`. A statement keeps the words it was read from (`span`, a verbatim
part of the text checked) and what it claims, as typed: names are resolved when it is judged, never here.
"""

from dataclasses import dataclass
from enum import StrEnum

from newskb.common.dates import Duration, Edtf


class Claimed(StrEnum):
    """What kind of fact a statement claims."""

    HOLDING = "holding"  # X is/was/became/left office as Y (on/in/since/until D)
    SUCCESSION = "succession"  # X replaced/succeeded Y (as Z)
    EVENT = "event"  # something happened (on D)
    NUMBER = "number"  # NATO has 32 members
    DURATION = "duration"  # X led Y for ten years; a 14-year leadership
    ATTRIBUTION = "attribution"  # According to X, ...; X said ...
    CLAIM = "claim"  # any other stated fact: "NATO troop numbers in the east have doubled"


class Edge(StrEnum):
    """Which part of a holding a statement dates: its start, its end, or a day it covers."""

    START = "start"  # became, took office, was appointed (on D)
    END = "end"  # left office, stepped down, until D
    DURING = "during"  # was X in D; is X (as of the day asked)
    SPAN = "span"  # served as X from A to B: its start and its end, with the length between them


class Tense(StrEnum):
    PAST = "past"
    PRESENT = "present"
    FUTURE = "future"


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement:
    """One checkable statement: its kind, the words it was read from, and what it claims, as typed."""

    claimed: Claimed
    span: str  # the words checked, verbatim from the text
    holder: str | None = None  # who: a person's or body's name as typed (a holding, succession, duration)
    office: str | None = None  # which office, as typed
    edge: Edge = Edge.DURING
    when: Edtf | None = None  # the day, month or year the statement gives
    until: Edtf | None = None  # a span's end ("from 2014 to 2024": 2024)
    # An end told by "until D" (or a span's "to D"): in office through D, so the base's end, the first day out,
    # may be D or the day after it.
    through: bool = False
    tense: Tense = Tense.PAST
    other: str | None = None  # a succession: the one replaced
    subject: str | None = None  # a number's: whose ("NATO" of "NATO has 32 members")
    noun: str | None = None  # a duration's body told by a noun ("led the alliance"): the holder's one office
    body: str | None = None  # a holding's body told in place of an office ("X is in charge of NATO"): its head
    number: int | None = None
    measure: str | None = None  # "members"
    length: Duration | None = None  # a duration's
    speaker: str | None = None  # an attribution's: whose words
    said: str | None = None  # an attribution's or a claim's words
    expects: bool = False  # reported as an expectation ("officials expect ...")
    negated: bool = False  # "X is not NATO chief"
    # Words of its sentence that no statement read and that could turn it: a date, a number, "not",
    # "reportedly" ("It is not true that X is NATO chief"). A verdict on the rest would be a guess.
    unread: tuple[str, ...] = ()
    # What a sentence says besides the statements read from it ("... *met Zelensky in Kyiv*"), in `said`: shown
    # only when the base does not account for it, so that no part of a sentence goes unchecked unsaid.
    aside: bool = False
