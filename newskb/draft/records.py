"""What a draft is made of: the article and the fact base it is drafted against, and the candidate records
it proposes, in the order they are written out."""

from __future__ import annotations

from dataclasses import dataclass, field

from newskb.common.dates import Edtf
from newskb.common.kinds import Kind
from newskb.draft.names import KnownEntity


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """The article to draft: its source id, publication date and text."""

    id: str
    published: Edtf
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Known:
    """What the fact base already holds: its entities, every id it uses (a new id must not be one), and the
    terms and events the article's own source already has, each as (id, what makes another the same: see
    `same`): drafted again, they are not proposed."""

    entities: tuple[KnownEntity, ...]
    taken: frozenset[str]
    held: tuple[tuple[str, str], ...] = ()


def same(kind: Kind, values: dict[str, str | list[str]]) -> str:
    """What makes two terms or two events of one source the same record: a term's holder and office, an
    event's date and whom it involves (its title and quote are the curator's words and may differ)."""
    if kind is Kind.TERM:
        return f"term {values.get('holder')} {values.get('office')}"
    involves = values.get("involves") or []
    return f"event {values.get('date')} {' '.join(sorted(involves if isinstance(involves, list) else [involves]))}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """One candidate record: its kind, its keys in the order the kind declares them, and its sentence."""

    kind: Kind
    values: dict[str, str | list[str]]
    sentence: str
    start: int  # where it is first told, to keep the draft in article order


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """Everything `newskb draft` proposes for one article, in the order it is written out."""

    source: str
    published: str
    known: list[tuple[str, str, list[str], str]]  # id, kind, forms written, a typo note
    entities: list[Candidate]
    offices: list[Candidate]
    terms: list[Candidate]
    events: list[Candidate]
    others: list[tuple[str, str]]  # new names not proposed (no candidate needs them), with a kind
    uncovered: list[tuple[int, str]]
    dropped: list[str] = field(default_factory=list)  # candidates whose quote was not verbatim
