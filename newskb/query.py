"""The questions analysts ask, as SQL over the index, answered with plain rows.

Row fields are the JSON contract (README, "JSON output"): keep them stable and add, never rename.
Statuses come from `dates.Span`, the one place the as-of rules live; SQL only selects and orders.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from newskb.dates import OPEN, Span, Status, parse
from newskb.model import ENTITY_KINDS, Kind
from newskb.search import Match, resolve

# A term "in play" on a day: someone who holds, may hold, or (dates unknown) might hold the office.
_IN_PLAY = (Status.HOLDS, Status.POSSIBLY, Status.UNKNOWN)

_TERM_SQL = """
SELECT t.*, o.name AS office_name, coalesce(h.name, t.holder) AS holder_name, s.published AS source_published
FROM term t
LEFT JOIN entity o ON o.id = t.office
LEFT JOIN entity h ON h.id = t.holder
LEFT JOIN source s ON s.id = t.source
"""
# Terms in start order; unknown starts last.
_TERM_ORDER = " ORDER BY t.start_earliest IS NULL, t.start_earliest, t.start_latest, t.id"


@dataclass(frozen=True, slots=True, kw_only=True)
class TermRow:
    """Who held an office, when, where it stands on the asked day, and the evidence."""

    office: str
    office_id: str
    holder: str
    holder_id: str
    start: str | None
    end: str | None
    status: str
    attested: str | None
    source: str
    quote: str
    note: str | None
    id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineRow:
    date: str | None
    kind: str
    title: str
    involves: list[str]
    source: str
    quote: str
    id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimRow:
    id: str
    text: str
    about: list[str]
    source: str
    quote: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    id: str
    kind: str
    name: str
    aliases: list[str]
    summary: str | None
    source: str | None
    quote: str | None
    org: str | None
    terms: list[TermRow] = field(default_factory=list)
    events: list[TimelineRow] = field(default_factory=list)
    claims: list[ClaimRow] = field(default_factory=list)


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """Rows plus the entity the typed name resolved to (named on stderr when the match was fuzzy)."""

    match: Match | None
    rows: list[TermRow]


def _span(row: sqlite3.Row) -> Span:
    return Span(
        start=parse(row["start"]) if row["start"] else None,
        end=parse(row["end"]) if row["end"] and row["end"] != OPEN else None,
        open_end=row["end"] == OPEN,
    )


def _term_row(row: sqlite3.Row, day: date) -> TermRow:
    span = _span(row)
    return TermRow(
        office=row["office_name"] or row["office"],
        office_id=row["office"],
        holder=row["holder_name"],
        holder_id=row["holder"],
        start=row["start"],
        end=row["end"],
        status=span.status_on(day).value,
        # How old the evidence is for a term that, as far as the sources know, has not ended.
        attested=row["source_published"] if span.open_end else None,
        source=row["source"],
        quote=row["quote"],
        note=row["note"],
        id=row["id"],
    )


def who(connection: sqlite3.Connection, office: str, day: date, *, history: bool = False) -> Answer:
    """Who holds `office` on `day`; with `history`, every term of the office in order."""
    match = resolve(connection, office, [Kind.OFFICE], "office")
    terms = [
        _term_row(row, day) for row in connection.execute(_TERM_SQL + " WHERE t.office = ?" + _TERM_ORDER, (match.id,))
    ]
    if not history:
        terms = [term for term in terms if term.status in _IN_PLAY]
    return Answer(match=match, rows=terms)


def offices(connection: sqlite3.Connection, day: date, *, org: str | None = None) -> Answer:
    """Every office with whoever is in play on `day`, or else its last known holder."""
    match = resolve(connection, org, [Kind.ORGANIZATION, Kind.COUNTRY], "organization or country") if org else None
    office_ids = [
        row["id"]
        for row in connection.execute(
            "SELECT id FROM entity WHERE kind = 'office' AND (? IS NULL OR org = ?) ORDER BY name, id",
            (match.id if match else None, match.id if match else None),
        )
    ]
    result: list[TermRow] = []
    for office_id in office_ids:
        terms = [
            _term_row(row, day)
            for row in connection.execute(_TERM_SQL + " WHERE t.office = ?" + _TERM_ORDER, (office_id,))
        ]
        in_play = [term for term in terms if term.status in _IN_PLAY]
        ended = [term for term in terms if term.status == Status.HELD.value]
        result.extend(in_play or ended[-1:])
    return Answer(match=match, rows=result)


def timeline(
    connection: sqlite3.Connection,
    *,
    entity: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> tuple[Match | None, list[TimelineRow]]:
    """Events and dated term starts and ends in order; undated ones follow, listed apart."""
    match = resolve(connection, entity, ENTITY_KINDS, "entity") if entity else None
    entity_id = match.id if match else None
    items: list[tuple[str | None, str | None, TimelineRow]] = []
    for row in connection.execute(
        "SELECT e.*, (SELECT group_concat(entity_id, char(31)) FROM "
        "(SELECT entity_id FROM involves WHERE event_id = e.id ORDER BY position)) AS involved "
        "FROM event e WHERE ? IS NULL OR e.id IN (SELECT event_id FROM involves WHERE entity_id = ?)",
        (entity_id, entity_id),
    ):
        involved = row["involved"].split("\x1f") if row["involved"] else []
        items.append(
            (
                row["date_earliest"],
                row["date_latest"],
                TimelineRow(
                    date=row["date"],
                    kind="event",
                    title=row["title"],
                    involves=involved,
                    source=row["source"],
                    quote=row["quote"],
                    id=row["id"],
                ),
            )
        )
    for row in connection.execute(
        _TERM_SQL + " WHERE ? IS NULL OR t.holder = ? OR t.office = ? OR o.org = ?",
        (entity_id, entity_id, entity_id, entity_id),
    ):
        involved = [row["holder"], row["office"]]
        for edge, verb in (("start", "takes office as"), ("end", "leaves office as")):
            if row[edge] == OPEN:
                continue
            title = f"{row['holder_name']} {verb} {row['office_name'] or row['office']}"
            items.append(
                (
                    row[f"{edge}_earliest"],
                    row[f"{edge}_latest"],
                    TimelineRow(
                        date=row[edge],
                        kind=f"term {edge}",
                        title=title,
                        involves=involved,
                        source=row["source"],
                        quote=row["quote"],
                        id=row["id"],
                    ),
                )
            )
    dated = [item for item in items if item[2].date is not None and _within(item[0], item[1], start, end)]
    # An "on or before" date sorts at its last possible day, where the reader expects it, just
    # ahead of the items known to fall on that day.
    dated.sort(key=lambda item: (item[0] if item[0] != date.min.isoformat() else item[1], item[0], item[1], item[2].id))
    undated = sorted((item for item in items if item[2].date is None), key=lambda item: item[2].id)
    if start is not None or end is not None:
        undated = []  # a date range asks for dated items only
    return match, [item[2] for item in (*dated, *undated)]


def _within(earliest: str | None, latest: str | None, start: date | None, end: date | None) -> bool:
    """Whether an item's possible days meet the asked range at all."""
    if start is not None and latest is not None and latest < start.isoformat():
        return False
    return not (end is not None and earliest is not None and earliest > end.isoformat())


def show(connection: sqlite3.Connection, name: str, day: date) -> Profile:
    """The profile of a person, organization, country or office, every part with its source."""
    match = resolve(connection, name, ENTITY_KINDS, "person, organization, country or office")
    entity = connection.execute("SELECT * FROM entity WHERE id = ?", (match.id,)).fetchone()
    aliases = [row["alias"] for row in connection.execute("SELECT alias FROM alias WHERE entity_id = ?", (match.id,))]
    terms = [
        _term_row(row, day)
        for row in connection.execute(
            _TERM_SQL + " WHERE t.holder = ? OR t.office = ? OR o.org = ?" + _TERM_ORDER, (match.id,) * 3
        )
    ]
    _, events = timeline(connection, entity=match.id)
    claims = [
        ClaimRow(
            id=row["id"],
            text=row["text"],
            about=row["about_ids"].split("\x1f"),
            source=row["source"],
            quote=row["quote"],
        )
        for row in connection.execute(
            "SELECT c.*, (SELECT group_concat(entity_id, char(31)) FROM "
            "(SELECT entity_id FROM about WHERE claim_id = c.id ORDER BY position)) AS about_ids "
            "FROM claim c WHERE c.id IN (SELECT claim_id FROM about WHERE entity_id = ?) ORDER BY c.file, c.line",
            (match.id,),
        )
    ]
    return Profile(
        id=entity["id"],
        kind=entity["kind"],
        name=entity["name"],
        aliases=aliases,
        summary=entity["summary"],
        source=entity["source"],
        quote=entity["quote"],
        org=entity["org"],
        terms=terms,
        events=[event for event in events if event.kind == "event"],
        claims=claims,
    )
