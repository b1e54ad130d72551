"""Whom a pronoun stands for (part of stage 2, `reading`): "she" (or "the 39-year-old") for the person
named before it in its sentence, else the first person of the nearest sentence before it that names one;
"him" after a verb of succeeding ("before succeeding him") for the person named before it other than the
sentence's subject, else the first person of the nearest sentence before it.

In: the sentences' mentions, without their pronouns. Out: each sentence's mentions with them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from newskb.draft.lexicon import AGENT_ENDINGS, OBJECT_PRONOUNS, SUBJECT_PRONOUNS, SUCCEEDING
from newskb.draft.mentions import Entity, Mark, Mention, Mentions
from newskb.draft.pieces import Piece

# "The 39-year-old": a person named before, by age.
_AGED = re.compile(r"\d{1,3}-year-old")


def standing_for(words: Sequence[Piece], position: int) -> str | None:
    """Whether a word is a pronoun other than "he" or "she" and which: "object" for "him" after a verb of
    succeeding, "subject" for "the 39-year-old"."""
    piece = words[position]
    before = words[position - 1].lower if position > 0 else ""
    if piece.lower in OBJECT_PRONOUNS and before in SUCCEEDING:
        return "object"
    if _AGED.fullmatch(piece.lower) and before == "the" and not piece.possessive:
        return "subject"
    if _described(words, position):
        return "subject"
    return None


def _described(words: Sequence[Piece], position: int) -> bool:
    """A sentence that opens on a person described by a noun of an agent and then a verb: "The Ghanaian
    epidemiologist has run ...", "The former banker will ..." (a person named before, as "she" would be)."""
    piece = words[position]
    if not 1 <= position <= 2 or words[0].lower != "the" or not words[0].opens or position + 1 >= len(words):
        return False
    agent = piece.text.islower() and piece.lower.endswith(AGENT_ENDINGS) and not piece.possessive
    return agent and words[position + 1].lower in _AUXILIARIES


# The verbs that may follow a described subject.
_AUXILIARIES = frozenset(("has", "had", "was", "is", "will", "would", "said", "says", "took", "joined", "became"))


def with_pronouns(
    plain: Sequence[Mentions],
    position: int,
    pronouns: Sequence[Piece],
    objects: Collection[int],
    entities: Mapping[str, Entity],
) -> Mentions:
    """A sentence's mentions with the pronouns that stand for a person named before them (`objects`: where
    the pronouns that are objects start)."""
    sentence = plain[position]
    added = list(sentence.mentions)
    for piece in pronouns:
        if any(mention.start <= piece.start < mention.end for mention in sentence.mentions):
            continue
        object_of = piece.start in objects
        person, note = person_for(plain, position, piece.start, piece.text, entities, object_of=object_of)
        if person is not None:
            added.append(
                Mention(mark=Mark.PRONOUN, start=piece.start, end=piece.end, text=piece.text, ref=person.ref, note=note)
            )
    added.sort(key=lambda mention: mention.start)
    return Mentions(sentence=sentence.sentence, mentions=tuple(added), inner=sentence.inner)


# Between a verb's subject and the verb: "Y replaced", "Y has since replaced", "Y then succeeded".
_RIGHT_BEFORE = re.compile(r"\s+(?:(?:has|had|have|then|later|since|soon|eventually|formally|officially)\s+)*")
# "..., and", "; but": where a second clause, with a subject of its own, starts.
_NEXT_CLAUSE = re.compile(r"(?:,\s*|;\s*|\s)(?:and|but)\s+|;\s+")


def _subject(sentence: Mentions, people: Sequence[Mention], offset: int) -> Mention | None:
    """Who succeeds in the clause of a "him" at `offset`: the person right before its verb ("X led NATO until Y
    replaced him": Y), else the person who opens that clause ("X led it for ten years and Y later replaced him":
    Y; not "X served as minister and deputy under Y, before succeeding him"), else the sentence's first person."""
    opening = sentence.sentence.start
    verb = opening + sentence.sentence.text.rfind(" ", 0, offset - opening - 1) + 1
    finite = [
        mention
        for mention in people
        if _RIGHT_BEFORE.fullmatch(sentence.sentence.text, mention.end - opening, verb - opening)
    ]
    if finite:
        return finite[-1]
    starts = {opening + match.end() for match in _NEXT_CLAUSE.finditer(sentence.sentence.text, 0, offset - opening)}
    after = [mention for mention in people if mention.start in starts and mention.end <= offset]
    return after[-1] if after else (people[0] if people else None)


def person_for(
    sentences: Sequence[Mentions],
    position: int,
    offset: int,
    word: str,
    entities: Mapping[str, Entity],
    *,
    object_of: bool = False,
) -> tuple[Mention | None, str]:
    """Whom a pronoun ("she", "her") at `offset` of the `position`-th sentence stands for: the last person
    named before it in its sentence, else the first person named in the nearest sentence before it that
    names one; and a note saying so. `object_of`: "him" or "her" after a verb of succeeding, which is not
    the person who succeeds (the subject of its clause succeeds someone else)."""
    people = [mention for mention in sentences[position].names() if mention.mark is Mark.PERSON]
    subject = _subject(sentences[position], people, offset) if object_of else None
    before = [mention for mention in people if mention.end <= offset and mention is not subject]
    if before:
        person = before[-1]
        return person, f"'{word}' is taken for {entities[person.ref].name}, named before it in the sentence"
    for earlier in reversed(sentences[:position]):
        named = [
            mention
            for mention in sorted((*earlier.names(), *earlier.mentions), key=lambda mention: mention.start)
            if mention.mark is Mark.PERSON
            or (mention.mark is Mark.PRONOUN and mention.text.lower() in SUBJECT_PRONOUNS)
        ]
        if named:
            person = named[0]
            if person.mark is Mark.PRONOUN:
                return person, f"'{word}' is taken for {entities[person.ref].name}, as the '{person.text}' before it"
            return person, f"'{word}' is taken for {entities[person.ref].name}, the first person named before it"
    return None, ""
