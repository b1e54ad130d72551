"""The candidate records of a draft: each term, event, office and new entity with an id the fact base does
not use and a note on every value saying how it was found, in the order they are written out."""

from __future__ import annotations

import re

from newskb import ids
from newskb.draft.entities import Entity
from newskb.draft.events import EventBuilder
from newskb.draft.findings import via
from newskb.draft.mentions import Mark, Sentence
from newskb.draft.records import Candidate, Draft
from newskb.draft.terms import Term, Value
from newskb.ids import slug
from newskb.kinds import Kind, Modality
from newskb.passage import locate


class Candidates(EventBuilder):
    """The candidates: ids, notes, and the order they are written in."""

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
        office = self.reading.offices.get(key)
        if office is not None:
            if office.known is not None:
                return office.known.id
            return self._id(key, slug(f"{self._entity_id(office.org)} {office.title}"))
        assert entity is not None
        return self._id(key, slug(entity.name))

    def result(self) -> Draft:
        text = self.article.text
        terms: list[Candidate] = []
        wanted_entities: set[str] = set()
        wanted_offices: set[str] = set()
        dropped: list[str] = []
        for term in self._in_order():
            if term.office not in self.reading.offices or not term.findings:
                continue
            candidate = self._term_candidate(term)
            if candidate is None:
                continue
            if locate(str(candidate.values["quote"]), text) is None:
                dropped.append(f"term {candidate.values['id']}: its quote is not verbatim")
                continue
            terms.append(candidate)
            wanted_entities.add(term.holder)
            if term.replaces is not None:
                wanted_entities.add(term.replaces)
            wanted_offices.add(term.office)
        events: list[Candidate] = []
        for start, date, title, values, note, involves in sorted(self.event_items, key=lambda item: item[0]):
            sentence = next(sentence for sentence in self.reading.sentences if sentence.start == start)
            quote = sentence.text.strip()
            keyed = dict(values)
            speakers = [
                key
                for key in keyed.pop("said_by", [])
                if self.reading.entities[key].kind in (Kind.PERSON, Kind.ORGANIZATION)
            ]
            if speakers:
                keyed["said_by"] = [self._entity_id(key) for key in speakers]
                wanted_entities.update(speakers)
            involved = [
                self._entity_id(key) for key in involves if key in self.reading.entities or key in self.reading.offices
            ]
            for key in involves:
                if key in self.reading.offices:
                    wanted_offices.add(key)
                elif key in self.reading.entities:
                    wanted_entities.add(key)
            event_id = self._id(f"event:{start}:{date}:{title}", _event_slug(title))
            candidate_values: dict[str, str | list[str]] = {"id": event_id, **keyed}
            if involved:
                candidate_values["involves"] = list(dict.fromkeys(involved))
            vias = [self._entity_id(mention.ref) for mention in via(sentence)]
            if vias:
                candidate_values["via"] = vias
            candidate_values["source"] = self.article.id
            candidate_values["quote"] = quote
            candidate_values["note"] = note
            if locate(quote, text) is None:
                dropped.append(f"event {event_id}: its quote is not verbatim")
                continue
            events.append(Candidate(kind=Kind.EVENT, values=candidate_values, sentence=sentence.text, start=start))
        for key in wanted_offices:
            office = self.reading.offices[key]
            if office.known is None:
                wanted_entities.add(office.org)
        offices = self._office_candidates(wanted_offices)
        entities = self._entity_candidates(wanted_entities)
        others = [
            (entity.name, entity.kind.value)
            for entity in sorted(self.reading.entities.values(), key=lambda entity: entity.first)
            if entity.known is None and entity.key not in wanted_entities
        ]
        known = [
            (
                entity.known.id,
                entity.kind.value,
                entity.forms,
                f"'{entity.typo[0]}' is a typo-tolerant match ({entity.typo[1]:.0f})" if entity.typo else "",
            )
            for entity in sorted(self.reading.entities.values(), key=lambda entity: entity.first)
            if entity.known is not None
        ]
        known += [
            (office.known.id, "office", office.forms, "")
            for office in sorted(self.reading.offices.values(), key=lambda office: office.first)
            if office.known is not None and office.key in wanted_offices
        ]
        covered = [locate(str(record.values["quote"]), text) for record in (*terms, *events)]
        uncovered = [
            (sentence.number, sentence.text)
            for sentence in self.reading.sentences
            if not any(
                where is not None and where.start < sentence.end and sentence.start < where.end for where in covered
            )
        ]
        return Draft(
            source=self.article.id,
            published=str(self.published),
            known=known,
            entities=entities,
            offices=offices,
            terms=terms,
            events=events,
            others=others,
            uncovered=uncovered,
            dropped=dropped,
        )

    def _in_order(self) -> list[Term]:
        """The terms in the order the article tells them, except that the one a term replaces comes first:
        `accept` adds them one by one, and a `replaces` must name a holder already in the office."""
        told = sorted(
            (term for term in self.by_key.values() if term.findings),
            key=lambda term: (self._primary(term).start, term.holder, term.office),
        )
        placed: list[Term] = []
        done: set[int] = set()

        def place(term: Term, visiting: set[int]) -> None:
            if id(term) in done or id(term) in visiting:
                return
            visiting.add(id(term))
            previous = self.by_key.get((term.replaces, term.office)) if term.replaces is not None else None
            if previous is not None and previous.findings:
                place(previous, visiting)
            placed.append(term)
            done.add(id(term))

        for term in told:
            place(term, set())
        return placed

    def _term_candidate(self, term: Term) -> Candidate | None:
        primary = self._primary(term)
        sentence = primary.sentence
        told = term.start.finding if term.start is not None else None
        retold = primary.date is not None and primary.date.mark is Mark.POINT and self._same_start(primary, term)
        if term.start is not None and told is not primary and primary.date is not None and retold:
            # The same start told in the sentence quoted: say it as that sentence does.
            note = self._point(primary.date, sentence).note
            if told is not None:
                note += f" (also told in sentence {told.sentence.number}: '{self._said(told)}')"
            term.start = Value(term.start.written, term.start.rank, note, primary)
        parts = [finding for finding in term.findings if finding.sentence is sentence]
        start = min(finding.start for finding in parts)
        end = max(finding.end for finding in parts)
        quote = self.article.text[start:end]
        names = self.reading.entities
        holder_id = self._entity_id(term.holder)
        office_id = self._entity_id(term.office)
        values: dict[str, str | list[str]] = {
            "id": self._id(f"term:{term.holder}:{term.office}", f"{holder_id}-{office_id}"),
            "office": office_id,
            "holder": holder_id,
        }
        notes: list[str] = []
        holder = names[term.holder]
        pronoun_notes = [
            finding.holder.note
            for finding in parts
            if finding.holder.mark is Mark.PRONOUN and finding.holder.note and finding.holder.ref == term.holder
        ]
        notes.append(f"Holder: {self._described(holder)}." + (f" {pronoun_notes[0]}." if pronoun_notes else ""))
        written = next((finding.office.text for finding in parts if finding.office is not None), None)
        notes.append(f"Office: {self._office_described(term.office, written)}.")
        if term.start is not None:
            values["start"] = term.start.written
            notes.append(f"Start: {term.start.note}{self._elsewhere(term.start, sentence)}.")
        else:
            notes.append("Start: not in the article.")
        if term.end is not None:
            values["end"] = term.end.written
            notes.append(f"End: {term.end.note}{self._elsewhere(term.end, sentence)}.")
        else:
            notes.append("End: not in the article.")
        if term.replaces is not None:
            values["replaces"] = self._entity_id(term.replaces)
            assert term.replaces_finding is not None
            notes.append(f"Replaces: '{self._said(term.replaces_finding)}'.")
        if term.modality is not Modality.STATED:
            values["modality"] = term.modality.value
            notes.append(f"Modality: {term.modality.value} ('{term.modality_cue}').")
        vias = list(dict.fromkeys(self._entity_id(mention.ref) for mention in via(sentence)))
        if vias:
            values["via"] = vias
            notes.append("Via: the sentence cites " + ", ".join(vias) + ".")
        values["source"] = self.article.id
        values["quote"] = quote
        values["note"] = "\n".join(notes)
        return Candidate(kind=Kind.TERM, values=values, sentence=sentence.text, start=start)

    def _elsewhere(self, value: Value, sentence: Sentence) -> str:
        if value.finding is None or value.finding.sentence is sentence or value.rank < 2:
            return ""
        return f" (sentence {value.finding.sentence.number}: '{self._said(value.finding)}')"

    def _described(self, entity: Entity) -> str:
        if entity.known is not None:
            typo = f"; '{entity.typo[0]}' matched it despite the spelling ({entity.typo[1]:.0f})" if entity.typo else ""
            return f"{entity.name} ({entity.known.id}, in the fact base{typo})"
        return f"{entity.name} (new, proposed above)"

    def _office_described(self, key: str, said: str | None) -> str:
        office = self.reading.offices[key]
        written = f"'{said}'" if said is not None else "as the sentence implies"
        if office.known is not None:
            close = f"; a title {office.score:.0f}% alike" if office.score < 100 else ""
            return f"{written}: {office.known.name} ({office.known.id}, in the fact base{close})"
        return f"{written}: {self._office_name(key)} (new, proposed above)"

    def _office_candidates(self, wanted: set[str]) -> list[Candidate]:
        found: list[Candidate] = []
        for office in sorted(self.reading.offices.values(), key=lambda office: office.first):
            if office.key not in wanted or office.known is not None:
                continue
            org = self.reading.entities[office.org]
            name = self._office_name(office.key)
            aliases = [form for form in office.forms if form.lower() != name.lower() and org.name in form]
            notes = [f"New: no office of {org.name} titled '{office.title}' is in the fact base."]
            if office.found:
                notes.append(f"Org: {office.found}.")
            else:
                notes.append(f"Org: named in the phrase ('{office.forms[0]}').")
            values: dict[str, str | list[str]] = {"id": self._entity_id(office.key), "name": name}
            if aliases:
                values["aliases"] = aliases
            values["org"] = self._entity_id(office.org)
            values["note"] = "\n".join(notes)
            found.append(
                Candidate(kind=Kind.OFFICE, values=values, sentence=self._sentence_at(office.first), start=office.first)
            )
        return found

    def _entity_candidates(self, wanted: set[str]) -> list[Candidate]:
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
        for sentence in self.reading.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence.text
        return ""


def _event_slug(title: str) -> str:
    words = re.split(r"\s+as\s+|,", title)[0].split()
    return slug(" ".join(words[:6])) or "event"
