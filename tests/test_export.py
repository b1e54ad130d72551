"""The exports: each format validated against what its readers expect, and every refusal one line that changes
no byte."""

from __future__ import annotations

import csv
import io
import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from newskb import exporters
from newskb.base import model, outfile
from newskb.base.schema import keys_of
from newskb.cli import app
from newskb.exporters import output, tomlrecords
from newskb.exporters import sqlite as sqlite_export
from newskb.index.cache import open_index
from tests.conftest import REPO, TinyBase

runner = CliRunner()
SOURCE = "rbc-ukraine-2024-09-30-rutte"
TAKES_OFFICE = "Mark Rutte will officially take office as NATO Secretary General"
QUOTE_RUTTE = f"On Tuesday, October 1, {TAKES_OFFICE}, replacing Jens Stoltenberg"
TITLE = "Rutte will become new NATO Secretary General tomorrow: His main mission revealed"


@pytest.fixture
def db(kb: Path) -> sqlite3.Connection:
    connection, problems = open_index(kb)
    assert problems == []
    return connection


def exported(connection: sqlite3.Connection, name: str, kb: Path, **options: Any) -> Any:
    """An export to the stream, read back as JSON."""
    stream = io.StringIO()
    assert exporters.export(name, connection, exporters.Request(data_dir=kb, stream=stream, **options)) == []
    return json.loads(stream.getvalue())


