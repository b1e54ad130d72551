"""Resolving a typed name to one entity of the index (`who "nato chief"`, `show rutte`), and never to another.

A typed name resolves to an entity when it is the entity's id, or one of its names or aliases once both
are normalised (case, accents, hyphens and punctuation do not count). Otherwise it resolves only when,
word by word, in any order and up to a typo in each word (see `edits`):

1. every word of it is a word of the entity's names and aliases (for an office, also of its organization's
   or country's), so that no word of the query is left unexplained: "NATO *Deputy* Secretary General",
   "*UN* Secretary General" and "President of *Ukraine*" name no office of a base that holds only NATO's
   Secretary General and the US President; and
2. it says every word of one of the entity's names, but for an office the words of its organization or
   country, which may be left out ("Secretary General") or given by another of that body's names
   ("Secretary General of the alliance"): "Mark" alone is not Mark Rutte, and "NATO" alone is no office.

The names judged are found through the index of the names' words (`name_word`): only an entity with a word
a typo away from a typed word can pass rule 1, so the typed word the fewest names hold chooses them.

Filler words ("of", "the", "'s") count on neither side. Of the entities that pass, the one named most fully
(its body said too), then with the fewest typos, is the answer; two alike are refused as ambiguous
("Secretary General" where the base holds NATO's and the UN's). Whatever else is typed is refused with up
to three names to try (README, "Fuzzy matching").
"""

import contextlib
import functools
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple, TypeVar

from newskb.common.errors import AmbiguousNameError, BadArgumentError, UnknownNameError
from newskb.common.fuzzy import normalise
from newskb.common.kinds import Kind
from newskb.common.words import NAME_FILLERS

# The names a typed one is checked against, among the closest by WRatio (at least this score): enough to
# hold every name that could pass, few enough that checking them word by word costs nothing.
CANDIDATES = 50
CANDIDATE_CUTOFF = 50.0
# At most this many names are offered as "did you mean".
HINTS = 3

T = TypeVar("T")


class Match(NamedTuple):
    """The entity a typed name resolved to, and whether it was an exact name, alias or id."""

    id: str
    kind: Kind
    name: str
    score: float
    exact: bool


def resolve(connection: sqlite3.Connection, text: str, kinds: Iterable[Kind], what: str) -> Match:
    """The entity of one of `kinds` that `text` names (module docstring); UnknownNameError when none does.

    An id, or a name or alias equal after normalising, is found through the index; only a typed name
    that matches nothing exactly is compared word by word with the closest names. Once a batch.
    A name with no letter in it is bad usage (BadArgumentError, exit 2), as an empty search is.
    """
    if not text.strip():
        raise BadArgumentError(f"give the name of the {what} to look up, not '{text}'")
    kind_values = [kind.value for kind in kinds]

    def attempt() -> Match | UnknownNameError:
        try:
            return _resolve(connection, text, kind_values, what)
        except UnknownNameError as error:
            return error

    found = remembered(connection, ("resolve", what, text, *kind_values), attempt)
    if isinstance(found, UnknownNameError):
        raise type(found)(str(found))  # a fresh one each time (an ambiguous name stays ambiguous)
    return found


