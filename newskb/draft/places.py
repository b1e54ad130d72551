"""Places an article names through their local bodies (part of stage 2, `reading`): "the Harlan Falls City
Council" is the council of Harlan Falls, the city whose mayor and city manager an article names; "Millbrook"
alone in "the Millbrook Police Department" is that city, not the police.

In: the entities of an article (entities.py). Out: the same, with each city a local body names marked as a
place (an organization, as the fact base holds a city), added when the article never names it alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from newskb.common.fuzzy import normalise
from newskb.common.kinds import Kind
from newskb.draft.lexicon import LOCAL_BODIES
from newskb.draft.mentions import Entity

# The cue `cues` gives a name that a local body in lower case follows ("Eskerby town council").
TOWN_CUE = "its town or city council follows it"


def place_of(name: str) -> str | None:
    """The place a local body's name begins with ("Harlan Falls City Council": "Harlan Falls"), if it is one."""
    words = name.removeprefix("the ").split()
    lowered = tuple(word.lower() for word in words)
    for size in (1, 2, 3):
        if len(words) > size and lowered[-size:] in LOCAL_BODIES:
            return " ".join(words[:-size])
    return None


def with_places(entities: Mapping[str, Entity]) -> dict[str, Entity]:
    """The entities, with every place a local body names marked (or added)."""
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
            key = "new:" + normalise(place)
            by_name[normalise(place)] = key
            marked[key] = Entity(
                key=key,
                kind=Kind.ORGANIZATION,
                name=place,
                known=None,
                forms=(place,),
                count=0,
                first=entity.first,
                typo=None,
                cues=(cue,),
                with_the=False,
                place=True,
            )
    return marked
