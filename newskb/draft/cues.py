"""What the words around a new name say of its kind (part of stage 2, `reading`, for `entities`): a word like
"Bank" in it, an appointing verb after it, an age or "who" after it, "the" before it, a title or a people's
adjective before it (`cue_votes`, over the whole article); and whether a name before a title may be its
organization.

In: the article's text and a name span. Out: the cues, each a reason and a weight (above zero for an organization
or a country, below for a person), and the kind they decide.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Protocol

from newskb.common.kinds import Kind
from newskb.draft.countries import is_country_name, is_demonym
from newskb.draft.lexicon import (
    APPOINTING,
    ORG_BEFORE_NAME,
    ORG_OBJECT_VERBS,
    ORG_WORDS,
    STATE_HEADS,
    STATE_ONLY_HEADS,
    TITLE_HEADS,
)
from newskb.draft.mentions import NameSpan, TitleSpan
from newskb.draft.names import KnownEntity
from newskb.draft.places import PERSON_BY_DEFAULT, TOWN_CUE


class Placed(Protocol):
    """Where a name stands in the article and whom it names."""

    @property
    def key(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


class Named(Protocol):
    """A new entity while the article is read, as far as its kind goes."""

    @property
    def name(self) -> str: ...
    @property
    def known(self) -> KnownEntity | None: ...
    @property
    def country(self) -> bool: ...


# Someone appoints someone: the verb, then its object, a name ("Dunmore Rovers appointed Callum Reade") or a
# title in lower case ("X, the family-owned producer, has appointed a managing director"), maybe through an
# appositive; a headline's "Nkemelu elected to lead" is a person elected.
_APPOINTS = re.compile(
    r"(?:,[^,;\n]{1,80},)?\s+(?:has\s+|have\s+)?(?P<verb>"
    + "|".join(sorted(APPOINTING))
    + r"|swore\s+in|swears\s+in)\s+(?:(?:its|their|the|a|an|new|former)\s+){0,2}"
    + r"(?:[A-Z]|(?:[a-z-]+\s+){0,2}(?:"
    + "|".join(sorted(TITLE_HEADS))
    + r")\b)"
)
_AGE = re.compile(r",\s*\d{1,3},")
_WHO = re.compile(r",\s*who\b")
_KIN = re.compile(r"\b(?:brother|sister|wife|husband|son|daughter|father|mother|cousin|uncle|aunt)\s+$")
_THE_BEFORE = re.compile(r"\bThe\s+$")
# A local body in lower case after a name: the name is a town's or a city's ("Eskerby town council").
_COUNCIL_AFTER = re.compile(
    r"\s+(?:(?:town|city|county|borough|district|village)\s+(?:council|hall)|police\s+(?:chief|department|force))\b"
)
# "X's board", "X's chief executive": a possessive before a body or a title an organization has.
_OWNS = re.compile(r"['\u2019]s\s+(?:board|shareholders|shares|chief|chairman|chairwoman|chair|directors|management)\b")


def opens_after_the(text: str, start: int) -> bool:
    """Whether a name at `start` follows a "The" that opens its sentence ("The Bank of Canada's board")."""
    the = _THE_BEFORE.search(text, max(0, start - 8), start)
    if the is None:
        return False
    before = text[max(0, the.start() - 4) : the.start()].rstrip()
    return not before or before[-1] in ".!?:-\u2013\u2014"


def own_cues(text: str, span: NameSpan, start: int, end: int) -> Counter[str]:
    """What a name's own words and its neighbours say: a word like "Bank", an acronym, an appointing verb
    after it, "at" or "in" before it, an age after it ("Mikkelsen, 63,")."""
    cues: Counter[str] = Counter()
    after, before = text[end : end + 160], text[max(0, start - 12) : start]
    if any(piece.lower in ORG_WORDS for piece in span.words):
        cues["a word of its name says so"] += 100
    if span.words[0].text.isupper() and len(span.words) == 1 and len(span.words[0].text) > 1:
        cues["an acronym"] += 1
    appoints = _APPOINTS.match(after)
    # A headline's "Hartley named Wales coach" is a passive: she was named.
    if appoints is not None and not (span.heading and appoints["verb"].endswith("ed")):
        cues["it appoints someone"] += 2
    appointed = re.search(r"\b(\w+)\s+$", before)
    if _COUNCIL_AFTER.match(after) and not (appointed and appointed.group(1).lower() in APPOINTING):
        cues[TOWN_CUE] += 3  # "Eskerby town council": the town whose council it is
    if re.search(r"\b[Tt]he\s+$", before):
        cues["'the' before it"] += 2  # "The Rivergate Otters fired ...": news writes no article before a person
    if re.search(r"\b(?:at|in)\s+(?:the\s+)?$", before):
        cues["'at' or 'in' it"] += 1
    verb = re.search(r"\b([a-z]+)\s+(?:[a-z-]+\s+)?$", text[max(0, start - 40) : start])
    if verb is not None and verb.group(1) in ORG_OBJECT_VERBS:
        cues[f"'{verb.group(1)}' it"] += 2
    noun = re.search(r"\b([a-z]+)\s+$", before)
    if noun is not None and noun.group(1) in ORG_BEFORE_NAME:
        cues[f"'{noun.group(1)}' before it"] += 2
    if re.search(r"\b(?:a|an)\s+$", before) and re.match(r"\s+[a-z]", after):
        cues["a qualifier of a noun"] += 2  # "a Moose Jaw accountant": a place, no person
    if _KIN.search(before):
        cues["a relative's noun before it"] -= 10  # "with her brother Matthias"
    if _AGE.match(after):
        cues["an age follows the name"] -= 10
    if _OWNS.match(after):
        cues["its board or title follows it"] += 2
    if _WHO.match(after):
        cues["'who' follows the name"] -= 10
    return cues


def kind_of(entity: Named, tally: Counter[str]) -> tuple[Kind, tuple[str, ...]]:
    """A new entity is an organization when its name says so ("Bank", "Board") or the words around it do
    (it appoints someone, an office is "of" it, it is "at" or "in" it); a country when a state's office is
    "of" it; a person when a title stands before it or an age after it; else a person if it has several
    words, an organization if one (news names people in full). A known entity keeps its kind."""
    if entity.known is not None:
        return entity.known.kind, ()
    if entity.country:
        return Kind.COUNTRY, ("ISO 3166 lists it",)
    country = sum(weight for reason, weight in tally.items() if reason.startswith("country"))
    organization = sum(weight for weight in tally.values() if weight > 0)
    person = -sum(weight for weight in tally.values() if weight < 0)
    if tally["a word of its name says so"]:
        return Kind.ORGANIZATION, ("a word of its name says so",)
    if country and not person:
        return Kind.COUNTRY, ("a state's office is of it",)
    if person:
        return Kind.PERSON, tuple(sorted(reason for reason, weight in tally.items() if weight < 0))
    if organization:
        return Kind.ORGANIZATION, tuple(sorted(reason for reason, weight in tally.items() if weight > 0))
    words = entity.name.split()
    if len(words) > 1 and "of" not in words and is_country_name(words[-1]):
        return Kind.ORGANIZATION, ("a country's name ends it, and nothing says it is a person's",)  # "Renewal Ireland"
    if len(entity.name.split()) > 1:
        return Kind.PERSON, (PERSON_BY_DEFAULT,)
    return Kind.ORGANIZATION, ("a name of one word, and nothing says otherwise",)


def may_own(title: TitleSpan, span: NameSpan) -> bool:
    """Before a title, a new name of several words is taken for its organization only when it says it is one
    or is written as a possessive ("Varnia's finance minister"); else it is likely its holder's name
    ("names Ilona Drask finance minister")."""
    if span.match is not None or span.words[0].start > title.title_start or len(span.words) == 1:
        return True
    return span.words[-1].possessive or title.named_after or any(piece.lower in ORG_WORDS for piece in span.words)


def cue_votes(
    text: str,
    spans: Sequence[NameSpan],
    titles: Sequence[TitleSpan],
    found: Mapping[str, Named],
    said: Mapping[int, Placed],
) -> dict[str, Counter[str]]:
    """What the words around each new name say of its kind: a reason and a weight each (above zero for an
    organization or a country, below for a person)."""
    votes: dict[str, Counter[str]] = {key: Counter() for key in found}
    for span in spans:
        one = said.get(span.words[0].start)
        if one is not None and found[one.key].known is None:
            votes[one.key].update(own_cues(text, span, one.start, one.end))
    for title in titles:
        one = said.get(title.org.words[0].start) if title.org is not None and may_own(title, title.org) else None
        if title.org is None or one is None or found[one.key].known is not None:
            continue
        after = title.org.words[0].start > title.title_start
        # "Finance Minister of X", "X Prime Minister": a state's (a president may be a bank's: "Bundesbank
        # President").
        if (after and title.head in STATE_HEADS) or title.head in STATE_ONLY_HEADS:
            votes[one.key]["country: a state's office is of it"] += 50
        else:
            votes[one.key]["an office is of it"] += 2 if title.org.words[0].start > title.title_start else 1
    in_sentence: dict[int, list[NameSpan]] = {}
    for span in spans:
        in_sentence.setdefault(span.sentence, []).append(span)
    for title in titles:
        # "X said that Y would become its chair": what "its" stands for, the subject, is no person (but a
        # name after a verb, "named Y as its chair", is not the subject).
        if title.org_word in ("its", "their"):
            # The subject of its own clause: after a semicolon, a new one ("X has run Holt since 2019; its
            # chairman ...": "its" is no subject's there).
            spoken = in_sentence.get(title.sentence, [])
            clause = text.rfind(";", spoken[0].words[0].start, title.start) if spoken else -1
            first = next((span for span in spoken if span.words[0].start > clause), None)
            opening = first is not None and (first.words[0].opens or opens_after_the(text, first.words[0].start))
            subject = first is not None and opening and first.words[0].start < title.start
            one = said.get(first.words[0].start) if first is not None and subject else None
            if one is not None and found[one.key].known is None:
                votes[one.key][f"'{title.org_word}' stands for it"] += 2
    ending = {span.words[-1].end: span for span in spans}
    for span in spans:
        # "Danish Hald", "Swede Lindqvist": a people's adjective before a name describes a person by country
        # (reading keeps it apart only before a name of one or two words with no word of an organization).
        one = said.get(span.words[0].start)
        at = span.words[0].start
        while at > 0 and text[at - 1].isspace():  # not text[:at].rstrip(): that copies the article for every name
            at -= 1
        before = ending.get(at)
        adjective = before.match if before is not None else None
        described = adjective is not None and adjective.entity.kind is Kind.COUNTRY and is_demonym(adjective.label)
        if one is not None and found[one.key].known is None and described:
            votes[one.key]["a people's adjective stands before the name"] -= 10
    starting = {span.words[0].start: span for span in spans}
    for title in titles:
        # A title just before a name: the name is its holder's ("Prime Minister Henrik Vale").
        gap = text[title.end : title.end + 20]
        name_at = title.end + len(gap) - len(gap.lstrip())
        # On the same line: a headline's last title is not the title of the story's first word.
        named = starting.get(name_at) if name_at > title.end and "\n" not in text[title.end : name_at] else None
        one = said.get(name_at) if named is not None and named is not title.org else None
        # A person's name of one word nowhere else written in full is not news's way ("Premier Division").
        if one is not None and found[one.key].known is None and len(found[one.key].name.split()) > 1:
            votes[one.key]["a title stands before the name"] -= 10
    return votes
