"""Curation: scaffold an article, add facts, coverage, expectations, several sources, safe writes.

The two fixture articles (tests/fixtures/) are invented: a lighthouse guild's chair changes hands,
and the two articles disagree on when the outgoing chair began.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newskb.base import lock
from newskb.base.containment import MAX_ARTICLE
from newskb.cli import app
from newskb.common.errors import BadArgumentError, DataFileError, RecordError
from newskb.common.kinds import Kind
from newskb.curation import add
from tests.conftest import REPO, TINY_ENTITIES, TinyBase

FIXTURES = REPO / "tests" / "fixtures"
EXAMPLES = REPO / "newskb" / "examples"  # the walkthrough's article, shipped in the package
FIRST = "harbour-gazette-2024-06-12"
SECOND = "harbour-gazette-2025-03-04"
REFUSED = "newskb: error: refused, nothing written: kb/data/sources/"
runner = CliRunner()


def newskb(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def ok(*args: str, said: str) -> None:
    """Run a curation command that must succeed and say exactly `said` on stderr; on stdout it prints nothing,
    but `add`, the new record's id (named in what it says)."""
    added = re.search(r"^newskb: added \S+ '([^']+)'", said, re.MULTILINE)
    assert newskb(*args) == (0, f"{added[1]}\n" if added else "", said)


def added(kind: str, record_id: str, file: str) -> str:
    return f"newskb: added {kind} '{record_id}' to kb/data/{file}\n"


def created(source_id: str) -> str:
    return (
        f"newskb: created kb/data/sources/{source_id}.toml; add its facts with 'newskb add ... --source {source_id}'\n"
    )


def snapshot(root: Path) -> dict[str, bytes]:
    """Every data and seed file below the fact base's folder, byte for byte (not the lock file beside them)."""
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != lock.LOCK_NAME
    }


def scaffold_guild() -> None:
    """The entities, the first article and its facts: what a curator does before the second arrives."""
    ok(
        "add",
        "organization",
        "--id",
        "harbour-gazette",
        "--name",
        "Harbour Gazette",
        said=added("organization", "harbour-gazette", "entities.toml"),
    )
    ok(
        "add",
        "organization",
        "--id",
        "northern-lighthouse-guild",
        "--name",
        "Northern Lighthouse Guild",
        "--alias",
        "the guild",
        said=added("organization", "northern-lighthouse-guild", "entities.toml"),
    )
    ok(
        "add",
        "person",
        "--id",
        "ilse-marwick",
        "--name",
        "Ilse Marwick",
        "--alias",
        "Marwick",
        said=added("person", "ilse-marwick", "entities.toml"),
    )
    ok(
        "add",
        "person",
        "--id",
        "tomas-rehn",
        "--name",
        "Tomas Rehn",
        "--alias",
        "Rehn",
        said=added("person", "tomas-rehn", "entities.toml"),
    )
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
        said=added("office", "guild-chair", "entities.toml"),
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
        said=created(FIRST),
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
        said=added("term", "ilse-marwick-guild-chair", f"sources/{FIRST}.toml"),
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
        said=added("event", "ilse-marwick-is-re-elected-as-chair", f"sources/{FIRST}.toml"),
    )


CONFLICT = (
    f"newskb: kb/data/sources/{SECOND}.toml:12: term.start: warning: conflict: source '{SECOND}' says 2018, "
    f"but 'ilse-marwick-guild-chair' from source '{FIRST}' says 2019\n"
)


def add_second_article() -> None:
    """The second article and five facts from it, all from the command line."""
    ok(
        "new-source",
        str(EXAMPLES / "guild-2025-03-04.txt"),
        "--id",
        SECOND,
        "--title",
        "Northern Lighthouse Guild hands its chair to Tomas Rehn",
        "--publisher",
        "harbour-gazette",
        "--published",
        "2025-03-04",
        said=created(SECOND),
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
        said=CONFLICT + added("term", "ilse-marwick-guild-chair-2", f"sources/{SECOND}.toml"),
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
        said=added("term", "tomas-rehn-guild-chair", f"sources/{SECOND}.toml"),
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
        said=added("event", "guild-chair-handover", f"sources/{SECOND}.toml"),
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
        said=added("claim", "the-guild-maintains-43-lighthouses", f"sources/{SECOND}.toml"),
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
        said=added("claim", "rehn-once-kept-the-skarholm-light", f"sources/{SECOND}.toml"),
    )


