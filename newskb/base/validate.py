"""Every validation across records: ids, references, quotes against their articles, and terms.

`store` already reports what is wrong inside one record (keys, types, dates); this module reports
what is wrong between records. All problems are collected; none stops the others from being found.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from newskb.base import holding, model
from newskb.base.model import Entity, Event, FactBase, Record, Source, Term
from newskb.common.dates import Span
from newskb.common.errors import Problem, Severity, display_path
from newskb.common.fuzzy import did_you_mean, normalise
from newskb.common.kinds import Kind
from newskb.common.passage import fold
from newskb.common.words import counted


def check(base: FactBase, *, every_file_read: bool = True) -> list[Problem]:
    """Every problem between the records of `base`. Where a file could not be read, an id no record read
    holds is not reported unknown: it may be one of that file's (one syntax error is not 80 problems)."""
    problems: list[Problem] = []
    kinds = _check_ids(base, problems)
    _check_references(base, kinds, problems, every_file_read=every_file_read)
    _check_speakers(base, kinds, problems)
    sources = {source.id: source for source in base.sources}
    _check_quotes(base, sources, problems)
    _check_terms(base, problems)
    _check_conflicts(base, problems)
    _check_names(base, problems)
    _check_published(base, problems)
    return problems


def _check_published(base: FactBase, problems: list[Problem]) -> None:
    """A source published after today: a mistyped year ("2099") makes its facts seem known for years to come,
    so that `who` answers "holds" where it should say how old the evidence is."""
    today = date.today()
    for source in base.sources:
        if source.published.earliest_day > today:
            message = f"published {source.published} is after today ({today.isoformat()}): a mistyped year?"
            problems.append(_problem(source, "published", message)._replace(severity=Severity.WARNING))


def _problem(record: Record, key: str, message: str) -> Problem:
    return Problem(
        file=record.origin.file,
        line=record.origin.line_of(key.split("[", 1)[0]),
        key_path=f"{record.kind}.{key}",
        message=message,
    )


def _check_ids(base: FactBase, problems: list[Problem]) -> dict[str, Kind]:
    """Ids are unique across every kind and file; returns the kind of each id.

    Of two records with one id, the one written later (by file, then line) is the duplicate.
    """
    first: dict[str, Record] = {}
    for record in base.records:
        earlier = first.get(record.id)
        if earlier is None:
            first[record.id] = record
            continue
        if _position(record) < _position(earlier):
            first[record.id], earlier, record = record, record, earlier
        where = display_path(earlier.origin.file)
        if earlier.origin.line is not None:
            where += f":{earlier.origin.line}"
        problems.append(_problem(record, "id", f"duplicate id '{record.id}' (first defined at {where})"))
    return {record_id: record.kind for record_id, record in first.items()}


def _position(record: Record) -> tuple[str, int]:
    return str(record.origin.file), record.origin.line or 0


def _check_references(
    base: FactBase, kinds: dict[str, Kind], problems: list[Problem], *, every_file_read: bool
) -> None:
    def expect(record: Record, key: str, value: str | None, allowed: tuple[Kind, ...]) -> None:
        if value is None or value == "":
            return
        actual = kinds.get(value)
        if actual in allowed:
            return
        wanted = _one_of(allowed)
        if actual is None:
            candidates = [some_id for some_id, kind in kinds.items() if kind in allowed]
            message = f"unknown {wanted} '{value}'{did_you_mean(value, candidates)}"
        else:
            message = f"'{value}' is {_article(actual)} {actual}, not {_article(allowed[0])} {wanted}"
        (problems if actual is not None or every_file_read else unknown).append(_problem(record, key, message))

    unknown: list[Problem] = []  # while a file does not read: ids it may hold, counted in one problem

    def expect_each(record: Record, key: str, values: Iterable[str], allowed: tuple[Kind, ...]) -> None:
        for index, value in enumerate(values):
            expect(record, f"{key}[{index}]", value, allowed)

    # Every key that names ids, as model.py declares what each may name.
    references = {kind: [key for key in model.keys(kind) if key.refs] for kind in model.RECORD_CLASSES}
    for record in base.records:
        for key in references[record.kind]:
            value = getattr(record, key.name)
            if key.type.is_list:
                expect_each(record, key.name, value, key.refs)
            else:
                expect(record, key.name, value, key.refs)
    if unknown:
        first, more = unknown[0], len(unknown) - 1
        also = f" (and {counted(more, 'more reference')} to ids no record read holds)" if more else ""
        problems.append(first._replace(message=f"{first.message}{also}: a file that did not read may hold them"))


def _check_speakers(base: FactBase, kinds: dict[str, Kind], problems: list[Problem]) -> None:
    """A fact whose speaker is an organization says in its note whose words they are: an official statement
    reads differently from what unnamed officials told a reporter."""
    for fact in base.facts:
        for index, speaker in enumerate(fact.said_by):
            if kinds.get(speaker) is Kind.ORGANIZATION and not fact.note:
                problems.append(
                    _problem(
                        fact,
                        f"said_by[{index}]",
                        f"'{speaker}' is {_article(kinds[speaker])} {kinds[speaker]}, not a person: say in `note` "
                        "whose words these are (its official statement, or officials it does not name)",
                    )
                )


