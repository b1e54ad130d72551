"""The persisted index: a SQLite file in the user's cache folder, refreshed one data file at a time.

A query stats the data files, compares size and mtime (and the content hash when those differ but
the bytes may not) with what the index was built from, and reads again only what was added,
changed or removed. The file is never trusted blindly: a foreign, corrupt or truncated one is
rebuilt; an unwritable cache folder falls back to an index in memory; concurrent refreshes are
serialised by SQLite's own write lock. NEWSKB_CACHE=off turns it all off.
"""

import contextlib
import os
import re
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from newskb import index, layout
from newskb.errors import DataFileError, Problem, Severity
from newskb.folder import data_file_stats

CACHE_VARIABLE = "NEWSKB_CACHE"
# Written into the SQLite header: a file without it is not ours, whatever its name.
APPLICATION_ID = 0x6E6B6231  # "nkb1"
# `.index-<pid>-<random>.sqlite`: a build's temporary file, named for leftovers.remove_stale.
_TEMPORARY = re.compile(r"^\.index-(\d+)-.+\.sqlite(-journal)?$")

Progress = Callable[[int, int], None]
"""Told (done, total) as data files are read, so a long build can show progress."""


def cache_path(root: Path) -> Path:
    """The index file for a data folder: under $XDG_CACHE_HOME (or ~/.cache), keyed by the folder's path."""
    # The XDG spec: a relative path in XDG_CACHE_HOME is invalid and must be ignored (it would put the cache
    # wherever the command happens to run).
    chosen = os.environ.get("XDG_CACHE_HOME", "")
    base = chosen if os.path.isabs(chosen) else str(Path.home() / ".cache")
    folder = str(root.resolve()).encode("utf-8")
    # Two checksums make a 64-bit key; zlib is already loaded, hashlib would cost a query 2 ms. A clash
    # would only make two folders share one index, which each refresh would then rebuild correctly.
    key = f"{zlib.crc32(folder):08x}{zlib.adler32(folder):08x}"
    return Path(base) / "newskb" / f"index-{root.resolve().name}-{key}.sqlite"


def open_index(root: Path, progress: Progress | None = None) -> tuple[sqlite3.Connection, list[Problem]]:
    """The index of `root`, fresh; its problems. An unreadable data file is an error, not a gap."""
    if os.environ.get(CACHE_VARIABLE, "").lower() in ("off", "0", "no", "false"):
        connection = _in_memory(root, progress)
    else:
        connection = _persisted(root, progress)
    problems = [
        Problem(
            file=Path(row["file"]),
            line=row["line"],
            key_path=row["key_path"],
            message=row["message"],
            severity=Severity(row["severity"]),
        )
        for row in connection.execute("SELECT * FROM problem ORDER BY file, line")
    ]
    fatal = [problem for problem in problems if problem.severity is Severity.FATAL]
    if fatal:
        raise DataFileError(f"{fatal[0]} (run 'newskb check' for every problem)")
    if not connection.execute("SELECT 1 FROM data_file LIMIT 1").fetchone():
        raise DataFileError(f"{root}: no .toml data files found")
    return connection, problems


def open_cached(root: Path) -> sqlite3.Connection | None:
    """The persisted index of `root` as the last command left it, not refreshed; None if there is none.

    For shell completion, which must answer at once and never reads the data files: a name added since
    the last command is offered after the next one."""
    try:
        return _open_trusted(cache_path(root))
    except (OSError, sqlite3.Error):
        return None


def _in_memory(root: Path, progress: Progress | None) -> sqlite3.Connection:
    try:
        connection = index.create()
        refresh(connection, root, progress)
    except sqlite3.Error as error:
        raise DataFileError(f"{root}: cannot index the data: {error}") from None
    return connection


# The persisted index this process opened, so that one found damaged later (a query meets a corrupt page)
# can be discarded and built again instead of being trusted, or worked around in memory, for ever.
opened: Path | None = None


def _persisted(root: Path, progress: Progress | None) -> sqlite3.Connection:
    global opened
    path = cache_path(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path.parent)
        connection = _open_trusted(path)
        if connection is not None:
            try:
                refresh(connection, root, progress)
            except sqlite3.DatabaseError:
                # Corrupt pages found while refreshing: this file is replaced, not answered around.
                connection.close()
                connection = None
        if connection is None:
            connection = _rebuild(path, root, progress)
        opened = path
        return connection
    except (OSError, sqlite3.Error):
        # An unwritable cache folder, a full disk, a file that fails halfway: answer from memory.
        return _in_memory(root, progress)


