"""Which office each office phrase of an article is (part of stage 2, `reading`): a known office, or a new
one with its organization, named in the phrase or found from the article when the phrase does not name it.

In: the office phrases of every sentence, the names' mentions and entities. Out: the offices, each frozen,
and each office phrase's mention with the number of its sentence (a phrase whose organization cannot be
found has none).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from newskb.draft.entities import may_own, norm_words
from newskb.draft.lexicon import ORG_NOUNS, STATE_HEADS
from newskb.draft.mentions import Entity, Mark, Mention, Office, TitleSpan
from newskb.draft.names import KnownEntity
from newskb.draft.offices import TitleKey, match_known
from newskb.draft.sentences import Sentence
from newskb.kinds import Kind


@dataclass(slots=True, eq=False)
class _Named:
    """An office while the article is read: its first phrase's reading, and every form it took."""

    office: Office
    forms: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Context:
    """What finding a phrase's office needs from the rest of the article."""

    text: str
    sentences: Sequence[Sentence]
    mentions: Mapping[int, Mention]
    entities: Mapping[str, Entity]
    office_keys: Mapping[TitleKey, KnownEntity]
    explicit: Mapping[str, str]  # title -> organization key, from phrases that name it


def resolve(
    text: str,
    sentences: Sequence[Sentence],
    titles: Sequence[TitleSpan],
    mentions: Mapping[int, Mention],
    entities: Mapping[str, Entity],
    office_keys: Mapping[TitleKey, KnownEntity],
) -> tuple[dict[str, Office], list[tuple[int, Mention]]]:
    """Each office phrase's office (known, or new with its organization), and its mention by sentence."""
    explicit: dict[str, str] = {}
    for title in titles:
        org = _org_of(title, mentions, entities)
        if org is not None:
            explicit.setdefault(title.title, org)
    context = _Context(
        text=text, sentences=sentences, mentions=mentions, entities=entities, office_keys=office_keys, explicit=explicit
    )
    named: dict[str, _Named] = {}
    placed: list[tuple[int, Mention]] = []
    for title in titles:
        found = _office_of(context, title)
        if found is None:
            continue
        office, phrase = found
        one = named.setdefault(office.key, _Named(office=office))
        written = text[phrase.start : phrase.end]
        if written not in one.forms:
            one.forms.append(written)
        mention = Mention(
            mark=Mark.OFFICE, start=phrase.start, end=phrase.end, text=written, ref=office.key, former=phrase.former
        )
        placed.append((phrase.sentence, mention))
    return {key: replace(one.office, forms=tuple(one.forms)) for key, one in named.items()}, placed


def _office_of(context: _Context, title: TitleSpan) -> tuple[Office, TitleSpan] | None:
    """The office a phrase names, and the phrase as it stands (without a name that is not its
    organization); None when its organization cannot be found."""
    if title.known is not None:
        return _office(title, title.known.id, title.known, 100.0, "", title.known.org or ""), title
    org = _org_of(title, context.mentions, context.entities)
    found = ""
    if org is None:
        # A person's name before the title is not its organization: the phrase is the title alone.
        if title.org is not None and title.org.words[0].start < title.title_start:
            title = replace(title, start=title.title_start, org=None)
        elif title.org is not None:
            title = replace(title, end=title.title_end, org=None)
        org, found = _implied_org(context, title)
    if org is None:
        return None
    org_entity = context.entities[org]
    title_key = TitleKey(org=org_entity.known.id if org_entity.known else org, title=title.title)
    matched = match_known(title_key, context.office_keys) if org_entity.known is not None else None
    if matched is not None:
        return _office(title, matched[0].id, matched[0], matched[1], found, matched[0].org or ""), title
    return _office(title, f"office:{org}:{title.title}", None, 100.0, found, org), title


def _office(title: TitleSpan, key: str, known: KnownEntity | None, score: float, found: str, org: str) -> Office:
    return Office(
        key=key, title=title.title, org=org, known=known, score=score, forms=(), first=title.start, found=found
    )


def _org_of(title: TitleSpan, mentions: Mapping[int, Mention], entities: Mapping[str, Entity]) -> str | None:
    if title.org is None or not may_own(title, title.org):
        return None
    mention = mentions.get(title.org.words[0].start)
    if mention is None or entities[mention.ref].kind is Kind.PERSON:
        return None
    return mention.ref


def _implied_org(context: _Context, title: TitleSpan) -> tuple[str | None, str]:
    """The organization of a title that does not name it, and how it was found."""
    entities = context.entities
    said = context.text[title.start : title.end]
    if title.org_word in ("its", "their"):
        before = [
            context.mentions[start]
            for start in sorted(context.mentions)
            if start < title.start
            and _sentence_of(context.sentences, start) == title.sentence
            and entities[context.mentions[start].ref].kind is not Kind.PERSON
        ]
        if before:
            chosen = before[-1].ref
            return chosen, f"'{title.org_word}' is taken for {entities[chosen].name}, named before it in the sentence"
    if title.org_word is not None and title.org_word in ORG_NOUNS:
        chosen_entity = org_for_noun(entities, title.org_word)
        if chosen_entity is not None:
            return (
                chosen_entity.key,
                f"'{title.org_word}' is taken for {chosen_entity.name}, the organization the article names most",
            )
    if title.title in context.explicit:
        chosen = context.explicit[title.title]
        return (
            chosen,
            f"'{said}' alone is taken for the same title of {entities[chosen].name}, named elsewhere in the article",
        )
    if title.head in STATE_HEADS:
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


def _sentence_of(sentences: Sequence[Sentence], offset: int) -> int:
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.number
    return 0


def org_for_noun(entities: Mapping[str, Entity], noun: str | None) -> Entity | None:
    """The organization "the club" or "the university" stands for: the one named most whose name holds the
    noun, else the organization named most."""
    organizations = [entity for entity in entities.values() if entity.kind is Kind.ORGANIZATION]
    named = [entity for entity in organizations if noun is not None and noun in norm_words(entity.name)]
    return _most_named(named or organizations)
