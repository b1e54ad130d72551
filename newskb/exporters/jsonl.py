"""`--format jsonl`: JSON Lines, one record per line as in the JSON export, with `record` naming its kind.
Written as it is read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newskb.exporters import Request, output, tomlrecords


def export(connection: sqlite3.Connection, request: Request) -> list[Path]:
    return output.document(request, output.json_lines(tomlrecords.lines(connection, request.data_dir)))
