"""Judging the statements about who held which office: holdings (successions are successions.py's, lengths in
office lengths.py's, how a stated date weighs against a term's termdays.py's).

Each is checked against the terms of the index with the same query functions `who` uses, and by the date
grammar's own rules: a stated date supports a term's when every day the term's date may be lies in it,
contradicts it when none does, and otherwise cannot tell ("in 2014" against a start of "about 2014"). An
open term past its evidence horizon is only last known: a present tense asked about a later day cannot be
told (README, "Verify").
"""

import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import NamedTuple

from newskb.answers import query
from newskb.answers.lookup import Match, resolve
from newskb.answers.rows import TermRow
from newskb.common.dates import OPEN, Span, Status, began, parse, parse_duration
from newskb.common.errors import AmbiguousNameError, NotFoundError
from newskb.common.kinds import Kind, Modality
from newskb.verify import choices, patterns
from newskb.verify.bodies import head_office
from newskb.verify.statements import Edge, Statement, Tense
from newskb.verify.termdays import (
    compare,
    compare_days,
    counted_back,
    covers,
    evidence_horizon,
    in_words,
    interval,
    not_yet,
    on_the_day,
    past_horizon,
)
from newskb.verify.verdicts import Evidence, Verdict, Word, denied

HOLDERS = (Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY)
BODIES = (Kind.ORGANIZATION, Kind.COUNTRY)
# Verdicts from best to worst, to pick among several terms of one holding.
RANK = {Word.SUPPORTED: 0, Word.CANNOT_TELL: 1, Word.CONTRADICTED: 2, Word.NOT_IN_BASE: 3}


class Context(NamedTuple):
    """What every judgement needs: the index, the day a present tense is asked as of, and the day only
    sources published by which are heard (None: every source)."""

    connection: sqlite3.Connection
    day: date
    known: date | None = None