def files_in(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


# --- One table, one module per format -------------------------------------------------------------


def test_every_format_is_one_module_with_one_export_function() -> None:
    assert list(exporters.FORMATS) == ["json", "jsonl", "sqlite", "popolo", "timelinejs", "jsonld", "csv", "parquet"]
    for name, chosen in exporters.FORMATS.items():
        assert chosen.module == f"newskb.exporters.{name}"
        assert (REPO / "newskb" / "exporters" / f"{name}.py").is_file()


def test_the_choices_help_and_completion_of_format_come_from_the_formats_table() -> None:
    from newskb.cli.share import ExportFormat
    from tests.test_completion import candidates

    assert [chosen.value for chosen in ExportFormat] == list(exporters.FORMATS)
    shown = " ".join(runner.invoke(app, ["export", "--help"], terminal_width=200).output.split())
    assert "-f, --format <json|jsonl|sqlite|popolo|timelinejs|jsonld|csv|parquet>" in shown
    assert "json, jsonl, sqlite, popolo, timelinejs, jsonld, csv or parquet. [default: json]" in shown
    folders = [name for name, chosen in exporters.FORMATS.items() if chosen.output == "DIR"]
    needing = [name for name, chosen in exporters.FORMATS.items() if not chosen.to_stream]
    assert (folders, needing) == (["csv", "parquet"], ["sqlite", "csv", "parquet"])
    assert "(a folder for csv and parquet; required for sqlite, csv and parquet)" in shown
    assert candidates("bash", "newskb export --format ") == list(exporters.FORMATS)
    assert candidates("bash", "newskb export --format js") == ["json", "jsonl", "jsonld"]
    # A new format is a row of FORMATS: the command line spells none of their names.
    share = (REPO / "newskb" / "cli" / "share.py").read_text(encoding="utf-8")
    assert [name for name in exporters.FORMATS if f'"{name}"' in share] == ["json"]  # the default


def test_json_and_jsonl_are_written_as_before(db: sqlite3.Connection, kb: Path) -> None:
    stream = io.StringIO()
    exporters.export("json", db, exporters.Request(data_dir=kb, stream=stream))
    assert stream.getvalue() == json.dumps(tomlrecords.records(db, kb), ensure_ascii=False, indent=2) + "\n"
    stream = io.StringIO()
    exporters.export("jsonl", db, exporters.Request(data_dir=kb, stream=stream))
    lines = [json.dumps(item, ensure_ascii=False) + "\n" for item in tomlrecords.lines(db, kb)]
    assert stream.getvalue() == "".join(lines)


def test_json_text_escapes_what_a_terminal_would_act_on_and_keeps_the_value() -> None:
    value = {"a": "x\u202ey\x85z\x1b"}
    text = output.json_text(value)
    assert text == '{\n  "a": "x\\u202ey\\u0085z\\u001b"\n}\n'
    assert json.loads(text) == value


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@given(
    st.dictionaries(
        st.text(max_size=6), st.tuples(st.booleans(), st.lists(_JSON_VALUES, max_size=4) | _JSON_VALUES), max_size=4
    )
)
def test_a_document_written_piece_by_piece_is_the_document_written_whole(members: dict[str, Any]) -> None:
    # Each member either an array written item by item (Items) or a value written whole; texts with line breaks,
    # controls and bidi characters included (json_safe escapes them in both).
    streamed = {
        key: output.Items(iter(value)) if as_items and isinstance(value, list) else value
        for key, (as_items, value) in members.items()
    }
    whole = {key: value for key, (_, value) in members.items()}
    assert "".join(output.json_pieces(streamed)) == output.json_text(whole)


def test_pieces_reach_the_stream_in_chunks_as_they_come() -> None:
    written: list[str] = []

    class Stream(io.StringIO):
        def flush(self) -> None:
            written.append(self.getvalue())

    pieces = ("x" * 1000 for _ in range(200))  # 200,000 characters: three full chunks and a rest
    output.streamed(Stream(), pieces)
    assert [len(text) for text in written] == [output.CHUNK, 2 * output.CHUNK, 3 * output.CHUNK, 200_000]


def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "out.json"
    target.write_text("old", encoding="utf-8")

    class Interrupted(BaseException):
        """As Ctrl-C or SIGTERM reach a write: not an Exception."""

    def interrupted(path: Path) -> None:
        path.write_text("half", encoding="utf-8")
        raise Interrupted("stopped")

    with pytest.raises(Interrupted, match="stopped"):
        outfile.write_file(target, interrupted)
    assert files_in(folder) == {"out.json": b"old"}


# --- Refusals: one line, exit 2, no byte changed ---------------------------------------------------


def test_refusals_are_one_line_and_change_nothing(tmp_path: Path) -> None:
    existing = tmp_path / "kb.db"
    existing.write_bytes(b"mine")
    full = tmp_path / "full"
    full.mkdir()
    (full / "notes.txt").write_text("mine", encoding="utf-8")
    exists = "already exists; choose a new file name, or --force to replace it"
    missing = tmp_path / "no" / "x.json"
    same = tmp_path / "same.db"
    cases = [
        (
            ["-f", "csv"],
            "--format csv needs --output DIR (one CSV file per record kind; --table NAME writes one of them to stdout)",
        ),
        (["-f", "sqlite", "-o", str(existing)], f"{existing}: {exists}"),
        (
            ["-f", "csv", "-o", str(full)],
            f"{full}: is not empty; choose a new or empty folder, or --force to replace the files it writes",
        ),
        (["-f", "csv", "-o", str(existing)], f"{existing}: is not a folder; give a new or empty folder"),
        (["-f", "json", "-o", str(full)], f"{full}: is a folder; give the name of a file"),
        (["-f", "json", "-o", str(missing)], f"{missing}: cannot write: its folder does not exist"),
        (["--entity", "Rutte"], "--entity does not apply to --format json"),
        (
            ["-f", "popolo", "--from", "2024", "--metadata", "m.json"],
            "--metadata, --from do not apply to --format popolo",
        ),
        (["-f", "sqlite", "-o", str(tmp_path / "new.db"), "--metadata", str(existing)], f"{existing}: {exists}"),
        (
            ["-f", "sqlite", "-o", str(same), "--metadata", str(same)],
            f"{same}: --metadata must name another file than --output",
        ),
        # The same file by another path: it would replace the database just written.
        (
            ["-f", "sqlite", "-o", str(same), "--metadata", str(full / ".." / "same.db")],
            f"{full / '..' / 'same.db'}: --metadata must name another file than --output",
        ),
    ]
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    for arguments, message in cases:
        result = runner.invoke(app, ["export", *arguments])
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"newskb: error: {message}\n"), arguments
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == before


