"""Names in an article: the names the fact base already knows (names and aliases, accent- and typo-tolerant);
the capitalised spans of its words that may be new names are capitalised.py's.

A known name matches word for word after `fuzzy.normalise` (so accents and punctuation do not matter),
and only where the article capitalises what the name capitalises ("US" is not "us"); a capitalised span
that matches nothing exactly is compared with the known names of as many words by rapidfuzz's ratio, so
a misspelt known name ("Stoltenbreg") still finds its id. A name written only in lower case ("the
alliance") is a description, not a name, and is not looked for.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newskb.common.fuzzy import normalise
from newskb.common.kinds import Kind
from newskb.draft.pieces import WORD, Piece, joined

# Below this ratio (0-100) a capitalised span is not taken for a misspelt known name.
TYPO_CUTOFF = 85.0


# The id prefix of a country of the reference table (countries.py) that the fact base does not hold: never
# a real id, which is kebab-case with no colon.
REFERENCE = "iso:"


@dataclass(frozen=True, slots=True, kw_only=True)
class KnownEntity:
    """An entity of the fact base, as the drafter needs it (or a country of the reference table)."""

    id: str
    kind: Kind
    name: str
    aliases: tuple[str, ...] = ()
    org: str | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def reference(self) -> bool:
        """A country of the reference table, not of the fact base."""
        return self.id.startswith(REFERENCE)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Label:
    entity: KnownEntity
    label: str
    tokens: tuple[str, ...]
    capitals: tuple[int, ...]  # per token: 0 lower case, 1 capitalised, 2 a short acronym ("US")


@dataclass(frozen=True, slots=True, kw_only=True)
class KnownMatch:
    """Where a known entity's name or alias stands in a sentence: pieces [first, last]."""

    entity: KnownEntity
    label: str
    first: int
    last: int
    score: float = 100.0  # below 100: a typo-tolerant match


@dataclass(slots=True)
class KnownNames:
    """Every capitalised name and alias of the fact base, by its first normalised token."""

    by_first: dict[str, list[_Label]] = field(default_factory=dict)
    by_length: dict[int, list[_Label]] = field(default_factory=dict)

    @classmethod
    def of(cls, entities: Iterable[KnownEntity]) -> KnownNames:
        index = cls()
        for entity in entities:
            for label in entity.labels:
                prepared = _label(entity, label)
                if prepared is None:
                    continue
                index.by_first.setdefault(prepared.tokens[0], []).append(prepared)
                index.by_length.setdefault(len(prepared.tokens), []).append(prepared)
        for labels in index.by_first.values():
            # The longest first; of equals, the fact base's before the reference table's.
            labels.sort(key=lambda label: (-len(label.tokens), label.entity.reference, label.entity.id, label.label))
        return index

    def matches(self, text: str, words: Sequence[Piece], used: set[int]) -> list[KnownMatch]:
        """The known names in a sentence's words, longest first at each word, none overlapping."""
        tokens = [(token, index) for index, piece in enumerate(words) for token in piece.norm]
        found: list[KnownMatch] = []
        position = 0
        while position < len(tokens):
            index = tokens[position][1]
            starts_word = position == 0 or tokens[position - 1][1] != index
            match = self._longest(text, words, used, tokens, position) if starts_word and index not in used else None
            if match is None:
                position += 1
                continue
            found.append(match)
            while position < len(tokens) and tokens[position][1] <= match.last:
                position += 1
        return found

    def _longest(
        self, text: str, words: Sequence[Piece], used: set[int], tokens: list[tuple[str, int]], position: int
    ) -> KnownMatch | None:
        for label in self.by_first.get(tokens[position][0], []):
            stop = position + len(label.tokens)
            if stop > len(tokens) or tuple(token for token, _ in tokens[position:stop]) != label.tokens:
                continue
            first, last = tokens[position][1], tokens[stop - 1][1]
            if stop < len(tokens) and tokens[stop][1] == last:
                continue  # the label ends inside a word
            span = range(first, last + 1)
            if any(index in used for index in span):
                continue
            if any(not joined(text, words[index], words[index + 1]) for index in range(first, last)):
                continue
            if not _cased_alike(label, [words[index] for _, index in tokens[position:stop]]):
                continue
            return KnownMatch(entity=label.entity, label=label.label, first=first, last=last)
        return None

    def closest(self, words: Sequence[Piece]) -> KnownMatch | None:
        """The known name a capitalised span most likely misspells, if any is close enough."""
        from rapidfuzz import fuzz, process  # imported here: only a span that matches nothing exactly needs it

        spelled = " ".join(token for piece in words for token in piece.norm)
        count = sum(len(piece.norm) for piece in words)
        candidates = [
            label
            for label in self.by_length.get(count, [])
            if label.entity.kind is not Kind.OFFICE
            and not label.entity.reference
            and label.tokens[0][:1] == spelled[:1]
            and len(spelled) >= 5
        ]
        if not candidates:
            return None
        best = process.extractOne(
            spelled, [" ".join(label.tokens) for label in candidates], scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF
        )
        if best is None:
            return None
        label = candidates[best[2]]
        return KnownMatch(entity=label.entity, label=label.label, first=0, last=len(words) - 1, score=best[1])


def _label(entity: KnownEntity, label: str) -> _Label | None:
    tokens: list[str] = []
    capitals: list[int] = []
    for word in WORD.findall(label):
        case = 2 if word.isupper() and len(word) <= 3 else 1 if word[:1].isupper() else 0
        for token in normalise(word).split():
            tokens.append(token)
            capitals.append(case)
    if not tokens or not any(capitals):
        return None  # a description in lower case ("the alliance"), not a name
    return _Label(entity=entity, label=label, tokens=tuple(tokens), capitals=tuple(capitals))


def _cased_alike(label: _Label, words: list[Piece]) -> bool:
    for case, piece in zip(label.capitals, words, strict=True):
        if case == 2 and not piece.text.isupper():
            return False
        if case == 1 and not piece.capital:
            return False
    return True
