"""Bounded work on endless or abandoned streams, through real shell pipelines.

`who -`, `show -`, `cite -` and `search -` answer each line as it is read and flush it, so a reader that
stops early (`| head -1`) ends them at once with 141, however much input is still coming; an export to a
pipe is written in flushed pieces, so `| head -1` ends it with 141 too (never 0, as if all was written).
These assert exit codes and that the run ends (a timeout is the hang guard, not a timing).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_hostile import generate

# (command, a line it answers)
BATCHES = [("who", "NATO chief"), ("show", "Rutte"), ("cite", "nato-has-32-members"), ("search", "NATO")]


def _pipeline(script: str, env: dict[str, str], cwd: Path) -> list[int]:
    """Run a bash pipeline ending in `echo ${PIPESTATUS[@]}`: the exit code of each of its commands."""
    bash = shutil.which("bash")
    assert bash is not None, "bash runs the pipelines"
    launcher = cwd / "newskb"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newskb "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    result = subprocess.run(
        [bash, "-c", f'{script}; echo "codes: ${{PIPESTATUS[@]}}" >&2'],
        capture_output=True,
        text=True,
        env={**env, "PATH": f"{cwd}{os.pathsep}{env['PATH']}"},
        cwd=cwd,
        timeout=120,  # without streaming, a million lines are all answered first: minutes
    )
    assert "Traceback" not in result.stderr
    codes = result.stderr.splitlines()[-1].removeprefix("codes: ").split()
    return [int(code) for code in codes]


@pytest.mark.parametrize(("command", "line"), BATCHES, ids=[command for command, _ in BATCHES])
def test_a_million_lines_stop_at_once_when_the_reader_goes(kb: Path, tmp_path: Path, command: str, line: str) -> None:
    env = {**os.environ, "NEWSKB_DATA": str(kb)}
    codes = _pipeline(f"yes '{line}' | head -1000000 | newskb {command} - | head -1 > first", env, tmp_path)
    assert codes[2:] == [141, 0]  # newskb ended as a program killed by SIGPIPE would; head printed a line
    assert (tmp_path / "first").read_text(encoding="utf-8").startswith(line)


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated base whose export is far larger than a pipe holds (64 KiB)."""
    return generate(tmp_path_factory.mktemp("thousand") / "kb", 1000)


@pytest.mark.parametrize("export_format", ["jsonl", "json"])
def test_an_export_to_a_reader_that_stops_early_ends_with_141(
    thousand: Path, tmp_path: Path, export_format: str
) -> None:
    env = {**os.environ, "NEWSKB_DATA": str(thousand)}
    codes = _pipeline(f"newskb export --format {export_format} | head -1 > first", env, tmp_path)
    assert codes == [141, 0]
    assert (tmp_path / "first").read_text(encoding="utf-8").startswith("{")


def test_a_batch_s_json_is_the_array_it_always_was(kb: Path) -> None:
    """Written item by item, the JSON of a batch is byte for byte the array written whole."""
    result = subprocess.run(
        [sys.executable, "-m", "newskb", "who", "-", "--as-of", "2024-10-01", "--format", "json"],
        input="NATO chief\nNATO Secretary General\n",
        capture_output=True,
        text=True,
        env={**os.environ, "NEWSKB_DATA": str(kb)},
        timeout=60,
    )
    rows = json.loads(result.stdout)
    assert [row["query"] for row in rows] == ["NATO chief", "NATO Secretary General"]
    assert result.stdout == json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    empty = subprocess.run(
        [sys.executable, "-m", "newskb", "who", "-", "--format", "json"],
        input="no such office at all\n",
        capture_output=True,
        text=True,
        env={**os.environ, "NEWSKB_DATA": str(kb)},
        timeout=60,
    )
    assert (empty.returncode, empty.stdout) == (1, "[]\n")


def test_an_unparseable_pager_at_a_terminal_is_a_warning_and_the_output_is_shown(kb: Path, tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect", reason="pexpect (the test extra) gives newskb a terminal")
    env = {**os.environ, "NEWSKB_DATA": str(kb), "NEWSKB_PAGER": 'less "', "COLUMNS": "100", "LINES": "5"}
    child = pexpect.spawn(sys.executable, ["-m", "newskb", "show", "Mark Rutte"], env=env, encoding="utf-8", timeout=60)
    child.expect(pexpect.EOF)
    child.close()
    shown = child.before
    assert child.exitstatus == 0
    assert (
        "newskb: warning: NEWSKB_PAGER ('less \"') is not a command line: No closing quotation; output is not paged"
        in shown
    )
    assert "mark-rutte" in shown and "Traceback" not in shown
