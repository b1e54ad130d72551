"""Every `$ newskb ...` example in the README runs and prints what the README shows."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys

import pytest

from tests.conftest import REPO


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


@pytest.mark.parametrize(("command", "expected"), EXAMPLES, ids=[command for command, _ in EXAMPLES])
def test_readme_example(command: str, expected: list[str]) -> None:
    exits = _EXITS.search(command)
    arguments = shlex.split(_EXITS.sub("", command))
    assert arguments[0] == "newskb"
    result = subprocess.run(
        [sys.executable, "-m", "newskb", *arguments[1:]],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "COLUMNS": "100"},
    )
    shown_stderr = [line for line in expected if line.startswith("newskb: ")]
    shown_stdout = [line for line in expected if not line.startswith("newskb: ")]
    assert result.returncode == (int(exits[1]) if exits else 0), result.stderr
    assert result.stdout.splitlines() == shown_stdout
    assert result.stderr.splitlines() == shown_stderr
