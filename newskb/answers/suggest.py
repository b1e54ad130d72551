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
from newskb.index.layout import HOLDER_NAME, OFFICE_NAME

# At most this many candidates, listed by name: a shell lists them all, and a prefix of one letter at 100k
# facts would otherwise list thousands. Where more match, they are the first in the order of the words typed
# into (the index's order), not every match sorted by name.
LIMIT = 200

Candidate = tuple[str, str]
"""(what to insert, what it stands for)."""


def names(connection: sqlite3.Connection, typed: str, kinds: Iterable[Kind]) -> list[Candidate]:
    """The names and aliases of entities of `kinds` that `typed` begins a word of, each with its id."""
    kind_values = [kind.value for kind in kinds]
    marks = ",".join("?" * len(kind_values))
    typed_norm = normalise(typed)
    # The names with a word the first typed word begins, found through the index of their words (the first
    # LIMIT in the order of those words: "ten" at a million facts begins 18,000 names' words, and sorting them
    # all by name took 66 ms); then the whole of what was typed, from a word of the name on.
    first = typed_norm.split()[0] if typed_norm else ""
    rows = connection.execute(
        f"SELECT label, id FROM (SELECT DISTINCT n.label, n.record_id AS id FROM name_word n CROSS JOIN entity e "
        f"ON e.id = n.record_id WHERE n.word >= ? AND n.word < ? AND ' ' || n.norm LIKE ? ESCAPE '\\' "
        f"AND e.kind IN ({marks}) LIMIT {LIMIT}) ORDER BY label",
        (first, first + _LAST_CHARACTER, "% " + like(typed_norm) + "%", *kind_values),
    )
    return [(row["label"], row["id"]) for row in rows if _offered(row["label"])]


# Above every other character in SQLite's text order (UTF-8 bytes): a word's prefix ends before it.
_LAST_CHARACTER = chr(0x10FFFF)


def _offered(name: str) -> bool:
    """Whether `name` is one `check` accepts as a name or alias (see the module's note)."""
    return bool(name.strip()) and not forbidden_in(name, multiline=False) and not invisible_in(name)


# How each kind of record names itself beside its id, in SQL over the index's tables.
_LABELS = {
    Kind.SOURCE: "SELECT id, title AS label FROM source",
    Kind.TERM: (
        f"SELECT t.id, {HOLDER_NAME} || ' — ' || {OFFICE_NAME} AS label FROM term t "
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