def test_force_replaces_an_existing_file_whole(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "kb.db"
    target.write_bytes(b"mine")
    result = runner.invoke(app, ["export", "-f", "sqlite", "-o", str(target), "--force"])
    assert (result.exit_code, result.stderr) == (0, f"newskb: wrote {target}\n")
    assert sqlite3.connect(target).execute("SELECT count(*) FROM term").fetchone() == (7,)
    assert [path.name for path in folder.iterdir()] == ["kb.db"]  # no temporary file left


# --- csv -----------------------------------------------------------------------------------------------


def test_csv_is_one_file_per_kind_with_the_json_columns(tmp_path: Path, db: sqlite3.Connection, kb: Path) -> None:
    folder = tmp_path / "csv"
    result = runner.invoke(app, ["export", "--format", "csv", "--output", str(folder)])
    assert result.exit_code == 0
    names = ["entities.csv", "sources.csv", "terms.csv", "events.csv", "claims.csv"]
    assert result.stderr == "".join(f"newskb: wrote {folder / name}\n" for name in names)
    assert sorted(path.name for path in folder.iterdir()) == sorted(names)
    assert oct(folder.stat().st_mode & 0o777) == "0o755"
    as_json = tomlrecords.records(db, kb)
    for group, members in as_json.items():
        with (folder / f"{group}.csv").open(encoding="utf-8", newline="") as stream:
            rows = list(csv.reader(stream))
        assert rows[0] == list(members[0]), group
        assert len(rows) == len(members) + 1
    with (folder / "terms.csv").open(encoding="utf-8", newline="") as stream:
        terms = list(csv.DictReader(stream))
    rutte = next(row for row in terms if row["id"] == "mark-rutte-nato-secretary-general")
    assert rutte == {
        "id": "mark-rutte-nato-secretary-general",
        "office": "nato-secretary-general",
        "holder": "mark-rutte",
        "start": "2024-10-01",
        "end": "..",
        "replaces": "jens-stoltenberg",
        "duration": "",
        "modality": "announced",
        "said_by": "[]",
        "via": '["reuters"]',
        "source": SOURCE,
        "quote": QUOTE_RUTTE,
        "note": rutte["note"],
        "review": "",
    }
    with (folder / "entities.csv").open(encoding="utf-8", newline="") as stream:
        nato = next(row for row in csv.DictReader(stream) if row["id"] == "nato")
    assert (nato["kind"], nato["wikidata"], nato["org"]) == ("organization", "Q7184", "")
    assert json.loads(nato["aliases"]) == ["North Atlantic Treaty Organization", "the alliance", "OTAN"]


def test_csv_table_writes_one_table_to_stdout_or_a_file(tmp_path: Path, db: sqlite3.Connection, kb: Path) -> None:
    from newskb.cli.share import CsvTable

    assert [table.value for table in CsvTable] == [group for group, _ in tomlrecords.groups()]
    folder = tmp_path / "csv"
    assert runner.invoke(app, ["export", "--format", "csv", "--output", str(folder)]).exit_code == 0
    piped = runner.invoke(app, ["export", "--format", "csv", "--table", "terms"])
    assert (piped.exit_code, piped.stderr) == (0, "")
    assert piped.stdout == (folder / "terms.csv").read_text(encoding="utf-8")  # the same bytes as the file
    one = tmp_path / "events.csv"
    written = runner.invoke(app, ["export", "--format", "csv", "--table", "events", "--output", str(one)])
    assert (written.exit_code, written.stderr) == (0, f"newskb: wrote {one}\n")
    assert one.read_text(encoding="utf-8") == (folder / "events.csv").read_text(encoding="utf-8")
    # Every table without --output has nowhere to go; --table is csv's alone.
    everything = runner.invoke(app, ["export", "--format", "csv"])
    assert (everything.exit_code, everything.stderr) == (
        2,
        "newskb: error: --format csv needs --output DIR (one CSV file per record kind; --table NAME writes one "
        "of them to stdout)\n",
    )
    stray = runner.invoke(app, ["export", "--format", "json", "--table", "terms"])
    assert (stray.exit_code, stray.stderr) == (2, "newskb: error: --table does not apply to --format json\n")


def test_csv_force_replaces_only_its_own_files_and_cells_do_not_run(tmp_path: Path, tiny: TinyBase) -> None:
    tiny.append(tiny.entities, '[[person]]\nid = "eve"\nname = "=HYPERLINK(1)"\n')
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "terms.csv").write_text("old", encoding="utf-8")
    result = runner.invoke(app, ["export", "-f", "csv", "-o", str(folder), "--force", "--data", str(tiny.data)])
    assert result.exit_code == 0
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (folder / "terms.csv").read_text(encoding="utf-8").startswith("id,office,holder,start,end,")
    assert "eve,person,'=HYPERLINK(1),[]," in (folder / "entities.csv").read_text(encoding="utf-8")


# --- sqlite --------------------------------------------------------------------------------------------


@pytest.fixture
def clean(db: sqlite3.Connection, kb: Path, tmp_path: Path) -> sqlite3.Connection:
    target = tmp_path / "kb.db"
    request = exporters.Request(data_dir=kb, output=target, day=date(2024, 10, 1), metadata=tmp_path / "meta.json")
    assert exporters.export("sqlite", db, request) == [target, tmp_path / "meta.json"]
    connection = sqlite3.connect(target)
    connection.row_factory = sqlite3.Row
    return connection


def _tables(connection: sqlite3.Connection) -> list[str]:
    return [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]


