"""Reading an article once, sentence by sentence: its dates, names (known and new), office phrases and
pronouns, then across the whole article: which new names are one entity ("Ilona Drask" and "Drask"),
whether each is a person, an organization or a country, which organization a bare title belongs to,
and whom "he" or "she" stands for. Each sentence ends up as a template, its mentions replaced by
markers, that `findings` reads for the patterns that state a term.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from newskb.draft import when
from newskb.draft.clauses import template
from newskb.draft.entities import Entity, identify
from newskb.draft.lexicon import SUBJECT_PRONOUNS
from newskb.draft.mentions import DATE_MARKS, KIND_MARKS, Mark, Mention, NameSpan, Sentence, TitleSpan
from newskb.draft.names import KnownEntity, KnownNames, Piece, capital_runs, pieces
from newskb.draft.offices import known_keys, reach, title_of, title_runs
from newskb.draft.orgs import Office, resolve
from newskb.kinds import Kind
from newskb.passage import sentences


@dataclass(slots=True)
class Reading:
    """What was read in an article."""

    text: str
    sentences: list[Sentence]
    entities: dict[str, Entity]
    offices: dict[str, Office]


def read(text: str, known: tuple[KnownEntity, ...]) -> Reading:
    """Read an article against the fact base's entities."""
    index = KnownNames.of(known)
    office_keys = known_keys([entity for entity in known if entity.kind is Kind.OFFICE], known)
    result: list[Sentence] = []
    pending: list[NameSpan] = []
    pending_offices: list[TitleSpan] = []
    dates: list[list[when.Expression]] = []
    pronouns: list[list[Piece]] = []
    for number, extent in enumerate(sentences(text), start=1):
        sentence = Sentence(number=number, start=extent.start, end=extent.end, text=text[extent.start : extent.end])
        result.append(sentence)
        words = pieces(text, extent.start, extent.end)
        expressions = when.find(sentence.text, extent.start)
        dates.append(expressions)
        used = {
            position
            for position, piece in enumerate(words)
            if any(expression.start < piece.end and piece.start < expression.end for expression in expressions)
        }
        name_at: dict[int, tuple[int, int]] = {}
        spans: dict[int, NameSpan] = {}
        for match in index.matches(text, words, used):
            used.update(range(match.first, match.last + 1))
            if match.entity.kind is Kind.OFFICE:
                opening, closing = words[match.first], words[match.last]
                pending_offices.append(
                    TitleSpan(
                        sentence=number,
                        start=opening.start,
                        end=closing.end,
                        title="",
                        head="",
                        org=None,
                        org_word=None,
                        former=False,
                        known=match.entity,
                        title_start=opening.start,
                        title_end=closing.end,
                    )
                )
                continue
            span = NameSpan(sentence=number, words=words[match.first : match.last + 1], match=match, tentative=False)
            pending.append(span)
            name_at[match.first] = name_at[match.last] = (match.first, match.last)
            spans[match.first] = span
        titles = title_runs(text, words, used)
        in_titles = {position for first, last in titles for position in range(first, last + 1)}
        for first, last in capital_runs(text, words, used | in_titles):
            tentative = first == last and words[first].opens
            span = NameSpan(sentence=number, words=words[first : last + 1], match=None, tentative=tentative)
            pending.append(span)
            name_at[first] = name_at[last] = (first, last)
            spans[first] = span
        for run in titles:
            extent_of = reach(text, words, run, name_at)
            org_first = None
            if extent_of.org_before is not None:
                org_first = name_at[extent_of.org_before][0]
            elif extent_of.org_after is not None:
                org_first = extent_of.org_after
            title_words = words[extent_of.title_first : extent_of.title_last + 1]
            pending_offices.append(
                TitleSpan(
                    sentence=number,
                    start=words[extent_of.first].start,
                    end=words[extent_of.last].end,
                    title=title_of(title_words),
                    head=words[run[1]].lower,
                    org=spans.get(org_first) if org_first is not None else None,
                    org_word=extent_of.org_word,
                    former=extent_of.former,
                    known=None,
                    title_start=title_words[0].start,
                    title_end=title_words[-1].end,
                )
            )
        pronouns.append([piece for piece in words if piece.lower in SUBJECT_PRONOUNS and piece.start not in used])
    entities, mentions = identify(text, pending, pending_offices, index)
    offices, placed = resolve(text, result, pending_offices, mentions, entities, office_keys)
    for sentence, expressions in zip(result, dates, strict=True):
        names = [mention for mention in mentions.values() if sentence.start <= mention.start < sentence.end]
        in_sentence = [mention for number, mention in placed if number == sentence.number]
        _place(sentence, expressions, sorted(names, key=lambda mention: mention.start), in_sentence, entities)
    _pronouns(result, pronouns, entities)
    for sentence in result:
        template(sentence)
    return Reading(text=text, sentences=result, entities=entities, offices=offices)


