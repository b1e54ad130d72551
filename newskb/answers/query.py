"""Who held which office when, as SQL over the index, answered with plain rows (timelines are
timeline.py's, profiles profile.py's, which share the SQL here).

Row fields are the JSON contract (README, "JSON output"): keep them stable and add, never rename.
Statuses come from `dates.Span`, the one place the as-of rules live; SQL only selects and orders.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date

from newskb.answers.declared import Declared, beyond, values
from newskb.answers.lookup import remembered, resolve
from newskb.answers.rows import Answer, Bar, Chart, Lane, TermRow
from newskb.common.dates import FIRST_DAY, LAST_DAY, Edtf, Span, Status, elapsed, parse
from newskb.common.errors import BadArgumentError
from newskb.common.kinds import Kind, Modality, Outcome
from newskb.common.words import counted
from newskb.index.layout import HOLDER_NAME, OFFICE_NAME

# A term "in play" on a day: someone who holds, may hold, (dates unknown) might hold the office, or held it
# when the evidence stops (the asked day is later).
_IN_PLAY = (Status.HOLDS, Status.POSSIBLY, Status.UNKNOWN, Status.LAST_KNOWN)

# A source is "known" on a day when it was certainly published by then (`:known` NULL: every source).
KNOWN = "(:known IS NULL OR {alias}.published_latest <= :known)"


def ids_sql(table: str, owner: str) -> str:
    """A record's ids in one of its list keys (said_by, via, ...), in order, joined by char(31)."""
    return (
        f"(SELECT group_concat(entity_id, char(31)) FROM "
        f"(SELECT entity_id FROM {table} WHERE record_id = {owner} ORDER BY position))"
    )


def split_ids(joined: str | None) -> list[str]:
    return joined.split("\x1f") if joined else []


_TERM_SQL = f"""
SELECT t.*, {OFFICE_NAME} AS office_name, {HOLDER_NAME} AS holder_name,
    -- the newest known source that tells of this holding as still open: how old the evidence is
    (SELECT s2.published FROM term t2 JOIN source s2 ON s2.id = t2.source
     WHERE t2.office = t.office AND t2.holder = t.holder AND t2."end" = '..' AND {KNOWN.format(alias="s2")}
     ORDER BY s2.published_latest DESC LIMIT 1) AS attested,
    (SELECT group_concat(c.other_id, char(31)) FROM holding c JOIN term t3 ON t3.id = c.other_id
     JOIN source s3 ON s3.id = t3.source WHERE c.term_id = t.id AND c.conflicts AND {KNOWN.format(alias="s3")})
     AS conflict_ids,
    -- the end a newer known source gives to a holding this source knew as open
    (SELECT t4."end" || char(31) || t4.id FROM holding c JOIN term t4 ON t4.id = c.other_id
     JOIN source s4 ON s4.id = t4.source WHERE c.term_id = t.id AND c.closes AND {KNOWN.format(alias="s4")}
     ORDER BY s4.published_latest DESC LIMIT 1) AS closing,
    -- who held the office next: the first later known term whose `replaces` names this holder
    (SELECT t6.holder || char(31) || coalesce(e6.name, t6.holder) FROM term t6 JOIN source s6 ON s6.id = t6.source
     LEFT JOIN entity e6 ON e6.id = t6.holder
     WHERE t6.office = t.office AND t6.replaces = t.holder AND t6.id <> t.id AND {KNOWN.format(alias="s6")}
       AND (t.start_earliest IS NULL OR t6.start_earliest IS NULL OR t6.start_earliest >= t.start_earliest)
     ORDER BY t6.start_earliest IS NULL, t6.start_earliest LIMIT 1) AS next_holder,
    (SELECT name FROM entity WHERE id = t.replaces) AS replaces_name,
    {ids_sql("said_by", "t.id")} AS said_by_ids, {ids_sql("via", "t.id")} AS via_ids
FROM term t
LEFT JOIN entity o ON o.id = t.office
LEFT JOIN entity h ON h.id = t.holder
JOIN source s ON s.id = t.source
WHERE {KNOWN.format(alias="s")} AND
"""
# Terms an entity takes part in: as holder, as the office, or as the office's organization. Written as
# a union of indexed lookups; an OR across the joined tables would scan every term.
INVOLVING = (
    "t.id IN (SELECT id FROM term WHERE holder = :entity UNION SELECT id FROM term WHERE office = :entity "
    "UNION SELECT t5.id FROM term t5 JOIN entity o5 ON o5.id = t5.office WHERE o5.org = :entity)"
)
# An office's terms that may cover :day, judged from their own dates (the statuses are then worked out in
# Python, with ends that newer sources give): SQL prunes, so a long history costs nothing. They are found
# through the office's index by their end (after the day, or open or unknown) rather than read all: an
# office has hundreds of terms in a large base.
_MAY_COVER = (
    "t.rowid IN (SELECT rowid FROM term WHERE office = :office AND end_latest > :day "
    "UNION ALL SELECT rowid FROM term WHERE office = :office AND end_latest IS NULL) "
    "AND (t.start_earliest IS NULL OR t.start_earliest <= :day)"
)
# Terms in start order; unknown starts last.
_TERM_ORDER = " ORDER BY t.start_earliest IS NULL, t.start_earliest, t.start_latest, t.id"


