"""The chart command: terms drawn on a time axis, at a terminal or into an SVG or HTML file."""

from pathlib import Path
from typing import Annotated

import typer

from newskb import render
from newskb.cli.completion import ENTITY_NAME, OFFICE_NAME, ORG_NAME
from newskb.cli.options import (
    AsOfOption,
    DataOption,
    FieldsOption,
    FormatOption,
    FromOption,
    KnownAsOfOption,
    ToOption,
    as_of_day,
    done,
    known_day,
    open_index,
    pick_format,
    range_bounds,
    say,
    say_match,
)
from newskb.common.errors import BadArgumentError
from newskb.render import Format, views

app = typer.Typer()


@app.command("chart", short_help="Draw terms on a time axis, at a terminal or as SVG.")
def chart_command(
    office: Annotated[
        str | None,
        typer.Argument(
            metavar="[OFFICE]",
            click_type=OFFICE_NAME,
            help="An office name or alias: every term of it; typos are forgiven.",
            show_default=False,
        ),
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(
            click_type=ORG_NAME,
            help="Instead: every office of this organization or country, a lane each.",
            show_default=False,
        ),
    ] = None,
    entity: Annotated[
        str | None,
        typer.Option(
            click_type=ENTITY_NAME, help="Instead: every office this person (or body) held.", show_default=False
        ),
    ] = None,
    from_date: FromOption = None,
    to_date: ToOption = None,
    as_of: AsOfOption = None,
    known_as_of: KnownAsOfOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the chart to this .svg or .html file, not to stdout.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="With --output: replace the file if it exists.")] = False,
    output_format: FormatOption = None,
    fields: FieldsOption = None,
    data: DataOption = None,
) -> None:
    """Draw terms on a time axis: an office's, an organization's offices', or a career.

    Solid: certainly in office; shaded: an imprecise start or end may fall there; dotted: open, after
    the last day a source saw the term; a line marks the --as-of day. A term whose start or end is
    unknown is listed under the chart. In a pipe, or with --format, the same terms print as rows.

    \b
    Examples:
      newskb chart "NATO Secretary General" --as-of 2025-10-01
      newskb chart --org NATO --output nato.svg
      newskb chart --entity Rutte --from 2020 --to today
    """
    from newskb.answers import query

    if [office, org, entity].count(None) != 2:
        raise BadArgumentError("chart one thing: an OFFICE, --org ORG or --entity NAME")
    if output is not None:
        _refuse_to_overwrite(output, force, output_format)
    start, end = range_bounds(from_date, to_date)
    chart = query.chart(
        open_index(data, articles=False),
        as_of_day(as_of),
        office=office,
        org=org,
        entity=entity,
        first=start,
        last=end,
        known=known_day(known_as_of),
    )
    if office is not None:
        what, drawn = "office", "every known term"
    else:
        what, drawn = ("organization", "every office's terms") if org is not None else ("holder", "every office held")
    say_match(chart.match, what)
    name = chart.match.name if chart.match else ""
    title = f"{name}: {drawn}"
    in_range = " in that range" if start or end else ""
    done(bool(chart.rows), f"no term of {name} is known{in_range}")
    if output is None:
        render.write_chart(chart, title, pick_format(output_format))
        return
    render.save_chart(chart, title, output, replace=force)
    say(f"wrote {output}")


def _refuse_to_overwrite(output: Path, force: bool, output_format: Format | None) -> None:
    """Before anything is read or written: a chart file is .svg or .html, and not one that exists (without --force)."""
    if output.suffix.lower() not in views.CHART_FILES:
        raise BadArgumentError(f"{output}: a chart is written as {' or '.join(views.CHART_FILES)}")
    if output_format is not None:
        raise BadArgumentError("--output writes a chart file; --format is for standard output: give one of them")
    from newskb.base.outfile import check_new_file

    check_new_file(output, force=force)