def _resolve(connection: sqlite3.Connection, text: str, kind_values: list[str], what: str) -> Match:
    marks = ",".join("?" * len(kind_values))
    wanted = normalise(text)
    # An id first; then every entity a name or alias equals: two are refused, never guessed between.
    exact = connection.execute(
        f"SELECT id, kind, name FROM entity WHERE kind IN ({marks}) AND id = ? "
        f"UNION ALL SELECT id, kind, name FROM entity WHERE kind IN ({marks}) AND name_norm = ? "
        f"UNION ALL SELECT e.id, e.kind, e.name FROM alias a JOIN entity e ON e.id = a.record_id "
        f"WHERE e.kind IN ({marks}) AND a.alias_norm = ? LIMIT {HINTS + 1}",
        (*kind_values, text, *kind_values, wanted, *kind_values, wanted),
    ).fetchall()
    if exact:
        first = exact[0]
        others = sorted({(row["name"], row["id"]) for row in exact if row["id"] != first["id"]})
        if others and first["id"] != text:
            named_as = sorted({(first["name"], first["id"]), *others})[:HINTS]
            listed = ", ".join(f"'{name}' ({entity_id})" for name, entity_id in named_as)
            raise AmbiguousNameError(f"'{text}' names more than one {what} in the fact base: {listed}; give its id")
        return Match(id=first["id"], kind=Kind(first["kind"]), name=first["name"], score=100.0, exact=True)
    typed = content_words(wanted)
    named = _nearby(connection, typed, kind_values)
    best = _closest(wanted, named)
    own = named.own
    passed: list[tuple[int, int, str, float]] = []  # (how fully it is named, typos, id, score)
    for entity_id, score in best.items():
        judged = judge(typed, own[entity_id], _body_names(connection, entity_id))
        if judged is not None:
            passed.append((judged[0], judged[1], entity_id, score))
    if passed:
        # The entity named most fully, with the fewest typos; two alike are refused, not guessed between.
        fullest = max(level for level, _, _, _ in passed)
        fewest = min(typos for level, typos, _, _ in passed if level == fullest)
        chosen = [
            (entity_id, score) for level, typos, entity_id, score in passed if (level, typos) == (fullest, fewest)
        ]
        if len(chosen) > 1:
            names = ", ".join(f"'{name}'" for name in sorted(named.entities[other][1] for other, _ in chosen)[:HINTS])
            raise AmbiguousNameError(f"'{text}' may name more than one {what} in the fact base: {names}")
        entity_id, score = chosen[0]
        kind, name = named.entities[entity_id]
        return Match(id=entity_id, kind=Kind(kind), name=name, score=score, exact=False)
    # The closest names to try, of every name: those that know most of the typed words, then the best scored.
    named = remembered(connection, ("names", *kind_values), lambda: _names(connection, kind_values))
    best, own = _closest(wanted, named), named.own
    shared: list[tuple[int, float, str]] = []  # (typed words it knows, score, id)
    for entity_id, score in best.items():
        known = words_of([*own[entity_id], *_body_names(connection, entity_id)])
        shared.append((sum(any(same_word(word, other) for other in known) for word in typed), score, entity_id))
    ranked = sorted(shared, key=lambda item: (-item[0], -item[1]))
    hints = [named.entities[entity_id][1] for count, _, entity_id in ranked if count]
    raise UnknownNameError(f"no {what} named '{text}' in the fact base{did_you_mean(hints[:HINTS])}")


class _Names(NamedTuple):
    """Every name and alias of the entities of some kinds, normalised (`texts`), whose each is (`owners`);
    each entity's normalised names and aliases (`own`), and its kind and name (`entities`)."""

    texts: list[str]
    owners: list[str]
    own: dict[str, list[str]]
    entities: dict[str, tuple[str, str]]


def _names(connection: sqlite3.Connection, kind_values: list[str]) -> _Names:
    """The names of every entity of some kinds."""
    marks = ",".join("?" * len(kind_values))
    return _gathered(
        connection.execute(
            f"SELECT id, kind, name, name_norm FROM entity WHERE kind IN ({marks}) UNION ALL SELECT e.id, e.kind, "
            f"e.name, a.alias_norm FROM alias a JOIN entity e ON e.id = a.record_id WHERE e.kind IN ({marks})",
            (*kind_values, *kind_values),
        )
    )


def _gathered(rows: Iterable[tuple[str, str, str, str]]) -> _Names:
    """(id, kind, name, a normalised name or alias) rows as _Names."""
    named = _Names([], [], {}, {})
    for entity_id, kind, name, label in rows:
        named.texts.append(label)
        named.owners.append(entity_id)
        named.own.setdefault(entity_id, []).append(label)
        named.entities.setdefault(entity_id, (kind, name))
    return named


def _closest(wanted: str, named: _Names) -> dict[str, float]:
    """The entities of the CANDIDATES names closest to `wanted` by WRatio (at least CANDIDATE_CUTOFF), each with
    its best score, best first."""
    from rapidfuzz import fuzz, process  # imported here: exact names need no fuzzy matching

    closest = process.extract(wanted, named.texts, scorer=fuzz.WRatio, limit=CANDIDATES, score_cutoff=CANDIDATE_CUTOFF)
    best: dict[str, float] = {}
    for _, score, position in closest:
        best.setdefault(named.owners[position], score)
    return best


