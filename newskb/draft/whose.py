"""Whose a sentence's words make an office (for `orgs`): the organization or country the sentence is about
(its subject), the organization a "where" clause hangs on, a country named only as the owner of a body, and a
name that says whose a person is rather than what the sentence is about; and the context they read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newskb.common.kinds import Kind
from newskb.draft.cast import Cast, governs
from newskb.draft.countries import is_demonym
from newskb.draft.lexicon import ORG_NOUNS
from newskb.draft.mentions import Entity, Mention, TitleSpan
from newskb.draft.names import KnownEntity
from newskb.draft.offices import TitleKey
from newskb.draft.pieces import dateline_end
from newskb.draft.sentences import Sentence


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What finding a phrase's office needs from the rest of the article."""

    text: str
    sentences: Sequence[Sentence]
    mentions: Mapping[int, Mention]
    entities: Mapping[str, Entity]
    office_keys: Mapping[TitleKey, KnownEntity]
    # title -> the organizations of the phrases that name one, with where each is first named so
    explicit: Mapping[str, dict[str, int]]
    explicit_heads: Mapping[str, dict[str, int]]  # the same by the title's head noun ("deputy governor": governor)
    starts: Sequence[int]  # where each name mention starts, in order
    cast: Cast  # the entities by kind
    owning: frozenset[int] = frozenset()  # where the names that are an office phrase's organization start
    police_heads: frozenset[str] = frozenset()  # the heads of the police titles of the article ("Police Chief X")


def owns_body(context: Context, country: str, title: TitleSpan) -> bool:
    """Whether the sentence names the country only as the owner of a body ("Chile central bank picks ...",
    "Kenya's football federation named ..."): the body, not the country, is the subject."""
    sentence = context.sentences[title.sentence - 1]
    for start in context.starts:
        mention = context.mentions[start]
        if sentence.start <= start < title.start and mention.ref == country:
            return _BODY_AFTER.match(context.text, mention.end) is not None
    return False


# The state's own bodies ("Chile's government has appointed ...") name the country's offices, so are left out.
_BODY_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+(?:[a-z]+\s+)?(?:central\s+bank|"
    + "|".join(sorted(ORG_NOUNS - {"government", "cabinet"}, key=len, reverse=True))
    + r")\b"
)


def subject_of(context: Context, title: TitleSpan) -> str | None:
    """The organization or country a sentence is about: the first organization it names before the title,
    else the first country ("Ghanaian club Tema Lions FC have named X as head coach": the club's); not one
    that says whose a person is ("elected Brazil's Paulo Mendes as secretary general")."""
    sentence = context.sentences[title.sentence - 1]
    first = bisect.bisect_left(context.starts, sentence.start)
    named: list[Entity] = []
    for position in range(first, len(context.starts)):
        start = context.starts[position]
        if start >= title.start:
            break
        mention = context.mentions[start]
        entity = context.entities[mention.ref]
        if entity.kind is Kind.PERSON or _of_person(context, mention, position) or governs(entity):
            continue
        if start in context.owning:
            continue  # "City Council President X will take over as mayor": the council is X's title's, no subject
        named.append(entity)
    chosen = next((entity for entity in named if entity.kind is Kind.ORGANIZATION), named[0] if named else None)
    return chosen.key if chosen is not None else None


def previous_subject(context: Context, title: TitleSpan) -> str | None:
    """For "its" opening a sentence ("Kessler Mühle GmbH, the flour mill, ... . Its managing director, X,"): the
    organization the sentence before opens with, if it opens with one."""
    sentence = context.sentences[title.sentence - 1]
    if title.sentence < 2 or context.text[sentence.start : title.start].strip().lower() not in ("its", "their"):
        return None
    before = context.sentences[title.sentence - 2]
    first = bisect.bisect_left(context.starts, before.start)
    if first >= len(context.starts) or context.starts[first] >= before.end:
        return None
    mention = context.mentions[context.starts[first]]
    entity = context.entities[mention.ref]
    lead = context.text[before.start + dateline_end(before.text) : mention.start].strip().lower()
    opens = lead in ("", "the")
    return entity.key if opens and entity.kind is Kind.ORGANIZATION and not governs(entity) else None


def where_of(context: Context, title: TitleSpan) -> str | None:
    """The organization a "where" or "whose" clause hangs on: "Nordlys Lines, where Dahl was chief executive",
    "Rovers, whose manager Carl Jessop was appointed in January"."""
    sentence = context.sentences[title.sentence - 1]
    first = bisect.bisect_left(context.starts, sentence.start)
    last = bisect.bisect_left(context.starts, title.start)
    for position in range(last - 1, first - 1, -1):
        mention = context.mentions[context.starts[position]]
        if context.entities[mention.ref].kind is Kind.PERSON:
            continue
        clause = context.text[mention.end : title.start]
        return mention.ref if _WHERE.match(clause) else None
    return None


_WHERE = re.compile(r",\s+(?:where\s+[^,;.]*|whose\s+(?:new\s+|former\s+)?)$")


def _of_person(context: Context, mention: Mention, position: int) -> bool:
    """Whether a name says whose a person is: "Brazil's Paulo Mendes", "Danish Eva Hald", "Kenji Watanabe of
    Japan"."""
    if position + 1 < len(context.starts):
        following = context.mentions[context.starts[position + 1]]
        gap = context.text[mention.end : following.start]
        owned = gap.strip() in ("'s", "\u2019s", "'", "\u2019") or (not gap.strip() and is_demonym(mention.text))
        if owned and context.entities[following.ref].kind is Kind.PERSON:
            return True
    if position > 0:
        before = context.mentions[context.starts[position - 1]]
        gap = context.text[before.end : mention.start]
        # "Kenji Watanabe of Japan"; "X, the member for Tallowood, as deputy leader": a description of X.
        described = _APPOSITION.fullmatch(gap) is not None and context.text.startswith(",", mention.end)
        return (gap.strip() == "of" or described) and context.entities[before.ref].kind is Kind.PERSON
    return False


# What opens a description of a person between commas, up to a name: ", the member for ", ", a senator from ".
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+[a-z][a-z\s-]{0,40}?\b(?:for|from|of)\s+(?:the\s+)?")
