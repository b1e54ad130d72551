"""Ranked search over the index (resolving a typed name to one entity is lookup.py's).

Search is word by word: each query word is expanded to the indexed
words that look like it (edit distance, prefix, or the same stem), so a short query against a long
claim is not overrated the way a whole-string scorer overrates it. The words a question is made of
("how many ... does") do not count, and a query that asks for a holder's successor or predecessor is
answered from `replaces` first (README, "Search").
"""

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from typing import NamedTuple

from newskb.errors import BadArgumentError, NotFoundError
from newskb.fuzzy import tokenize
from newskb.index import linked
from newskb.kinds import Kind
from newskb.lookup import resolve
from newskb.words import PREDECESSOR_WORDS, QUANTITY_WORDS, QUESTION_WORDS, SUCCESSOR_WORDS, stem

# A query word matches an indexed word at this ratio or better (shorter words must match exactly).
WORD_CUTOFF = 75.0
PREFIX_SCORE = 90.0
STEM_SCORE = 95.0
# A hit must match at least this share of the query's words, weighted by how well.
MIN_SCORE = 50.0
# A text that gives a number, for a query that asks how many (on top of its score).
NUMBER_BONUS = 5.0
# Hits scoring less than this share of the best one are left out (unless every hit is asked for).
CUT = 0.75

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


def search(
    connection: sqlite3.Connection, query: str, *, kind: Kind | None = None, limit: int = 20, every: bool = False
) -> list[SearchHit]:
    """Records whose names, titles, texts or quotes match the query's words, best first.

    Hits far below the best (under CUT of its score) are left out unless `every` is asked for.
    """
    typed = tokenize(query)
    if not typed:
        raise BadArgumentError(f"search needs a word to look for, not '{query}'")
    relation = _relation(typed)
    # The words that say which record: not those a question is made of, nor those asking for a neighbour.
    words = [word for word in typed if word not in QUESTION_WORDS and not (relation and _is_relation(word))]
    words = words or typed
    vocabulary = [row[0] for row in connection.execute("SELECT term FROM doc_vocab")]
    doc_scores: dict[int, float] = defaultdict(float)
    doc_matched: dict[int, int] = defaultdict(int)
    for word in words:
        best_in_doc: dict[int, float] = {}
        for token, score in _expand(word, vocabulary).items():
            # A quoted FTS5 string is one literal term: no query syntax from the data reaches SQLite.
            for (doc,) in connection.execute("SELECT rowid FROM doc_fts WHERE doc_fts MATCH ?", (f'"{token}"',)):
                if score > best_in_doc.get(doc, 0.0):
                    best_in_doc[doc] = score
        for doc, score in best_in_doc.items():
            doc_scores[doc] += score / len(words)
            doc_matched[doc] += 1
    counting = any(word in QUANTITY_WORDS for word in typed)
    ranked = _rank(connection, doc_scores, doc_matched, kind, counting=counting)
    if relation and kind in (None, Kind.TERM):
        ranked = [*_neighbours(connection, " ".join(words), relation), *ranked]
    hits = _unique(ranked)
    if hits and not every:
        hits = [hit for hit in hits if hit[2] >= CUT * hits[0][2]]
    return [_hit(connection, hit_kind, record_id, score) for hit_kind, record_id, score in hits[:limit]]


def _expand(word: str, vocabulary: list[str]) -> dict[str, float]:
    """The indexed words a query word may stand for, with how well each matches (0-100)."""
    from rapidfuzz import fuzz, process  # imported here: only search needs it

    expansions: dict[str, float] = {}
    if len(word) >= 4:
        matches = process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=None)
        expansions.update((token, score) for token, score, _ in matches)
    if len(word) >= 3:
        root = stem(word)
        for token in vocabulary:
            if token.startswith(word):
                expansions[token] = max(expansions.get(token, 0.0), PREFIX_SCORE)
            # Another form of the same word (member, members; double, doubled).
            if token[:3] == root[:3] and stem(token) == root:
                expansions[token] = max(expansions.get(token, 0.0), STEM_SCORE)
    if word in expansions or word in vocabulary:
        expansions[word] = 100.0
    return expansions