def who_json(*args: str) -> list[dict[str, object]]:
    """The rows `who` answers, when it finds a holder (exit 0) or one last known (exit 5)."""
    code, stdout, _ = newskb("who", "guild chair", "--format", "json", *args)
    return json.loads(stdout) if code in (0, 5) else []


def test_a_new_article_end_to_end(kb: Path) -> None:
    scaffold_guild()
    add_second_article()
    # The article is copied byte for byte, and its [source] table points at it.
    assert (kb.parent / "seeds" / "guild-2025-03-04.txt").read_bytes() == (
        EXAMPLES / "guild-2025-03-04.txt"
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
    # Known only from the first article (2024-06-12), Marwick holds on its day, and is only last known later.
    before = who_json("--as-of", "2024-06-12", "--known-as-of", "2024-12-31")
    assert [(row["holder_id"], row["status"], row["attested"]) for row in before] == [
        ("ilse-marwick", "holds", "2024-06-12")
    ]
    stale = who_json("--as-of", "2025-03-10", "--known-as-of", "2024-12-31")
    assert [(row["holder_id"], row["status"]) for row in stale] == [("ilse-marwick", "last known")]
    after = who_json("--as-of", "2025-03-04", "--known-as-of", "2025-03-04")
    assert [(row["holder_id"], row["status"]) for row in after] == [("tomas-rehn", "holds")]
    history = who_json("--as-of", "2025-03-04", "--history")
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
        f"{FIRST}\t1\tno\t\tMarwick re-elected to chair the Northern Lighthouse Guild\n"
        f"{FIRST}\t3\tno\t\tThe guild maintains 41 lighthouses along the northern coast.\n"
        f"{FIRST}\t4\tno\t\tMarwick said she would spend the new term training keepers.\n"
    )
    assert stderr == f"newskb: {FIRST}: 1 of 4 sentences covered (25%)\n"
    code, stdout, _ = newskb("coverage", SECOND, "--uncovered")
    assert stdout.splitlines() == [f"{SECOND}\t1\tno\t\tNorthern Lighthouse Guild hands its chair to Tomas Rehn"]


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
        "to hold 'guild-chair' on 2025-03-10, but the answer is 'tomas-rehn' (last known)\n"
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
            "newskb: error: refused, nothing written: kb/data/entities.toml:177: person.id: duplicate id 'mark-rutte' "
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
            REFUSED + "rbc-ukraine-2024-09-30-rutte.toml:263: term.office: unknown office 'nato-chef'\n",
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
            REFUSED + "rbc-ukraine-2024-09-30-rutte.toml:264: term.holder: "
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
            REFUSED + "rbc-ukraine-2024-09-30-rutte.toml:265: claim.quote: "
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
            REFUSED + "rbc-ukraine-2024-09-30-rutte.toml:263: event.date: "
            "'2024-02-30' is not a date: February 2024 has no day 30\n",
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
                "oana-lungesku",
                "--quote",
                "Oana Lungescu",
            ],
            1,
            REFUSED + "rbc-ukraine-2024-09-30-rutte.toml:263: term.office: unknown office 'nato-chef' (and 1 more)\n",
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
                "oana-lungesku",
                "--replaces",
                "jens-stoltenbrg",
                "--quote",
                "Oana Lungescu",
            ],
            1,
            REFUSED + "rbc-ukraine-2024-09-30-rutte.toml:263: term.office: unknown office 'nato-chef' (and 2 more)\n",
        ),
        (
            [
                "add",
                "claim",
                "--source",
                "rbc-ukraine-2024-09-30-rute",
                "--about",
                "nato",
                "--text",
                "x",
                "--quote",
                "N",
            ],
            1,
            "newskb: error: unknown source 'rbc-ukraine-2024-09-30-rute' "
            "(did you mean 'rbc-ukraine-2024-09-30-rutte'?)\n",
        ),
        (
            ["add", "claim", "--source", "no-such-source", "--about", "nato", "--text", "x", "--quote", "NATO"],
            1,
            "newskb: error: unknown source 'no-such-source'\n",
        ),
        (
            ["add", "claim", "--about", "nato", "--text", "x", "--quote", "NATO"],
            2,
            "newskb: error: a claim needs a source: the id of the article it comes from\n",
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
        '[[claim]]  # nato-decides-by-consensus-2\nid = "nato-decides-by-consensus-2"\nabout = ["nato"]\n'
        'text = "NATO decides by consensus."\n'
        'quote = "making decisions based on consensus"  # nato-decides-by-consensus-2\n'
    )
    assert stderr == (
        "newskb: valid; would append to kb/data/sources/rbc-ukraine-2024-09-30-rutte.toml (dry run: nothing written)\n"
    )
    assert snapshot(kb.parent) == before


