"""Which entity each name of an article is: the names the fact base knows, a misspelt known name, new
names (several spellings of one new name are one entity: "Ilona Drask" and "Drask"), and whether a new
one is a person, an organization or a country.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newskb.draft.lexicon import DEMONYM_ENDINGS, NAME_CONNECTORS, ORG_WORDS, STATE_HEADS
from newskb.draft.mentions import Mark, Mention, NameSpan, TitleSpan
from newskb.draft.names import KnownEntity, KnownMatch, KnownNames, Piece
from newskb.fuzzy import normalise
from newskb.kinds import Kind

_APPOINTS = re.compile(
    r"\s+(?:has\s+|have\s+)?(?:appointed|appoints|named|names|elected|elects|hired|hires|chose|picked|"
    r"swore\s+in|swears\s+in)\s"
)
_AGE = re.compile(r",\s*\d{1,3},")


@dataclass(slots=True, eq=False)
class Entity:
    """A person, organization or country the article names: known to the fact base, or new."""

    key: str  # the known id, or the new id (made unique later)
    kind: Kind
    name: str
    known: KnownEntity | None = None
    forms: list[str] = field(default_factory=list)  # as written, first seen first
    count: int = 0
    first: int = 0  # the offset of its first mention
    typo: tuple[str, float] | None = None  # a misspelt form and its score
    cues: list[str] = field(default_factory=list)  # why it is a person, an organization or a country
    with_the: bool = False  # written "the X"


def identify(
    text: str, pending: list[NameSpan], pending_offices: list[TitleSpan], index: KnownNames
) -> tuple[dict[str, Entity], dict[int, Mention]]:
    """Decide which entity each name span is, and each new entity's kind; return the entities and each
    span's mention (keyed by the start offset of its first word)."""
    entities: dict[str, Entity] = {}
    mentions: dict[int, Mention] = {}
    # A word like "European" before a word in lower case qualifies it: not a name.
    pending = [span for span in pending if span.match is not None or not _qualifies(text, span)]
    # Known names first, then misspelt known names, then new names of several words.
    for span in pending:
        match = span.match
        if match is None and not span.tentative:
            close = index.closest(span.words)
            match = close if close is not None and close.entity.kind is not Kind.OFFICE else None
        if match is not None:
            _mention(text, entities, mentions, span, match.entity.id, match)
    confirmed = {
        " ".join(token for piece in span.words for token in piece.norm)
        for span in pending
        if not span.tentative and span.words[0].start not in mentions
    }
    multi = [span for span in pending if len(span.words) > 1 and span.words[0].start not in mentions]
    for span in multi:
        _mention(text, entities, mentions, span, "new:" + _norm(span.words), None)
    for span in pending:
        if span.words[0].start in mentions:
            continue
        spelled = _norm(span.words)
        owner = _owner(spelled, entities) if len(span.words) == 1 else None
        if owner is not None:
            _mention(text, entities, mentions, span, owner, None)
        elif not span.tentative or spelled in confirmed:
            _mention(text, entities, mentions, span, "new:" + spelled, None)
    _kinds(text, pending, pending_offices, entities, mentions)
    return entities, mentions


def _qualifies(text: str, span: NameSpan) -> bool:
    last = span.words[-1]
    following = re.match(r"\s+([a-z]+)", text[last.end : last.end + 30])
    return last.lower.endswith(DEMONYM_ENDINGS) and not last.possessive and following is not None


def _norm(words: list[Piece]) -> str:
    return " ".join(token for piece in words for token in piece.norm)


def _owner(word: str, entities: dict[str, Entity]) -> str | None:
    """The one entity of several words that has this word among its own: "Drask" for "Ilona Drask",
    "Rovers" for "Dunmore Rovers"; not "Varnia" for "Bank of Varnia", where it names something else."""
    owners = [
        entity for entity in entities.values() if len(entity.name.split()) > 1 and word in norm_words(entity.name)
    ]
    if len(owners) != 1:
        return None
    words = norm_words(owners[0].name)
    head = words[
        : min((words.index(connector) for connector in NAME_CONNECTORS if connector in words), default=len(words))
    ]
    # The kinds are not decided yet: a name with a word like "Bank" in it is an organization's.
    organization = any(part in ORG_WORDS for part in words)
    return owners[0].key if not organization or word in head else None


def norm_words(text: str) -> list[str]:
    return normalise(text).split()


