"""Hostile names met by TAB completion in real shells, through a real pseudo-terminal.

A base that passes `check` may hold a person named `Zed \\$(touch x) Man`. Each shell (bash, zsh, fish)
sources the script `newskb --show-completion SHELL` prints, TAB completes the hostile name, and the line
is then printed word by word (`printf '[%s]\\n'` put in front of it): the name must come out as one word,
exactly as written, and no command in it may have run, neither at TAB nor when the line is run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TinyBase

pexpect = pytest.importorskip("pexpect", reason="pexpect (the test extra) drives the shells")

# (what is typed before TAB, the name as the base holds it, written as a TOML literal string). Each would
# create a file in the shell's folder, or print another word, if any shell evaluated it.
HOSTILE = [
    ("Zed", r"Zed \$(touch x) Man"),
    ("Yann", "Yann `touch y` Moe"),
    ("Xia", "Xia $(touch z) Lee"),
    ("Wim", 'Wim"; touch w; "Dee'),
    ("Vic", "Vic'; touch v; 'Doe"),
    ("Ugo", "Ugo !! Ray"),
    ("Tia", "Tia * Lin"),
    ("Sol", "Sol \\ Ben ${HOME}"),
]

PROMPT = "READY>"


def _shell_setup(shell: str, script: Path) -> list[str]:
    """The lines that give `shell` a plain prompt, emacs keys and newskb's completion script."""
    if shell == "bash":
        return [f"PS1='{PROMPT} '", "set -o emacs", "bind 'set bell-style none'", f"source {script}"]
    if shell == "zsh":
        return [
            f"PS1='{PROMPT} '",
            "bindkey -e",
            "unsetopt beep",
            "autoload -Uz compinit && compinit -u -D",
            f"source {script}",
        ]
    return [f"function fish_prompt; echo '{PROMPT} '; end", "set -g fish_autosuggestion_enabled 0", f"source {script}"]


def _command(shell: str) -> list[str]:
    return {"bash": ["--norc", "--noprofile", "-i"], "zsh": ["-f", "-i"], "fish": ["--no-config", "-i"]}[shell]


@pytest.fixture(scope="module")
def hostile_base(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A base holding every hostile name (it passes check), indexed; and a bin folder with a `newskb`."""
    folder = tmp_path_factory.mktemp("hostile-completion")
    base = TinyBase(folder / "kb")
    (base.data / "sources").mkdir(parents=True)
    (base.root / "seeds").mkdir()
    from tests.conftest import TINY_ARTICLE, TINY_ENTITIES, TINY_SOURCE

    (base.root / "seeds" / "gazette.txt").write_text(TINY_ARTICLE, encoding="utf-8")
    # A JSON string is a TOML basic string (backslashes and quotes escaped).
    people = "".join(
        f'\n[[person]]\nid = "hostile-{number}"\nname = {json.dumps(name)}\n'
        for number, (_, name) in enumerate(HOSTILE)
    )
    base.entities.write_text(TINY_ENTITIES + people, encoding="utf-8")
    base.source.write_text(TINY_SOURCE, encoding="utf-8")
    bin_folder = folder / "bin"
    bin_folder.mkdir()
    launcher = bin_folder / "newskb"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newskb "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    cache = folder / "cache"
    env = {**os.environ, "NEWSKB_DATA": str(base.data), "XDG_CACHE_HOME": str(cache)}
    checked = subprocess.run([str(launcher), "check"], capture_output=True, text=True, env=env, check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr  # every hostile name is a valid name
    # Completion reads the index a query leaves.
    subprocess.run([str(launcher), "sources"], capture_output=True, env=env, check=True)
    return base.data, cache, bin_folder


@pytest.mark.parametrize(("typed", "name"), HOSTILE, ids=[typed for typed, _ in HOSTILE])
@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_a_hostile_name_completes_as_one_literal_word_and_runs_nothing(
    shell: str, typed: str, name: str, hostile_base: tuple[Path, Path, Path], tmp_path: Path
) -> None:
    program = shutil.which(shell)
    if program is None:
        pytest.skip(f"{shell} is not installed (.ci/run installs it where it can)")
    data, cache, bin_folder = hostile_base
    script = tmp_path / f"newskb.{shell}"
    shown = subprocess.run(
        [str(bin_folder / "newskb"), "--show-completion", shell], capture_output=True, text=True, check=True
    )
    script.write_text(shown.stdout, encoding="utf-8")
    here = tmp_path / "cwd"
    here.mkdir()
    env = {
        "PATH": f"{bin_folder}{os.pathsep}{os.environ['PATH']}",
        "HOME": str(tmp_path),
        "TERM": "xterm",
        "NEWSKB_DATA": str(data),
        "XDG_CACHE_HOME": str(cache),
        "NEWSKB_PAGER": "",
        "LANG": "C.UTF-8",
    }
    child = pexpect.spawn(program, _command(shell), cwd=str(here), env=env, encoding="utf-8", timeout=30)
    try:
        for line in _shell_setup(shell, script):
            child.sendline(line)
        child.sendline("echo SET''UP")
        child.expect("SETUP")
        child.expect(PROMPT)
        # TAB, then the line printed word by word instead of run (\x01: to the line's start).
        _complete(child, typed, name)
        child.send("\x01printf '[%s]\\n' \r")
        child.expect(r"\[--format\]\s+\[plain\]\s+\[(.*?)\]\r?\n")
        completed = child.match.group(1)
        child.expect(PROMPT)
        # TAB again, and the line run: the profile of that very person.
        _complete(child, typed, name)
        child.send("\r")
        child.expect(r"id\s+(hostile-\d+)")
        shown_id = child.match.group(1)
        child.expect(PROMPT)
        child.sendline("exit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert completed == name
    assert shown_id == f"hostile-{[hostile for _, hostile in HOSTILE].index(name)}"
    assert sorted(os.listdir(here)) == []  # nothing ran: no file was touched


def _complete(child: Any, typed: str, name: str) -> None:
    """Type `newskb show ... TYPED`, then TAB, and wait for the name's last word to appear on the line."""
    child.send(f"newskb show --format plain {typed}\t")
    child.expect_exact(name.split()[-1].strip("${}"), timeout=20)


def test_names_check_refuses_are_never_offered(tiny: TinyBase) -> None:
    """A name with an escape sequence, a bidi override or a zero-width space fails `check`; completion, which
    reads the index (it keeps what it can of such a record), offers none of them."""
    tiny.append(tiny.entities, '[[person]]\nid = "osc"\nname = "Oscar \\u001b]0;owned\\u0007 Ray"\n')
    tiny.append(tiny.entities, '[[person]]\nid = "bidi"\nname = "Oscar \\u202egnirts"\n')
    tiny.append(tiny.entities, '[[person]]\nid = "zero"\nname = "Oscar\\u200b Wilde"\n')
    tiny.append(tiny.entities, '[[person]]\nid = "oscar-wilde"\nname = "Oscar Wilde"\n')
    env = {**os.environ, "NEWSKB_DATA": str(tiny.data)}
    run = [sys.executable, "-m", "newskb"]
    checked = subprocess.run([*run, "check"], capture_output=True, text=True, env=env, check=False)
    assert checked.returncode == 1
    assert "person.name: invisible characters are not allowed (they make two texts look alike): U+200B" in (
        checked.stdout
    )
    subprocess.run([*run, "sources"], capture_output=True, env=env, check=True)  # completion reads the index
    for shell in ("bash", "zsh", "fish"):
        request = {"_NEWSKB_COMPLETE": f"complete_{shell}", "_TYPER_COMPLETE_ARGS": "newskb show osc"}
        request |= {"COMP_WORDS": "newskb show osc", "COMP_CWORD": "2", "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
        result = subprocess.run(run, capture_output=True, text=True, env={**env, **request}, check=False)
        assert (result.returncode, result.stderr) == (0, "")
        offered = result.stdout.splitlines()
        assert offered == (["Oscar\\ Wilde"] if shell == "bash" else ["Oscar Wilde\toscar-wilde"]), shell
