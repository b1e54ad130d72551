"""The command line: thin commands that read options, call the core, and hand rows to `render`.

Only this package imports Typer. `app` is the one Typer app; each command family registers its
commands on a sub-app added without a name (so they appear as top-level commands), and every command
runs inside `_Group.invoke`: the one place where a `NewskbError` becomes a message on stderr and an
exit status (status.py's ExitStatus: every code newskb ends with, and what each means).
"""

import errno
import io
import os
import signal
import sys
import time
from collections.abc import Iterator, MutableMapping
from typing import Annotated, Any, NoReturn

import typer
import typer.main
from typer._click.exceptions import ClickException
from typer.core import TyperGroup

from newskb import __version__
from newskb.cli.completion import COMPLETE_VARIABLE, Shell, install_script, show_script
from newskb.cli.options import be_quiet, say
from newskb.cli.usage import Command, data_first, pager_wanted, report
from newskb.common.errors import NewskbError, UnknownNameError
from newskb.common.printable import printable
from newskb.common.status import ExitStatus, help_line

EXIT_CODES_HELP = help_line()


class Terminated(BaseException):
    """SIGTERM, raised rather than dying at once, so that every `finally` runs and no temporary file stays."""


def _terminate(signum: int, frame: object) -> NoReturn:
    raise Terminated


def _redeliver(unraisable: Any) -> None:
    """Python ignores an exception raised in a weakref callback, a `__del__` or the garbage collector, and
    prints it: a signal whose exception lands there would be lost (the run going on to exit 0, with a
    traceback on stderr). The signal is sent again a moment later, from a thread (sent from here, its
    handler would run inside this hook, and be ignored again), to land in code that can end the run."""
    if isinstance(unraisable.exc_value, (Terminated, KeyboardInterrupt)):
        import threading

        number = signal.SIGTERM if isinstance(unraisable.exc_value, Terminated) else signal.SIGINT
        # The thread waits until this hook is done: sent while the hook still waited for the thread to start (a
        # loaded machine can take longer than any fixed delay), the signal landed in the hook and was lost too.
        done = threading.Event()
        again = threading.Thread(target=_send_when, args=(done, number), daemon=True)
        again.start()
        done.set()
    else:
        sys.__unraisablehook__(unraisable)


def _send_when(done: Any, number: int) -> None:
    done.wait()
    time.sleep(0.001)  # for the hook to return
    os.kill(os.getpid(), number)


