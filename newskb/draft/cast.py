"""An article's organizations by kind (part of stage 2, `reading`), and which of them a noun stands for: "the
club", "the central bank", the organization an article is about.

In: the entities of an article. Out: its `Cast`, and the entity a noun or the article itself points to.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from newskb.common.kinds import Kind
from newskb.draft.capitalised import governing
from newskb.draft.entities import norm_words
from newskb.draft.lexicon import BODY_NOUNS, CENTRAL_BANK_WORDS, CLUB_WORDS, LEGAL_FORMS, REGULATOR_WORDS
from newskb.draft.mentions import Entity


def main_of(pool: list[Entity]) -> Entity | None:
    """The organization an article is about: its only one, or the first it names (in the headline or the
    lead, as news does) when it names it again; else none."""
    pool = [entity for entity in pool if not governs(entity)]
    if len(pool) == 1:
        return pool[0]
    first = min(pool, key=lambda entity: entity.first, default=None)
    return first if first is not None and first.count >= 2 else None


def governs(entity: Entity) -> bool:
    """A governing body ("the Board of Directors", a state's cabinet) is the organization's organ, not the
    organization: the offices it names are not its own."""
    return _governing_name(entity.name)


@functools.lru_cache(maxsize=4096)
def _governing_name(name: str) -> bool:
    # Asked for every organization each time a title's organization is looked for: once a name.
    words = norm_words(name)
    return governing(words) or words in CABINETS


# A state's bodies that name the holders of its offices, offices that are not theirs.
CABINETS = (["cabinet"], ["government"], ["the", "cabinet"], ["the", "government"])


def org_for_noun(noun: str | None, cast: Cast) -> Entity | None:
    """The organization "the club" or "the university" stands for, of an article's `cast`: the one organization
    whose name holds the noun ("the central bank": a central bank's name); else, when none does, the
    organization the article is about; none when that is not clear."""
    organizations = cast.organizations
    if noun is None:
        return None
    if noun in ("city", "town") and cast.city is not None and not cast.city.filed:
        return cast.city  # not the dateline's: "Born in Linz, he was mayor of the city" in a story from Vienna
    if noun == "central bank":
        named = [entity for entity in organizations if _central_bank(norm_words(entity.name))]
    else:
        words = _NOUN_WORDS.get(noun, {noun})
        named = [entity for entity in organizations if words & set(norm_words(entity.name))]
        if len(named) > 1 and noun == "bank":
            named = [entity for entity in named if not _central_bank(norm_words(entity.name))] or named
    if len(named) == 1:
        return named[0]
    # "the party", of "Statement of the Civic Renewal Party" and "Civic Renewal Party": the one the others contain.
    contained = [
        entity
        for entity in named
        if norm_words(entity.name)[-1] == noun and all(entity.name in other.name for other in named)
    ]
    if len(contained) == 1:
        return contained[0]
    main = main_of(organizations)
    if len(named) > 1:
        # "the college" with two colleges named: the one the article is about, if it is one of them.
        return main if main in named else None
    # A board is a body of an organization, not the organization: "board chair X" is not its chair; and "the
    # police" or "the government" is not the company an article is about.
    return main if noun not in BODY_NOUNS else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Cast:
    """An article's entities by kind, gathered once: its organizations, its countries, and the one city its
    local bodies name, if they name one."""

    organizations: list[Entity]
    countries: list[Entity]
    city: Entity | None

    @classmethod
    def of(cls, entities: Mapping[str, Entity]) -> Cast:
        places = [entity for entity in entities.values() if entity.place]
        return cls(
            organizations=[entity for entity in entities.values() if entity.kind is Kind.ORGANIZATION],
            countries=[entity for entity in entities.values() if entity.kind is Kind.COUNTRY],
            city=places[0] if len(places) == 1 else None,
        )


# The words of a name that a noun for it stands for: "the club" is "Harbury Town" or "Castleford Rovers", "the
# regulator" the "Capital Markets Authority", "the company" "Kessler Mühle GmbH" (a legal form says so).
_NOUN_WORDS: dict[str, frozenset[str]] = {
    "club": CLUB_WORDS,
    "team": CLUB_WORDS,
    "side": CLUB_WORDS,
    "regulator": REGULATOR_WORDS,
    "company": LEGAL_FORMS | {"company"},
    "firm": LEGAL_FORMS | {"firm"},
}


def _central_bank(words: list[str]) -> bool:
    return (
        ("bank" in words and any(word in CENTRAL_BANK_WORDS for word in words))
        or "bundesbank" in words
        or (words[:2] == ["bank", "of"])
    )
