"""Which office each office phrase of an article is (part of stage 2, `reading`): a known office, or a new
one with its organization, named in the phrase or found from the article when the phrase does not name it.

In: the office phrases of every sentence, the names' mentions and entities. Out: the offices, each frozen,
and each office phrase's mention with the number of its sentence (a phrase whose organization cannot be
found has none).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from newskb.common.fuzzy import normalise
from newskb.common.kinds import Kind
from newskb.draft.cast import CABINETS, Cast, governs, main_of, org_for_noun
from newskb.draft.cues import may_own
from newskb.draft.entities import norm_words
from newskb.draft.lexicon import (
    CITY_TITLE_WORDS,
    INTERIM_WORDS,
    ORG_NOUNS,
    ORG_WORDS,
    RANK_WORDS,
    STATE_HEADS,
    STATE_ONLY_HEADS,
    STATE_ONLY_TITLES,
    UNIT_WORDS,
)
from newskb.draft.mentions import Entity, Mark, Mention, Office, TitleSpan
from newskb.draft.names import KnownEntity
from newskb.draft.offices import TitleKey, match_known
from newskb.draft.sentences import Sentence
from newskb.draft.titles import head_forms, spelled_out
from newskb.draft.whose import Context, owns_body, previous_subject, subject_of, where_of


@dataclass(slots=True, eq=False)
class _Named:
    """An office while the article is read: its first phrase's reading, and every form it took."""

    office: Office
    forms: list[str] = field(default_factory=list)


def resolve(
    text: str,
    sentences: Sequence[Sentence],
    titles: Sequence[TitleSpan],
    mentions: Mapping[int, Mention],
    entities: Mapping[str, Entity],
    office_keys: Mapping[TitleKey, KnownEntity],
) -> tuple[dict[str, Office], list[tuple[int, Mention]]]:
    """Each office phrase's office (known, or new with its organization), and its mention by sentence."""
    titles = spelled_out(titles)
    explicit: dict[str, dict[str, int]] = {}
    explicit_heads: dict[str, dict[str, int]] = {}
    context = Context(
        text=text,
        sentences=sentences,
        mentions=mentions,
        entities=entities,
        office_keys=office_keys,
        explicit=explicit,
        explicit_heads=explicit_heads,
        starts=sorted(mentions),
        cast=Cast.of(entities),
        owning=frozenset(title.org.words[0].start for title in titles if title.org is not None),
        police_heads=frozenset(title.head for title in titles if title.org_word == "police"),
    )
    # The phrases that say their organization, or whose clause does ("its", "as"), first: a bare title
    # is then the same title of the one organization they name.
    for title in titles:
        org = _org_of(title, mentions, entities) or _said_org(context, title)[0]
        # A title someone held before ("a former chief executive of Northern Rail") does not say whose the
        # same title is elsewhere ("said chief executive Raj Patel", in a story about another company).
        if org is not None and not _FORMER.search(text, max(0, title.start - 12), title.start):
            explicit.setdefault(title.title, {}).setdefault(org, title.start)
            for head in head_forms(title.head):
                explicit_heads.setdefault(head, {}).setdefault(org, title.start)
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
            mark=Mark.OFFICE,
            start=phrase.start,
            end=phrase.end,
            text=written,
            ref=office.key,
            former=phrase.former,
            interim=phrase.interim,
        )
        placed.append((phrase.sentence, mention))
    return {key: replace(one.office, forms=tuple(one.forms)) for key, one in named.items()}, placed


def _office_of(context: Context, title: TitleSpan) -> tuple[Office, TitleSpan] | None:
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
        # Left blank, with a note: the curator names the organization (accept refuses an office without one).
        return _office(title, f"office::{title.title}", None, 100.0, found, ""), title
    title = _as_written_with(context, title, org)
    if title.org_word == "government" and context.entities[org].kind is Kind.COUNTRY:
        title = replace(title, title=f"government {title.title}")  # "government spokesman": the state's
    if _police(context, title) and context.entities[org].place:
        # "the city's police chief", and "Deputy Chief X" in a story of its Police Chief: the city's police.
        *rank, head = title.title.split()
        title = replace(title, title=" ".join([*rank, "police", head]))
    governed = main_of(context.cast.organizations) if governs(context.entities[org]) else None
    if governed is not None:
        # "Chair of the Board of Directors": the chair of the board of the organization the article is about.
        found = f"'{context.entities[org].name}' governs {governed.name}, the organization the article is about"
        title = replace(title, title=f"{title.title} of the board")
        org = governed.key
    parent, which = _parent_of(context, org, title)
    if parent is not None:
        # "dean of the Faculty of Medicine" in an article about one university: the university's dean of it.
        unit = context.entities[org].name
        found = f"'{unit}' is taken for a unit of {context.entities[parent].name}, {which}"
        title = replace(title, title=f"{title.title} of the {' '.join(norm_words(unit))}")
        org = parent
    org_entity = context.entities[org]
    title_key = TitleKey(org=org_entity.known.id if org_entity.known else org, title=title.title)
    matched = match_known(title_key, context.office_keys) if org_entity.known is not None else None
    if matched is not None:
        return _office(title, matched[0].id, matched[0], matched[1], found, matched[0].org or ""), title
    return _office(title, f"office:{org}:{title.title}", None, 100.0, found, org), title


def _as_written_with(context: Context, title: TitleSpan, org: str) -> TitleSpan:
    """A bare title written with another form of its head than where the article names its organization
    ("Chairman Luis Ferrer" after "chair of the Review Board") is that title."""
    stem = title.title.split()[:-1]
    for head in sorted(head_forms(title.head) - {title.head}):
        written = " ".join([*stem, head])
        if org in context.explicit.get(written, ()):
            return replace(title, title=written, head=head)
    return title


def _office(title: TitleSpan, key: str, known: KnownEntity | None, score: float, found: str, org: str) -> Office:
    return Office(
        key=key, title=title.title, org=org, known=known, score=score, forms=(), first=title.start, found=found
    )


def _said_org(context: Context, title: TitleSpan) -> tuple[str | None, str]:
    """The organization a title's own clause gives it without naming it in the phrase: "its chief
    executive" (the subject of the sentence), "the club's manager", "X removed Y as head coach" (X)."""
    entities = context.entities
    said = context.text[title.start : title.end]
    if title.org_word is not None and title.org_word not in ("its", "their"):
        chosen_entity = org_for_noun(title.org_word, context.cast)
        if chosen_entity is not None:
            return chosen_entity.key, f"'{title.org_word}' is taken for {chosen_entity.name}"
        state = main_of(context.cast.countries) if title.org_word == "government" else None
        if state is not None:
            return state.key, f"'{said}' is taken for the government of {state.name}, the country the article is about"
    where = where_of(context, title)
    if where is not None:
        # The clause's own word ("Rovers, whose manager ..."), the last before the title.
        word = re.findall(r"\b(where|whose)\b", context.text[: title.start])[-1]
        return where, f"'{said}' is taken for {entities[where].name}'s, named before '{word}'"
    becomes = _BECOMES.search(context.text, max(0, title.start - 60), title.start) is not None
    nearer = _noun_before(context, title) if title.org_word in ("its", "their") else None
    if nearer is not None:
        return nearer.key, f"'{said}' is taken for {nearer.name}'s, the '{title.org_word}' of the noun before it"
    if title.org_word in ("its", "their") or title.after_as or becomes:
        subject = subject_of(context, title)
        if subject is not None and title.org_word is None and norm_words(entities[subject].name) in CABINETS:
            subject = None  # "The Cabinet nominated X as Chief Justice": a state's office, not the cabinet's
        if subject is not None and becomes and not title.after_as and entities[subject].kind is not Kind.ORGANIZATION:
            subject = None  # "X said Y will become governor": an organization's, never a country's by that alone
        if subject is not None and title.head in STATE_ONLY_HEADS and entities[subject].kind is not Kind.COUNTRY:
            subject = None  # a state's title ("sworn in as premier") is no party's or company's
        if subject is not None and entities[subject].kind is Kind.COUNTRY and owns_body(context, subject, title):
            subject = None  # "Chile central bank picks X as deputy governor": the bank's, not the country's
        if subject is not None:
            return subject, f"'{said}' is taken for {entities[subject].name}'s, the subject of the sentence"
    return None, ""


def _noun_before(context: Context, title: TitleSpan) -> Entity | None:
    """What "its" stands for where a noun for an organization stands between it and any name of one in its
    clause: "joined the central bank as a researcher and rose to become its vice president" (not the "Chicago"
    before it)."""
    sentence = context.sentences[title.sentence - 1]
    before = context.text[sentence.start : title.start]
    nouns = list(_THE_NOUN.finditer(before))
    if not nouns:
        return None
    last = nouns[-1]
    named_after = any(sentence.start + last.end() <= start < title.start for start in context.starts)
    return None if named_after else org_for_noun(" ".join(last.group(1).split()), context.cast)


