"""One holding of an office as told by several sources: where they agree, disagree, or update.

Two terms are the same holding when they name the same holder and office, come from different
sources, and may share a day (two separate terms of one holder cannot). Then:

- an open end (`..`: no end known when that source was published) is *closed* by another source's
  end that falls on or after that publication: newer knowledge, not a contradiction;
- any other difference in start or end is a *conflict*: both values are shown, each with its source.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from newskb.common.dates import OPEN, Span

if TYPE_CHECKING:
    from newskb.base.model import Term


def pairs(terms: Iterable[Term]) -> list[tuple[Term, Term]]:
    """Every ordered pair of terms that tell of the same holding (each pair both ways round)."""
    by_holding: dict[tuple[str, str], list[Term]] = defaultdict(list)
    for term in terms:
        by_holding[(term.office, term.holder)].append(term)
    return [
        (term, other)
        for group in by_holding.values()
        if len(group) > 1
        for term in group
        for other in group
        if other is not term and other.source != term.source and term.span.could_overlap(other.span)
    ]


def closed_by(term: Term, other: Term, published: Mapping[str, date]) -> bool:
    """Whether `other` gives the end that `term`, open when its source was published, did not know."""
    if not term.span.open_end or other.span.end is None or other.span.open_end:
        return False
    return other.span.end.latest_day >= published.get(term.source, date.min)


def disagreements(term: Term, other: Term, published: Mapping[str, date]) -> list[tuple[str, str, str]]:
    """(edge, what `term` says, what `other` says) for each edge the two sources really dispute."""
    found = []
    if _written(term.span.start) != _written(other.span.start):
        found.append(("start", _written(term.span.start), _written(other.span.start)))
    if _end(term) != _end(other) and not closed_by(term, other, published) and not closed_by(other, term, published):
        found.append(("end", _end(term), _end(other)))
    return found


def effective_spans(terms: Iterable[Term], published: Mapping[str, date]) -> dict[str, Span]:
    """Each term's span with open ends closed by later sources (for overlap checks across sources)."""
    all_terms = list(terms)
    spans = {term.id: term.span for term in all_terms}
    for term, other in pairs(all_terms):
        if closed_by(term, other, published):
            spans[term.id] = Span(start=term.span.start, end=other.span.end, open_end=False)
    return spans


def _end(term: Term) -> str:
    return OPEN if term.span.open_end else _written(term.span.end)


def _written(value: object) -> str:
    return "unknown" if value is None else str(value)