def test_an_addition_keeps_the_file_as_it_was_and_appends(kb: Path) -> None:
    entities = kb / "entities.toml"
    before = entities.read_text(encoding="utf-8")
    ok(
        "add",
        "person",
        "--id",
        "ada-lovelace",
        "--name",
        "Ada Lovelace",
        said=added("person", "ada-lovelace", "entities.toml"),
    )
    after = entities.read_text(encoding="utf-8")
    assert (
        after == before + '\n[[person]]  # ada-lovelace\nid = "ada-lovelace"\nname = "Ada Lovelace"  # ada-lovelace\n'
    )


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


def bundled_refusal(root: Path) -> str:
    return "^" + re.escape(
        f"{root}: is the fact base bundled inside the installed package; "
        "to curate, pass --data PATH (or set NEWSKB_DATA) to a data folder of your own"
    )


def test_the_bundled_fact_base_is_not_written_to(tmp_path: Path) -> None:
    bundled = tmp_path / "site" / "newskb" / "_bundled" / "data"
    bundled.mkdir(parents=True)
    with pytest.raises(BadArgumentError, match=bundled_refusal(bundled) + "$"):
        add.add(bundled, Kind.PERSON, {"id": "x", "name": "X"})


def test_a_failed_write_leaves_the_original_and_no_temporary_file(kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(kb.parent)

    def crash(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match="No space left on device"):
        add.add(kb, Kind.PERSON, {"id": "ada-lovelace", "name": "Ada Lovelace"})
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
        add.add(tiny.data, Kind.PERSON, {"id": "ada-lovelace", "name": "Ada"})


def test_check_summary_separates_warnings_from_problems(kb: Path) -> None:
    scaffold_guild()
    add_second_article()
    code, _, stderr = newskb("check")
    assert (code, stderr) == (
        0,
        f"newskb: ok, with 1 warning: 26 entities, 3 sources, 35 facts, 42 quotes, 6 expectations checked in {kb}\n",
    )


def test_new_source_refused_by_check_leaves_no_article_in_seeds(kb: Path) -> None:
    before = snapshot(kb.parent)
    code, stdout, stderr = newskb(
        "new-source",
        str(FIXTURES / "guild-2024-06-12.txt"),
        "--id",
        FIRST,
        "--title",
        "Marwick re-elected\x1b[31m",
        "--publisher",
        "reuters",
        "--published",
        "2024-06-12",
    )
    assert (code, stdout, stderr) == (
        1,
        "",
        f"newskb: error: refused, nothing written: kb/data/sources/{FIRST}.toml:3: source.title: "
        "control or escape characters are not allowed: U+001B\n",
    )
    assert snapshot(kb.parent) == before


def test_new_source_writes_its_note(kb: Path) -> None:
    ok(
        "new-source",
        str(FIXTURES / "guild-2024-06-12.txt"),
        "--id",
        FIRST,
        "--title",
        "Marwick re-elected",
        "--publisher",
        "Reuters",
        "--published",
        "2024-06",
        "--note",
        "Published: only the month is printed.",
        said=created(FIRST),
    )
    assert (kb / "sources" / f"{FIRST}.toml").read_text(encoding="utf-8") == (
        f'[source]\nid = "{FIRST}"\ntitle = "Marwick re-elected"\npublisher = "reuters"\npublished = "2024-06"\n'
        'text = "../../seeds/guild-2024-06-12.txt"\nnote = "Published: only the month is printed."\n'
    )
    assert newskb("check")[0] == 0


def test_new_source_takes_every_other_key_of_a_source_as_an_option(kb: Path) -> None:
    # One option per key model.py declares for a source beyond new-source's own: written in declared order.
    article = str(FIXTURES / "guild-2024-06-12.txt")
    common = ["--title", "Marwick re-elected", "--publisher", "Reuters", "--published", "2024-06"]
    before = snapshot(kb.parent)
    assert newskb("new-source", article, "--id", FIRST, *common, "--inferred", "publisher.") == (
        1,
        "",
        f"newskb: error: refused, nothing written: kb/data/sources/{FIRST}.toml:7: source.inferred[0]: "
        "'publisher.' is not a key of the source that may be inferred (title, publisher, cites or published)\n",
    )
    assert snapshot(kb.parent) == before
    ok(
        "new-source",
        article,
        "--id",
        FIRST,
        *common,
        "--inferred",
        "published",
        "--cites",
        "reuters",
        "--note",
        "Published: only the month is printed.",
        said=created(FIRST),
    )
    assert (kb / "sources" / f"{FIRST}.toml").read_text(encoding="utf-8") == (
        f'[source]\nid = "{FIRST}"\ntitle = "Marwick re-elected"\npublisher = "reuters"\ncites = ["reuters"]\n'
        'published = "2024-06"\ntext = "../../seeds/guild-2024-06-12.txt"\n'
        'note = "Published: only the month is printed."\ninferred = ["published"]\n'
    )
    assert newskb("check")[0] == 0


def test_new_source_does_not_write_to_the_bundled_fact_base(tmp_path: Path) -> None:
    bundled = tmp_path / "site" / "newskb" / "_bundled" / "data"
    (bundled / "sources").mkdir(parents=True)
    with pytest.raises(BadArgumentError, match=bundled_refusal(bundled) + "$"):
        add.new_source(
            bundled,
            FIXTURES / "guild-2024-06-12.txt",
            source_id=FIRST,
            title="T",
            publisher="reuters",
            published="2024-06-12",
        )
    assert [path.relative_to(tmp_path).as_posix() for path in sorted((tmp_path / "site").rglob("*"))] == [
        "site/newskb",
        "site/newskb/_bundled",
        "site/newskb/_bundled/data",
        "site/newskb/_bundled/data/sources",
    ]


def test_problems_already_in_the_base_neither_block_nor_count_as_new(tiny: TinyBase) -> None:
    # A quote planted by hand that the article does not hold: an error check already reports.
    tiny.append(
        tiny.source,
        '[[claim]]\nid = "society-in-paris"\nabout = ["analytical-society"]\ntext = "x"\nquote = "meets in Paris"\n',
    )
    change = add.add(tiny.data, Kind.PERSON, {"id": "augustus-de-morgan", "name": "Augustus De Morgan"})
    assert (change.record_id, change.warnings) == ("augustus-de-morgan", ())
    assert tiny.entities.read_text(encoding="utf-8").endswith(
        '\n\n[[person]]  # augustus-de-morgan\nid = "augustus-de-morgan"\n'
        'name = "Augustus De Morgan"  # augustus-de-morgan\n'
    )


def test_add_keeps_a_key_the_kind_does_not_have_so_that_check_refuses_it(kb: Path) -> None:
    before = snapshot(kb.parent)
    with pytest.raises(
        RecordError,
        match=r"^refused, nothing written: kb/data/entities\.toml:179: person\.hodler: unknown key 'hodler'$",
    ):
        add.add(kb, Kind.PERSON, {"id": "ada-lovelace", "name": "Ada Lovelace", "hodler": "x"})
    assert snapshot(kb.parent) == before


def test_add_leaves_out_empty_values(kb: Path) -> None:
    values: dict[str, object] = {"id": "ada-lovelace", "name": "Ada Lovelace", "aliases": [], "summary": ""}
    change = add.add(kb, Kind.PERSON, {**values, "source": None, "quote": ()}, dry_run=True)
    assert change.toml == '[[person]]  # ada-lovelace\nid = "ada-lovelace"\nname = "Ada Lovelace"  # ada-lovelace\n'


def test_the_first_expectation_creates_its_file(tiny: TinyBase) -> None:
    expectations = tiny.data / "expectations.toml"
    assert not expectations.exists()
    values: dict[str, object] = {
        "id": "lovelace-chairs",
        "office": "society-chair",
        "date": "1841-06-01",
        "holder": "ada-lovelace",
    }
    change = add.add(tiny.data, Kind.EXPECT, values)
    assert (change.path, change.record_id) == (expectations, "lovelace-chairs")
    assert expectations.read_text(encoding="utf-8") == (
        '[[expect]]  # lovelace-chairs\nid = "lovelace-chairs"\noffice = "society-chair"\ndate = "1841-06-01"\n'
        'holder = "ada-lovelace"  # lovelace-chairs\n'
    )


def test_an_addition_to_a_file_without_a_final_newline_starts_on_a_line_of_its_own(tiny: TinyBase) -> None:
    tiny.entities.write_text(TINY_ENTITIES.rstrip("\n"), encoding="utf-8")
    add.add(tiny.data, Kind.PERSON, {"id": "augustus-de-morgan", "name": "Augustus De Morgan"})
    assert tiny.entities.read_text(encoding="utf-8") == (
        TINY_ENTITIES + '\n[[person]]  # augustus-de-morgan\nid = "augustus-de-morgan"\n'
        'name = "Augustus De Morgan"  # augustus-de-morgan\n'
    )


def test_a_fact_id_is_made_of_its_first_eight_words_in_kebab_case(kb: Path) -> None:
    values = {"source": "rbc-ukraine-2024-09-30-rutte", "about": ["nato"], "quote": "NATO"}

    def made(text: str) -> str:
        return add.add(kb, Kind.CLAIM, {**values, "text": text}, dry_run=True).record_id

    assert made("One two three four five six seven eight nine ten.") == "one-two-three-four-five-six-seven-eight"
    # Words of other scripts have no kebab-case spelling: they are left out, not left as dangling hyphens.
    assert made("\u6771\u4eac hosts the talks \u6771\u4eac") == "hosts-the-talks"
    # A taken id gets the first free number.
    assert made("NATO decides by consensus.") == "nato-decides-by-consensus-2"
    add.add(kb, Kind.CLAIM, {**values, "text": "NATO decides by consensus."})
    assert made("NATO decides by consensus.") == "nato-decides-by-consensus-3"


def test_new_source_returns_what_it_wrote(kb: Path) -> None:
    change = add.new_source(
        kb,
        FIXTURES / "guild-2024-06-12.txt",
        source_id=FIRST,
        title="Marwick re-elected",
        publisher="reuters",
        published="2024-06-12",
    )
    snippet = (
        f'[source]\nid = "{FIRST}"\ntitle = "Marwick re-elected"\npublisher = "reuters"\npublished = "2024-06-12"\n'
        'text = "../../seeds/guild-2024-06-12.txt"\n'
    )
    assert change == add.Change(path=kb / "sources" / f"{FIRST}.toml", record_id=FIRST, toml=snippet, warnings=())
    assert change.path.read_text(encoding="utf-8") == snippet


@pytest.mark.parametrize(
    ("article", "source_id", "code", "message"),
    [
        (
            "guild-2024-06-12.txt",
            "Harbour_Gazette",
            2,
            "'Harbour_Gazette' is not a kebab-case id (like 'gazette-2024-09-30-headline')",
        ),
        ("guild-2024-06-12.txt", "mark-rutte", 1, "the id 'mark-rutte' is already used; nothing written"),
        ("missing.txt", FIRST, 2, "{article}: cannot read: No such file or directory"),
        ("latin-1.txt", FIRST, 2, "{article}: is not UTF-8 text"),
        ("fifo", FIRST, 2, "{article}: is not a regular file; nothing written"),
    ],
)
def test_new_source_refuses_a_bad_id_or_article(
    kb: Path, tmp_path: Path, article: str, source_id: str, code: int, message: str
) -> None:
    (tmp_path / "latin-1.txt").write_bytes("Caf\u00e9 society".encode("latin-1"))
    os.mkfifo(tmp_path / "fifo")
    path = FIXTURES / article if article.startswith("guild") else tmp_path / article
    before = snapshot(kb.parent)
    arguments = ["--title", "T", "--publisher", "reuters", "--published", "2024-06-12"]
    assert newskb("new-source", str(path), "--id", source_id, *arguments) == (
        code,
        "",
        "newskb: error: " + message.format(article=path) + "\n",
    )
    assert snapshot(kb.parent) == before


NOTES = "The society met in London.\n"
NOTES_SOURCE = (
    '[source]\nid = "notes-1844"\ntitle = "Notes"\npublisher = "london-notes"\npublished = "1844"\n'
    'text = "../../seeds/notes.txt"\n'
)
LONDON_NOTES = '[[organization]]  # london-notes\nid = "london-notes"\nname = "London Notes"  # london-notes\n'


def new_notes(data: Path, article: Path) -> add.Change:
    """new-source of the notes, whose publisher it adds as a new organization."""
    return add.new_source(
        data,
        article,
        source_id="notes-1844",
        title="Notes",
        publisher="london-notes",
        published="1844",
        publisher_name="London Notes",
    )


def test_new_source_adds_a_new_publisher_it_is_given_a_name_for_in_the_same_write(
    tiny: TinyBase, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    change = new_notes(tiny.data, tmp_path / "notes.txt")
    path = tiny.data / "sources" / "notes-1844.toml"
    assert change == add.Change(path=path, record_id="notes-1844", toml=NOTES_SOURCE)
    assert tiny.entities.read_text(encoding="utf-8") == TINY_ENTITIES + "\n" + LONDON_NOTES
    assert path.read_text(encoding="utf-8") == NOTES_SOURCE
    assert (tiny.root / "seeds" / "notes.txt").read_text(encoding="utf-8") == NOTES


def test_the_first_publisher_of_a_base_without_entities_creates_its_file(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    (tmp_path / "new" / "data").mkdir(parents=True)
    new_notes(tmp_path / "new" / "data", tmp_path / "notes.txt")
    assert (tmp_path / "new" / "data" / "entities.toml").read_text(encoding="utf-8") == LONDON_NOTES
    assert (tmp_path / "new" / "data" / "sources" / "notes-1844.toml").read_text(encoding="utf-8") == NOTES_SOURCE


@pytest.mark.parametrize(
    ("publisher", "code", "message"),
    [
        (
            ["--publisher", "Analytical Society", "--publisher-name", "Society"],
            1,
            "publisher 'Analytical Society' is already known as 'analytical-society'; drop --publisher-name",
        ),
        (
            ["--publisher", "London_Notes", "--publisher-name", "London Notes"],
            2,
            "'London_Notes' is not a kebab-case id for the new publisher (like 'harbour-gazette')",
        ),
        (
            ["--publisher", "london-notes"],
            1,
            "unknown organization 'london-notes'; give --publisher-name NAME to add it with the source, "
            "or add it first with 'newskb add organization --id ... --name ...'",
        ),
    ],
)
def test_new_source_refuses_a_publisher_it_cannot_add_or_name(
    tiny: TinyBase, tmp_path: Path, publisher: list[str], code: int, message: str
) -> None:
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    before = snapshot(tiny.root)
    arguments = ["--id", "notes-1844", "--title", "Notes", "--published", "1844", "--data", str(tiny.data)]
    assert newskb("new-source", str(tmp_path / "notes.txt"), *arguments, *publisher) == (
        code,
        "",
        f"newskb: error: {message}\n",
    )
    assert snapshot(tiny.root) == before


def test_new_source_again_after_one_killed_before_its_source_file_goes_on(tiny: TinyBase, tmp_path: Path) -> None:
    # What the killed run left: the very article in seeds/, named by no source.
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    (tiny.root / "seeds" / "notes.txt").write_text(NOTES, encoding="utf-8")
    assert new_notes(tiny.data, tmp_path / "notes.txt").toml == NOTES_SOURCE
    assert (tiny.root / "seeds" / "notes.txt").read_text(encoding="utf-8") == NOTES


def _other_article(seed: Path) -> None:
    seed.write_text("Another article.\n", encoding="utf-8")


def _link_to_the_same_article(seed: Path) -> None:
    (seed.parent.parent / "copy.txt").write_text(NOTES, encoding="utf-8")
    seed.symlink_to(seed.parent.parent / "copy.txt")


def _too_large_to_compare(seed: Path) -> None:
    with seed.open("wb") as stream:
        stream.truncate(MAX_ARTICLE + 1)


@pytest.mark.parametrize("plant", [_other_article, _link_to_the_same_article, _too_large_to_compare])
def test_an_article_in_seeds_that_no_killed_run_left_is_not_written_over(
    tiny: TinyBase, tmp_path: Path, plant: Callable[[Path], None]
) -> None:
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    plant(tiny.root / "seeds" / "notes.txt")
    before = snapshot(tiny.root)
    with pytest.raises(RecordError, match=r"^tiny/seeds/notes\.txt: already exists; nothing written$"):
        new_notes(tiny.data, tmp_path / "notes.txt")
    assert snapshot(tiny.root) == before


def test_an_addition_to_a_kind_written_as_one_array_joins_the_array(tiny: TinyBase) -> None:
    people = (
        'person = [\n  { id = "ada-lovelace", name = "Ada Lovelace" },\n'
        '  { id = "charles-babbage", name = "Charles Babbage" },\n]\n'
    )
    tiny.entities.write_text(people + TINY_ENTITIES[TINY_ENTITIES.index("\n[[organization]]") :], encoding="utf-8")
    change = add.add(tiny.data, Kind.PERSON, {"id": "augustus-de-morgan", "name": "Augustus De Morgan"})
    assert (change.record_id, change.warnings) == ("augustus-de-morgan", ())
    assert tiny.entities.read_text(encoding="utf-8").startswith(
        people.replace("]\n", '  { id = "augustus-de-morgan", name = "Augustus De Morgan" },\n]\n\n[[organization]]\n')
    )


def test_a_data_file_that_links_outside_the_fact_base_is_not_added_to(tiny: TinyBase, tmp_path: Path) -> None:
    (tmp_path / "elsewhere.toml").write_text(TINY_ENTITIES, encoding="utf-8")
    tiny.entities.unlink()
    tiny.entities.symlink_to(tmp_path / "elsewhere.toml")
    message = f"{tiny.entities}: is a link to a file outside the fact base; not written"
    with pytest.raises(DataFileError, match="^" + re.escape(message) + "$"):
        add.add(tiny.data, Kind.PERSON, {"id": "augustus-de-morgan", "name": "Augustus De Morgan"})
    assert (tmp_path / "elsewhere.toml").read_text(encoding="utf-8") == TINY_ENTITIES


def test_a_dry_run_of_an_edit_is_refused_as_the_edit_would_be(tiny: TinyBase) -> None:
    before = snapshot(tiny.root)
    assert newskb("set", "babbage-chair", "end=1820", "--dry-run", "--data", str(tiny.data)) == (
        1,
        "",
        "newskb: error: refused, nothing written: tiny/data/sources/gazette.toml:13: term.end: "
        "end '1820' is not after start '1831'\n",
    )
    assert snapshot(tiny.root) == before


def test_a_new_publisher_joins_the_organizations_where_they_are_written_as_one_array(
    tiny: TinyBase, tmp_path: Path
) -> None:
    society = '[[organization]]\nid = "analytical-society"\nname = "Analytical Society"\n\n'
    array = 'organization = [{ id = "analytical-society", name = "Analytical Society" }]\n\n'
    tiny.entities.write_text(array + TINY_ENTITIES.replace(society, ""), encoding="utf-8")
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    new_notes(tiny.data, tmp_path / "notes.txt")
    assert tiny.entities.read_text(encoding="utf-8") == (
        'organization = [{ id = "analytical-society", name = "Analytical Society" },\n'
        '  { id = "london-notes", name = "London Notes" }]\n\n' + TINY_ENTITIES.replace(society, "")
    )


def test_new_source_keeps_a_key_a_source_does_not_have_so_that_check_refuses_it(tiny: TinyBase, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    before = snapshot(tiny.root)
    with pytest.raises(
        RecordError,
        match=r"^refused, nothing written: tiny/data/sources/notes-1844\.toml:7: source\.colour: unknown key 'colour'$",
    ):
        add.new_source(
            tiny.data,
            tmp_path / "notes.txt",
            source_id="notes-1844",
            title="Notes",
            publisher="analytical-society",
            published="1844",
            more={"colour": "red"},
        )
    assert snapshot(tiny.root) == before


def test_new_source_leaves_out_an_empty_note(tiny: TinyBase, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text(NOTES, encoding="utf-8")
    arguments = ["--id", "notes-1844", "--title", "Notes", "--published", "1844", "--publisher", "analytical-society"]
    assert newskb("new-source", str(tmp_path / "notes.txt"), *arguments, "--note", "", "--data", str(tiny.data)) == (
        0,
        "",
        "newskb: created tiny/data/sources/notes-1844.toml; add its facts with 'newskb add ... --source notes-1844'\n",
    )
    assert (tiny.data / "sources" / "notes-1844.toml").read_text(encoding="utf-8") == NOTES_SOURCE.replace(
        "london-notes", "analytical-society"
    )


def test_new_source_refuses_a_publication_day_after_today(kb: Path) -> None:
    # A mistyped year would make every fact of the article seem known for years to come.
    before = snapshot(kb.parent)
    article = str(FIXTURES / "guild-2024-06-12.txt")
    arguments = ["--id", "future", "--publisher", "reuters", "--title", "T", "--published", "2099-01-01"]
    code, _, stderr = newskb("new-source", article, *arguments)
    today = date.today().isoformat()
    assert (code, stderr) == (2, f"newskb: error: --published 2099-01-01 is after today ({today}); nothing written\n")
    assert snapshot(kb.parent) == before


def test_check_warns_of_a_source_published_after_today(kb: Path) -> None:
    source = kb / "sources" / "rbc-ukraine-2024-09-30-rutte.toml"
    text = source.read_text(encoding="utf-8")
    assert text.count('published = "2024-09-30"') == 1
    source.write_text(text.replace('published = "2024-09-30"', 'published = "2099-09-30"'), encoding="utf-8")
    code, out, _ = newskb("check")
    warned = [line for line in out.splitlines() if "after today" in line]
    assert warned == [
        "kb/data/sources/rbc-ukraine-2024-09-30-rutte.toml:11: source.published: warning: published 2099-09-30 is "
        f"after today ({date.today().isoformat()}): a mistyped year?"
    ]
    assert code == 0
    assert newskb("check", "--strict")[0] == 1
