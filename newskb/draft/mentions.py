"""What a sentence mentions: a name, an office phrase, a date or a pronoun, at its place in the article; and
the sentence that holds them, with the template `clauses` makes of it.

The mentions are found by `reading.read`; `entities` decides which entity each name is and `orgs` which
office each office phrase is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from newskb.draft import when
from newskb.draft.names import KnownEntity, KnownMatch, Piece
from newskb.kinds import Kind


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


DATE_MARKS = {
    when.Shape.POINT: Mark.POINT,
    when.Shape.SINCE: Mark.SINCE,
    when.Shape.RANGE: Mark.RANGE,
    when.Shape.UNTIL: Mark.UNTIL,
    when.Shape.LENGTH: Mark.LENGTH,
}
KIND_MARKS = {Kind.PERSON: Mark.PERSON, Kind.ORGANIZATION: Mark.ORGANIZATION, Kind.COUNTRY: Mark.COUNTRY}


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
        found = [mention for mention in (*self.mentions, *self.inner) if mention.mark in KIND_MARKS.values()]
        return sorted(found, key=lambda mention: mention.start)


@dataclass(slots=True, eq=False)
class NameSpan:
    """A name span before the article-level decisions: which entity, of which kind."""

    sentence: int
    words: list[Piece]
    match: KnownMatch | None
    tentative: bool  # one capitalised word opening a sentence: a name only if the article confirms it


@dataclass(slots=True, eq=False)
class TitleSpan:
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