def _one_of(kinds: tuple[Kind, ...]) -> str:
    names = [kind.value for kind in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _article(kind: Kind) -> str:
    return "an" if kind.value[0] in "aeiou" else "a"


def _check_quotes(base: FactBase, sources: dict[str, Source], problems: list[Problem]) -> None:
    quoted: list[tuple[Record, str | None, str | None]] = [
        (entity, entity.source, entity.quote) for entity in base.entities if entity.quote
    ]
    quoted.extend((fact, fact.source, fact.quote) for fact in base.facts)
    folded_texts = {source.id: fold(source.article) for source in sources.values() if source.article is not None}
    for record, source_id, quote in quoted:
        text = folded_texts.get(source_id or "")
        if text is None or not quote:
            continue  # a missing quote, unknown source or unreadable text is reported where it is named
        folded_quote = fold(quote)
        if folded_quote not in text:
            matched = _longest_matching_prefix(folded_quote, text)
            detail = f"; it matches as far as '{matched}'" if matched else ""
            problems.append(_problem(record, "quote", f"quote not found in the text of source '{source_id}'{detail}"))


def _longest_matching_prefix(quote: str, text: str) -> str:
    """The longest start of `quote` found in `text`, so a curator sees where the two part."""
    low, high = 0, len(quote)
    while low < high:
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    return quote[:low]


def _check_terms(base: FactBase, problems: list[Problem]) -> None:
    seats = {entity.id: entity.seats for entity in base.entities if entity.kind is Kind.OFFICE}
    by_office: dict[str, list[Term]] = defaultdict(list)
    for term in base.terms:
        by_office[term.office].append(term)
        if term.span.ends_before_it_starts():
            problems.append(_problem(term, "end", f"end '{term.span.end}' is not after start '{term.span.start}'"))
    # An open end that a later source closes is checked with that end: newer knowledge, not an overlap.
    spans = holding.effective_spans(base.terms, _published(base))
    for office, terms in by_office.items():
        if office not in seats:
            continue  # an unknown office is reported once, on each term that names it
        if seats[office] == 1:
            _check_overlaps(office, terms, spans, problems)
        _check_replaces(office, terms, problems)


def _check_overlaps(office: str, terms: list[Term], spans: dict[str, Span], problems: list[Problem]) -> None:
    """Report a term that certainly shares a day with an earlier one (one sweep in start order).

    Terms of one holding told by several sources are the same term, not an overlap with itself.
    """
    dated = sorted(
        (term for term in terms if term.span.start is not None),
        key=lambda term: term.span.start.latest_day if term.span.start else date.min,
    )
    furthest: Term | None = None  # the earlier term that certainly runs longest
    for term in dated:
        if (
            furthest is not None
            and furthest.holder != term.holder
            and spans[term.id].certainly_overlaps(spans[furthest.id])
        ):
            message = f"overlaps term '{furthest.id}' of '{furthest.holder}' on one-seat office '{office}'"
            problems.append(_problem(term, "start", message))
        stop = spans[term.id].certain_stop()
        if stop is not None and (furthest is None or stop > (spans[furthest.id].certain_stop() or stop)):
            furthest = term


def _check_replaces(office: str, terms: list[Term], problems: list[Problem]) -> None:
    for term in terms:
        if term.replaces is None:
            continue
        if not any(other.holder == term.replaces for other in terms if other is not term):
            problems.append(_problem(term, "replaces", f"'{term.replaces}' holds no other term of office '{office}'"))
            continue
        previous = _previous_term(term, terms)
        if previous is not None and previous.holder != term.replaces:
            problems.append(
                _problem(
                    term,
                    "replaces",
                    f"replaces '{term.replaces}', but the previous holder of '{office}' "
                    f"is '{previous.holder}' (term '{previous.id}')",
                )
            )


def _check_conflicts(base: FactBase, problems: list[Problem]) -> None:
    """Warn where two sources date the same term or event differently (not an error: sources disagree)."""
    published = _published(base)
    order = {term.id: index for index, term in enumerate(base.terms)}
    for term, other in holding.pairs(base.terms):
        if order[other.id] > order[term.id]:
            continue  # report each disagreeing pair once, on the later record
        for edge, mine, theirs in holding.disagreements(term, other, published):
            problems.append(_conflict(term, edge, mine, other.id, other.source, theirs))
    events = {event.id: event for event in base.events}
    for event in base.events:
        other_event = events.get(event.same_as or "")
        if other_event is not None and str(event.date) != str(other_event.date):
            mine, theirs = str(event.date or "unknown"), str(other_event.date or "unknown")
            problems.append(_conflict(event, "date", mine, other_event.id, other_event.source, theirs))


def _check_names(base: FactBase, problems: list[Problem]) -> None:
    """A name or alias two entities share is a warning: a query by it is refused as naming both (people may
    share a name; an alias or a fuller name tells them apart)."""
    first: dict[str, Entity] = {}
    for entity in base.entities:
        for key, label in (("name", entity.name), *(("aliases", alias) for alias in entity.aliases)):
            owner = first.setdefault(normalise(label), entity)
            if owner.id != entity.id:
                where = display_path(owner.origin.file) + (f":{owner.origin.line}" if owner.origin.line else "")
                message = f"'{label}' also names '{owner.id}' ({where}): a query by it is refused as naming both"
                problems.append(_problem(entity, key, message)._replace(severity=Severity.WARNING))


def _published(base: FactBase) -> dict[str, date]:
    return {source.id: source.published.earliest_day for source in base.sources}


def _conflict(record: Term | Event, key: str, mine: str, other_id: str, other_source: str, theirs: str) -> Problem:
    message = (
        f"conflict: source '{record.source}' says {mine}, but '{other_id}' from source '{other_source}' says {theirs}"
    )
    return _problem(record, key, message)._replace(severity=Severity.WARNING)


def _previous_term(term: Term, terms: list[Term]) -> Term | None:
    """The term of the same office that started last before `term` did, if the dates tell."""
    start = term.span.start
    if start is None:
        return None
    earlier = [
        other
        for other in terms
        if other is not term and other.span.start is not None and other.span.start.latest_day <= start.earliest_day
    ]
    return max(earlier, key=lambda other: other.span.start.latest_day if other.span.start else date.min, default=None)
