"""Judging the statements about lengths in office: "X led NATO for ten years", "a 14-year premiership".

A length is weighed against the length the source gives for the term, else against the term's dates: a
stated length supports a term whose every possible length lies in it, contradicts one none of whose does, and
otherwise cannot tell (part of the judges of terms.py).
"""

from newskb.answers import query
from newskb.answers.lookup import resolve
from newskb.answers.rows import TermRow
from newskb.common.dates import OPEN, Duration, parse, parse_duration
from newskb.common.errors import NotFoundError
from newskb.common.kinds import Kind
from newskb.verify.statements import Statement
from newskb.verify.termdays import interval
from newskb.verify.terms import BODIES, HOLDERS, RANK, Context, evidence, named, verdict_of
from newskb.verify.verdicts import Verdict, Word

# Days in an average month, to compare lengths written in years, months and days.
_MONTH_DAYS = 30.44


def length(context: Context, statement: Statement) -> Verdict:
    """X held Y (or led a body) for a length of time: against a length the source gives, else the term's dates."""
    holder = named(context, statement.holder, HOLDERS, "person, organization or country")
    where: dict[str, str] = {}
    if statement.office:
        try:
            where["office"] = resolve(context.connection, statement.office, [Kind.OFFICE], "office").id
        except NotFoundError:
            where["body"] = named(context, statement.office, BODIES, "office, organization or country").id
    terms = query.terms_of(context.connection, context.day, holder=holder.id, known=context.known, **where)
    if statement.length is None or not terms:
        return verdict_of(statement, Word.CANNOT_TELL, [], f"the base has no term of {holder.name} to measure")
    if statement.noun and not statement.office and len({term.office_id for term in terms}) > 1:
        # "Rutte led the alliance for 14 years": which of Rutte's offices the noun stands for is not said.
        why = f"the statement names no body, and the base has {holder.name} in more than one office"
        return verdict_of(statement, Word.CANNOT_TELL, [evidence(term) for term in terms], why)
    judged = [(_against_length(statement.length, term), term) for term in terms]
    (word, why), term = min(judged, key=lambda found: RANK[found[0][0]])
    return verdict_of(statement, word, [evidence(term)], why, term)


def _against_length(stated: Duration, term: TermRow) -> tuple[Word, str]:
    asked = _months(stated, widen=False)
    if term.duration:
        recorded = parse_duration(term.duration)
        said = f"the source gives {term.holder}'s term as {recorded.in_words()}"
        if not stated.bound and (stated.years, stated.months, stated.days) == (
            recorded.years,
            recorded.months,
            recorded.days,
        ):
            return Word.SUPPORTED, said
        known = _months(recorded, widen=True)
        if _apart(asked, known):
            return Word.CONTRADICTED, said
        # "more than five years" of about ten: every length the source's may be is past five.
        inside = bool(stated.bound) and asked[0] <= known[0] and known[1] <= asked[1]
        return (Word.SUPPORTED if inside else Word.CANNOT_TELL), said
    if not term.start or not term.end or term.end == OPEN:
        return Word.CANNOT_TELL, f"the base cannot measure {term.holder}'s term ({interval(term)})"
    start, end = parse(term.start), parse(term.end)
    shortest = (end.earliest_day - start.latest_day).days / _MONTH_DAYS
    longest = (end.latest_day - start.earliest_day).days / _MONTH_DAYS
    said = f"the base has {term.holder} in office {interval(term)}"
    if _apart(asked, (shortest, longest)):
        return Word.CONTRADICTED, said
    inside = asked[0] <= shortest and longest <= asked[1]
    return (Word.SUPPORTED if inside else Word.CANNOT_TELL), said


def _months(length: Duration, *, widen: bool) -> tuple[float, float]:
    """The months a length may stand for: "eight years" any time from 8 years to just under 9 (the largest unit
    given counts whole); a recorded length as given, or one unit each way for an approximate one."""
    months = length.years * 12 + length.months + length.days / _MONTH_DAYS
    unit = 12.0 if length.years and not length.months and not length.days else 1.0 if length.months else 1 / _MONTH_DAYS
    if length.bound == "more":  # "more than ten years": past ten, however long
        return months + 1 / _MONTH_DAYS, float("inf")
    if length.bound == "less":  # "less than ten years": short of ten, however short
        return 0.0, months - 1 / _MONTH_DAYS
    if length.bound == "nearly":  # "nearly ten years": within a unit short of ten
        return months - unit, months - 1 / _MONTH_DAYS
    if widen:
        spread = unit if length.approximate else 0.0
        return months - spread, months + spread
    return months, months + unit - 1 / _MONTH_DAYS


def _apart(one: tuple[float, float], other: tuple[float, float]) -> bool:
    return one[1] < other[0] or other[1] < one[0]
