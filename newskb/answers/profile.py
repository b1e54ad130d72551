"""The profile of an entity: who or what it is, its terms, events and claims, each with its source."""

from __future__ import annotations

import sqlite3
from datetime import date

from newskb.answers.declared import beyond, of_record, values
from newskb.answers.lookup import resolve
from newskb.answers.profilerows import ClaimRow, Profile
from newskb.answers.query import INVOLVING, ids_sql, split_ids, term_rows
from newskb.answers.timeline import timeline
from newskb.common.kinds import ENTITY_KINDS, Kind, Modality


def show(connection: sqlite3.Connection, name: str, day: date) -> Profile:
    """The profile of a person, organization, country or office, every part with its source."""
    match = resolve(connection, name, ENTITY_KINDS, "person, organization, country or office")
    entity = connection.execute(
        "SELECT e.*, CASE WHEN e.summary IS NOT NULL THEN coalesce(e.as_of, s.published) END AS true_as_of "
        "FROM entity e LEFT JOIN source s ON s.id = e.source WHERE e.id = ?",
        (match.id,),
    ).fetchone()
    aliases = [
        row["alias"]
        for row in connection.execute("SELECT alias FROM alias WHERE record_id = ? ORDER BY position", (match.id,))
    ]
    terms = term_rows(connection, INVOLVING, {"entity": match.id}, day, None)
    _, events = timeline(connection, entity=match.id, edges=False)
    # What the entity's claims are about, and what it said.
    claims = claims_where(
        connection,
        "c.id IN (SELECT record_id FROM about WHERE entity_id = :entity "
        "UNION SELECT record_id FROM said_by WHERE entity_id = :entity)",
        {"entity": match.id},
    )
    return Profile(
        id=entity["id"],
        kind=Kind(entity["kind"]),
        name=entity["name"],
        aliases=aliases,
        summary=entity["summary"],
        source=entity["source"],
        quote=entity["quote"],
        org=entity["org"],
        org_name=_name_of(connection, entity["org"]),
        terms=terms,
        events=events,
        claims=claims,
        wikidata=entity["wikidata"],
        as_of=entity["true_as_of"],
        more=of_record(connection, "entity", match.id, Profile._fields),
    )


# A claim's row: its lists, its speakers' names, and the day it is true as of (its own, else its source's).
_CLAIM_SQL = f"""
SELECT c.*, {ids_sql("about", "c.id")} AS about_ids, {ids_sql("said_by", "c.id")} AS said_by_ids,
    {ids_sql("via", "c.id")} AS via_ids, coalesce(c.as_of, s.published) AS true_as_of,
    (SELECT group_concat(name, char(31)) FROM
        (SELECT coalesce((SELECT name FROM entity WHERE id = b.entity_id), b.entity_id) AS name
         FROM said_by b WHERE b.record_id = c.id ORDER BY b.position)) AS speaker_names
FROM claim c JOIN source s ON s.id = c.source
"""


def claims_where(connection: sqlite3.Connection, where: str, parameters: dict[str, object]) -> list[ClaimRow]:
    """Claims matching `where` (SQL over `c`, the claim), in the order they were written."""
    more = beyond(connection, "claim", ClaimRow._fields)
    return [
        ClaimRow(
            id=row["id"],
            text=row["text"],
            about=split_ids(row["about_ids"]),
            source=row["source"],
            quote=row["quote"],
            as_of=row["true_as_of"],
            modality=Modality(row["modality"]),
            said_by=split_ids(row["said_by_ids"]),
            speakers=split_ids(row["speaker_names"]),
            via=split_ids(row["via_ids"]),
            review=row["review"],
            more=values(connection, more, row),
        )
        for row in connection.execute(_CLAIM_SQL + f"WHERE {where} ORDER BY c.rowid", parameters)
    ]


def _name_of(connection: sqlite3.Connection, entity_id: str | None) -> str | None:
    if entity_id is None:
        return None
    row = connection.execute("SELECT name FROM entity WHERE id = ?", (entity_id,)).fetchone()
    return row["name"] if row else entity_id