def _nearby(connection: sqlite3.Connection, typed: list[str], kind_values: list[str]) -> _Names:
    """The names of the entities that may pass `judge`'s rule 1 for the typed word the fewest names hold: that
    word an edit away from a word of their names, or for an office of its body's (the other words are
    judge's). Found through the index of the names' words, not by scoring every name: a misspelt name among
    the 100,000 people of a million facts took most of a second."""
    vocabulary = remembered(connection, ("name words",), lambda: _name_words(connection)) if typed else {}
    words = list(dict.fromkeys(typed))  # a word typed twice is looked up once
    nears = [remembered(connection, ("near", word), functools.partial(_near_words, vocabulary, word)) for word in words]
    if not nears or not all(nears):
        return _Names([], [], {}, {})  # a word no name holds: none passes rule 1
    held = [
        remembered(connection, ("held", word), functools.partial(_holding, connection, near))
        for word, near in zip(words, nears, strict=True)
    ]
    rarest = nears[held.index(min(held))]
    marks, kinds = ",".join("?" * len(rarest)), ",".join("?" * len(kind_values))
    return _gathered(
        connection.execute(
            f"WITH chosen(id) AS (SELECT n.record_id FROM name_word n JOIN entity e ON e.id = n.record_id "
            f"WHERE n.word IN ({marks}) AND e.kind IN ({kinds}) UNION SELECT o.id FROM entity o WHERE o.kind = "
            f"'office' AND o.kind IN ({kinds}) AND o.org IN (SELECT record_id FROM name_word WHERE word IN ({marks}))) "
            "SELECT e.id, e.kind, e.name, e.name_norm FROM chosen c CROSS JOIN entity e ON e.id = c.id UNION ALL "
            "SELECT e.id, e.kind, e.name, a.alias_norm FROM chosen c CROSS JOIN alias a ON a.record_id = c.id "
            "CROSS JOIN entity e ON e.id = c.id",
            (*rarest, *kind_values, *kind_values, *rarest),
        )
    )


def _holding(connection: sqlite3.Connection, words: list[str]) -> int:
    """How many words of names are one of `words` (through the index: no row read)."""
    marks = ",".join("?" * len(words))
    return int(connection.execute(f"SELECT count(*) FROM name_word WHERE word IN ({marks})", words).fetchone()[0])


def _near_words(words: dict[int, list[str]], typed: str) -> list[str]:
    """The words of the base's names (`words`, by length) that `typed` may stand for (`edits`)."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    # As many edits as `edits` allows at most (two only between words longer than seven letters), and each
    # changes a word's length by one at most.
    allowed = 2 if len(typed) > 7 else 1
    alike = [word for length in range(len(typed) - allowed, len(typed) + allowed + 1) for word in words.get(length, ())]
    near = process.extract(typed, alike, scorer=OSA.distance, score_cutoff=allowed, limit=None)
    return [word for word, _, _ in near if word not in NAME_FILLERS and edits(typed, word) is not None]


def _name_words(connection: sqlite3.Connection) -> dict[int, list[str]]:
    """Every word of the base's names and aliases, by its length."""
    words: dict[int, list[str]] = {}
    for (word,) in connection.execute("SELECT DISTINCT word FROM name_word"):
        words.setdefault(len(word), []).append(word)
    return words


# What `remembering` keeps: the connection it is for, and the lookups made on it so far.
_memo: tuple[sqlite3.Connection, dict[tuple[str, ...], Any]] | None = None


@contextlib.contextmanager
def remembering(connection: sqlite3.Connection) -> Iterator[None]:
    """Within it, the lookups every question makes alike on `connection` (every office's names and aliases, an
    office's body, every fact id) are read once: for a batch, which asks many questions of an index that
    does not change meanwhile (batch.py)."""
    global _memo
    before = _memo
    _memo = (connection, {})
    try:
        yield
    finally:
        _memo = before


