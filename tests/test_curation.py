"""Curation: scaffold an article, add facts, coverage, expectations, several sources, safe writes.

The two fixture articles (tests/fixtures/) are invented: a lighthouse guild's chair changes hands,
and the two articles disagree on when the outgoing chair began.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newskb import curation, lock
from newskb.cli import app
from newskb.errors import BadArgumentError, RecordError
from newskb.kinds import Kind
from tests.conftest import REPO, TinyBase

FIXTURES = REPO / "tests" / "fixtures"
FIRST = "harbour-gazette-2024-06-12"
SECOND = "harbour-gazette-2025-03-04"
REFUSED = "newskb: error: refused, nothing written: kb/data/sources/"
runner = CliRunner()


def newskb(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def ok(*args: str) -> str:
    code, _, stderr = newskb(*args)
    assert code == 0, stderr
    return stderr


def snapshot(root: Path) -> dict[str, bytes]:
    """Every data and seed file below the fact base's folder, byte for byte (not the lock file beside them)."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != lock.LOCK_NAME
    }


def scaffold_guild() -> None:
    """The entities, the first article and its facts: what a curator does before the second arrives."""
    ok("add", "organization", "--id", "harbour-gazette", "--name", "Harbour Gazette")
    ok(
        "add",
        "organization",
        "--id",
        "northern-lighthouse-guild",
        "--name",
        "Northern Lighthouse Guild",
        "--alias",
        "the guild",
    )
    ok("add", "person", "--id", "ilse-marwick", "--name", "Ilse Marwick", "--alias", "Marwick")
    ok("add", "person", "--id", "tomas-rehn", "--name", "Tomas Rehn", "--alias", "Rehn")
    ok(
        "add",
        "office",
        "--id",
        "guild-chair",
        "--name",
        "Chair of the Northern Lighthouse Guild",
        "--alias",
        "guild chair",
        "--org",
        "northern-lighthouse-guild",
    )
    ok(
        "new-source",
        str(FIXTURES / "guild-2024-06-12.txt"),
        "--id",
        FIRST,
        "--title",
        "Marwick re-elected to chair the Northern Lighthouse Guild",
        "--publisher",
        "Harbour Gazette",
        "--published",
        "2024-06-12",
    )
    ok(
        "add",
        "term",
        "--source",
        FIRST,
        "--office",
        "guild-chair",
        "--holder",
        "ilse-marwick",
        "--start",
        "2019",
        "--end",
        "..",
        "--quote",
        "Ilse Marwick, who has chaired the Northern Lighthouse Guild since 2019",
    )
    ok(
        "add",
        "event",
        "--source",
        FIRST,
        "--date",
        "2024-06-11",
        "--title",
        "Ilse Marwick is re-elected as chair",
        "--involves",
        "ilse-marwick",
        "--involves",
        "guild-chair",
        "--quote",
        "was re-elected on Tuesday, June 11, for another three-year term",
        "--note",
        "Year from the publication date, 2024-06-12; June 11, 2024 was a Tuesday.",
    )


def add_second_article() -> None:
    """The second article and five facts from it, all from the command line."""
    ok(
        "new-source",
        str(FIXTURES / "guild-2025-03-04.txt"),
        "--id",
        SECOND,
        "--title",
        "Northern Lighthouse Guild hands its chair to Tomas Rehn",
        "--publisher",
        "harbour-gazette",
        "--published",
        "2025-03-04",
    )
    # Her end first: until a source closes her open term, Rehn's start would overlap it.
    ok(
        "add",
        "term",
        "--source",
        SECOND,
        "--id",
        "ilse-marwick-guild-chair-2",
        "--office",
        "guild-chair",
        "--holder",
        "ilse-marwick",
        "--start",
        "2018",
        "--end",
        "2025-03-03",
        "--quote",
        "replacing Ilse Marwick, who had led the guild since 2018",
    )
    ok(
        "add",
        "term",
        "--source",
        SECOND,
        "--id",
        "tomas-rehn-guild-chair",
        "--office",
        "guild-chair",
        "--holder",
        "tomas-rehn",
        "--start",
        "2025-03-03",
        "--end",
        "..",
        "--replaces",
        "ilse-marwick",
        "--quote",
        "On Monday, March 3, Tomas Rehn took over as chair of the Northern Lighthouse Guild, replacing Ilse Marwick",
    )
    ok(
        "add",
        "event",
        "--source",
        SECOND,
        "--id",
        "guild-chair-handover",
        "--date",
        "2025-03-03",
        "--title",
        "Tomas Rehn takes over the guild's chair from Ilse Marwick",
        "--involves",
        "tomas-rehn",
        "--involves",
        "ilse-marwick",
        "--quote",
        "On Monday, March 3, Tomas Rehn took over as chair",
    )
    ok(
        "add",
        "claim",
        "--source",
        SECOND,
        "--about",
        "northern-lighthouse-guild",
        "--text",
        "The guild maintains 43 lighthouses.",
        "--quote",
        "The guild now maintains 43 lighthouses.",
    )
    ok(
        "add",
        "claim",
        "--source",
        SECOND,
        "--about",
        "tomas-rehn",
        "--text",
        "Rehn once kept the Skarholm light.",
        "--quote",
        "Rehn, a former keeper of the Skarholm light",
    )