def test_the_sqlite_export_has_the_public_tables_only(clean: sqlite3.Connection) -> None:
    shown = [name for name in _tables(clean) if "_fts" not in name]
    assert shown == [
        *("entity", "source", "term", "event", "claim", "entity_alias", "source_cites", "source_inferred"),
        *("term_said_by", "term_via"),
        *("event_involves", "event_said_by", "event_via", "claim_about", "claim_said_by", "claim_via"),
    ]
    assert [name for name in _tables(clean) if name.endswith("_fts")] == [
        "entity_fts",
        "source_fts",
        "term_fts",
        "event_fts",
        "claim_fts",
    ]
    columns = [row["name"] for row in clean.execute("PRAGMA table_info(entity)")]
    assert columns == [
        *("id", "kind", "name", "wikidata", "summary", "source", "quote", "as_of", "as_of_earliest", "as_of_latest"),
        *("note", "review", "org", "seats", "file"),
    ]
    assert {row["name"]: row["count"] for row in clean.execute(_COUNTS)} == {
        "entity": 21,
        "source": 1,
        "term": 7,
        "event": 5,
        "claim": 16,
    }


_COUNTS = """
SELECT 'entity' AS name, count(*) AS count FROM entity UNION ALL SELECT 'source', count(*) FROM source
UNION ALL SELECT 'term', count(*) FROM term UNION ALL SELECT 'event', count(*) FROM event
UNION ALL SELECT 'claim', count(*) FROM claim
"""


def test_every_declared_key_has_its_column_or_link_table(clean: sqlite3.Connection) -> None:
    for record_class in model.INDEXED_CLASSES:
        columns = {row["name"] for row in clean.execute(f'PRAGMA table_info("{record_class.TABLE}")')}
        for declared in keys_of(record_class):
            if declared.type.is_list:
                assert f"{record_class.TABLE}_{declared.item}" in _tables(clean)
            else:
                assert declared.name in columns, (record_class.TABLE, declared.name)


def test_the_foreign_keys_are_declared_from_the_refs(clean: sqlite3.Connection) -> None:
    def keys(table: str) -> set[tuple[str, str, str]]:
        return {(row["from"], row["table"], row["to"]) for row in clean.execute(f'PRAGMA foreign_key_list("{table}")')}

    assert keys("term") == {
        ("office", "entity", "id"),
        ("holder", "entity", "id"),
        ("replaces", "entity", "id"),
        ("source", "source", "id"),
    }
    assert keys("event") == {("same_as", "event", "id"), ("source", "source", "id")}
    assert keys("entity") == {("source", "source", "id"), ("org", "entity", "id")}
    assert keys("term_via") == {("term_id", "term", "id"), ("entity_id", "entity", "id")}
    assert keys("entity_alias") == {("entity_id", "entity", "id")}
    assert clean.execute("PRAGMA foreign_key_check").fetchall() == []


def test_dates_paths_and_status_in_the_sqlite_export(clean: sqlite3.Connection) -> None:
    rows = {row["id"]: dict(row) for row in clean.execute("SELECT * FROM term")}
    former = rows["mark-rutte-netherlands-prime-minister"]
    assert {key: former[key] for key in ("start", "start_earliest", "end", "end_earliest", "end_latest")} == {
        "start": None,
        "start_earliest": None,
        "end": "..2024-09-30",
        "end_earliest": None,  # unbounded: NULL, not 0001-01-01
        "end_latest": "2024-09-30",
    }
    assert rows["mark-rutte-nato-secretary-general"]["end_latest"] is None
    assert {term_id: row["status"] for term_id, row in rows.items()} == {
        "jens-stoltenberg-nato-secretary-general": "held",
        "mark-rutte-nato-secretary-general": "holds",
        "mark-rutte-netherlands-prime-minister": "held",
        "peter-bator-slovakia-ambassador-to-nato": "held",
        "oana-lungescu-nato-spokesperson": "held",
        "ben-wallace-uk-defence-secretary": "unknown",
        "donald-trump-us-president": "held",
    }
    source = clean.execute("SELECT text, file FROM source").fetchone()
    assert tuple(source) == ("../seeds/000_2f614e97bf582ec3.txt", f"sources/{SOURCE}.toml")
    assert [tuple(row) for row in clean.execute("SELECT DISTINCT file FROM entity")] == [("entities.toml",)]


def test_the_full_text_index_finds_names_quotes_and_texts(clean: sqlite3.Connection) -> None:
    def found(table: str, words: str) -> list[str]:
        sql = f'SELECT id FROM "{table}" WHERE rowid IN (SELECT rowid FROM "{table}_fts" WHERE "{table}_fts" MATCH ?)'
        return [row["id"] for row in clean.execute(sql + " ORDER BY id", (words,))]

    assert found("entity", "Lungescu") == ["oana-lungescu"]
    assert found("claim", "consensus") == ["nato-decides-by-consensus"]
    assert found("term", "officially") == [
        "jens-stoltenberg-nato-secretary-general",
        "mark-rutte-nato-secretary-general",
    ]


