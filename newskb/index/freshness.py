"""Whether the index is still what the data folder holds: the fast path of every query.

The index remembers, for every data file and every article text its sources read, the file's size,
modification time, status-change time (ctime) and inode, as git's index remembers its files. The
modification time alone is not enough: an edit in place that keeps the size and puts the old time back
(`touch -r`, `rsync -t`, an archive unpacked) changes neither, nor any folder's time. The kernel sets a
file's ctime to the current time on every write and every change of its times, and no user can set it
back; the inode tells a file replaced by another (a save by rename).

A query compares them all at once: the stats of every file, in the order they are walked, packed as bytes,
against the snapshot the last refresh stored (one row), so a fresh index costs one stat per file and no
read of the index's per-file rows; only when something differs does refresh.py compare file by file.

A query whose answer reads no article text (`who`, `show`, `timeline`, `search`, `offices`, a chart, a TAB)
compares the data files alone: an article gives the index only its text, for `cite`, `coverage` and
`draft`, and the problem of a missing or unreadable one. Statting every article is half the pass in a base
with an article per data file (20,000 articles at a million facts, ~37 ms), so such a query leaves them to
the next command that reads them (or any query that finds a data file changed), which refreshes them all.

A stat taken within RACY_NS of a change is not trusted (git's "racily clean" files): a file written
again within the same tick of a coarse file-system clock keeps its times, so such a file is remembered
with a ctime no file has, and looked at again (its content hash compared) by the next query.
"""

import array
import os
import sqlite3
from pathlib import Path

from newskb.base.folder import Stat, Walk

ABSENT: Stat = (-1, -1, -1, -1)
"""The stat of a file that is not there (or cannot be read)."""

# Longer than the coarsest file-system clock newskb may meet (FAT keeps times to 2 s) and the lag of the
# kernel's coarse clock behind the time this process reads.
RACY_NS = 3_000_000_000
# The ctime a racy stat is remembered with: no file has it, so the next query looks again.
_UNTRUSTED = -2


def stat(path: str) -> Stat:
    try:
        status = os.stat(path)
    except (OSError, ValueError):  # ValueError: a path with a NUL in it (from the data) names no file
        return ABSENT
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino


def trusted(seen: Stat, since_ns: int) -> Stat:
    """`seen` as it may be remembered: with an untrustworthy ctime if it changed within RACY_NS of `since_ns`
    (the time the stat was taken, or the file read, whichever came first)."""
    if seen[2] >= since_ns - RACY_NS:
        return (seen[0], seen[1], _UNTRUSTED, seen[3])
    return seen


def is_fresh(connection: sqlite3.Connection, walked: Walk, *, articles: bool = True) -> bool:
    """Whether the data files (as walked, with their stats), and with `articles` the article texts, are exactly
    as the last refresh left them."""
    row = connection.execute("SELECT data_paths, data_stats, text_paths, text_stats FROM freshness").fetchone()
    if row is None or _packed(walked.stats) != row[1] or _SEPARATOR.join(walked.paths) != row[0]:
        return False
    if not articles:
        return True
    texts: list[int] = []
    for path in row[2].split(_SEPARATOR) if row[2] else ():
        texts += stat(path)
    return bool(_packed(texts) == row[3])


def remember(connection: sqlite3.Connection, paths: list[str], remembered: dict[str, Stat]) -> None:
    """Store what the index now holds, for the next query's `is_fresh`: the data files in the order they were
    walked with the stats the refresh recorded, and the article texts with theirs."""
    texts = connection.execute("SELECT path, size, mtime_ns, ctime_ns, inode FROM text_file ORDER BY rowid").fetchall()
    connection.execute("DELETE FROM freshness")
    connection.execute(
        "INSERT INTO freshness VALUES (?, ?, ?, ?)",
        (
            _SEPARATOR.join(paths),
            _packed([number for path in paths for number in remembered[path]]),
            _SEPARATOR.join(row[0] for row in texts),
            _packed([number for row in texts for number in row[1:]]),
        ),
    )


# No path holds a NUL character.
_SEPARATOR = "\0"


def _packed(numbers: list[int]) -> bytes:
    """Stats as bytes, compared at once: 64-bit integers (a time in ns and an inode fit)."""
    return array.array("q", numbers).tobytes()


def stale_text_owners(connection: sqlite3.Connection, root: Path, since_ns: int) -> set[str]:
    """Data files whose sources' article texts changed since they were read. A text whose stat changed but
    whose bytes did not (touched, or racy when read) has its new stat remembered instead."""
    stale: set[str] = set()
    rows = connection.execute("SELECT owner, path, size, mtime_ns, ctime_ns, inode, sha256 FROM text_file").fetchall()
    for owner, path, size, mtime_ns, ctime_ns, inode, digest in rows:
        seen = stat(path)
        if seen == (size, mtime_ns, ctime_ns, inode):
            continue
        if seen != ABSENT and digest == _text_sha256(path, root):
            connection.execute(
                "UPDATE text_file SET size = ?, mtime_ns = ?, ctime_ns = ?, inode = ? WHERE path = ? AND owner = ?",
                (*trusted(seen, since_ns), path, owner),
            )
            continue
        stale.add(owner)
    return stale


def text_digest(article: str | None) -> str:
    """The content hash of an article text as it was read ("" for one that could not be)."""
    import hashlib

    return hashlib.sha256(article.encode("utf-8")).hexdigest() if article is not None else ""


def _text_sha256(path: str, root: Path) -> str | None:
    """The content hash of an article text now, read as the index reads it (inside the fact base, a regular
    file of a bounded size); None if it cannot be."""
    from newskb.base.containment import MAX_ARTICLE, Refused, read_contained
    from newskb.base.folder import fact_base_root

    try:
        raw = read_contained(Path(path), fact_base_root(root), MAX_ARTICLE)
        return text_digest(raw.decode("utf-8"))
    except (OSError, Refused, UnicodeDecodeError):
        return None


def sha256(path: str) -> str:
    import hashlib

    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()
