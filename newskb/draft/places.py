"""Places an article names through their local bodies (part of stage 2, `reading`): "the Harlan Falls City
Council" is the council of Harlan Falls, the city whose mayor and city manager an article names; "Millbrook"
alone in "the Millbrook Police Department" is that city, not the police. Where no local body names one, the
city a local story is filed from ("BRACKWATER, Ore. - Mayor X resigned"), if the story names it again.

In: the entities of an article (entities.py). Out: the same, with each city a local body names marked as a
place (an organization, as the fact base holds a city), added when the article never names it alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from newskb.common.fuzzy import normalise
from newskb.common.kinds import Kind
from newskb.draft.countries import named_country, of_capital
from newskb.draft.lexicon import LOCAL_BODIES, ORG_WORDS
from newskb.draft.mentions import Entity
from newskb.draft.names import KnownNames
from newskb.draft.pieces import dateline_end, pieces

# The cue `cues` gives a name that a local body in lower case follows ("Eskerby town council").
TOWN_CUE = "its town or city council follows it"
# The cue `cues` gives a name of several words that nothing else says the kind of: a person's, by default.
PERSON_BY_DEFAULT = "a name of several words, and nothing says otherwise"


def place_of(name: str) -> str | None:
    """The place a local body's name begins with ("Harlan Falls City Council": "Harlan Falls"), if it is one."""
    words = name.removeprefix("the ").split()
    lowered = tuple(word.lower() for word in words)
    for size in (1, 2, 3):
        if len(words) > size and lowered[-size:] in LOCAL_BODIES:
            return " ".join(words[:-size])
    return None


def with_places(text: str, entities: Mapping[str, Entity], index: KnownNames) -> dict[str, Entity]:
    """The entities, with every place a local body names marked (or added); else the city the story is
    filed from; and the country whose capital it is filed from, when the story names no country."""
    marked = _with_capital(text, _bodies_places(entities), index)
    if any(entity.place for entity in marked.values()) or not _LOCAL_TITLES.search(text):
        return marked
    return _filed_from(text, marked)


def _dateline(text: str) -> tuple[re.Match[str], int, int] | None:
    """The place of the story's dateline, where its line starts and where the dateline ends in that line."""
    offset = 0
    for line in text.splitlines(keepends=True)[:3]:
        end = dateline_end(line)
        if end:
            place = _DATELINE_PLACE.match(line)
            return (place, offset, end) if place is not None else None
        offset += len(line)
    return None


def _with_capital(text: str, entities: dict[str, Entity], index: KnownNames) -> dict[str, Entity]:
    """The entities, with the country of a story filed from its capital alone ("WELLINGTON - The House of
    Representatives elected ...") or from a city and its country ("LISBON, Portugal -"), when the story names
    no country: its state's offices are that country's. Not a city with its region ("KINGSTON, Ont."), which
    may be another than the capital."""
    found = _dateline(text)
    if found is None or any(entity.kind is Kind.COUNTRY for entity in entities.values()):
        return entities
    place, offset, end = found
    region = re.match(r"\s*,\s*([^,(\-\u2013\u2014]+)", place.string[place.end() : end])
    country = of_capital(place.group(1)) if region is None else named_country(region.group(1).strip())
    if country is None:
        return entities
    name = country.name.removeprefix("the ")
    matched = index.matches(name, pieces(name, 0, len(name)), set())
    known = matched[0].entity if matched and not matched[0].entity.reference else None
    key = known.id if known is not None else "new:" + normalise(name)
    cue = f"the country whose capital the story is filed from, '{place.group(1)}'"
    return {
        **entities,
        key: Entity(
            key=key,
            kind=Kind.COUNTRY,
            name=known.name if known is not None else name,
            known=known,
            forms=(name,),
            count=0,
            first=offset + place.start(1),
            typo=None,
            cues=(cue,),
            with_the=False,
        ),
    }