def test_the_datasette_metadata(clean: sqlite3.Connection, tmp_path: Path) -> None:
    written = json.loads((tmp_path / "meta.json").read_text(encoding="utf-8"))
    assert (written["title"], written["source"], written["source_url"]) == (
        "newskb",
        "the articles behind every fact",
        "/kb/source",
    )
    term = written["databases"]["kb"]["tables"]["term"]
    assert (term["title"], term["description"], term["facets"]) == (
        "Terms",
        "Who held which office, and when (start <= day < end).",
        ["office", "holder", "status", "source"],
    )
    # The column descriptions, one short line each, in a folded list under the table's description: no
    # `columns` list above the rows, no Markdown backtick printed as it is.
    assert "columns" not in term
    assert term["description_html"].startswith(
        "<p>Who held which office, and when (start &lt;= day &lt; end).</p><details><summary>What each column holds"
        '</summary><dl class="column-descriptions"><dt>id</dt>'
    )
    assert (
        "<dt>end_latest</dt><dd>The latest day <code>end</code> may be (NULL: no bound, or unknown).</dd>"
        in (term["description_html"])
    )
    assert "<dt>status</dt><dd>Where the term stands on 2024-10-01 (--as-of" in term["description_html"]
    tables = written["databases"]["kb"]["tables"]
    assert all("`" not in table["description"] for table in tables.values())
    assert set(tables) == {name for name in _tables(clean) if "_fts" not in name}
    # Every table has a label column, and it is one of its columns: what a person reads, where one exists.
    labels = {name: table["label_column"] for name, table in tables.items()}
    assert {name: labels[name] for name in ("entity", "source", "term", "event", "claim")} == {
        "entity": "name",
        "source": "title",
        "term": "label",
        "event": "title",
        "claim": "text",
    }
    for name, label in labels.items():
        assert label in [row["name"] for row in clean.execute(f'PRAGMA table_info("{name}")')], name
    label = clean.execute("SELECT label FROM term WHERE id = 'mark-rutte-nato-secretary-general'").fetchone()
    assert label["label"] == "Mark Rutte — NATO Secretary General"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_datasette_serves_the_export_with_facets_and_links(clean: sqlite3.Connection, tmp_path: Path) -> None:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            *(sys.executable, "-m", "datasette", "serve", str(tmp_path / "kb.db")),
            *("--metadata", str(tmp_path / "meta.json"), "--host", "127.0.0.1", "--port", str(port)),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=5):
                    break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "datasette did not start"
                time.sleep(0.2)
        term = "mark-rutte-nato-secretary-general"
        query = f"{base}/kb/term.json?id={term}&_facet=office&_labels=on&_shape=objects"
        with urllib.request.urlopen(query, timeout=10) as response:
            page = json.load(response)
        row = page["rows"][0]
        assert (row["id"], row["holder"], row["status"]) == (
            term,
            {"value": "mark-rutte", "label": "Mark Rutte"},
            "holds",
        )
        assert [(item["value"], item["count"]) for item in page["facet_results"]["office"]["results"]] == [
            ("nato-secretary-general", 1)
        ]
        assert {"holder", "status", "source"} <= set(page["facet_results"])  # the metadata's facets
        assert page["source_url"] == "/kb/source"
        # The holder is a link to its entity; the term's page links to its list keys' rows.
        with urllib.request.urlopen(f"{base}/kb/term?id={term}", timeout=10) as response:
            assert '<a href="/kb/entity/mark-rutte">Mark Rutte</a>' in response.read().decode("utf-8")
        with urllib.request.urlopen(f"{base}/kb/term/{term}", timeout=10) as response:
            assert f'href="/kb/term_via?term_id={term}"' in response.read().decode("utf-8")
        # The term table's first page: its description, the column list folded, then its rows.
        with urllib.request.urlopen(f"{base}/kb/term", timeout=10) as response:
            first_page = response.read().decode("utf-8")
        folded = first_page.index("<details><summary>What each column holds</summary>")
        assert folded < first_page.index("</dl></details>") < first_page.index('<table class="rows-and-columns">')
        assert first_page.count('<dl class="column-descriptions">') == 1  # only the folded one
        assert f'<a href="/kb/term/{term}">{term}</a>' in first_page
        # A row that links to a term shows the term's label.
        with urllib.request.urlopen(f"{base}/kb/term_via.json?term_id={term}&_labels=on&_shape=objects") as response:
            assert json.load(response)["rows"][0]["term_id"] == {
                "value": term,
                "label": "Mark Rutte — NATO Secretary General",
            }
        searched = f"{base}/kb/claim.json?_search=consensus&_shape=objects"
        with urllib.request.urlopen(searched, timeout=10) as response:
            assert [row["id"] for row in json.load(response)["rows"]] == ["nato-decides-by-consensus"]
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


# --- Popolo --------------------------------------------------------------------------------------------

POPOLO_SCHEMAS = REPO / "tests" / "fixtures" / "popolo-schemas"


