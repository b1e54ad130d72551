"""Bringing the index up to date with the data folder, reading again only what changed.

A query stats the data files and article texts and compares them all at once with what the index was
built from (freshness.py); when something differs, it compares file by file (and a file's content hash
when only its stat changed), and reads again only what was added, changed or removed, and the data files
whose article texts changed. A first build reads every file, parsed in worker processes.
"""

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from newskb.base.folder import Stat, walk
from newskb.index import build, freshness, layout

Progress = Callable[[int, int], None]
"""Told (done, total) as data files are read, so a long build can show progress."""


def refresh(
    connection: sqlite3.Connection, root: Path, progress: Progress | None = None, *, articles: bool = True
) -> None:
    """Bring the index up to date with the data folder, reading only what changed; without `articles`, when no
    data file changed the article texts are not looked at (freshness.py says when that is right)."""
    walked_at = time.time_ns()  # before any stat: a file changed since then is not trusted (freshness.trusted)
    walked = walk(root)
    if freshness.is_fresh(connection, walked, articles=articles):
        return
    on_disk = walked.files

    with build.Transaction(connection):
        # Look again inside the write lock: another process may have refreshed meanwhile.
        known = {row["path"]: row for row in connection.execute("SELECT * FROM data_file")}
        indexed = set(known)
        stale_texts = freshness.stale_text_owners(connection, root, walked_at)
        remembered = {path: freshness.trusted(seen, walked_at) for path, seen in on_disk.items()}
        changed: list[str] = []
        for path, seen in sorted(on_disk.items()):
            row = known.pop(path, None)
            fresh = path not in stale_texts
            if row is not None and tuple(row)[1:5] == seen and fresh:
                continue
            if row is not None and fresh and row["sha256"] == freshness.sha256(path):
                # Touched but not changed: remember its new stat so the next query is fast again.
                connection.execute(
                    "UPDATE data_file SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ? WHERE path = ?",
                    (*remembered[path], path),
                )
                continue
            changed.append(path)
        touched: set[tuple[str, str]] = set()
        for removed in known:
            touched |= _forget(connection, removed)
        # A first build inserts everything: indexes are cheaper made once, afterwards.
        bulk = len(changed) > 50 and not indexed
        if bulk:
            build.drop_indexes(connection)
        batch: layout.Rows = {}
        for done, read in enumerate(_read_all(changed, root), start=1):
            if read.path in indexed:
                touched |= _forget(connection, read.path)
            build.merge_rows(batch, read.rows)
            touched |= read.holdings
            connection.execute(
                "INSERT INTO data_file VALUES (?, ?, ?, ?, ?, ?)", (read.path, *remembered[read.path], read.sha256)
            )
            connection.executemany(
                "INSERT INTO text_file VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(text, read.path, *seen, digest) for text, seen, digest in read.texts],
            )
            if done % BATCH_FILES == 0:
                build.insert_rows_unindexed(connection, batch)
                batch = {}
            if progress is not None:
                progress(done, len(changed))
        build.insert_rows_unindexed(connection, batch)
        # Each file's texts and dates by its own rows: a row id freed by a file read again is taken again. A
        # first build indexes every row at once, however few the files (its words read from the full-text
        # index, not tokenised again file by file: ~1 ms of a first query on the seed).
        build.index_new(connection, changed if indexed else None)
        if bulk:
            build.create_indexes(connection)
        build.refresh_holdings(connection, touched)
        freshness.remember(connection, walked.paths, remembered)


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
    texts: list[tuple[str, Stat, str]]  # each article text it reads, with its stat and the hash of what was read


def _read_all(paths: list[str], root: Path) -> Iterator[FileRead]:
    """Each file's index rows, in order; many files are parsed in parallel, one worker per core.

    tomllib is pure Python, so a first build of a large fact base is bound by parsing: the workers
    parse and prepare rows while this process inserts them.
    """
    jobs = [(path, root) for path in paths]
    cores = _workers()
    if len(jobs) < PARALLEL_FROM or cores < 2 or not _can_fork():
        yield from map(_read, jobs)
        return
    import multiprocessing

    # Workers ignore Ctrl-C: the parent alone hears it, terminates them, and removes its half-built index.
    # A forked worker starts with the parent's handlers, until its initializer runs: a Ctrl-C to the whole
    # group in that moment printed a worker's traceback. So the signals wait, blocked, while the workers are
    # forked (a forked process and the pool's threads inherit the mask), and each worker unblocks them only
    # once it ignores them; the parent's own wait for them ends as soon as the pool stands.
    import signal

    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        with multiprocessing.get_context("fork").Pool(processes=cores, initializer=_ignore_interrupts) as pool:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)  # inside `with`: the pool ends with the signal
            yield from pool.imap(_read, jobs, chunksize=8)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _can_fork() -> bool:
    # Imported here, and only for a large build: multiprocessing costs a small build's first query ~15 ms.
    import multiprocessing

    # fork, not spawn: a spawned worker would import the command line anew (`python -m newskb`).
    return "fork" in multiprocessing.get_all_start_methods()


# How many worker processes a large build starts (default: one per core); 1 reads in this process alone.
WORKERS_VARIABLE = "NEWSKB_WORKERS"


def _workers() -> int:
    written = os.environ.get(WORKERS_VARIABLE, "")
    return int(written) if written.isdigit() and int(written) > 0 else os.cpu_count() or 1


def _ignore_interrupts() -> None:
    """In a worker: Ctrl-C is the parent's to handle, SIGTERM (the parent ending the pool) ends it quietly,
    and the worker dies with its parent. A parent killed outright (SIGKILL) runs no clean-up: its workers,
    left writing to a pipe nobody reads, printed the pool's tracebacks on the terminal. On Linux the kernel
    now ends them with the parent; anywhere, what the pool machinery would print goes nowhere (a worker's
    own errors reach the parent through the pool, and are reported there)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    # The parent blocked both while it forked this worker: they may come now that they are handled.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
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
    from newskb.base.store import load_file  # imported here: a warm index reads no data file

    path, root = job
    # The hash before the parse, and the article texts' stats kept only if they changed before the read
    # began: a file changed meanwhile is read again by the next query, never remembered as read.
    began = time.time_ns()
    digest = freshness.sha256(path)
    base, problems = load_file(Path(path), root)
    texts = [
        (
            str(source.text),
            freshness.trusted(freshness.stat(str(source.text)), began),
            freshness.text_digest(source.article),
        )
        for source in base.sources
    ]
    holdings = {(term.office, term.holder) for term in base.terms}
    return FileRead(path, digest, build.rows_of(base, problems), holdings, texts)


def _forget(connection: sqlite3.Connection, path: str) -> set[tuple[str, str]]:
    """Remove what one indexed data file put in the index; return the holdings its terms belonged to."""
    connection.execute("DELETE FROM data_file WHERE path = ?", (path,))
    connection.execute("DELETE FROM text_file WHERE owner = ?", (path,))
    return build.delete_file(connection, path)