class Unknown(Exception):
    """A name in a statement that names nothing in the base: the statement is not in the base."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Ambiguous(Unknown):
    """A name in a statement that names more than one entity alike: the base cannot tell which."""


def named(context: Context, text: str | None, kinds: Sequence[Kind], what: str) -> Match:
    """The entity a statement's name resolves to (lookup's rules: never another one); Unknown if none,
    Ambiguous if it names more than one."""
    if not text:
        raise Unknown(f"the statement names no {what}")
    try:
        return resolve(context.connection, text, kinds, what)
    except AmbiguousNameError as error:
        raise Ambiguous(str(error)) from None
    except NotFoundError as error:
        raise Unknown(str(error)) from None


def evidence(term: TermRow) -> Evidence:
    return Evidence(
        id=term.id, source=term.source, quote=term.quote, modality=term.modality, said_by=term.said_by, via=term.via
    )


def how_sure(word: Word, term: TermRow, why: str, *, edge: Edge = Edge.START) -> tuple[Word, str]:
    """A verdict as the term's source puts it: support from an announcement says so (for the start or end it
    announced; a day inside the term is told as past or present); what a source only expects or calls
    possible supports nothing (the statement asserts it)."""
    if word is not Word.SUPPORTED or term.modality == Modality.STATED:
        return word, why
    if term.modality == Modality.ANNOUNCED:
        return word, f"{why}, as an announcement (the source said it would happen)" if edge is not Edge.DURING else why
    return Word.CANNOT_TELL, f"{why}, but the source only calls it {term.modality}"


def holding(context: Context, statement: Statement) -> Verdict:
    """X is/was/became/left office as Y (on, in, since or until a date)."""
    holder = named(context, statement.holder, HOLDERS, "person, organization or country")
    if statement.office is None and statement.body is None and statement.edge is Edge.END:
        return _any_office(context, statement, holder)
    office = office_named(context, statement, holder)
    if isinstance(office, str):
        return verdict_of(statement, Word.CANNOT_TELL, [], office)
    if office is None:
        raise Unknown("the statement names no office")
    terms = query.terms_of(context.connection, context.day, office=office.id, known=context.known)
    mine = [term for term in terms if term.holder_id == holder.id]
    others = [term for term in terms if term.holder_id != holder.id]
    judged = [_judge_term(context, statement, term) for term in mine]
    if judged:
        word, why, term = min(judged, key=lambda found: RANK[found[0]])
        word, why = how_sure(word, term, why, edge=statement.edge)
        shown = [evidence(term), *_events(context, term, statement.edge)]
        if word is Word.CONTRADICTED and statement.tense is Tense.PRESENT and term.status is Status.HELD:
            again = _may_return(context, term)
            if again:
                word, why = Word.CANNOT_TELL, f"{why}; but the base says it may be held again ({again[0].id})"
                shown += again
        if word is Word.CONTRADICTED:
            shown += [evidence(other) for other in _holding_then(context, statement, others)]
        return verdict_of(statement, word, shown, why, term)
    word, why, deciding = _without_a_term(context, statement, holder, office, others)
    return verdict_of(statement, word, [evidence(term) for term in deciding], why)


def office_named(context: Context, statement: Statement, holder: Match) -> Match | str | None:
    """The office a statement names; for a body named in its place ("X is in charge of NATO"), the office that
    heads it, the one of them the holder held if any (or why none can be told); None if it names neither."""
    if statement.body is None:
        return named(context, statement.office, [Kind.OFFICE], "office") if statement.office else None
    body = named(context, statement.body, BODIES, "organization or country")
    held = {term.office_id for term in query.terms_of(context.connection, context.day, holder=holder.id)}
    found, why = head_office(context.connection, body, held)
    return found if found is not None else why


def _any_office(context: Context, statement: Statement, holder: Match) -> Verdict:
    """ "X stepped down on D", naming no office: the one term of X's the base ends, if there is one."""
    terms = query.terms_of(context.connection, context.day, holder=holder.id, known=context.known)
    ended = [term for term in terms if term.end not in (None, OPEN)]
    if len(ended) != 1:
        offices = " and ".join(sorted({term.office for term in ended or terms})) or "none"
        why = f"the statement names no office, and the base ends more than one of {holder.name}'s, or none: {offices}"
        return verdict_of(statement, Word.CANNOT_TELL, [evidence(term) for term in ended], why)
    word, why, term = _end(context, statement, ended[0])
    word, why = how_sure(word, term, f"{why} (as {term.office})", edge=Edge.END)
    return verdict_of(statement, word, [evidence(term), *_events(context, term, Edge.END)], why, term)


def _judge_term(context: Context, statement: Statement, term: TermRow) -> tuple[Word, str, TermRow]:
    """A holding statement against one of the holder's terms of the office."""
    if statement.edge is Edge.SPAN:
        return _span(context, statement, term)
    if statement.edge is Edge.START and statement.when is not None and statement.tense is Tense.PRESENT:
        # "X has been O since D": began then, and holds on the day asked (past the sources, cannot tell).
        began_then = _judge_term(context, replace(statement, tense=Tense.PAST), term)
        return _all_of([began_then, on_the_day(context.day, term)])
    if statement.edge is Edge.START:
        if statement.when is None:
            took = f"{term.holder} took office as {term.office} ({term.start or 'date unknown'})"
            return not_yet(context.day, term) or (Word.SUPPORTED, took, term)
        chosen = _chosen(context, statement, term)
        if chosen is not None:
            return chosen
        if not term.start and term.duration and term.end and term.end != OPEN:
            return counted_back(statement.when, term)
        word = compare(statement.when, term.start)
        return word, f"the base says {term.holder}'s term began {in_words(term.start)}", term
    if statement.edge is Edge.END:
        return _end(context, statement, term)
    if statement.when is not None:
        return covers(statement.when, term)
    if statement.tense is Tense.PRESENT:
        return on_the_day(context.day, term)
    held = f"the base has {term.holder}'s term as {term.office} ({interval(term)})"
    return not_yet(context.day, term) or (Word.SUPPORTED, held, term)