# "the central bank", "the club": a noun that stands for an organization named elsewhere.
_THE_NOUN = re.compile(r"\bthe\s+(central\s+bank|" + "|".join(sorted(ORG_NOUNS, key=len, reverse=True)) + r")\b")


def _antecedents(context: Context, title: TitleSpan) -> set[str]:
    """The organizations a bare title may be of: the same title of the one organization the article names
    it with; a bare head, or a rank of it ("deputy governor"), that of the one organization named with the
    head ("governor of X"). For "its" whose subject the sentence does not name, only those named before it
    ("Starbucks named X as its chief executive" is not Chipotle's, whose chief executive a later sentence
    names)."""
    found = context.explicit.get(title.title) or {}
    if not found and set(title.title.split()[:-1]) <= RANK_WORDS | INTERIM_WORDS:
        found = context.explicit_heads.get(title.head) or {}
    orgs = {org for org, start in found.items() if not _unsaid(title) or start < title.start}
    # "Kelmscott vice-chancellor" in the headline, "vice-chancellor of the University of Kelmscott" in the story:
    # the short name stands for the longer one that holds it.
    words = {org: set(norm_words(context.entities[org].name)) for org in orgs}
    return {org for org in orgs if not any(other != org and words[org] < words[other] for other in orgs)}


# Titles a state's or one kind of body's: a bare one is never taken for another kind of organization's.
_STATE_OR = {"governor": "bank", "senator": "senate"}


def _police(context: Context, title: TitleSpan) -> bool:
    """A police title: "police chief", or a rank of the head of one the article names ("Deputy Chief X" where
    "Police Chief Y" is named)."""
    rank = set(title.title.split()[:-1])
    return title.org_word == "police" or (title.head in context.police_heads and rank <= RANK_WORDS | INTERIM_WORDS)


def _unsaid(title: TitleSpan) -> bool:
    """An "its" or "their" whose subject the sentence does not name: whose title it is is not clear."""
    return title.org_word in ("its", "their")


def _org_of(title: TitleSpan, mentions: Mapping[int, Mention], entities: Mapping[str, Entity]) -> str | None:
    if title.org is None or not may_own(title, title.org):
        return None
    mention = mentions.get(title.org.words[0].start)
    if mention is None or entities[mention.ref].kind is Kind.PERSON:
        return None
    return mention.ref


def _implied_org(context: Context, title: TitleSpan) -> tuple[str | None, str]:
    """The organization of a title that does not name it, and how it was found; or None and why not,
    where neither the clause nor a clear antecedent names it (a guess would be a wrong fact to review)."""
    entities = context.entities
    said = context.text[title.start : title.end]
    if title.described:
        return None, f"'{said}' is of a body the article describes in words after it, not by a name"
    city_title = CITY_TITLE_WORDS & set(title.title.split()) or _police(context, title)
    place = context.cast.city if city_title else None
    if place is not None and place.filed and title.org_word in ("city", "town"):
        place = None  # "mayor of the city": a city the sentence names, not the one the story is filed from
    if place is not None:
        return place.key, f"'{said}' is taken for {place.name}'s, the city the article names"
    org, how = _said_org(context, title)
    if org is not None:
        return org, how
    main = main_of(context.cast.organizations)
    if title.head in CITY_TITLE_WORDS and not _antecedents(context, title) and main is not None and _bodied(main):
        return None, f"'{said}' is a city's title, and the article names no city it is of"
    if title.org_word == "board":
        return None, f"'{said}' is a board's, and the article does not make clear whose board"
    if title.org_word is not None and title.org_word not in ("its", "their"):
        return None, f"'{said}' names no organization of the article by '{title.org_word}'"
    orgs = _antecedents(context, title)
    if _unsaid(title) and len(orgs) != 1:
        # "The board also named X as its chairman": the organization the article is about, if it is clear.
        main = main_of(context.cast.organizations)
        if main is not None and main.first < title.start:
            return main.key, f"'{said}' is taken for {main.name}'s, the organization the article is about"
        before = previous_subject(context, title)
        if before is not None:
            return before, f"'{said}' opens its sentence: {context.entities[before].name}'s, the subject before it"
        return None, f"'{said}' is of the sentence's subject, which it does not name"
    if len(orgs) == 1:
        (chosen,) = orgs
        return (
            chosen,
            f"'{said}' alone is taken for the same title of {entities[chosen].name}, named elsewhere in the article",
        )
    if len(orgs) > 1:
        return None, f"'{said}' alone may be the title of more than one organization of the article"
    only_a_state = title.head in STATE_ONLY_HEADS or title.title in STATE_ONLY_TITLES
    if title.head in STATE_HEADS or only_a_state:
        return _state_of(context, title, only_a_state)
    return _main_org(context, title, said)


