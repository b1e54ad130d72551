"""`--format json`: one document, `entities`, `sources`, `terms`, `events`, `claims`, each record keyed as
its TOML table is (an entity adds its `kind`): for jq and pandas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newskb.exporters import Request, output, records


def export(connection: sqlite3.Connection, request: Request) -> list[Path]:
    return output.document(request, output.json_text(records.records(connection, request.data_dir)))
