"""Ranked search over the index (resolving a typed name to one entity is lookup.py's).

A query is read as a question first (question.py): the entities it names by a name or alias, the other
words it looks for, whether it asks for a number and of what, and whether it asks for a holder's successor
or predecessor. Search is then word by word: each word is expanded to the indexed words that look like it
(edit distance, prefix, or the same stem), so a short query against a long claim is not overrated the way a
whole-string scorer overrates it; an entity the question names is matched by every record about it too.
A record scores by the weighted share of the question it matches ("how many", "who", "does" do not count),
a text giving a number of what is counted ranks first among equals, and a question about a successor or a
predecessor is answered from `replaces` first (README, "Search").
"""

import heapq
import math
import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from newskb.answers import question
from newskb.answers.lookup import remembered
from newskb.common.errors import BadArgumentError
from newskb.common.fuzzy import tokenize
from newskb.common.kinds import Kind
from newskb.common.words import NUMBER_WORDS, spoken_by, stem
from newskb.index import vocab
from newskb.index.build import linked

# A query word matches an indexed word at this ratio or better (shorter words must match exactly).
WORD_CUTOFF = 75.0
PREFIX_SCORE = 90.0
STEM_SCORE = 95.0
# A hit must match at least this share of the query's words, weighted by how well.
MIN_SCORE = 50.0
# For a question that counts: a text that gives a number of what it counts, within this many words after the
# number ("32 member countries"), and one that gives any number (on top of its score).
ANSWER_BONUS = 10.0
ANSWER_REACH = 2
NUMBER_BONUS = 5.0
# A record about the body an office the question names belongs to matches that office this well (a record
# about the office itself, fully): "prime minister" asks about the country's leaders, more about its own.
BODY_SCORE = 75.0
# A query is read up to this many words (a question is rarely longer; a pasted article would take minutes).
MAX_WORDS = 32
# Hits scoring less than this share of the best one are left out (unless every hit is asked for).
CUT = 0.75
# Texts are ranked this many at a time (older SQLite take 999 values a statement).
READ_AT_ONCE = 500

_KIND_ORDER = {kind.value: rank for rank, kind in enumerate(Kind)}


class SearchHit(NamedTuple):
    kind: Kind
    id: str
    label: str  # a claim's says who said it
    score: int
    source: str | None
    # For a fact: how the source puts it, whose words it reports, which agencies it came through; for a
    # claim, the day it is true as of. An entity has none of them.
    modality: str | None = None
    said_by: Sequence[str] = ()
    via: Sequence[str] = ()
    as_of: str | None = None
    # When: an event's date, a term's span (`start/end`, EDTF's interval; "" unknown, ".." open), a claim's or
    # an entity summary's as-of day. And the verbatim quote behind it (an entity without a summary has none).
    when: str | None = None
    quote: str | None = None


def search(
    connection: sqlite3.Connection, query: str, *, kind: Kind | None = None, limit: int = 20, every: bool = False
) -> list[SearchHit]:
    """Records whose names, titles, texts or quotes match the query's words, best first.

    Hits far below the best (under CUT of its score) are left out unless `every` is asked for.
    """
    typed = tokenize(query)
    if not typed:
        raise BadArgumentError(f"search needs a word to look for, not '{query}'")
    # Work bounded by the query's length (each word is expanded against the whole vocabulary): the rest of a
    # longer one is left out, and the command line says so.
    asked = question.read(connection, typed[:MAX_WORDS])
    total = sum(unit.weight for unit in asked.units)
    doc_scores: dict[int, float] = defaultdict(float)
    doc_matched: dict[int, int] = defaultdict(int)
    for unit in asked.units:
        for doc, score in _unit_scores(connection, unit).items():
            doc_scores[doc] += unit.weight * score / total
            doc_matched[doc] += 1
    neighbours = _neighbours(connection, asked) if asked.relation and asked.holder and kind in (None, Kind.TERM) else []
    # A neighbour ranked again is shown once: the list needs that many more.
    ranked = [*neighbours, *_rank(connection, doc_scores, doc_matched, kind, asked.measures, limit + len(neighbours))]
    hits = _unique(ranked)
    if hits and not every:
        hits = [hit for hit in hits if hit[2] >= CUT * hits[0][2]]
    return [_hit(connection, hit_kind, record_id, score) for hit_kind, record_id, score in hits[:limit]]


def _unit_scores(connection: sqlite3.Connection, unit: question.Unit) -> dict[int, float]:
    """How well each doc matches one unit of the question (0-100): the mean of its words' best matches; a
    doc of a record about the entity the unit names matches it whole."""
    scores: dict[int, float] = defaultdict(float)
    for word in unit.words:
        best_in_doc: dict[int, float] = {}
        for token, score in _expand(connection, word).items():
            for doc in _docs_with(connection, token):
                if score > best_in_doc.get(doc, 0.0):
                    best_in_doc[doc] = score
        for doc, score in best_in_doc.items():
            scores[doc] += score / len(unit.words)
    for entity, score in ((unit.body, BODY_SCORE), (unit.entity, 100.0)):
        if entity is not None:
            for (doc,) in connection.execute(_ABOUT, {"entity": entity}):
                scores[doc] = max(scores[doc], score)
    return scores