def _mention(
    text: str,
    entities: dict[str, Entity],
    mentions: dict[int, Mention],
    span: NameSpan,
    key: str,
    match: KnownMatch | None,
) -> None:
    start, end = span.words[0].start, span.words[-1].end
    written = text[start:end]
    entity = entities.get(key)
    if entity is None:
        known = match.entity if match is not None else None
        entity = Entity(
            key=key,
            kind=known.kind if known is not None else Kind.PERSON,
            name=known.name if known is not None else written,
            known=known,
            first=start,
        )
        entities[key] = entity
    entity.count += 1
    if written not in entity.forms:
        entity.forms.append(written)
    note = ""
    if match is not None and match.score < 100:
        entity.typo = (written, match.score)
        note = f"'{written}' is taken for {match.entity.name} ({match.entity.id}): a typo-tolerant match"
    if text[max(0, start - 4) : start].lower() == "the ":
        entity.with_the = True
    mentions[start] = Mention(mark=Mark.PERSON, start=start, end=end, text=written, ref=key, note=note)


def _kinds(
    text: str,
    pending: list[NameSpan],
    pending_offices: list[TitleSpan],
    entities: dict[str, Entity],
    mentions: dict[int, Mention],
) -> None:
    """A new entity is an organization when its name says so ("Bank", "Board") or the words around it do
    (it appoints someone, an office is "of" it, it is "at" or "in" it); a country when a state's office is
    "of" it; a person when a title stands before it or an age after it; else a person if it has several
    words, an organization if one (news names people in full)."""
    votes: dict[str, Counter[str]] = {key: Counter() for key in entities}
    for span in pending:
        mention = mentions.get(span.words[0].start)
        if mention is None or entities[mention.ref].known is not None:
            continue
        key, after, before = (
            mention.ref,
            text[mention.end : mention.end + 60],
            text[max(0, mention.start - 12) : mention.start],
        )
        if any(piece.lower in ORG_WORDS for piece in span.words):
            votes[key]["a word of its name says so"] += 100
        if span.words[0].text.isupper() and len(span.words) == 1 and len(span.words[0].text) > 1:
            votes[key]["an acronym"] += 1
        if _APPOINTS.match(after):
            votes[key]["it appoints someone"] += 2
        if re.search(r"\b(?:at|in)\s+(?:the\s+)?$", before):
            votes[key]["'at' or 'in' it"] += 1
        if _AGE.match(after):
            votes[key]["an age follows the name"] -= 10
    for office in pending_offices:
        if office.org is None or not may_own(office, office.org):
            continue
        mention = mentions.get(office.org.words[0].start)
        if mention is None or entities[mention.ref].known is not None:
            continue
        if office.org.words[0].start > office.title_start and office.head in STATE_HEADS:
            votes[mention.ref]["country: a state's office is of it"] += 50
        elif office.org.words[0].start > office.title_start:
            votes[mention.ref]["an office is of it"] += 2
        else:
            votes[mention.ref]["an office is of it"] += 1
    starting = {span.words[0].start: span for span in pending}
    for office in pending_offices:
        # A title just before a name: the name is its holder's ("Prime Minister Henrik Vale").
        gap = text[office.end : office.end + 20]
        name_at = office.end + len(gap) - len(gap.lstrip())
        named = starting.get(name_at) if name_at > office.end else None
        mention = mentions.get(name_at) if named is not None and named is not office.org else None
        if mention is not None and entities[mention.ref].known is None:
            votes[mention.ref]["a title stands before the name"] -= 10
    for key, entity in entities.items():
        if entity.known is not None:
            continue
        tally = votes[key]
        country = sum(weight for reason, weight in tally.items() if reason.startswith("country"))
        organization = sum(weight for weight in tally.values() if weight > 0)
        person = -sum(weight for weight in tally.values() if weight < 0)
        if tally["a word of its name says so"]:
            entity.kind, chosen = Kind.ORGANIZATION, ["a word of its name says so"]
        elif country and not person:
            entity.kind, chosen = Kind.COUNTRY, ["a state's office is of it"]
        elif person:
            entity.kind = Kind.PERSON
            chosen = [reason for reason, weight in tally.items() if weight < 0]
        elif organization:
            entity.kind = Kind.ORGANIZATION
            chosen = [reason for reason, weight in tally.items() if weight > 0]
        elif len(entity.name.split()) > 1:
            entity.kind, chosen = Kind.PERSON, ["a name of several words, and nothing says otherwise"]
        else:
            entity.kind, chosen = Kind.ORGANIZATION, ["a name of one word, and nothing says otherwise"]
        entity.cues = sorted(chosen)


def may_own(pending: TitleSpan, span: NameSpan) -> bool:
    """Before a title, a new name of several words is taken for its organization only when it says it is one
    or is written as a possessive ("Varnia's finance minister"); else it is likely its holder's name
    ("names Ilona Drask finance minister")."""
    if span.match is not None or span.words[0].start > pending.title_start or len(span.words) == 1:
        return True
    return span.words[-1].possessive or any(piece.lower in ORG_WORDS for piece in span.words)
