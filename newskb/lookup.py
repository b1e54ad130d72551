"""Resolving a typed name to one entity of the index (`who "nato chief"`, `show rutte`).

Name resolution scores whole names and aliases with rapidfuzz's WRatio, which measured best on the
queries analysts type (typos and word order: "secretary genral of nato", "general secretary nato";
see README, "Fuzzy matching").
"""

import sqlite3
from collections.abc import Iterable
from typing import NamedTuple

from newskb.errors import NotFoundError
from newskb.fuzzy import normalise
from newskb.kinds import Kind

# Below this WRatio score a name is not taken as what the user meant.
NAME_CUTOFF = 80.0


class Match(NamedTuple):
    """The entity a typed name resolved to, and whether it was an exact name, alias or id."""

    id: str
    kind: Kind
    name: str
    score: float
    exact: bool


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