def _popolo_validators() -> dict[str, Any]:
    """A draft 03 validator per Popolo schema; each `$ref` resolves to the copies here, never to the web."""
    from jsonschema import Draft3Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT3

    schemas = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in POPOLO_SCHEMAS.glob("*.json")}
    resources = []
    for schema in schemas.values():
        resource = Resource.from_contents(schema, default_specification=DRAFT3)
        resources.extend([(schema["id"], resource), (schema["id"].rstrip("#"), resource)])
    registry: Registry[Any] = Registry().with_resources(resources)
    return {name: Draft3Validator(schema, registry=registry) for name, schema in schemas.items()}


def _errors(validator: Any, instance: object) -> list[str]:
    return [error.message for error in validator.iter_errors(instance)]


def test_every_popolo_object_is_valid(db: sqlite3.Connection, kb: Path) -> None:
    popolo = exported(db, "popolo", kb)
    validators = _popolo_validators()
    assert {key: len(value) for key, value in popolo.items()} == {
        "persons": 6,
        "organizations": 9,
        "posts": 6,
        "memberships": 7,
    }
    for key, schema in (("persons", "person"), ("organizations", "organization"), ("posts", "post")):
        for item in popolo[key]:
            assert _errors(validators[schema], item) == [], item["id"]
    for item in popolo["memberships"]:
        assert _errors(validators["membership"], item) == [], item["id"]
    # The validator bites: an approximate date is no Popolo date.
    assert _errors(validators["membership"], {"start_date": "2014~"}) == [
        "'2014~' does not match " + repr(validators["membership"].schema["properties"]["start_date"]["pattern"])
    ]


def test_popolo_memberships_give_dates_only_as_popolo_can_say_them(db: sqlite3.Connection, kb: Path) -> None:
    popolo = exported(db, "popolo", kb)
    memberships = {item["id"]: item for item in popolo["memberships"]}
    link = {
        "url": f"urn:newskb:{SOURCE}",
        "note": f"“{QUOTE_RUTTE}” ({TITLE}, RBC-Ukraine, 2024-09-30)",
        "newskb_source": SOURCE,
        "newskb_quote": QUOTE_RUTTE,
    }
    assert memberships["mark-rutte-nato-secretary-general"] == {
        "id": "mark-rutte-nato-secretary-general",
        "label": "Mark Rutte — NATO Secretary General",
        "role": "NATO Secretary General",
        "person_id": "mark-rutte",
        "post_id": "nato-secretary-general",
        "organization_id": "nato",
        "start_date": "2024-10-01",
        "sources": [link],
        "newskb_start": "2024-10-01",
        "newskb_end": "..",
        "newskb_modality": "announced",
        "newskb_said_by": [],
        "newskb_via": ["reuters"],
    }
    stoltenberg = memberships["jens-stoltenberg-nato-secretary-general"]
    assert "start_date" not in stoltenberg  # about 2014: no false "2014"
    assert (stoltenberg["end_date"], stoltenberg["newskb_start"], stoltenberg["newskb_end"]) == (
        "2024-10-01",
        "2014~",
        "2024-10-01",
    )
    former = memberships["mark-rutte-netherlands-prime-minister"]
    assert ("start_date" in former, "end_date" in former, former["newskb_start"], former["newskb_end"]) == (
        False,
        False,
        None,
        "..2024-09-30",
    )
    nato = next(item for item in popolo["organizations"] if item["id"] == "nato")
    assert (nato["classification"], nato["identifiers"]) == (
        "organization",
        [{"scheme": "wikidata", "identifier": "Q7184"}],
    )
    countries = [item["id"] for item in popolo["organizations"] if item["classification"] == "country"]
    assert countries == ["netherlands", "ukraine", "russia", "united-states", "united-kingdom", "slovakia"]
    post = next(item for item in popolo["posts"] if item["id"] == "us-president")
    assert (post["organization_id"], post["links"]) == (
        "united-states",
        [{"url": "http://www.wikidata.org/entity/Q11696", "note": "Wikidata"}],
    )


def test_popolo_names_an_organization_that_holds_an_office_as_member(tiny: TinyBase) -> None:
    tiny.append(tiny.entities, '[[office]]\nid = "host"\nname = "Host of the society"\norg = "analytical-society"\n')
    tiny.append(
        tiny.source,
        '[[term]]\nid = "society-hosts"\noffice = "host"\nholder = "analytical-society"\n'
        'quote = "The society meets in London."\n',
    )
    connection, problems = open_index(tiny.data)
    assert problems == []
    memberships = {item["id"]: item for item in exported(connection, "popolo", tiny.data)["memberships"]}
    hosting = memberships["society-hosts"]
    assert ("person_id" in hosting, hosting["member"]) == (False, {"@type": "Organization", "id": "analytical-society"})
    assert _errors(_popolo_validators()["membership"], hosting) == []
    assert (memberships["babbage-chair"]["start_date"], memberships["babbage-chair"]["end_date"]) == ("1831", "1840")


