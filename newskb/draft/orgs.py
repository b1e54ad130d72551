"""Which office each office phrase of an article is: a known office, or a new one with its organization,
named in the phrase or found from the article when the phrase does not name it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from newskb.draft.entities import Entity, may_own, norm_words
from newskb.draft.lexicon import ORG_NOUNS, STATE_HEADS
from newskb.draft.mentions import Mark, Mention, Sentence, TitleSpan
from newskb.draft.names import KnownEntity
from newskb.draft.offices import TitleKey, match_known
from newskb.kinds import Kind


@dataclass(slots=True, eq=False)
class Office:
    """An office the article names: known to the fact base, or new (with its organization)."""

    key: str
    title: str  # normalised: "finance minister"
    org: str  # the key of its organization or country
    known: KnownEntity | None = None
    score: float = 100.0
    forms: list[str] = field(default_factory=list)
    first: int = 0
    found: str = ""  # how its organization was found, when the phrase does not name it


def resolve(
    text: str,
    sentences_read: list[Sentence],
    pending_offices: list[TitleSpan],
    mentions: dict[int, Mention],
    entities: dict[str, Entity],
    office_keys: dict[TitleKey, KnownEntity],
) -> tuple[dict[str, Office], list[tuple[int, Mention]]]:
    """Each office phrase's office (known, or new with its organization), and its mention by sentence."""
    offices: dict[str, Office] = {}
    placed: list[tuple[int, Mention]] = []
    explicit: dict[str, str] = {}  # title -> organization key, from phrases that name it
    for pending in pending_offices:
        org = _org_of(pending, mentions, entities)
        if org is not None:
            explicit.setdefault(pending.title, org)
    for pending in pending_offices:
        org_mention = None
        if pending.known is not None:
            key = _add_office(offices, pending, pending.known.id, pending.known, 100.0, "", text)
        else:
            org = _org_of(pending, mentions, entities)
            found = ""
            if org is None:
                # A person's name before the title is not its organization: the phrase is the title alone.
                if pending.org is not None and pending.org.words[0].start < pending.title_start:
                    pending.start = pending.title_start
                elif pending.org is not None:
                    pending.end = pending.title_end
                pending.org = None
                org, found = _implied_org(text, pending, sentences_read, mentions, entities, explicit)
            else:
                org_mention = mentions.get(pending.org.words[0].start) if pending.org is not None else None
            if org is None:
                continue
            org_entity = entities[org]
            title_key = TitleKey(org=org_entity.known.id if org_entity.known else org, title=pending.title)
            matched = match_known(title_key, office_keys) if org_entity.known is not None else None
            if matched is not None:
                key = _add_office(offices, pending, matched[0].id, matched[0], matched[1], found, text)
            else:
                key = _add_office(offices, pending, f"office:{org}:{pending.title}", None, 100.0, found, text, org)
        mention = Mention(
            mark=Mark.OFFICE,
            start=pending.start,
            end=pending.end,
            text=text[pending.start : pending.end],
            ref=key,
            former=pending.former,
            org_mention=org_mention,
        )
        placed.append((pending.sentence, mention))
    return offices, placed


def _org_of(pending: TitleSpan, mentions: dict[int, Mention], entities: dict[str, Entity]) -> str | None:
    if pending.org is None or not may_own(pending, pending.org):
        return None
    mention = mentions.get(pending.org.words[0].start)
    if mention is None or entities[mention.ref].kind is Kind.PERSON:
        return None
    return mention.ref


def _implied_org(
    text: str,
    pending: TitleSpan,
    sentences_read: list[Sentence],
    mentions: dict[int, Mention],
    entities: dict[str, Entity],
    explicit: dict[str, str],
) -> tuple[str | None, str]:
    """The organization of a title that does not name it, and how it was found."""
    said = text[pending.start : pending.end]
    if pending.org_word in ("its", "their"):
        before = [
            mentions[start]
            for start in sorted(mentions)
            if start < pending.start
            and _sentence_of(sentences_read, start) == pending.sentence
            and entities[mentions[start].ref].kind is not Kind.PERSON
        ]
        if before:
            chosen = before[-1].ref
            return chosen, f"'{pending.org_word}' is taken for {entities[chosen].name}, named before it in the sentence"
    if pending.org_word is not None and pending.org_word in ORG_NOUNS:
        chosen_entity = org_for_noun(entities, pending.org_word)
        if chosen_entity is not None:
            return (
                chosen_entity.key,
                f"'{pending.org_word}' is taken for {chosen_entity.name}, the organization the article names most",
            )
    if pending.title in explicit:
        chosen = explicit[pending.title]
        return (
            chosen,
            f"'{said}' alone is taken for the same title of {entities[chosen].name}, named elsewhere in the article",
        )
    if pending.head in STATE_HEADS:
        chosen_entity = _most_named([entity for entity in entities.values() if entity.kind is Kind.COUNTRY])
        if chosen_entity is not None:
            return (
                chosen_entity.key,
                f"'{said}' alone is taken for {chosen_entity.name}'s, the country the article names most",
            )
    chosen_entity = _most_named([entity for entity in entities.values() if entity.kind is Kind.ORGANIZATION])
    if chosen_entity is not None:
        return (
            chosen_entity.key,
            f"'{said}' alone is taken for {chosen_entity.name}'s, the organization the article names most",
        )
    return None, ""


def _most_named(pool: list[Entity]) -> Entity | None:
    if not pool:
        return None
    return max(pool, key=lambda entity: (entity.count, -entity.first))


def _sentence_of(sentences_read: list[Sentence], offset: int) -> int:
    for sentence in sentences_read:
        if sentence.start <= offset < sentence.end:
            return sentence.number
    return 0


def _add_office(
    offices: dict[str, Office],
    pending: TitleSpan,
    key: str,
    known: KnownEntity | None,
    score: float,
    found: str,
    text: str,
    org: str = "",
) -> str:
    office = offices.get(key)
    if office is None:
        office = Office(
            key=key,
            title=pending.title,
            org=(known.org or "") if known is not None else org,
            known=known,
            score=score,
            first=pending.start,
            found=found,
        )
        offices[key] = office
    written = text[pending.start : pending.end]
    if written not in office.forms:
        office.forms.append(written)
    return key


def org_for_noun(entities: dict[str, Entity], noun: str | None) -> Entity | None:
    """The organization "the club" or "the university" stands for: the one named most whose name holds the
    noun, else the organization named most."""
    organizations = [entity for entity in entities.values() if entity.kind is Kind.ORGANIZATION]
    named = [entity for entity in organizations if noun is not None and noun in norm_words(entity.name)]
    return _most_named(named or organizations)