def _rank(
    connection: sqlite3.Connection,
    doc_scores: dict[int, float],
    doc_matched: dict[int, int],
    kind: Kind | None,
    *,
    counting: bool = False,
) -> list[tuple[Kind, str, float]]:
    """(kind, record id, score) of every record whose texts score enough, best first (when the query asks
    how many, a text that gives a number first among equals)."""
    best: dict[tuple[str, str], float] = {}
    candidates = [doc for doc, score in doc_scores.items() if score >= MIN_SCORE]
    for start in range(0, len(candidates), 500):
        chunk = candidates[start : start + 500]
        query = f"SELECT id, kind, record_id, word_count, text FROM doc WHERE id IN ({','.join('?' * len(chunk))})"
        for row in connection.execute(query, chunk):
            if kind is not None and row["kind"] != kind.value:
                continue
            # Mostly how well the query's words matched; a little for how much of the text they cover,
            # so the name "Rutte" ranks above a long claim that mentions Rutte.
            coverage = min(1.0, doc_matched[row["id"]] / max(1, row["word_count"]))
            score = 0.9 * doc_scores[row["id"]] + 10.0 * coverage
            if counting and any(char.isdigit() for char in row["text"]):
                score += NUMBER_BONUS
            key = (row["kind"], row["record_id"])
            best[key] = max(best.get(key, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: (-round(item[1]), _KIND_ORDER[item[0][0]], item[0][1]))
    return [(Kind(kind_value), record_id, score) for (kind_value, record_id), score in ranked]


def _unique(hits: list[tuple[Kind, str, float]]) -> list[tuple[Kind, str, float]]:
    """Each record once, where it ranks best."""
    best: dict[str, tuple[Kind, str, float]] = {}
    for hit in hits:
        best.setdefault(hit[1], hit)
    return list(best.values())


def _relation(words: list[str]) -> str | None:
    """ "successor" or "predecessor" when the query asks for one (and names someone besides)."""
    if any(word in SUCCESSOR_WORDS for word in words):
        return "successor"
    if any(word in PREDECESSOR_WORDS for word in words):
        return "predecessor"
    return None


def _is_relation(word: str) -> bool:
    return word in SUCCESSOR_WORDS or word in PREDECESSOR_WORDS


def _neighbours(connection: sqlite3.Connection, name: str, relation: str) -> list[tuple[Kind, str, float]]:
    """The terms that answer "who came after (or before) NAME": from the `replaces` of the terms of
    whoever NAME resolves to. Nothing when NAME is not a holder's name."""
    try:
        holder = resolve(connection, name, (Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY), "holder")
    except NotFoundError:
        return []
    if relation == "successor":
        sql = "SELECT id FROM term WHERE replaces = ? ORDER BY start_earliest IS NULL, start_earliest, id"
    else:
        # The terms of whom this holder's terms replaced, of the same office.
        sql = (
            "SELECT p.id FROM term t JOIN term p ON p.office = t.office AND p.holder = t.replaces "
            "WHERE t.holder = ? ORDER BY p.start_earliest IS NULL, p.start_earliest, p.id"
        )
    return [(Kind.TERM, row[0], 100.0) for row in connection.execute(sql, (holder.id,))]


def _hit(connection: sqlite3.Connection, kind: Kind, record_id: str, score: float) -> SearchHit:
    as_of = None
    if kind is Kind.TERM:
        row = connection.execute(
            "SELECT h.name || ' — ' || o.name AS label, t.source, t.modality FROM term t "
            "LEFT JOIN entity h ON h.id = t.holder LEFT JOIN entity o ON o.id = t.office WHERE t.id = ?",
            (record_id,),
        ).fetchone()
    elif kind is Kind.EVENT:
        row = connection.execute(
            "SELECT title AS label, source, modality FROM event WHERE id = ?", (record_id,)
        ).fetchone()
    elif kind is Kind.CLAIM:
        row = connection.execute(
            "SELECT c.text AS label, c.source, c.modality, coalesce(c.as_of, s.published) AS as_of "
            # LEFT: a claim whose source is missing or unknown (check reports it) is still found.
            "FROM claim c LEFT JOIN source s ON s.id = c.source WHERE c.id = ?",
            (record_id,),
        ).fetchone()
        as_of = row["as_of"]
    else:
        row = connection.execute(
            "SELECT name AS label, source, NULL AS modality FROM entity WHERE id = ?", (record_id,)
        ).fetchone()
    said_by = linked(connection, "said_by", record_id)
    label = row["label"] or record_id
    if said_by:  # whose words a claim reports comes first, as a reader says it
        names = [_name(connection, speaker) for speaker in said_by]
        label = f"{', '.join(names)}: {label}"
    return SearchHit(
        kind=kind,
        id=record_id,
        label=label,
        score=round(score),
        source=row["source"],
        modality=row["modality"],
        said_by=said_by,
        via=linked(connection, "via", record_id),
        as_of=as_of,
    )


def _name(connection: sqlite3.Connection, entity_id: str) -> str:
    row = connection.execute("SELECT name FROM entity WHERE id = ?", (entity_id,)).fetchone()
    return row[0] if row else entity_id
