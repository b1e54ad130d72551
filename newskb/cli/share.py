"""Sharing the fact base with other tools: export."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newskb import folder
from newskb.cli.options import AsOfOption, DataOption, open_index, say
from newskb.errors import BadArgumentError

app = typer.Typer()


# The export formats, spelled as newskb.exporters.FORMATS spells them (a test keeps them in step);
# written out so that building the command line imports nothing more.
class ExportFormat(StrEnum):
    JSON = "json"
    JSONL = "jsonl"
    SQLITE = "sqlite"
    POPOLO = "popolo"
    TIMELINEJS = "timelinejs"
    JSONLD = "jsonld"
    CSV = "csv"


@app.command("export")
def export_command(
    output_format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help="json, jsonl, sqlite, popolo, timelinejs, jsonld or csv."),
    ] = ExportFormat.JSON,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file (a folder for csv; required for sqlite and csv)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output or metadata file.")] = False,
    metadata: Annotated[
        Path | None,
        typer.Option("--metadata", help="sqlite: also write a Datasette metadata file (JSON).", show_default=False),
    ] = None,
    as_of: AsOfOption = None,
    entity: Annotated[
        str | None,
        typer.Option(help="timelinejs: only what involves this person, organization, country or office."),
    ] = None,
    from_date: Annotated[
        str | None, typer.Option("--from", help="timelinejs: from this date (any date of the grammar).")
    ] = None,
    to_date: Annotated[str | None, typer.Option("--to", help="timelinejs: up to this date.")] = None,
    data: DataOption = None,
) -> None:
    """Export the whole fact base: for jq, pandas, Datasette, spreadsheets, Popolo, TimelineJS or JSON-LD.

    --as-of (sqlite) is the day each term's status is as of (default today).

    Example: newskb export --format jsonl | jq -c 'select(.record == "term")'
    """
    from newskb import exporters
    from newskb.cli.options import as_of_day
    from newskb.dates import parse

    name = output_format.value
    given = {"--metadata": metadata, "--as-of": as_of, "--entity": entity, "--from": from_date, "--to": to_date}
    stray = [flag for flag, value in given.items() if value is not None and flag not in exporters.FORMATS[name].options]
    if stray:
        verb = "does" if len(stray) == 1 else "do"
        raise BadArgumentError(f"{', '.join(stray)} {verb} not apply to --format {name}")
    request = exporters.Request(
        data_dir=folder.find_data_dir(data),
        output=output,
        force=force,
        say=say,
        metadata=metadata,
        day=as_of_day(as_of),
        entity=entity,
        start=parse(from_date).earliest_day if from_date is not None else None,
        end=parse(to_date).latest_day if to_date is not None else None,
    )
    exporters.check(name, request)
    for written in exporters.export(name, open_index(data), request):
        say(f"wrote {written}")
