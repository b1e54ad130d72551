"""Judging a succession: "X replaced/succeeded Y (as Z) (on D)", against the `replaces` of the terms, the right way
round (part of the judges of terms.py).
"""

from newskb.answers import query
from newskb.answers.rows import TermRow
from newskb.verify.statements import Statement
from newskb.verify.termdays import compare
from newskb.verify.terms import (
    HOLDERS,
    Context,
    evidence,
    how_sure,
    involving,
    named,
    office_named,
    verdict_of,
)
from newskb.verify.verdicts import Evidence, Verdict, Word


def succession(context: Context, statement: Statement) -> Verdict:
    """X replaced/succeeded Y (as Z): the `replaces` of the terms, the right way round."""
    new = named(context, statement.holder, HOLDERS, "person, organization or country")
    old = named(context, statement.other, HOLDERS, "person, organization or country")
    office = office_named(context, statement, new)
    if isinstance(office, str):
        return verdict_of(statement, Word.CANNOT_TELL, [], office)
    where = {"office": office.id} if office else {}
    followed = query.terms_of(context.connection, context.day, known=context.known, **where)
    right = [term for term in followed if term.holder_id == new.id and term.replaces == old.id]
    if right:
        why = f"{new.name} replaced {old.name} as {right[0].office}"
        # "Rutte replaced Stoltenberg in 2023": the day the base gives the new term's start, if the statement dates it.
        dated = compare(statement.when, right[0].start) if statement.when is not None else Word.SUPPORTED
        if dated is not Word.SUPPORTED:
            why = f"{why} on {right[0].start or '(date unknown)'}"
            return verdict_of(statement, dated, _handover(context, right[0]), why)
        word, why = how_sure(Word.SUPPORTED, right[0], why)
        return verdict_of(statement, word, _handover(context, right[0]), why)
    reversed_ = [term for term in followed if term.holder_id == old.id and term.replaces == new.id]
    if reversed_:
        why = f"the base has it the other way round: {old.name} replaced {new.name}"
        return verdict_of(statement, Word.CONTRADICTED, _handover(context, reversed_[0]), why)
    other = [term for term in followed if term.replaces == old.id and term.holder_id != new.id]
    if other:
        why = f"the base says {other[0].holder} replaced {old.name} as {other[0].office}"
        return verdict_of(statement, Word.CONTRADICTED, _handover(context, other[0]), why)
    # "Rutte replaced Ben Wallace": the base has whom Rutte replaced, and it is someone else.
    instead = [term for term in followed if term.holder_id == new.id and term.replaces not in (None, old.id)]
    if instead:
        row = context.connection.execute("SELECT name FROM entity WHERE id = ?", (instead[0].replaces,)).fetchone()
        replaced = row[0] if row else instead[0].replaces
        why = f"the base says {new.name} replaced {replaced} as {instead[0].office}"
        return verdict_of(statement, Word.CONTRADICTED, _handover(context, instead[0]), why)
    return verdict_of(statement, Word.CANNOT_TELL, [], f"the base says nothing of who replaced {old.name}")


def _handover(context: Context, term: TermRow) -> list[Evidence]:
    """A term that replaces another, and the events that involve both holders in its office."""
    return [evidence(term), *involving(context, [term.holder_id, str(term.replaces), term.office_id])]