def who_json(*args: str) -> list[dict[str, object]]:
    code, stdout, _ = newskb("who", "guild chair", "--format", "json", *args)
    return json.loads(stdout) if code == 0 else []


def test_a_new_article_end_to_end(kb: Path) -> None:
    scaffold_guild()
    add_second_article()
    # The article is copied byte for byte, and its [source] table points at it.
    assert (kb.parent / "seeds" / "guild-2025-03-04.txt").read_bytes() == (
        FIXTURES / "guild-2025-03-04.txt"
    ).read_bytes()
    source_toml = (kb / "sources" / f"{SECOND}.toml").read_text(encoding="utf-8")
    assert 'text = "../../seeds/guild-2025-03-04.txt"' in source_toml
    assert 'publisher = "harbour-gazette"' in source_toml

    # check passes; the two sources' disagreement on Marwick's start is a warning, not a failure.
    code, stdout, _ = newskb("check")
    assert code == 0
    assert stdout == (
        f"kb/data/sources/{SECOND}.toml:12: term.start: warning: conflict: source '{SECOND}' says 2018, "
        f"but 'ilse-marwick-guild-chair' from source '{FIRST}' says 2019\n"
    )
    assert newskb("check", "--strict")[0] == 1

    # What did we know then? Before the second article: Marwick; after it: Rehn.
    before = who_json("--as-of", "2025-03-10", "--known-as-of", "2024-12-31")
    assert [(row["holder_id"], row["status"], row["attested"]) for row in before] == [
        ("ilse-marwick", "holds", "2024-06-12")
    ]
    after = who_json("--as-of", "2025-03-10", "--known-as-of", "2025-03-04")
    assert [(row["holder_id"], row["status"]) for row in after] == [("tomas-rehn", "holds")]
    history = who_json("--as-of", "2025-03-10", "--history")
    assert [(row["id"], row["status"], row["source"], row["conflicts"], row["closed_by"]) for row in history] == [
        ("ilse-marwick-guild-chair-2", "held", SECOND, ["ilse-marwick-guild-chair"], None),
        ("ilse-marwick-guild-chair", "held", FIRST, ["ilse-marwick-guild-chair-2"], "ilse-marwick-guild-chair-2"),
        ("tomas-rehn-guild-chair", "holds", SECOND, [], None),
    ]

    # The timeline shows both sources' starts, each with its source.
    code, stdout, _ = newskb("timeline", "--entity", "Ilse Marwick", "--format", "json")
    starts = [(row["date"], row["source"]) for row in json.loads(stdout) if row["kind"] == "term start"]
    assert starts == [("2018", SECOND), ("2019", FIRST)]

    # Coverage: the sentences no fact quotes yet are the curator's to-do list.
    code, stdout, stderr = newskb("coverage", FIRST, "--uncovered")
    assert code == 0
    assert stdout == (
        f"{FIRST}\t1\tFalse\t\tMarwick re-elected to chair the Northern Lighthouse Guild\n"
        f"{FIRST}\t3\tFalse\t\tThe guild maintains 41 lighthouses along the northern coast.\n"
        f"{FIRST}\t4\tFalse\t\tMarwick said she would spend the new term training keepers.\n"
    )
    assert stderr == f"newskb: {FIRST}: 1 of 4 sentences covered (25%)\n"
    code, stdout, _ = newskb("coverage", SECOND, "--uncovered")
    assert stdout.splitlines() == [f"{SECOND}\t1\tFalse\t\tNorthern Lighthouse Guild hands its chair to Tomas Rehn"]


