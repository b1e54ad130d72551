"""How a stated date weighs against a term's dates (part of judging holdings, terms.py): by the date grammar's
own rules, a stated date supports a term's when every day the term's date may be lies in it, contradicts it when
none does, and otherwise cannot tell; an open term past its evidence horizon is only last known.
"""

from datetime import date

from newskb.answers.rows import TermRow
from newskb.common.dates import FIRST_DAY, LAST_DAY, OPEN, Edtf, Span, Status, began, elapsed, parse, parse_duration
from newskb.verify.verdicts import Word


def compare(stated: Edtf, known: str | None) -> Word:
    """A stated date against a term's date as written: supported when every day the term's may be lies in the
    stated one, contradicted when none does, else cannot tell (and cannot tell for an unknown date)."""
    if not known or known == OPEN:
        return Word.CANNOT_TELL
    written = parse(known)
    return compare_days(stated, written.earliest_day, written.latest_day)


def compare_days(stated: Edtf, first: date, last: date) -> Word:
    """A stated date against the first and last day a date may be (`compare`'s rule)."""
    if last < stated.earliest_day or first > stated.latest_day:
        return Word.CONTRADICTED
    if stated.earliest_day <= first and last <= stated.latest_day:
        return Word.SUPPORTED
    return Word.CANNOT_TELL


def counted_back(stated: Edtf, term: TermRow) -> tuple[Word, str, TermRow]:
    """A start the base does not date, bounded by the length its source gives and the term's end: "14 years" to
    an end on or before 2024-09-30 began on or before 2011-09-30 (a length counted a unit short or long)."""
    length = parse_duration(str(term.duration))
    first, last = began(parse(str(term.end)), length)
    word = compare_days(stated, first, last)
    bounds = [f"on or after {first}" if first != FIRST_DAY else "", f"on or before {last}" if last != LAST_DAY else ""]
    why = f"the base says {term.holder}'s term began {' and '.join(filter(None, bounds))}"
    return word, f"{why}: {length.in_words()} to an end {in_words(term.end)}", term


def covers(when: Edtf, term: TermRow) -> tuple[Word, str, TermRow]:
    """Was X in office at some time in `when` ("in 2020")?"""
    span = Span.from_written(term.start, term.end)
    asked = Span.of_days(when.earliest_day, when.latest_day)
    horizon = evidence_horizon(term)
    if span.open_end and horizon is not None and when.earliest_day > horizon:
        return Word.CANNOT_TELL, f"last known in office as of {horizon.isoformat()}", term
    if span.certainly_overlaps(asked):
        return Word.SUPPORTED, f"the base has {term.holder} in office {interval(term)}", term
    if span.could_overlap(asked):
        return Word.CANNOT_TELL, f"the base's dates ({interval(term)}) may or may not reach {when}", term
    return Word.CONTRADICTED, f"the base has {term.holder} in office {interval(term)}", term


def on_the_day(day: date, term: TermRow) -> tuple[Word, str, TermRow]:
    """Is X in office on `day` (a present tense)?"""
    status = term.status
    if status is Status.HOLDS:
        return Word.SUPPORTED, f"the base has {term.holder} in office on {day.isoformat()} ({interval(term)})", term
    if status is Status.LAST_KNOWN:
        attested = parse(term.attested).earliest_day if term.attested else day
        why = f"last known in office as of {term.attested}, {elapsed(attested, day)} before {day.isoformat()}"
        return Word.CANNOT_TELL, why, term
    if status in (Status.HELD, Status.NOT_YET):
        state = "had ended" if status is Status.HELD else "had not begun"
        return Word.CONTRADICTED, f"on {day.isoformat()} {term.holder}'s term {state} ({interval(term)})", term
    return Word.CANNOT_TELL, f"the base's dates ({interval(term)}) cannot tell {day.isoformat()}", term


def past_horizon(term: TermRow, day: date) -> bool:
    horizon = evidence_horizon(term)
    return term.end == OPEN and horizon is not None and day > horizon


def evidence_horizon(term: TermRow) -> date | None:
    span = Span.from_written(term.start, term.end)
    return span.horizon(parse(term.attested).earliest_day if term.attested else None)


def in_words(written: str | None) -> str:
    return parse(written).in_words() if written and written != OPEN else "(date unknown)"


def interval(term: TermRow) -> str:
    return f"{term.start or ''}/{term.end or ''}"


def not_yet(day: date, term: TermRow) -> tuple[Word, str, TermRow] | None:
    """A past tense with no date, asked of a day before the term began ("Rutte was NATO Secretary General" as of
    2020): by that day it had not happened; None where the term may have begun by then."""
    if not term.start or term.start == OPEN or parse(term.start).earliest_day <= day:
        return None
    return Word.CONTRADICTED, f"the base has {term.holder}'s term begin {in_words(term.start)}, after {day}", term
