"""Many questions in one process: `who -`, `show -`, `search -`, `cite -` read one query per line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newskb.answers import batch
from newskb.common.errors import NotFoundError


def run(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newskb", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=os.environ,
        timeout=120,
    )


def test_each_line_is_asked_in_order_and_a_miss_does_not_stop_the_run() -> None:
    def ask(text: str) -> batch.Reply:
        if text == "boom":
            raise NotFoundError("no office matches 'boom'")
        return batch.Reply(rows=[text.upper()]) if text != "empty" else batch.Reply(rows=[], missed="nothing found")

    answered = list(batch.each_line(["a\n", "\n", "boom\n", "empty\r\n", "b"], ask))
    assert [(item.number, item.query, item.reply.rows, item.reply.missed) for item in answered] == [
        (1, "a", ["A"], None),
        (3, "boom", [], "no office matches 'boom'"),
        (4, "empty", [], "nothing found"),
        (5, "b", ["B"], None),
    ]


def test_a_line_asked_again_is_answered_from_memory_in_its_place() -> None:
    asked: list[str] = []

    def ask(text: str) -> batch.Reply:
        asked.append(text)
        if text == "boom":
            raise NotFoundError("no office matches 'boom'")
        return batch.Reply(rows=[text.upper()], note=f"note for {text}")

    answered = list(batch.each_line(["a", "boom", "b", "a", "boom", "a "], ask))
    assert asked == ["a", "boom", "b", "a "]
    assert [(item.number, item.reply.rows, item.reply.missed, item.reply.note) for item in answered] == [
        (1, ["A"], None, "note for a"),
        (2, [], "no office matches 'boom'", None),
        (3, ["B"], None, "note for b"),
        (4, ["A"], None, "note for a"),
        (5, [], "no office matches 'boom'", None),
        (6, ["A "], None, "note for a "),
    ]


def test_who_answers_every_line_with_its_query_first(kb: Path) -> None:
    lines = "NATO chief\nsecretary genral of nato\nDutch PM\nzzz\n"
    result = run("who", "-", "--as-of", "2024-10-01", stdin=lines)
    assert result.returncode == 1
    assert [line.split("\t")[:5] for line in result.stdout.splitlines()] == [
        ["NATO chief", "Mark Rutte", "2024-10-01", "..", "holds (announced)"],
        ["secretary genral of nato", "Mark Rutte", "2024-10-01", "..", "holds (announced)"],
    ]
    assert result.stderr.splitlines() == [
        f"newskb: 'secretary genral of nato': matched office: NATO Secretary General (nato-secretary-general) in {kb}",
        "newskb: line 3: cannot tell: the sources know of no holder of Prime Minister of the Netherlands after "
        "Mark Rutte, whose term ended on or before 2024-09-30",
        "newskb: line 4: no office named 'zzz' in the fact base",
    ]
    # A line answered only as last known is answered, with how old the answer is.
    late = run("who", "-", "--as-of", "2030-01-01", stdin="NATO chief\n")
    assert (late.returncode, late.stdout.split("\t")[:5]) == (
        0,
        ["NATO chief", "Mark Rutte", "2024-10-01", "..", "last known (announced)"],
    )
    assert late.stderr == (
        "newskb: 'NATO chief': last known as of 2024-09-30, 5 years before 2030-01-01: no source since says whether "
        "it still holds\n"
    )


def test_a_repeated_line_gets_its_rows_and_its_notes_again(kb: Path) -> None:
    typed = "secretary genral of nato"
    result = run("who", "-", "--as-of", "2024-10-01", stdin=f"{typed}\nzzz\n{typed}\nzzz\n")
    assert result.returncode == 1
    assert [line.split("\t")[:2] for line in result.stdout.splitlines()] == [
        [typed, "Mark Rutte"],
        [typed, "Mark Rutte"],
    ]
    note = f"newskb: '{typed}': matched office: NATO Secretary General (nato-secretary-general) in {kb}"
    assert result.stderr.splitlines() == [
        note,
        "newskb: line 2: no office named 'zzz' in the fact base",
        note,
        "newskb: line 4: no office named 'zzz' in the fact base",
    ]


def test_every_line_answered_is_exit_0_and_jsonl_adds_the_query_key() -> None:
    result = run("who", "-", "--as-of", "2024-10-01", "--format", "jsonl", stdin="NATO chief\nNATO head\n")
    assert (result.returncode, result.stderr) == (0, "")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(row["query"], row["holder_id"], row["status"]) for row in rows] == [
        ("NATO chief", "mark-rutte", "holds"),
        ("NATO head", "mark-rutte", "holds"),
    ]
    assert list(rows[0])[:2] == ["query", "office"]


def test_show_search_and_cite_take_lines_too() -> None:
    shown = run("show", "-", "--format", "jsonl", stdin="Peter Bator\nLungescu\n")
    assert shown.returncode == 0
    assert [(row["query"], row["id"]) for row in map(json.loads, shown.stdout.splitlines())] == [
        ("Peter Bator", "peter-bator"),
        ("Lungescu", "oana-lungescu"),
    ]
    plain = run("show", "-", stdin="Peter Bator\n")
    assert plain.stdout.splitlines()[0] == "Peter Bator\tname\t\t\tPeter Bator\t"
    found = run("search", "-", "--format", "csv", stdin="stoltenbreg\nzzqxv\n")
    assert found.returncode == 1
    assert found.stdout.splitlines()[:2] == [
        "query,kind,id,label,score,source,modality,said_by,via,as_of,when,quote",
        "stoltenbreg,person,jens-stoltenberg,Jens Stoltenberg,92,rbc-ukraine-2024-09-30-rutte,,,,,2024-09-30,"
        '"Mark Rutte will officially take office as NATO Secretary General, replacing Jens Stoltenberg, who led the '
        'alliance for the past ten years"',
    ]
    assert found.stderr == "newskb: line 2: nothing matches 'zzqxv'\n"
    cited = run("cite", "-", stdin="nato-has-32-members\n")
    assert cited.stdout.startswith(
        "nato-has-32-members\tnato-has-32-members\trbc-ukraine-2024-09-30-rutte\t2024-09-30\t"
    )


def test_a_line_that_cannot_be_asked_is_a_miss_and_the_answers_found_are_printed() -> None:
    # "--" has no word to search for: that line is named on stderr, and Rutte's hits still print.
    result = run("search", "-", "--kind", "person", "--limit", "1", stdin="Rutte\n--\n")
    assert result.returncode == 1
    assert result.stdout == "Rutte\t100\tperson\tmark-rutte\tMark Rutte\t2024-09-30\trbc-ukraine-2024-09-30-rutte\n"
    assert result.stderr == "newskb: line 2: search needs a word to look for, not '--'\n"
