"""The dates one holding gives another (part of stage 5, `terms`): the one replacing takes office the day the one
replaced leaves it, and the one replaced leaves the day the one replacing takes it; and the values a term's
dates are made of while its findings are read.

In: a term's values by holder and office, and the relations between holdings (holdings.py). Out: the same
values, with the derived ones set where nothing stronger dates them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from newskb.common.dates import OPEN
from newskb.common.kinds import Modality
from newskb.draft.findings import Finding, Rule
from newskb.draft.holdings import Holding, Relation
from newskb.draft.mentions import Reading


@dataclass(frozen=True, slots=True, kw_only=True)
class Value:
    """A start or an end as written in the date grammar, how strong it is, and how it was found."""

    written: str
    rank: int
    note: str
    finding: Finding | None = None


@dataclass(slots=True, eq=False)
class Dating:
    """A term's values while its findings are read."""

    start: Value | None = None
    end: Value | None = None
    modality: Modality = Modality.STATED
    modality_cue: str = ""

    def set(self, which: str, value: Value) -> None:
        current: Value | None = getattr(self, which)
        if current is None or value.rank > current.rank:
            setattr(self, which, value)


def said(finding: Finding, text: str) -> str:
    """The words of a finding, on one line."""
    return " ".join(text[finding.start : finding.end].split())


def derive_end(dating: Mapping[tuple[str, str], Dating], relation: Relation, reading: Reading) -> None:
    """The one replaced leaves office the day the one replacing them takes it."""
    # Both holdings of a relation are dated: holdings.py never folds away one that replaces or is replaced.
    taking = dating[(relation.successor, relation.office)]
    leaving = dating[(relation.predecessor, relation.office)]
    if taking.start is None or taking.start.rank < 3:
        return
    if taking.start.written.startswith(OPEN):
        return
    names = reading.entities
    note = (
        f"the day {names[relation.successor].name} takes office ({taking.start.written}), replacing "
        f"{names[relation.predecessor].name} ('{said(relation.finding, reading.text)}')"
    )
    leaving.set("end", Value(written=taking.start.written, rank=3, note=note, finding=relation.finding))


def derive_start(
    dating: Mapping[tuple[str, str], Dating], relation: Relation, successor: Holding, reading: Reading
) -> None:
    """The one replacing takes office the day the one replaced leaves it, when one sentence tells both ("X
    resigned in 1999 and was succeeded as chancellor by Y") and nothing dates the start itself."""
    taking = dating[(relation.successor, relation.office)]
    leaving = dating[(relation.predecessor, relation.office)]
    # A start is set below only over a weaker one: a title's bound ("Chancellor Y said on Monday": on or
    # before Monday) tells less than the day the one replaced left.
    if leaving.end is None:
        return
    end = leaving.end
    if end.rank < 4 or end.finding is None or end.finding.sentence is not relation.finding.sentence:
        return
    # A start the article tells otherwise ("named X as chairman, replacing Y, who retired last year") is
    # not the day the one replaced left.
    if any(finding.rule in (Rule.START, Rule.APPOINTED) for finding in successor.findings):
        return
    names = reading.entities
    note = (
        f"the day {names[relation.predecessor].name} leaves office ({end.written}), replaced by "
        f"{names[relation.successor].name} ('{said(relation.finding, reading.text)}')"
    )
    taking.set("start", Value(written=end.written, rank=2, note=note, finding=relation.finding))


def derive_vacancy(dating: Mapping[tuple[str, str], Dating], holdings: Mapping[tuple[str, str], Holding]) -> None:
    """One sentence that ends a holder's term on a day and gives the office to another without a day of its
    own ("fired head coach X on Monday and promoted Y to interim head coach"): the other takes it that day."""
    for (holder, office), leaving in dating.items():
        end = leaving.end
        if end is None or end.rank < 4 or end.finding is None or end.written.startswith(OPEN):
            continue
        for (other, same), taking in dating.items():
            if same != office or other == holder:
                continue
            told = [
                finding
                for finding in holdings[(other, same)].findings
                if finding.rule in (Rule.START, Rule.APPOINTED)
                and finding.sentence is end.finding.sentence
                and finding.date is None
            ]
            if told:
                note = f"the day the one before leaves office ({end.written}), told in the same sentence"
                taking.set("start", Value(written=end.written, rank=2, note=note, finding=told[0]))
