"""Stage 4 of the reader: the phrases news uses to say who holds which office (phrases.py), matched on a
clause's template (stage 3).

In: a clause. Out: its findings, each a `Finding`: which rule matched, a holder, maybe an office, maybe a
date expression, and the words that said so, as a span of the article. `terms` and `events` turn findings
into records; nothing here resolves a date or merges anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newskb.common.kinds import Modality
from newskb.draft.clauses import CLOSE, OPEN, Clause
from newskb.draft.lexicon import INTERIM_CHARGE
from newskb.draft.mentions import Mention, Mentions
from newskb.draft.phrases import AHEAD, EXPECTED, HEDGED, NOMINATED, PATTERNS, VIA
from newskb.draft.rules import Rule
from newskb.draft.sentences import LONGEST_SENTENCE

__all__ = ["Finding", "Rule", "findings", "via"]


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Finding:
    """What one phrase says: who (holder), which office (or a hint of whose), when, and in which words."""

    rule: Rule
    sentence: Mentions  # the sentence it was found in, with its mentions
    holder: Mention  # a person's name, or a pronoun standing for one
    office: Mention | None = None
    org: Mention | None = None  # "led the university", "left the club": whose office it is
    org_noun: str | None = None  # "the university": an organization named elsewhere
    date: Mention | None = None
    other: Mention | None = None  # the person replaced (or, for SUCCESSOR, the one who follows)
    cue: str = ""  # the words that said it, as written
    modality: Modality = Modality.STATED
    start: int = 0  # the quote's span in the article
    end: int = 0
    title: str | None = None  # a title a verb implies: "chaired" -> "chair"
    interim: bool = False  # "took interim charge": of an office another left or is named to (holdings.py)


def findings(clause: Clause) -> list[Finding]:
    """Every phrase of a clause that says something about a term, in the order they stand."""
    found: list[Finding] = []
    if len(clause.sentence.text) > LONGEST_SENTENCE:
        return found
    if f"{OPEN}P" not in clause.template and f"{OPEN}R" not in clause.template:
        return found  # every finding is of a holder, a person or a pronoun for one: none here
    for rule, pattern in PATTERNS:
        for match in pattern.finditer(clause.template):
            finding = _finding(rule, match, clause)
            if finding is not None:
                second = match.groupdict().get("o2")
                if second is not None and match.groupdict().get("as2"):
                    # "as mayor of X and as the party's general secretary from 2020 to 2023": the dates are
                    # the second office's; the first keeps what the words say without them.
                    found.append(replace(finding, date=None))
                else:
                    found.append(finding)
                if second is not None:  # the same words say so of a second office
                    found.append(replace(finding, office=clause.marked[int(second)]))
                other = match.groupdict().get("h2")
                if other is not None:  # ... and of a second holder ("elected X and Y as co-leaders")
                    found.append(replace(finding, holder=clause.marked[int(other)]))
    found.extend(_coordinated(clause, found))
    return sorted(found, key=lambda finding: (finding.start, finding.end, finding.rule.value))


# Two offices joined by "and", nothing else between: "its chairman and chief executive, X", "said head coach and
# general manager X", "stays on as assistant coach and fitness coach".
_COORDINATED = re.compile(f"{OPEN}O(\\d+){CLOSE}\\s+and\\s+{OPEN}O(\\d+){CLOSE}")


def _coordinated(clause: Clause, found: list[Finding]) -> list[Finding]:
    """What a finding says of one of two offices joined by "and", said of the other too (when no phrase
    already says it)."""
    pairs = [(int(match[1]), int(match[2])) for match in _COORDINATED.finditer(clause.template)]
    told = {(id(finding.holder), id(finding.office)) for finding in found}
    more: list[Finding] = []
    for finding in found:
        for first, second in pairs:
            for said, other in ((first, second), (second, first)):
                office = clause.marked[other]
                if finding.office is clause.marked[said] and (id(finding.holder), id(office)) not in told:
                    told.add((id(finding.holder), id(office)))
                    more.append(replace(finding, office=office))
    return more


def via(clause: Clause) -> list[Mention]:
    """The organizations a clause cites ("citing Reuters", "according to X", "X reported")."""
    found: list[Mention] = []
    if len(clause.sentence.text) > LONGEST_SENTENCE:
        return found
    for match in VIA.finditer(clause.template):
        number = match["g"] or match["g2"]
        found.append(clause.marked[int(number)])
    return found


def _finding(rule: Rule, match: re.Match[str], clause: Clause) -> Finding | None:
    sentence = clause.sentence

    def mention(name: str) -> Mention | None:
        number = match.groupdict().get(name)
        return clause.marked[int(number)] if number is not None else None

    holder = mention("h")
    other = mention("r")
    if match.groupdict().get("passive") is not None:
        holder, other = other, holder  # "X was succeeded by Y": Y succeeds X
    if holder is None:
        if other is None:
            return None
        holder = other  # REPLACING, PREDECESSOR, SUCCESSOR: the holder is found by `assemble`
    office = mention("o")
    if office is not None and _AWARD.match(sentence.text, office.end - sentence.start):
        return None  # "named the division's manager of the year": an award, no office
    if rule is Rule.TITLE and office is not None:
        told_before = clause.template[: match.start()].rstrip().lower()
        if told_before.endswith(("former", "death of", "the late")):
            return None  # a FORMER phrase says more, and so does a death (an END)
        if office.former:
            rule = Rule.FORMER  # "NATO's former spokesperson X"
    date = mention("d") or mention("d0")
    if date is None and rule in _DATED_APART and (rule is not Rule.END or office is not None):
        date = _date_apart(clause, match)  # an end only with its office: "will step down ... in June" may be a plan
    loose = match.groupdict().get("loose")
    if loose is not None and (date is None or not date.text.lower().startswith("after")):
        return None  # a length in any who-clause only when it is a length in office ("after eight years in office")
    verb = " ".join((match.groupdict().get("verb") or loose or "").split())
    start = clause.origins[match.start()]
    end = clause.origins[match.end() - 1] + 1
    text = sentence.text[start - sentence.start : end - sentence.start]
    return Finding(
        rule=rule,
        sentence=sentence,
        holder=holder,
        office=office,
        org=mention("g"),
        org_noun=match.groupdict().get("noun"),
        date=date,
        other=other if holder is not other else None,
        cue=verb,
        modality=_modality(rule, verb, text),
        interim=_INTERIM.search(verb) is not None,
        start=start,
        end=end,
    )


# What makes a title an award: "manager of the year", "coach of the month".
_AWARD = re.compile(r"\s+of\s+the\s+(?:year|season|month|week|decade|tournament)\b", re.IGNORECASE)
# A verb of taking charge that names no office and says it is for a while.
_INTERIM = re.compile(rf"\b{INTERIM_CHARGE}\s+(?:charge|basis)\b")
# Rules whose verb dates its term, when the day stands apart from it: "was elected mayor at the annual meeting
# of the council on Monday night", "On March 4, 2025, the board appointed X as interim chief", "resigned as
# chairman of the centrist Civic Compass party on Monday".
_DATED_APART = frozenset((Rule.START, Rule.APPOINTED, Rule.END))
# What ends the stretch of words a verb's day may stand in: another clause or another person.
_APART = re.compile(
    f"[;:]|{OPEN}[PRSFUL]\\d+{CLOSE}|,\\s+(?:and|but|who|which|while|whose)\\b"
    r"|\b(?:and|before|after|when|said|says|told|announced|added|reported|confirmed|confirms)\b"
)


def _date_apart(clause: Clause, match: re.Match[str]) -> Mention | None:
    """The one point date of a verb's clause that stands apart from it: a few words after the office
    ("... at the annual meeting on Monday night"), nothing but words of place between; or opening the
    sentence before the verb ("On March 4, 2025, the board appointed ..."), no other verb between."""
    template = clause.template
    after = re.search(f"{OPEN}D(\\d+){CLOSE}", template[match.end() : match.end() + 90])
    if after is not None and not _APART.search(template[match.end() : match.end() + after.start()]):
        return clause.marked[int(after[1])]
    before = re.match(f"\\s*(?:[A-Z][a-z]+\\s+)?{OPEN}D(\\d+){CLOSE},", template)
    if before is None or before.end() > match.start() or _APART.search(template[before.end() : match.start()]):
        return None
    return clause.marked[int(before[1])]


def _modality(rule: Rule, verb: str, text: str) -> Modality:
    if rule not in (Rule.START, Rule.APPOINTED, Rule.SUCCEEDS):
        return Modality.STATED
    if EXPECTED.search(verb) or NOMINATED.search(verb):
        return Modality.EXPECTED
    if HEDGED.search(text):
        return Modality.POSSIBLE
    if AHEAD.search(verb):
        return Modality.ANNOUNCED
    return Modality.STATED