def _place(
    sentence: Sentence,
    expressions: list[when.Expression],
    names: list[Mention],
    office_mentions: list[Mention],
    entities: dict[str, Entity],
) -> None:
    """Gather a sentence's mentions: office phrases over the names inside them, then dates and names."""
    top: list[Mention] = list(office_mentions)
    inner: list[Mention] = []
    for expression in expressions:
        mark = DATE_MARKS[expression.shape]
        top.append(
            Mention(mark=mark, start=expression.start, end=expression.end, text=expression.text, expression=expression)
        )
    for name in names:
        name.mark = KIND_MARKS.get(entities[name.ref].kind, Mark.ORGANIZATION)
        if any(office.start <= name.start and name.end <= office.end for office in office_mentions):
            inner.append(name)
        else:
            top.append(name)
    kept: list[Mention] = []  # in order of their starts, none overlapping
    starts: list[int] = []
    for mention in top:  # office phrases first, then dates, then names: the first to claim a span keeps it
        place = bisect.bisect_left(starts, mention.start)
        if place > 0 and kept[place - 1].end > mention.start:
            continue
        if place < len(kept) and kept[place].start < mention.end:
            continue
        kept.insert(place, mention)
        starts.insert(place, mention.start)
    sentence.mentions = kept
    sentence.inner = inner


def _pronouns(sentences_read: list[Sentence], found: list[list[Piece]], entities: dict[str, Entity]) -> None:
    for position, (sentence, pronouns) in enumerate(zip(sentences_read, found, strict=True)):
        for piece in pronouns:
            if any(mention.start <= piece.start < mention.end for mention in sentence.mentions):
                continue
            person, note = person_for(sentences_read, position, piece.start, piece.text, entities)
            if person is None:
                continue
            mention = Mention(
                mark=Mark.PRONOUN, start=piece.start, end=piece.end, text=piece.text, ref=person.ref, note=note
            )
            sentence.mentions.append(mention)
        sentence.mentions.sort(key=lambda mention: mention.start)


def person_for(
    sentences_read: list[Sentence], position: int, offset: int, word: str, entities: dict[str, Entity]
) -> tuple[Mention | None, str]:
    """Whom a pronoun ("she", "her") at `offset` of the `position`-th sentence stands for: the last person
    named before it in its sentence, else the first person named in the nearest sentence before it that
    names one; and a note saying so."""
    sentence = sentences_read[position]
    people = [mention for mention in sentence.names() if mention.mark is Mark.PERSON and mention.end <= offset]
    if people:
        person = people[-1]
        return person, f"'{word}' is taken for {entities[person.ref].name}, named before it in the sentence"
    for earlier in reversed(sentences_read[:position]):
        named = [mention for mention in earlier.names() if mention.mark is Mark.PERSON]
        if named:
            person = named[0]
            return person, f"'{word}' is taken for {entities[person.ref].name}, the first person named before it"
    return None, ""