def _docs_with(connection: sqlite3.Connection, token: str) -> list[int]:
    """The docs that hold an indexed word; once a batch."""

    def read() -> list[int]:
        # A quoted FTS5 string is one literal term: no query syntax from the data reaches SQLite.
        query = "SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?"
        return [doc for (doc,) in connection.execute(query, (f'"{token}"',))]

    return remembered(connection, ("docs with", token), read)


# The docs of every record about an entity: the entity itself, the claims about it or in its words, the events
# it takes part in, its terms (as holder or office), and the terms and offices of a body it is.
_ABOUT = """
SELECT id FROM doc WHERE record_id IN (
    SELECT :entity UNION SELECT record_id FROM about WHERE entity_id = :entity
    UNION SELECT record_id FROM said_by WHERE entity_id = :entity
    UNION SELECT record_id FROM involves WHERE entity_id = :entity
    UNION SELECT id FROM term WHERE holder = :entity UNION SELECT id FROM term WHERE office = :entity
    UNION SELECT t.id FROM term t JOIN entity o ON o.id = t.office WHERE o.org = :entity
    UNION SELECT id FROM entity WHERE org = :entity)
"""


def _expand(connection: sqlite3.Connection, word: str) -> dict[str, float]:
    """The indexed words a query word may stand for, with how well each matches (0-100), found through the
    indexes of the vocabulary (vocab.py) rather than by comparing the word with all of it; once a batch."""
    return remembered(connection, ("expansions", word), lambda: _expansions(connection, word))


def _expansions(connection: sqlite3.Connection, word: str) -> dict[str, float]:
    from rapidfuzz import fuzz, process  # imported here: only search needs it

    expansions: dict[str, float] = {}
    if len(word) >= 4:
        # A word of m letters reaches the cut-off against one of n only if 2 min(m, n) / (m + n) does (the
        # bounds rounded outwards: the scorer decides).
        share = WORD_CUTOFF / (200.0 - WORD_CUTOFF)
        candidates = vocab.near(connection, word, math.floor(len(word) * share), math.ceil(len(word) / share))
        matches = process.extract(word, candidates, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=None)
        expansions.update((token, score) for token, score, _ in matches)
    if len(word) >= 3:
        for token in vocab.starting_with(connection, word):
            expansions[token] = max(expansions.get(token, 0.0), PREFIX_SCORE)
        # Another form of the same word (member, members; double, doubled).
        root = stem(word)
        for token in vocab.of_stem(connection, root):
            if token[:3] == root[:3]:
                expansions[token] = max(expansions.get(token, 0.0), STEM_SCORE)
    if word in expansions or vocab.holds(connection, word):
        expansions[word] = 100.0
    return expansions


def _rank(
    connection: sqlite3.Connection,
    doc_scores: dict[int, float],
    doc_matched: dict[int, int],
    kind: Kind | None,
    measures: frozenset[str],
    wanted: int,
) -> list[tuple[Kind, str, float]]:
    """(kind, record id, score) of the `wanted` best records (and perhaps more) whose texts score enough, best
    first (when the query counts something, a text that gives a number of it first, then one that gives any
    number).

    A misspelt surname at a million facts matches tens of thousands of texts. The texts are read best matched
    first, and no more once what they could still score (all of their words matched, every bonus) rounds
    below the `wanted`-th record's score: none of them could change the first `wanted`.
    """
    best: dict[tuple[str, str], float] = {}
    candidates = sorted((doc for doc, score in doc_scores.items() if score >= MIN_SCORE), key=doc_scores.__getitem__)
    candidates.reverse()
    at_most = 10.0 + (ANSWER_BONUS if measures else 0.0)  # what coverage and a number can add to a text's score
    # Plain tuples, and a text read only when a number in it counts.
    cursor = connection.cursor()
    cursor.row_factory = None
    text = "text" if measures else "NULL"
    checked_at = READ_AT_ONCE  # the bound is checked after 500 texts, 1,000, 2,000...
    for start in range(0, len(candidates), READ_AT_ONCE):
        if wanted and start >= checked_at and len(best) >= wanted:
            checked_at *= 2
            could = 0.9 * doc_scores[candidates[start]] + at_most
            if round(could) < round(heapq.nlargest(wanted, best.values())[-1]):
                break
        chunk = candidates[start : start + READ_AT_ONCE]
        query = f"SELECT id, kind, record_id, word_count, {text} FROM doc WHERE id IN ({','.join('?' * len(chunk))})"
        for doc, doc_kind, record_id, word_count, words in cursor.execute(query, chunk):
            if kind is not None and doc_kind != kind.value:
                continue
            # Mostly how well the query's words matched; a little for how much of the text they cover,
            # so the name "Rutte" ranks above a long claim that mentions Rutte.
            coverage = min(1.0, doc_matched[doc] / max(1, word_count))
            score = 0.9 * doc_scores[doc] + 10.0 * coverage
            if measures:
                score += _number_bonus(words, measures)
            key = (doc_kind, record_id)
            if score > best.get(key, 0.0):
                best[key] = score
    ranked = sorted(best.items(), key=lambda item: (-round(item[1]), _KIND_ORDER[item[0][0]], item[0][1]))
    return [(Kind(kind_value), record_id, score) for (kind_value, record_id), score in ranked]


