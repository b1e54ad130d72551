"""Part of stage 5 of the reader: how each term is told in a draft: the phrase whose sentence quotes it,
its office's name, and the order terms are written in (the one a term replaces first).

In: the terms (terms.py). Out: what `events` and `candidates` write of them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newskb.common.dates import Edtf
from newskb.common.kinds import Kind
from newskb.draft.findings import Finding
from newskb.draft.mentions import Mark, Office, Reading
from newskb.draft.offices import office_name
from newskb.draft.terms import Term, point


def primary(term: Term, published: Edtf) -> Finding:
    """The phrase whose sentence the term quotes: the one that gives its start, else its end; among
    equals, the sentence that says most about the term."""
    giving = [value.finding for value in (term.start, term.end) if value is not None and value.finding is not None]
    count = {id(finding.sentence): 0 for finding in term.findings}
    for finding in term.findings:
        count[id(finding.sentence)] += 1
    if term.start is not None and term.start.finding is not None:
        rivals = [
            finding
            for finding in term.findings
            if finding.rule is term.start.finding.rule
            and finding.date is not None
            and term.start.finding.date is not None
            and finding.holder.ref == term.holder
        ]
        rivals = [finding for finding in rivals if same_start(finding, term, published)]
        if rivals:
            return max(rivals, key=lambda finding: (count[id(finding.sentence)], -finding.start))
    return giving[0] if giving else term.findings[0]


def same_start(finding: Finding, term: Term, published: Edtf) -> bool:
    """Whether a finding tells the term's start (the same day, resolved the same way)."""
    if finding.date is None or finding.date.mark is not Mark.POINT or term.start is None:
        return finding is (term.start.finding if term.start else None)
    resolved = point(finding.date, finding.sentence, published)
    return resolved.value is not None and str(resolved.value) == term.start.written


def name_of_office(key: str, offices: Mapping[str, Office], reading: Reading) -> str:
    """An office's name: a known office's, or a new one's made of its title and organization."""
    office = offices.get(key)
    if office is None:
        return key
    if office.known is not None:
        return office.known.name
    if not office.org:
        return office_name(office.title, "", with_the=False)
    org = reading.entities[office.org]
    # A country takes "the" only where its name has it ("the Netherlands"): "The Norwegian government" is Norway's.
    return office_name(office.title, org.name, org.with_the and org.kind is not Kind.COUNTRY)


def in_order(terms: Sequence[Term], published: Edtf) -> list[Term]:
    """The terms in the order the article tells them, except that the one a term replaces comes first:
    `accept` adds them one by one, and a `replaces` must name a holder already in the office."""
    by_key = {(term.holder, term.office): term for term in terms}
    told = sorted(
        (term for term in terms if term.findings),
        key=lambda term: (primary(term, published).start, term.holder, term.office),
    )
    placed: list[Term] = []
    done: set[int] = set()

    def place(term: Term, visiting: set[int]) -> None:
        if id(term) in done or id(term) in visiting:
            return
        visiting.add(id(term))
        previous = by_key.get((term.replaces, term.office)) if term.replaces is not None else None
        if previous is not None and previous.findings:
            place(previous, visiting)
        placed.append(term)
        done.add(id(term))

    for term in told:
        place(term, set())
    return placed