def handle_signals() -> None:
    """Ctrl-C raises KeyboardInterrupt and SIGTERM Terminated, so every `finally` cleans up on the way out."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _terminate)
    sys.unraisablehook = _redeliver


class _Commands(MutableMapping[str, Any]):
    """Every family's commands by name, each built (its options read from its function's signature) only
    when it is asked for: Typer builds them all before running one, and that was most of what `newskb
    --version` paid beyond `import typer`. Help, and TAB on a command name, still build them all."""

    def __init__(self) -> None:
        self._built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            info = COMMANDS[name]
            if not (isinstance(info.cls, type) and issubclass(info.cls, Command)):
                info.cls = Command  # the common options and a plain usage line (usage.py)
            self._built[name] = typer.main.get_command_from_info(
                info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=None
            )
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        raise TypeError("newskb's commands are fixed: they are COMMANDS")

    def __delitem__(self, name: str) -> None:
        raise TypeError("newskb's commands are fixed: they are COMMANDS")

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class _Group(TyperGroup):
    """Turns every error into one line on stderr and its exit code: never a traceback."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(**settings)
        self.commands = _Commands()

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.commands)  # the names alone: no command is built to be listed

    def main(self, args: Any = None, *extra: Any, standalone_mode: bool = True, **settings: Any) -> Any:
        """Run a command line: output taller than the screen paged (help included), and a bad line one
        error on stderr (`newskb: who: missing OFFICE (see 'newskb who -h')`), exit 2."""
        global _held
        words = data_first(list(sys.argv[1:] if args is None else args), COMMANDS)
        args = words
        if _held is None and sys.stdout.isatty() and COMPLETE_VARIABLE not in os.environ and pager_wanted(words):
            from newskb.render import pager

            try:
                _held = pager.hold()
            except ValueError as unusable:  # a pager variable that is no command line: print without it
                say(f"warning: {unusable}; output is not paged")
        try:
            result = super().main(args, *extra, **{**settings, "standalone_mode": False})
        except ClickException as error:
            code: Any = report(error)
        except typer.Abort:
            code = ExitStatus.INTERRUPTED
        else:
            code = result if isinstance(result, int) else ExitStatus.FOUND
        finally:
            if _held is not None:
                from newskb.render import pager

                held, _held = _held, None
                pager.release(held)
        if standalone_mode:
            sys.exit(code)
        return code

    # Typed Any: the base class takes Typer's private copy of click's Context, which we must not import.
    def invoke(self, ctx: Any) -> Any:
        try:
            try:
                return super().invoke(ctx)
            except Exception as error:
                if not _damaged_index(error):
                    raise
                # A corrupt page of the persisted index: it is removed and this command asked again, once,
                # of an index built afresh (never answered from memory for ever after).
                say("warning: the index was damaged; it is built again")
                return super().invoke(ctx)
        except NewskbError as error:
            # A name that names nothing is an answer ("nothing found", as grep's exit 1), not an error.
            say(str(error) if isinstance(error, UnknownNameError) else f"error: {error}")
            raise typer.Exit(error.exit_code) from None
        except BrokenPipeError:
            raise typer.Exit(_silence_stdout()) from None
        except OSError as error:
            say(f"error: {os_error(error)}")
            raise typer.Exit(ExitStatus.BAD_USAGE) from None
        except RecursionError:
            say("error: the data is nested too deeply to read")
            raise typer.Exit(ExitStatus.BAD_USAGE) from None
        except UnicodeEncodeError:
            # Python keeps an argument's bytes that are not UTF-8 as lone surrogates, which no name, query or
            # index can hold; any other such error is a bug (exit 70).
            if not any(_not_utf8(word) for word in sys.argv[1:]):
                raise
            say("error: the command line holds bytes that are not UTF-8 text")
            raise typer.Exit(ExitStatus.BAD_USAGE) from None
        except KeyboardInterrupt:
            raise typer.Exit(ExitStatus.INTERRUPTED) from None
        except Terminated:
            raise typer.Exit(ExitStatus.TERMINATED) from None


def _not_utf8(word: str) -> bool:
    try:
        word.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _damaged_index(error: Exception) -> bool:
    """Whether SQLite found the persisted index corrupt (it is then discarded)."""
    sqlite3 = sys.modules.get("sqlite3")
    cache = sys.modules.get("newskb.index.cache")
    return (
        sqlite3 is not None
        and cache is not None
        and isinstance(error, sqlite3.DatabaseError)
        and bool(cache.discard_damaged())
    )


def os_error(error: OSError) -> str:
    """An OS error as one line: what failed, on which file, in the system's words."""
    reason = error.strerror or errno.errorcode.get(error.errno or 0, str(error))
    if error.errno == errno.EBADF and error.filename is None:
        return "standard output is closed"
    return f"{error.filename}: {reason}" if error.filename else reason


class _ClosedOutput(io.TextIOBase):
    """Stands in for a stdout that was closed before newskb started (`>&-`): writing to it is an error."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))

    def isatty(self) -> bool:
        return False


def _silence_stdout() -> int:
    """The Python docs' SIGPIPE recipe: once the reader of stdout is gone, point stdout at devnull
    so no later flush fails again, and exit as a program killed by SIGPIPE would (128 + 13)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return ExitStatus.PIPE_CLOSED


