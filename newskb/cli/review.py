"""Reviewing the fact base: check, coverage."""

from typing import Annotated

import typer

from newskb import render
from newskb.base import folder
from newskb.cli.completion import SOURCE_ID
from newskb.cli.options import (
    DataOption,
    FieldsOption,
    FormatOption,
    base_named,
    done,
    open_index,
    pick_format,
    say,
    settled,
)
from newskb.common.printable import printable
from newskb.render import views

app = typer.Typer()


@app.command("check", short_help="Validate the fact base, every quote against its article.")
def check_command(
    data: DataOption = None,
    strict: Annotated[bool, typer.Option(help="Count warnings as problems.")] = False,
) -> None:
    """Validate the fact base: records, references, dates, terms, and every quote against its article.

    Prints one line per problem (file:line: key.path: message) and exits 1 if there is any,
    2 if a file cannot be read or parsed, 0 if all is well. A base it can read it also indexes, so that
    the queries (and TAB) after it answer at once.

    \b
    Examples:
      newskb check --data ./data
      newskb check --strict   # warnings count as problems too
    """
    from newskb.common.status import ExitStatus
    from newskb.curation import audit
    from newskb.index import cache

    data_dir = folder.find_data_dir(data)
    with settled(data_dir):
        report = audit.check_folder(data_dir)
        if report.exit_code != ExitStatus.BAD_USAGE:
            # A base check could read is one a query can index: do it now, so that the first query and the
            # first TAB after the Quickstart's `newskb check` answer at once.
            with render.BuildProgress() as progress:
                cache.prepare(data_dir, progress)
    for problem in report.problems:
        typer.echo(printable(str(problem), one_line=True))
    say(report.summary() + base_named(data_dir))
    raise typer.Exit(report.exit_code_strict() if strict else report.exit_code)


@app.command("coverage", short_help="Show a source's sentences beside the facts quoting them.")
def coverage_command(
    source: Annotated[
        str | None,
        typer.Argument(metavar="[SOURCE]", click_type=SOURCE_ID, help="A source id (default: every source)."),
    ] = None,
    uncovered: Annotated[bool, typer.Option("--uncovered", help="Only sentences no fact quotes.")] = False,
    output_format: FormatOption = None,
    fields: FieldsOption = None,
    data: DataOption = None,
) -> None:
    """Show every sentence of a source beside the facts that quote it: the curator's to-do list.

    \b
    Examples:
      newskb coverage rbc-ukraine-2024-09-30-rutte --uncovered
      newskb coverage --format json > coverage.json
    """
    from newskb.answers import sources
    from newskb.answers.declared import row_keys

    connection = open_index(data)
    rows = sources.coverage(connection, source)
    for share in sources.coverage_shares(rows):
        say(f"{share.source}: {share.covered} of {share.sentences} sentences covered ({share.percent}%)")
    shown = [row for row in rows if not row.covered] if uncovered else rows
    keys = row_keys(connection, sources.SentenceRow)
    render.write_rows(shown, views.COVERAGE, pick_format(output_format), title="Coverage", fields=keys)
    done(bool(shown), "every sentence is covered" if uncovered else "no sentences")
