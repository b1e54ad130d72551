"""A hostile or careless data folder, environment or user, tried as a real process would meet them.

Every case runs newskb in a subprocess on its own copy of a small base and asserts what the README's
promises section says: the exit code, never a traceback (nor "please report it", exit 70), no byte of
the data changed, and no temporary file left behind; plus what that case must or must not print.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TINY_ARTICLE, TINY_ENTITIES, TINY_SOURCE, TinyBase

SECRET = "root:x:0:0"  # a line of the system's password file: must never reach either stream


@dataclass
class Base(TinyBase):
    """The tiny fact base, with a way to point its source's `text` anywhere."""

    def source_text(self, text: str) -> None:
        """Point the source's `text` at another path (written as a TOML basic string)."""
        written = self.source.read_text(encoding="utf-8")
        self.source.write_text(written.replace('"../../seeds/gazette.txt"', text), encoding="utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    args: list[str]  # "{data}" and "{root}" are replaced by the case's folders
    exit: int | tuple[int, ...]
    setup: Callable[[Base], None] = lambda base: None
    says: str | None = None  # what stdout or stderr must hold (check prints problems on stdout)
    stdout_lacks: str | None = None
    env: dict[str, str] = field(default_factory=dict)
    stdin: str | bytes | None = None
    stdin_from: str | None = None  # a file to read stdin from (the zero device), or "closed" (`<&-`)
    changes_data: bool = False  # an add that is meant to land


def _svg_folder(base: Base) -> None:
    (base.root / "seeds.svg").mkdir()


def _fifo(base: Base) -> None:
    os.mkfifo(base.root / "seeds" / "pipe.txt")
    base.source_text('"../../seeds/pipe.txt"')


def _big_article(base: Base) -> None:
    with (base.root / "seeds" / "big.txt").open("wb") as stream:
        stream.truncate(17 * 1024 * 1024)  # sparse: 17 MiB of nothing, over the 16 MiB limit
    base.source_text('"../../seeds/big.txt"')


def _link_to_passwd(base: Base) -> None:
    (base.root / "seeds" / "innocent.txt").symlink_to("/etc/passwd")
    base.source_text('"../../seeds/innocent.txt"')


def _folder_loop(base: Base) -> None:
    (base.data / "a").symlink_to(base.data / "b")
    (base.data / "b").symlink_to(base.data / "a")


def _link_out(base: Base) -> None:
    (base.data / "elsewhere").symlink_to("/usr")


def _toml_link_to_passwd(base: Base) -> None:
    (base.data / "people.toml").symlink_to("/etc/passwd")


def _self_link(base: Base) -> None:
    (base.data / "self.toml").symlink_to(base.data / "self.toml")


def _fifo_toml(base: Base) -> None:
    os.mkfifo(base.data / "blocked.toml")


def _linked_entities_inside(base: Base) -> None:
    real = base.root / "shared-entities.toml"
    base.entities.rename(real)
    base.entities.symlink_to(real)


def _linked_entities_outside(base: Base) -> None:
    outside = base.root.parent / f"{base.root.name}-outside.toml"
    shutil.copy(base.entities, outside)
    base.entities.unlink()
    base.entities.symlink_to(outside)


def _hard_linked_entities(base: Base) -> None:
    os.link(base.entities, base.root / "also-entities.toml")


def _lock_link_out(base: Base) -> None:
    (base.data / ".newskb.lock").symlink_to(base.root.parent / f"{base.root.name}-planted.lock")


def _deep_array(base: Base) -> None:
    (base.data / "deep.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")


def _huge_seats(base: Base) -> None:
    base.append(base.entities, '[[office]]\nid = "big"\nname = "Big"\norg = "analytical-society"\nseats = 1' + "0" * 30)


def _endless_integer(base: Base) -> None:
    (base.data / "digits.toml").write_text("x = " + "9" * 5000 + "\n", encoding="utf-8")


def _duplicate_in_a_later_file(base: Base) -> None:
    # A claim in sources/gazette.toml, then a person in z-people.toml (later by path): the person is the
    # duplicate, though entities come before facts in every other order.
    base.append(base.source, '[[claim]]\nid = "mary"\nabout = ["ada-lovelace"]\ntext = "t"\nquote = "Ada"\n')
    (base.data / "z-people.toml").write_text('[[person]]\nid = "mary"\nname = "Mary"\n', encoding="utf-8")


def _formula_names(base: Base) -> None:
    for number, start in enumerate(("=", "+", "-", "@")):
        base.append(base.entities, f'[[person]]\nid = "formula-{number}"\nname = "{start}cmd|calc"\n')


def _bidi_and_nul(base: Base) -> None:
    base.append(base.entities, '[[person]]\nid = "eve"\nname = "Eve \\u202egnirts\\u0000"\n')


def _not_utf8(base: Base) -> None:
    (base.data / "latin1.toml").write_bytes(b'[[person]]\nid = "cafe"\nname = "Caf\xe9"\n')


def _empty_data(base: Base) -> None:
    shutil.rmtree(base.data)
    base.data.mkdir()


def _sources_link_out(base: Base) -> None:
    shutil.rmtree(base.data / "sources")
    (base.data / "sources").symlink_to("/usr/share")


def _long_name(base: Base) -> None:
    base.append(base.entities, f'[[person]]\nid = "long"\nname = "{"x" * 10_000}"\n')


def _stale_temporaries(base: Base) -> None:
    # Left by a killed writer (process id 2**22 + 7 is not running here) an hour ago.
    for path in (base.data / ".entities.toml.4194311.abcd.tmp", base.data / "sources" / ".gazette.toml.4194311.x.tmp"):
        path.write_text("half a write", encoding="utf-8")
        os.utime(path, (0, 0))


def _named_pipe_article(base: Base) -> None:
    os.mkfifo(base.root / "article.fifo")


PASSWD_TEXT = '"/etc/passwd"'
CASES = [
    # --- Paths stay inside the fact base, and only regular files of a sane size are read -----------
    Case(
        "text names the password file",
        ["check"],
        1,
        lambda b: b.source_text(PASSWD_TEXT),
        "outside the fact base",
        SECRET,
    ),
    Case(
        "cite does not print it",
        ["cite", "babbage-chair"],
        0,
        lambda b: b.source_text(PASSWD_TEXT),
        stdout_lacks=SECRET,
    ),
    Case("coverage does not print it", ["coverage"], 1, lambda b: b.source_text(PASSWD_TEXT), stdout_lacks=SECRET),
    Case(
        "text climbs out with ..",
        ["check"],
        1,
        lambda b: b.source_text('"../../../../../../../../etc/passwd"'),
        "outside the fact base",
        SECRET,
    ),
    Case(
        "text names the environment in /proc",
        ["coverage"],
        1,
        lambda b: b.source_text('"/proc/self/environ"'),
        stdout_lacks="PATH=",
    ),
    Case("text names the zero device", ["check"], 1, lambda b: b.source_text('"/dev/zero"'), "outside the fact base"),
    Case("text names a FIFO in seeds", ["check"], 1, _fifo, "is not a regular file"),
    Case("a query over a FIFO text", ["who", "society chair", "--as-of", "1843-09-01"], 0, _fifo),
    Case("text names a 17 MiB file", ["check"], 1, _big_article, "is larger than 16 MiB"),
    Case("text is a link out of the base", ["cite", "babbage-chair"], 0, _link_to_passwd, stdout_lacks=SECRET),
    Case("text names a folder", ["check"], 1, lambda b: b.source_text('"../../seeds"'), "is not a regular file"),
    Case("text holds a NUL", ["check"], 1, lambda b: b.source_text('"x\\u0000y"'), "holds a NUL"),
    # Indexed by a query (and by check) as an article that is not there, never an internal error.
    Case("text holds a NUL, asked", ["cite", "babbage-chair"], 0, lambda b: b.source_text('"x\\u0000y"'), "problem"),
    Case("text is a 5000-character name", ["check"], 1, lambda b: b.source_text('"' + "n" * 5000 + '"')),
    Case("a folder link loop", ["check"], 0, _folder_loop, "a link in a loop, or to nothing; not followed"),
    Case("a link to a folder outside", ["check"], 0, _link_out, "a link to a folder; not followed"),
    Case(
        "a .toml link to the password file",
        ["check"],
        0,
        _toml_link_to_passwd,
        "a link to a file outside the fact base; not read",
        SECRET,
    ),
    Case("a .toml link to itself", ["check"], 0, _self_link, "a link in a loop, or to nothing; not followed"),
    Case("a FIFO named like a data file", ["check"], 0, _fifo_toml),
    Case("sources/ is a link out", ["check"], 0, _sources_link_out, "a link to a folder; not followed"),
    Case(
        "--data at the file system's root through /proc",
        ["check", "--data", "/proc/self/root"],
        2,
        says="is the root of the file system",
    ),
    Case(
        "--data at a process's /proc folder",
        ["check", "--data", "/proc/self/fdinfo"],
        2,
        says="no .toml data files found",
    ),
    Case(
        "add through a link to a file in the base",
        ["add", "person", "--id", "mary", "--name", "Mary"],
        0,
        _linked_entities_inside,
        "added person 'mary'",
        changes_data=True,
    ),
    Case(
        "add through a link out of the base",
        ["add", "person", "--id", "mary", "--name", "Mary"],
        2,
        _linked_entities_outside,
        "is a link to a file outside the fact base; not written",
    ),
    Case(
        "add to a hard-linked file",
        ["add", "person", "--id", "mary", "--name", "Mary"],
        2,
        _hard_linked_entities,
        "has other hard links",
    ),
    Case(
        "the lock file is a link out",
        ["add", "person", "--id", "mary", "--name", "Mary"],
        2,
        _lock_link_out,
        "cannot open the lock file",
    ),
    Case(
        "new-source from a FIFO",
        [
            "new-source",
            "{root}/article.fifo",
            "--id",
            "x",
            "--title",
            "t",
            "--publisher",
            "analytical-society",
            "--published",
            "1843",
        ],
        2,
        _named_pipe_article,
        "is not a regular file; nothing written",
    ),
    Case(
        "new-source from the zero device",
        [
            "new-source",
            "/dev/zero",
            "--id",
            "x",
            "--title",
            "t",
            "--publisher",
            "analytical-society",
            "--published",
            "1843",
        ],
        2,
        says="is not a regular file",
    ),
    # --- Errors are one line --------------------------------------------------------------------------
    Case("a 100,000-deep array", ["check"], 2, _deep_array, "TOML nested too deeply to read"),
    Case("a query on a 100,000-deep array", ["search", "ada"], 2, _deep_array, "TOML nested too deeply to read"),
    Case("an integer beyond 64 bits", ["check"], 1, _huge_seats, "office.seats: must be at most 9223372036854775807"),
    Case("a query beside an integer beyond 64 bits", ["offices"], 0, _huge_seats),
    Case("an integer of 5000 digits", ["check"], 2, _endless_integer, "TOML value too large to read"),
    Case("a data file not in UTF-8", ["search", "ada"], 2, _not_utf8, "not UTF-8"),
    Case("an empty data folder", ["check"], 2, _empty_data, "no .toml data files found"),
    Case("a query on an empty data folder", ["who", "chair"], 2, _empty_data, "no .toml data files found"),
    Case("--data ''", ["check", "--data", ""], 2, says="--data is empty"),
    Case("--as-of ''", ["who", "chair", "--as-of", ""], 2, says="invalid value for '--as-of': '' is not a day"),
    Case(
        "--known-as-of ''",
        ["who", "chair", "--known-as-of", ""],
        2,
        says="invalid value for '--known-as-of': '' is not a day",
    ),
    Case("--from ''", ["timeline", "--from", ""], 2, says="'' is not a date"),
    Case("--to ''", ["timeline", "--to", ""], 2, says="'' is not a date"),
    Case("a date that is not one", ["who", "chair", "--as-of", "2024-02-30"], 2, says="has no day 30"),
    Case(
        "export over an existing file",
        ["export", "--format", "sqlite", "--output", "{data}/entities.toml"],
        2,
        says="already exists",
    ),
    Case(
        "export into a missing folder", ["export", "--output", "{root}/no/such/folder/x.json"], 2, says="cannot write"
    ),
    Case(
        "the later of two records with one id is the duplicate",
        ["check"],
        1,
        _duplicate_in_a_later_file,
        "z-people.toml:2: person.id: duplicate id 'mary' (first defined at base/data/sources/gazette.toml:25)",
    ),
    Case("an unknown command", ["frobnicate"], 2, says="newskb: no such command 'frobnicate' (see 'newskb -h')"),
    Case("search syntax of FTS5 in a query", ["search", '"NEAR(ada* OR -x)" ^ *'], (0, 1)),
    Case("a 10,000-character office", ["who", "x" * 10_000], 1),
    Case("a long name", ["search", "x" * 50], 0, _long_name),
    Case(
        "leftover temporary files of a killed writer",
        ["add", "person", "--id", "mary", "--name", "Mary"],
        0,
        _stale_temporaries,
        "added person 'mary'",
        changes_data=True,
    ),
    # --- Escapes and spreadsheets -----------------------------------------------------------------------
    Case(
        "CSV neutralises formulas",
        ["search", "cmd", "--format", "csv", "--all"],
        0,
        _formula_names,
        stdout_lacks="\n=cmd",
    ),
    Case(
        "TSV neutralises formulas",
        ["search", "cmd", "--format", "tsv", "--all"],
        0,
        _formula_names,
        stdout_lacks="\t+cmd",
    ),
    Case(
        "bidi and NUL in a name",
        ["search", "eve", "--format", "table"],
        0,
        _bidi_and_nul,
        stdout_lacks="\u202e",
        env={"COLUMNS": "100"},
    ),
    # --- Narrow terminals ---------------------------------------------------------------------------------
    Case("a table at width 0", ["who", "chair", "--as-of", "1835-06-01", "--format", "table"], 0, env={"COLUMNS": "0"}),
    Case("a table at width 1", ["offices", "--as-of", "1835-06-01", "--format", "table"], 0, env={"COLUMNS": "1"}),
    Case("a table at width 20", ["timeline", "--format", "table"], 0, env={"COLUMNS": "20"}),
    Case("a profile at width 10", ["show", "Ada Lovelace", "--format", "table"], 0, env={"COLUMNS": "10"}),
    Case("a citation at width 0", ["cite", "babbage-chair", "--format", "table"], 0, env={"COLUMNS": "0"}),
    Case("a chart at width 0", ["chart", "chair", "--as-of", "1850-01-01", "-f", "table"], 0, env={"COLUMNS": "0"}),
    Case("a chart at width 1", ["chart", "--org", "analytical society", "-f", "table"], 0, env={"COLUMNS": "1"}),
    Case("a chart over 9999 years", ["chart", "chair", "--from", "0001", "--to", "9999", "-f", "table"], 0),
    Case(
        "a chart file in no folder", ["chart", "chair", "-o", "{root}/none/c.svg"], 2, says="its folder does not exist"
    ),
    Case("a chart file that is a folder", ["chart", "chair", "-o", "{root}/seeds.svg", "--force"], 2, _svg_folder),
    # --- Locales and streams ----------------------------------------------------------------------------
    Case("an ASCII stream", ["show", "Ada Lovelace"], 0, env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"}),
    Case("no terminal type", ["who", "chair", "--as-of", "1843-09-01", "-f", "table"], 0, env={"TERM": ""}),
    Case("check of a clean base", ["check"], 0, says="newskb: ok:"),
]


def _snapshot(root: Path) -> dict[str, str]:
    """Every regular file below `root` with its hash (links and FIFOs as what they are)."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            found[str(path)] = "-> " + os.readlink(path)
        elif path.is_file() and path.stat().st_size < 1024 * 1024 and path.name != ".newskb.lock":
            found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def _temporaries(root: Path) -> list[str]:
    return [str(path) for path in root.rglob("*") if path.name.endswith(".tmp") or path.name.startswith(".index-")]


def make_base(folder: Path) -> Base:
    base = Base(folder / "base")
    (base.data / "sources").mkdir(parents=True)
    (base.root / "seeds").mkdir()
    (base.root / "seeds" / "gazette.txt").write_text(TINY_ARTICLE, encoding="utf-8")
    base.entities.write_text(TINY_ENTITIES, encoding="utf-8")
    base.source.write_text(TINY_SOURCE, encoding="utf-8")
    return base


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_input(case: Case, tmp_path: Path) -> None:
    run_case(case, tmp_path)


def run_case(case: Case, tmp_path: Path) -> None:
    """Run one case as a real process and assert what the README's promises say (see the module's note)."""
    base = make_base(tmp_path)
    case.setup(base)
    before = _snapshot(base.root)
    outside = set(os.listdir(tmp_path))
    args = [arg.replace("{data}", str(base.data)).replace("{root}", str(base.root)) for arg in case.args]
    uses_data = args[0] not in ("frobnicate",) and "--data" not in args
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), **case.env}
    if uses_data:
        env["NEWSKB_DATA"] = str(base.data)
    given = case.stdin.encode() if isinstance(case.stdin, str) else case.stdin
    with contextlib.ExitStack() as stack:
        streams: dict[str, Any] = {"input": given or b""}
        if case.stdin_from == "closed":
            streams = {"stdin": subprocess.DEVNULL, "preexec_fn": lambda: os.close(0)}
        elif case.stdin_from is not None:
            streams = {"stdin": stack.enter_context(open(case.stdin_from.replace("{root}", str(base.root)), "rb"))}
        result = subprocess.run(
            [sys.executable, "-m", "newskb", *args],
            capture_output=True,
            env=env,
            cwd=tmp_path,
            timeout=60,  # a FIFO read or an endless file would hang: the case fails instead
            **streams,
        )
    stdout = result.stdout.decode("utf-8", "replace")
    stderr = result.stderr.decode("utf-8", "replace")
    expected = case.exit if isinstance(case.exit, tuple) else (case.exit,)
    assert result.returncode in expected, stderr
    assert "Traceback" not in stderr and "please report it" not in stderr
    assert len([line for line in stderr.splitlines() if "error" in line]) <= 1  # one line, never a cascade
    if case.says is not None:
        assert case.says in stdout + stderr
    if case.stdout_lacks is not None:
        assert case.stdout_lacks not in stdout and case.stdout_lacks not in stderr
    if not case.changes_data:
        assert _snapshot(base.root) == before
    assert _temporaries(base.root) == []
    assert set(os.listdir(tmp_path)) - outside <= {"cache"}  # nothing planted outside the base was created


# --- Interruptions: Ctrl-C, SIGTERM and SIGKILL at any moment --------------------------------------

REPO = Path(__file__).resolve().parent.parent


def generate(folder: Path, facts: int) -> Path:
    """A synthetic base of `facts` facts that passes check (benchmarks/generate.py); returns its data folder."""
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), "--facts", str(facts), "--out", str(folder)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / "data"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A base large enough that its first index build runs in parallel workers for a while."""
    return generate(tmp_path_factory.mktemp("generated") / "kb", 20000)


def _start(args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    # A session of its own, so a signal can go to the whole process group, as Ctrl-C at a terminal does.
    # The console script, as a user runs it, not `python -m newskb`: under -m, CPython 3.11 ends a process
    # by SIGINT itself once a Ctrl-C has passed through code run by exec() (a dataclass being made), even
    # when it was caught and the exit was 130 (a shell reports both as 130; Python's caller sees -2).
    return subprocess.Popen(
        [str(Path(sys.executable).parent / "newskb"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,
    )


def _when_building(cache: Path, process: subprocess.Popen[bytes]) -> None:
    """Wait until the index build has its temporary file, and no longer: the signal lands mid-build at
    whatever point that is, workers starting or not (no sleep that a loaded machine could outlast)."""
    import time

    deadline = time.monotonic() + 60
    while not list(cache.glob("newskb/.index-*")):
        assert process.poll() is None, "the build ended before it could be interrupted"
        assert time.monotonic() < deadline
        time.sleep(0.001)


@pytest.mark.parametrize(("signal_name", "to_group", "code"), [("SIGINT", True, 130), ("SIGTERM", False, 143)])
def test_an_interrupted_cold_build_ends_cleanly(
    generated: Path, tmp_path: Path, signal_name: str, to_group: bool, code: int
) -> None:
    import signal

    cache = tmp_path / "cache"
    env = {**os.environ, "NEWSKB_DATA": str(generated), "XDG_CACHE_HOME": str(cache)}
    process = _start(["who", "office-3", "--format", "json"], env)
    _when_building(cache, process)
    number = getattr(signal, signal_name)
    if to_group:
        os.killpg(process.pid, number)
    else:
        process.send_signal(number)
    stdout, stderr = process.communicate(timeout=60)  # never a hang
    assert process.returncode == code
    assert b"Traceback" not in stderr and len(stderr.splitlines()) <= 1
    assert stdout == b""
    assert list(cache.glob("newskb/.index-*")) == []  # the half-built index is gone
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # and so are the workers


SIGNAL_IN_A_CALLBACK = """
import os, signal, sys, time, weakref
from newskb.cli import Terminated, handle_signals

handle_signals()


def callback(reference):
    # The signal lands while Python runs a weakref callback, where an exception is ignored and printed.
    os.kill(os.getpid(), getattr(signal, sys.argv[1]))
    end = time.monotonic() + 0.2
    while time.monotonic() < end:
        pass


class Thing:
    pass


thing = Thing()
reference = weakref.ref(thing, callback)
try:
    del thing
    time.sleep(5)
    print("went on")
except (Terminated, KeyboardInterrupt) as ended:
    print(type(ended).__name__)
"""


@pytest.mark.parametrize(("signal_name", "raised"), [("SIGTERM", "Terminated"), ("SIGINT", "KeyboardInterrupt")])
def test_a_signal_that_lands_in_a_callback_still_ends_the_run(signal_name: str, raised: str) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SIGNAL_IN_A_CALLBACK, signal_name], capture_output=True, text=True, timeout=30
    )
    assert (result.stdout, result.stderr) == (f"{raised}\n", "")


def test_a_killed_build_leaves_a_file_the_next_run_removes(generated: Path, tmp_path: Path) -> None:
    import signal

    cache = tmp_path / "cache"
    env = {**os.environ, "NEWSKB_DATA": str(generated), "XDG_CACHE_HOME": str(cache)}
    process = _start(["who", "office-3"], env)
    _when_building(cache, process)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    left_behind = sorted(cache.glob("newskb/.index-*"))
    assert left_behind  # the half-built index (and its journal): a SIGKILL leaves no time to clean up
    for left in left_behind:
        os.utime(left, (0, 0))  # older than the grace period, and its process is gone
    again = subprocess.run(
        [sys.executable, "-m", "newskb", "who", "office-3"], capture_output=True, env=env, timeout=300
    )
    assert again.returncode == 0
    assert list(cache.glob("newskb/.index-*")) == []


def test_a_query_killed_during_a_cold_build_leaves_no_worker_and_no_traceback(generated: Path, tmp_path: Path) -> None:
    """SIGKILL to the query alone (not its group): its workers must not go on, printing the pool's tracebacks."""
    import time

    cache = tmp_path / "cache"
    env = {**os.environ, "NEWSKB_DATA": str(generated), "XDG_CACHE_HOME": str(cache)}
    process = _start(["who", "office-3"], env)
    _when_building(cache, process)
    process.kill()
    stdout, stderr = process.communicate(timeout=60)  # ends once every worker holding the pipes is gone
    assert b"Traceback" not in stderr and stdout == b""
    deadline = time.monotonic() + 30
    while True:  # the workers, in the same process group, are gone too
        try:
            os.killpg(process.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "a worker outlived the query"
        time.sleep(0.05)


def test_a_corrupt_index_is_replaced_not_worked_around(tmp_path: Path) -> None:
    import sqlite3

    base = make_base(tmp_path)
    env = {**os.environ, "NEWSKB_DATA": str(base.data), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    args = [sys.executable, "-m", "newskb", "who", "society chair", "--as-of", "1843-09-01"]
    first = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)
    (index_file,) = (tmp_path / "cache" / "newskb").glob("index-*.sqlite")
    # Scribble over every page but the first (the header stays valid, so the damage is found later).
    size = index_file.stat().st_size
    with index_file.open("r+b") as stream:
        stream.seek(4096)
        stream.write(b"\xde\xad" * ((size - 4096) // 2))
    damaged = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)
    assert (damaged.returncode, damaged.stdout) == (0, first.stdout)
    assert "Traceback" not in damaged.stderr
    connection = sqlite3.connect(index_file)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)  # a whole new file
    later = subprocess.run(args, capture_output=True, text=True, env=env, timeout=60)
    assert (later.returncode, later.stdout, later.stderr) == (0, first.stdout, "")


@pytest.mark.parametrize("delay", [0.05, 0.2, 0.35, 0.5])
@pytest.mark.parametrize(("signal_name", "code"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_an_interrupted_add_changes_all_or_nothing(tmp_path: Path, delay: float, signal_name: str, code: int) -> None:
    import signal
    import time

    base = make_base(tmp_path)
    before = base.entities.read_text(encoding="utf-8")
    env = {**os.environ, "NEWSKB_DATA": str(base.data), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    process = _start(["add", "person", "--id", "mary", "--name", "Mary"], env)
    time.sleep(delay)
    with __import__("contextlib").suppress(ProcessLookupError):
        os.killpg(process.pid, getattr(signal, signal_name))
    _, stderr = process.communicate(timeout=60)
    # Before the command line has loaded, the signal just ends the process (a shell shows 128 + n).
    assert process.returncode in (0, code, -getattr(signal, signal_name))
    assert b"Traceback" not in stderr and len(stderr.splitlines()) <= 1
    after = base.entities.read_text(encoding="utf-8")
    assert after == before or after == before + '\n[[person]]  # mary\nid = "mary"\nname = "Mary"  # mary\n'
    assert _temporaries(base.root) == []


def test_a_killed_add_leaves_a_file_the_next_add_removes(tmp_path: Path) -> None:
    base = make_base(tmp_path)
    # What SIGKILL during a write leaves: a whole or partial temporary file of a process that is gone.
    left = base.data / ".entities.toml.4194311.k1lld.tmp"
    left.write_text("[[person]]\nid = ", encoding="utf-8")
    os.utime(left, (0, 0))
    env = {**os.environ, "NEWSKB_DATA": str(base.data), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    added = subprocess.run(
        [sys.executable, "-m", "newskb", "add", "person", "--id", "mary", "--name", "Mary"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert added.returncode == 0
    assert _temporaries(base.root) == []


# --- OS errors a root user cannot provoke (the suite may run as root, which reads anything): raised
# where the system would raise them, and each must end as one line with exit 2 ---------------------


@pytest.mark.parametrize(
    ("code", "message"),
    [(13, "Permission denied"), (30, "Read-only file system"), (36, "File name too long"), (28, "No space left")],
)
def test_an_os_error_while_adding_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, message: str
) -> None:
    import tempfile

    from typer.testing import CliRunner

    from newskb.cli import app

    base = make_base(tmp_path)
    before = _snapshot(base.root)

    def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(code, os.strerror(code), str(base.data))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = CliRunner().invoke(app, ["add", "person", "--id", "mary", "--name", "Mary", "--data", str(base.data)])
    assert result.exit_code == 2
    assert result.stderr == f"newskb: error: {base.data}: {os.strerror(code)}\n"
    assert message in result.stderr
    assert _snapshot(base.root) == before


def test_an_unreadable_data_folder_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from newskb.cli import app

    base = make_base(tmp_path)
    real_open = os.open

    # The walk opens each folder to list it (root may read any folder, so a mode would not stop it).
    def opening(path: str, flags: int, *rest: int) -> int:
        if str(path).endswith("sources") and flags & os.O_DIRECTORY:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *rest)

    monkeypatch.setattr(os, "open", opening)
    result = CliRunner().invoke(app, ["check", "--data", str(base.data)], env={"NEWSKB_CACHE": "off"})
    assert result.exit_code == 2
    assert result.stderr == f"newskb: error: {base.data / 'sources'}: cannot read the folder: Permission denied\n"
