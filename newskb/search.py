"""Fuzzy lookups over the index: resolving a typed name to one entity, and ranked search.

Name resolution scores whole names and aliases with rapidfuzz's WRatio, which measured best on the
queries analysts type (typos and word order: "secretary genral of nato", "general secretary nato";
see README, "Fuzzy matching"). Search is word by word: each query word is expanded to the indexed
words that look like it (edit distance or prefix), so a short query against a long claim is not
overrated the way a whole-string scorer overrates it.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from newskb.errors import BadArgumentError, NotFoundError
from newskb.fuzzy import normalise, tokenize
from newskb.kinds import Kind

# Below this WRatio score a name is not taken as what the user meant.
NAME_CUTOFF = 80.0
# A query word matches an indexed word at this ratio or better (shorter words must match exactly).
WORD_CUTOFF = 75.0
PREFIX_SCORE = 90.0
# A hit must match at least this share of the query's words, weighted by how well.
MIN_SCORE = 50.0

_KIND_ORDER = {kind.value: rank for rank, kind in enumerate(Kind)}


@dataclass(frozen=True, slots=True, kw_only=True)
class Match:
    """The entity a typed name resolved to, and whether it was an exact name, alias or id."""

    id: str
    kind: Kind
    name: str
    score: float
    exact: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchHit:
    kind: Kind
    id: str
    label: str
    score: int
    source: str | None


def resolve(connection: sqlite3.Connection, text: str, kinds: Iterable[Kind], what: str) -> Match:
    """The entity of one of `kinds` whose id, name or alias best matches `text`.

    An id, or a name or alias equal after normalising, is found through the index; only a typed name
    that matches nothing exactly is scored against every name.
    """
    kind_values = [kind.value for kind in kinds]
    marks = ",".join("?" * len(kind_values))
    wanted = normalise(text)
    exact = connection.execute(
        f"SELECT id, kind, name FROM entity WHERE kind IN ({marks}) AND (id = ? OR name_norm = ?) "
        f"UNION ALL SELECT e.id, e.kind, e.name FROM alias a JOIN entity e ON e.id = a.record_id "
        f"WHERE e.kind IN ({marks}) AND a.alias_norm = ? LIMIT 1",
        (*kind_values, text, wanted, *kind_values, wanted),
    ).fetchone()
    if exact is not None:
        return Match(id=exact["id"], kind=Kind(exact["kind"]), name=exact["name"], score=100.0, exact=True)
    names = list(
        connection.execute(
            f"SELECT id, kind, name, name_norm AS label FROM entity WHERE kind IN ({marks}) "
            f"UNION ALL SELECT e.id, e.kind, e.name, a.alias_norm FROM alias a JOIN entity e ON e.id = a.record_id "
            f"WHERE e.kind IN ({marks})",
            (*kind_values, *kind_values),
        )
    )
    from rapidfuzz import fuzz, process  # imported here: exact names need no fuzzy matching

    labels = [row["label"] for row in names]
    best = process.extractOne(wanted, labels, scorer=fuzz.WRatio, score_cutoff=NAME_CUTOFF) if wanted else None
    if best is None:
        # Nothing close enough to answer for: name the nearest candidates, one name per entity.
        nearest: dict[str, str] = {}
        for _, _, position in process.extract(wanted, labels, scorer=fuzz.WRatio, limit=len(labels)):
            nearest.setdefault(names[position]["id"], names[position]["name"])
        hints = list(nearest.values())[:3]
        hint = " (closest: " + ", ".join(f"'{name}'" for name in hints) + ")" if hints else ""
        raise NotFoundError(f"no {what} matches '{text}'{hint}")
    row = names[best[2]]
    return Match(id=row["id"], kind=Kind(row["kind"]), name=row["name"], score=best[1], exact=False)


def search(connection: sqlite3.Connection, query: str, *, kind: Kind | None = None, limit: int = 20) -> list[SearchHit]:
    """Records whose names, titles, texts or quotes match the query's words, best first."""
    words = tokenize(query)
    if not words:
        raise BadArgumentError(f"search needs a word to look for, not '{query}'")
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
    return _rank(connection, doc_scores, doc_matched, kind, limit)


def _expand(word: str, vocabulary: list[str]) -> dict[str, float]:
    """The indexed words a query word may stand for, with how well each matches (0-100)."""
    from rapidfuzz import fuzz, process  # imported here: only search needs it

    expansions: dict[str, float] = {}
    if len(word) >= 4:
        matches = process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=WORD_CUTOFF, limit=None)
        expansions.update((token, score) for token, score, _ in matches)
    if len(word) >= 3:
        for token in vocabulary:
            if token.startswith(word):
                expansions[token] = max(expansions.get(token, 0.0), PREFIX_SCORE)
    if word in expansions or word in vocabulary:
        expansions[word] = 100.0
    return expansions


def _rank(
    connection: sqlite3.Connection,
    doc_scores: dict[int, float],
    doc_matched: dict[int, int],
    kind: Kind | None,
    limit: int,
) -> list[SearchHit]:
    best: dict[tuple[str, str], float] = {}
    candidates = [doc for doc, score in doc_scores.items() if score >= MIN_SCORE]
    for start in range(0, len(candidates), 500):
        chunk = candidates[start : start + 500]
        query = f"SELECT id, kind, record_id, word_count FROM doc WHERE id IN ({','.join('?' * len(chunk))})"
        for row in connection.execute(query, chunk):
            if kind is not None and row["kind"] != kind.value:
                continue
            # Mostly how well the query's words matched; a little for how much of the text they cover,
            # so the name "Rutte" ranks above a long claim that mentions Rutte.
            coverage = min(1.0, doc_matched[row["id"]] / max(1, row["word_count"]))
            score = 0.9 * doc_scores[row["id"]] + 10.0 * coverage
            key = (row["kind"], row["record_id"])
            best[key] = max(best.get(key, 0.0), score)
    ranked = sorted(best.items(), key=lambda item: (-round(item[1]), _KIND_ORDER[item[0][0]], item[0][1]))
    return [_hit(connection, Kind(kind_value), record_id, score) for (kind_value, record_id), score in ranked[:limit]]


def _hit(connection: sqlite3.Connection, kind: Kind, record_id: str, score: float) -> SearchHit:
    if kind is Kind.TERM:
        row = connection.execute(
            "SELECT h.name || ' — ' || o.name AS label, t.source FROM term t "
            "LEFT JOIN entity h ON h.id = t.holder LEFT JOIN entity o ON o.id = t.office WHERE t.id = ?",
            (record_id,),
        ).fetchone()
    elif kind is Kind.EVENT:
        row = connection.execute("SELECT title AS label, source FROM event WHERE id = ?", (record_id,)).fetchone()
    elif kind is Kind.CLAIM:
        row = connection.execute("SELECT text AS label, source FROM claim WHERE id = ?", (record_id,)).fetchone()
    else:
        row = connection.execute("SELECT name AS label, source FROM entity WHERE id = ?", (record_id,)).fetchone()
    return SearchHit(kind=kind, id=record_id, label=row["label"] or record_id, score=round(score), source=row["source"])