def _span(row: sqlite3.Row) -> Span:
    """The term's span, with an open end closed by a newer known source's end (see holding.py)."""
    end = row["closing"].split("\x1f")[0] if row["closing"] else row["end"]
    return Span.from_written(row["start"], end)


def _bar(row: sqlite3.Row, day: date, more: Declared | None = None) -> Bar:
    """A term's row, with its span and, if it is open, the day its newest source certainly saw it so: each date
    parsed once."""
    span = _span(row)
    # How old the evidence is for a term that, as far as the sources know, has not ended.
    attested = row["attested"] if span.open_end else None
    attested_day = parse(attested).earliest_day if attested else None
    term = TermRow(
        office=row["office_name"] or row["office"],
        office_id=row["office"],
        holder=row["holder_name"],
        holder_id=row["holder"],
        start=row["start"],
        end=row["end"],
        status=span.status_on(day, span.horizon(attested_day)),
        attested=attested,
        source=row["source"],
        quote=row["quote"],
        note=row["note"],
        id=row["id"],
        conflicts=split_ids(row["conflict_ids"]),
        closed_by=split_ids(row["closing"])[1] if row["closing"] else None,
        replaces=row["replaces"],
        replaced_by=split_ids(row["next_holder"])[0] if row["next_holder"] else None,
        predecessor=row["replaces_name"] or row["replaces"],
        successor=split_ids(row["next_holder"])[1] if row["next_holder"] else None,
        modality=Modality(row["modality"]),
        said_by=split_ids(row["said_by_ids"]),
        via=split_ids(row["via_ids"]),
        duration=row["duration"],
        review=row["review"],
        more=more or Declared(),
    )
    return Bar(term=term, name=term.holder, span=span, attested=attested_day)


def term_rows(
    connection: sqlite3.Connection, where: str, parameters: dict[str, object], day: date, known: date | None
) -> list[TermRow]:
    """Terms matching `where` (SQL over `t`, the term, and `o`, its office), in start order."""
    return [bar.term for bar in _bars(connection, where, parameters, day, known)]


def _bars(
    connection: sqlite3.Connection, where: str, parameters: dict[str, object], day: date, known: date | None
) -> list[Bar]:
    """As `_terms`, each with the days it covers (its span), labelled with its holder."""
    bound = {**parameters, "known": known.toordinal() if known else None}
    more = beyond(connection, "term", TermRow._fields)
    return [
        _bar(row, day, values(connection, more, row))
        for row in connection.execute(_TERM_SQL + f"({where})" + _TERM_ORDER, bound)
    ]


def who(
    connection: sqlite3.Connection, office: str, day: date, *, history: bool = False, known: date | None = None
) -> Answer:
    """Who holds `office` on `day`, and what that answer rests on; with `history`, every term of the office in
    order.

    With `known`, only sources published by that day are heard ("what did we know then").
    """
    match = resolve(connection, office, [Kind.OFFICE], "office")
    parameters: dict[str, object] = {"office": match.id, "day": day.toordinal()}
    if history:
        return Answer(match=match, rows=term_rows(connection, "t.office = :office", parameters, day, known))
    terms = term_rows(connection, _MAY_COVER, parameters, day, known)
    in_play = [term for term in terms if term.status in _IN_PLAY]
    if in_play:
        return Answer(match, in_play, *_judged(in_play, day))
    every = _bars(connection, "t.office = :office", parameters, day, known)
    outcome, why = _nobody_in_play(match.name, every)
    if known is not None:  # "what did we know then": the answer says it heard only the sources of then
        why = why.replace("the sources know", f"the sources published by {known} know", 1)
    return Answer(match, [], outcome, why)