# --- TimelineJS ----------------------------------------------------------------------------------------


def test_timelinejs_from_the_timeline_rows(db: sqlite3.Connection, kb: Path) -> None:
    timeline = exported(db, "timelinejs", kb, entity="Rutte", start=date(2024, 9, 1))
    assert timeline["title"] == {
        "text": {
            "headline": "Timeline: Mark Rutte",
            "text": "3 dated items from 2024-09-01, each with the quote that supports it.",
        }
    }
    assert timeline["newskb_undated"] == []
    assert [
        (event["unique_id"], event["start_date"], event["display_date"], event["group"], event["newskb_in_range"])
        for event in timeline["events"]
    ] == [
        (
            "mark-rutte-chosen",
            {"year": 2024, "month": 9, "day": 30},
            "on or before 2024-09-30",
            "Mark Rutte",
            "possibly",
        ),
        (
            "mark-rutte-netherlands-prime-minister--end",
            {"year": 2024, "month": 9, "day": 30},
            "on or before 2024-09-30",
            "Prime Minister of the Netherlands",
            "possibly",
        ),
        # The event that restates the start of Rutte's term is its one slide, with the office it fills.
        (
            "mark-rutte-takes-office",
            {"year": 2024, "month": 10, "day": 1},
            "2024-10-01",
            "NATO Secretary General",
            "yes",
        ),
    ]
    assert timeline["events"][2]["newskb_restates"] == ["mark-rutte-nato-secretary-general--start"]
    start = timeline["events"][2]
    event_quote = (
        "On Tuesday, October 1, Mark Rutte will officially take office as NATO Secretary General, replacing Jens "
        "Stoltenberg, who led the alliance for the past ten years, citing Reuters."
    )
    assert start["text"] == {
        "headline": "Mark Rutte takes office as NATO Secretary General, replacing Jens Stoltenberg (announced, via "
        "Reuters)",
        "text": f"“{event_quote}”<br>— {TITLE}, RBC-Ukraine, 2024-09-30",
    }
    assert (start["newskb_kind"], start["newskb_date"], start["newskb_modality"], start["newskb_source"]) == (
        "event",
        "2024-10-01",
        "announced",
        SOURCE,
    )
    assert "end_date" not in start


def test_timelinejs_spans_an_approximate_date_and_lists_the_undated(db: sqlite3.Connection, kb: Path) -> None:
    timeline = exported(db, "timelinejs", kb)
    first = timeline["events"][0]
    assert (first["unique_id"], first["start_date"], first["end_date"], first["display_date"]) == (
        "jens-stoltenberg-nato-secretary-general--start",
        {"year": 2013},
        {"year": 2015, "month": 12, "day": 31},  # to the end of the period 2015 stands for
        "about 2014",
    )
    assert timeline["newskb_undated"] == [
        "ben-wallace-uk-defence-secretary--end",
        "donald-trump-us-president--start",
        "mark-rutte-netherlands-prime-minister--start",
        "oana-lungescu-nato-spokesperson--start",
        "peter-bator-slovakia-ambassador-to-nato--start",
    ]
    ids = [event["unique_id"] for event in timeline["events"]]
    assert len(ids) == len(set(ids)) == 12
    assert "mark-rutte-nato-secretary-general--start" not in ids  # restated by mark-rutte-takes-office


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("1843", {"year": 1843}, {"year": 1843, "month": 12, "day": 31}),
        ("1843~", {"year": 1842}, {"year": 1844, "month": 12, "day": 31}),
        ("1843-02", {"year": 1843, "month": 2}, {"year": 1843, "month": 2, "day": 28}),
        ("1843-02-03", {"year": 1843, "month": 2, "day": 3}, None),
    ],
)
def test_timelinejs_spans_end_on_the_last_day_of_their_period(
    tiny: TinyBase, written: str, start: dict[str, int], end: dict[str, int] | None
) -> None:
    tiny.append(
        tiny.source,
        f'[[event]]\nid = "meeting"\ndate = "{written}"\ntitle = "A meeting"\n'
        'involves = ["analytical-society"]\nquote = "The society meets in London."\n',
    )
    connection, _ = open_index(tiny.data)
    slide = next(
        event for event in exported(connection, "timelinejs", tiny.data)["events"] if event["newskb_id"] == "meeting"
    )
    assert (slide["start_date"], slide.get("end_date")) == (start, end)