def _filed_from(text: str, entities: dict[str, Entity]) -> dict[str, Entity]:
    """The entities, with the place of the story's dateline marked (or added) as its city, when the story
    writes it again as a name ("Brackwater mayor quits", "the Brackwater Tribune"): a local story's mayor
    and city manager are its city's."""
    found = _dateline(text)
    if found is None:
        return entities
    place, offset, end = found
    name = " ".join(word.capitalize() for word in place.group(1).split())
    if ORG_WORDS & set(normalise(name).split()):
        return entities  # "BANK OF CANADA - ...": a round-up's item heading, no place
    said = re.finditer(rf"\b{re.escape(name)}\b", text)
    again = [found for found in said if not offset <= found.start() < offset + end]
    # ... or names a local body by what it is alone ("The City Council voted"), which is the city's.
    bodies = [key for key, entity in entities.items() if entity.known is None and _bare_body(entity.name)]
    if not again and not bodies:
        return entities
    by_name = {normalise(entity.name): key for key, entity in entities.items()}
    key = by_name.get(normalise(name))
    marked = dict(entities)
    for body in bodies:  # "the City Council" of a story filed from Cedar Hollow: the Cedar Hollow City Council
        marked[body] = replace(marked[body], name=f"{name} {marked[body].name.removeprefix('the ')}")
    if key is not None:
        guessed = marked[key].kind is Kind.PERSON and marked[key].cues == (PERSON_BY_DEFAULT,)
        if (marked[key].kind is Kind.ORGANIZATION or guessed) and marked[key].known is None:
            # "Port Ellery's next police chief": a place of two words, a person's name only by default.
            cue = f"the city the story is filed from, '{place.group(1)}'"
            marked[key] = replace(marked[key], kind=Kind.ORGANIZATION, place=True, filed=True, cues=(cue,))
        return marked
    cue = f"the city the story is filed from, '{place.group(1)}'"
    new = _place(name, again[0].start() if again else entities[bodies[0]].first, cue)
    marked[new.key] = replace(new, filed=True)
    return marked


def _bare_body(name: str) -> bool:
    """A local body's name that says only what it is: "City Council", "the Police Department"."""
    return tuple(normalise(name.removeprefix("the ")).split()) in LOCAL_BODIES


# A city's titles: only a story that names one takes the place it is filed from for its city.
_LOCAL_TITLES = re.compile(r"(?i:\b(?:mayor|city\s+manager|police\s+chief|chief\s+of\s+police|city\s+council)\b)")
# A dateline's place: its words in capitals before a comma, a bracket or the dash ("BRACKWATER, Ore.").
_DATELINE_PLACE = re.compile(r"\s*([^\W\d_a-z]+(?:\s+[^\W\d_a-z]+)*)(?=\s*[,(\-\u2013\u2014])")


def _bodies_places(entities: Mapping[str, Entity]) -> dict[str, Entity]:
    marked = dict(entities)
    by_name = {normalise(entity.name): key for key, entity in entities.items()}
    for own, entity in entities.items():
        if entity.kind is Kind.ORGANIZATION and entity.known is None and TOWN_CUE in entity.cues:
            marked[own] = replace(marked[own], place=True)
            continue
        place = place_of(entity.name) if entity.kind is Kind.ORGANIZATION and entity.known is None else None
        if place is None:
            continue
        cue = f"the city or town of '{entity.name}'"
        key = by_name.get(normalise(place))
        if key is not None and marked[key].place:
            continue
        if key is not None and marked[key].known is None:
            marked[key] = replace(marked[key], kind=Kind.ORGANIZATION, place=True, cues=(cue,))
        elif key is None:
            new = _place(place, entity.first, cue)
            by_name[normalise(place)] = new.key
            marked[new.key] = new
    return marked


def _place(name: str, first: int, cue: str) -> Entity:
    """A city the article never names alone, as a new organization (the fact base holds a city as one)."""
    return Entity(
        key="new:" + normalise(name),
        kind=Kind.ORGANIZATION,
        name=name,
        known=None,
        forms=(name,),
        count=0,
        first=first,
        typo=None,
        cues=(cue,),
        with_the=False,
        place=True,
    )
