"""`newskb verify`: is this sentence true, according to the sources? Answers logic; it never writes.

A text is read into statements (`reading`, on the drafting reader's stages and the shapes of `patterns`), and
each statement is judged (`terms` for holdings and successions, `lengths` for lengths in office; `facts` for
numbers, attributions, events and other claims) with one of four verdicts, the evidence behind it and why
(`verdicts`). `claimreview` writes the verdicts as schema.org ClaimReview (README, "Verify").
"""

from collections.abc import Callable, Sequence

from newskb.answers.lookup import resolve
from newskb.common.errors import NotFoundError
from newskb.common.kinds import ENTITY_KINDS
from newskb.verify import claims, facts, lengths, successions, terms
from newskb.verify.statements import Claimed, Statement
from newskb.verify.terms import Ambiguous, Context, Unknown
from newskb.verify.verdicts import Verdict, Word

# How many words no statement read a verdict's `why` names, and how many characters of what a sentence says
# besides its statements.
UNREAD_SHOWN = 5
ASIDE_SHOWN = 120

_JUDGES: dict[Claimed, Callable[[Context, Statement], Verdict]] = {
    Claimed.HOLDING: terms.holding,
    Claimed.SUCCESSION: successions.succession,
    Claimed.DURATION: lengths.length,
    Claimed.NUMBER: facts.number,
    Claimed.ATTRIBUTION: facts.attribution,
    Claimed.EVENT: facts.claim,
    Claimed.CLAIM: facts.claim,
}


def judge(context: Context, statements: Sequence[Statement]) -> list[Verdict]:
    """Each statement's verdict, in order: a name the base does not hold makes it not in the base, and one that
    names more than one entity alike makes it cannot-tell."""
    verdicts = []
    for statement in statements:
        if statement.aside:
            verdicts.extend(_aside(context, statement))
            continue
        try:
            verdicts.append(
                _unread(_close_names(context, _JUDGES[statement.claimed](context, statement), statement), statement)
            )
        except Unknown as unknown:
            verdicts.append(
                Verdict(
                    statement=statement.span,
                    claimed=statement.claimed,
                    verdict=Word.CANNOT_TELL if isinstance(unknown, Ambiguous) else Word.NOT_IN_BASE,
                    evidence=[],
                    why=unknown.message,
                )
            )
    return verdicts


def _aside(context: Context, statement: Statement) -> list[Verdict]:
    """What a sentence says besides its statements: no row when the base accounts for it, else its verdict,
    saying which words."""
    verdict = facts.claim(context, statement)
    if verdict.verdict is Word.SUPPORTED and not claims.weighs(statement.said or ""):
        # Names and words of no weight ("Rutte as did Wallace", "NATO under Wallace"): a record that names them
        # together does not say how they stand.
        verdict = verdict._replace(verdict=Word.CANNOT_TELL, why="the base names them together, but not this")
    if verdict.verdict is Word.SUPPORTED:
        return []
    said = statement.said or ""
    shown = said if len(said) <= ASIDE_SHOWN else said[: ASIDE_SHOWN - 3].rstrip() + "..."
    return [verdict._replace(why=f"{verdict.why}: '{shown}', what the sentence says besides the above")]


def _close_names(context: Context, verdict: Verdict, statement: Statement) -> Verdict:
    """A supported verdict whose statement names someone only close to a name the base holds ("Mark Ruttes"):
    it cannot tell, saying so; a verdict is never supported on a fuzzy match."""
    if verdict.verdict is not Word.SUPPORTED:
        return verdict
    names = (statement.holder, statement.other, statement.subject, statement.speaker, statement.office, statement.body)
    for typed in names:
        if not typed:
            continue
        try:
            match = resolve(context.connection, typed, ENTITY_KINDS, "name")
        except NotFoundError:
            continue
        if not match.exact:
            why = f"{verdict.why}; but '{typed}' is not a name in the base, only close to {match.name}"
            return verdict._replace(verdict=Word.CANNOT_TELL, why=why)
    return verdict


def _unread(verdict: Verdict, statement: Statement) -> Verdict:
    """A verdict that words of the sentence no statement read could turn ("It is not true that ..."): it
    cannot tell, saying which words."""
    if not statement.unread or verdict.verdict not in (Word.SUPPORTED, Word.CONTRADICTED):
        return verdict
    # Each word once, the first few: a long text may repeat one a hundred times.
    unique = list(dict.fromkeys(statement.unread))
    words = ", ".join(repr(word) for word in unique[:UNREAD_SHOWN])
    if len(unique) > UNREAD_SHOWN:
        words = f"{words} and {len(unique) - UNREAD_SHOWN} more"
    why = f"{verdict.why}; but the sentence also says {words}, which verify could not read with it"
    return verdict._replace(verdict=Word.CANNOT_TELL, why=why)
