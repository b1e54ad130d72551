"""TAB completion as people type it, in real bash, zsh and fish through a pseudo-terminal: inside double and
single quotes, in any case, with apostrophes and accents, from a base no query has indexed yet.

Each case types a line, presses TAB, then puts `printf '[%s]\\n'` in front of the line and runs it, so the
words the shell would have passed to newskb are printed one per bracket: what TAB made of the line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.test_hostile_completion import PROMPT, _command, _shell_setup

pexpect = pytest.importorskip("pexpect", reason="pexpect (the test extra) drives the shells")

# (shell, what is typed, the word TAB makes of it). Every case starts from an index no query has built.
CASES = [
    # Inside double quotes, lower case: the one office whose words begin so, spelt as the base spells it.
    *((shell, 'newskb who "nato spokesp', "NATO spokesperson") for shell in ("bash", "zsh", "fish")),
    # A name holding an apostrophe: typed inside double quotes, and inside single quotes (where the shell
    # must close, escape and reopen the quote to insert it).
    *((shell, "newskb who \"slovakia's amb", "Slovakia's Ambassador to NATO") for shell in ("bash", "zsh", "fish")),
    *((shell, "newskb who 'slovakia", "Slovakia's Ambassador to NATO") for shell in ("bash", "zsh", "fish")),
    # Unquoted, an escaped space, in upper case.
    *((shell, "newskb show PETER\\ BAT", "Peter Bator") for shell in ("bash", "zsh", "fish")),
    # Accents do not count: "lungé" finds Lungescu (fish keeps only candidates that contain what was typed,
    # accents included; README, "Help and TAB completion").
    *((shell, 'newskb show "oana lungé', "Oana Lungescu") for shell in ("bash", "zsh")),
]

# Several candidates: the line keeps what was typed (bash once replaced "nato s" with "NATO ").
AMBIGUOUS = [(shell, 'newskb who "nato s', "nato s") for shell in ("bash", "zsh", "fish")]


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the shipped base, never indexed, and a bin folder holding a `newskb` for this interpreter."""
    folder = tmp_path_factory.mktemp("shells")
    shutil.copytree(REPO / "data", folder / "kb" / "data")
    shutil.copytree(REPO / "seeds", folder / "kb" / "seeds")
    bin_folder = folder / "bin"
    bin_folder.mkdir()
    launcher = bin_folder / "newskb"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newskb "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    return folder / "kb" / "data", bin_folder


def _environment(data: Path, bin_folder: Path, home: Path) -> dict[str, str]:
    return {
        "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(home),
        "TERM": "xterm",
        "NEWSKB_DATA": str(data),
        "XDG_CACHE_HOME": str(home / "cache"),  # empty: no query has built the index
        "NEWSKB_PAGER": "",
        "LANG": "C.UTF-8",
    }


def _spawn(shell: str, data: Path, bin_folder: Path, home: Path) -> Any:
    program = shutil.which(shell)
    if program is None:
        pytest.skip(f"{shell} is not installed (.ci/run installs it where it can)")
    script = home / f"newskb.{shell}"
    shown = subprocess.run(
        [str(bin_folder / "newskb"), "--show-completion", shell], capture_output=True, text=True, check=True
    )
    script.write_text(shown.stdout, encoding="utf-8")
    child = pexpect.spawn(
        program,
        _command(shell),
        cwd=str(home),
        env=_environment(data, bin_folder, home),
        encoding="utf-8",
        timeout=30,
        dimensions=(24, 80),
    )
    for line in _shell_setup(shell, script):
        child.sendline(line)
    child.sendline("echo SET''UP")
    child.expect("SETUP")
    child.expect(PROMPT)
    return child


def _words_after_tab(child: Any, typed: str) -> str:
    """Type `typed`, TAB, then print the line's third word instead of running it. The keys after TAB wait in
    the terminal until the shell has finished completing (each shell completes before it reads on)."""
    child.send(typed + "\t")
    child.send("\x01printf '[%s]\\n' \r")
    child.expect(r"\[who\]|\[show\]")
    child.expect(r"\[(.*?)\]\r?\n")
    word = str(child.match.group(1))
    child.expect(PROMPT)
    return word


@pytest.mark.parametrize(("shell", "typed", "word"), CASES, ids=[f"{s}:{t}" for s, t, _ in CASES])
def test_tab_completes_inside_quotes_in_any_case(
    shell: str, typed: str, word: str, shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    child = _spawn(shell, *shipped, tmp_path)
    try:
        completed = _words_after_tab(child, typed)
    finally:
        child.close(force=True)
    assert completed == word


@pytest.mark.parametrize(("shell", "typed", "kept"), AMBIGUOUS, ids=[shell for shell, _, _ in AMBIGUOUS])
def test_several_candidates_leave_the_typed_word_as_it_was(
    shell: str, typed: str, kept: str, shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    child = _spawn(shell, *shipped, tmp_path)
    try:
        child.send(typed + "\t")
        child.expect_exact("spokeswoman", timeout=30)  # listed (bash lists on a second TAB)
    except pexpect.TIMEOUT:
        child.send("\t")
        child.expect_exact("spokeswoman", timeout=30)
    try:
        # Ctrl-E and a closing quote, so the line runs; what was typed is still the word.
        child.send("\x05\"\x01printf '[%s]\\n' \r")
        child.expect(r"\[who\]\s+\[(.*?)\]\r?\n")
        word = str(child.match.group(1))
    finally:
        child.close(force=True)
    assert word == kept


def test_zsh_loading_the_script_from_fpath_completes_at_the_first_tab(
    shipped: tuple[Path, Path], tmp_path: Path
) -> None:
    """As installed (a file _newskb in a folder on $fpath, compinit run): compinit autoloads the file at the
    first TAB, which must complete then, not only define its function."""
    program = shutil.which("zsh")
    if program is None:
        pytest.skip("zsh is not installed (.ci/run installs it where it can)")
    data, bin_folder = shipped
    functions = tmp_path / "zfunc"
    functions.mkdir()
    shown = subprocess.run(
        [str(bin_folder / "newskb"), "--show-completion", "zsh"], capture_output=True, text=True, check=True
    )
    (functions / "_newskb").write_text(shown.stdout, encoding="utf-8")
    env = _environment(data, bin_folder, tmp_path)
    child = pexpect.spawn(program, ["-f", "-i"], cwd=str(tmp_path), env=env, encoding="utf-8", timeout=30)
    try:
        for line in (f"PS1='{PROMPT} '", "bindkey -e", "unsetopt beep", f"fpath=({functions} $fpath)"):
            child.sendline(line)
        child.sendline("autoload -Uz compinit && compinit -u -D; echo SET''UP")
        child.expect("SETUP")
        child.expect(PROMPT)
        assert _words_after_tab(child, 'newskb who "nato spokesp') == "NATO spokesperson"
    finally:
        child.close(force=True)
