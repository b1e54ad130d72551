"""Part of stage 5 of the reader: the events of an article. A term's dated start or end is one; so is any
other sentence that reports a happening on a date the article gives (not the day something was said,
nor a view of what may come).

In: the terms, the findings and the reading. Out: `EventItem`s, each frozen: its sentence, date, title,
the keys it involves, and a note; `candidates` gives them ids.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newskb.common.dates import Edtf
from newskb.common.kinds import Modality
from newskb.draft.findings import Finding, Rule
from newskb.draft.mentions import Mark, Mention, Mentions, Reading
from newskb.draft.phrases import HEDGED
from newskb.draft.quotes import name_of_office, primary
from newskb.draft.sentences import LONGEST_SENTENCE
from newskb.draft.terms import REPORTED, Term, Terms, point

# A verb of saying that opens the clause of what was said: "said Drask would ...", "announced that ...".
_SAYING = re.compile(r"\b(?:said|says|told|added|stated|wrote|(?:announced|reported|confirmed)\s+that)\b(?:\s+that\b)?")


# Verbs that give a view of what may come: such a sentence is a claim, however dated.
_VIEW = re.compile(r"\b(?:expects?|expected|forecasts?|predicts?|hopes?|believes?|fears?)\b")


_NAMED = (Mark.PERSON, Mark.ORGANIZATION, Mark.COUNTRY, Mark.PRONOUN)


@dataclass(frozen=True, slots=True, kw_only=True)
class EventItem:
    """One event before it has an id: where its sentence starts, its date, title and other keys, its note,
    and the keys of the entities and offices it involves."""

    start: int
    date: str
    title: str
    values: Mapping[str, str | list[str]]
    note: str
    involves: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class _Context:
    reading: Reading
    terms: Terms
    published: Edtf
    cited: Mapping[int, Sequence[Mention]]  # by sentence number: the organizations it cites


def events(
    terms: Terms, found: Sequence[Finding], reading: Reading, published: Edtf, cited: Mapping[int, Sequence[Mention]]
) -> list[EventItem]:
    """The events of an article, in the order found (a later one may replace an earlier of the same day
    that involves less)."""
    context = _Context(reading=reading, terms=terms, published=published, cited=cited)
    items: dict[tuple[str, tuple[str, ...]], EventItem] = {}
    used: set[int] = set()
    for (holder, _), term in terms.by_key.items():
        first = primary(term, published) if term.start is not None else None
        for finding in term.findings:
            date = finding.date
            if date is None or date.mark is not Mark.POINT or finding.holder.ref != holder:
                continue
            used.add(date.start)
            if finding.rule in (Rule.START, Rule.APPOINTED) and term.start is not None:
                if first is not finding:
                    continue
                _add(items, _term_event(context, term, finding, "start"))
            elif finding.rule is Rule.END and term.end is not None and term.end.finding is finding:
                _add(items, _term_event(context, term, finding, "end"))
    for finding in found:
        if finding.date is not None:
            used.add(finding.date.start)
    for sentence in reading.sentences:
        if len(sentence.text) > LONGEST_SENTENCE:
            continue  # not prose: left to the curator
        for mention in sentence.mentions:
            if mention.mark is not Mark.POINT or mention.start in used:
                continue
            before = reading.text[sentence.start : mention.start]
            if REPORTED.search(before):
                continue  # "the government said on Monday": when it was said, not a happening
            item = _plain_event(context, sentence, mention)
            if item is not None:
                _add(items, item)
    return list(items.values())


def _term_event(context: _Context, term: Term, finding: Finding, which: str) -> EventItem:
    value = term.start if which == "start" else term.end
    assert value is not None
    names = context.reading.entities
    holder = names[term.holder].name
    office = name_of_office(term.office, context.terms.offices, context.reading)
    words = finding.cue.split()
    told = term.replaces_finding
    same_sentence = term.replaces is not None and told is not None and told.sentence is finding.sentence
    if which == "start":
        title = f"{holder} {_start_phrase(words)} {office}"
        if same_sentence and term.replaces is not None and told is not None:
            title += f", {'succeeding' if 'succeed' in told.cue else 'replacing'} {names[term.replaces].name}"
    else:
        phrase = "steps down as" if "down" in words else _END_PHRASES.get(words[-1] if words else "", "")
        title = f"{holder} {phrase or 'leaves office as'} {office}"
    involves = [term.holder]
    if same_sentence and term.replaces is not None:
        involves.append(term.replaces)
    involves.append(term.office)
    org = context.terms.offices[term.office].org if term.office in context.terms.offices else ""
    if org:
        involves.append(org)
    modality = term.modality if which == "start" else Modality.STATED
    if which == "end" and "will" in finding.cue:
        modality = Modality.ANNOUNCED
    note = f"Date: {value.note}."
    if modality is not Modality.STATED:
        note += f"\nModality: {modality.value} ('{finding.cue}')."
    return _item(finding.sentence, value.written, title, involves, modality, note)


def _start_phrase(words: Sequence[str]) -> str:
    """How an event's title says a term starts, from the words of its phrase."""
    if "sworn" in words:
        return "is sworn in as"
    if "office" in words:
        return "takes office as"
    if "over" in words:
        return "takes over as"
    phrase = next((_START_PHRASES[word] for word in reversed(words) if word in _START_PHRASES), "")
    return phrase or "takes office as"