def test_an_expectation_that_contradicts_the_data_fails_check(kb: Path) -> None:
    scaffold_guild()
    add_second_article()
    # add refuses it, as it refuses anything check would fail ...
    code, _, stderr = newskb(
        "add",
        "expect",
        "--id",
        "marwick-still-chairs",
        "--office",
        "guild-chair",
        "--date",
        "2025-03-10",
        "--holder",
        "ilse-marwick",
    )
    assert code == 1
    assert stderr == (
        "newskb: error: refused, nothing written: kb/data/expectations.toml:43: expect.holder: expected 'ilse-marwick' "
        "to hold 'guild-chair' on 2025-03-10, but the answer is 'tomas-rehn' (holds)\n"
    )
    # ... and written by hand, check reports it and exits 1.
    with (kb / "expectations.toml").open("a", encoding="utf-8") as stream:
        stream.write(
            '\n[[expect]]\nid = "marwick-still-chairs"\noffice = "guild-chair"\ndate = "2025-03-10"\n'
            'holder = "ilse-marwick"\n'
        )
    code, stdout, _ = newskb("check")
    assert code == 1
    assert "expect.holder: expected 'ilse-marwick' to hold 'guild-chair' on 2025-03-10" in stdout


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (
            ["add", "person", "--id", "mark-rutte", "--name", "Mark Rutte"],
            1,
            "newskb: error: refused, nothing written: kb/data/entities.toml:168: person.id: duplicate id 'mark-rutte' "
            "(first defined at kb/data/entities.toml:8)\n",
        ),
        (
            [
                "add",
                "term",
                "--source",
                "rbc-ukraine-2024-09-30-rutte",
                "--office",
                "nato-chef",
                "--holder",
                "mark-rutte",
                "--quote",
                "Mark Rutte",
            ],
            1,
            REFUSED + "rbc-ukraine-2024-09-30-rutte.toml:264: term.office: unknown office 'nato-chef'\n",
        ),
        (
            [
                "add",
                "term",
                "--source",
                "rbc-ukraine-2024-09-30-rutte",
                "--office",
                "nato-spokesperson",
                "--holder",
                "oana-lungesku",
                "--quote",
                "Oana Lungescu",
            ],
            1,
            REFUSED + "rbc-ukraine-2024-09-30-rutte.toml:265: term.holder: "
            "unknown person, organization or country 'oana-lungesku' (did you mean 'oana-lungescu'?)\n",
        ),
        (
            [
                "add",
                "claim",
                "--source",
                "rbc-ukraine-2024-09-30-rutte",
                "--about",
                "nato",
                "--text",
                "x",
                "--quote",
                "NATO has 33 members",
            ],
            1,
            REFUSED + "rbc-ukraine-2024-09-30-rutte.toml:268: claim.quote: "
            "quote not found in the text of source 'rbc-ukraine-2024-09-30-rutte'; it matches as far as 'NATO '\n",
        ),
        (
            [
                "add",
                "event",
                "--source",
                "rbc-ukraine-2024-09-30-rutte",
                "--title",
                "x",
                "--date",
                "2024-02-30",
                "--quote",
                "Rutte",
            ],
            1,
            REFUSED + "rbc-ukraine-2024-09-30-rutte.toml:264: event.date: "
            "'2024-02-30' is not a date: February 2024 has no day 30\n",
        ),
        (
            ["add", "claim", "--source", "no-such-source", "--about", "nato", "--text", "x", "--quote", "NATO"],
            1,
            "newskb: error: unknown source 'no-such-source'\n",
        ),
        (
            ["add", "claim", "--about", "nato", "--text", "x", "--quote", "NATO"],
            2,
            "newskb: error: a claim needs --source: the id of the article it comes from\n",
        ),
        (
            ["add", "person", "--id", "x", "--name", "X", "--holder", "y"],
            2,
            "newskb: error: --holder does not apply to a person record\n",
        ),
    ],
)
def test_bad_input_is_refused_and_changes_no_byte(kb: Path, arguments: list[str], code: int, message: str) -> None:
    before = snapshot(kb.parent)
    assert newskb(*arguments)[0::2] == (code, message)
    assert snapshot(kb.parent) == before