def _number_bonus(text: str, measures: frozenset[str]) -> float:
    """What a text earns for a question that counts: ANSWER_BONUS if it gives a number of what is counted
    ("32 member countries", "his 14-year leadership", "the past ten years"), NUMBER_BONUS for any number."""
    words = tokenize(text)
    for position, word in enumerate(words):
        after = words[position + 1 : position + 1 + ANSWER_REACH]
        if (word.isdigit() or word in NUMBER_WORDS) and any(stem(later) in measures for later in after):
            return ANSWER_BONUS
    return NUMBER_BONUS if any(char.isdigit() for char in text) else 0.0


def _unique(hits: list[tuple[Kind, str, float]]) -> list[tuple[Kind, str, float]]:
    """Each record once, where it ranks best."""
    best: dict[str, tuple[Kind, str, float]] = {}
    for hit in hits:
        best.setdefault(hit[1], hit)
    return list(best.values())


def _neighbours(connection: sqlite3.Connection, asked: question.Question) -> list[tuple[Kind, str, float]]:
    """The terms that answer "who came after (or before) the holder the question names": from the `replaces`
    of the holder's terms (of the office it names, if it names one)."""
    office = "AND t.office = :office" if asked.office else ""
    if asked.relation == question.SUCCESSOR:
        sql = (
            f"SELECT t.id FROM term t WHERE t.replaces = :holder {office} "
            "ORDER BY t.start_earliest IS NULL, t.start_earliest, t.id"
        )
    else:
        # The terms of whom this holder's terms replaced, of the same office.
        sql = (
            "SELECT p.id FROM term t JOIN term p ON p.office = t.office AND p.holder = t.replaces "
            f"WHERE t.holder = :holder {office} ORDER BY p.start_earliest IS NULL, p.start_earliest, p.id"
        )
    parameters = {"holder": asked.holder, "office": asked.office}
    return [(Kind.TERM, row[0], 100.0) for row in connection.execute(sql, parameters)]


# Each kind's label, source, how sure, when (an event's date, a term's span as start/end, a claim's as-of day,
# an entity summary's) and quote, in SQL; LEFT joins, so that a record whose references check reports is found.
_HIT_SQL = {
    # A holder or office without a name (unknown, or its name missing) leaves the label to the term's id.
    Kind.TERM: "SELECT nullif(h.name, '') || ' — ' || nullif(o.name, '') AS label, t.source, "
    "t.modality, coalesce(t.start, '') || '/' || coalesce(t.\"end\", '') AS happened, NULL AS as_of, t.quote "
    "FROM term t LEFT JOIN entity h ON h.id = t.holder LEFT JOIN entity o ON o.id = t.office WHERE t.id = ?",
    Kind.EVENT: "SELECT title AS label, source, modality, date AS happened, NULL AS as_of, quote FROM event "
    "WHERE id = ?",
    Kind.CLAIM: "SELECT c.text AS label, c.source, c.modality, coalesce(c.as_of, s.published) AS happened, "
    "coalesce(c.as_of, s.published) AS as_of, c.quote FROM claim c LEFT JOIN source s ON s.id = c.source "
    "WHERE c.id = ?",
}
_ENTITY_HIT_SQL = (
    "SELECT e.name AS label, e.source, NULL AS modality, "
    "CASE WHEN e.summary IS NOT NULL THEN coalesce(e.as_of, s.published) END AS happened, NULL AS as_of, e.quote "
    "FROM entity e LEFT JOIN source s ON s.id = e.source WHERE e.id = ?"
)


def _hit(connection: sqlite3.Connection, kind: Kind, record_id: str, score: float) -> SearchHit:
    row = connection.execute(_HIT_SQL.get(kind, _ENTITY_HIT_SQL), (record_id,)).fetchone()
    said_by = linked(connection, "said_by", record_id)
    # Whose words a claim reports comes first, as a reader says it.
    label = spoken_by([_name(connection, speaker) for speaker in said_by], row["label"] or record_id)
    return SearchHit(
        kind=kind,
        id=record_id,
        label=label,
        # Scores are 0-100: a text that answers a count ranks above a whole name matched, but says 100.
        score=min(100, round(score)),
        source=row["source"],
        modality=row["modality"],
        said_by=said_by,
        via=linked(connection, "via", record_id),
        as_of=row["as_of"],
        when=row["happened"],
        quote=row["quote"],
    )


def _name(connection: sqlite3.Connection, entity_id: str) -> str:
    row = connection.execute("SELECT name FROM entity WHERE id = ?", (entity_id,)).fetchone()
    return row[0] if row else entity_id
