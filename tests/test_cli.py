from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from newskb.cli import app
from tests.conftest import TinyBase

runner = CliRunner()


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run newskb as a real process, as a user or a script would."""
    return subprocess.run(
        [sys.executable, "-m", "newskb", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_check_on_the_shipped_data_is_clean() -> None:
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == ("newskb: ok: 21 entities, 1 source, 30 facts, 37 quotes checked against their articles\n")


def test_check_reports_problems_on_stdout_and_exits_1(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8").replace('end = "1840"', 'end = "1830"')
    tiny.source.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", "--data", str(tiny.data)])
    assert result.exit_code == 1
    assert result.stdout == "tiny/data/sources/gazette.toml:13: term.end: end '1830' is not after start '1831'\n"
    assert result.stderr == "newskb: 1 problem in 4 entities, 1 source, 2 facts, 2 quotes\n"


def test_check_a_missing_folder_is_exit_2_and_one_line() -> None:
    result = runner.invoke(app, ["check", "--data", "nowhere"])
    assert result.exit_code == 2
    assert result.stderr == "newskb: error: nowhere: data folder not found (from --data or $NEWSKB_DATA)\n"


def test_no_arguments_shows_help_and_exit_codes() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "check" in result.stdout
    assert "Exit codes: 0 found" in result.stdout


def test_check_from_another_folder_with_the_bundled_data(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "NEWSKB_DATA"}
    result = subprocess.run(
        [sys.executable, "-m", "newskb", "check"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.startswith("newskb: ok: 21 entities")


def test_unreadable_file_is_exit_2_without_traceback(tiny: TinyBase) -> None:
    (tiny.data / "latin1.toml").write_bytes(b'[[person]]\nid = "cafe"\nname = "Caf\xe9"\n')
    result = run("check", "--data", str(tiny.data), cwd=tiny.root.parent)
    assert result.returncode == 2
    assert result.stdout == "tiny/data/latin1.toml:3: not UTF-8: byte 0xe9 cannot be decoded\n"
    assert "Traceback" not in result.stderr


def test_bad_usage_is_exit_2() -> None:
    result = run("check", "--no-such-option")
    assert result.returncode == 2
    assert "No such option: --no-such-option" in result.stderr
    assert "Traceback" not in result.stderr
