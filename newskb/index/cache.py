"""The persisted index: a SQLite file in the user's cache folder, refreshed one data file at a time.

Every query brings the index up to date first (refresh.py). The file is never trusted blindly: a
foreign, corrupt or truncated one is rebuilt; an unwritable cache folder falls back to an index in
memory; concurrent refreshes are serialised by SQLite's own write lock. NEWSKB_CACHE=off turns it all off.
"""

import contextlib
import os
import re
import sqlite3
import zlib
from pathlib import Path

from newskb.common.errors import DataFileError, Problem, Severity
from newskb.index import build, layout
from newskb.index.refresh import Progress, refresh

CACHE_VARIABLE = "NEWSKB_CACHE"
# Written into the SQLite header: a file without it is not ours, whatever its name.
APPLICATION_ID = 0x6E6B6231  # "nkb1"
# `.index-<pid>-<random>.sqlite`: a build's temporary file, named for leftovers.remove_stale.
_TEMPORARY = re.compile(r"^\.index-(\d+)-.+\.sqlite(-journal)?$")


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


def open_index(
    root: Path, progress: Progress | None = None, *, articles: bool = True
) -> tuple[sqlite3.Connection, list[Problem]]:
    """The index of `root`, fresh (its article texts too, unless the caller reads none: `articles` False);
    its problems. An unreadable data file is an error, not a gap."""
    connection = _persisted(root, progress, articles) if _caching() else _in_memory(root, progress)
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


def prepare(root: Path, progress: Progress | None = None) -> None:
    """Build or refresh the persisted index of `root` before any query asks for it: `check` calls it, so that
    the first query and the first TAB after it find the index warm. Nothing when the cache is off."""
    if _caching():
        _persisted(root, progress, articles=True).close()


def _caching() -> bool:
    return os.environ.get(CACHE_VARIABLE, "").lower() not in ("off", "0", "no", "false")


def _in_memory(root: Path, progress: Progress | None) -> sqlite3.Connection:
    try:
        connection = build.create()
        refresh(connection, root, progress)
    except sqlite3.Error as error:
        raise DataFileError(f"{root}: cannot index the data: {error}") from None
    return connection


# The persisted index this process opened, so that one found damaged later (a query meets a corrupt page)
# can be discarded and built again instead of being trusted, or worked around in memory, for ever.
opened: Path | None = None


def _persisted(root: Path, progress: Progress | None, articles: bool) -> sqlite3.Connection:
    global opened
    path = cache_path(root)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        remove_stale_temporaries(path.parent)
        connection = _open_trusted(path)
        if connection is not None:
            try:
                refresh(connection, root, progress, articles=articles)
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
    from newskb.base.leftovers import remove_stale

    return remove_stale(folder, _TEMPORARY, now)


def _open_trusted(path: Path) -> sqlite3.Connection | None:
    """The cached index if it is ours, of this schema, and whole; else None (it will be rebuilt)."""
    if not path.exists():
        return None
    connection = build.connect(str(path))
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

    prefix = f".index-{os.getpid()}-"
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".sqlite")
        os.close(descriptor)
        # No journal and no fsync while building a file nobody reads yet: a crash leaves only a stray
        # temporary file, and a damaged index is caught on open and rebuilt.
        connection = build.create(temporary, unsynced=True)
        connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        refresh(connection, root, progress)
        connection.close()
        os.replace(temporary, path)
    except BaseException:
        # By the prefix, not the name mkstemp returned: a Ctrl-C may land after it made the file and before
        # it returned. Only this process makes files with its own pid in their name.
        for leftover in path.parent.glob(f"{prefix}*"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(leftover)
        raise
    return build.connect(str(path))