def _judged(in_play: list[TermRow], day: date) -> tuple[Outcome, str | None]:
    """The outcome of terms in play on `day`, and what it rests on when it is not a plain "found"."""
    statuses = {term.status for term in in_play}
    if statuses & {Status.HOLDS, Status.POSSIBLY}:
        return Outcome.FOUND, None
    if Status.LAST_KNOWN in statuses:
        attested = max(parse(term.attested).earliest_day for term in in_play if term.attested)
        return (
            Outcome.LAST_KNOWN,
            f"last known as of {attested.isoformat()}, {elapsed(attested, day)} before {day.isoformat()}: "
            "no source since says whether it still holds",
        )
    unknown = [term.id for term in in_play if term.status is Status.UNKNOWN]
    return _cannot_tell(f"the dates of {counted(len(unknown), 'term')} are unknown: {', '.join(unknown)}")


def _cannot_tell(why: str) -> tuple[Outcome, str]:
    """The one wording of "the sources cannot tell" (exit 3), whatever the reason."""
    return Outcome.CANNOT_TELL, f"cannot tell: {why}"


def _in_words(written: Edtf | None) -> str:
    """`about 2014`, `on or before 2024-09-30`; `(date unknown)` for a date the sources do not give."""
    return written.in_words() if written else "(date unknown)"


def _nobody_in_play(name: str, every: list[Bar]) -> tuple[Outcome, str]:
    """Nobody holds the office that day as far as the sources know: a vacancy only where they establish one (a
    term ended, and the term that replaced its holder had not begun); else the sources cannot tell. A term's
    end is its span's: the end a newer source gave an open term, as its status has it."""
    ended = [bar for bar in every if bar.term.status is Status.HELD]
    coming = [bar for bar in every if bar.term.status is Status.NOT_YET]
    for after in coming:
        for before in ended:
            if after.term.replaces == before.term.holder_id:
                return (
                    Outcome.NOBODY,
                    f"nobody held {name}: {before.term.holder}'s term ended {_in_words(before.span.end)} and "
                    f"{after.term.holder}, who replaced them, took office {_in_words(after.span.start)}",
                )
    if not every:
        why = f"the sources know of no holder of {name}"
    elif not ended:
        first = min(coming, key=lambda bar: bar.span.start.earliest_day if bar.span.start else date.max)
        why = (
            f"the sources know of no holder of {name} before {_in_words(first.span.start)} "
            f"({first.term.holder}'s start)"
        )
    elif not coming:
        last = ended[-1]
        why = (
            f"the sources know of no holder of {name} after {last.term.holder}, whose term ended "
            f"{_in_words(last.span.end)}"
        )
    else:
        why = (
            f"the sources know of no holder of {name} between {ended[-1].term.holder}'s term, which ended "
            f"{_in_words(ended[-1].span.end)}, and {coming[0].term.holder}'s, from {_in_words(coming[0].span.start)}"
        )
    return _cannot_tell(why)


def terms_of(
    connection: sqlite3.Connection,
    day: date,
    *,
    holder: str | None = None,
    office: str | None = None,
    body: str | None = None,
    known: date | None = None,
) -> list[TermRow]:
    """The terms of a holder, an office, or the offices of a body (ids), or of several of these at once, in
    start order, each with where it stands on `day`."""
    where = ["1"]
    if holder is not None:
        where.append("t.holder = :holder")
    if office is not None:
        where.append("t.office = :office")
    if body is not None:
        where.append("t.office IN (SELECT id FROM entity WHERE kind = 'office' AND org = :body)")
    parameters: dict[str, object] = {"holder": holder, "office": office, "body": body}
    # A batch (verify -) asks of the same few offices and holders line after line: read once each.
    key = ("terms of", holder or "", office or "", body or "", day.isoformat(), known.isoformat() if known else "")
    return list(remembered(connection, key, lambda: term_rows(connection, " AND ".join(where), parameters, day, known)))


