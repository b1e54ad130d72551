"""Terms from findings: every phrase about one holding merged into one term, the office of a phrase that
names none found from the others, and its start and end resolved against the publication day.

How values rank when several phrases give them (the stronger wins, the first of equals):
a start the text dates (3) over a bound (`..DAY`, 1); an end the text dates (4) over the start of the one
who replaces the holder (3), over "former" or a past tense (`..DAY`, 2), over an open end (`..`, 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newskb.dates import OPEN, Edtf, Relation
from newskb.draft import when
from newskb.draft.findings import Finding, Rule
from newskb.draft.lexicon import REPORTING_VERBS, VERB_TITLES
from newskb.draft.mentions import Mark, Mention, Sentence
from newskb.draft.offices import office_name
from newskb.draft.orgs import Office, org_for_noun
from newskb.draft.reading import Reading, person_for
from newskb.draft.records import Article, Known
from newskb.kinds import Modality


@dataclass(slots=True)
class Value:
    written: str
    rank: int
    note: str
    finding: Finding | None = None


@dataclass(slots=True)
class Term:
    holder: str
    office: str
    findings: list[Finding] = field(default_factory=list)
    start: Value | None = None
    end: Value | None = None
    replaces: str | None = None
    replaces_finding: Finding | None = None
    successor_of: list[tuple[str, Finding]] = field(default_factory=list)  # (the one it was replaced by, how)
    modality: Modality = Modality.STATED
    modality_cue: str = ""


REPORTED = re.compile(r"\b(?:" + "|".join(sorted(REPORTING_VERBS)) + r")\s*$")
_PERFECT = re.compile(r"\b(?:has|have)\b")
HEDGED = re.compile(r"\b(?:may|might|could|potential|possible|possibly)\b", re.IGNORECASE)
RELATIONS = (Rule.REPLACING, Rule.SUCCEEDS, Rule.PREDECESSOR, Rule.SUCCESSOR)


class TermBuilder:
    """Builds the terms of one article; `EventBuilder` and the output build on it."""

    def __init__(self, article: Article, known: Known, reading: Reading) -> None:
        self.article = article
        self.known = known
        self.reading = reading
        self.published = article.published
        self.by_key: dict[tuple[str, str], Term] = {}
        self.relations: list[tuple[str, str, str, Finding]] = []  # (successor, predecessor, office, finding)
        self.event_items: list[tuple[int, str, str, dict[str, str | list[str]], str, list[str]]] = []
        self.ids: dict[str, str] = {}
        self.used_ids: set[str] = set(known.taken)
        self.resolved: dict[int, when.Resolved] = {}  # a point date's resolution, by its mention

    # --- Terms ------------------------------------------------------------------------------------

    def terms(self, found: list[Finding]) -> None:
        explicit = [finding for finding in found if finding.office is not None and finding.rule not in RELATIONS]
        for finding in explicit:
            self._term(self._person(finding.holder), finding.office.ref if finding.office else "").findings.append(
                finding
            )
        for finding in found:
            if finding.rule in RELATIONS:
                self._relation(finding, found)
        pending = [finding for finding in found if finding.office is None and finding.rule not in RELATIONS]
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

    def _term(self, holder: str, office: str) -> Term:
        key = (holder, office)
        if key not in self.by_key:
            self.by_key[key] = Term(holder=holder, office=office)
        return self.by_key[key]

    def _relation(self, finding: Finding, found: list[Finding]) -> None:
        """Who replaces whom, in which office: "replacing Y", "X succeeds Y", "her predecessor, Y"."""
        sentence = finding.sentence
        position = sentence.number - 1
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
                if finding.rule in RELATIONS:
                    continue
                distance = finding.sentence.number - 1 - position
                ended = int(finding.rule not in (Rule.START, Rule.APPOINTED, Rule.TITLE, Rule.SINCE))
                side = 0 if distance == 0 else 1 if distance < 0 else 2
                rank = (ended, side, abs(distance), office)
                if best is None or rank < best:
                    best = rank
        return best[3] if best is not None else None

    def _office_for(self, finding: Finding) -> str | None:
        """The office a phrase that names none is about ("who had held the post", "left the club")."""
        holder = finding.holder.ref
        position = finding.sentence.number - 1
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

    def _values(self, term: Term) -> None:
        for finding in term.findings:
            rule, date = finding.rule, finding.date
            if rule in (Rule.START, Rule.APPOINTED, Rule.SUCCEEDS) and term.holder == finding.holder.ref:
                if date is not None and date.mark is Mark.POINT:
                    resolved = self._point(date, finding.sentence)
                    if resolved.value is not None:
                        self._set(term, "start", Value(str(resolved.value), 3, resolved.note, finding))
                if rule is not Rule.SUCCEEDS or date is not None:
                    self._modality(term, finding)
                self._set(term, "end", Value(OPEN, 1, "open (..): the article knows of no end", finding))
            elif rule is Rule.SINCE and date is not None and date.expression and date.expression.first:
                resolved = self._resolve(date.expression.first, date, finding.sentence)
                if resolved.value is not None:
                    self._set(term, "start", Value(str(resolved.value), 3, resolved.note, finding))
                if _PERFECT.search(self.article.text[finding.start : finding.end]):
                    note = f"open (..): '{finding.cue}' still holds on the publication day"
                    self._set(term, "end", Value(OPEN, 1, note, finding))
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
                    self._set(term, "end", Value(str(bound), 2, f"{why}, so on or before {self.published}", finding))
            elif rule is Rule.TITLE:
                self._title(term, finding)
            elif rule is Rule.END:
                self._end(term, finding)

    def _set(self, term: Term, which: str, value: Value) -> None:
        current: Value | None = getattr(term, which)
        if current is None or value.rank > current.rank:
            setattr(term, which, value)

    def _modality(self, term: Term, finding: Finding) -> None:
        """The term is as sure as the phrases that start it: one that announces it makes it announced."""
        if finding.modality is not Modality.STATED or not term.modality_cue:
            term.modality, term.modality_cue = finding.modality, finding.cue

    def _point(self, date: Mention, sentence: Sentence) -> when.Resolved:
        assert date.expression is not None and date.expression.first is not None
        resolved = self.resolved.get(id(date))
        if resolved is None:
            resolved = self.resolved[id(date)] = self._resolve(date.expression.first, date, sentence)
        return resolved

    def _resolve(self, written: when.Written, date: Mention, sentence: Sentence) -> when.Resolved:
        tense = when.tense_at(sentence.text, date.start - sentence.start)
        return when.resolve(written, date.text, self.published, tense)

    def _span(self, term: Term, finding: Finding, date: Mention) -> None:
        expression = date.expression
        assert expression is not None and expression.first is not None
        first = self._resolve(expression.first, date, finding.sentence)
        if expression.shape is when.Shape.UNTIL:
            if first.value is not None:
                self._set(term, "end", Value(str(first.value), 4, first.note, finding))
            return
        if first.value is not None:
            self._set(term, "start", Value(str(first.value), 3, first.note, finding))
        if expression.shape is when.Shape.RANGE and expression.second is not None:
            second = when.resolve(expression.second, expression.text, self.published, (when.Tense.BACK, ""))
            if second.value is not None:
                note = f"'{expression.text}' ends in {second.value}, the first day out of office falling in it"
                self._set(term, "end", Value(str(second.value), 4, note, finding))
        elif expression.shape is when.Shape.SINCE and expression.text.lower().startswith("since"):
            self._set(term, "end", Value(OPEN, 1, "open (..): held 'since' then, as far as the article knows", finding))

    def _title(self, term: Term, finding: Finding) -> None:
        """A title before a name: held on the day of the sentence; still held if the sentence reports what
        the holder says ("Prime Minister Henrik Vale said"), else the article does not say."""
        sentence = finding.sentence
        day, how = self.published, "the publication day"
        for mention in sentence.mentions:
            before = self.article.text[sentence.start : mention.start]
            if mention.mark is Mark.POINT and REPORTED.search(before) and mention.expression is not None:
                resolved = self._point(mention, sentence)
                if resolved.value is not None and resolved.value.is_exact:
                    day, how = resolved.value, f"the day of '{mention.text.strip()}' ({resolved.note})"
                    break
        if not day.is_exact:
            return
        bound = when.on_or_before(day)
        note = f"on or before {how}: the article names the holder with the title then, not since when"
        self._set(term, "start", Value(str(bound), 1, note, finding))
        words = {word.lower() for word in re.findall(r"[A-Za-z]+", sentence.text)}
        if words & REPORTING_VERBS:
            self._set(term, "end", Value(OPEN, 1, "open (..): the holder speaks with the title in this news", finding))

    def _end(self, term: Term, finding: Finding) -> None:
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
                    term, "end", Value(str(resolved.value), 4, f"'{finding.cue}'{ahead}: {resolved.note}", finding)
                )
                return
        tense, _ = when.tense_at(sentence.text, finding.holder.end - sentence.start)
        if tense is when.Tense.BACK and self.published.is_exact:
            bound = when.on_or_before(self.published)
            note = f"'{finding.cue}', told in the past tense on {self.published}, gives no date: on or before it"
            self._set(term, "end", Value(str(bound), 2, note, finding))

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
        self._set(leaving, "end", Value(taking.start.written, 3, note, finding))

    def _said(self, finding: Finding) -> str:
        return " ".join(self.article.text[finding.start : finding.end].split())

    def _lengths(self, term: Term) -> None:
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
                self._set(term, "start", Value(str(resolved.value), 3, resolved.note, finding))

    def _primary(self, term: Term) -> Finding:
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

    def _same_start(self, finding: Finding, term: Term) -> bool:
        if finding.date is None or finding.date.mark is not Mark.POINT or term.start is None:
            return finding is (term.start.finding if term.start else None)
        resolved = self._point(finding.date, finding.sentence)
        return resolved.value is not None and str(resolved.value) == term.start.written

    def _office_name(self, key: str) -> str:
        office = self.reading.offices.get(key)
        if office is None:
            return key
        if office.known is not None:
            return office.known.name
        org = self.reading.entities[office.org]
        return office_name(office.title, org.name, org.with_the)


def _dated(value: Value) -> bool:
    """A value the text dates (not a bound like `..DAY` nor an open end)."""
    return value.rank >= 3 and not value.written.startswith(OPEN)


def _parse(written: str) -> Edtf:
    from newskb.dates import parse

    value = parse(written)
    return Edtf(year=value.year, month=value.month, day=value.day, relation=Relation.ON)
