"""Events from a drafted article: a term's dated start or end, and any other sentence that reports a
happening on a date the article gives (not the day something was said, nor a view of what may come)."""

from __future__ import annotations

import re

from newskb.draft.findings import LONGEST_SENTENCE, Finding, Rule, via
from newskb.draft.mentions import Mark, Mention, Sentence
from newskb.draft.terms import HEDGED, REPORTED, Term, TermBuilder
from newskb.kinds import Modality

# A verb of saying that opens the clause of what was said: "said Drask would ...", "announced that ...".
_SAYING = re.compile(r"\b(?:said|says|told|added|stated|wrote|(?:announced|reported|confirmed)\s+that)\b(?:\s+that\b)?")


# Verbs that give a view of what may come: such a sentence is a claim, however dated.
_VIEW = re.compile(r"\b(?:expects?|expected|forecasts?|predicts?|hopes?|believes?|fears?)\b")


_NAMED = (Mark.PERSON, Mark.ORGANIZATION, Mark.COUNTRY, Mark.PRONOUN)


class EventBuilder(TermBuilder):
    """Adds the events of an article to its terms."""

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
            if len(sentence.text) > LONGEST_SENTENCE:
                continue  # not prose: left to the curator
            for mention in sentence.mentions:
                if mention.mark is not Mark.POINT or mention.start in used:
                    continue
                before = self.article.text[sentence.start : mention.start]
                if REPORTED.search(before):
                    continue  # "the government said on Monday": when it was said, not a happening
                self._plain_event(sentence, mention)

    def _term_event(self, term: Term, finding: Finding, which: str) -> None:
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
        if HEDGED.search(sentence.text):
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
