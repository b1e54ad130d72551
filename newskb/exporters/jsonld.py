"""`--format jsonld`: JSON-LD with schema.org's vocabulary, for linked-data tools and search engines.

One `@graph`; every record is a node named `urn:newskb:ID`. People are `Person`, organizations
`Organization`, countries `Country`, offices `DefinedTerm` (their organization in `newskb:org`); an entity
with a Wikidata id has `sameAs` its Wikidata item. A term is a `Role` between its holder and the office's
organization (schema.org's pattern: holder `memberOf` the Role, the Role `memberOf` the organization), with
`roleName`, `startDate` and `endDate`. An event is an `Event` (`about` what it involves), a claim a `Claim`
(`author` whoever said it), an article a `NewsArticle`; every fact's quote is a `Quotation` with `citation`
to its article (a claim's is its `appearance`, a term's or event's its `subjectOf`).

The context is written out (schema.org's terms, as its own context maps them, under `http://schema.org/`),
so nothing is fetched to read it. A date is given to `startDate`, `endDate` and `datePublished` only where
ISO 8601 says it as it is (`2014`, `2024-10-01`); every date as written, and what schema.org has no term
for, is in the `newskb:` vocabulary (`urn:newskb:vocab:`): `newskb:start`, `newskb:end` (`..` open),
`newskb:date`, `newskb:published`, `newskb:asOf`, `newskb:modality`, `newskb:via`, `newskb:saidBy`,
`newskb:office`, `newskb:org`.

Any other key a kind declares (one added to model.py) is written on its node, unless `HANDLED` below names
it: under schema.org's own property where its name is one of every Thing's (`url`: `url`), else as
`newskb:` and its name in camel case (`same_as`: `newskb:sameAs`).
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newskb.base.model import Claim, Entity, Event, Source, Term
from newskb.exporters import Request, output, tomlrecords
from newskb.exporters.tomlrecords import Record

if TYPE_CHECKING:
    from newskb.exporters.tomlrecords import Indexed

CONTEXT = {"@vocab": "http://schema.org/", "newskb": "urn:newskb:vocab:"}
# schema.org's type for each kind of entity.
TYPES = {"person": "Person", "organization": "Organization", "country": "Country", "office": "DefinedTerm"}

Node = dict[str, object]

# The keys of each kind a node gives by hand, or leaves out on purpose; every other key is written by
# `_extension`. Left out: a local path (a source's `text`), what the json export keeps for curators (`note`,
# `inferred`, `review`), an entity's `as_of` and an office's `seats` (no term in either vocabulary), a
# term's holder (the holder's node is `memberOf` the Role), `replaces` and `duration`.
HANDLED = {
    "entity": {"id", "kind", "name", "aliases", "summary", "wikidata", "org", "source", "quote"}
    | {"as_of", "note", "review", "seats"},
    "source": {"id", "title", "publisher", "published", "cites"} | {"text", "note", "inferred"},
    "term": {"id", "office", "start", "end", "modality", "said_by", "via", "source", "quote"}
    | {"holder", "replaces", "duration", "note", "review"},
    "event": {"id", "date", "title", "involves", "same_as", "modality", "said_by", "via", "source", "quote"}
    | {"note", "review"},
    "claim": {"id", "text", "about", "said_by", "as_of", "modality", "via", "source", "quote"} | {"note", "review"},
}
# The properties schema.org gives every Thing (schema.org/Thing): a key of that name, in camel case, is one.
THING = frozenset(
    {
        *("additionalType", "alternateName", "description", "disambiguatingDescription", "identifier", "image"),
        *("mainEntityOfPage", "name", "potentialAction", "sameAs", "subjectOf", "url"),
    }
)


def export(connection: sqlite3.Connection, request: Request) -> list[Path]:
    # Written as it is read: an office's name and body are looked up in a small table, the terms an entity
    # holds read with it, and the records themselves one at a time.
    offices: dict[str, Record] = {
        row[0]: {"name": row[1], "org": row[2]} for row in connection.execute("SELECT id, name, org FROM entity")
    }

    def read(record_class: type[Indexed]) -> Iterator[Record]:
        return tomlrecords.stream(connection, record_class, request.data_dir)

    held = (
        json.loads(row[0])
        for row in connection.execute(
            "SELECT (SELECT json_group_array(id) FROM (SELECT id FROM term WHERE holder = e.id ORDER BY rowid)) "
            "FROM entity e ORDER BY e.rowid"
        )
    )
    graph = itertools.chain(
        (_entity(entity, [_ref(term) for term in terms]) for entity, terms in zip(read(Entity), held, strict=True)),
        (_article(source) for source in read(Source)),
        (_role(term, offices) for term in read(Term)),
        (_event(event) for event in read(Event)),
        (_claim(claim) for claim in read(Claim)),
    )
    return output.document(request, output.json_pieces({"@context": CONTEXT, "@graph": output.Items(graph)}))


def _entity(entity: Record, memberships: list[Node]) -> Node:
    node: Node = {"@id": tomlrecords.uri(entity["id"]), "@type": TYPES[str(entity["kind"])], "name": entity["name"]}
    node.update(_some("alternateName", entity["aliases"]))
    if entity["summary"]:
        node["description"] = entity["summary"]
    if entity["wikidata"]:
        node["sameAs"] = {"@id": tomlrecords.WIKIDATA + str(entity["wikidata"])}
    if entity["org"]:
        node["newskb:org"] = _ref(entity["org"])
    if entity["source"]:
        node["subjectOf"] = _quotation(entity["quote"], entity["source"])
    node.update(_some("memberOf", memberships))
    return node | _extension(entity, "entity", node)


def _article(source: Record) -> Node:
    node: Node = {"@id": tomlrecords.uri(source["id"]), "@type": "NewsArticle", "headline": source["title"]}
    node["publisher"] = _ref(source["publisher"])
    node.update(_date("datePublished", source["published"]))
    node["newskb:published"] = source["published"]
    node.update(_some("mentions", [_ref(cited) for cited in _list(source["cites"])]))
    return node | _extension(source, "source", node)


def _role(term: Record, entities: dict[str, Record]) -> Node:
    office = entities.get(str(term["office"]), {})
    node: Node = {"@id": tomlrecords.uri(term["id"]), "@type": "Role", "roleName": office.get("name", term["office"])}
    if office.get("org"):
        node["memberOf"] = _ref(office["org"])
    node.update(_date("startDate", term["start"]))
    node.update(_date("endDate", term["end"]))
    node.update({key: value for key, value in (("newskb:start", term["start"]), ("newskb:end", term["end"])) if value})
    node["newskb:office"] = _ref(term["office"])
    node.update(_fact(term))
    node["subjectOf"] = _quotation(term["quote"], term["source"])
    return node | _extension(term, "term", node)


def _event(event: Record) -> Node:
    node: Node = {"@id": tomlrecords.uri(event["id"]), "@type": "Event", "name": event["title"]}
    node.update(_date("startDate", event["date"]))
    if event["date"]:
        node["newskb:date"] = event["date"]
    node.update(_some("about", [_ref(entity) for entity in _list(event["involves"])]))
    if event["same_as"]:
        node["sameAs"] = _ref(event["same_as"])
    node.update(_fact(event))
    node["subjectOf"] = _quotation(event["quote"], event["source"])
    return node | _extension(event, "event", node)


def _claim(claim: Record) -> Node:
    node: Node = {"@id": tomlrecords.uri(claim["id"]), "@type": "Claim", "text": claim["text"]}
    node.update(_some("about", [_ref(entity) for entity in _list(claim["about"])]))
    node.update(_some("author", [_ref(speaker) for speaker in _list(claim["said_by"])]))
    if claim["as_of"]:
        node["newskb:asOf"] = claim["as_of"]
    node["newskb:modality"] = claim["modality"]
    node.update(_some("newskb:via", [_ref(agency) for agency in _list(claim["via"])]))
    node["citation"] = _ref(claim["source"])
    node["appearance"] = _quotation(claim["quote"], claim["source"])
    return node | _extension(claim, "claim", node)


def _extension(record: Record, table: str, node: Node) -> Node:
    """The record's keys the node does not handle: under a Thing's property of that name where the node has
    not given it, else in the `newskb:` vocabulary."""
    more: Node = {}
    for key, value in tomlrecords.beyond(record, HANDLED[table]).items():
        first, *rest = key.split("_")
        name = first + "".join(word.capitalize() for word in rest)
        more[name if name in THING and name not in node else f"newskb:{name}"] = value
    return more


def _fact(fact: Record) -> Node:
    """How sure the source is of a term or event, and through whom."""
    node: Node = {"newskb:modality": fact["modality"]}
    node.update(_some("newskb:saidBy", [_ref(speaker) for speaker in _list(fact["said_by"])]))
    node.update(_some("newskb:via", [_ref(agency) for agency in _list(fact["via"])]))
    return node


def _quotation(quote: object, source: object) -> Node:
    return {"@type": "Quotation", "text": quote, "citation": _ref(source)}


def _ref(record_id: object) -> Node:
    return {"@id": tomlrecords.uri(record_id)}


def _date(key: str, written: object) -> Node:
    plain = tomlrecords.plain_date(written)
    return {key: plain} if plain is not None else {}


def _some(key: str, values: object) -> Node:
    """The key with its list, left out when the list is empty."""
    items = _list(values)
    return {key: items} if items else {}


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []
