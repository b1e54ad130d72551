"""A timeline: events and dated term starts and ends in order, as SQL over the index.

A range (`--from`, `--to`) is a question SQL answers: the tree of dated items (index.py's `dated`) finds the
events, starts and ends whose possible days meet it, and only those rows are built; with an entity, its
own items are few, and their day numbers are compared in SQL.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from newskb.answers.lookup import Match, resolve
from newskb.answers.query import INVOLVING, KNOWN, ids_sql, split_ids
from newskb.answers.timelinerows import InRange, TimelineKind, TimelineRow
from newskb.common.dates import FIRST_DAY, LAST_DAY
from newskb.common.kinds import ENTITY_KINDS, Modality
from newskb.index.layout import HOLDER_NAME, OFFICE_NAME

# An event's row: its lists, and the first and last day it may fall on.
_EVENTS = f"""
SELECT e.id, e.date, e.title, e.source, e.quote, e.modality, e.review, e.date_earliest AS earliest,
    e.date_latest AS latest,
    {ids_sql("involves", "e.id")} AS involved, {ids_sql("said_by", "e.id")} AS said_by_ids,
    {ids_sql("via", "e.id")} AS via_ids
FROM event e JOIN source s ON s.id = e.source
WHERE {KNOWN.format(alias="s")} AND """
# A term's start (edge 1) or end (edge 2, unless open): its holder and office named, and its days.
_EDGES = f"""
SELECT t.id, edge, t.source, t.quote, t.modality, t.review, t.holder || char(31) || t.office AS involved,
    {HOLDER_NAME} || CASE edge WHEN 1 THEN ' takes office as ' ELSE ' leaves office as ' END
        || {OFFICE_NAME} AS title,
    CASE edge WHEN 1 THEN t.start ELSE t."end" END AS date,
    CASE edge WHEN 1 THEN t.start_earliest ELSE t.end_earliest END AS earliest,
    CASE edge WHEN 1 THEN t.start_latest ELSE t.end_latest END AS latest,
    {ids_sql("said_by", "t.id")} AS said_by_ids, {ids_sql("via", "t.id")} AS via_ids
