"""Whom a pronoun stands for (part of stage 2, `reading`): "she" for the person named before it in its
sentence, else the first person of the nearest sentence before it that names one.

In: the sentences' mentions, without their pronouns. Out: each sentence's mentions with them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from newskb.draft.mentions import Entity, Mark, Mention, Mentions
from newskb.draft.names import Piece


def with_pronouns(
    plain: Sequence[Mentions], position: int, pronouns: Sequence[Piece], entities: Mapping[str, Entity]
) -> Mentions:
    """A sentence's mentions with the pronouns that stand for a person named before them."""
    sentence = plain[position]
    added = list(sentence.mentions)
    for piece in pronouns:
        if any(mention.start <= piece.start < mention.end for mention in sentence.mentions):
            continue
        person, note = person_for(plain, position, piece.start, piece.text, entities)
        if person is not None:
            added.append(
                Mention(mark=Mark.PRONOUN, start=piece.start, end=piece.end, text=piece.text, ref=person.ref, note=note)
            )
    added.sort(key=lambda mention: mention.start)
    return Mentions(sentence=sentence.sentence, mentions=tuple(added), inner=sentence.inner)


def person_for(
    sentences: Sequence[Mentions], position: int, offset: int, word: str, entities: Mapping[str, Entity]
) -> tuple[Mention | None, str]:
    """Whom a pronoun ("she", "her") at `offset` of the `position`-th sentence stands for: the last person
    named before it in its sentence, else the first person named in the nearest sentence before it that
    names one; and a note saying so."""
    sentence = sentences[position]
    people = [mention for mention in sentence.names() if mention.mark is Mark.PERSON and mention.end <= offset]
    if people:
        person = people[-1]
        return person, f"'{word}' is taken for {entities[person.ref].name}, named before it in the sentence"
    for earlier in reversed(sentences[:position]):
        named = [mention for mention in earlier.names() if mention.mark is Mark.PERSON]
        if named:
            person = named[0]
            return person, f"'{word}' is taken for {entities[person.ref].name}, the first person named before it"
    return None, ""
