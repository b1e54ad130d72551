"""Reading an article once, sentence by sentence: its dates, names (known and new), office phrases and
pronouns, then across the whole article: which new names are one entity ("Ilona Drask" and "Drask"),
whether each is a person, an organization or a country, which organization a bare title belongs to,
and whom "he" or "she" stands for. Each sentence ends up as a template, its mentions replaced by
markers, that `phrases` reads for the patterns that state a term.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from newskb.draft import when
from newskb.draft.lexicon import DEMONYM_ENDINGS, NAME_CONNECTORS, ORG_NOUNS, ORG_WORDS, STATE_HEADS, SUBJECT_PRONOUNS
from newskb.draft.names import KnownEntity, KnownMatch, KnownNames, Piece, capital_runs, pieces
from newskb.draft.offices import TitleKey, known_keys, match_known, reach, title_of, title_runs
from newskb.fuzzy import normalise
from newskb.kinds import Kind
from newskb.passage import sentences

# The markers of a template: private-use characters, which an article does not contain.
OPEN, CLOSE = "\ue000", "\ue001"


class Mark(StrEnum):
    """What a marker in a template stands for."""

    PERSON = "P"
    ORGANIZATION = "G"
    COUNTRY = "C"
    OFFICE = "O"
    PRONOUN = "R"
    POINT = "D"
    SINCE = "S"
    RANGE = "F"
    UNTIL = "U"
    LENGTH = "L"


_DATE_MARKS = {
    when.Shape.POINT: Mark.POINT,
    when.Shape.SINCE: Mark.SINCE,
    when.Shape.RANGE: Mark.RANGE,
    when.Shape.UNTIL: Mark.UNTIL,
    when.Shape.LENGTH: Mark.LENGTH,
}
_KIND_MARKS = {Kind.PERSON: Mark.PERSON, Kind.ORGANIZATION: Mark.ORGANIZATION, Kind.COUNTRY: Mark.COUNTRY}
_APPOINTS = re.compile(
    r"\s+(?:has\s+|have\s+)?(?:appointed|appoints|named|names|elected|elects|hired|hires|chose|picked|"
    r"swore\s+in|swears\s+in)\s"
)
_AGE = re.compile(r",\s*\d{1,3},")


@dataclass(slots=True, eq=False)
class Entity:
    """A person, organization or country the article names: known to the fact base, or new."""

    key: str  # the known id, or the new id (made unique later)
    kind: Kind
    name: str
    known: KnownEntity | None = None
    forms: list[str] = field(default_factory=list)  # as written, first seen first
    count: int = 0
    first: int = 0  # the offset of its first mention
    typo: tuple[str, float] | None = None  # a misspelt form and its score
    cues: list[str] = field(default_factory=list)  # why it is a person, an organization or a country
    with_the: bool = False  # written "the X"


@dataclass(slots=True, eq=False)
class Office:
    """An office the article names: known to the fact base, or new (with its organization)."""

    key: str
    title: str  # normalised: "finance minister"
    org: str  # the key of its organization or country
    known: KnownEntity | None = None
    score: float = 100.0
    forms: list[str] = field(default_factory=list)
    first: int = 0
    found: str = ""  # how its organization was found, when the phrase does not name it


@dataclass(slots=True, eq=False)
class Mention:
    """One mention in a sentence: its place in the article and what it stands for."""

    mark: Mark
    start: int
    end: int
    text: str
    ref: str = ""  # an entity's or office's key; a pronoun's person
    expression: when.Expression | None = None  # for a date
    former: bool = False  # an office phrase that says "former" inside it
    org_mention: Mention | None = None  # an office phrase's organization, when it names one
    note: str = ""  # how a pronoun or a typo was read


@dataclass(slots=True, eq=False)
class Sentence:
    number: int  # from 1, as `coverage` counts them
    start: int
    end: int
    text: str
    mentions: list[Mention] = field(default_factory=list)  # top-level, in order
    inner: list[Mention] = field(default_factory=list)  # names inside office phrases
    template: str = ""
    origins: list[int] = field(default_factory=list)  # the article offset of each template character
    marked: dict[int, Mention] = field(default_factory=dict)  # a template marker's number -> its mention

    def names(self) -> list[Mention]:
        """Every name mention of the sentence, inside office phrases too, in order."""
        found = [mention for mention in (*self.mentions, *self.inner) if mention.mark in _KIND_MARKS.values()]
        return sorted(found, key=lambda mention: mention.start)


@dataclass(slots=True)
class Reading:
    """What was read in an article."""

    text: str
    sentences: list[Sentence]
    entities: dict[str, Entity]
    offices: dict[str, Office]


@dataclass(slots=True, eq=False)
class _Pending:
    """A name span before the article-level decisions: which entity, of which kind."""

    sentence: int
    words: list[Piece]
    match: KnownMatch | None
    tentative: bool  # one capitalised word opening a sentence: a name only if the article confirms it


@dataclass(slots=True, eq=False)
class _PendingOffice:
    sentence: int
    start: int
    end: int
    title: str
    head: str
    org: _Pending | None
    org_word: str | None
    former: bool
    known: KnownEntity | None
    title_start: int
    title_end: int


def read(text: str, known: tuple[KnownEntity, ...]) -> Reading:
    """Read an article against the fact base's entities."""
    index = KnownNames.of(known)
    office_keys = known_keys([entity for entity in known if entity.kind is Kind.OFFICE], known)
    result: list[Sentence] = []
    pending: list[_Pending] = []
    pending_offices: list[_PendingOffice] = []
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
        spans: dict[int, _Pending] = {}
        for match in index.matches(text, words, used):
            used.update(range(match.first, match.last + 1))
            if match.entity.kind is Kind.OFFICE:
                opening, closing = words[match.first], words[match.last]
                pending_offices.append(
                    _PendingOffice(
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
            span = _Pending(sentence=number, words=words[match.first : match.last + 1], match=match, tentative=False)
            pending.append(span)
            name_at[match.first] = name_at[match.last] = (match.first, match.last)
            spans[match.first] = span
        titles = title_runs(text, words, used)
        in_titles = {position for first, last in titles for position in range(first, last + 1)}
        for first, last in capital_runs(text, words, used | in_titles):
            tentative = first == last and words[first].opens
            span = _Pending(sentence=number, words=words[first : last + 1], match=None, tentative=tentative)
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
                _PendingOffice(
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
    entities, mentions = _entities(text, pending, pending_offices, index)
    offices, placed = _offices(text, result, pending_offices, mentions, entities, office_keys)
    for sentence, expressions in zip(result, dates, strict=True):
        names = [mention for mention in mentions.values() if sentence.start <= mention.start < sentence.end]
        in_sentence = [mention for number, mention in placed if number == sentence.number]
        _place(sentence, expressions, sorted(names, key=lambda mention: mention.start), in_sentence, entities)
    _pronouns(result, pronouns, entities)
    for sentence in result:
        _template(sentence)
    return Reading(text=text, sentences=result, entities=entities, offices=offices)


# --- Names into entities ---------------------------------------------------------------------------


def _entities(
    text: str, pending: list[_Pending], pending_offices: list[_PendingOffice], index: KnownNames
) -> tuple[dict[str, Entity], dict[int, Mention]]:
    """Decide which entity each name span is, and each new entity's kind; return the entities and each
    span's mention (keyed by the start offset of its first word)."""
    entities: dict[str, Entity] = {}
    mentions: dict[int, Mention] = {}
    # A word like "European" before a word in lower case qualifies it: not a name.
    pending = [span for span in pending if span.match is not None or not _qualifies(text, span)]
    # Known names first, then misspelt known names, then new names of several words.
    for span in pending:
        match = span.match
        if match is None and not span.tentative:
            close = index.closest(span.words)
            match = close if close is not None and close.entity.kind is not Kind.OFFICE else None
        if match is not None:
            _mention(text, entities, mentions, span, match.entity.id, match)
    confirmed = {
        " ".join(token for piece in span.words for token in piece.norm)
        for span in pending
        if not span.tentative and span.words[0].start not in mentions
    }
    multi = [span for span in pending if len(span.words) > 1 and span.words[0].start not in mentions]
    for span in multi:
        _mention(text, entities, mentions, span, "new:" + _norm(span.words), None)
    for span in pending:
        if span.words[0].start in mentions:
            continue
        spelled = _norm(span.words)
        owner = _owner(spelled, entities) if len(span.words) == 1 else None
        if owner is not None:
            _mention(text, entities, mentions, span, owner, None)
        elif not span.tentative or spelled in confirmed:
            _mention(text, entities, mentions, span, "new:" + spelled, None)
    _kinds(text, pending, pending_offices, entities, mentions)
    return entities, mentions


def _qualifies(text: str, span: _Pending) -> bool:
    last = span.words[-1]
    following = re.match(r"\s+([a-z]+)", text[last.end : last.end + 30])
    return last.lower.endswith(DEMONYM_ENDINGS) and not last.possessive and following is not None


def _norm(words: list[Piece]) -> str:
    return " ".join(token for piece in words for token in piece.norm)


def _owner(word: str, entities: dict[str, Entity]) -> str | None:
    """The one entity of several words that has this word among its own: "Drask" for "Ilona Drask",
    "Rovers" for "Dunmore Rovers"; not "Varnia" for "Bank of Varnia", where it names something else."""
    owners = [
        entity for entity in entities.values() if len(entity.name.split()) > 1 and word in _norm_words(entity.name)
    ]
    if len(owners) != 1:
        return None
    words = _norm_words(owners[0].name)
    head = words[
        : min((words.index(connector) for connector in NAME_CONNECTORS if connector in words), default=len(words))
    ]
    # The kinds are not decided yet: a name with a word like "Bank" in it is an organization's.
    organization = any(part in ORG_WORDS for part in words)
    return owners[0].key if not organization or word in head else None


def _norm_words(text: str) -> list[str]:
    return normalise(text).split()


def _mention(
    text: str,
    entities: dict[str, Entity],
    mentions: dict[int, Mention],
    span: _Pending,
    key: str,
    match: KnownMatch | None,
) -> None:
    start, end = span.words[0].start, span.words[-1].end
    written = text[start:end]
    entity = entities.get(key)
    if entity is None:
        known = match.entity if match is not None else None
        entity = Entity(
            key=key,
            kind=known.kind if known is not None else Kind.PERSON,
            name=known.name if known is not None else written,
            known=known,
            first=start,
        )
        entities[key] = entity
    entity.count += 1
    if written not in entity.forms:
        entity.forms.append(written)
    note = ""
    if match is not None and match.score < 100:
        entity.typo = (written, match.score)
        note = f"'{written}' is taken for {match.entity.name} ({match.entity.id}): a typo-tolerant match"
    if text[max(0, start - 4) : start].lower() == "the ":
        entity.with_the = True
    mentions[start] = Mention(mark=Mark.PERSON, start=start, end=end, text=written, ref=key, note=note)


def _kinds(
    text: str,
    pending: list[_Pending],
    pending_offices: list[_PendingOffice],
    entities: dict[str, Entity],
    mentions: dict[int, Mention],
) -> None:
    """A new entity is an organization when its name says so ("Bank", "Board") or the words around it do
    (it appoints someone, an office is "of" it, it is "at" or "in" it); a country when a state's office is
    "of" it; a person when a title stands before it or an age after it; else a person if it has several
    words, an organization if one (news names people in full)."""
    votes: dict[str, Counter[str]] = {key: Counter() for key in entities}
    for span in pending:
        mention = mentions.get(span.words[0].start)
        if mention is None or entities[mention.ref].known is not None:
            continue
        key, after, before = (
            mention.ref,
            text[mention.end : mention.end + 60],
            text[max(0, mention.start - 12) : mention.start],
        )
        if any(piece.lower in ORG_WORDS for piece in span.words):
            votes[key]["a word of its name says so"] += 100
        if span.words[0].text.isupper() and len(span.words) == 1 and len(span.words[0].text) > 1:
            votes[key]["an acronym"] += 1
        if _APPOINTS.match(after):
            votes[key]["it appoints someone"] += 2
        if re.search(r"\b(?:at|in)\s+(?:the\s+)?$", before):
            votes[key]["'at' or 'in' it"] += 1
        if _AGE.match(after):
            votes[key]["an age follows the name"] -= 10
    for office in pending_offices:
        if office.org is None or not _may_own(office, office.org):
            continue
        mention = mentions.get(office.org.words[0].start)
        if mention is None or entities[mention.ref].known is not None:
            continue
        if office.org.words[0].start > office.title_start and office.head in STATE_HEADS:
            votes[mention.ref]["country: a state's office is of it"] += 50
        elif office.org.words[0].start > office.title_start:
            votes[mention.ref]["an office is of it"] += 2
        else:
            votes[mention.ref]["an office is of it"] += 1
    starting = {span.words[0].start: span for span in pending}
    for office in pending_offices:
        # A title just before a name: the name is its holder's ("Prime Minister Henrik Vale").
        gap = text[office.end : office.end + 20]
        name_at = office.end + len(gap) - len(gap.lstrip())
        named = starting.get(name_at) if name_at > office.end else None
        mention = mentions.get(name_at) if named is not None and named is not office.org else None
        if mention is not None and entities[mention.ref].known is None:
            votes[mention.ref]["a title stands before the name"] -= 10
    for key, entity in entities.items():
        if entity.known is not None:
            continue
        tally = votes[key]
        country = sum(weight for reason, weight in tally.items() if reason.startswith("country"))
        organization = sum(weight for weight in tally.values() if weight > 0)
        person = -sum(weight for weight in tally.values() if weight < 0)
        if tally["a word of its name says so"]:
            entity.kind, chosen = Kind.ORGANIZATION, ["a word of its name says so"]
        elif country and not person:
            entity.kind, chosen = Kind.COUNTRY, ["a state's office is of it"]
        elif person:
            entity.kind = Kind.PERSON
            chosen = [reason for reason, weight in tally.items() if weight < 0]
        elif organization:
            entity.kind = Kind.ORGANIZATION
            chosen = [reason for reason, weight in tally.items() if weight > 0]
        elif len(entity.name.split()) > 1:
            entity.kind, chosen = Kind.PERSON, ["a name of several words, and nothing says otherwise"]
        else:
            entity.kind, chosen = Kind.ORGANIZATION, ["a name of one word, and nothing says otherwise"]
        entity.cues = sorted(chosen)


# --- Offices -------------------------------------------------------------------------------------


def _offices(
    text: str,
    sentences_read: list[Sentence],
    pending_offices: list[_PendingOffice],
    mentions: dict[int, Mention],
    entities: dict[str, Entity],
    office_keys: dict[TitleKey, KnownEntity],
) -> tuple[dict[str, Office], list[tuple[int, Mention]]]:
    """Each office phrase's office (known, or new with its organization), and its mention by sentence."""
    offices: dict[str, Office] = {}
    placed: list[tuple[int, Mention]] = []
    explicit: dict[str, str] = {}  # title -> organization key, from phrases that name it
    for pending in pending_offices:
        org = _org_of(pending, mentions, entities)
        if org is not None:
            explicit.setdefault(pending.title, org)
    for pending in pending_offices:
        org_mention = None
        if pending.known is not None:
            key = _add_office(offices, pending, pending.known.id, pending.known, 100.0, "", text)
        else:
            org = _org_of(pending, mentions, entities)
            found = ""
            if org is None:
                # A person's name before the title is not its organization: the phrase is the title alone.
                if pending.org is not None and pending.org.words[0].start < pending.title_start:
                    pending.start = pending.title_start
                elif pending.org is not None:
                    pending.end = pending.title_end
                pending.org = None
                org, found = _implied_org(text, pending, sentences_read, mentions, entities, explicit)
            else:
                org_mention = mentions.get(pending.org.words[0].start) if pending.org is not None else None
            if org is None:
                continue
            org_entity = entities[org]
            title_key = TitleKey(org=org_entity.known.id if org_entity.known else org, title=pending.title)
            matched = match_known(title_key, office_keys) if org_entity.known is not None else None
            if matched is not None:
                key = _add_office(offices, pending, matched[0].id, matched[0], matched[1], found, text)
            else:
                key = _add_office(offices, pending, f"office:{org}:{pending.title}", None, 100.0, found, text, org)
        mention = Mention(
            mark=Mark.OFFICE,
            start=pending.start,
            end=pending.end,
            text=text[pending.start : pending.end],
            ref=key,
            former=pending.former,
            org_mention=org_mention,
        )
        placed.append((pending.sentence, mention))
    return offices, placed


def _org_of(pending: _PendingOffice, mentions: dict[int, Mention], entities: dict[str, Entity]) -> str | None:
    if pending.org is None or not _may_own(pending, pending.org):
        return None
    mention = mentions.get(pending.org.words[0].start)
    if mention is None or entities[mention.ref].kind is Kind.PERSON:
        return None
    return mention.ref


def _may_own(pending: _PendingOffice, span: _Pending) -> bool:
    """Before a title, a new name of several words is taken for its organization only when it says it is one
    or is written as a possessive ("Varnia's finance minister"); else it is likely its holder's name
    ("names Ilona Drask finance minister")."""
    if span.match is not None or span.words[0].start > pending.title_start or len(span.words) == 1:
        return True
    return span.words[-1].possessive or any(piece.lower in ORG_WORDS for piece in span.words)


def _implied_org(
    text: str,
    pending: _PendingOffice,
    sentences_read: list[Sentence],
    mentions: dict[int, Mention],
    entities: dict[str, Entity],
    explicit: dict[str, str],
) -> tuple[str | None, str]:
    """The organization of a title that does not name it, and how it was found."""
    said = text[pending.start : pending.end]
    if pending.org_word in ("its", "their"):
        before = [
            mentions[start]
            for start in sorted(mentions)
            if start < pending.start
            and _sentence_of(sentences_read, start) == pending.sentence
            and entities[mentions[start].ref].kind is not Kind.PERSON
        ]
        if before:
            chosen = before[-1].ref
            return chosen, f"'{pending.org_word}' is taken for {entities[chosen].name}, named before it in the sentence"
    if pending.org_word is not None and pending.org_word in ORG_NOUNS:
        chosen_entity = org_for_noun(entities, pending.org_word)
        if chosen_entity is not None:
            return (
                chosen_entity.key,
                f"'{pending.org_word}' is taken for {chosen_entity.name}, the organization the article names most",
            )
    if pending.title in explicit:
        chosen = explicit[pending.title]
        return (
            chosen,
            f"'{said}' alone is taken for the same title of {entities[chosen].name}, named elsewhere in the article",
        )
    if pending.head in STATE_HEADS:
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


def _sentence_of(sentences_read: list[Sentence], offset: int) -> int:
    for sentence in sentences_read:
        if sentence.start <= offset < sentence.end:
            return sentence.number
    return 0


def _add_office(
    offices: dict[str, Office],
    pending: _PendingOffice,
    key: str,
    known: KnownEntity | None,
    score: float,
    found: str,
    text: str,
    org: str = "",
) -> str:
    office = offices.get(key)
    if office is None:
        office = Office(
            key=key,
            title=pending.title,
            org=(known.org or "") if known is not None else org,
            known=known,
            score=score,
            first=pending.start,
            found=found,
        )
        offices[key] = office
    written = text[pending.start : pending.end]
    if written not in office.forms:
        office.forms.append(written)
    return key


# --- Sentences into templates ----------------------------------------------------------------------


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
        mark = _DATE_MARKS[expression.shape]
        top.append(
            Mention(mark=mark, start=expression.start, end=expression.end, text=expression.text, expression=expression)
        )
    for name in names:
        name.mark = _KIND_MARKS.get(entities[name.ref].kind, Mark.ORGANIZATION)
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


def org_for_noun(entities: dict[str, Entity], noun: str | None) -> Entity | None:
    """The organization "the club" or "the university" stands for: the one named most whose name holds the
    noun, else the organization named most."""
    organizations = [entity for entity in entities.values() if entity.kind is Kind.ORGANIZATION]
    named = [entity for entity in organizations if noun is not None and noun in _norm_words(entity.name)]
    return _most_named(named or organizations)


def _template(sentence: Sentence) -> None:
    parts: list[str] = []
    origins: list[int] = []
    position = sentence.start
    for number, mention in enumerate(sentence.mentions):
        parts.append(sentence.text[position - sentence.start : mention.start - sentence.start])
        origins.extend(range(position, mention.start))
        marker = f"{OPEN}{mention.mark.value}{number}{CLOSE}"
        parts.append(marker)
        origins.extend([mention.start] * (len(marker) - 1) + [mention.end - 1])
        sentence.marked[number] = mention
        position = mention.end
    parts.append(sentence.text[position - sentence.start :])
    origins.extend(range(position, sentence.end))
    sentence.template = "".join(parts)
    sentence.origins = origins
