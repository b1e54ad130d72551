"""`--format json`: one document, `entities`, `sources`, `terms`, `events`, `claims`, each record keyed as
its TOML table is (an entity adds its `kind`): for jq and pandas. Written as it is read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from newskb.exporters import Request, output, tomlrecords


def export(connection: sqlite3.Connection, request: Request) -> list[Path]:
    document = {
        group_name: output.Items(tomlrecords.stream(connection, record_class, request.data_dir))
        for group_name, record_class in tomlrecords.groups()
    }
    return output.document(request, output.json_pieces(document))
