"""The command line: thin commands that read options, call the core, and hand rows to `render`.

Only this package imports Typer. `app` is the one Typer app; each command family registers its
commands on a sub-app added without a name (so they appear as top-level commands), and every command
runs inside `_Group.invoke`: the one place where a `NewskbError` becomes a message on stderr and an
exit code (0 found, 1 nothing found or problems, 2 usage or unreadable data, 3 the sources cannot
tell, 130 interrupted, 141 stdout closed early, 70 an internal error).
"""

import io
import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from newskb import __version__
from newskb.cli.options import say
from newskb.errors import NewskbError
from newskb.printable import printable

EXIT_CODES_HELP = (
    "Exit codes: 0 found (or the data is clean), 1 nothing found (or check found problems), "
    "2 bad usage or unreadable data, 3 the sources cannot tell (who), 130 interrupted, "
    "141 output pipe closed early, 70 internal error (a bug)."
)


class _Group(TyperGroup):
    """Turns every NewskbError into one line on stderr and its exit code: never a traceback."""

    # Typed Any: the base class takes Typer's private copy of click's Context, which we must not import.
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NewskbError as error:
            say(f"error: {error}")
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


# The command families, in the order `--help` lists them. Imported after `app` exists: they only
# register commands, and each command imports what it needs when it runs.
from newskb.cli import ask, curate, review, share  # noqa: E402

for _family in (review, ask, share, curate):
    app.add_typer(_family.app)


def main() -> None:
    """The console script: run the app, then end quietly if stdout was closed early."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal or locale that cannot show a character gets an escape, never a crash.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    except SystemExit as exit_request:
        code = exit_request.code
    except Exception as error:
        # The last line of defence against a bug: one line, never a traceback (promise 3).
        message = printable(f"{type(error).__name__}: {error}", one_line=True)
        print(f"newskb: internal error: {message} (please report it)", file=sys.stderr)
        code = 70
    else:
        code = 0
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = _silence_stdout()
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
