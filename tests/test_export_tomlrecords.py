"""exporters/records.py: the whole fact base out of newskb, keyed as in the TOML files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newskb.base.model import keys
from newskb.common.kinds import Kind
from newskb.exporters import tomlrecords as export
from newskb.index.cache import open_index


@pytest.fixture
def db(kb: Path) -> sqlite3.Connection:
    connection, problems = open_index(kb)
    assert problems == []
    return connection


def test_export_has_every_record_with_its_toml_keys(db: sqlite3.Connection, kb: Path) -> None:
    records = export.records(db, kb)
    assert {group: len(members) for group, members in records.items()} == {
        "entities": 21,
        "sources": 1,
        "terms": 7,
        "events": 5,
        "claims": 16,
    }
    assert set(records["terms"][0]) == {
        *("id", "office", "holder", "start", "end", "replaces", "duration", "modality", "said_by", "via", "source"),
        *("quote", "note", "review"),
    }
    assert next(export.lines(db, kb))["record"] == "entity"


def test_records_keep_the_declared_key_order_and_an_entity_says_its_kind(db: sqlite3.Connection, kb: Path) -> None:
    records = export.records(db, kb)
    assert list(records) == ["entities", "sources", "terms", "events", "claims"]
    assert list(records["entities"][0]) == ["id", "kind", *[key.name for key in keys(Kind.OFFICE)][1:]]
    for group, kind in (("sources", Kind.SOURCE), ("terms", Kind.TERM), ("events", Kind.EVENT)):
        assert list(records[group][0]) == [key.name for key in keys(kind)], group
    assert list(records["claims"][0]) == [key.name for key in keys(Kind.CLAIM)]


def test_an_entity_record_as_written(db: sqlite3.Connection, kb: Path) -> None:
    entities = export.records(db, kb)["entities"]
    assert entities[0] == {
        "id": "mark-rutte",
        "kind": "person",
        "name": "Mark Rutte",
        "aliases": ["Rutte"],
        "summary": "Former Prime Minister of the Netherlands, chosen as NATO Secretary General.",
        "source": "rbc-ukraine-2024-09-30-rutte",
        "quote": "the former Dutch Prime Minister Mark Rutte was chosen as the new NATO Secretary General",
        "as_of": None,
        "note": None,
        "review": None,
        "org": None,
        "seats": None,
        "wikidata": "Q57792",
    }
    office = next(entity for entity in entities if entity["id"] == "us-president")
    assert office["kind"] == "office"
    assert office["aliases"] == ["US President", "US presidency", "President of the US", "American president", "POTUS"]
    assert (office["org"], office["seats"], office["summary"]) == ("united-states", 1, None)
    assert [entity["kind"] for entity in entities].count("country") == 6


def test_facts_keep_dates_as_written_and_lists_in_order(db: sqlite3.Connection, kb: Path) -> None:
    records = export.records(db, kb)
    assert records["terms"][1] == {
        "id": "mark-rutte-nato-secretary-general",
        "office": "nato-secretary-general",
        "holder": "mark-rutte",
        "start": "2024-10-01",
        "end": "..",
        "replaces": "jens-stoltenberg",
        "duration": None,
        "modality": "announced",
        "said_by": [],
        "via": ["reuters"],
        "source": "rbc-ukraine-2024-09-30-rutte",
        "quote": "On Tuesday, October 1, Mark Rutte will officially take office as NATO Secretary General, "
        "replacing Jens Stoltenberg",
        "note": "Start: the year 2024 is inferred (see the source note). The article announces the start a day "
        'ahead ("will officially take office"), citing Reuters; it knows of no end.',
        "review": None,
    }
    assert [(term["start"], term["end"]) for term in records["terms"]] == [
        ("2014~", "2024-10-01"),
        ("2024-10-01", ".."),
        (None, "..2024-09-30"),
        (None, "..2024-09-30"),
        (None, "..2024-09-30"),
        ("..2024-09-30", None),
        (None, "..2024-09-30"),
    ]
    taking_office = next(event for event in records["events"] if event["id"] == "mark-rutte-takes-office")
    assert taking_office["involves"] == ["mark-rutte", "jens-stoltenberg", "nato", "nato-secretary-general"]
    assert (taking_office["date"], taking_office["same_as"]) == ("2024-10-01", None)
    assert records["claims"][0] == {
        "id": "nato-has-32-members",
        "about": ["nato"],
        "text": "NATO comprises 32 member countries.",
        "as_of": None,
        "modality": "stated",
        "said_by": [],
        "via": [],
        "source": "rbc-ukraine-2024-09-30-rutte",
        "quote": "NATO, which comprises 32 member countries",
        "note": None,
        "review": None,
    }
    (source,) = records["sources"]
    assert (source["id"], source["publisher"], source["cites"], source["published"]) == (
        "rbc-ukraine-2024-09-30-rutte",
        "rbc-ukraine",
        ["reuters"],
        "2024-09-30",
    )
    # Relative to the data folder, as every export and answer writes a path: no machine's layout leaks out.
    assert (source["text"], source["inferred"]) == ("../seeds/000_2f614e97bf582ec3.txt", ["publisher", "published"])


def test_a_record_with_no_list_items_exports_an_empty_list(db: sqlite3.Connection, kb: Path) -> None:
    records = export.records(db, kb)
    reuters = next(entity for entity in records["entities"] if entity["id"] == "reuters")
    assert reuters["aliases"] == ["Reuters news agency"]
    db.execute("DELETE FROM alias WHERE record_id = 'reuters'")
    again = next(entity for entity in export.records(db, kb)["entities"] if entity["id"] == "reuters")
    assert again["aliases"] == []


def test_lines_tag_every_record_with_its_kind_in_order(db: sqlite3.Connection, kb: Path) -> None:
    lines = list(export.lines(db, kb))
    kinds = [line["record"] for line in lines]
    assert kinds == ["entity"] * 21 + ["source"] + ["term"] * 7 + ["event"] * 5 + ["claim"] * 16
    records = export.records(db, kb)
    assert lines[21] == {"record": "source", **records["sources"][0]}
    assert lines[-1] == {"record": "claim", **records["claims"][-1]}
    assert list(lines[0])[:3] == ["record", "id", "kind"]
