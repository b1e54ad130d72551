"""The command line: thin commands that read options, call the core, and hand rows to `render`.

This is the only module that imports Typer, and the one place where a `NewskbError` becomes a
message on stderr and an exit code (0 found, 1 nothing found or problems, 2 usage or unreadable
data, 130 interrupted, 141 stdout closed early).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from newskb import __version__, store
from newskb import check as checker
from newskb.errors import NewskbError

EXIT_CODES_HELP = (
    "Exit codes: 0 found (or the data is clean), 1 nothing found (or check found problems), "
    "2 bad usage or unreadable data, 130 interrupted, 141 output pipe closed early."
)


class _Group(TyperGroup):
    """Turns every NewskbError into one line on stderr and its exit code: never a traceback."""

    # Typed Any: the base class takes Typer's private copy of click's Context, which we must not import.
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NewskbError as error:
            typer.echo(f"newskb: error: {error}", err=True)
            raise typer.Exit(error.exit_code) from None
        except BrokenPipeError:
            raise typer.Exit(_silence_stdout()) from None


def _silence_stdout() -> int:
    """The Python docs' SIGPIPE recipe: once the reader of stdout is gone, point stdout at devnull
    so no later flush fails again, and exit as a program killed by SIGPIPE would (128 + 13)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141


app = typer.Typer(
    cls=_Group,
    name="newskb",
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"newskb {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """A command-line knowledge base of news facts, each with its source and quote."""


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Data folder to read (default: $NEWSKB_DATA, else the bundled fact base).",
        show_default=False,
    ),
]


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
    report = checker.check_folder(store.find_data_dir(data))
    for problem in report.problems:
        typer.echo(str(problem))
    base = report.base
    counted = ", ".join(
        _count(number, noun)
        for number, noun in (
            (len(base.entities), "entity"),
            (len(base.sources), "source"),
            (len(base.facts), "fact"),
            (report.quotes_checked, "quote"),
        )
    )
    if report.problems:
        typer.echo(f"newskb: {_count(len(report.problems), 'problem')} in {counted}", err=True)
    else:
        typer.echo(f"newskb: ok: {counted} checked against their articles", err=True)
    raise typer.Exit(report.exit_code_strict() if strict else report.exit_code)


def _count(number: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {noun if number == 1 else plural}"


def main() -> None:
    """The console script: run the app, then end quietly if stdout was closed early."""
    try:
        app()
    except SystemExit as exit_request:
        code = exit_request.code
    else:
        code = 0
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = _silence_stdout()
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