def statuses(connection: sqlite3.Connection, day: date) -> Iterator[tuple[str, Status]]:
    """Each term's id and where it stands on `day`, read one term at a time (for an export of every term)."""
    for row in connection.execute(_TERM_SQL + "1", {"known": None}):
        yield row["id"], _bar(row, day).term.status


def offices(connection: sqlite3.Connection, day: date, *, org: str | None = None, known: date | None = None) -> Answer:
    """Every office with whoever is in play on `day`, or else its last known holder."""
    match = resolve(connection, org, [Kind.ORGANIZATION, Kind.COUNTRY], "organization or country") if org else None
    office_ids = [
        row["id"]
        for row in connection.execute(
            "SELECT id FROM entity WHERE kind = 'office' AND (:org IS NULL OR org = :org) ORDER BY name, id",
            {"org": match.id if match else None},
        )
    ]
    result: list[TermRow] = []
    for office_id in office_ids:
        parameters = {"office": office_id, "day": day.toordinal()}
        candidates = term_rows(connection, _MAY_COVER, parameters, day, known)
        in_play = [term for term in candidates if term.status in _IN_PLAY]
        if not in_play:  # nobody in play: the last known holder, from every term of the office
            terms = term_rows(connection, "t.office = :office", parameters, day, known)
            in_play = [term for term in terms if term.status is Status.HELD][-1:]
        result.extend(in_play)
    return Answer(match=match, rows=result)


def chart(
    connection: sqlite3.Connection,
    day: date,
    *,
    office: str | None = None,
    org: str | None = None,
    entity: str | None = None,
    first: date | None = None,
    last: date | None = None,
    known: date | None = None,
) -> Chart:
    """The terms a chart of one office, of an organization's or a country's offices (a lane per office), or
    of an entity's career (bars named by office) draws: each that may fall between `first` and `last`.

    Statuses are as of `day`; with `known`, only sources published by that day are heard.
    """
    # SQL keeps the terms whose own days may meet the range (an open end may meet any later day): their
    # spans, with ends that newer sources give, then decide.
    bounds = {
        "first": first.toordinal() if first else FIRST_DAY.toordinal(),
        "last": last.toordinal() if last else LAST_DAY.toordinal(),
    }
    meets = (
        "(t.start_earliest IS NULL OR t.start_earliest <= :last) AND (t.end_latest IS NULL OR t.end_latest >= :first)"
    )
    if office is not None:
        match = resolve(connection, office, [Kind.OFFICE], "office")
        bars = _bars(connection, f"t.office = :id AND {meets}", {"id": match.id, **bounds}, day, known)
        lanes = [Lane(title=None, bars=bars)]
    elif org is not None:
        match = resolve(connection, org, [Kind.ORGANIZATION, Kind.COUNTRY], "organization or country")
        of_org = f"t.office IN (SELECT id FROM entity WHERE kind = 'office' AND org = :id) AND {meets}"
        bars = _bars(connection, of_org, {"id": match.id, **bounds}, day, known)
        by_office: dict[str, list[Bar]] = {}
        for bar in sorted(bars, key=lambda bar: (bar.term.office, bar.term.office_id)):  # stable: start order
            by_office.setdefault(bar.term.office_id, []).append(bar)
        lanes = [Lane(title=lane[0].term.office, bars=lane) for lane in by_office.values()]
    elif entity is not None:
        match = resolve(
            connection, entity, [Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY], "person, organization or country"
        )
        bars = _bars(connection, f"t.holder = :id AND {meets}", {"id": match.id, **bounds}, day, known)
        lanes = [Lane(title=None, bars=[bar._replace(name=bar.term.office) for bar in bars])]
    else:
        raise BadArgumentError("nothing to chart: name an office, an organization or country, or a holder")
    asked = Span.of_days(first, last)
    lanes = [lane._replace(bars=[bar for bar in lane.bars if bar.span.could_overlap(asked)]) for lane in lanes]
    return Chart(match=match, lanes=[lane for lane in lanes if lane.bars], day=day, first=first, last=last)