def _main_org(context: Context, title: TitleSpan, said: str) -> tuple[str | None, str]:
    """The last resort for a title that names no organization: the one the article is about, unless the title
    cannot be its or the article is about several."""
    main = main_of(context.cast.organizations)
    body = _STATE_OR.get(title.head)
    if main is not None and body is not None and body not in norm_words(main.name):
        # A governor heads a bank or a state, a senator sits in a senate: never a party's or a company's ("Gov. X
        # of Utah", "Senator X was elected party leader").
        return None, f"'{said}' is a {body}'s or a state's, and {main.name}, which the article is about, is no {body}"
    named = {org for orgs in context.explicit.values() for org in orgs}
    if main is not None and len(named) >= _ROUND_UP:
        # A round-up of appointments ("People moves: ..."): the first organization is one story of several.
        return None, f"'{said}' names no organization, and the article names offices of {len(named)} organizations"
    if main is not None:
        return main.key, f"'{said}' alone is taken for {main.name}'s, the organization the article is about"
    return None, f"'{said}' names no organization, and the article does not make clear which"


# How many organizations an article names offices of before it is taken for a round-up of several stories.
_ROUND_UP = 4


def _state_of(context: Context, title: TitleSpan, only_a_state: bool) -> tuple[str | None, str]:
    """The country a state's title alone is of, or None and why not."""
    said = context.text[title.start : title.end]
    organizations = context.cast.organizations
    # Not the country an ambassador is sent to ("ambassador to Spain" is no Spanish office).
    sent_to = title.title.split(" to ", 1)[1] if " to " in title.title else None
    countries = [country for country in context.cast.countries if normalise(country.name) != sent_to]
    # "President X" before a name, where no organization of the article has a president named: the state's.
    state_only = only_a_state or not organizations or title.named_after
    if state_only and len(countries) == 1:
        (country,) = countries
        return country.key, f"'{said}' alone is taken for {country.name}'s, the one country of the article"
    # A minister of an article about one country among others named: the one it names first and again.
    chosen = main_of(countries) if only_a_state else None
    if chosen is not None:
        return chosen.key, f"'{said}' alone is taken for {chosen.name}'s, the country the article is about"
    return None, f"'{said}' names no country, and the article does not make clear which"


# "X said Y will become chief financial officer", "X named Y chairman": the subject's.
_BECOMES = re.compile(
    r"\b(?:(?:become|becomes|became)|(?:named|names|appointed|appoints|elected|elects)\s+[A-Z][\w.'\u2019-]*"
    r"(?:\s+[A-Z][\w.'\u2019-]*){0,3})\s+(?:the\s+|its\s+|their\s+|a\s+|an\s+)?(?:new\s+)?$"
)
_FORMER = re.compile(r"\b(?:former|previously|ex-)\s*$", re.IGNORECASE)


def _parent_of(context: Context, org: str, title: TitleSpan) -> tuple[str | None, str]:
    """The university whose unit ("Faculty of Medicine", "College of Engineering", "School of Law") an
    organization's name says it is: the one named just after the phrase ("dean of the College of Nursing at
    Tri-County University"), else the one university of the article; None for any other organization."""
    words = norm_words(context.entities[org].name)
    if len(words) < 3 or words[0] not in UNIT_WORDS or words[1] != "of":
        return None, ""
    at = _AT.match(context.text, title.end)
    named = context.mentions.get(at.end()) if at is not None else None
    if named is not None and context.entities[named.ref].kind is Kind.ORGANIZATION:
        return named.ref, "named after 'at'"
    universities = [
        entity.key
        for entity in context.cast.organizations
        if entity.key != org and "university" in norm_words(entity.name) and not _parent_words(entity)
    ]
    return (universities[0], "the one university of the article") if len(universities) == 1 else (None, "")


_AT = re.compile(r"\s+at\s+(?:the\s+)?")


def _parent_words(entity: Entity) -> bool:
    return norm_words(entity.name)[0] in UNIT_WORDS


def _bodied(entity: Entity) -> bool:
    """Whether a name says it is a body ("City Council", "Brook Foods Ltd"): no city whose mayor it has."""
    return any(word in ORG_WORDS for word in norm_words(entity.name))
