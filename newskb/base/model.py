"""The records of the fact base, and the one declaration of their keys: plain, frozen values with no I/O.

Each record kind's TOML keys are the fields made by `schema.key(...)`, in the order they are written; the
reader, `check`, the index, the export, `newskb add` and the README's table all follow them (see schema.py).
Every record also remembers its `Origin` (file and line, and the line of each key) so that any problem
found later, by `check` or by a query, can point at the line a curator must edit.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal

from newskb.base.linemap import LazyLineMap
from newskb.base.schema import Key, KeyType, describe, key, keys_of
from newskb.common.dates import DURATION_PATTERN, Edtf, Span
from newskb.common.kinds import Kind, Modality, Outcome

# The record kinds live in kinds.py, so that a query can name them without building these classes.

ENTITY_KINDS = (Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY, Kind.OFFICE)
HOLDER_KINDS = (Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY)
ORG_KINDS = (Kind.ORGANIZATION, Kind.COUNTRY)
SEARCHABLE_KINDS = (*ENTITY_KINDS, Kind.TERM, Kind.EVENT, Kind.CLAIM)

# Keys several kinds share, declared once each (each call makes the field a class declares).


def _id() -> Any:
    return key(KeyType.ID, "Unique across the fact base, kebab-case (`mark-rutte`).", required=True)


def _fact_source() -> Any:
    return key(KeyType.ID, "The article it comes from.", required=True, refs=(Kind.SOURCE,), inherited=True)


def _fact_quote() -> Any:
    return key(KeyType.TEXT, "The source's verbatim words that support it.", required=True)


def _fact_note() -> Any:
    return key(KeyType.NOTE, "How anything not printed in the source was inferred.")


def _said_by() -> Any:
    return key(
        KeyType.IDS,
        "Whose words or view it reports (`According to ...`); unnamed speakers as their organization, with a note.",
        refs=(Kind.PERSON, Kind.ORGANIZATION),
    )


def _via() -> Any:
    return key(
        KeyType.IDS,
        "The agencies the source cites for this fact (never assumed from `cites`).",
        refs=(Kind.ORGANIZATION,),
    )


def _modality() -> Any:
    return key(
        KeyType.CHOICE,
        "How the source puts it: asserted, scheduled (`will take office`), expected by someone, or hedged (`may`).",
        choices=tuple(Modality),
        default=Modality.STATED.value,
    )


# The one value of `review`: a record `accept --unreviewed` took from a draft nobody edited.
UNREVIEWED = "unreviewed draft"


def _review() -> Any:
    return key(
        KeyType.CHOICE,
        "`unreviewed draft`: accepted from a draft nobody edited (`accept --unreviewed`); cleared by "
        "`newskb set ID review=` once a curator has checked it.",
        choices=(UNREVIEWED,),
    )


OpenEnd = Literal[".."]
"""An end written as `..`: still true as far as the sources know (see dates.OPEN)."""


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

    def written(self, key: str) -> bool:
        """Whether the record's own table writes `key` (a fact may inherit its `source` instead)."""
        if self.lines is None:
            return False
        return key in self.lines.get().table(self.table, self.index).keys

    def line_of(self, key: str) -> int | None:
        """The line of one of the record's keys, or of its header if the key is not written."""
        if self.lines is None:
            return None
        table = self.lines.get().table(self.table, self.index)
        return table.keys.get(key, table.line)


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A person, organization, country or office: something facts are about."""

    TABLE: ClassVar[str] = "entity"
    kind: Kind
    id: str = _id()
    name: str = key(KeyType.TEXT, "The name answers show.", required=True)
    aliases: tuple[str, ...] = key(KeyType.TEXTS, "Other names an analyst may type.", singular="alias")
    # Confirmed from a reference, never from memory: a wrong id would join other data to the wrong entity.
    wikidata: str | None = key(
        KeyType.TEXT,
        "Its Wikidata item (`Q7184`), for tools that join data on it; only an id confirmed from a reference.",
        pattern=r"Q[1-9][0-9]*",
        pattern_name="a Wikidata item id (Q and a number, like Q7184)",
    )
    # A summary is a stated fact like any other, so it comes with the source and quote behind it.
    summary: str | None = key(KeyType.NOTE, "Who or what it is, as the source states it.", requires=("source", "quote"))
    source: str | None = key(KeyType.ID, "The source of the summary.", refs=(Kind.SOURCE,))
    quote: str | None = key(KeyType.TEXT, "The source's verbatim words behind the summary.")
    # A summary can state what changes ("32 member countries", "former president"): true as of a day.
    as_of: Edtf | None = key(
        KeyType.DATE, "The day the summary is true as of (default: its source's `published`).", requires=("summary",)
    )
    note: str | None = key(KeyType.NOTE, "How anything in the summary not printed in the source was inferred.")
    review: str | None = _review()
    org: str | None = key(
        KeyType.ID,
        "The organization or country the office belongs to.",
        required=True,
        refs=ORG_KINDS,
        kinds=(Kind.OFFICE,),
    )
    seats: int | None = key(
        KeyType.COUNT, "How many hold the office at once (default 1).", kinds=(Kind.OFFICE,), default=1
    )
    origin: Origin


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """An article: its metadata and its stored text, the evidence every quote is checked against."""

    TABLE: ClassVar[str] = "source"
    kind: ClassVar[Kind] = Kind.SOURCE
    id: str = _id()
    title: str = key(KeyType.TEXT, "The article's headline.", required=True)
    publisher: str = key(KeyType.ID, "Who published it.", required=True, refs=(Kind.ORGANIZATION,))
    cites: tuple[str, ...] = key(KeyType.IDS, "Whom the whole article cites.", refs=(Kind.ORGANIZATION, Kind.PERSON))
    published: Edtf = key(KeyType.DATE, "When it was published.", required=True)
    text: Path = key(KeyType.PATH, "The article's text file, in seeds/.", required=True)
    note: str | None = key(KeyType.NOTE, "How anything not printed in the article was inferred.")
    inferred: tuple[str, ...] = key(
        KeyType.TEXTS,
        "The keys whose values are inferred, not printed in the article; `note` says how.",
        pattern="title|publisher|cites|published",
        pattern_name="a key of the source that may be inferred (title, publisher, cites or published)",
    )
    # The article itself; None when the text file could not be read (a problem is reported).
    article: str | None = None
    origin: Origin


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """Who held which office, and when (start <= day < end)."""

    TABLE: ClassVar[str] = "term"
    kind: ClassVar[Kind] = Kind.TERM
    id: str = _id()
    office: str = key(KeyType.ID, "The office held.", required=True, refs=(Kind.OFFICE,))
    holder: str = key(KeyType.ID, "Who held it.", required=True, refs=HOLDER_KINDS)
    start: Edtf | None = key(KeyType.DATE, "The first day in office (absent: unknown).")
    end: Edtf | OpenEnd | None = key(KeyType.END, "The first day out of office; `..` open, absent unknown.")
    replaces: str | None = key(KeyType.ID, "The previous holder of the office.", refs=HOLDER_KINDS)
    # "His 14-year leadership": a length the source gives where it gives no dates to count it from.
    duration: str | None = key(
        KeyType.TEXT,
        "How long the term lasted, as the source gives it: `P14Y`, `P6M`, `P1Y6M`, `P10D` (`~` after: about).",
        pattern=DURATION_PATTERN,
        pattern_name="a length such as P14Y, P6M or P1Y6M (~ after it: about)",
    )
    modality: str = _modality()
    said_by: tuple[str, ...] = _said_by()
    via: tuple[str, ...] = _via()
    source: str = _fact_source()
    quote: str = _fact_quote()
    note: str | None = _fact_note()
    review: str | None = _review()
    origin: Origin

    @property
    def span(self) -> Span:
        """The days the term covers."""
        end = self.end if isinstance(self.end, Edtf) else None
        return Span(start=self.start, end=end, open_end=self.end == "..")


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Something that happened; its date may be imprecise or unknown."""

    TABLE: ClassVar[str] = "event"
    kind: ClassVar[Kind] = Kind.EVENT
    id: str = _id()
    date: Edtf | None = key(KeyType.DATE, "When it happened (absent: unknown).")
    title: str = key(KeyType.TEXT, "What happened, in a line.", required=True)
    involves: tuple[str, ...] = key(KeyType.IDS, "Who and what it involves.", refs=ENTITY_KINDS)
    # The id of an event from another source that tells of the same happening (their dates are compared).
    same_as: str | None = key(KeyType.ID, "The same event told by another source.", refs=(Kind.EVENT,))
    modality: str = _modality()
    said_by: tuple[str, ...] = _said_by()
    via: tuple[str, ...] = _via()
    source: str = _fact_source()
    quote: str = _fact_quote()
    note: str | None = _fact_note()
    review: str | None = _review()
    origin: Origin


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    """Any other stated fact, in the curator's words, backed by a quote."""

    TABLE: ClassVar[str] = "claim"
    kind: ClassVar[Kind] = Kind.CLAIM
    id: str = _id()
    about: tuple[str, ...] = key(KeyType.IDS, "What the claim is about.", required=True, refs=ENTITY_KINDS)
    text: str = key(KeyType.TEXT, "The claim, in the curator's words.", required=True)
    as_of: Edtf | None = key(KeyType.DATE, "The day the claim is true as of (default: the source's `published`).")
    modality: str = _modality()
    said_by: tuple[str, ...] = _said_by()
    via: tuple[str, ...] = _via()
    source: str = _fact_source()
    quote: str = _fact_quote()
    note: str | None = _fact_note()
    review: str | None = _review()
    origin: Origin