FROM {{edges}}
JOIN source s ON s.id = t.source LEFT JOIN entity h ON h.id = t.holder LEFT JOIN entity o ON o.id = t.office
WHERE {KNOWN.format(alias="s")} AND (edge = 1 OR t."end" IS NOT '..') AND """
_EVERY_EDGE = "term t, (SELECT 1 AS edge UNION ALL SELECT 2)"
# The items whose possible days meet [:first, :last], from the tree (an event is id * 4, a term's start and
# end id * 4 + 1 and + 2).
_IN_TREE = "(SELECT id FROM dated WHERE earliest <= :last AND latest >= :first)"
_EDGES_IN_TREE = (
    f"(SELECT id / 4 AS term_row, id % 4 AS edge FROM {_IN_TREE} WHERE id % 4 > 0) d "
    "JOIN term t ON t.rowid = d.term_row"
)
_EVENTS_IN_TREE = f"e.rowid IN (SELECT id / 4 FROM {_IN_TREE} WHERE id % 4 = 0)"
# The same, judged from an item's own day numbers (for the few items of one entity).
_MEETS = "{0}latest >= :first AND {0}earliest <= :last"
_EDGE_MEETS = (
    "CASE edge WHEN 1 THEN t.start_latest ELSE t.end_latest END >= :first "
    "AND CASE edge WHEN 1 THEN t.start_earliest ELSE t.end_earliest END <= :last"
)

_EDGE_KINDS = {1: TimelineKind.TERM_START, 2: TimelineKind.TERM_END}
_UNBOUNDED_BEFORE, _UNBOUNDED_AFTER = FIRST_DAY.toordinal(), LAST_DAY.toordinal()


def timeline(
    connection: sqlite3.Connection,
    *,
    entity: str | None = None,
    start: date | None = None,
    end: date | None = None,
    known: date | None = None,
    certain: bool = False,
    edges: bool = True,
) -> tuple[Match | None, list[TimelineRow]]:
    """Events and dated term starts and ends in order; undated ones follow, listed apart.

    With a range, an item whose date only may fall in it (an imprecise or open-bounded date that
    overlaps it) is kept as `in_range` "possibly"; `certain` keeps only the items certainly in it. Without
    `edges`, the events alone (a profile lists the terms apart).
    """
    match = resolve(connection, entity, ENTITY_KINDS, "entity") if entity else None
    ranged = start is not None or end is not None
    first = start.toordinal() if start else _UNBOUNDED_BEFORE
    last = end.toordinal() if end else _UNBOUNDED_AFTER
    # Separate statements with and without an entity or a range: an "IS NULL OR" would keep SQLite off its
    # indexes.
    if match is not None:
        events = "e.id IN (SELECT record_id FROM involves WHERE entity_id = :entity)"
        term_edges, of_edges = _EVERY_EDGE, INVOLVING
        if ranged:
            events, of_edges = f"{events} AND {_MEETS.format('e.date_')}", f"{of_edges} AND {_EDGE_MEETS}"
    elif ranged:
        events, term_edges, of_edges = _EVENTS_IN_TREE, _EDGES_IN_TREE, "1"
    else:
        events, term_edges, of_edges = "1", _EVERY_EDGE, "1"
    parameters = {
        "entity": match.id if match else None,
        "known": known.toordinal() if known else None,
        "first": first,
        "last": last,
    }
    items: list[tuple[int | None, int | None, int, TimelineRow]] = []
    for row in connection.execute(_EVENTS + events, parameters):
        items.append((row["earliest"], row["latest"], 0, _row(row, TimelineKind.EVENT)))
    for row in connection.execute(_EDGES.format(edges=term_edges) + of_edges, parameters) if edges else ():
        items.append((row["earliest"], row["latest"], row["edge"], _row(row, _EDGE_KINDS[row["edge"]])))
    dated = [
        (
            _sort_day(earliest, latest),
            earliest,
            latest,
            row.id,
            edge,
            row._replace(in_range=_in_range(earliest, latest, first, last)),
        )
        for earliest, latest, edge, row in items
        if earliest is not None and latest is not None
    ]
    # An "on or before" date sorts at its last possible day, where the reader expects it, just ahead of the
    # items known to fall on that day.
    dated.sort(key=lambda item: item[:5])
    rows = [item[5] for item in dated]
    if certain:
        rows = [row for row in rows if row.in_range is InRange.YES]
    # Items whose date is only bounded on the range's side follow the rest, listed apart.
    bounded = [row for row in rows if row.in_range is InRange.UNKNOWN]
    rows = [row for row in rows if row.in_range is not InRange.UNKNOWN]
    # A date range asks for dated items only; otherwise the undated follow, listed apart.
    undated = [] if ranged else sorted((row for _, _, _, row in items if row.date is None), key=lambda row: row.id)
    return match, [*rows, *bounded, *undated]


def _row(row: sqlite3.Row, kind: TimelineKind) -> TimelineRow:
    """An event's row, or a term's start or end (its title and what it involves written by the SQL)."""
    return TimelineRow(
        date=row["date"],
        kind=kind,
        title=row["title"],
        involves=split_ids(row["involved"]),
        source=row["source"],
        quote=row["quote"],
        id=row["id"],
        modality=Modality(row["modality"]),
        said_by=split_ids(row["said_by_ids"]),
        via=split_ids(row["via_ids"]),
        review=row["review"],
    )


def _sort_day(earliest: int, latest: int) -> int:
    return latest if earliest == _UNBOUNDED_BEFORE else earliest


def _in_range(earliest: int, latest: int, first: int, last: int) -> InRange:
    """Whether every day an item may fall on is inside the asked range (day numbers; unbounded: the first and
    last day there is), or only some of them; or whether the item's date is only a bound that lies beyond the
    range, so that it reaches the range only through its open side ("on or before 2024-09-30" asked about the
    1950s), where the sources cannot place it at all."""
    if earliest >= first and latest <= last:
        return InRange.YES
    if (earliest == _UNBOUNDED_BEFORE and last != _UNBOUNDED_AFTER and latest > last) or (
        latest == _UNBOUNDED_AFTER and first != _UNBOUNDED_BEFORE and earliest < first
    ):
        return InRange.UNKNOWN
    return InRange.POSSIBLY