app = typer.Typer(
    cls=_Group,
    name="newskb",
    epilog=EXIT_CODES_HELP,
    # A line with no command (`newskb`, `newskb --no-pager`) shows the help and exits 0 (_root).
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    # -h as well as --help, on every command (a subcommand's context inherits it).
    context_settings={"help_option_names": ["-h", "--help"]},
    # Typer's own completion options guess the shell and ignore the one given: ours take it (completion.py).
    add_completion=False,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"newskb {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option("--no-pager", help="Never page output taller than the screen (also: NEWSKB_PAGER=)."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="Print nothing but errors: the exit code is the answer."),
    ] = False,
    show_completion: Annotated[
        Shell | None,
        typer.Option(
            "--show-completion",
            metavar="SHELL",
            callback=show_script,
            is_eager=True,
            expose_value=False,
            help="Print the TAB completion script for bash, zsh or fish (README: Help and TAB completion).",
            show_default=False,
        ),
    ] = None,
    install_completion: Annotated[
        Shell | None,
        typer.Option(
            "--install-completion",
            metavar="SHELL",
            callback=install_script,
            is_eager=True,
            expose_value=False,
            help="Install the TAB completion script for bash, zsh or fish where that shell loads it.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """A command-line knowledge base of news facts, each with its source and quote."""
    # --no-pager is read before the line is parsed (usage.pager_wanted): the pager holds the help too.
    if quiet:
        be_quiet()
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


# Output held back for the pager (render/pager.py), printed when the command line has run.
_held: Any = None


# The command families, in the order `--help` lists them. They only register commands (each command
# imports what it needs when it runs); the root group builds one when it is asked for (_Commands).
from newskb.cli import ask, chart, curate, edit, evidence, review, share, usage, verify  # noqa: E402

COMMANDS = {
    info.name or typer.main.get_command_name(info.callback.__name__): info
    for family in (ask, chart, evidence, verify, review, curate, edit, share, usage)
    for info in family.app.registered_commands
    if info.callback is not None
}


def main() -> None:
    """Run the app, then end quietly if stdout was closed early (the console script is console.main)."""
    handle_signals()
    if sys.stdout is None:  # started with stdout closed
        sys.stdout = _ClosedOutput()
    for stream in (sys.stdout, sys.stderr):
        # A terminal or locale that cannot show a character gets an escape, never a crash.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    if COMPLETE_VARIABLE in os.environ:
        # A shell asks what TAB completes: Typer answers it once its shells are registered, which its own
        # completion options (left out: completion.py) would have done.
        from newskb.cli.completion import register_shells

        register_shells()
    code: int | str | None
    try:
        # Named "newskb" however started (python -m newskb included), and so the variable a shell's
        # completion request comes in.
        app(prog_name="newskb", complete_var=COMPLETE_VARIABLE)
    except SystemExit as exit_request:
        code = exit_request.code
    except KeyboardInterrupt:
        code = ExitStatus.INTERRUPTED
    except Terminated:
        code = ExitStatus.TERMINATED
    except Exception as error:
        code = _signalled(error)
        if code is None:
            # The last line of defence against a bug: one line, never a traceback (promise 3).
            message = printable(f"{type(error).__name__}: {error}", one_line=True)
            print(f"newskb: internal error: {message} (please report it)", file=sys.stderr)
            code = ExitStatus.INTERNAL_ERROR
    else:
        code = ExitStatus.FOUND
    sys.exit(_flush(code))


def _signalled(error: BaseException) -> ExitStatus | None:
    """The exit status of a signal that Python wrapped in another error: on 3.11 a Ctrl-C or SIGTERM that
    lands while a class is being made (its `__set_name__`) comes out as a RuntimeError caused by it."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, KeyboardInterrupt):
            return ExitStatus.INTERRUPTED
        if isinstance(seen, Terminated):
            return ExitStatus.TERMINATED
        seen = seen.__cause__
    return None


def _flush(code: int | str | None) -> int | str | None:
    """Write what stdout still holds; a reader gone early is 141, a failed write (a full disk) one line and 2."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        return _silence_stdout()
    except OSError as error:
        print(f"newskb: error: {os_error(error)}", file=sys.stderr)
        return ExitStatus.BAD_USAGE
    except (KeyboardInterrupt, Terminated):
        return ExitStatus.INTERRUPTED
    return code