def _plain_event(context: _Context, sentence: Mentions, mention: Mention) -> EventItem | None:
    text = context.reading.text
    resolved = point(mention, sentence, context.published)
    if resolved.value is None:
        return None
    clause_start = _clause_start(text, sentence, mention)
    clause = text[clause_start : mention.start]
    if _VIEW.search(clause):
        return None  # "expects inflation to ease this year": a view of what may come, a claim, not an event
    title = _clause_title(context.reading, sentence, mention, clause_start)
    if len(title.split()) < 3 or not any(word[:1].islower() for word in title.split()):
        return None  # a bare number or a name ("6", "President Joe Biden") names no happening
    involves: list[str] = []
    said_by: list[str] = []
    cited = {cited.ref for cited in context.cited.get(sentence.number, ())}
    for other in sentence.mentions:
        if other.ref in cited or other.mark not in (*_NAMED, Mark.OFFICE):
            continue
        if other.start < clause_start:
            if other.mark is not Mark.OFFICE:
                said_by.append(other.ref)  # "Prime Minister Henrik Vale said ...": whose words
        else:
            involves.append(other.ref)
    modality = Modality.STATED
    notes = [f"Date: {resolved.note}."]
    if HEDGED.search(sentence.text):
        modality = Modality.POSSIBLE
        notes.append("Modality: possible (hedged).")
    elif resolved.value.earliest_day > context.published.latest_day:
        modality = Modality.ANNOUNCED
        notes.append(f"Modality: announced (after the publication date, {context.published}).")
    if said_by:
        notes.append("Said by: whoever the sentence reports, before its verb of saying.")
    notes.append("Title: drafted from the sentence; reword it.")
    return _item(sentence, str(resolved.value), title, involves, modality, "\n".join(notes), said_by)


def _clause_start(text: str, sentence: Mentions, date: Mention) -> int:
    """Where the clause holding the date starts: after a verb of saying ("said Drask would ..."), else
    at the sentence's start."""
    start = sentence.start
    for match in _SAYING.finditer(text, sentence.start, date.start):
        start = match.end()
    return start


def _clause_title(reading: Reading, sentence: Mentions, date: Mention, clause_start: int) -> str:
    """The clause that holds the date, without the date: "The observatory reopened as a public museum"."""
    text = reading.text
    pieces: list[str] = []
    position = clause_start
    for mention in sentence.mentions:
        if mention.end <= clause_start:
            continue
        pieces.append(text[position : mention.start])
        if mention is date:
            pieces.append("")
        elif mention.mark in (Mark.PERSON, Mark.PRONOUN) and mention.ref in reading.entities:
            pieces.append(reading.entities[mention.ref].name)
        else:
            pieces.append(text[mention.start : mention.end])
        position = mention.end
    pieces.append(text[position : sentence.end])
    title = "".join(pieces)
    title = re.sub(r",\s+(?:a|an|the|who|which|\d+)\b[^,]*,", "", title)  # appositions
    title = re.sub(r",.*$", "", title) if title.find(",") > 0 else title
    title = " ".join(title.split()).strip(" .,;:\u201c\u201d\"'")
    return title[:1].upper() + title[1:]


def _item(
    sentence: Mentions,
    date: str,
    title: str,
    involves: Sequence[str],
    modality: Modality,
    note: str,
    said_by: Sequence[str] = (),
) -> EventItem:
    values: dict[str, str | list[str]] = {"date": date, "title": title}
    if modality is not Modality.STATED:
        values["modality"] = modality.value
    if said_by:
        values["said_by"] = list(dict.fromkeys(said_by))
    return EventItem(
        start=sentence.start,
        date=date,
        title=title,
        values=values,
        note=note,
        involves=tuple(dict.fromkeys(involves)),
    )


def _add(items: dict[tuple[str, tuple[str, ...]], EventItem], item: EventItem) -> None:
    """Add an event unless one of the same day about the same first entity is told already; of two, the
    one that involves more is kept (and comes last, as if told last)."""
    key = (item.date, item.involves[:1])
    other = items.get(key)
    if other is not None:
        if len(item.involves) <= len(other.involves):
            return
        del items[key]
    items[key] = item


_START_PHRASES = {
    "become": "becomes",
    "became": "becomes",
    "becomes": "becomes",
    "appointed": "is appointed",
    "named": "is named",
    "names": "is named",
    "elected": "is elected",
    "chosen": "is chosen as",
    "confirmed": "is confirmed as",
    "installed": "is installed as",
    "to": "is promoted to",
    "hired": "is hired as",
    "swears": "is sworn in as",
}
_END_PHRASES = {
    "resigned": "resigns as",
    "resigns": "resigns as",
    "resign": "resigns as",
    "quit": "quits as",
    "quits": "quits as",
    "retired": "retires as",
    "retires": "retires as",
    "retire": "retires as",
}
