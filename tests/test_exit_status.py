"""Every exit status, driven through the command line as a script meets it, and written where users read it."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from newskb.common.status import MEANINGS, ExitStatus, help_line, readme_table

README = Path(__file__).resolve().parent.parent / "README.md"
NSG = "NATO Secretary General"


def newskb(*arguments: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newskb", *arguments],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("arguments", "status"),
    [
        (["who", NSG, "--as-of", "2024-10-01"], ExitStatus.FOUND),
        (["who", "President of Ukraine"], ExitStatus.NOTHING_FOUND),
        (["who", NSG, "--as-of", "2024-13-01"], ExitStatus.BAD_USAGE),
        (["who", "--no-such-option"], ExitStatus.BAD_USAGE),
        (["who", NSG, "--as-of", "2010-01-01"], ExitStatus.CANNOT_TELL),
        (["verify", "Mark Rutte became NATO Secretary General in 2023"], ExitStatus.CONTRADICTED),
        (["who", NSG, "--as-of", "2030-01-01"], ExitStatus.LAST_KNOWN),
    ],
)
def test_each_answer_has_its_status(arguments: list[str], status: ExitStatus) -> None:
    result = newskb(*arguments)
    assert result.returncode == status, result.stderr
    assert "Traceback" not in result.stderr


def test_a_bug_is_one_line_and_status_70() -> None:
    # A fault no command expects: the core's `who` raises. The last line of defence answers it.
    code = (
        "import sys; import newskb.answers.query as query\n"
        "def broken(*arguments, **options): raise RuntimeError('planted')\n"
        "query.who = broken\n"
        "from newskb.console import main\n"
        "sys.argv = ['newskb', 'who', 'NATO Secretary General']\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout) == (ExitStatus.INTERNAL_ERROR, "")
    assert result.stderr == "newskb: internal error: RuntimeError: planted (please report it)\n"


@pytest.mark.parametrize(("signal_error", "status"), [("KeyboardInterrupt()", 130), ("Terminated()", 143)])
def test_a_signal_python_wrapped_in_another_error_is_still_that_signal(signal_error: str, status: int) -> None:
    # On Python 3.11 a signal landing while a class is made (its __set_name__) surfaces as a RuntimeError
    # caused by it: a Ctrl-C there once ended in "internal error", status 70.
    code = (
        "import sys; import newskb.answers.query as query\n"
        "from newskb.cli import Terminated\n"
        "def interrupted(*arguments, **options):\n"
        f"    raise RuntimeError('Error calling __set_name__') from {signal_error}\n"
        "query.who = interrupted\n"
        "from newskb.console import main\n"
        "sys.argv = ['newskb', 'who', 'NATO Secretary General']\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout, result.stderr) == (status, "", "")


def test_a_reader_gone_early_is_status_141() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "newskb", "who", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(b"NATO chief\n")
    process.stdin.flush()
    process.stdout.readline()  # the first answer is out
    process.stdout.close()  # and its reader is gone
    process.stdin.write(b"NATO chief\n" * 100)
    process.stdin.close()
    assert process.wait(timeout=60) == ExitStatus.PIPE_CLOSED


@pytest.mark.parametrize(
    ("number", "status"), [(signal.SIGINT, ExitStatus.INTERRUPTED), (signal.SIGTERM, ExitStatus.TERMINATED)]
)
def test_a_signal_while_waiting_for_input_is_its_status(number: signal.Signals, status: ExitStatus) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "newskb", "who", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write(b"NATO chief\n")
    process.stdin.flush()
    process.stdout.readline()  # answered: the command line is loaded and waits for the next line
    process.send_signal(number)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == status
    assert b"Traceback" not in stderr


def test_every_status_has_a_meaning_and_the_help_says_them() -> None:
    assert set(MEANINGS) == set(ExitStatus)
    result = newskb("--help")
    assert " ".join(result.stdout.split()).endswith(help_line())


def test_the_readme_table_is_the_statuses() -> None:
    text = README.read_text(encoding="utf-8")
    table = text.split("## Exit codes\n\n", 1)[1].split("\n\n", 1)[0]
    assert table.splitlines() == readme_table()


# The vocabularies a row carries, compared as their enums, never as bare strings ("!= 'stated'"): a renamed
# value would otherwise pass every type check and silently change an answer.
_BARE = re.compile(
    r"""\b(?:kind|modality|status|outcome|in_range|verdict)\b["'\]\)]*(?:\.value)?\s*(?:[!=]=|\bin\b|\bnot in\b)"""
    r"""\s*[\(\[\{]?\s*["']"""
)


def test_no_vocabulary_is_compared_as_a_bare_string() -> None:
    package = README.parent / "newskb"
    found = [
        f"{path.relative_to(package)}:{number}: {line.strip()}"
        for path in sorted(package.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if _BARE.search(line)
    ]
    assert found == []


def test_the_pattern_finds_what_it_is_for() -> None:
    for line in ('if entity["kind"] == "person":', 'x = row.modality.value != "stated"', "if status in ('held',):"):
        assert _BARE.search(line), line
    assert not _BARE.search('if entity["kind"] == Kind.PERSON:')