def _span(context: Context, statement: Statement, term: TermRow) -> tuple[Word, str, TermRow]:
    """X held O from A to B: its start, its end and the length the source gives between them ("14 years" to an
    end in 2024 is no start in 2002) each judged; contradicted by any, supported by all of start and end."""
    parts = [_judge_term(context, replace(statement, edge=Edge.START), term)]
    if statement.until is not None:
        parts.append(_end(context, replace(statement, edge=Edge.END, when=statement.until, through=True), term))
        if term.duration and statement.when is not None:
            length = parse_duration(term.duration)
            if compare_days(statement.when, *began(statement.until, length)) is Word.CONTRADICTED:
                why = f"the source gives {term.holder}'s term as {length.in_words()}, not from {statement.when}"
                parts.append((Word.CONTRADICTED, f"{why} to {statement.until}", term))
    return _all_of(parts)


def _all_of(parts: list[tuple[Word, str, TermRow]]) -> tuple[Word, str, TermRow]:
    """The verdict of a statement that says all of its parts: contradicted by any, supported by all, else the
    first that cannot tell."""
    words = [word for word, _, _ in parts]
    if Word.CONTRADICTED in words or Word.NOT_IN_BASE in words:
        return max(parts, key=lambda part: RANK[part[0]])
    if all(word is Word.SUPPORTED for word in words):
        return Word.SUPPORTED, "; ".join(why for _, why, _ in parts), parts[0][2]
    return next(part for part in parts if part[0] is not Word.SUPPORTED)


def _chosen(context: Context, statement: Statement, term: TermRow) -> tuple[Word, str, TermRow] | None:
    """ "X was chosen as O in D": the day of the event of that choice, where the base has one (a holder is often
    chosen before the term begins), not the term's start; None where it has none."""
    # The statement's own words, not an aside it passes over ("X, elected in 2019, became O on D").
    said = choices.choosing(patterns.ASIDE.sub(" ", statement.span))
    if not said or statement.when is None:
        return None
    events = [item.id for item in involving(context, [term.holder_id, term.office_id])]
    rows = context.connection.execute(
        f"SELECT date, title FROM event WHERE id IN ({', '.join('?' * len(events))}) ORDER BY id", events
    )
    for written, title in rows:
        told = next((word for word in title.lower().split() if choices.one_choice(said[0], word)), None)
        if told is not None:
            return compare(statement.when, written), f"the base says {term.holder} was {told} {in_words(written)}", term
    return None


def _end(context: Context, statement: Statement, term: TermRow) -> tuple[Word, str, TermRow]:
    if term.end == OPEN:
        # Open as far as the sources know: an end before the evidence stops is contradicted by it.
        horizon = evidence_horizon(term)
        if statement.when is not None and horizon is not None and statement.when.latest_day < horizon:
            return Word.CONTRADICTED, f"the base has {term.holder} in office as of {horizon.isoformat()}", term
        if statement.when is None and horizon is not None and context.day <= horizon:
            return Word.CONTRADICTED, f"the base has {term.holder} in office as of {horizon.isoformat()}", term
        return Word.CANNOT_TELL, f"the base knows of no end to {term.holder}'s term ({interval(term)})", term
    if statement.when is None:
        word = Word.SUPPORTED if term.end else Word.CANNOT_TELL
        return word, f"the base says {term.holder}'s term ended {in_words(term.end)}", term
    word, end = compare(statement.when, term.end), parse(term.end) if term.end else None
    if word is Word.CONTRADICTED and statement.through and end is not None and end.is_exact:
        # "until 30 September" of an end on 1 October, the first day out: in office through the 30th.
        word = compare_days(statement.when, end.earliest_day - timedelta(1), end.latest_day - timedelta(1))
    return word, f"the base says {term.holder}'s term ended {in_words(term.end)}", term


def _without_a_term(
    context: Context, statement: Statement, holder: Match, office: Match, others: list[TermRow]
) -> tuple[Word, str, list[TermRow]]:
    """The base has no term of this holder in this office: another holder of a single seat on the day
    contradicts it; otherwise the base cannot tell."""
    holding_then = _holding_then(context, statement, others)
    if holding_then:
        term = holding_then[0]
        return Word.CONTRADICTED, f"{term.holder} holds the one seat of {office.name} then", [term]
    return Word.CANNOT_TELL, f"the base knows no term of {holder.name} as {office.name}", []


