"""Every `$ newskb ...` example in the README runs and prints what the README shows."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.test_chart import svg_text


def examples() -> list[tuple[str, list[str]]]:
    """(command, lines it prints) for each `$ ` line in a console block; a blank line ends the output."""
    found: list[tuple[str, list[str]]] = []
    in_console = collecting = False
    for line in (REPO / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            in_console, collecting = line == "```console", False
        elif in_console and line.startswith("$ "):
            found.append((line[2:], []))
            collecting = True
        elif collecting and line:
            found[-1][1].append(line)
        else:
            collecting = False
    return found


EXAMPLES = [(command, output) for command, output in examples() if "|" not in command]
# An example that ends otherwise than with exit 0 says so: `$ newskb who ... --as-of 1900-01-01   # exits 3`.
_EXITS = re.compile(r"\s+# exits (\d+)$")


def test_the_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 8


def bundled() -> dict[str, str]:
    """The environment of a user of the bundled fact base (read, never written): no $NEWSKB_DATA, as the README's
    examples are run, from a folder in no fact base."""
    return {**{key: value for key, value in os.environ.items() if key != "NEWSKB_DATA"}, "COLUMNS": "100"}


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[command for command, _ in EXAMPLES])
def test_readme_example(command: str, expected: list[str], tmp_path: Path) -> None:
    exits = _EXITS.search(command)
    arguments = shlex.split(_EXITS.sub("", command))
    assert arguments[0] == "newskb"
    result = subprocess.run(
        [sys.executable, "-m", "newskb", *arguments[1:]],
        capture_output=True,
        text=True,
        timeout=60,
        env=bundled(),
        cwd=tmp_path,
    )
    shown_stderr = [line for line in expected if line.startswith("newskb: ")]
    shown_stdout = [line for line in expected if not line.startswith("newskb: ")]
    assert result.returncode == (int(exits[1]) if exits else 0), result.stderr
    assert result.stdout.splitlines() == shown_stdout
    assert result.stderr.splitlines() == shown_stderr


PIPED = [(command, output) for command, output in examples() if "| newskb " in command]


@pytest.mark.parametrize(("command", "expected"), PIPED, ids=[command for command, _ in PIPED])
def test_readme_piped_example(command: str, expected: list[str], tmp_path: Path) -> None:
    # Run by a shell, with the newskb of this Python first on PATH (the console script beside it).
    exits = _EXITS.search(command)
    scripts = str(Path(sys.executable).parent)
    env = {**bundled(), "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"}
    result = subprocess.run(
        ["bash", "-c", _EXITS.sub("", command)], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path
    )
    assert result.returncode == (int(exits[1]) if exits else 0), result.stderr
    assert result.stdout.splitlines() == [line for line in expected if not line.startswith("newskb: ")]
    assert result.stderr.splitlines() == [line for line in expected if line.startswith("newskb: ")]


def _readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def test_the_readme_chart_is_what_newskb_draws() -> None:
    """The chart the README shows as text, under a comment naming the command and width that draw it."""
    found = re.search(r"<!-- chart: COLUMNS=(\d+) (newskb chart .*) -->\n```text\n(.*?)```\n", _readme(), re.DOTALL)
    assert found is not None
    columns, command, shown = found.groups()
    result = subprocess.run(
        [sys.executable, "-m", "newskb", *shlex.split(command)[1:]],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": columns},
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == shown


REGENERATE_SVG = (
    'newskb chart "NATO Secretary General" --as-of 2025-10-01 --data data '
    "--output docs/chart-nato-secretary-general.svg --force"
)


def test_the_svg_beside_the_readme_is_what_its_command_draws(tmp_path: Path) -> None:
    """The README names the command that regenerates docs/...svg; what it draws now is what the file shows."""
    assert f"```sh\n{REGENERATE_SVG}\n```" in _readme()
    arguments = shlex.split(REGENERATE_SVG.replace("docs/", f"{tmp_path}/"))
    result = subprocess.run(
        [sys.executable, "-m", "newskb", *arguments[1:]], capture_output=True, text=True, timeout=60, cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    committed = REPO / "docs" / "chart-nato-secretary-general.svg"
    assert svg_text(tmp_path / committed.name) == svg_text(committed)


def command_table() -> list[tuple[str, str]]:
    """(command, usage) of each row of the README's table of commands."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    table = text.split("| command | answers |\n|---|---|\n", 1)[1].split("\n\n", 1)[0]
    rows = [re.match(r"\| `newskb ([a-z-]+)([^`]*)` \|", line) for line in table.splitlines()]
    assert all(rows), table
    return [(row[1], row[2]) for row in rows if row]