@dataclass(frozen=True, slots=True, kw_only=True)
class Expectation:
    """An answer that must hold, checked by `newskb check` (like a balance assertion in a ledger).

    Either "`office` on `date` is held by `holder`", or "searching `search` finds `first` first".
    """

    kind: ClassVar[Kind] = Kind.EXPECT
    # Which keys go together: a record uses exactly one of these groups, and then one key of each of its slots.
    ALTERNATIVES: ClassVar[tuple[tuple[tuple[str, ...], ...], ...]] = (
        (("office",), ("date",), ("holder", "outcome")),
        (("search",), ("first",)),
    )
    id: str = _id()
    office: str | None = key(KeyType.ID, "The office asked about.", refs=(Kind.OFFICE,))
    date: datetime.date | None = key(KeyType.DAY, "The day asked about.")
    holder: str | None = key(KeyType.ID, "Who must hold the office that day.", refs=HOLDER_KINDS)
    outcome: str | None = key(
        KeyType.CHOICE,
        "Or: what `who` must answer that day, when nobody holds it.",
        choices=(Outcome.NOBODY.value, Outcome.CANNOT_TELL.value, Outcome.LAST_KNOWN.value),
    )
    search: str | None = key(KeyType.TEXT, "A search query.")
    first: str | None = key(KeyType.ID, "The id that search must find first.", refs=SEARCHABLE_KINDS)
    note: str | None = key(KeyType.NOTE, "Why the answer must hold.")
    origin: Origin