def test_dry_run_prints_the_toml_and_writes_nothing(kb: Path) -> None:
    before = snapshot(kb.parent)
    code, stdout, stderr = newskb(
        "add",
        "claim",
        "--source",
        "rbc-ukraine-2024-09-30-rutte",
        "--about",
        "nato",
        "--text",
        "NATO decides by consensus.",
        "--quote",
        "making decisions based on consensus",
        "--dry-run",
    )
    assert code == 0
    assert stdout == (
        '[[claim]]\nid = "nato-decides-by-consensus-2"\nabout = [\n    "nato",\n]\n'
        'text = "NATO decides by consensus."\nquote = "making decisions based on consensus"\n'
    )
    assert stderr == (
        "newskb: valid; would append to kb/data/sources/rbc-ukraine-2024-09-30-rutte.toml (dry run: nothing written)\n"
    )
    assert snapshot(kb.parent) == before


def test_an_addition_keeps_the_file_as_it_was_and_appends(kb: Path) -> None:
    entities = kb / "entities.toml"
    before = entities.read_text(encoding="utf-8")
    ok("add", "person", "--id", "ada-lovelace", "--name", "Ada Lovelace")
    after = entities.read_text(encoding="utf-8")
    assert after == before + '\n[[person]]\nid = "ada-lovelace"\nname = "Ada Lovelace"\n'


def test_new_source_refuses_an_existing_id_or_file_and_an_unknown_publisher(kb: Path) -> None:
    before = snapshot(kb.parent)
    article = str(FIXTURES / "guild-2024-06-12.txt")
    common = ["--title", "T", "--published", "2024-06-12"]
    code, _, stderr = newskb(
        "new-source", article, "--id", "rbc-ukraine-2024-09-30-rutte", "--publisher", "reuters", *common
    )
    assert (code, stderr) == (
        1,
        "newskb: error: kb/data/sources/rbc-ukraine-2024-09-30-rutte.toml: already exists; nothing written\n",
    )
    code, _, stderr = newskb("new-source", article, "--id", "new-one", "--publisher", "Reuter", *common)
    assert code == 1
    assert stderr.startswith("newskb: error: unknown organization 'Reuter' (did you mean 'reuters'?)")
    code, _, stderr = newskb(
        "new-source",
        str(REPO / "seeds" / "000_2f614e97bf582ec3.txt"),
        "--id",
        "again",
        "--publisher",
        "reuters",
        *common,
    )
    assert (code, stderr) == (1, "newskb: error: kb/seeds/000_2f614e97bf582ec3.txt: already exists; nothing written\n")
    assert snapshot(kb.parent) == before


def test_the_bundled_fact_base_is_not_written_to(tmp_path: Path) -> None:
    bundled = tmp_path / "site" / "newskb" / "_bundled" / "data"
    bundled.mkdir(parents=True)
    with pytest.raises(BadArgumentError, match="bundled inside the installed package"):
        curation.add(bundled, Kind.PERSON, {"id": "x", "name": "X"})


def test_a_failed_write_leaves_the_original_and_no_temporary_file(kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(kb.parent)

    def crash(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="No space left on device"):
        curation.add(kb, Kind.PERSON, {"id": "ada-lovelace", "name": "Ada Lovelace"})
    assert snapshot(kb.parent) == before
    assert [path.name for path in kb.rglob("*.tmp")] == []


def test_concurrent_additions_all_land(kb: Path) -> None:
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "newskb", "add", "person", "--id", f"person-{number}", "--name", f"Person {number}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "NEWSKB_DATA": str(kb)},
        )
        for number in range(6)
    ]
    results = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * 6, results
    text = (kb / "entities.toml").read_text(encoding="utf-8")
    assert sorted(line for line in text.splitlines() if line.startswith('id = "person-')) == [
        f'id = "person-{number}"' for number in range(6)
    ]
    assert newskb("check")[0] == 0


def test_refused_in_a_locked_write_raises_record_error(tiny: TinyBase) -> None:
    with pytest.raises(RecordError, match="duplicate id 'ada-lovelace'"):
        curation.add(tiny.data, Kind.PERSON, {"id": "ada-lovelace", "name": "Ada"})


def test_check_summary_separates_warnings_from_problems(kb: Path) -> None:
    scaffold_guild()
    add_second_article()
    code, _, stderr = newskb("check")
    assert (code, stderr) == (
        0,
        "newskb: ok, with 1 warning: 26 entities, 3 sources, 37 facts, 44 quotes, 6 expectations checked\n",
    )
