"""A key added to model.py, followed to every consumer: extension is one place, and this proves it.

The fixture copies the package and declares an optional `web_address` key on every kind the index holds, in
the copy's model.py and nowhere else (the declaration is its documentation), then runs the copy as a real
process on the shipped fact base with an address written into one record of each kind (a name no kind has
yet, so the test holds on a model that has gained a `url`; how a `url` maps to Popolo's and schema.org's own
is tested beside it). Every consumer must then
carry the key, or be named in LEFT_OUT with why it leaves the key out on purpose (its own code says so too).
A consumer that drops a declared key silently fails here.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from newskb.base import model
from newskb.base.schema import keys_of
from newskb.exporters import jsonld, popolo
from tests.conftest import REPO

# The declaration added to each indexed kind, right after its id: a plain text with a pattern, as model.py's
# other keys are declared.
DECLARATION = (
    '    web_address: str | None = key(KeyType.TEXT, "Where on the web it is.", pattern=r"https?://\\S+", '
    'pattern_name="an http or https address")\n'
)
KEY = "web_address"
SOURCE = "rbc-ukraine-2024-09-30-rutte"
# One record of each kind, and the address written into it.
URLS = {
    "mark-rutte": "https://example.org/rutte",
    SOURCE: "https://example.org/article",
    "mark-rutte-nato-secretary-general": "https://example.org/term",
    "mark-rutte-takes-office": "https://example.org/event",
    "nato-has-32-members": "https://example.org/claim",
}

# The consumers that leave the key out on purpose, and why (their modules say so beside the code).
LEFT_OUT = {
    "timeline": "its rows are events, term starts and term ends in one list: a key of one kind would give "
    "some rows keys the others lack",
    "search": "a hit is any kind of record, reduced to what every kind has (label, source, quote)",
    "timelinejs": "a slide is a timeline row for a person to look at (timelinejs.py)",
    "popolo events and claims": "Popolo has people, organizations, posts and memberships: no place for them",
}


@dataclass(frozen=True)
class Extended:
    """The copy of newskb with `web_address` declared, and a fact base that uses it."""

    package: Path
    data: Path
    cache: Path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        # Without MUTANT_UNDER_TEST: under mutmut the copy is of mutated code, whose trampolines would look for
        # mutmut's configuration from the copy's folder and fail; without it they call the original functions.
        outside = {key: value for key, value in os.environ.items() if key != "MUTANT_UNDER_TEST"}
        env = {**outside, "PYTHONPATH": str(self.package), "NEWSKB_DATA": str(self.data)}
        env["XDG_CACHE_HOME"] = str(self.cache)
        return subprocess.run(
            [sys.executable, "-m", "newskb", *args],
            capture_output=True,
            text=True,
            cwd=self.data.parent,
            env=env,
            timeout=120,
            check=False,
        )

    def json(self, *args: str) -> Any:
        result = self.run(*args)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)


def _declare_key(model_text: str) -> str:
    for class_name in ("Entity", "Source", "Term", "Event", "Claim"):
        start = model_text.index(f"\nclass {class_name}:")
        at = model_text.index("    id: str = _id()\n", start) + len("    id: str = _id()\n")
        model_text = model_text[:at] + DECLARATION + model_text[at:]
    return model_text


def _write_addresses(data: Path) -> None:
    for path in (data / "entities.toml", *sorted((data / "sources").glob("*.toml"))):
        text = path.read_text(encoding="utf-8")
        for record_id, url in URLS.items():
            text = text.replace(f'id = "{record_id}"\n', f'id = "{record_id}"\nweb_address = "{url}"\n', 1)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Extended]:
    root = tmp_path_factory.mktemp("extended")
    shutil.copytree(REPO / "newskb", root / "package" / "newskb", ignore=shutil.ignore_patterns("__pycache__"))
    declared = root / "package" / "newskb" / "base" / "model.py"
    declared.write_text(_declare_key(declared.read_text(encoding="utf-8")), encoding="utf-8")
    shutil.copytree(REPO / "data", root / "kb" / "data")
    shutil.copytree(REPO / "seeds", root / "kb" / "seeds")
    _write_addresses(root / "kb" / "data")
    yield Extended(package=root / "package", data=root / "kb" / "data", cache=root / "cache")


def test_the_copy_declares_the_key_and_nothing_else_changed(extended: Extended) -> None:
    copied = extended.package / "newskb"
    changed = [
        str(path.relative_to(copied))
        for path in sorted(copied.rglob("*.py"))
        if path.read_bytes() != (REPO / "newskb" / path.relative_to(copied)).read_bytes()
    ]
    assert changed == ["base/model.py"]
    assert (
        sum(text.count(f'id = "{record_id}"\nweb_address = ') for record_id in URLS for text in _texts(extended.data))
        == 5
    )


def _texts(data: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(data.rglob("*.toml"))]


def test_check_validates_it_and_add_set_and_new_source_take_it(extended: Extended) -> None:
    assert extended.run("check").returncode == 0
    refused = extended.run("set", "nato-has-32-members", "web_address=ftp://example.org/claim")
    assert (refused.returncode, refused.stdout) == (1, "")
    assert re.fullmatch(
        r"newskb: error: refused, nothing written: data/sources/rbc-ukraine-2024-09-30-rutte\.toml:\d+: "
        r"claim\.web_address: 'ftp://example\.org/claim' is not an http or https address\n",
        refused.stderr,
    )
    changed = extended.run("set", "nato-has-32-members", "web_address=https://example.org/other", "--dry-run")
    assert changed.returncode == 0, changed.stderr
    assert '-web_address = "https://example.org/claim"\n+web_address = "https://example.org/other"\n' in changed.stdout
    added = extended.run(
        *("add", "claim", "--source", SOURCE, "--about", "mark-rutte", "--text", "Rutte faces challenges."),
        *(
            "--quote",
            "will face a range of serious challenges",
            "--web-address",
            "https://example.org/added",
            "--dry-run",
        ),
    )
    assert added.returncode == 0, added.stderr
    assert 'web_address = "https://example.org/added"\n' in added.stdout
    helped = extended.run("new-source", "--help")
    assert re.search(r"--web-address <str>\s+Where on the web it is\.", helped.stdout)


def test_every_answer_carries_it_but_those_left_out(extended: Extended) -> None:
    rutte = extended.json("show", "Mark Rutte", "--format", "json")
    assert rutte[KEY] == URLS["mark-rutte"]
    term = "mark-rutte-nato-secretary-general"
    assert {row["id"]: row[KEY] for row in rutte["terms"]}[term] == URLS[term]
    nato = extended.json("show", "NATO", "--format", "json")
    assert {claim["id"]: claim[KEY] for claim in nato["claims"]}["nato-has-32-members"] == URLS["nato-has-32-members"]
    history = extended.json("who", "NATO Secretary General", "--history", "--format", "json")
    assert {row["id"]: row[KEY] for row in history} == {
        "jens-stoltenberg-nato-secretary-general": None,
        term: URLS[term],
    }
    (source,) = extended.json("sources", "--format", "json")
    assert source[KEY] == URLS[SOURCE]
    for fact in ("nato-has-32-members", term):
        (cited,) = extended.json("cite", fact, "--format", "json")
        assert cited[KEY] == URLS[fact]
    # Left out on purpose (LEFT_OUT says why): the rows of several kinds.
    assert not any(KEY in row for row in extended.json("timeline", "--format", "json"))
    assert not any(KEY in row for row in extended.json("search", "Rutte", "--all", "--format", "json"))
    assert {"timeline", "search"} <= set(LEFT_OUT)


def _urls_by_id(records: list[dict[str, Any]]) -> dict[str, Any]:
    return {record["id"]: record[KEY] for record in records if record.get(KEY)}


def test_every_export_carries_it_but_those_left_out(extended: Extended, tmp_path: Path) -> None:
    exported = extended.json("export", "--format", "json")
    assert {group: KEY in records[0] for group, records in exported.items()} == dict.fromkeys(exported, True)
    assert {key: value for records in exported.values() for key, value in _urls_by_id(records).items()} == URLS
    lines = [json.loads(line) for line in extended.run("export", "--format", "jsonl").stdout.splitlines()]
    assert _urls_by_id(lines) == URLS
    claims = extended.run("export", "--format", "csv", "--table", "claims").stdout
    assert _urls_by_id(list(csv.DictReader(io.StringIO(claims)))) == {
        "nato-has-32-members": URLS["nato-has-32-members"]
    }
    database = tmp_path / "kb.sqlite"
    assert extended.run("export", "--format", "sqlite", "--output", str(database)).returncode == 0
    with sqlite3.connect(database) as connection:
        found = {
            row[0]: row[1]
            for table in ("entity", "source", "term", "event", "claim")
            for row in connection.execute(f"SELECT id, {KEY} FROM {table} WHERE {KEY} IS NOT NULL")
        }
    assert found == URLS
    popolo_document = extended.json("export", "--format", "popolo")
    people = {person["id"]: person for person in popolo_document["persons"]}
    assert people["mark-rutte"][f"newskb_{KEY}"] == URLS["mark-rutte"]
    memberships = {membership["id"]: membership for membership in popolo_document["memberships"]}
    membership = memberships["mark-rutte-nato-secretary-general"]
    assert membership[f"newskb_{KEY}"] == URLS["mark-rutte-nato-secretary-general"]
    # A source's key is on each link to it.
    assert [link[f"newskb_{KEY}"] for link in membership["sources"]] == [URLS[SOURCE]]
    assert "popolo events and claims" in LEFT_OUT
    graph = extended.json("export", "--format", "jsonld")["@graph"]
    graph_urls = {node["@id"].removeprefix("urn:newskb:"): node.get("newskb:webAddress") for node in graph}
    assert {record_id: url for record_id, url in graph_urls.items() if url} == URLS
    timeline = extended.run("export", "--format", "timelinejs")
    assert timeline.returncode == 0 and "example.org" not in timeline.stdout and "timelinejs" in LEFT_OUT


def test_parquet_carries_it(extended: Extended, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet", reason="the parquet extra (pyarrow) is not installed")
    assert extended.run("export", "--format", "parquet", "--output", str(tmp_path / "pq")).returncode == 0
    found = {
        record_id: url
        for table in ("entity", "source", "term", "event", "claim")
        for record_id, url in zip(
            *parquet.read_table(tmp_path / "pq" / f"{table}.parquet", columns=["id", KEY]).to_pydict().values(),
            strict=True,
        )
        if url
    }
    assert found == URLS


def test_what_a_consumer_handles_by_hand_is_a_key_its_kind_declares() -> None:
    # A stale name would hide a key: each name a consumer maps or leaves out must be declared.
    from newskb.answers.sources import CITE_LEAVES_OUT

    # An entity's record in an export also says its kind.
    declared = {
        record_class.TABLE: {key.name for key in keys_of(record_class)}
        | ({"kind"} if record_class is model.Entity else set())
        for record_class in model.INDEXED_CLASSES
    }
    assert CITE_LEAVES_OUT - set().union(*declared.values()) == set()
    for handled in (popolo.HANDLED, jsonld.HANDLED):
        stale = {table: names - declared[table] for table, names in handled.items()}
        assert stale == {table: set() for table in handled}


def test_a_url_is_popolos_link_url_and_schema_orgs_url() -> None:
    # Where a format has a place of that name, a key added to model.py fills it.
    source: dict[str, object] = {
        "id": SOURCE,
        "title": "T",
        "publisher": None,
        "published": "2024",
        "url": "https://example.org/a",
    }
    link = popolo._link(SOURCE, "a quote", {}, {SOURCE: source})
    assert (link["url"], "newskb_url" in link) == ("https://example.org/a", False)
    assert popolo._link(SOURCE, "a quote", {}, {SOURCE: {**source, "url": None}})["url"] == f"urn:newskb:{SOURCE}"
    claim: dict[str, object] = {"id": "c", "url": "https://example.org/c", "web_address": "https://example.org/w"}
    assert jsonld._extension(claim, "claim", {}) == {"url": "https://example.org/c", "newskb:webAddress": claim[KEY]}
    # A Thing's property the node already gives by hand is not overwritten.
    assert jsonld._extension({"name": "N"}, "event", {"name": "Given"}) == {"newskb:name": "N"}
