"""Part of stage 5 of the reader: each holding's term, its start and end resolved against the publication
day, and how sure the article is of it.

In: the holdings (holdings.py) and the article. Out: `Terms`, one frozen `Term` a holding, with every value
and a note saying how it was found.

How values rank when several phrases give them (the stronger wins, the first of equals):
a start the text dates (3) over a bound (`..DAY`, 1); an end the text dates (4) over the start of the one
who replaces the holder (3), over "former" or a past tense (`..DAY`, 2), over an open end (`..`, 1).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from newskb.common.dates import OPEN, Edtf
from newskb.common.dates import Relation as DateRelation
from newskb.common.kinds import Modality
from newskb.draft import reckoning, resolution, when
from newskb.draft.findings import Finding, Rule
from newskb.draft.handovers import Dating, Value, derive_end, derive_start, derive_vacancy
from newskb.draft.holdings import Holding, Holdings, Relation
from newskb.draft.lexicon import REPORTING_VERBS
from newskb.draft.mentions import Mark, Mention, Mentions, Office, Reading
from newskb.draft.phrases import NOMINATED
from newskb.draft.tense import Tense, tense_at

# The marks of a date mention; and how many days before publication a day is still this news.
_DATED = (Mark.POINT, Mark.SINCE, Mark.RANGE, Mark.UNTIL, Mark.LENGTH)
_NEWS_DAYS = 31
# Verbs of acting in office ("thanked", "appointed"): a titled holder who does so is still in office.
_ACTS = frozenset(
    ("thanked", "welcomed", "congratulated", "praised", "called", "accepted", "appointed", "named", "ordered")
)
_EFFECTIVE = re.compile(r"\beffective\s*$")
# A day a change takes effect from: "appointed X as chief executive from Sept. 2", "beginning Oct. 1".
_FROM = re.compile(r"\b(?:from|beginning|starting|as\s+of)\s*$")
_TAKING = re.compile(
    r"\b(?:sworn|office|take\s+up|takes\s+up|start|starts|took\s+over|take\s+charge|take\s+over"
    r"|succeed|succeeds|succeeded|replace|replaces|replaced)\b"
)
# An infinitive of taking office just before a day: "named X to succeed her on July 1".
_TO_TAKE = re.compile(r"\bto\s+(?:succeed|replace|take\s+over|take\s+office)\b")
# Elected again: the term goes on, and its start is the first election's.
_AGAIN = re.compile(r"\bre-?(?:elect|appoint)")
_UNTIL_SUCCESSOR = re.compile(
    r"\b(?:remain|remains|stay|stays|continue|continues)\s+(?:in\s+office|in\s+(?:the\s+)?post|on)"
    r"\s+until\s+(?:a|his|her|their)\s+(?:successor|replacement)"
)
REPORTED = re.compile(r"\b(?:" + "|".join(sorted(REPORTING_VERBS)) + r")\s*$")
_PERFECT = re.compile(r"\b(?:has|have)\b")


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    """One holding with its dates and modality."""

    holding: Holding
    start: Value | None
    end: Value | None
    modality: Modality
    modality_cue: str

    @property
    def holder(self) -> str:
        return self.holding.holder

    @property
    def office(self) -> str:
        return self.holding.office

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.holding.findings

    @property
    def replaces(self) -> str | None:
        return self.holding.replaces

    @property
    def replaces_finding(self) -> Finding | None:
        return self.holding.replaces_finding


@dataclass(frozen=True, slots=True, kw_only=True)
class Terms:
    """The terms of an article by holder and office, in the order first found, and what they rest on."""

    by_key: Mapping[tuple[str, str], Term]
    relations: tuple[Relation, ...]
    offices: Mapping[str, Office]


def build(holdings: Holdings, reading: Reading, published: Edtf) -> Terms:
    """Every holding's term, dated."""
    dating = {(one.holder, one.office): Dating() for one in holdings.holdings}
    by_key = {(one.holder, one.office): one for one in holdings.holdings}
    for key, holding in by_key.items():
        for finding in holding.findings:
            _value(dating[key], holding, finding, reading.text, published)
    for relation in holdings.relations:
        derive_end(dating, relation, reading)
        derive_start(dating, relation, by_key[(relation.successor, relation.office)], reading)
    derive_vacancy(dating, by_key)
    for holding in by_key.values():
        _lengths(dating, holding, reading, published)
    for term in dating.values():
        _no_end_before_start(term)
    return Terms(
        by_key={
            key: Term(
                holding=holding,
                start=dating[key].start,
                end=dating[key].end,
                modality=dating[key].modality,
                modality_cue=dating[key].modality_cue,
            )
            for key, holding in by_key.items()
        },
        relations=holdings.relations,
        offices=holdings.offices,
    )


def _value(term: Dating, holding: Holding, finding: Finding, text: str, published: Edtf) -> None:
    """What one finding says of its term's dates and modality."""
    rule, date = finding.rule, finding.date
    if rule in (Rule.START, Rule.APPOINTED, Rule.SUCCEEDS) and holding.holder == finding.holder.ref:
        again = _AGAIN.search(finding.cue) is not None or NOMINATED.search(finding.cue) is not None
        if date is not None and date.mark in (Mark.POINT, Mark.SINCE) and date.expression is not None and not again:
            resolved = point(date, finding.sentence, published)
            # Taking office ("sworn in", "take up the post") dates a start better than being named to it.
            rank = 4 if _TAKING.search(finding.cue) else 3
            if resolved.value is not None:
                term.set("start", Value(written=str(resolved.value), rank=rank, note=resolved.note, finding=finding))
        if rule is not Rule.SUCCEEDS or date is not None:
            _modality(term, finding)
        term.set("end", Value(written=OPEN, rank=1, note="open (..): the article knows of no end", finding=finding))
    elif rule is Rule.SINCE and date is not None and date.expression and date.expression.first:
        # "has acted as governor since 19 September and will continue": a day since which is never ahead.
        resolved = resolution.resolve(date.expression.first, date.text, published, (Tense.BACK, "since"))
        if resolved.value is not None:
            term.set("start", Value(written=str(resolved.value), rank=3, note=resolved.note, finding=finding))
        said_here = text[finding.start : finding.end]
        # "has been ... since", or an appositive with no verb ("X, prime minister since 2024,"), holds on;
        # "had held the post since" need not.
        if _PERFECT.search(said_here) or not re.search(r"\b(?:had|was|were)\b", said_here):
            note = f"open (..): '{finding.cue}' still holds on the publication day"
            term.set("end", Value(written=OPEN, rank=1, note=note, finding=finding))
    elif rule in (Rule.SERVED, Rule.LED) and date is not None and date.expression is not None:
        _span(term, finding, date, published)
    elif rule in (Rule.FORMER, Rule.RETURN):
        if published.is_exact:
            why = (
                f"'{finding.cue}' on the publication day"
                if rule is Rule.FORMER
                else "a 'return' to the office means an earlier term that had ended by publication"
            )
            bound = str(reckoning.on_or_before(published))
            term.set("end", Value(written=bound, rank=2, note=f"{why}, so on or before {published}", finding=finding))
    elif rule is Rule.TITLE:
        _title(term, finding, text, published)
    elif rule is Rule.END:
        _end(term, finding, published)


def _modality(term: Dating, finding: Finding) -> None:
    """The term is as sure as the phrases that start it: one that announces it makes it announced."""
    if finding.modality is not Modality.STATED or not term.modality_cue:
        term.modality, term.modality_cue = finding.modality, finding.cue


def point(date: Mention, sentence: Mentions, published: Edtf) -> resolution.Resolved:
    """The day (or month, or year) a point date of a sentence names."""
    assert date.expression is not None and date.expression.first is not None
    return _resolve(date.expression.first, date, sentence, published)


def _resolve(written: when.Written, date: Mention, sentence: Mentions, published: Edtf) -> resolution.Resolved:
    tense = tense_at(sentence.text, date.start - sentence.start)
    if _EFFECTIVE.search(sentence.text, 0, date.start - sentence.start):
        tense = (Tense.AHEAD, "effective")  # "appointed X, effective Sept. 1": the day it takes effect
    elif _TO_TAKE.search(sentence.text, max(0, date.start - sentence.start - 60), date.start - sentence.start):
        # "named X to succeed her on July 1": the day of taking office, ahead of the naming.
        tense = (Tense.AHEAD, "to succeed")
    elif _FROM.search(sentence.text, 0, date.start - sentence.start) or date.text.lower().startswith("from"):
        # "had appointed X as chief executive from Sept. 2": the day it takes effect, which the verb's tense
        # does not tell (the appointment is past, the start may be ahead).
        tense = (Tense.UNKNOWN, "")
    return resolution.resolve(written, date.text, published, tense)


def _span(term: Dating, finding: Finding, date: Mention, published: Edtf) -> None:
    expression = date.expression
    assert expression is not None and expression.first is not None
    first = _resolve(expression.first, date, finding.sentence, published)
    if expression.shape is when.Shape.UNTIL:
        if first.value is not None:
            term.set("end", Value(written=str(first.value), rank=4, note=first.note, finding=finding))
        return
    if first.value is not None:
        term.set("start", Value(written=str(first.value), rank=3, note=first.note, finding=finding))
    if expression.shape is when.Shape.RANGE and expression.second is not None:
        second = resolution.resolve(expression.second, expression.text, published, (Tense.BACK, ""))
        if second.value is not None:
            note = f"'{expression.text}' ends in {second.value}, the first day out of office falling in it"
            term.set("end", Value(written=str(second.value), rank=4, note=note, finding=finding))
    elif expression.shape is when.Shape.SINCE and expression.text.lower().startswith("since"):
        note = "open (..): held 'since' then, as far as the article knows"
        term.set("end", Value(written=OPEN, rank=1, note=note, finding=finding))


def _title(term: Dating, finding: Finding, text: str, published: Edtf) -> None:
    """A title before a name ("Prime Minister Henrik Vale said"): held on the day of its sentence (the day
    the sentence gives, else publication), not said since when; and, when that day is news (a month or
    less before publication), still held as far as the article knows. A sentence about a period ("from
    1981 to 1984", "in 2019") names the holder then, not on a day: no date."""
    sentence = finding.sentence
    day, how = published, "the publication day"
    for mention in sentence.mentions:
        if mention.expression is None or mention.mark not in _DATED:
            continue
        if mention.mark is not Mark.POINT:
            return
        resolved = point(mention, sentence, published)
        # "the end of the year" is its last days, "in February" any of its days.
        closing = mention.expression.first is not None and mention.expression.first.closing
        if resolved.value is None or (
            published.is_exact
            and (resolved.value.latest_day if closing else resolved.value.earliest_day) > published.latest_day
        ):
            continue  # what will happen ("would present a budget in February"), not when the title was held
        if not resolved.value.is_exact:
            return
        day, how = resolved.value, f"the day of '{mention.text.strip()}' ({resolved.note})"
        break
    if not day.is_exact:
        return
    bound = reckoning.on_or_before(day)
    note = f"on or before {how}: the article names the holder with the title then, not since when"
    term.set("start", Value(written=str(bound), rank=1, note=note, finding=finding))
    words = {word.lower() for word in re.findall(r"[A-Za-z]+", sentence.text)}
    dated = how != "the publication day" and (published.earliest_day - day.earliest_day).days <= _NEWS_DAYS
    ahead = tense_at(sentence.text, finding.holder.start - sentence.start)[0] is Tense.AHEAD
    if words & (REPORTING_VERBS | _ACTS) or dated or ahead:
        note = "open (..): the holder acts with the title in this news"
        term.set("end", Value(written=OPEN, rank=1, note=note, finding=finding))


def _end(term: Dating, finding: Finding, published: Edtf) -> None:
    date = finding.date
    sentence = finding.sentence
    staying = _UNTIL_SUCCESSOR.search(sentence.text)
    if staying is not None:
        # "resigned on Tuesday but will remain in office until a successor is sworn in": no end yet.
        note = f"open (..): '{finding.cue}', but the holder stays ('{staying.group()}')"
        term.set("end", Value(written=OPEN, rank=2, note=note, finding=finding))
        return
    if date is not None and date.expression is not None and date.expression.first is not None:
        resolved = _resolve(date.expression.first, date, sentence, published)
        if resolved.value is not None:
            tense = tense_at(sentence.text, date.start - sentence.start)[0]
            ahead = " (announced)" if tense is Tense.AHEAD else ""
            value, note = resolved.value, f"'{finding.cue}'{ahead}: {resolved.note}"
            if date.expression.first.closing and not value.is_exact:
                # "will retire at the end of October": in office to its last day, out from the next.
                value = reckoning.after_end_of(value)
                note = f"{note}; out of office after it, from {value}"
            term.set("end", Value(written=str(value), rank=4, note=note, finding=finding))
            return
    tense, _ = tense_at(sentence.text, finding.holder.end - sentence.start)
    if tense is Tense.BACK and published.is_exact:
        bound = reckoning.on_or_before(published)
        note = f"'{finding.cue}', told in the past tense on {published}, gives no date: on or before it"
        term.set("end", Value(written=str(bound), rank=2, note=note, finding=finding))


def _no_end_before_start(term: Dating) -> None:
    """No term ends before it starts: where a start and an end say so (an end told of another holding,
    say), the end is left out, for the curator to find."""
    if term.start is None or term.end is None or term.end.written == OPEN:
        return
    from newskb.common.dates import parse

    if parse(term.end.written).latest_day < parse(term.start.written).earliest_day:
        term.end = None


def _lengths(dating: Mapping[tuple[str, str], Dating], holding: Holding, reading: Reading, published: Edtf) -> None:
    """A length ("for the past ten years") counted back from the day the term ends: the successor's start
    told in the same sentence, else a dated end, else the publication day."""
    term = dating[(holding.holder, holding.office)]
    for finding in holding.findings:
        if finding.rule is not Rule.LENGTH or finding.date is None or finding.date.expression is None:
            continue
        expression = finding.date.expression
        assert expression.length is not None and expression.length_unit is not None
        anchor, how = published, "the publication day"
        for successor, relation in holding.successor_of:
            taking = dating.get((successor, holding.office))
            started = taking.start if taking is not None else None
            if relation.sentence is finding.sentence and started is not None and _dated(started):
                anchor = _parse(started.written)
                how = f"the day {reading.entities[successor].name} takes over"
                break
        else:
            if term.end is not None and term.end.rank >= 3:
                anchor, how = _parse(term.end.written), "the end of the term"
        resolved = reckoning.count_back(expression.length, expression.length_unit, expression.text, anchor, how)
        if resolved.value is not None:
            term.set("start", Value(written=str(resolved.value), rank=3, note=resolved.note, finding=finding))


def _dated(value: Value) -> bool:
    """A value the text dates (not a bound like `..DAY` nor an open end)."""
    return value.rank >= 3 and not value.written.startswith(OPEN)


def _parse(written: str) -> Edtf:
    from newskb.common.dates import parse

    value = parse(written)
    return Edtf(year=value.year, month=value.month, day=value.day, relation=DateRelation.ON)