def test_timelinejs_escapes_html_and_filters_like_timeline(tiny: TinyBase) -> None:
    tiny.append(
        tiny.source,
        '[[event]]\nid = "meeting"\ndate = "1843"\ntitle = "The <b>society</b> & its meetings"\n'
        'involves = ["analytical-society"]\nquote = "The society meets in London."\n',
    )
    result = runner.invoke(app, ["export", "-f", "timelinejs", "--from", "1841", "--data", str(tiny.data)])
    assert result.exit_code == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    assert [(event["unique_id"], event["text"]["headline"], event["group"]) for event in events] == [
        ("meeting", "The &lt;b&gt;society&lt;/b&gt; &amp; its meetings", "Analytical Society")
    ]


# --- JSON-LD -------------------------------------------------------------------------------------------


# rdflib's own JSON-LD parser still builds a ConjunctiveGraph, which rdflib 7 deprecates.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_jsonld_holds_the_nato_handover_as_schema_org_triples(db: sqlite3.Connection, kb: Path) -> None:
    from rdflib import RDF, Graph, Literal, Namespace, URIRef

    stream = io.StringIO()
    exporters.export("jsonld", db, exporters.Request(data_dir=kb, stream=stream))
    graph = Graph()
    graph.parse(data=stream.getvalue(), format="json-ld")
    schema = Namespace("http://schema.org/")
    ours = Namespace("urn:newskb:vocab:")
    node = Namespace("urn:newskb:")
    rutte, stoltenberg = node["mark-rutte-nato-secretary-general"], node["jens-stoltenberg-nato-secretary-general"]
    expected = {
        (node["mark-rutte"], RDF.type, schema.Person),
        (node["mark-rutte"], schema.sameAs, URIRef("http://www.wikidata.org/entity/Q57792")),
        (node["mark-rutte"], schema.memberOf, rutte),
        (rutte, RDF.type, schema.Role),
        (rutte, schema.roleName, Literal("NATO Secretary General")),
        (rutte, schema.memberOf, node["nato"]),
        (rutte, schema.startDate, Literal("2024-10-01")),
        (rutte, ours.end, Literal("..")),
        (rutte, ours.modality, Literal("announced")),
        (rutte, ours.via, node["reuters"]),
        (node["jens-stoltenberg"], schema.memberOf, stoltenberg),
        (stoltenberg, schema.endDate, Literal("2024-10-01")),
        (stoltenberg, ours.start, Literal("2014~")),
        (node["nato"], RDF.type, schema.Organization),
        (node["nato"], schema.sameAs, URIRef("http://www.wikidata.org/entity/Q7184")),
        (node[SOURCE], RDF.type, schema.NewsArticle),
        (node[SOURCE], schema.headline, Literal(TITLE)),
        (node[SOURCE], schema.datePublished, Literal("2024-09-30")),
        (node[SOURCE], schema.publisher, node["rbc-ukraine"]),
        (node["mark-rutte-takes-office"], RDF.type, schema.Event),
        (node["nato-has-32-members"], RDF.type, schema.Claim),
        (node["nato-has-32-members"], schema.citation, node[SOURCE]),
        (node["netherlands"], RDF.type, schema.Country),
    }
    assert expected <= set(graph)
    assert list(graph.objects(stoltenberg, schema.startDate)) == []  # about 2014: no false date
    quotation = graph.value(rutte, schema.subjectOf)
    assert (graph.value(quotation, RDF.type), graph.value(quotation, schema.text)) == (
        schema.Quotation,
        Literal(QUOTE_RUTTE),
    )
    assert graph.value(quotation, schema.citation) == node[SOURCE]
    claim_quote = graph.value(node["nato-has-32-members"], schema.appearance)
    assert graph.value(claim_quote, schema.text) == Literal("NATO, which comprises 32 member countries")


# --- The command ---------------------------------------------------------------------------------------


def test_export_writes_a_file_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "kb.jsonld"
    result = subprocess.run(
        [sys.executable, "-m", "newskb", "export", "--format", "jsonld", "--output", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ},
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "", f"newskb: wrote {target}\n")
    assert json.loads(target.read_text(encoding="utf-8"))["@context"] == {
        "@vocab": "http://schema.org/",
        "newskb": "urn:newskb:vocab:",
    }
    assert oct(target.stat().st_mode & 0o777) == "0o644"
    assert sorted(path.name for path in folder.iterdir()) == ["kb.jsonld"]


def test_the_sqlite_module_derives_its_tables_from_the_declarations() -> None:
    names = [table.name for table in sqlite_export.tables()]
    expected = [record_class.TABLE for record_class in model.INDEXED_CLASSES]
    links = [
        f"{record_class.TABLE}_{key.item}"
        for record_class in model.INDEXED_CLASSES
        for key in keys_of(record_class)
        if key.type.is_list
    ]
    assert names == expected + links
