"""Sharing the fact base with other tools: export."""

from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated

import typer

from newskb import render
from newskb.cli.options import DataOption, open_index, say
from newskb.errors import BadArgumentError
from newskb.render import Format

app = typer.Typer()


class ExportFormat(StrEnum):
    JSON = "json"
    JSONL = "jsonl"
    SQLITE = "sqlite"


@app.command("export")
def export_command(
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="json, jsonl or sqlite.")] = (
        ExportFormat.JSON
    ),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (required for sqlite).")
    ] = None,
    data: DataOption = None,
) -> None:
    """Export the whole fact base for jq, pandas or Datasette.

    Example: newskb export --format jsonl | jq -c 'select(.record == "term")'
    """
    from newskb.exporters import records as export
    from newskb.exporters import sqlite as export_sqlite

    connection = open_index(data)
    if output_format is ExportFormat.SQLITE:
        written = export_sqlite.to_sqlite(connection, output)
        say(f"wrote {written}")
        return
    records: object = export.lines(connection) if output_format is ExportFormat.JSONL else export.records(connection)
    target_format = Format.JSONL if output_format is ExportFormat.JSONL else Format.JSON
    if output is None:
        render.write_object(records, target_format)
        return
    with _open_output(output) as stream:
        render.write_object(records, target_format, stream=stream)
    say(f"wrote {output}")


def _open_output(path: Path) -> IO[str]:
    try:
        return path.open("w", encoding="utf-8")
    except OSError as error:
        raise BadArgumentError(f"{path}: cannot write: {error.strerror}") from None
