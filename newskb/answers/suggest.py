"""What TAB may complete: the names and ids of the index that what was typed begins a word of.

A name matches when what was typed (normalised as every name is, so case and accents do not count)
starts one of its words, or a run of them: "sec", "Secr" and "secretary gen" all find "NATO Secretary
General"; an alias matches the same way and is offered as written. An id matches when what was typed
starts it or one of its hyphenated words ("rutte" finds `mark-rutte-takes-office`). Each candidate comes
with the other (a name's id, an id's name or title) for shells that show a description.

The index keeps what it can of a record `check` refuses, so a name that `check` would refuse (a control
or escape character, a bidi override, an invisible character, nothing but spaces) is never offered: a
shell would insert it, and print it raw in its list.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from newskb.common.fuzzy import normalise
from newskb.common.kinds import ENTITY_KINDS, Kind
from newskb.common.printable import forbidden_in, invisible_in
from newskb.index.build import like

# At most this many candidates: a shell lists them all, and a prefix of one letter at 100k facts
# would otherwise list thousands.
LIMIT = 200

Candidate = tuple[str, str]
"""(what to insert, what it stands for)."""


def names(connection: sqlite3.Connection, typed: str, kinds: Iterable[Kind]) -> list[Candidate]:
    """The names and aliases of entities of `kinds` that `typed` begins a word of, each with its id."""
    kind_values = [kind.value for kind in kinds]
    marks = ",".join("?" * len(kind_values))
    word = "% " + like(normalise(typed)) + "%"
    rows = connection.execute(
        f"SELECT name AS label, id FROM entity WHERE kind IN ({marks}) AND ' ' || name_norm LIKE ? ESCAPE '\\' "
        f"UNION SELECT a.alias, e.id FROM alias a JOIN entity e ON e.id = a.record_id "
        f"WHERE e.kind IN ({marks}) AND ' ' || a.alias_norm LIKE ? ESCAPE '\\' "
        f"ORDER BY label LIMIT {LIMIT}",
        (*kind_values, word, *kind_values, word),
    )
    return [(row["label"], row["id"]) for row in rows if _offered(row["label"])]


def _offered(name: str) -> bool:
    """Whether `name` is one `check` accepts as a name or alias (see the module's note)."""
    return bool(name.strip()) and not forbidden_in(name, multiline=False) and not invisible_in(name)


# How each kind of record names itself beside its id, in SQL over the index's tables.
_LABELS = {
    Kind.SOURCE: "SELECT id, title AS label FROM source",
    Kind.TERM: (
        "SELECT t.id, coalesce(h.name, t.holder) || ' — ' || coalesce(o.name, t.office) AS label FROM term t "
        "LEFT JOIN entity h ON h.id = t.holder LEFT JOIN entity o ON o.id = t.office"
    ),
    Kind.EVENT: "SELECT id, title AS label FROM event",
    Kind.CLAIM: "SELECT id, text AS label FROM claim",
}


def ids(connection: sqlite3.Connection, typed: str, kinds: Iterable[Kind]) -> list[Candidate]:
    """The ids of records of `kinds` that `typed` begins or begins a hyphenated word of, each with its name."""
    start = like(typed.lower())
    patterns = [start + "%", "%-" + start + "%"]
    selects: list[str] = []
    parameters: list[str] = []
    wanted = list(kinds)
    entity_kinds = [kind.value for kind in wanted if kind in ENTITY_KINDS]
    if entity_kinds:
        selects.append(f"SELECT id, name AS label FROM entity WHERE kind IN ({','.join('?' * len(entity_kinds))})")
        parameters += [*entity_kinds, *patterns]
    for kind in wanted:
        if kind in _LABELS:
            selects.append(f"SELECT * FROM ({_LABELS[kind]}) WHERE 1")
            parameters += patterns
    if not selects:
        return []
    matching = " AND (id LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\')"
    union = " UNION ALL ".join(select + matching for select in selects)
    rows = connection.execute(f"{union} ORDER BY id LIMIT {LIMIT}", parameters)
    return [(row["id"], " ".join(str(row["label"] or "").split())) for row in rows]
