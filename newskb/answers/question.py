"""How search reads a typed question: which entities it names, which words it looks for, and what it asks.

"how many countries are in the alliance" names NATO (by its alias "the alliance"), looks for *countries*,
and asks for a number of countries; "who took over from Stoltenberg" names Jens Stoltenberg and asks for his
successor. The rules are rules of English (newskb/common/words.py), never facts: an entity is recognised only as
the base names it, by a name or alias typed whole.
"""

import sqlite3
from collections.abc import Sequence
from typing import NamedTuple

from newskb.answers.lookup import remembered
from newskb.common.kinds import Kind
from newskb.common.words import (
    MEASURE_AFTER,
    NAME_FILLERS,
    PREDECESSOR_WORDS,
    QUESTION_WORDS,
    SUCCESSION_VERBS,
    SUCCESSOR_WORDS,
    TIME_UNITS,
    TURN_VERBS,
    stem,
)

HOLDER_KINDS = (Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY)
# A name or alias is at most this many words long, as a question types it.
LONGEST_NAME = 6
# What a named entity and the measure a question asks for weigh, against 1 for any other word looked for.
NAMED_WEIGHT = 2.0
MEASURE_WEIGHT = 2.0
SUCCESSOR = "successor"
PREDECESSOR = "predecessor"


class Unit(NamedTuple):
    """Something a record must match: typed words, the entity they name (a record about it matches), and for an
    office, the body it belongs to (a record about that body matches in part)."""

    words: tuple[str, ...]
    entity: str | None = None
    weight: float = 1.0
    body: str | None = None


class Mention(NamedTuple):
    """An entity named in the question by one of its names or aliases typed whole, or an office by its title
    alone ("prime minister" where the base has one prime minister); with the body an office belongs to."""

    entity: str
    kind: Kind
    first: int  # the position of its first word in the typed words
    last: int
    body: str | None = None


class Question(NamedTuple):
    units: list[Unit]
    # "successor" or "predecessor": whom the question asks for, of `holder` (in `office`, if it names one).
    relation: str | None = None
    holder: str | None = None
    office: str | None = None
    # The stems of what a "how many"/"how long" question counts ("years", "members"); empty if it counts nothing.
    measures: frozenset[str] = frozenset()

    @property
    def counting(self) -> bool:
        return bool(self.measures)


def read(connection: sqlite3.Connection, typed: Sequence[str]) -> Question:
    """The question in `typed` (normalised words, as `fuzzy.tokenize` gives them)."""
    mentions = named(connection, typed)
    relation, relation_words = _relation(typed, mentions)
    if relation and not any(mention.kind is not Kind.OFFICE for mention in mentions):
        # Asked for a neighbour of someone not named whole: the words left may name them with a typo.
        mentions = sorted([*mentions, *_typed_holder(connection, typed, mentions, relation_words)])
        relation, relation_words = _relation(typed, mentions)
    inside = {position for mention in mentions for position in range(mention.first, mention.last + 1)}
    measures, measure_words, asking = _measures(typed)
    # An office is about its body too: "prime minister" asks of what is said about the country.
    units = [
        Unit(_content(typed[mention.first : mention.last + 1]), mention.entity, NAMED_WEIGHT, mention.body)
        for mention in mentions
    ]
    for position, word in enumerate(typed):
        if position in inside or position in relation_words or position in asking or word in QUESTION_WORDS:
            continue
        weight = MEASURE_WEIGHT if position in measure_words else 1.0
        units.append(Unit(words=(word,), weight=weight))
    if not units:  # nothing but question words: look for them all the same
        units = [Unit(words=(word,)) for word in typed]
    units = list(dict.fromkeys(units))  # a word typed twice is looked for once
    holders = [mention for mention in mentions if mention.kind is not Kind.OFFICE]
    offices = [mention for mention in mentions if mention.kind is Kind.OFFICE]
    return Question(
        units=units,
        relation=relation if holders else None,
        holder=holders[0].entity if holders else None,
        office=offices[0].entity if offices else None,
        measures=measures,
    )


def _typed_holder(
    connection: sqlite3.Connection, typed: Sequence[str], mentions: Sequence[Mention], relation_words: set[int]
) -> list[Mention]:
    """The holder the words of a question that are neither question words, relation words nor already named
    name, up to typos, by the rules of `lookup.resolve` ("who replaced stoltenbreg"); none if they name none."""
    from newskb.answers.lookup import resolve
    from newskb.common.errors import NotFoundError

    inside = {position for mention in mentions for position in range(mention.first, mention.last + 1)}
    left = [
        position
        for position, word in enumerate(typed)
        if position not in inside and position not in relation_words and word not in QUESTION_WORDS
    ]
    if not left:
        return []
    try:
        match = resolve(connection, " ".join(typed[position] for position in left), HOLDER_KINDS, "holder")
    except NotFoundError:
        return []
    return [Mention(match.id, match.kind, left[0], left[-1])]