def remembered(connection: sqlite3.Connection, key: tuple[str, ...], read: Callable[[], T]) -> T:
    """`read()`, or what it gave before for `key` on the same connection within `remembering`."""
    if _memo is None or _memo[0] is not connection:
        return read()
    found = _memo[1]
    if key not in found:
        found[key] = read()
    result: T = found[key]
    return result


def did_you_mean(names: Sequence[str]) -> str:
    """` (did you mean 'A', 'B' or 'C'?)`, or '' for no names."""
    if not names:
        return ""
    quoted = [f"'{name}'" for name in names]
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f" (did you mean {listed}?)"


def content_words(normalised: str) -> list[str]:
    """The words of a normalised name that say which entity it is: every word but the fillers."""
    return [word for word in normalised.split() if word not in NAME_FILLERS]


# How fully typed words name an entity (see `judge`).
TITLE_SAID = 1
NAME_SAID = 2


def judge(typed: Sequence[str], own: Sequence[str], body: Sequence[str]) -> tuple[int, int] | None:
    """Whether the typed words name an entity with the (normalised) names `own` and, for an office, the
    body it belongs to with the names `body`: None if they do not; else how fully (NAME_SAID, TITLE_SAID)
    and how many typos that takes (the letters changed, summed over the typed words).

    Rule 1: every typed word is a word of those names. Rule 2: the typed words say every word of one of the
    entity's names, except perhaps the words it shares with its body's names (its title: "Secretary
    General" of "NATO Secretary General"). A whole name is said when its body's words are said too, or
    stand in another of the body's names ("Secretary General of the alliance").
    """
    known = words_of([*own, *body])
    typos = 0
    for word in typed:
        found = [edits(word, other) for other in known]
        nearest = min((count for count in found if count is not None), default=None)
        if nearest is None:
            return None
        typos += nearest

    def said(words: Iterable[str]) -> bool:
        return all(any(same_word(word, other) for other in typed) for word in words)

    body_words = words_of(body)
    names_body = any(said(content_words(name)) for name in body)
    fullest = 0
    for name in own:
        words = content_words(name)
        title = [word for word in words if word not in body_words]
        if said(words) or (title and said(title) and names_body):
            return NAME_SAID, typos
        if title and said(title):
            fullest = TITLE_SAID
    return (fullest, typos) if fullest else None


def words_of(names: Iterable[str]) -> set[str]:
    """Every content word of some (normalised) names."""
    return {word for name in names for word in content_words(name)}


def same_word(typed: str, known: str) -> bool:
    """Whether a typed word is a known word, or a typo away from it (see `edits`)."""
    return edits(typed, known) is not None


@functools.lru_cache(maxsize=65536)  # a batch of typed names meets the same words again and again
def edits(typed: str, known: str) -> int | None:
    """How many edits make a typed word a known one, or None when it is another word: a known word of up to
    three letters must be typed as it is ("US" is not "UK"), a longer one may be one edit away, and two words
    both longer than seven letters two (an edit is a letter added, removed, changed, or two swapped:
    "genral", "defense", "presidnet", "clb"; "Austria" is not "Australia")."""
    if typed == known:
        return 0
    if len(known) <= 3:
        return None
    shorter = min(len(typed), len(known))
    from rapidfuzz.distance import OSA

    allowed = 1 if shorter <= 7 else 2
    distance = OSA.distance(typed, known, score_cutoff=allowed)
    return distance if distance <= allowed else None


def _body_names(connection: sqlite3.Connection, entity_id: str) -> list[str]:
    """The normalised names and aliases of what an office belongs to (nothing for other entities)."""
    return remembered(
        connection,
        ("body", entity_id),
        lambda: [
            row[0]
            for row in connection.execute(
                "SELECT b.name_norm FROM entity o JOIN entity b ON b.id = o.org WHERE o.id = :id "
                "AND o.kind = 'office' UNION ALL SELECT a.alias_norm FROM entity o JOIN alias a "
                "ON a.record_id = o.org WHERE o.id = :id AND o.kind = 'office'",
                {"id": entity_id},
            )
        ],
    )