def discard_damaged() -> bool:
    """Remove the persisted index this process opened, after a query found it damaged; whether there was one
    (the next run builds it again)."""
    global opened
    if opened is None:
        return False
    with contextlib.suppress(FileNotFoundError):
        opened.unlink()
    opened = None
    return True


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the half-built index files of interrupted or killed builds (see leftovers.py)."""
    from newskb.leftovers import remove_stale

    return remove_stale(folder, _TEMPORARY, now)


def _open_trusted(path: Path) -> sqlite3.Connection | None:
    """The cached index if it is ours, of this schema, and whole; else None (it will be rebuilt)."""
    if not path.exists():
        return None
    connection = index.connect(str(path))
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if application_id != APPLICATION_ID or version != layout.version():
            raise sqlite3.DatabaseError("not a newskb index of this version")
        # A truncated file can still open: compare its size with the pages it says it has.
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        if path.stat().st_size < pages * page_size:
            raise sqlite3.DatabaseError("truncated")
        connection.execute("SELECT count(*) FROM data_file").fetchone()
        return connection
    except sqlite3.DatabaseError:
        connection.close()
        return None


def _rebuild(path: Path, root: Path, progress: Progress | None) -> sqlite3.Connection:
    """Build a new index beside the old file, then swap it in whole: no reader sees half of it."""
    import tempfile  # imported here, like everything only a rebuild needs

    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".index-{os.getpid()}-", suffix=".sqlite")
    os.close(descriptor)
    try:
        connection = index.create(temporary)
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        # No journal and no fsync while building a file nobody reads yet: a crash leaves only a stray
        # temporary file, and a damaged index is caught on open and rebuilt.
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        refresh(connection, root, progress)
        connection.close()
        os.replace(temporary, path)
    except BaseException:
        for leftover in (temporary, temporary + "-journal"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)
        raise
    return index.connect(str(path))


def refresh(connection: sqlite3.Connection, root: Path, progress: Progress | None = None) -> None:
    """Bring the index up to date with the data folder, reading only what changed."""
    on_disk = data_file_stats(root)
    if _unchanged(connection, on_disk):
        return

    with index.Transaction(connection):
        # Look again inside the write lock: another process may have refreshed meanwhile.
        known = {row["path"]: row for row in connection.execute("SELECT * FROM data_file")}
        indexed = set(known)
        stale_texts = _stale_text_owners(connection)
        changed: list[str] = []
        for path, (size, mtime) in sorted(on_disk.items()):
            row = known.pop(path, None)
            fresh = path not in stale_texts
            if row is not None and (row["size"], row["mtime_ns"]) == (size, mtime) and fresh:
                continue
            if row is not None and fresh and row["sha256"] == _sha256(path):
                # Touched but not changed: remember the new mtime so the next query is fast again.
                connection.execute("UPDATE data_file SET mtime_ns = ? WHERE path = ?", (mtime, path))
                continue
            changed.append(path)
        touched: set[tuple[str, str]] = set()
        for removed in known:
            touched |= _forget(connection, removed)
        # A first build inserts everything: indexes are cheaper made once, afterwards.
        bulk = len(changed) > 50 and not indexed
        if bulk:
            index.drop_indexes(connection)
        first_doc = index.next_doc_id(connection)
        batch: layout.Rows = {}
        for done, read in enumerate(_read_all(changed, root), start=1):
            if read.path in indexed:
                touched |= _forget(connection, read.path)
            index.merge_rows(batch, read.rows)
            touched |= read.holdings
            connection.execute(
                "INSERT INTO data_file VALUES (?, ?, ?, ?)", (read.path, *on_disk[read.path], read.sha256)
            )
            connection.executemany(
                "INSERT INTO text_file VALUES (?, ?, ?, ?)", [(text, read.path, *stat) for text, stat in read.texts]
            )
            if done % BATCH_FILES == 0:
                index.insert_rows_unindexed(connection, batch)
                batch = {}
            if progress is not None:
                progress(done, len(changed))
        index.insert_rows_unindexed(connection, batch)
        index.index_text(connection, first_doc)
        if bulk:
            index.create_indexes(connection)
        index.refresh_holdings(connection, touched)


# Below this many files, reading in one process beats starting workers.
PARALLEL_FROM = 64
# Rows are inserted this many files at a time: fewer, larger inserts.
BATCH_FILES = 100


class FileRead(NamedTuple):
    """What reading one data file gives the index: prepared in a worker, inserted by the parent."""

    path: str
    sha256: str
    rows: layout.Rows
    holdings: set[tuple[str, str]]  # the (office, holder) pairs its terms belong to
    texts: list[tuple[str, tuple[int | None, int | None]]]  # each article text it reads, with (size, mtime)


def _read_all(paths: list[str], root: Path) -> Iterator[FileRead]:
    """Each file's index rows, in order; many files are parsed in parallel, one worker per core.

    tomllib is pure Python, so a first build of a large fact base is bound by parsing: the workers
    parse and prepare rows while this process inserts them.
    """
    import multiprocessing  # imported here: only a large refresh starts workers

    jobs = [(path, root) for path in paths]
    cores = os.cpu_count() or 1
    # fork, not spawn: a spawned worker would import the command line anew (`python -m newskb`).
    if len(jobs) < PARALLEL_FROM or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield from map(_read, jobs)
        return
    # Workers ignore Ctrl-C: the parent alone hears it, terminates them, and removes its half-built index.
    with multiprocessing.get_context("fork").Pool(processes=cores, initializer=_ignore_interrupts) as pool:
        yield from pool.imap(_read, jobs, chunksize=8)


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to handle, SIGTERM (the parent ending the pool) ends it quietly,
    and the worker dies with its parent. A parent killed outright (SIGKILL) runs no clean-up: its workers,
    left writing to a pipe nobody reads, printed the pool's tracebacks on the terminal. On Linux the kernel
    now ends them with the parent; anywhere, what the pool machinery would print goes nowhere (a worker's
    own errors reach the parent through the pool, and are reported there)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(0)
    import sys

    sys.stderr = open(os.devnull, "w")  # noqa: SIM115  # for the life of the worker


# prctl's request to have the kernel send a signal when the parent dies (linux/prctl.h).
_PR_SET_PDEATHSIG = 1


def _read(job: tuple[str, Path]) -> FileRead:
    """One data file's content hash, index rows, the holdings its terms belong to, and the article
    texts it reads (all worked out in the worker, so the inserting process only inserts)."""
    from newskb.store import load_file  # imported here: a warm index reads no data file

    path, root = job
    base, problems = load_file(Path(path), root)
    texts = [(str(source.text), _stat(str(source.text))) for source in base.sources]
    holdings = {(term.office, term.holder) for term in base.terms}
    return FileRead(path, _sha256(path), index.rows_of(base, problems), holdings, texts)


def _forget(connection: sqlite3.Connection, path: str) -> set[tuple[str, str]]:
    """Remove what one indexed data file put in the index; return the holdings its terms belonged to."""
    connection.execute("DELETE FROM data_file WHERE path = ?", (path,))
    connection.execute("DELETE FROM text_file WHERE owner = ?", (path,))
    return index.delete_file(connection, path)


def _unchanged(connection: sqlite3.Connection, on_disk: dict[str, tuple[int, int]]) -> bool:
    """The fast path of every query: same files, same sizes and mtimes, same article texts."""
    known = {row[0]: (row[1], row[2]) for row in connection.execute("SELECT path, size, mtime_ns FROM data_file")}
    if known != on_disk:
        return False
    return not _stale_text_owners(connection)


def _stale_text_owners(connection: sqlite3.Connection) -> set[str]:
    """Data files whose sources' article texts changed since they were read."""
    return {
        row["owner"]
        for row in connection.execute("SELECT path, owner, size, mtime_ns FROM text_file")
        if _stat(row["path"]) != (row["size"], row["mtime_ns"])
    }


def _stat(path: str) -> tuple[int | None, int | None]:
    try:
        status = os.stat(path)
    except OSError:
        return None, None
    return status.st_size, status.st_mtime_ns


def _sha256(path: str) -> str:
    import hashlib

    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()
