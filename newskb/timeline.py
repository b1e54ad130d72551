"""A timeline: events and dated term starts and ends in order, as SQL over the index."""

from __future__ import annotations

import sqlite3
from datetime import date

from newskb.dates import OPEN, parse
from newskb.kinds import ENTITY_KINDS, Modality
from newskb.lookup import Match, resolve
from newskb.query import INVOLVING, KNOWN, ids_sql, split_ids, term_rows
from newskb.rows import InRange, TimelineKind, TimelineRow


def timeline(
    connection: sqlite3.Connection,
    *,
    entity: str | None = None,
    start: date | None = None,
    end: date | None = None,
    known: date | None = None,
    certain: bool = False,
) -> tuple[Match | None, list[TimelineRow]]:
    """Events and dated term starts and ends in order; undated ones follow, listed apart.

    With a range, an item whose date only may fall in it (an imprecise or open-bounded date that
    overlaps it) is kept as `in_range` "possibly"; `certain` keeps only the items certainly in it.
    """
    match = resolve(connection, entity, ENTITY_KINDS, "entity") if entity else None
    entity_id = match.id if match else None
    rows: list[TimelineRow] = []
    # Separate statements with and without an entity: an "IS NULL OR" would keep SQLite off its indexes.
    involving = "AND e.id IN (SELECT record_id FROM involves WHERE entity_id = :entity)" if entity_id else ""
    for row in connection.execute(
        f"SELECT e.*, {ids_sql('involves', 'e.id')} AS involved, {ids_sql('said_by', 'e.id')} AS said_by_ids, "
        f"{ids_sql('via', 'e.id')} AS via_ids "
        f"FROM event e JOIN source s ON s.id = e.source WHERE {KNOWN.format(alias='s')} {involving}",
        {"entity": entity_id, "known": known.toordinal() if known else None},
    ):
        rows.append(
            TimelineRow(
                date=row["date"],
                kind=TimelineKind.EVENT,
                title=row["title"],
                involves=split_ids(row["involved"]),
                source=row["source"],
                quote=row["quote"],
                id=row["id"],
                modality=Modality(row["modality"]),
                said_by=split_ids(row["said_by_ids"]),
                via=split_ids(row["via_ids"]),
            )
        )
    terms = term_rows(connection, INVOLVING if entity_id else "1", {"entity": entity_id}, date.today(), known)
    for term in terms:
        edges = (
            (TimelineKind.TERM_START, term.start, "takes office as"),
            (TimelineKind.TERM_END, term.end, "leaves office as"),
        )
        for kind, when, verb in edges:
            if when == OPEN:
                continue
            rows.append(
                TimelineRow(
                    date=when,
                    kind=kind,
                    title=f"{term.holder} {verb} {term.office}",
                    involves=[term.holder_id, term.office_id],
                    source=term.source,
                    quote=term.quote,
                    id=term.id,
                    modality=term.modality,
                    said_by=term.said_by,
                    via=term.via,
                )
            )
    bounds = {id(row): _bounds(row.date) for row in rows}
    dated = [
        row._replace(in_range=_in_range(*bounds[id(row)], start, end))
        for row in rows
        if row.date is not None and _within(*bounds[id(row)], start, end)
    ]
    if certain:
        dated = [row for row in dated if row.in_range is InRange.YES]
    # An "on or before" date sorts at its last possible day, where the reader expects it, just
    # ahead of the items known to fall on that day.
    dated.sort(key=lambda row: (_sort_day(*_bounds(row.date)), *_bounds(row.date), row.id))
    # Items whose date is only bounded on the range's side follow the rest, listed apart.
    bounded = [row for row in dated if row.in_range is InRange.UNKNOWN]
    dated = [row for row in dated if row.in_range is not InRange.UNKNOWN]
    # A date range asks for dated items only; otherwise the undated follow, listed apart.
    undated = [] if start or end else sorted((row for row in rows if row.date is None), key=lambda row: row.id)
    return match, [*dated, *bounded, *undated]


def _bounds(written: str | None) -> tuple[date, date]:
    if written is None:
        return date.min, date.max
    value = parse(written)
    return value.earliest_day, value.latest_day


def _sort_day(earliest: date, latest: date) -> date:
    return latest if earliest == date.min else earliest


def _within(earliest: date, latest: date, start: date | None, end: date | None) -> bool:
    """Whether an item's possible days meet the asked range at all."""
    return not ((start is not None and latest < start) or (end is not None and earliest > end))


def _in_range(earliest: date, latest: date, start: date | None, end: date | None) -> InRange:
    """Whether every day an item may fall on is inside the asked range, or only some of them; or whether the
    item's date is only a bound that lies beyond the range, so that it reaches the range only through its open
    side ("on or before 2024-09-30" asked about the 1950s), where the sources cannot place it at all."""
    if (start is None or earliest >= start) and (end is None or latest <= end):
        return InRange.YES
    if (earliest == date.min and end is not None and latest > end) or (
        latest == date.max and start is not None and earliest < start
    ):
        return InRange.UNKNOWN
    return InRange.POSSIBLY
