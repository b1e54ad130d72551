"""The SQLite export: the index, copied into a file (for Datasette or any SQL client)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newskb.errors import BadArgumentError


def to_sqlite(connection: sqlite3.Connection, output: Path | None) -> Path:
    """Copy the index into a SQLite file (for Datasette or any SQL client)."""
    if output is None:
        raise BadArgumentError("--format sqlite needs --output FILE (a database is not written to a terminal or pipe)")
    if output.exists():
        raise BadArgumentError(f"{output}: already exists; choose a new file name")
    try:
        target = sqlite3.connect(output)
        try:
            connection.backup(target)
        finally:
            target.close()
    except sqlite3.Error as error:
        raise BadArgumentError(f"{output}: cannot write the database: {error}") from None
    return output
