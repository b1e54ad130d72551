"""`--format popolo`: Popolo JSON (popoloproject.com), for tools that speak people, posts and memberships.

- `persons`: the people, with their aliases as `other_names`, a Wikidata id in `identifiers`, the summary
  and its source.
- `organizations`: organizations and countries (`classification` says which), likewise.
- `posts`: the offices, with their organization (`organization_id`) and aliases (`other_label`).
- `memberships`: the terms: `person_id` (or `member` for an organization or country that holds an
  office), `post_id`, `organization_id`, `start_date`/`end_date`, and `sources`, the article and quote.

Popolo dates are ISO 8601 at reduced precision (`2014`, `2024-10`): a date written so is given as it is.
What Popolo cannot say goes into extension keys, never into a false date: `newskb_start` and `newskb_end`
hold every date as written (`2014~`, `..2024-09-30`; an end `..` is open, `null` unknown, which an absent
`end_date` cannot tell apart), and `newskb_modality`, `newskb_said_by` and `newskb_via` say how sure the
source is and through whom. A source link's `url` is the source's own `url` where the data declares and
gives one, else `urn:newskb:ID`, with `newskb_source` and `newskb_quote` beside its note.

Any other key a kind declares (one added to model.py) is written as `newskb_KEY` on the object its record
becomes (a source's, on each link to it), unless `HANDLED` below names it. Events and claims have no place
in Popolo's people, posts and memberships: the json export has them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

from newskb.base.model import Entity, Source, Term
from newskb.common.kinds import Kind
from newskb.exporters import Request, output, tomlrecords
from newskb.exporters.tomlrecords import Record

# The keys of each kind that Popolo's objects give by hand, or leave out on purpose; every other key is written
# as an extension key (`newskb_KEY`). Left out: what Popolo says otherwise or the json export holds for it
# (an entity's `as_of`, `note`, `review`, `seats`; a term's `replaces`, told by the memberships' order, its
# `duration`, `note` and `review`), and a source's own metadata, which a link only points to (`cites`, the
# local `text` file, `note`, `inferred`).
HANDLED = {
    "entity": {"id", "kind", "name", "aliases", "wikidata", "summary", "source", "quote", "org"}
    | {"as_of", "note", "review", "seats"},
    "term": {"id", "office", "holder", "start", "end", "modality", "said_by", "via", "source", "quote"}
    | {"replaces", "duration", "note", "review"},
    "source": {"id", "title", "publisher", "published"} | {"cites", "text", "note", "inferred"},
}


def export(connection: sqlite3.Connection, request: Request) -> list[Path]:
    # Written as it is read: what a record names (an entity's name, kind and body, an article's headline,
    # publisher and day) is looked up in small tables, the records themselves read one at a time.
    entities: dict[str, Record] = {
        row[0]: {"name": row[1], "kind": row[2], "org": row[3]}
        for row in connection.execute("SELECT id, name, kind, org FROM entity")
    }
    sources: dict[str, Record] = {
        str(source["id"]): source for source in tomlrecords.stream(connection, Source, request.data_dir)
    }

    def of_kind(*kinds: Kind) -> Iterator[Record]:
        return (
            entity for entity in tomlrecords.stream(connection, Entity, request.data_dir) if entity["kind"] in kinds
        )

    document = {
        "persons": output.Items(_person(entity, entities, sources) for entity in of_kind(Kind.PERSON)),
        "organizations": output.Items(
            _organization(entity, entities, sources) for entity in of_kind(Kind.ORGANIZATION, Kind.COUNTRY)
        ),
        "posts": output.Items(_post(entity) for entity in of_kind(Kind.OFFICE)),
        "memberships": output.Items(
            _membership(term, entities, sources) for term in tomlrecords.stream(connection, Term, request.data_dir)
        ),
    }
    return output.document(request, output.json_pieces(document))


def _named(entity: Record, entities: dict[str, Record], sources: dict[str, Record]) -> dict[str, object]:
    """What a person and an organization share: id, name, other names, identifiers, sources."""
    named: dict[str, object] = {
        "id": entity["id"],
        "name": entity["name"],
        "other_names": [{"name": alias} for alias in _list(entity["aliases"])],
        "identifiers": [{"scheme": "wikidata", "identifier": entity["wikidata"]}] if entity["wikidata"] else [],
    }
    source = entity["source"]
    named["sources"] = [_link(str(source), entity["quote"], entities, sources)] if source else []
    return named | _extension(entity, "entity")


def _person(entity: Record, entities: dict[str, Record], sources: dict[str, Record]) -> dict[str, object]:
    return {**_named(entity, entities, sources), "summary": entity["summary"]}


def _organization(entity: Record, entities: dict[str, Record], sources: dict[str, Record]) -> dict[str, object]:
    return {**_named(entity, entities, sources), "classification": entity["kind"], "abstract": entity["summary"]}


def _post(entity: Record) -> dict[str, object]:
    post: dict[str, object] = {
        "id": entity["id"],
        "label": entity["name"],
        "other_label": _list(entity["aliases"]),
        "organization_id": entity["org"],
        **_extension(entity, "entity"),
    }
    # A post has no `identifiers` in Popolo: its Wikidata item is a link.
    post["links"] = (
        [{"url": tomlrecords.WIKIDATA + str(entity["wikidata"]), "note": "Wikidata"}] if entity["wikidata"] else []
    )
    return post


def _membership(term: Record, entities: dict[str, Record], sources: dict[str, Record]) -> dict[str, object]:
    holder = entities.get(str(term["holder"]), {})
    office = entities.get(str(term["office"]), {})
    membership: dict[str, object] = {
        "id": term["id"],
        "label": f"{holder.get('name', term['holder'])} — {office.get('name', term['office'])}",
        "role": office.get("name", term["office"]),
    }
    if holder.get("kind", Kind.PERSON) == Kind.PERSON:
        membership["person_id"] = term["holder"]
    else:
        membership["member"] = {"@type": "Organization", "id": term["holder"]}
    membership["post_id"] = term["office"]
    membership["organization_id"] = office.get("org")
    for key, written in (("start_date", term["start"]), ("end_date", term["end"])):
        date = tomlrecords.plain_date(written)
        if date is not None:
            membership[key] = date
    membership["sources"] = [_link(str(term["source"]), term["quote"], entities, sources)]
    membership.update(
        {
            "newskb_start": term["start"],
            "newskb_end": term["end"],
            "newskb_modality": term["modality"],
            "newskb_said_by": term["said_by"],
            "newskb_via": term["via"],
            **_extension(term, "term"),
        }
    )
    return membership


def _link(source_id: str, quote: object, entities: dict[str, Record], sources: dict[str, Record]) -> dict[str, object]:
    """A Popolo link to the article, its note the quote and the article's headline, publisher and date."""
    source = sources.get(source_id, {})
    publisher = entities.get(str(source.get("publisher")), {}).get("name", source.get("publisher"))
    told = ", ".join(str(part) for part in (source.get("title"), publisher, source.get("published")) if part)
    more = tomlrecords.beyond(source, HANDLED["source"])
    # Popolo's link has a `url` and a `note` (the quote and headline): a source's own `url` is the link's.
    link: dict[str, object] = {"url": more.pop("url", None) or tomlrecords.uri(source_id)}
    link["note"] = f"“{quote}” ({told})" if told else f"“{quote}”"
    return {**link, "newskb_source": source_id, "newskb_quote": quote, **_extension(more, "source")}


def _extension(record: Record, table: str) -> dict[str, object]:
    """The record's keys Popolo does not handle, as extension keys."""
    return {f"newskb_{key}": value for key, value in tomlrecords.beyond(record, HANDLED[table]).items()}


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []
