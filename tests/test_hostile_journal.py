"""A planted, malformed or left-over journal (`data/.newskb.journal`), met by writers and readers as real processes.

A journal is data in someone else's folder: one that names anything newskb would not write (a file outside
the base, a link, a path climbing out, a temporary file that is not newskb's) or is not a journal at all is
refused in one line naming it, exit 2, and nothing is renamed; the journal stays for the user. One that a
killed writer really left is finished by the next reader or writer, from any working folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newskb.base import journal, lock
from tests.conftest import TinyBase
from tests.test_hostile import make_base

JOURNAL = journal.JOURNAL_NAME
ADVICE = "nothing renamed; if no newskb write was interrupted here, remove it"


def _run(*args: str, data: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NEWSKB_DATA": str(data), "XDG_CACHE_HOME": str(cwd / "cache")}
    return subprocess.run(
        [sys.executable, "-m", "newskb", *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=60
    )


def _snapshot(folder: Path) -> dict[str, str]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[str(path)] = "-> " + os.readlink(path)
        elif path.is_file() and path.name != lock.LOCK_NAME:
            found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _entries(*pairs: tuple[str, str]) -> str:
    return json.dumps({"newskb_journal": 1, "renames": [{"temporary": t, "target": g} for t, g in pairs]})


def _outside_pair(base: TinyBase) -> str:
    """The red team's journal: move one file outside the base over another."""
    victim, payload = base.root.parent / "victim.txt", base.root.parent / ".victim.txt.1.x.tmp"
    victim.write_text("precious\n", encoding="utf-8")
    payload.write_text("overwritten\n", encoding="utf-8")
    return _entries((payload.name, "../victim.txt"))


def _absolute(base: TinyBase) -> str:
    victim = base.root.parent / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (base.root.parent / ".victim.txt.1.x.tmp").write_text("overwritten\n", encoding="utf-8")
    return _entries((".victim.txt.1.x.tmp", str(victim)))


def _old_format(base: TinyBase) -> str:
    # What newskb wrote before: [temporary, target] pairs, relative to the working folder of the writer.
    return json.dumps([["data/.entities.toml.1.x.tmp", "data/entities.toml"]])


def _linked_folder(base: TinyBase) -> str:
    outside = base.root.parent / "outside"
    outside.mkdir()
    (outside / "precious.toml").write_text("x = 1\n", encoding="utf-8")
    (outside / ".precious.toml.1.x.tmp").write_text("y = 2\n", encoding="utf-8")
    (base.data / "linked").symlink_to(outside)
    return _entries((".precious.toml.1.x.tmp", "data/linked/precious.toml"))


def _linked_target(base: TinyBase) -> str:
    (base.root.parent / "precious.toml").write_text("x = 1\n", encoding="utf-8")
    (base.data / "link.toml").symlink_to(base.root.parent / "precious.toml")
    (base.data / ".link.toml.1.x.tmp").write_text("y = 2\n", encoding="utf-8")
    return _entries((".link.toml.1.x.tmp", "data/link.toml"))


def _foreign_temporary(base: TinyBase) -> str:
    (base.data / "notes.txt").write_text("a curator's notes\n", encoding="utf-8")
    return _entries(("notes.txt", "data/entities.toml"))


def _linked_temporary(base: TinyBase) -> str:
    (base.data / ".entities.toml.1.x.tmp").symlink_to("/etc/passwd")
    return _entries((".entities.toml.1.x.tmp", "data/entities.toml"))


def _fifo_target(base: TinyBase) -> str:
    os.mkfifo(base.data / "pipe.toml")
    (base.data / ".pipe.toml.1.x.tmp").write_text("x = 1\n", encoding="utf-8")
    return _entries((".pipe.toml.1.x.tmp", "data/pipe.toml"))


PLANTED: list[tuple[str, Callable[[TinyBase], str], str]] = [
    ("a file outside the base", _outside_pair, 'names "../victim.txt", not a path inside the fact base'),
    ("an absolute path", _absolute, "not a path inside the fact base"),
    (
        "a folder linked out of the base",
        _linked_folder,
        "whose folder is outside the fact base or reached through a link",
    ),
    ("a target that is a link", _linked_target, 'names "data/link.toml", which is not a regular file'),
    ("a target that is a FIFO", _fifo_target, 'names "data/pipe.toml", which is not a regular file'),
    ("a temporary file not newskb's", _foreign_temporary, 'with a temporary file newskb does not write ("notes.txt")'),
    ("a temporary file that is a link", _linked_temporary, "whose temporary file is not a regular file"),
    ("the old journal format", _old_format, "not a journal of a newskb write (malformed)"),
    ("not JSON", lambda base: "\x00\xff garbage", "not a journal of a newskb write (malformed)"),
    ("no renames", lambda base: _entries(), "not a journal of a newskb write (malformed)"),
    ("a NUL in a target", lambda base: _entries((".x.1.a.tmp", "data/x\x00.toml")), "not a path inside the fact base"),
]

COMMANDS = [
    ("add", ["add", "person", "--id", "mary", "--name", "Mary"]),
    ("set", ["set", "ada-lovelace", "name=Ada"]),
    ("rename", ["rename", "ada-lovelace", "ada"]),
    ("who", ["who", "society chair", "--as-of", "1850-01-01"]),
    ("check", ["check"]),
]


@pytest.mark.parametrize(("command", "args"), COMMANDS, ids=[name for name, _ in COMMANDS])
@pytest.mark.parametrize(("case", "plant", "says"), PLANTED, ids=[case for case, _, _ in PLANTED])
def test_a_planted_journal_is_refused_and_left(
    case: str, plant: Callable[[TinyBase], str], says: str, command: str, args: list[str], tmp_path: Path
) -> None:
    base = make_base(tmp_path)
    (base.data / JOURNAL).write_bytes(plant(base).encode("utf-8", "surrogatepass"))
    before = _snapshot(tmp_path)
    result = _run(*args, data=base.data, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"newskb: error: {base.data / JOURNAL}: ")
    assert says in line and line.endswith(ADVICE)
    after = _snapshot(tmp_path)
    after.pop(str(tmp_path / "cache" / "newskb"), None)
    assert {path: digest for path, digest in after.items() if "/cache/" not in path} == before  # nothing moved


def _killed_rename(base: TinyBase) -> None:
    """What SIGKILL between the renames of `rename charles-babbage babbage` leaves: entities.toml renamed,
    the source's file still old with its new text beside it, and the journal."""
    from newskb.base.store import load
    from newskb.curation import mend

    loaded, _ = load(base.data)
    change = mend.rename(loaded, mend.record_of(loaded, "charles-babbage"), "babbage")
    temporary = base.data / "sources" / ".gazette.toml.4194311.k1lld.tmp"
    temporary.write_text(change.texts[base.source], encoding="utf-8")
    base.entities.write_text(change.texts[base.entities], encoding="utf-8")
    pending = [
        journal.Rename(temporary, base.source),
        journal.Rename(base.data / ".entities.toml.4194311.k1lld.tmp", base.entities),
    ]
    (base.data / JOURNAL).write_bytes(journal.encode(pending, base.data))


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["who", "society chair", "--as-of", "1835-01-01"], 0),
        (["check"], 0),
        (["add", "person", "--id", "mary", "--name", "Mary"], 0),
        (["show", "babbage"], 0),
    ],
    ids=["who", "check", "add", "show"],
)
def test_a_killed_rename_is_finished_by_the_next_run_from_any_folder(
    args: list[str], code: int, tmp_path: Path
) -> None:
    base = make_base(tmp_path)
    _killed_rename(base)
    text = json.loads((base.data / JOURNAL).read_text(encoding="utf-8"))
    # Named by their place in the base, never by the writer's working folder.
    assert [entry["target"] for entry in text["renames"]] == ["data/sources/gazette.toml", "data/entities.toml"]
    elsewhere = tmp_path / "somewhere" / "else"
    elsewhere.mkdir(parents=True)
    relative = Path(os.path.relpath(base.data, elsewhere))
    result = _run(*args, "--data", str(relative), data=base.data, cwd=elsewhere)
    assert result.returncode == code, result.stderr
    if args[0] != "add":  # a reader says what it did; a writer finishes it as its first step, as ever
        assert result.stderr.splitlines()[0] == f"newskb: finished a write that was interrupted: {base.source}"
    assert "Traceback" not in result.stderr
    assert not (base.data / JOURNAL).exists()
    assert 'holder = "babbage"' in base.source.read_text(encoding="utf-8")
    assert _run("check", data=base.data, cwd=tmp_path).returncode == 0