def _holding_then(context: Context, statement: Statement, others: list[TermRow]) -> list[TermRow]:
    """Others' terms of a single-seat office that certainly hold every day the statement speaks of (and are
    not only last known then): each contradicts anyone else holding it."""
    if not others or _seats(context, others[0].office_id) != 1:
        return []
    days = _days(context, statement)
    if days is None:
        return []
    asked = Span.of_days(*days)
    return [
        term
        for term in others
        if Span.from_written(term.start, term.end).certainly_overlaps(asked) and not past_horizon(term, days[1])
    ]


def _events(context: Context, term: TermRow, edge: Edge) -> list[Evidence]:
    """The events that tell a term's start (or end) too: involving its holder and its office, on that day."""
    if edge is Edge.SPAN:
        return [*_events(context, term, Edge.START), *_events(context, term, Edge.END)]
    written = term.start if edge is Edge.START else term.end if edge is Edge.END else None
    if not written or written == OPEN:
        return []
    return involving(context, [term.holder_id, term.office_id], written)


def _may_return(context: Context, term: TermRow) -> list[Evidence]:
    """The events the base only expects or calls possible that involve a past term's holder and office, by the
    day asked: whether the holder holds it again that day the base cannot tell."""
    possible = (Modality.POSSIBLE.value, Modality.EXPECTED.value)
    return [
        found
        for found in involving(context, [term.holder_id, term.office_id])
        if found.modality in possible and _event_day(context, found.id) <= context.day
    ]


def _event_day(context: Context, event_id: str) -> date:
    row = context.connection.execute("SELECT date FROM event WHERE id = ?", (event_id,)).fetchone()
    return parse(row[0]).earliest_day if row and row[0] else date.max


def involving(context: Context, entities: Sequence[str], written: str | None = None) -> list[Evidence]:
    """The events that involve every one of `entities` (on the day written, if given), heard by the day known."""
    rows = context.connection.execute(
        "SELECT e.id, e.source, e.quote, e.modality, s.published_latest, "
        f"{query.ids_sql('said_by', 'e.id')}, {query.ids_sql('via', 'e.id')} FROM event e "
        "JOIN source s ON s.id = e.source WHERE (? IS NULL OR e.date = ?) AND e.id IN "
        f"(SELECT record_id FROM involves WHERE entity_id IN ({', '.join('?' * len(entities))}) "
        "GROUP BY record_id HAVING count(DISTINCT entity_id) = ?) ORDER BY e.id",
        (written, written, *entities, len(entities)),
    )
    # Every evidence names its speakers and the outlets it came through, an event's as a term's.
    return [
        Evidence(row[0], row[1], row[2], row[3], query.split_ids(row[5]), query.split_ids(row[6]))
        for row in rows
        if context.known is None or row[4] <= context.known.toordinal()  # the index's day numbers
    ]


def _days(context: Context, statement: Statement) -> tuple[date, date] | None:
    """The days a statement about one holding speaks of, if it speaks of any."""
    if statement.when is not None:
        return statement.when.earliest_day, (statement.until or statement.when).latest_day
    if statement.tense is Tense.PRESENT:
        return context.day, context.day
    return None


def _seats(context: Context, office_id: str) -> int:
    row = context.connection.execute("SELECT seats FROM entity WHERE id = ?", (office_id,)).fetchone()
    return int(row[0]) if row and row[0] else 1


def verdict_of(
    statement: Statement, word: Word, shown: list[Evidence], why: str, term: TermRow | None = None
) -> Verdict:
    if statement.negated:
        word, why = denied(word, why)
    # The day the evidence stops, where a present tense is asked past it (the rest are judged on their dates).
    undated_present = statement.tense is Tense.PRESENT and statement.when is None
    as_of = term.attested if term is not None and term.status is Status.LAST_KNOWN and undated_present else None
    return Verdict(
        statement=statement.span, claimed=statement.claimed, verdict=word, evidence=shown, why=why, as_of=as_of
    )
