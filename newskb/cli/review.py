"""Reviewing the fact base: check, coverage."""

from typing import Annotated

import typer

from newskb import folder, render
from newskb.cli.options import DataOption, FormatOption, count, done, open_index, pick_format, say
from newskb.errors import Severity
from newskb.printable import printable
from newskb.render import Column

app = typer.Typer()


@app.command("check")
def check_command(
    data: DataOption = None,
    strict: Annotated[bool, typer.Option(help="Count warnings as problems.")] = False,
) -> None:
    """Validate the fact base: records, references, dates, terms, and every quote against its article.

    Prints one line per problem (file:line: key.path: message) and exits 1 if there is any,
    2 if a file cannot be read or parsed, 0 if all is well.

    Example: newskb check --data ./data
    """
    from newskb import audit

    report = audit.check_folder(folder.find_data_dir(data))
    for problem in report.problems:
        typer.echo(printable(str(problem), one_line=True))
    base = report.base
    counted = ", ".join(
        count(number, noun)
        for number, noun in (
            (len(base.entities), "entity"),
            (len(base.sources), "source"),
            (len(base.facts), "fact"),
            (report.quotes_checked, "quote"),
            (len(base.expectations), "expectation"),
        )
    )
    warnings = sum(1 for problem in report.problems if problem.severity is Severity.WARNING)
    errors = len(report.problems) - warnings
    also = f" and {count(warnings, 'warning')}" if warnings else ""
    if errors:
        say(f"{count(errors, 'problem')}{also} in {counted}")
    elif warnings:
        say(f"ok, with {count(warnings, 'warning')}: {counted} checked")
    else:
        say(f"ok: {counted} checked")
    raise typer.Exit(report.exit_code_strict() if strict else report.exit_code)


COVERAGE_COLUMNS = [
    Column("source", "Source", in_table=False),
    Column("number", "#"),
    Column("covered", "Covered"),
    Column("facts", "Facts", wide=True),
    Column("sentence", "Sentence", wide=True),
]


@app.command("coverage")
def coverage_command(
    source: Annotated[str | None, typer.Argument(help="A source id (default: every source).")] = None,
    uncovered: Annotated[bool, typer.Option("--uncovered", help="Only sentences no fact quotes.")] = False,
    output_format: FormatOption = None,
    data: DataOption = None,
) -> None:
    """Show every sentence of a source beside the facts that quote it: the curator's to-do list.

    Example: newskb coverage rbc-ukraine-2024-09-30-rutte --uncovered
    """
    from newskb import evidence

    rows = evidence.coverage(open_index(data), source)
    for source_id in dict.fromkeys(row.source for row in rows):
        mine = [row for row in rows if row.source == source_id]
        covered = sum(row.covered for row in mine)
        say(f"{source_id}: {covered} of {len(mine)} sentences covered ({100 * covered // max(1, len(mine))}%)")
    shown = [row for row in rows if not row.covered] if uncovered else rows
    render.write_rows(shown, COVERAGE_COLUMNS, pick_format(output_format), title="Coverage")
    done(bool(shown), "every sentence is covered" if uncovered else "no sentences")
