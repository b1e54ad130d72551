"""Stage 2 of the reader: every sentence's mentions, and the entities and offices they stand for.

In: the article's text, its sentences (stage 1) and the fact base's entities. Out: a `Reading` (see
mentions.py): for every sentence its dates, names (known and new), office phrases and pronouns, none
overlapping, in order; across the whole article, which names are one entity ("Ilona Drask" and "Drask"),
whether each is a person, an organization or a country (`entities`), which office each office phrase is
and to which organization a bare title belongs (`orgs`), and whom "he" or "she" stands for.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from newskb.common.kinds import Kind
from newskb.draft import when
from newskb.draft.capitalised import capital_runs, letters_after
from newskb.draft.countries import as_known, is_demonym
from newskb.draft.entities import identify
from newskb.draft.lexicon import APPOINTING, NOT_FIELD, ORG_WORDS, SUBJECT_PRONOUNS
from newskb.draft.mentions import DATE_MARKS, Mention, Mentions, NameSpan, Reading, TitleSpan
from newskb.draft.names import KnownEntity, KnownMatch, KnownNames
from newskb.draft.offices import TitleKey, known_keys, reach
from newskb.draft.orgs import resolve
from newskb.draft.pieces import Piece, dateline_end, joined, pieces
from newskb.draft.pronouns import standing_for, with_pronouns
from newskb.draft.sentences import LONGEST_SENTENCE, Sentence
from newskb.draft.titles import interim_of, title_of, title_runs


@dataclass(frozen=True, slots=True, kw_only=True)
class _Spans:
    """What one sentence holds before the article-level decisions."""

    dates: tuple[when.Expression, ...]
    names: tuple[NameSpan, ...]
    titles: tuple[TitleSpan, ...]
    pronouns: tuple[Piece, ...]
    objects: frozenset[int] = frozenset()  # where the pronouns that are objects ("succeeding him") start


class Lexicon(NamedTuple):
    """The fact base's names and offices as the reader looks them up: built once for many texts (`verify -`
    reads each line against the same base; building them is most of the cost of reading one sentence)."""

    names: KnownNames
    office_keys: Mapping[TitleKey, KnownEntity]


def lexicon(known: Sequence[KnownEntity]) -> Lexicon:
    offices = [entity for entity in known if entity.kind is Kind.OFFICE]
    return Lexicon(KnownNames.of(as_known(known)), known_keys(offices, known))


def read(
    text: str, sentences: Sequence[Sentence], known: Sequence[KnownEntity], prepared: Lexicon | None = None
) -> Reading:
    """Read an article's sentences against the fact base's entities (`prepared`: their lexicon, if built)."""
    index, office_keys = prepared or lexicon(known)
    spans = [_spans(text, sentence, index) for sentence in sentences]
    names = [name for one in spans for name in one.names]
    titles = [title for one in spans for title in one.titles]
    entities, mentions = identify(text, names, titles, index)
    offices, placed = resolve(text, sentences, titles, mentions, entities, office_keys)
    names_of: dict[int, list[Mention]] = {}
    for span in names:
        if span.words[0].start in mentions:
            names_of.setdefault(span.sentence, []).append(mentions[span.words[0].start])
    offices_of: dict[int, list[Mention]] = {}
    for number, mention in placed:
        offices_of.setdefault(number, []).append(mention)
    plain = [
        _place(
            sentence,
            one.dates,
            sorted(names_of.get(sentence.number, []), key=lambda mention: mention.start),
            offices_of.get(sentence.number, []),
        )
        for sentence, one in zip(sentences, spans, strict=True)
    ]
    # In order, each sentence seeing the pronouns read before it: "She was succeeded by X. She was ...": the
    # second "she" is the first's, the subject the story keeps to, not X.
    told: list[Mentions] = []
    for position, one in enumerate(spans):
        told.append(with_pronouns([*told, *plain[position:]], position, one.pronouns, one.objects, entities))
    return Reading(text=text, sentences=tuple(told), entities=entities, offices=offices)


def _spans(text: str, sentence: Sentence, index: KnownNames) -> _Spans:
    """One sentence's dates, name spans (known names first), office phrases and pronouns (none in a
    sentence too long to be prose)."""
    if len(sentence.text) > LONGEST_SENTENCE:
        return _Spans(dates=(), names=(), titles=(), pronouns=())

    words = pieces(text, sentence.start, sentence.end)
    expressions = when.find(sentence.text, sentence.start)
    filed = sentence.start + dateline_end(sentence.text)
    if sentence.heading:
        # A headline's kicker ("Rugby: ...", "Padel: ...") says what the story is about, and names no one.
        kicker = _KICKER.match(sentence.text)
        filed = max(filed, sentence.start + kicker.end() if kicker else 0)
    used = {
        position
        for position, piece in enumerate(words)
        if piece.start < filed
        or any(expression.start < piece.end and piece.start < expression.end for expression in expressions)
    }
    name_at: dict[int, tuple[int, int]] = {}
    spans: dict[int, NameSpan] = {}
    names: list[NameSpan] = []
    titles: list[TitleSpan] = []
    for match in _outside_names(text, words, used, index.matches(text, words, used)):
        used.update(range(match.first, match.last + 1))
        if match.entity.kind is Kind.OFFICE:
            opening, closing = words[match.first], words[match.last]
            titles.append(
                TitleSpan(
                    sentence=sentence.number,
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
        span = NameSpan(
            sentence=sentence.number,
            words=tuple(words[match.first : match.last + 1]),
            match=match,
            tentative=False,
            heading=sentence.heading,
        )
        names.append(span)
        name_at[match.first] = name_at[match.last] = (match.first, match.last)
        spans[match.first] = span
    runs = title_runs(text, words, used)
    if sentence.heading:
        # A headline's lone "chief" describes ("central bank chief", "UN chief"), it names no title.
        runs = [(first, last) for first, last in runs if not (first == last and words[first].lower == "chief")]
    in_titles = {position for first, last in runs for position in range(first, last + 1)}
    for first, last in capital_runs(text, words, used | in_titles):
        tentative = first == last and words[first].opens
        letters = letters_after(words, last)
        span = NameSpan(
            sentence=sentence.number,
            words=tuple(words[first : last + 1]),
            match=None,
            tentative=tentative,
            heading=sentence.heading,
            letters_end=words[letters].end if letters > last else None,
        )
        names.append(span)
        name_at[first] = name_at[last] = (first, last)
        spans[first] = span
    titles += [_title(text, sentence.number, words, run, name_at, spans) for run in runs]
    standing = [standing_for(words, position) for position in range(len(words))]
    pronouns = tuple(
        piece
        for position, (piece, stands) in enumerate(zip(words, standing, strict=True))
        if position not in used and (piece.lower in SUBJECT_PRONOUNS or stands is not None)
    )
    objects = frozenset(piece.start for piece, stands in zip(words, standing, strict=True) if stands == "object")
    if sentence.heading and _title_case(sentence.text):
        # A headline in title case ("Tarrowby Instruments Inc. Announces CEO Succession Plan") capitalises
        # every word: its capitals tell a name only where the story under it writes it too, and no title (a
        # line alone, such as a statement to verify, is no headline). Only such a line pays for the copy.
        story = text[: sentence.start] + text[sentence.end :]
        if story.strip():
            names = [span for span in names if text[span.words[0].start : span.words[-1].end] in story]
            titles = []
    return _Spans(
        dates=tuple(expressions), names=tuple(names), titles=tuple(titles), pronouns=pronouns, objects=objects
    )


def _title_case(line: str) -> bool:
    """Whether a line capitalises every word of four letters or more (at least four such words)."""
    # Function words stay in lower case in title case ("... to Lead Company from April 1").
    long = [word for word in re.findall(r"[^\W\d_][\w'\u2019-]*", line) if len(word) >= 4 and word not in NOT_FIELD]
    return len(long) >= 4 and all(word[0].isupper() for word in long)


_KICKER = re.compile(r"\s*[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)?\s*[:|]\s")


def _outside_names(text: str, words: Sequence[Piece], used: set[int], matches: list[KnownMatch]) -> list[KnownMatch]:
    """The matches, less a country of the reference table written inside a longer name ("Bank of Korea",
    "Czech National Bank", "Orchard Ireland"), which names an organization, not the country; and less a known
    name in initials that opens a longer one ("US Montredon", a club, is not the United States)."""
    matches = [match for match in matches if not _opens_name(text, words, used, match)]
    taken = used | {
        index for match in matches if not match.entity.reference for index in range(match.first, match.last + 1)
    }
    in_titles = {position for first, last in title_runs(text, words, taken) for position in range(first, last + 1)}
    runs = capital_runs(text, words, taken | in_titles)
    return [
        match
        for match in matches
        if not match.entity.reference
        or _describes_person(words, match, runs)
        or not any(
            first <= match.first and match.last <= last and (first, last) != (match.first, match.last)
            for first, last in runs
        )
    ]


def _describes_person(words: Sequence[Piece], match: KnownMatch, runs: list[tuple[int, int]]) -> bool:
    """Whether a country's adjective opens a run that is otherwise a person's name of one or two words ("Danish
    Hald", "Kenyan Joseph Wafula"): the country describes the person, as "Kenya's" would; an organization's
    name keeps it ("Danish Rowing Association", "Czech Airlines")."""
    if match.first != match.last or not is_demonym(match.label):
        return False
    rest = next((last for first, last in runs if first == match.first and last > match.last), None)
    return (
        rest is not None
        and rest - match.last <= 2
        and all(
            piece.capital and not piece.text.isupper() and piece.lower not in ORG_WORDS
            for piece in words[match.last + 1 : rest + 1]
        )
    )


def _opens_name(text: str, words: Sequence[Piece], used: set[int], match: KnownMatch) -> bool:
    """Whether a known name written in initials ("US") is the first word of a longer name: a capitalised
    word joined after it that is neither a title's nor the start of a sentence's next clause."""
    first, following = words[match.first], match.last + 1
    if match.first != match.last or not first.text.isupper() or following >= len(words) or following in used:
        return False
    after = words[following]
    return (
        after.capital
        and not after.text.isupper()
        and joined(text, first, after)
        and not title_runs(text, words[following : following + 1], set())
    )


def _title(
    text: str,
    number: int,
    words: Sequence[Piece],
    run: tuple[int, int],
    name_at: Mapping[int, tuple[int, int]],
    spans: Mapping[int, NameSpan],
) -> TitleSpan:
    """A title run extended over the organization it names, if it names one."""
    extent_of = reach(text, words, run, name_at)
    org_first = None
    first = extent_of.first
    if extent_of.org_before is not None:
        org_first = name_at[extent_of.org_before][0]
        appointed = org_first > 0 and words[org_first - 1].lower in APPOINTING
        bodied = any(piece.lower in ORG_WORDS for piece in words[org_first : extent_of.org_before + 1])
        if appointed and not words[extent_of.org_before].possessive and not bodied:
            # "names Delgado police chief": the name is the one appointed, not the title's organization (but
            # "named Tallow Springs Police Chief X": a body's name, whose chief X is).
            org_first, first = None, extent_of.title_first
    if org_first is None and extent_of.org_after is not None:
        # ... and its organization may follow it: "appointed X first deputy governor of Norges Bank".
        org_first = extent_of.org_after
    title_words = words[extent_of.title_first : extent_of.title_last + 1]
    return TitleSpan(
        sentence=number,
        start=words[first].start,
        end=words[extent_of.last].end,
        title=title_of(title_words),
        head=_head_of(words, run),
        org=spans.get(org_first) if org_first is not None else None,
        org_word=extent_of.org_word,
        former=extent_of.former,
        known=None,
        title_start=title_words[0].start,
        title_end=title_words[-1].end,
        interim=interim_of(title_words),
        named_after=extent_of.last + 1 in spans and joined(text, words[extent_of.last], words[extent_of.last + 1]),
        after_as=_after_as(words, extent_of.first),
        described=extent_of.described,
    )


def _head_of(words: Sequence[Piece], run: tuple[int, int]) -> str:
    """A title run's head: its last word, or the last before a field in capitals ("Minister for Justice":
    a minister; "Deputy Governor for Financial Stability": a governor)."""
    joiner = next((index for index in range(run[0] + 1, run[1]) if words[index].lower in ("for", "of")), None)
    return words[joiner - 1 if joiner is not None else run[1]].lower


def _after_as(words: Sequence[Piece], first: int) -> bool:
    """Whether "as" (and maybe "its", "the", "new", "interim") stands just before the phrase, or a verb of
    removing someone from it ("X sacked manager Y": X's manager)."""
    probe = first - 1
    while probe >= 0 and words[probe].lower in ("its", "their", "the", "a", "an", "new", "next", "permanent"):
        probe -= 1
    if probe >= 0 and words[probe].lower in _REMOVING:
        return True
    # "served as trade minister" says nothing of who named the holder; "X named Y as trade minister" does.
    return probe >= 1 and words[probe].lower == "as" and words[probe - 1].lower not in _SERVING


_SERVING = frozenset(("served", "serve", "serves", "serving", "worked", "acted", "sat"))
_REMOVING = frozenset(("sacked", "fired", "ousted", "removed", "dismissed", "sacks", "fires", "ousts", "removes"))


def _place(
    sentence: Sentence,
    expressions: Sequence[when.Expression],
    names: Sequence[Mention],
    office_mentions: Sequence[Mention],
) -> Mentions:
    """Gather a sentence's mentions: office phrases over the names inside them, then dates and names."""
    top: list[Mention] = list(office_mentions)
    inner: list[Mention] = []
    for expression in expressions:
        mark = DATE_MARKS[expression.shape]
        top.append(
            Mention(mark=mark, start=expression.start, end=expression.end, text=expression.text, expression=expression)
        )
    for name in names:
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
    return Mentions(sentence=sentence, mentions=tuple(kept), inner=tuple(inner))