def test_the_command_table_is_every_command_in_help_order() -> None:
    from newskb.cli import COMMANDS

    assert [command for command, _ in command_table()] == list(COMMANDS)


@pytest.mark.parametrize(("command", "usage"), command_table())
def test_every_option_the_table_names_is_one_of_its_command(command: str, usage: str) -> None:
    from typer.testing import CliRunner

    from newskb.cli import app

    shown = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).stdout
    for option in re.findall(r"--[a-z-]+", usage):
        assert re.search(rf"(?<![\w-]){option}(?![\w-])", shown), f"{command}: {option}"


def json_keys_table() -> dict[str, set[str]]:
    """The README's JSON-keys table: each row's label (its first cell) and its first-level keys, which are the
    backticked names outside parentheses, before any `;` or `:` (after which a cell explains values)."""
    text = _readme().split("### JSON output", 1)[1]
    table = text.split("| command | keys |\n|---|---|\n", 1)[1].split("\n\n", 1)[0]
    rows: dict[str, set[str]] = {}
    for line in table.splitlines():
        label, keys = (cell.strip() for cell in line.strip().strip("|").split(" | ", 1))
        while re.search(r"\([^()]*\)", keys):
            keys = re.sub(r"\s*\([^()]*\)", "", keys)
        rows[label] = set(re.findall(r"`([a-z_]+)`", re.split(r"[;:]", keys, maxsplit=1)[0]))
    return rows


def _json(*args: str) -> Any:
    result = subprocess.run(
        [sys.executable, "-m", "newskb", *args, "--format", "json"], capture_output=True, text=True, env=bundled()
    )
    assert (result.returncode, result.stdout[:1]) in ((0, "["), (0, "{")), (args, result.stderr)
    return json.loads(result.stdout)


def _keys(rows: Any) -> set[str]:
    """The first-level keys of an object, or of every object in a list."""
    items = rows if isinstance(rows, list) else [rows]
    assert items and all(isinstance(item, dict) for item in items)
    return {key for item in items for key in item}


def test_the_json_keys_table_is_what_each_command_prints() -> None:
    table = json_keys_table()
    who, offices, chart = (
        _keys(_json(*args))
        for args in (
            ("who", "NATO chief", "--as-of", "2024-10-01"),
            ("offices", "--as-of", "2024-10-01"),
            ("chart", "NATO chief"),
        )
    )
    assert who == offices == chart
    lines = subprocess.run(
        [sys.executable, "-m", "newskb", "export", "--format", "jsonl"], capture_output=True, text=True, env=bundled()
    ).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    printed = {
        "`who`, `offices`, `chart` (one object per term)": who,
        "`search` (one object per hit)": _keys(_json("search", "Rutte", "--all")),
        "`timeline` (one object per item)": _keys(_json("timeline")),
        "`show` (one object)": _keys(_json("show", "NATO Secretary General")),
        "`sources`": _keys(_json("sources")),
        "`cite`": _keys(_json("cite", "nato-has-32-members")),
        "`coverage` (one object per sentence)": _keys(_json("coverage")),
        "`verify` (one object per statement)": _keys(_json("verify", "Mark Rutte became NATO Secretary General")),
        "`export --format json`": _keys(_json("export")),
        # Each line is a record of `export --format json`, with `record` first.
        "`export --format jsonl`": {key for record in records for key in list(record)[:1]},
        # Not JSON: files named after the groups of `export --format json` (test_export.py reads them).
        "`export --format csv`": set(),
    }
    assert table == printed
