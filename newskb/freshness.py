"""Whether the index is still what the data folder holds: the fast path of every query."""

import os
import sqlite3


def unchanged(connection: sqlite3.Connection, on_disk: dict[str, tuple[int, int]]) -> bool:
    """The fast path of every query: same files, same sizes and mtimes, same article texts."""
    known = {row[0]: (row[1], row[2]) for row in connection.execute("SELECT path, size, mtime_ns FROM data_file")}
    if known != on_disk:
        return False
    return not stale_text_owners(connection)


def stale_text_owners(connection: sqlite3.Connection) -> set[str]:
    """Data files whose sources' article texts changed since they were read."""
    return {
        row["owner"]
        for row in connection.execute("SELECT path, owner, size, mtime_ns FROM text_file")
        if stat(row["path"]) != (row["size"], row["mtime_ns"])
    }


def stat(path: str) -> tuple[int | None, int | None]:
    try:
        status = os.stat(path)
    except OSError:
        return None, None
    return status.st_size, status.st_mtime_ns


def sha256(path: str) -> str:
    import hashlib

    with open(path, "rb") as stream:
        return hashlib.sha256(stream.read()).hexdigest()
