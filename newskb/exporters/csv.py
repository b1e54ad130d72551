"""`--format csv --output DIR`: one CSV file per record kind (`entities.csv`, `sources.csv`, `terms.csv`,
`events.csv`, `claims.csv`), for spreadsheets and csvkit; with `--table NAME`, that one table, to stdout
or to `--output FILE` (a pipe holds one file, not five).

Each has a header row and the columns of the JSON export, in the same order. A list (aliases, via, ...)
is one cell holding a JSON array (`["Rutte"]`, `[]` when empty), so no separator can be mistaken for
part of a name; a missing value is an empty cell. A cell that a spreadsheet would read as a formula
gets a leading `'`, as in every CSV newskb writes (README, "Promises").
"""

from __future__ import annotations

import csv
import io
import sqlite3
from pathlib import Path

from newskb.exporters import Request, output, records
from newskb.printable import inert, json_line, printable


def export(connection: sqlite3.Connection, request: Request) -> list[Path]:
    exported = records.records(connection, request.data_dir)
    files = {}
    for group, record_class in records.groups():
        if request.table not in (None, group):
            continue
        text = io.StringIO()
        writer = csv.writer(text, lineterminator="\n")
        names = records.columns(record_class)
        writer.writerow(names)
        writer.writerows([_cell(record[name]) for name in names] for record in exported[group])
        files[f"{group}.csv"] = text.getvalue()
    if request.table is not None:  # one table: a file, or the stream
        return output.document(request, files[f"{request.table}.csv"])
    assert request.output is not None  # exporters.check refuses a csv export of every table without one
    return output.write_folder(request.output, files)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return json_line(value).rstrip("\n")
    return printable(inert(str(value)))
