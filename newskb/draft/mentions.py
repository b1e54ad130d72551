"""What stage 2 of the reader (`reading`) makes of an article: every sentence's mentions (a name, an office
phrase, a date or a pronoun, at its place in the article) and, across the article, the entities and
offices they stand for.

A name or an office phrase is first a span (`NameSpan`, `TitleSpan`); `entities` decides which entity each
name span is and `orgs` which office each office phrase is, and then they become mentions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from newskb.common.kinds import Kind
from newskb.draft import when
from newskb.draft.names import KnownEntity, KnownMatch
from newskb.draft.pieces import Piece
from newskb.draft.sentences import Sentence


class Mark(StrEnum):
    """What a mention stands for (and the letter of its marker in a clause's template)."""

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


DATE_MARKS = {
    when.Shape.POINT: Mark.POINT,
    when.Shape.SINCE: Mark.SINCE,
    when.Shape.RANGE: Mark.RANGE,
    when.Shape.UNTIL: Mark.UNTIL,
    when.Shape.LENGTH: Mark.LENGTH,
}
KIND_MARKS = {Kind.PERSON: Mark.PERSON, Kind.ORGANIZATION: Mark.ORGANIZATION, Kind.COUNTRY: Mark.COUNTRY}


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Mention:
    """One mention in a sentence: its place in the article and what it stands for."""

    mark: Mark
    start: int
    end: int
    text: str
    ref: str = ""  # an entity's or office's key; a pronoun's person
    expression: when.Expression | None = None  # for a date
    former: bool = False  # an office phrase that says "former" inside it
    interim: str | None = None  # an office phrase that says "interim" or "acting" inside it
    note: str = ""  # how a pronoun or a typo was read


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """A person, organization or country the article names: known to the fact base, or new."""

    key: str  # the known id, or "new:" and its normalised name (its id is made later)
    kind: Kind
    name: str
    known: KnownEntity | None
    forms: tuple[str, ...]  # as written, first seen first
    count: int
    first: int  # the offset of its first mention
    typo: tuple[str, float] | None  # a misspelt form and its score
    cues: tuple[str, ...]  # why it is a person, an organization or a country
    with_the: bool  # written "the X"
    place: bool = False  # a city or town whose local body the article names ("Harlan Falls City Council")
    filed: bool = False  # the place of the story's dateline, taken for its city (its mayor's, not "the city")


@dataclass(frozen=True, slots=True, kw_only=True)
class Office:
    """An office the article names: known to the fact base, or new (with its organization)."""

    key: str
    title: str  # normalised: "finance minister"
    org: str  # the key of its organization or country
    known: KnownEntity | None
    score: float
    forms: tuple[str, ...]
    first: int
    found: str  # how its organization was found, when the phrase does not name it


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Mentions:
    """One sentence and what it mentions: the mentions of its text, none overlapping, in order (a name
    inside an office phrase is not one of them), and the names inside its office phrases."""

    sentence: Sentence
    mentions: tuple[Mention, ...]
    inner: tuple[Mention, ...]

    @property
    def number(self) -> int:
        return self.sentence.number

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    @property
    def text(self) -> str:
        return self.sentence.text

    def names(self) -> list[Mention]:
        """Every name mention of the sentence, inside office phrases too, in order."""
        found = [mention for mention in (*self.mentions, *self.inner) if mention.mark in KIND_MARKS.values()]
        return sorted(found, key=lambda mention: mention.start)


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """Stage 2's result: the article, each sentence's mentions, and the entities and offices they name."""

    text: str
    sentences: tuple[Mentions, ...]
    entities: Mapping[str, Entity]
    offices: Mapping[str, Office]


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class NameSpan:
    """A run of capitalised words (or a known name) before the article-level decisions."""

    sentence: int
    words: tuple[Piece, ...]
    match: KnownMatch | None
    tentative: bool  # one capitalised word opening a sentence: a name only if the article confirms it
    heading: bool = False  # in a headline, whose grammar is its own
    # Where the letters after the name end ("Joanna Reid MP"): its mention covers them, its name does not.
    letters_end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class TitleSpan:
    """An office phrase before the article-level decisions: its title, and the name or word it may say its
    organization with ("NATO Secretary General", "its chief executive")."""

    sentence: int
    start: int
    end: int
    title: str
    head: str
    org: NameSpan | None
    org_word: str | None
    former: bool
    known: KnownEntity | None
    title_start: int
    title_end: int
    interim: str | None = None  # "interim", "acting": a note on the term, not part of the title
    named_after: bool = False  # a name follows the phrase: its holder's ("Castleford Athletic manager Reyes")
    after_as: bool = False  # "as" before it: the office someone is named to or removed from
    described: bool = False  # "head coach of the women's national team": a body in words, named nowhere
