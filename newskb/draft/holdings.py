"""Part of stage 5 of the reader: which holding (a holder in an office) each finding is about.

In: the findings of every clause (stage 4) and the reading (stage 2). Out: `Holdings`: for each holder and
office, the findings about it, in the order found; who replaced whom in which office ("replacing Y",
"X succeeds Y", "her predecessor, Y"); and the offices, with those a verb implies ("chaired the guild": its
chair) added to the reading's. A finding that names no office is placed by the other findings: the office
its organization has ("left the club"), else the office of the holder's term told nearest it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from newskb.draft.cast import Cast, org_for_noun
from newskb.draft.findings import Finding, Rule
from newskb.draft.lexicon import LEADING_TITLES, LEADING_VERBS, RANK_WORDS, VERB_TITLES
from newskb.draft.mentions import Mentions, Office, Reading
from newskb.draft.pronouns import person_for
from newskb.draft.titles import head_forms

RELATIONS = (Rule.REPLACING, Rule.SUCCEEDS, Rule.PREDECESSOR, Rule.SUCCESSOR)
# A relative clause: what it says of a holder is told aside ("X, who took office as provost in 2021").
_ASIDE = re.compile(r",\s+who\b")
# Rules that tell a title someone holds (not one they are named to).
_HELD = (Rule.TITLE, Rule.SINCE, Rule.FORMER, Rule.SERVED, Rule.LENGTH)
_UNTIL_THEN = re.compile(r"\b(?:elect|designate)\b")
_AHEAD = re.compile(r"\b(?:to\s+become|will|would|is\s+to|are\s+to|to\s+take)\b")
# Rules of a term still open when told (a start, a title) rather than one that ended.
_OPEN_RULES = (Rule.START, Rule.APPOINTED, Rule.TITLE, Rule.SINCE)


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation:
    """One holder replaced by another in an office, and the phrase that says so."""

    successor: str
    predecessor: str
    office: str
    finding: Finding


@dataclass(frozen=True, slots=True, kw_only=True)
class Holding:
    """Everything the article says about one holder in one office."""

    holder: str
    office: str
    findings: tuple[Finding, ...]
    replaces: str | None
    replaces_finding: Finding | None
    successor_of: tuple[tuple[str, Finding], ...]  # (the one it was replaced by, how)


@dataclass(frozen=True, slots=True, kw_only=True)
class Holdings:
    """The holdings of an article, in the order they were first found, with the relations between them."""

    holdings: tuple[Holding, ...]
    relations: tuple[Relation, ...]
    offices: Mapping[str, Office]


@dataclass(slots=True, eq=False)
class _Gathered:
    holder: str
    office: str
    findings: list[Finding] = field(default_factory=list)
    replaces: str | None = None
    replaces_finding: Finding | None = None
    successor_of: list[tuple[str, Finding]] = field(default_factory=list)


def _ahead(finding: Finding) -> bool:
    """A start still to come: "who is leaving to become", "will take office as"."""
    sentence = finding.sentence
    said = sentence.text[finding.start - sentence.start : finding.end - sentence.start]
    return finding.rule in (Rule.START, Rule.APPOINTED) and _AHEAD.search(said) is not None


def _aside(finding: Finding) -> bool:
    sentence = finding.sentence
    return _ASIDE.search(sentence.text[finding.start - sentence.start : finding.end - sentence.start]) is not None


def group(found: Sequence[Finding], reading: Reading) -> Holdings:
    """The findings of an article gathered into holdings."""
    gathering = _Gathering(reading)
    gathering.gather(found)
    gathering.fold_general_titles()
    return Holdings(
        holdings=tuple(
            Holding(
                holder=one.holder,
                office=one.office,
                findings=tuple(one.findings),
                replaces=one.replaces,
                replaces_finding=one.replaces_finding,
                successor_of=tuple(one.successor_of),
            )
            for one in gathering.by_key.values()
        ),
        relations=tuple(gathering.relations),
        offices=dict(gathering.offices),
    )


def _past_and_new(one: _Gathered, other: _Gathered) -> bool:
    """Whether of two holdings one is told only as left ("former", "previously") and the other as taken."""
    taken = {Rule.START, Rule.APPOINTED}
    told = [{finding.rule for finding in holding.findings} for holding in (one, other)]
    return any(Rule.FORMER in left and not left & taken and right & taken for left, right in (told, told[::-1]))


class _Gathering:
    """The holdings while they are gathered: each finding is placed once the ones it depends on are."""

    def __init__(self, reading: Reading) -> None:
        self.reading = reading
        self.offices: dict[str, Office] = dict(reading.offices)
        self.cast = Cast.of(reading.entities)
        self.in_sentence: dict[int, list[Finding]] = {}  # by id of their sentence
        self.by_key: dict[tuple[str, str], _Gathered] = {}
        # The same by holder and by office, in the order found: what one holder holds, and who holds one
        # office, without a pass over every holding of the article.
        self.by_holder: dict[str, dict[str, _Gathered]] = {}
        self.by_office: dict[str, dict[str, _Gathered]] = {}
        self.relations: list[Relation] = []

    def gather(self, found: Sequence[Finding]) -> None:
        for finding in found:
            self.in_sentence.setdefault(id(finding.sentence), []).append(finding)
        for finding in found:
            if finding.office is not None and finding.rule not in RELATIONS:
                self._holding(finding.holder.ref, finding.office.ref).findings.append(finding)
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
                    self._holding(finding.holder.ref, office).findings.append(finding)
            pending = left

    def fold_general_titles(self) -> None:
        """A holder's office told by its head alone ("Portuguese minister") and, of the same organization,
        in full ("foreign minister"), or without its field ("deputy governor" and "deputy governor for
        financial stability"), is one holding, the full one."""
        for (holder, key), general in list(self.by_key.items()):
            office = self.offices.get(key)
            if office is None or office.known is not None or not office.org:
                continue
            fuller = [
                other
                for other in self.by_holder[holder]
                if other != key
                and other in self.offices
                and self.offices[other].org == office.org
                and (
                    (
                        self.offices[other].title.endswith(" " + office.title)
                        and not RANK_WORDS & set(self.offices[other].title.split())
                    )
                    or self.offices[other].title.startswith(office.title + " for ")
                )
            ]
            if len(fuller) == 1 and _past_and_new(general, self.by_key[(holder, fuller[0])]):
                continue  # "appointed Lee as its editor"; "Lee was previously the paper's political editor": two
            if len(fuller) == 1 and general.replaces is None and not general.successor_of:
                self.by_key[(holder, fuller[0])].findings.extend(general.findings)
                del self.by_key[(holder, key)]
                del self.by_holder[holder][key]
                del self.by_office[key][holder]

    def _holding(self, holder: str, office: str) -> _Gathered:
        key = (holder, office)
        if key not in self.by_key:
            gathered = self.by_key[key] = _Gathered(holder=holder, office=office)
            self.by_holder.setdefault(holder, {})[office] = gathered
            self.by_office.setdefault(office, {})[holder] = gathered
        return self.by_key[key]

    def _relation(self, finding: Finding, found: Sequence[Finding]) -> None:
        """Who replaces whom, in which office: "replacing Y", "X succeeds Y", "her predecessor, Y"."""
        position = finding.sentence.number - 1
        office: str | None = finding.office.ref if finding.office is not None else None
        pair = self._pair(finding, found)
        if pair is None:
            return
        successor, predecessor, named = pair
        office = named or office
        if office is None:
            # The office the successor is named to, not one held since long before ("She replaces X"); else the
            # predecessor's; else one the successor holds (one the successor held and left is no office to
            # succeed anyone in, but "His predecessor, Y, led the university" is of the one he held).
            office = (
                self._nearest_office(successor, position, named=True, still=True, appointed=True)
                or self._nearest_office(predecessor, position, held=True, leaving=True)
                or self._nearest_office(successor, position, still=finding.rule is not Rule.PREDECESSOR)
            )
        if office is None or successor == predecessor:
            return
        term = self._holding(successor, office)
        if term.replaces is None:
            term.replaces, term.replaces_finding = predecessor, finding
        term.findings.append(finding)
        previous = self._holding(predecessor, office)
        previous.successor_of.append((successor, finding))
        previous.findings.append(finding)
        self.relations.append(Relation(successor=successor, predecessor=predecessor, office=office, finding=finding))

    def _pair(self, finding: Finding, found: Sequence[Finding]) -> tuple[str, str, str | None] | None:
        """The successor and the predecessor a relation names, and the office of the phrase it hangs on."""
        if finding.rule is Rule.REPLACING:
            before = [
                other
                for other in self.in_sentence.get(id(finding.sentence), [])
                if other.rule in (Rule.START, Rule.APPOINTED, Rule.SUCCEEDS) and other.end <= finding.start
            ]
            if not before:
                return None
            # Of offices named together ("as finance minister and deputy prime minister"), the first.
            main = next(other for other in before if other.start == before[-1].start)
            return main.holder.ref, finding.holder.ref, main.office.ref if main.office is not None else None
        if finding.rule in (Rule.PREDECESSOR, Rule.SUCCESSOR):
            position = finding.sentence.number - 1
            reading = self.reading
            person, _ = person_for(reading.sentences, position, finding.start, finding.cue, reading.entities)
            if person is None:
                return None
            if finding.rule is Rule.PREDECESSOR:
                return person.ref, finding.holder.ref, None
            return finding.holder.ref, person.ref, None
        # SUCCEEDS: the holder succeeds the other
        if finding.other is None:
            return None
        return finding.holder.ref, finding.other.ref, None

    def _nearest_office(
        self,
        holder: str,
        position: int,
        *,
        named: bool = False,
        still: bool = False,
        appointed: bool = False,
        held: bool = False,
        leaving: bool = False,
    ) -> str | None:
        """The office of the holder's term told nearest this sentence: a term still open (a start, a title)
        before one that ended (and, for a start, one the holder was named to before any other, told in the
        sentence's own clause rather than aside: "X, who took office as provost in 2021, succeeds Y"); the
        same sentence first, then the ones before it, then after it. `still`: only a term still open;
        `appointed`: only one the holder is named to; `held`: not one the holder is only to take ("X,
        director since 2015, will leave to become director of Y": X leaves the first, and no other);
        `leaving`: one the holder is told to leave before any other ("Park will step down as chief
        executive ... will remain chairwoman": the one her successor takes)."""
        best: tuple[int, int, int, int, int, str] | None = None
        for office, term in self.by_holder.get(holder, {}).items():
            named_to = any(
                finding.rule in (Rule.START, Rule.APPOINTED) and not _aside(finding) for finding in term.findings
            )
            if still and not any(finding.rule in _OPEN_RULES for finding in term.findings):
                continue
            if appointed and not named_to:
                continue
            if held and all(_ahead(finding) or finding.rule in RELATIONS for finding in term.findings):
                continue
            left = any(finding.rule is Rule.END for finding in term.findings)
            for finding in term.findings:
                if finding.rule in RELATIONS:
                    continue
                distance = finding.sentence.number - 1 - position
                ended = int(finding.rule not in _OPEN_RULES)
                side = 0 if distance == 0 else 1 if distance < 0 else 2
                rank = (int(named and not named_to), int(leaving and not left), ended, side, abs(distance), office)
                if best is None or rank < best:
                    best = rank
        return best[5] if best is not None else None

    def _office_for(self, finding: Finding) -> str | None:
        """The office a phrase that names none is about ("who had held the post", "left the club")."""
        if finding.interim:
            return self._vacated(finding)
        holder = finding.holder.ref
        for relation in self.relations:
            if relation.predecessor == holder and relation.finding.sentence is finding.sentence:
                return relation.office
        org = self._org_of(finding)
        if org is not None:
            # The verb's title: its last word ("has chaired"), or its first where the phrase runs on to the
            # organization ("who has chaired the Marlow Bar Council since 2019").
            title = next((VERB_TITLES[word] for word in (finding.cue or "").split() if word in VERB_TITLES), None)
            of_org = [office for office in self.offices.values() if office.org == org]
            if title is not None:
                # "coached" names the coach, or the one head coach the article names; "chaired" the chair,
                # however the article writes its head ("chairman").
                forms = head_forms(title)
                titled = [office for office in of_org if office.title in forms] or [
                    office for office in of_org if office.title.split()[-1] in forms
                ]
                if len(titled) >= 1 and len({office.key for office in titled}) == 1:
                    return titled[0].key
                return self._new_office(org, title, finding)
            # An office the sentence names, unless as a title someone else holds ("Rossi has run Holt since
            # 2019; its chairman, Ben Ward, will retire": Ward's, not Rossi's); one someone else is named to
            # may be the one left ("appointed Reade as manager, a day after Hartigan left the club").
            here = [
                office.key
                for office in of_org
                if any(mention.ref == office.key for mention in finding.sentence.mentions)
                and not self._held_by_another(holder, office.key, finding.sentence)
            ]
            mine = [office.key for office in of_org if (holder, office.key) in self.by_key]
            # "who led the university for eight years": its head, where the article names one head's title.
            led = LEADING_VERBS & set((finding.cue or "").split())
            heads = [office.key for office in of_org if led and " ".join(office.title.split()) in LEADING_TITLES]
            for choice in (here, mine, [office.key for office in of_org], heads):
                choice = [office for office in choice if not self._left_here(holder, office, finding)]
                if len(set(choice)) == 1:
                    return choice[0]
            # The phrase names its organization: the holder's office told nearest, if it is that organization's;
            # never another organization's.
            nearest = self._nearest_office(holder, finding.sentence.number - 1, held=finding.rule is Rule.END)
            if nearest is None or self.offices[nearest].org != org or self._left_here(holder, nearest, finding):
                return None
            return nearest
        # A start told with no office ("will take up the post on July 1") is of the office the holder was
        # named to, not of one the holder has held since long before, nor one held until then
        # ("President-elect X will be sworn in on Jan. 20" is not the start of a president-elect).
        named = finding.rule is Rule.START
        office = self._nearest_office(holder, finding.sentence.number - 1, named=named, held=finding.rule is Rule.END)
        if named and office is not None and _UNTIL_THEN.search(self.offices[office].title):
            return None
        return office

    def _vacated(self, finding: Finding) -> str | None:
        """The office an interim charge is of ("X took interim charge", "has led the party on an acting basis"):
        one the article tells another holder left or was named to, never one of the holder's own; of the
        organization the phrase names, if it names one; the nearest, one left before one named to."""
        holder = finding.holder.ref
        org = self._org_of(finding)
        position = finding.sentence.number - 1
        best: tuple[int, int, str] | None = None
        for office, terms in self.by_office.items():
            known = self.offices.get(office)
            if holder in terms or (org is not None and (known is None or known.org != org)):
                continue
            for told in (told for term in terms.values() for told in term.findings):
                if told.rule in (Rule.END, Rule.START, Rule.APPOINTED) and not told.interim:
                    rank = (int(told.rule is not Rule.END), abs(told.sentence.number - 1 - position), office)
                    best = rank if best is None or rank < best else best
        return best[2] if best is not None else None

    def _left_here(self, holder: str, office: str, finding: Finding) -> bool:
        """Whether the sentence says the holder left the office another phrase of it does not name ("has led
        the bank since 2020 and was previously its deputy governor": not the deputy governor's)."""
        term = self.by_key.get((holder, office))
        return (
            finding.rule in _OPEN_RULES
            and term is not None
            and any(
                told.sentence is finding.sentence and told.rule in (Rule.FORMER, Rule.END) for told in term.findings
            )
        )

    def _held_by_another(self, holder: str, office: str, sentence: Mentions) -> bool:
        return any(
            who != holder and any(finding.sentence is sentence and finding.rule in _HELD for finding in term.findings)
            for who, term in self.by_office.get(office, {}).items()
        )

    def _org_of(self, finding: Finding) -> str | None:
        if finding.org is not None:
            return finding.org.ref
        if finding.org_noun is not None and finding.org_noun not in ("post", "job", "role", "office"):
            entity = org_for_noun(" ".join(finding.org_noun.split()), self.cast)
            return entity.key if entity is not None else None
        return None

    def _new_office(self, org: str, title: str, finding: Finding) -> str:
        key = f"office:{org}:{title}"
        if key not in self.offices:
            self.offices[key] = Office(
                key=key,
                title=title,
                org=org,
                known=None,
                score=100.0,
                forms=(),
                first=finding.start,
                found=f"the title '{title}' from '{finding.cue}'",
            )
        return key
