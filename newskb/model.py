"""The records of the fact base: plain, frozen values with no I/O.

Every record remembers its `Origin` (file and line, and the line of each key) so that any problem
found later, by `check` or by a query, can point at the line a curator must edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from newskb.dates import Edtf, Span
from newskb.kinds import Kind
from newskb.linemap import LazyLineMap

# The record kinds live in kinds.py, so that a query can name them without building these classes.


@dataclass(frozen=True, slots=True, kw_only=True)
class Origin:
    """Where a record was written: its file and which table of it (the `index`-th `[[table]]`).

    Line numbers are worked out from the file's text only when asked for (see linemap.LazyLineMap).
    """

    file: Path
    table: str = ""
    index: int = 0
    lines: LazyLineMap | None = None

    @property
    def line(self) -> int | None:
        """The line of the record's table header."""
        return self.lines.get().table(self.table, self.index).line if self.lines is not None else None

    def line_of(self, key: str) -> int | None:
        """The line of one of the record's keys, or of its header if the key is not written."""
        if self.lines is None:
            return None
        table = self.lines.get().table(self.table, self.index)
        return table.keys.get(key, table.line)


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A person, organization, country or office: something facts are about."""

    kind: Kind
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    # A summary is a stated fact like any other, so it comes with the source and quote behind it.
    summary: str | None = None
    source: str | None = None
    quote: str | None = None
    # An office belongs to an organization or a country and has a number of seats; others leave these unset.
    org: str | None = None
    seats: int | None = None
    origin: Origin


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """An article: its metadata and its stored text, the evidence every quote is checked against."""

    kind: ClassVar[Kind] = Kind.SOURCE
    id: str
    title: str
    publisher: str
    cites: tuple[str, ...] = ()
    published: Edtf
    text_path: Path
    text: str | None = None  # None when the text file could not be read (a problem is reported)
    note: str | None = None
    origin: Origin


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """Who held which office, and when (start <= day < end)."""

    kind: ClassVar[Kind] = Kind.TERM
    id: str
    office: str
    holder: str
    span: Span
    replaces: str | None = None
    source: str
    quote: str
    note: str | None = None
    origin: Origin


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Something that happened; its date may be imprecise or unknown."""

    kind: ClassVar[Kind] = Kind.EVENT
    id: str
    date: Edtf | None
    title: str
    involves: tuple[str, ...] = ()
    # The id of an event from another source that tells of the same happening (their dates are compared).
    same_as: str | None = None
    source: str
    quote: str
    note: str | None = None
    origin: Origin


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """Any other stated fact, in the curator's words, backed by a quote."""

    kind: ClassVar[Kind] = Kind.CLAIM
    id: str
    about: tuple[str, ...]
    text: str
    source: str
    quote: str
    note: str | None = None
    origin: Origin


@dataclass(frozen=True, slots=True, kw_only=True)
class Expectation:
    """An answer that must hold, checked by `newskb check` (like a balance assertion in a ledger).

    Either "`office` on `day` is held by `holder`", or "searching `search` finds `first` first".
    """

    kind: ClassVar[Kind] = Kind.EXPECT
    id: str
    office: str | None = None
    day: date | None = None
    holder: str | None = None
    search: str | None = None
    first: str | None = None
    note: str | None = None
    origin: Origin


Fact = Term | Event | Claim
Record = Entity | Source | Term | Event | Claim | Expectation


@dataclass(frozen=True, slots=True, kw_only=True)
class FactBase:
    """Everything read from one data folder, in file order."""

    root: Path
    entities: tuple[Entity, ...] = ()
    sources: tuple[Source, ...] = ()
    terms: tuple[Term, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    expectations: tuple[Expectation, ...] = ()

    @property
    def facts(self) -> tuple[Fact, ...]:
        return (*self.terms, *self.events, *self.claims)

    @property
    def records(self) -> tuple[Record, ...]:
        return (*self.entities, *self.sources, *self.facts, *self.expectations)
