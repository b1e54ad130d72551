"""From what was read to candidate records: terms merged from every phrase about one holding, their dates
resolved against the publication day, the events of dated sentences, new entities and offices with ids
that the fact base does not use, and a note on every value saying how it was found.

How values rank when several phrases give them (the stronger wins, the first of equals):
a start the text dates (3) over a bound (`..DAY`, 1); an end the text dates (4) over the start of the one
who replaces the holder (3), over "former" or a past tense (`..DAY`, 2), over an open end (`..`, 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newskb.dates import OPEN, Edtf, Relation
from newskb.draft import when
from newskb.draft.lexicon import REPORTING_VERBS, VERB_TITLES
from newskb.draft.names import KnownEntity, slug
from newskb.draft.offices import office_name
from newskb.draft.phrases import Finding, Rule, findings, via
from newskb.draft.reading import Entity, Mark, Mention, Office, Reading, Sentence, org_for_noun, person_for, read
from newskb.kinds import Kind, Modality
from newskb.passage import locate


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """The article to draft: its source id, publication date and text."""

    id: str
    published: Edtf
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Known:
    """What the fact base already holds: its entities, and every id it uses (a new id must not be one)."""

    entities: tuple[KnownEntity, ...]
    taken: frozenset[str]


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """One candidate record: its kind, its keys in the order the kind declares them, and its sentence."""

    kind: Kind
    values: dict[str, str | list[str]]
    sentence: str
    start: int  # where it is first told, to keep the draft in article order


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    """Everything `newskb draft` proposes for one article, in the order it is written out."""

    source: str
    published: str
    known: list[tuple[str, str, list[str], str]]  # id, kind, forms written, a typo note
    entities: list[Candidate]
    offices: list[Candidate]
    terms: list[Candidate]
    events: list[Candidate]
    others: list[tuple[str, str]]  # new names not proposed (no candidate needs them), with a kind
    uncovered: list[tuple[int, str]]
    dropped: list[str] = field(default_factory=list)  # candidates whose quote was not verbatim


@dataclass(slots=True)
class _Value:
    written: str
    rank: int
    note: str
    finding: Finding | None = None


@dataclass(slots=True)
class _Term:
    holder: str
    office: str
    findings: list[Finding] = field(default_factory=list)
    start: _Value | None = None
    end: _Value | None = None
    replaces: str | None = None
    replaces_finding: Finding | None = None
    successor_of: list[tuple[str, Finding]] = field(default_factory=list)  # (the one it was replaced by, how)
    modality: Modality = Modality.STATED
    modality_cue: str = ""


_REPORTED = re.compile(r"\b(?:" + "|".join(sorted(REPORTING_VERBS)) + r")\s*$")
_PERFECT = re.compile(r"\b(?:has|have)\b")
_HEDGED = re.compile(r"\b(?:may|might|could|potential|possible|possibly)\b", re.IGNORECASE)
_RELATIONS = (Rule.REPLACING, Rule.SUCCEEDS, Rule.PREDECESSOR, Rule.SUCCESSOR)
_NAMED = (Mark.PERSON, Mark.ORGANIZATION, Mark.COUNTRY, Mark.PRONOUN)
# A verb of saying that opens the clause of what was said: "said Drask would ...", "announced that ...".
_SAYING = re.compile(r"\b(?:said|says|told|added|stated|wrote|(?:announced|reported|confirmed)\s+that)\b(?:\s+that\b)?")
# Verbs that give a view of what may come: such a sentence is a claim, however dated.
_VIEW = re.compile(r"\b(?:expects?|expected|forecasts?|predicts?|hopes?|believes?|fears?)\b")


def draft(article: Article, known: Known) -> Draft:
    """Candidate records for an article: read it, find the phrases, assemble the terms and events."""
    reading = read(article.text, known.entities)
    found: list[Finding] = []
    seen: set[tuple[Rule, int, int]] = set()
    for sentence in reading.sentences:
        for finding in findings(sentence):
            if (finding.rule, finding.start, finding.end) not in seen:
                seen.add((finding.rule, finding.start, finding.end))
                found.append(finding)
    builder = _Builder(article, known, reading)
    builder.terms(found)
    builder.events(found)
    return builder.result()


class _Builder:
    def __init__(self, article: Article, known: Known, reading: Reading) -> None:
        self.article = article
        self.known = known
        self.reading = reading
        self.published = article.published
        self.by_key: dict[tuple[str, str], _Term] = {}
        self.relations: list[tuple[str, str, str, Finding]] = []  # (successor, predecessor, office, finding)
        self.event_items: list[tuple[int, str, str, dict[str, str | list[str]], str, list[str]]] = []
        self.ids: dict[str, str] = {}
        self.used_ids: set[str] = set(known.taken)

    # --- Terms ------------------------------------------------------------------------------------

    def terms(self, found: list[Finding]) -> None:
        explicit = [finding for finding in found if finding.office is not None and finding.rule not in _RELATIONS]
        for finding in explicit:
            self._term(self._person(finding.holder), finding.office.ref if finding.office else "").findings.append(
                finding
            )
        for finding in found:
            if finding.rule in _RELATIONS:
                self._relation(finding, found)
        pending = [finding for finding in found if finding.office is None and finding.rule not in _RELATIONS]
        for _ in range(2):  # an office found for one phrase may place another of the same holder
            left = []
            for finding in pending:
                office = self._office_for(finding)
                if office is None:
                    left.append(finding)
                else:
                    self._term(self._person(finding.holder), office).findings.append(finding)
            pending = left
        for term in self.by_key.values():
            self._values(term)
        for successor, predecessor, office, finding in self.relations:
            self._derive_end(successor, predecessor, office, finding)
        for term in self.by_key.values():
            self._lengths(term)

    def _person(self, mention: Mention) -> str:
        return mention.ref

    def _term(self, holder: str, office: str) -> _Term:
        key = (holder, office)
        if key not in self.by_key:
            self.by_key[key] = _Term(holder=holder, office=office)
        return self.by_key[key]

    def _relation(self, finding: Finding, found: list[Finding]) -> None:
        """Who replaces whom, in which office: "replacing Y", "X succeeds Y", "her predecessor, Y"."""
        sentence = finding.sentence
        position = self.reading.sentences.index(sentence)
        office: str | None = finding.office.ref if finding.office is not None else None
        if finding.rule is Rule.REPLACING:
            before = [
                other
                for other in found
                if other.sentence is sentence
                and other.rule in (Rule.START, Rule.APPOINTED, Rule.SUCCEEDS)
                and other.end <= finding.start
                and other.office is not None
            ]
            if not before:
                return
            main = before[-1]
            successor, predecessor = main.holder.ref, finding.holder.ref
            office = main.office.ref if main.office is not None else None
        elif finding.rule in (Rule.PREDECESSOR, Rule.SUCCESSOR):
            person, _ = person_for(self.reading.sentences, position, finding.start, finding.cue, self.reading.entities)
            if person is None:
                return
            if finding.rule is Rule.PREDECESSOR:
                successor, predecessor = person.ref, finding.holder.ref
            else:
                successor, predecessor = finding.holder.ref, person.ref
        else:  # SUCCEEDS: the holder succeeds the other
            if finding.other is None:
                return
            successor, predecessor = finding.holder.ref, finding.other.ref
        if office is None:
            office = self._nearest_office(successor, position) or self._nearest_office(predecessor, position)
        if office is None or successor == predecessor:
            return
        term = self._term(successor, office)
        if term.replaces is None:
            term.replaces, term.replaces_finding = predecessor, finding
        term.findings.append(finding)
        previous = self._term(predecessor, office)
        previous.successor_of.append((successor, finding))
        previous.findings.append(finding)
        self.relations.append((successor, predecessor, office, finding))

    def _nearest_office(self, holder: str, position: int) -> str | None:
        """The office of the holder's term told nearest this sentence: a term still open (a start, a title)
        before one that ended; the same sentence first, then the ones before it, then after it."""
        best: tuple[int, int, int, str] | None = None
        for (who, office), term in self.by_key.items():
            if who != holder:
                continue
            for finding in term.findings:
                if finding.rule in _RELATIONS:
                    continue
                distance = self.reading.sentences.index(finding.sentence) - position
                ended = int(finding.rule not in (Rule.START, Rule.APPOINTED, Rule.TITLE, Rule.SINCE))
                side = 0 if distance == 0 else 1 if distance < 0 else 2
                rank = (ended, side, abs(distance), office)
                if best is None or rank < best:
                    best = rank
        return best[3] if best is not None else None

    def _office_for(self, finding: Finding) -> str | None:
        """The office a phrase that names none is about ("who had held the post", "left the club")."""
        holder = finding.holder.ref
        position = self.reading.sentences.index(finding.sentence)
        for _, predecessor, office, relation in self.relations:
            if predecessor == holder and relation.sentence is finding.sentence:
                return office
        org = self._org_of(finding)
        if org is not None:
            title = VERB_TITLES.get(finding.cue.split()[-1] if finding.cue else "")
            of_org = [office for office in self.reading.offices.values() if office.org == org]
            if title is not None:
                titled = [office for office in of_org if office.title == title]
                if titled:
                    return titled[0].key
                return self._new_office(org, title, finding)
            here = [
                office.key
                for office in of_org
                if any(mention.ref == office.key for mention in finding.sentence.mentions)
            ]
            mine = [office.key for office in of_org if (holder, office.key) in self.by_key]
            for choice in (here, mine, [office.key for office in of_org]):
                if len(set(choice)) == 1:
                    return choice[0]
        return self._nearest_office(holder, position)

    def _org_of(self, finding: Finding) -> str | None:
        if finding.org is not None:
            return finding.org.ref
        if finding.org_noun is not None and finding.org_noun not in ("post", "job", "role", "office"):
            entity = org_for_noun(self.reading.entities, finding.org_noun)
            return entity.key if entity is not None else None
        return None

    def _new_office(self, org: str, title: str, finding: Finding) -> str:
        key = f"office:{org}:{title}"
        if key not in self.reading.offices:
            self.reading.offices[key] = Office(
                key=key,
                title=title,
                org=org,
                first=finding.start,
                found=f"the title '{title}' from '{finding.cue}'",
            )
        return key

    def _values(self, term: _Term) -> None:
        for finding in term.findings:
            rule, date = finding.rule, finding.date
            if rule in (Rule.START, Rule.APPOINTED, Rule.SUCCEEDS) and term.holder == finding.holder.ref:
                if date is not None and date.mark is Mark.POINT:
                    resolved = self._point(date, finding.sentence)
                    if resolved.value is not None:
                        self._set(term, "start", _Value(str(resolved.value), 3, resolved.note, finding))
                if rule is not Rule.SUCCEEDS or date is not None:
                    self._modality(term, finding)
                self._set(term, "end", _Value(OPEN, 1, "open (..): the article knows of no end", finding))
            elif rule is Rule.SINCE and date is not None and date.expression and date.expression.first:
                resolved = self._resolve(date.expression.first, date, finding.sentence)
                if resolved.value is not None:
                    self._set(term, "start", _Value(str(resolved.value), 3, resolved.note, finding))
                if _PERFECT.search(self.article.text[finding.start : finding.end]):
                    note = f"open (..): '{finding.cue}' still holds on the publication day"
                    self._set(term, "end", _Value(OPEN, 1, note, finding))
            elif rule in (Rule.SERVED, Rule.LED) and date is not None and date.expression is not None:
                self._span(term, finding, date)
            elif rule in (Rule.FORMER, Rule.RETURN):
                bound = when.on_or_before(self.published) if self.published.is_exact else None
                if bound is not None:
                    why = (
                        f"'{finding.cue}' on the publication day"
                        if rule is Rule.FORMER
                        else "a 'return' to the office means an earlier term that had ended by publication"
                    )
                    self._set(term, "end", _Value(str(bound), 2, f"{why}, so on or before {self.published}", finding))
            elif rule is Rule.TITLE:
                self._title(term, finding)
            elif rule is Rule.END:
                self._end(term, finding)

    def _set(self, term: _Term, which: str, value: _Value) -> None:
        current: _Value | None = getattr(term, which)
        if current is None or value.rank > current.rank:
            setattr(term, which, value)

    def _modality(self, term: _Term, finding: Finding) -> None:
        """The term is as sure as the phrases that start it: one that announces it makes it announced."""
        if finding.modality is not Modality.STATED or not term.modality_cue:
            term.modality, term.modality_cue = finding.modality, finding.cue

    def _point(self, date: Mention, sentence: Sentence) -> when.Resolved:
        assert date.expression is not None and date.expression.first is not None
        return self._resolve(date.expression.first, date, sentence)

    def _resolve(self, written: when.Written, date: Mention, sentence: Sentence) -> when.Resolved:
        tense = when.tense_at(sentence.text, date.start - sentence.start)
        return when.resolve(written, date.text, self.published, tense)

    def _span(self, term: _Term, finding: Finding, date: Mention) -> None:
        expression = date.expression
        assert expression is not None and expression.first is not None
        first = self._resolve(expression.first, date, finding.sentence)
        if expression.shape is when.Shape.UNTIL:
            if first.value is not None:
                self._set(term, "end", _Value(str(first.value), 4, first.note, finding))
            return
        if first.value is not None:
            self._set(term, "start", _Value(str(first.value), 3, first.note, finding))
        if expression.shape is when.Shape.RANGE and expression.second is not None:
            second = when.resolve(expression.second, expression.text, self.published, (when.Tense.BACK, ""))
            if second.value is not None:
                note = f"'{expression.text}' ends in {second.value}, the first day out of office falling in it"
                self._set(term, "end", _Value(str(second.value), 4, note, finding))
        elif expression.shape is when.Shape.SINCE and expression.text.lower().startswith("since"):
            self._set(
                term, "end", _Value(OPEN, 1, "open (..): held 'since' then, as far as the article knows", finding)
            )

    def _title(self, term: _Term, finding: Finding) -> None:
        """A title before a name: held on the day of the sentence; still held if the sentence reports what
        the holder says ("Prime Minister Henrik Vale said"), else the article does not say."""
        sentence = finding.sentence
        day, how = self.published, "the publication day"
        for mention in sentence.mentions:
            before = self.article.text[sentence.start : mention.start]
            if mention.mark is Mark.POINT and _REPORTED.search(before) and mention.expression is not None:
                resolved = self._point(mention, sentence)
                if resolved.value is not None and resolved.value.is_exact:
                    day, how = resolved.value, f"the day of '{mention.text.strip()}' ({resolved.note})"
                    break
        if not day.is_exact:
            return
        bound = when.on_or_before(day)
        note = f"on or before {how}: the article names the holder with the title then, not since when"
        self._set(term, "start", _Value(str(bound), 1, note, finding))
        words = {word.lower() for word in re.findall(r"[A-Za-z]+", sentence.text)}
        if words & REPORTING_VERBS:
            self._set(term, "end", _Value(OPEN, 1, "open (..): the holder speaks with the title in this news", finding))

    def _end(self, term: _Term, finding: Finding) -> None:
        date = finding.date
        sentence = finding.sentence
        if date is not None and date.expression is not None and date.expression.first is not None:
            resolved = self._resolve(date.expression.first, date, sentence)
            if resolved.value is not None:
                ahead = (
                    " (announced)"
                    if when.tense_at(sentence.text, date.start - sentence.start)[0] is when.Tense.AHEAD
                    else ""
                )
                self._set(
                    term, "end", _Value(str(resolved.value), 4, f"'{finding.cue}'{ahead}: {resolved.note}", finding)
                )
                return
        tense, _ = when.tense_at(sentence.text, finding.holder.end - sentence.start)
        if tense is when.Tense.BACK and self.published.is_exact:
            bound = when.on_or_before(self.published)
            note = f"'{finding.cue}', told in the past tense on {self.published}, gives no date: on or before it"
            self._set(term, "end", _Value(str(bound), 2, note, finding))

    def _derive_end(self, successor: str, predecessor: str, office: str, finding: Finding) -> None:
        """The one replaced leaves office the day the one replacing them takes it."""
        taking = self.by_key.get((successor, office))
        leaving = self.by_key.get((predecessor, office))
        if taking is None or leaving is None or taking.start is None or taking.start.rank < 3:
            return
        if taking.start.written.startswith(OPEN):
            return
        names = self.reading.entities
        note = (
            f"the day {names[successor].name} takes office ({taking.start.written}), replacing "
            f"{names[predecessor].name} ('{self._said(finding)}')"
        )
        self._set(leaving, "end", _Value(taking.start.written, 3, note, finding))

    def _said(self, finding: Finding) -> str:
        return " ".join(self.article.text[finding.start : finding.end].split())

    def _lengths(self, term: _Term) -> None:
        for finding in term.findings:
            if finding.rule is not Rule.LENGTH or finding.date is None or finding.date.expression is None:
                continue
            expression = finding.date.expression
            assert expression.length is not None and expression.length_unit is not None
            anchor, how = self.published, "the publication day"
            for successor, relation in term.successor_of:
                taking = self.by_key.get((successor, term.office))
                started = taking.start if taking is not None else None
                if relation.sentence is finding.sentence and started is not None and _dated(started):
                    anchor = _parse(started.written)
                    how = f"the day {self.reading.entities[successor].name} takes over"
                    break
            else:
                if term.end is not None and term.end.rank >= 3:
                    anchor, how = _parse(term.end.written), "the end of the term"
            resolved = when.count_back(expression.length, expression.length_unit, expression.text, anchor, how)
            if resolved.value is not None:
                self._set(term, "start", _Value(str(resolved.value), 3, resolved.note, finding))

    # --- Events -----------------------------------------------------------------------------------

    def events(self, found: list[Finding]) -> None:
        used: set[int] = set()
        for (holder, _), term in self.by_key.items():
            for finding in term.findings:
                date = finding.date
                if date is None or date.mark is not Mark.POINT or finding.holder.ref != holder:
                    continue
                used.add(date.start)
                if finding.rule in (Rule.START, Rule.APPOINTED) and term.start is not None:
                    if self._primary(term) is not finding:
                        continue
                    self._term_event(term, finding, "start")
                elif finding.rule is Rule.END and term.end is not None and term.end.finding is finding:
                    self._term_event(term, finding, "end")
        for finding in found:
            if finding.date is not None:
                used.add(finding.date.start)
        for sentence in self.reading.sentences:
            for mention in sentence.mentions:
                if mention.mark is not Mark.POINT or mention.start in used:
                    continue
                before = self.article.text[sentence.start : mention.start]
                if _REPORTED.search(before):
                    continue  # "the government said on Monday": when it was said, not a happening
                self._plain_event(sentence, mention)

    def _term_event(self, term: _Term, finding: Finding, which: str) -> None:
        value = term.start if which == "start" else term.end
        assert value is not None
        names = self.reading.entities
        holder = names[term.holder].name
        office = self._office_name(term.office)
        words = finding.cue.split()
        if which == "start":
            if "sworn" in words:
                phrase = "is sworn in as"
            elif "office" in words:
                phrase = "takes office as"
            elif "over" in words:
                phrase = "takes over as"
            else:
                phrase = next((_START_PHRASES[word] for word in reversed(words) if word in _START_PHRASES), "")
                phrase = phrase or "takes office as"
            title = f"{holder} {phrase} {office}"
            told = term.replaces_finding
            if term.replaces is not None and told is not None and told.sentence is finding.sentence:
                title += f", {'succeeding' if 'succeed' in told.cue else 'replacing'} {names[term.replaces].name}"
        else:
            phrase = "steps down as" if "down" in words else _END_PHRASES.get(words[-1] if words else "", "")
            title = f"{holder} {phrase or 'leaves office as'} {office}"
        involves = [term.holder]
        told = term.replaces_finding
        if term.replaces is not None and told is not None and told.sentence is finding.sentence:
            involves.append(term.replaces)
        involves.append(term.office)
        org = self.reading.offices[term.office].org if term.office in self.reading.offices else ""
        if org:
            involves.append(org)
        modality = term.modality if which == "start" else Modality.STATED
        if which == "end" and "will" in finding.cue:
            modality = Modality.ANNOUNCED
        note = f"Date: {value.note}."
        if modality is not Modality.STATED:
            note += f"\nModality: {modality.value} ('{finding.cue}')."
        self._add_event(finding.sentence, value.written, title, involves, modality, note)

    def _plain_event(self, sentence: Sentence, mention: Mention) -> None:
        resolved = self._point(mention, sentence)
        if resolved.value is None:
            return
        clause_start = self._clause_start(sentence, mention)
        clause = self.article.text[clause_start : mention.start]
        if _VIEW.search(clause):
            return  # "expects inflation to ease this year": a view of what may come, a claim, not an event
        title = self._clause_title(sentence, mention, clause_start)
        if not title:
            return
        involves: list[str] = []
        said_by: list[str] = []
        cited = {cited.ref for cited in via(sentence)}
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
        if _HEDGED.search(sentence.text):
            modality = Modality.POSSIBLE
            notes.append("Modality: possible (hedged).")
        elif resolved.value.earliest_day > self.published.latest_day:
            modality = Modality.ANNOUNCED
            notes.append(f"Modality: announced (after the publication date, {self.published}).")
        if said_by:
            notes.append("Said by: whoever the sentence reports, before its verb of saying.")
        notes.append("Title: drafted from the sentence; reword it.")
        self._add_event(sentence, str(resolved.value), title, involves, modality, "\n".join(notes), said_by)

    def _clause_start(self, sentence: Sentence, date: Mention) -> int:
        """Where the clause holding the date starts: after a verb of saying ("said Drask would ..."), else
        at the sentence's start."""
        start = sentence.start
        for match in _SAYING.finditer(self.article.text, sentence.start, date.start):
            start = match.end()
        return start

    def _clause_title(self, sentence: Sentence, date: Mention, clause_start: int) -> str:
        """The clause that holds the date, without the date: "The observatory reopened as a public museum"."""
        text = self.article.text
        pieces: list[str] = []
        position = clause_start
        for mention in sentence.mentions:
            if mention.end <= clause_start:
                continue
            pieces.append(text[position : mention.start])
            if mention is date:
                pieces.append("")
            elif mention.mark in (Mark.PERSON, Mark.PRONOUN) and mention.ref in self.reading.entities:
                pieces.append(self.reading.entities[mention.ref].name)
            else:
                pieces.append(text[mention.start : mention.end])
            position = mention.end
        pieces.append(text[position : sentence.end])
        title = "".join(pieces)
        title = re.sub(r",\s+(?:a|an|the|who|which|\d+)\b[^,]*,", "", title)  # appositions
        title = re.sub(r",.*$", "", title) if title.find(",") > 0 else title
        title = " ".join(title.split()).strip(" .,;:\u201c\u201d\"'")
        return title[:1].upper() + title[1:]

    def _add_event(
        self,
        sentence: Sentence,
        date: str,
        title: str,
        involves: list[str],
        modality: Modality,
        note: str,
        said_by: list[str] | None = None,
    ) -> None:
        unique = list(dict.fromkeys(involves))
        for index, (_, other_date, _, _, _, other_involves) in enumerate(self.event_items):
            if other_date == date and other_involves[:1] == unique[:1]:
                if len(unique) > len(other_involves):
                    self.event_items.pop(index)
                    break
                return
        values: dict[str, str | list[str]] = {"date": date, "title": title}
        if modality is not Modality.STATED:
            values["modality"] = modality.value
        if said_by:
            values["said_by"] = list(dict.fromkeys(said_by))
        self.event_items.append((sentence.start, date, title, values, note, unique))

    # --- Output -----------------------------------------------------------------------------------

    def _office_name(self, key: str) -> str:
        office = self.reading.offices.get(key)
        if office is None:
            return key
        if office.known is not None:
            return office.known.name
        org = self.reading.entities[office.org]
        return office_name(office.title, org.name, org.with_the)

    def _id(self, key: str, wanted: str) -> str:
        if key in self.ids:
            return self.ids[key]
        base = wanted or "record"
        candidate, number = base, 2
        while candidate in self.used_ids:
            candidate, number = f"{base}-{number}", number + 1
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

    def _in_order(self) -> list[_Term]:
        """The terms in the order the article tells them, except that the one a term replaces comes first:
        `accept` adds them one by one, and a `replaces` must name a holder already in the office."""
        told = sorted(
            (term for term in self.by_key.values() if term.findings),
            key=lambda term: (self._primary(term).start, term.holder, term.office),
        )
        placed: list[_Term] = []
        done: set[int] = set()

        def place(term: _Term, visiting: set[int]) -> None:
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

    def _primary(self, term: _Term) -> Finding:
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
            rivals = [finding for finding in rivals if self._same_start(finding, term)]
            if rivals:
                return max(rivals, key=lambda finding: (count[id(finding.sentence)], -finding.start))
        return giving[0] if giving else term.findings[0]

    def _same_start(self, finding: Finding, term: _Term) -> bool:
        if finding.date is None or finding.date.mark is not Mark.POINT or term.start is None:
            return finding is (term.start.finding if term.start else None)
        resolved = self._point(finding.date, finding.sentence)
        return resolved.value is not None and str(resolved.value) == term.start.written

    def _term_candidate(self, term: _Term) -> Candidate | None:
        primary = self._primary(term)
        sentence = primary.sentence
        told = term.start.finding if term.start is not None else None
        retold = primary.date is not None and primary.date.mark is Mark.POINT and self._same_start(primary, term)
        if term.start is not None and told is not primary and primary.date is not None and retold:
            # The same start told in the sentence quoted: say it as that sentence does.
            note = self._point(primary.date, sentence).note
            if told is not None:
                note += f" (also told in sentence {told.sentence.number}: '{self._said(told)}')"
            term.start = _Value(term.start.written, term.start.rank, note, primary)
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

    def _elsewhere(self, value: _Value, sentence: Sentence) -> str:
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


def _event_slug(title: str) -> str:
    words = re.split(r"\s+as\s+|,", title)[0].split()
    return slug(" ".join(words[:6])) or "event"


def _dated(value: _Value) -> bool:
    """A value the text dates (not a bound like `..DAY` nor an open end)."""
    return value.rank >= 3 and not value.written.startswith(OPEN)


def _parse(written: str) -> Edtf:
    from newskb.dates import parse

    value = parse(written)
    return Edtf(year=value.year, month=value.month, day=value.day, relation=Relation.ON)
