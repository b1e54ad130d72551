"""`--format timelinejs`: TimelineJS3's JSON (timeline.knightlab.com), from the rows `newskb timeline` shows.

Each dated row (an event, a term's start, a term's end) is a slide: `start_date` as `{year, month, day}` at
the precision the source gave; a year, a month or a date widened by `~`, `?` or `%` spans its possible days,
`start_date` to `end_date` (the last day of the period); an "on or before" or "on or after" date stands at
its bound. A term start that an event restates (same date, the event involves the holder and the office)
is not a slide of its own: the event's slide names it in `newskb_restates`. `display_date` says the date as
a person reads it ("about 2014", "on or before 2024-09-30"), `text.headline` is the row's title (marked
"(announced)" and so on where the source does not simply assert it), `text.text` the quote and its
article, and `group` the office (a term's rows) or the first entity an event involves. TimelineJS shows
headlines and texts as HTML, so they are escaped.

What TimelineJS cannot say goes into extension keys on each slide: `newskb_id`, `newskb_kind`,
`newskb_date` (the date as written), `newskb_in_range` (with `--from`/`--to`), `newskb_modality`,
`newskb_source`; undated rows, which a timeline cannot place, are listed by `unique_id` in `newskb_undated`.

A slide is a row of `newskb timeline` for a person to look at, not a record: the keys a kind declares beyond
what the row shows (its `note`, a key added to model.py) are left out on purpose; the json export has them.
"""

from __future__ import annotations

import html
import sqlite3
from datetime import date
from pathlib import Path

from newskb.answers.timelinerows import TimelineKind, TimelineRow
from newskb.common.dates import Edtf, Precision, Relation, parse
from newskb.common.kinds import Modality
from newskb.exporters import Request, output


def export(connection: sqlite3.Connection, request: Request) -> list[Path]:
    from newskb.answers.timeline import timeline

    match, rows = timeline(connection, entity=request.entity, start=request.start, end=request.end)
    if match is not None and not match.exact:
        request.say(f"matched entity: {match.name} ({match.id})")
    names = {row["id"]: row["name"] for row in connection.execute("SELECT id, name FROM entity")}
    sources = {
        row["id"]: ", ".join(
            str(part) for part in (row["title"], names.get(row["publisher"]), row["published"]) if part
        )
        for row in connection.execute("SELECT id, title, publisher, published FROM source")
    }
    dated = [row for row in rows if row.date is not None]
    restating = _restating(dated)
    told = {start.id: event for event, starts in restating.items() for start in starts}
    slides = []
    for row in dated:
        if row.kind is TimelineKind.TERM_START and row.id in told:
            continue  # the event that restates it is its slide
        slide = _slide(row, names, sources)
        if restating.get(row.id):
            starts = restating[row.id]
            slide["group"] = _escape(_group(starts[0], names))  # with the office it fills
            slide["newskb_restates"] = [_unique_id(start) for start in starts]
        slides.append(slide)
    headline = f"Timeline: {match.name}" if match is not None else "Timeline"
    document = {
        "title": {"text": {"headline": _escape(headline), "text": _escape(_summary(len(slides), request))}},
        "events": slides,
        "newskb_undated": [_unique_id(row) for row in rows if row.date is None],
    }
    return output.document(request, output.json_text(document))


def _restating(dated: list[TimelineRow]) -> dict[str, list[TimelineRow]]:
    """The term starts each event restates: same date as written, and the event involves the term's holder
    and its office ("Mark Rutte takes office as NATO Secretary General" beside the start of his term). A
    timeline would show the one happening twice; the export keeps the event's slide, which names the term
    start in `newskb_restates`, and leaves the term start's out. Each start is restated once at most."""
    starts = [row for row in dated if row.kind is TimelineKind.TERM_START]
    restating: dict[str, list[TimelineRow]] = {}
    taken: set[str] = set()
    for event in (row for row in dated if row.kind is TimelineKind.EVENT):
        for start in starts:
            if start.id not in taken and start.date == event.date and set(start.involves) <= set(event.involves):
                restating.setdefault(event.id, []).append(start)
                taken.add(start.id)
    return restating


def _summary(count: int, request: Request) -> str:
    asked = [
        f"from {request.start.isoformat()}" if request.start else "",
        f"to {request.end.isoformat()}" if request.end else "",
    ]
    span = " ".join(part for part in asked if part)
    return f"{count} dated items{' ' + span if span else ''}, each with the quote that supports it."


def _slide(row: TimelineRow, names: dict[str, str], sources: dict[str, str]) -> dict[str, object]:
    assert row.date is not None
    written = parse(row.date)
    first, last = _placed(written)
    marks = [row.modality.value] if row.modality is not Modality.STATED else []
    if row.via:
        marks.append("via " + ", ".join(names.get(agency, agency) for agency in row.via))
    headline = row.title + (f" ({', '.join(marks)})" if marks else "")
    slide: dict[str, object] = {
        "unique_id": _unique_id(row),
        "start_date": first,
    }
    if last is not None:
        slide["end_date"] = last
    slide.update(
        {
            "display_date": written.in_words(),
            "text": {
                "headline": _escape(headline),
                "text": _escape(f"“{row.quote}”") + "<br>" + _escape(f"— {sources.get(row.source, row.source)}"),
            },
            "group": _escape(_group(row, names)),
            "newskb_id": row.id,
            "newskb_kind": row.kind.value,
            "newskb_date": row.date,
            "newskb_in_range": row.in_range.value if row.in_range is not None else None,
            "newskb_modality": row.modality.value,
            "newskb_source": row.source,
        }
    )
    return slide


def _unique_id(row: TimelineRow) -> str:
    """An event's id; a term's id with `--start` or `--end` (an id never holds `--`, so none is taken)."""
    return row.id if row.kind is TimelineKind.EVENT else f"{row.id}--{row.kind.value.split()[-1]}"


def _group(row: TimelineRow, names: dict[str, str]) -> str:
    """A term's rows go with their office; an event with the first entity it involves."""
    if row.kind is not TimelineKind.EVENT:
        return names.get(row.involves[-1], row.involves[-1])
    return names.get(row.involves[0], row.involves[0]) if row.involves else "Events"


def _placed(written: Edtf) -> tuple[dict[str, int], dict[str, int] | None]:
    """Where a slide stands: a day; the span a year, a month or a widened date stands for, from its first
    day to its last (TimelineJS reads `{"year": 2015}` as 1 January, so an end is always a whole day: `2014`
    ends on 2014-12-31, `2014~` on 2015-12-31, `2024-10` on 2024-10-31); or the bound of an "on or before"
    or "on or after" date."""
    if written.relation is Relation.ON_OR_BEFORE:
        return _at(written.latest_day, written.precision), None
    if written.relation is Relation.ON_OR_AFTER:
        return _at(written.earliest_day, written.precision), None
    if written.widening or written.precision is not Precision.DAY:
        return _at(written.earliest_day, written.precision), _at(written.latest_day, Precision.DAY)
    return _at(written.earliest_day, written.precision), None


def _at(day: date, precision: Precision) -> dict[str, int]:
    placed = {"year": day.year}
    if precision is not Precision.YEAR:
        placed["month"] = day.month
    if precision is Precision.DAY:
        placed["day"] = day.day
    return placed


def _escape(text: str) -> str:
    return html.escape(text, quote=False)
