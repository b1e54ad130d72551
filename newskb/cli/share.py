"""Sharing the fact base with other tools: export."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newskb.base import folder
from newskb.cli.completion import ENTITY_NAME
from newskb.cli.options import AsOfOption, DataOption, FromOption, ToOption, open_index, say
from newskb.common.errors import BadArgumentError
from newskb.common.words import listed
from newskb.exporters import FORMATS

app = typer.Typer()


# The export formats, their help and what TAB offers after --format: the names of the one FORMATS table.
ExportFormat = StrEnum("ExportFormat", {name.upper(): name for name in FORMATS})  # type: ignore[misc]
_FOLDERS = listed([name for name, chosen in FORMATS.items() if chosen.output == "DIR"], "and")
_NEED_OUTPUT = listed([name for name, chosen in FORMATS.items() if not chosen.to_stream], "and")
_OUTPUT_HELP = f"Write to this file (a folder for {_FOLDERS}; required for {_NEED_OUTPUT})."
_DEFAULT_FORMAT = ExportFormat("json")


# The tables of `--format csv`, spelled as exporters.records.groups() names them (a test keeps them in step).
class CsvTable(StrEnum):
    ENTITIES = "entities"
    SOURCES = "sources"
    TERMS = "terms"
    EVENTS = "events"
    CLAIMS = "claims"


@app.command("export", short_help="Export the fact base for jq, Datasette, TimelineJS and more.")
def export_command(
    output_format: Annotated[
        ExportFormat,
        typer.Option("--format", "-f", help=listed(list(FORMATS)) + "."),
    ] = _DEFAULT_FORMAT,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help=_OUTPUT_HELP,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing output or metadata file.")] = False,
    metadata: Annotated[
        Path | None,
        typer.Option(
            "--metadata",
            metavar="FILE",
            help="sqlite: also write a Datasette metadata file (JSON).",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    entity: Annotated[
        str | None,
        typer.Option(
            click_type=ENTITY_NAME,
            help="timelinejs: only what involves this person, organization, country or office.",
            show_default=False,
        ),
    ] = None,
    from_date: FromOption = None,
    to_date: ToOption = None,
    table: Annotated[
        CsvTable | None,
        typer.Option(
            "--table",
            help="csv: only this table, to stdout (or to --output FILE).",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """Export the whole fact base: for jq, pandas, Datasette, spreadsheets, Popolo, TimelineJS, JSON-LD or DuckDB.

    --as-of (sqlite, parquet) is the day each term's status is as of (default today); --entity, --from and
    --to (timelinejs) choose what the timeline shows. parquet needs pyarrow: pip install 'newskb[parquet]'.

    \b
    Examples:
      newskb export --format jsonl | jq -c 'select(.record == "term")'
      newskb export --format sqlite --output kb.sqlite --metadata kb.json
      newskb export --format timelinejs --entity Rutte --output rutte.json
      newskb export --format csv --table terms | csvlook
    """
    from newskb import exporters
    from newskb.cli.options import as_of_day, range_bounds

    name = output_format.value
    given = {
        "--metadata": metadata,
        "--as-of": as_of,
        "--entity": entity,
        "--from": from_date,
        "--to": to_date,
        "--table": table,
    }
    stray = [flag for flag, value in given.items() if value is not None and flag not in exporters.FORMATS[name].options]
    if stray:
        verb = "does" if len(stray) == 1 else "do"
        raise BadArgumentError(f"{', '.join(stray)} {verb} not apply to --format {name}")
    start, end = range_bounds(from_date, to_date)
    request = exporters.Request(
        data_dir=folder.find_data_dir(data),
        output=output,
        force=force,
        say=say,
        metadata=metadata,
        day=as_of_day(as_of),
        entity=entity,
        start=start,
        end=end,
        table=table.value if table else None,
    )
    exporters.check(name, request)
    for written in exporters.export(name, open_index(data), request):
        say(f"wrote {written}")
