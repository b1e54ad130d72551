"""The last part of stage 5 of the reader: the candidate records of a draft. Each term, event, office and
new entity gets an id the fact base does not use and a note on every value saying how it was found; a
candidate whose quote is not verbatim is dropped, and said so.

In: the reading, the terms, the events, and what the fact base holds. Out: the `Draft` (records.py), its
candidates in the order they are written out.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from newskb.base import ids
from newskb.base.ids import slug
from newskb.common.kinds import Kind, Modality
from newskb.common.passage import Extent, locator
from newskb.draft.events import EventItem
from newskb.draft.handovers import Value, said
from newskb.draft.mentions import Entity, Mark, Mention, Mentions, Reading
from newskb.draft.quotes import in_order, name_of_office, primary, same_start
from newskb.draft.records import Article, Candidate, Draft, Known
from newskb.draft.terms import Term, Terms, point


@dataclass(slots=True, eq=False)
class _Wanted:
    """The entities and offices the candidates name: those that are new are proposed too."""

    entities: set[str] = field(default_factory=set)
    offices: set[str] = field(default_factory=set)
    dropped: list[str] = field(default_factory=list)  # candidates whose quote was not verbatim


def candidates(
    article: Article,
    known: Known,
    reading: Reading,
    terms: Terms,
    items: Sequence[EventItem],
    cited: Mapping[int, Sequence[Mention]],
) -> Draft:
    """The draft of an article: its candidates, with ids and notes."""
    writer = _Writer(article, known, reading, terms, cited)
    locate = writer.locate
    wanted = _Wanted()
    term_candidates = writer.terms(wanted)
    event_candidates = writer.events(items, wanted)
    for key in wanted.offices:
        office = terms.offices[key]
        if office.known is None and office.org:
            wanted.entities.add(office.org)
    offices = writer.offices(wanted.offices)
    entities = writer.entities(wanted.entities)
    by_first = sorted(reading.entities.values(), key=lambda entity: entity.first)
    others = [
        (entity.name, entity.kind.value)
        for entity in by_first
        if entity.known is None and entity.key not in wanted.entities
    ]
    known_used = [
        (
            entity.known.id,
            entity.kind.value,
            list(entity.forms),
            f"'{entity.typo[0]}' is a typo-tolerant match ({entity.typo[1]:.0f})" if entity.typo else "",
        )
        for entity in by_first
        if entity.known is not None
    ]
    known_used += [
        (office.known.id, "office", list(office.forms), "")
        for office in sorted(terms.offices.values(), key=lambda office: office.first)
        if office.known is not None and office.key in wanted.offices
    ]
    return Draft(
        source=article.id,
        published=str(article.published),
        known=known_used,
        entities=entities,
        offices=offices,
        terms=term_candidates,
        events=event_candidates,
        others=others,
        uncovered=_uncovered(reading, [*term_candidates, *event_candidates], locate),
        dropped=wanted.dropped,
    )


def _uncovered(
    reading: Reading, quoted: Sequence[Candidate], locate: Callable[[str], Extent | None]
) -> list[tuple[int, str]]:
    """The sentences no candidate quotes, as `coverage --uncovered` lists them."""
    covered = sorted(
        (where.start, where.end)
        for where in (locate(str(record.values["quote"])) for record in quoted)
        if where is not None
    )
    starts = [start for start, _ in covered]
    reach = list(itertools.accumulate((end for _, end in covered), max))  # the furthest end so far
    uncovered = []
    for sentence in reading.sentences:
        # A quote overlaps the sentence when it starts before the sentence's end and ends after its start.
        last = bisect.bisect_left(starts, sentence.end) - 1
        if last < 0 or reach[last] <= sentence.start:
            uncovered.append((sentence.number, sentence.text))
    return uncovered


class _Writer:
    """Candidates with ids: an id is given once per record, the first time it is asked for, so that the
    order ids are asked in (terms, events, offices, entities) decides which gets a number."""

    def __init__(
        self, article: Article, known: Known, reading: Reading, terms: Terms, cited: Mapping[int, Sequence[Mention]]
    ) -> None:
        self.article = article
        self.reading = reading
        self.terms_of = terms
        self.cited = cited
        self.ids: dict[str, str] = {}
        self.used_ids: set[str] = set(known.taken)
        self.locate = locator(article.text)
        self.by_start = {sentence.start: sentence for sentence in reading.sentences}
        self.starts = [sentence.start for sentence in reading.sentences]

    def _id(self, key: str, wanted: str) -> str:
        if key in self.ids:
            return self.ids[key]
        candidate = ids.unique(wanted or "record", self.used_ids)
        self.used_ids.add(candidate)
        self.ids[key] = candidate
        return candidate

    def _entity_id(self, key: str) -> str:
        entity = self.reading.entities.get(key)
        if entity is not None and entity.known is not None:
            return entity.known.id
        office = self.terms_of.offices.get(key)
        if office is not None:
            if office.known is not None:
                return office.known.id
            org = self._entity_id(office.org) if office.org else ""
            return self._id(key, slug(f"{org} {office.title}"))
        assert entity is not None
        return self._id(key, slug(entity.name.removeprefix("the ")))

    def _vias(self, sentence: Mentions) -> list[str]:
        return [self._entity_id(mention.ref) for mention in self.cited.get(sentence.number, ())]

    def terms(self, wanted: _Wanted) -> list[Candidate]:
        found: list[Candidate] = []
        for term in in_order(list(self.terms_of.by_key.values()), self.article.published):
            if term.office not in self.terms_of.offices or not term.findings:
                continue
            candidate = self._term(term)
            if self.locate(str(candidate.values["quote"])) is None:
                wanted.dropped.append(f"term {candidate.values['id']}: its quote is not verbatim")
                continue
            found.append(candidate)
            wanted.entities.add(term.holder)
            if term.replaces is not None:
                wanted.entities.add(term.replaces)
            wanted.offices.add(term.office)
        return found

    def _term(self, term: Term) -> Candidate:
        published, text = self.article.published, self.article.text
        first = primary(term, published)
        sentence = first.sentence
        start_value = term.start
        told = term.start.finding if term.start is not None else None
        retold = first.date is not None and first.date.mark is Mark.POINT and same_start(first, term, published)
        if term.start is not None and told is not first and first.date is not None and retold:
            # The same start told in the sentence quoted: say it as that sentence does.
            note = point(first.date, sentence, published).note
            if told is not None:
                note += f" (also told in sentence {told.sentence.number}: '{said(told, text)}')"
            start_value = Value(written=term.start.written, rank=term.start.rank, note=note, finding=first)
        parts = [finding for finding in term.findings if finding.sentence is sentence]
        start = min(finding.start for finding in parts)
        end = max(finding.end for finding in parts)
        holder_id = self._entity_id(term.holder)
        office_id = self._entity_id(term.office)
        values: dict[str, str | list[str]] = {
            "id": self._id(f"term:{term.holder}:{term.office}", f"{holder_id}-{office_id}"),
            "office": office_id,
            "holder": holder_id,
        }
        pronoun_notes = [
            finding.holder.note
            for finding in parts
            if finding.holder.mark is Mark.PRONOUN and finding.holder.note and finding.holder.ref == term.holder
        ]
        holder = self.reading.entities[term.holder]
        notes = [f"Holder: {_described(holder)}." + (f" {pronoun_notes[0]}." if pronoun_notes else "")]
        written = next((finding.office.text for finding in parts if finding.office is not None), None)
        notes.append(f"Office: {self._office_described(term.office, written)}.")
        interim = next((f.office.interim for f in term.findings if f.office is not None and f.office.interim), None)
        if interim is not None:
            notes.append(f"Interim: the article calls the holder '{interim}'; the office is the same.")
        charge = next((finding.cue for finding in term.findings if finding.interim), None)
        if charge is not None:
            notes.append(f"Interim: '{charge}', of the office the article tells another left or was named to.")
        for key, value in (("start", start_value), ("end", term.end)):
            if value is not None:
                values[key] = value.written
                notes.append(f"{key.capitalize()}: {value.note}{self._elsewhere(value, sentence)}.")
            else:
                notes.append(f"{key.capitalize()}: not in the article.")
        if term.replaces is not None:
            values["replaces"] = self._entity_id(term.replaces)
            assert term.replaces_finding is not None
            notes.append(f"Replaces: '{said(term.replaces_finding, text)}'.")
        if term.modality is not Modality.STATED:
            values["modality"] = term.modality.value
            notes.append(f"Modality: {term.modality.value} ('{term.modality_cue}').")
        vias = list(dict.fromkeys(self._vias(sentence)))
        if vias:
            values["via"] = vias
            notes.append("Via: the sentence cites " + ", ".join(vias) + ".")
        values["source"] = self.article.id
        values["quote"] = text[start:end]
        values["note"] = "\n".join(notes)
        return Candidate(kind=Kind.TERM, values=values, sentence=sentence.text, start=start)

    def _elsewhere(self, value: Value, sentence: Mentions) -> str:
        if value.finding is None or value.finding.sentence is sentence or value.rank < 2:
            return ""
        return f" (sentence {value.finding.sentence.number}: '{said(value.finding, self.article.text)}')"

    def _office_described(self, key: str, written: str | None) -> str:
        office = self.terms_of.offices[key]
        how = f"'{written}'" if written is not None else "as the sentence implies"
        if office.known is not None:
            close = f"; a title {office.score:.0f}% alike" if office.score < 100 else ""
            return f"{how}: {office.known.name} ({office.known.id}, in the fact base{close})"
        return f"{how}: {name_of_office(key, self.terms_of.offices, self.reading)} (new, proposed above)"

    def events(self, items: Sequence[EventItem], wanted: _Wanted) -> list[Candidate]:
        found: list[Candidate] = []
        entities, offices = self.reading.entities, self.terms_of.offices
        for item in sorted(items, key=lambda item: item.start):
            sentence = self.by_start[item.start]
            quote = sentence.text.strip()
            keyed = dict(item.values)
            speakers = [
                key for key in keyed.pop("said_by", []) if entities[key].kind in (Kind.PERSON, Kind.ORGANIZATION)
            ]
            if speakers:
                keyed["said_by"] = [self._entity_id(key) for key in speakers]
                wanted.entities.update(speakers)
            involved = [self._entity_id(key) for key in item.involves if key in entities or key in offices]
            for key in item.involves:
                if key in offices:
                    wanted.offices.add(key)
                elif key in entities:
                    wanted.entities.add(key)
            event_id = self._id(f"event:{item.start}:{item.date}:{item.title}", _event_slug(item.title))
            values: dict[str, str | list[str]] = {"id": event_id, **keyed}
            if involved:
                values["involves"] = list(dict.fromkeys(involved))
            vias = self._vias(sentence)
            if vias:
                values["via"] = vias
            values["source"] = self.article.id
            values["quote"] = quote
            values["note"] = item.note
            if self.locate(quote) is None:
                wanted.dropped.append(f"event {event_id}: its quote is not verbatim")
                continue
            found.append(Candidate(kind=Kind.EVENT, values=values, sentence=sentence.text, start=item.start))
        return found

    def offices(self, wanted: set[str]) -> list[Candidate]:
        found: list[Candidate] = []
        for office in sorted(self.terms_of.offices.values(), key=lambda office: office.first):
            if office.key not in wanted or office.known is not None:
                continue
            name = name_of_office(office.key, self.terms_of.offices, self.reading)
            values: dict[str, str | list[str]] = {"id": self._entity_id(office.key), "name": name}
            if not office.org:
                notes = [
                    f"New: an office titled '{office.title}'.",
                    f"Org: left blank: {office.found}; name it (and the office after it) before accepting.",
                ]
            else:
                org = self.reading.entities[office.org]
                aliases = [form for form in office.forms if form.lower() != name.lower() and org.name in form]
                notes = [f"New: no office of {org.name} titled '{office.title}' is in the fact base."]
                notes.append(
                    f"Org: {office.found}." if office.found else f"Org: named in the phrase ('{office.forms[0]}')."
                )
                if aliases:
                    values["aliases"] = aliases
                values["org"] = self._entity_id(office.org)
            values["note"] = "\n".join(notes)
            found.append(
                Candidate(kind=Kind.OFFICE, values=values, sentence=self._sentence_at(office.first), start=office.first)
            )
        return found

    def entities(self, wanted: set[str]) -> list[Candidate]:
        found: list[Candidate] = []
        for entity in sorted(self.reading.entities.values(), key=lambda entity: entity.first):
            if entity.key not in wanted or entity.known is not None:
                continue
            aliases = [form for form in entity.forms if form != entity.name]
            notes = [f"New: '{entity.name}' is not a name or alias in the fact base."]
            notes.append(f"Kind: {entity.kind.value}, as " + "; ".join(entity.cues) + ".")
            if aliases:
                notes.append("Aliases: the other forms the article uses.")
            values: dict[str, str | list[str]] = {"id": self._entity_id(entity.key), "name": entity.name}
            if aliases:
                values["aliases"] = aliases
            values["note"] = "\n".join(notes)
            found.append(
                Candidate(kind=entity.kind, values=values, sentence=self._sentence_at(entity.first), start=entity.first)
            )
        return found

    def _sentence_at(self, offset: int) -> str:
        sentences = self.reading.sentences
        place = bisect.bisect_right(self.starts, offset) - 1
        if place >= 0 and sentences[place].start <= offset < sentences[place].end:
            return sentences[place].text
        return ""


def _described(entity: Entity) -> str:
    if entity.known is not None:
        typo = f"; '{entity.typo[0]}' matched it despite the spelling ({entity.typo[1]:.0f})" if entity.typo else ""
        return f"{entity.name} ({entity.known.id}, in the fact base{typo})"
    return f"{entity.name} (new, proposed above)"


def _event_slug(title: str) -> str:
    words = re.split(r"\s+as\s+|,", title)[0].split()
    return slug(" ".join(words[:6])) or "event"