Fact = Term | Event | Claim
Record = Entity | Source | Term | Event | Claim | Expectation

# The class of each kind of record.
RECORD_CLASSES: dict[Kind, type[Record]] = {
    **dict.fromkeys(ENTITY_KINDS, Entity),
    Kind.SOURCE: Source,
    Kind.TERM: Term,
    Kind.EVENT: Event,
    Kind.CLAIM: Claim,
    Kind.EXPECT: Expectation,
}


def keys(kind: Kind) -> tuple[Key, ...]:
    """The keys a record of `kind` may have, in the order they are written."""
    return keys_of(RECORD_CLASSES[kind], kind)


# The classes whose records the index holds, each in its own table.
INDEXED_CLASSES: tuple[type[Entity | Source | Term | Event | Claim], ...] = (Entity, Source, Term, Event, Claim)


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


def data_format_table() -> str:
    """The README's data-format table, from the declarations above (a test keeps the README in step)."""
    rows = ["| kind | key | value | required | meaning |", "|---|---|---|---|---|"]
    classes: dict[type[Record], list[Kind]] = {}
    for kind, record_class in RECORD_CLASSES.items():
        classes.setdefault(record_class, []).append(kind)
    for record_class, kinds in classes.items():
        first = True
        requirers = {name: key.name for key in keys_of(record_class) for name in key.requires}
        groups = {
            name: [" or ".join(f"`{other}`" for other in slot) for slot in group if name not in slot]
            for group in getattr(record_class, "ALTERNATIVES", ())
            for slot in group
            for name in slot
        }
        for declared in keys_of(record_class):
            shown = declared.kinds or kinds
            label = ", ".join(f"`{kind.value}`" for kind in shown) if first or declared.kinds else ""
            first = False
            if declared.inherited:
                required = "yes (default: the file's `[source]`)"
            elif declared.required:
                required = "yes"
            elif declared.name in requirers:
                required = f"with `{requirers[declared.name]}`"
            elif declared.name in groups:
                required = "with " + ", ".join(groups[declared.name])
            else:
                required = ""
            rows.append(f"| {label} | `{declared.name}` | {describe(declared)} | {required} | {declared.doc} |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # `python -m newskb.base.model` prints the README's data-format table
    print(data_format_table(), end="")