def named(connection: sqlite3.Connection, typed: Sequence[str]) -> list[Mention]:
    """The entities the typed words name by a whole name or alias, the longest names first, none overlapping;
    a run of question words alone ("who", "the") names nothing."""
    phrases: dict[str, tuple[int, int]] = {}
    for first in range(len(typed)):
        for last in range(first, min(len(typed), first + LONGEST_NAME)):
            words = typed[first : last + 1]
            if all(word in QUESTION_WORDS or word in NAME_FILLERS for word in words):
                continue
            phrases.setdefault(" ".join(words), (first, last))
    if not phrases:
        return []
    marks = ",".join("?" * len(phrases))
    found: dict[str, tuple[str, Kind, str | None]] = {}
    for label, entity_id, kind, body in connection.execute(
        f"SELECT name_norm, id, kind, org FROM entity WHERE name_norm IN ({marks}) AND kind IN ('person', "
        f"'organization', 'country', 'office') UNION ALL SELECT a.alias_norm, e.id, e.kind, e.org FROM alias a "
        f"JOIN entity e ON e.id = a.record_id WHERE a.alias_norm IN ({marks}) ORDER BY 1, 2",
        [*phrases, *phrases],
    ):
        found.setdefault(label, (entity_id, Kind(kind), body))
    mentions: list[Mention] = []
    taken: set[int] = set()
    longest_first = sorted(phrases.items(), key=lambda item: item[1][0] - item[1][1])
    for label, (first, last) in longest_first:
        if label in found and not taken & set(range(first, last + 1)):
            entity_id, kind, body = found[label]
            mentions.append(Mention(entity_id, kind, first, last, body))
            taken |= set(range(first, last + 1))
    # What is left may be an office's title, without the body it belongs to.
    for label, (first, last) in longest_first:
        if taken & set(range(first, last + 1)) or any(word in QUESTION_WORDS for word in typed[first : last + 1]):
            continue
        office = _titled(connection, label)
        if office is not None:
            mentions.append(Mention(office[0], Kind.OFFICE, first, last, office[1]))
            taken |= set(range(first, last + 1))
    return sorted(mentions, key=lambda mention: mention.first)


def _titled(connection: sqlite3.Connection, title: str) -> tuple[str, str | None] | None:
    """The one office (and its body) whose name or an alias is `title` with its body's words around it:
    "prime minister" for "Prime Minister of the Netherlands"; None when no office, or several, has it."""
    offices: dict[str, str | None] = {}
    inside = f" {title} "
    for office_id, body, label in remembered(connection, ("office labels",), lambda: _office_labels(connection)):
        if office_id in offices or inside not in f" {label} ":
            continue
        rest = f" {label} ".replace(inside, " ", 1).split()
        if set(rest) <= _body_words(connection, body) | NAME_FILLERS:
            offices[office_id] = body
    return next(iter(offices.items())) if len(offices) == 1 else None


def _office_labels(connection: sqlite3.Connection) -> list[tuple[str, str | None, str]]:
    """(office, its body, a name or alias) for every name and alias of every office."""
    return connection.execute(
        "SELECT e.id, e.org, e.name_norm FROM entity e WHERE e.kind = 'office' UNION ALL SELECT o.id, o.org, "
        "a.alias_norm FROM alias a JOIN entity o ON o.id = a.record_id WHERE o.kind = 'office'"
    ).fetchall()


def _body_words(connection: sqlite3.Connection, body: str | None) -> set[str]:
    """The words of a body's names and aliases; once a batch."""

    def read() -> set[str]:
        names = connection.execute(
            "SELECT name_norm FROM entity WHERE id = :id UNION ALL SELECT alias_norm FROM alias WHERE record_id = :id",
            {"id": body},
        )
        return {word for (name,) in names for word in name.split()}

    return remembered(connection, ("body words", body or ""), read)


def _content(words: Sequence[str]) -> tuple[str, ...]:
    kept = tuple(word for word in words if word not in QUESTION_WORDS and word not in NAME_FILLERS)
    return kept or tuple(words)


def _relation(typed: Sequence[str], mentions: Sequence[Mention]) -> tuple[str | None, set[int]]:
    """Whether the question asks who came after a holder or before (and the positions of the words that say
    so): "successor of X", "after X", "who took over from X", "who replaced X" ask for the successor; "X's
    predecessor", "before X", "who did X replace", "who preceded X" for the predecessor."""
    holders = [mention for mention in mentions if mention.kind is not Kind.OFFICE]
    for position, word in enumerate(typed):
        if word in SUCCESSOR_WORDS:
            return SUCCESSOR, {position}
        if word in PREDECESSOR_WORDS:
            return PREDECESSOR, {position}
        words = {position}
        if word in TURN_VERBS and position + 1 < len(typed) and typed[position + 1] == "over":
            words.add(position + 1)  # "took over (from X)": as "succeeded X"
        elif word not in SUCCESSION_VERBS:
            continue
        # "A succeeded B" and "A took over from B": A is B's successor; "A preceded B": B's predecessor.
        forward = SUCCESSION_VERBS.get(word, SUCCESSOR)
        backward = PREDECESSOR if forward == SUCCESSOR else SUCCESSOR
        passive = position + 1 < len(typed) and typed[position + 1] == "by"  # "X was replaced by whom"
        before = [mention for mention in holders if mention.last < position]
        # The holder named after the verb is its object: who <verb> X asks for X's neighbour the verb says;
        # named before it ("who did X replace"), X is the one who did it, and the question asks the other way.
        asked = backward if before and not passive else forward
        return asked, words
    return None, set()


def _measures(typed: Sequence[str]) -> tuple[frozenset[str], set[int], set[int]]:
    """What a question counts: the word after "how many", "how much" or "number of" ("how many *members*"), or
    a length of time for "how long"; the position of the word that names it, and of the words that only ask
    ("long" of "how long")."""
    for position, word in enumerate(typed):
        if word == "long" and position and typed[position - 1] == "how":
            return frozenset(stem(unit) for unit in TIME_UNITS), set(), {position}
        if word in MEASURE_AFTER:
            for later in range(position + 1, len(typed)):
                if typed[later] not in QUESTION_WORDS:
                    return frozenset({stem(typed[later])}), {later}, set()
    return frozenset(), set(), set()
