"""How the command line explains itself: usage lines, usage errors in one line, the options every command
takes wherever they stand on the line (--no-pager, -q/--quiet), and `newskb help COMMAND`."""

import re
from collections.abc import Collection
from typing import Annotated, Any

import typer

# Typer (pinned below 0.29) carries its own copy of click; its exceptions are what a bad command line raises.
from typer._click.exceptions import ClickException, MissingParameter, NoArgsIsHelpError, NoSuchOption, UsageError
from typer.core import TyperCommand, TyperGroup, TyperOption

from newskb.cli import options
from newskb.common.status import ExitStatus

app = typer.Typer()

USAGE_EXIT = ExitStatus.BAD_USAGE


def _be_quiet(ctx: Any, param: Any, value: bool) -> None:
    if value:
        options.be_quiet()


def common_options() -> list[TyperOption]:
    """The options every command takes, before or after its name: Click would refuse `newskb who X
    --no-pager` if only the root group knew them. Whether to page is decided before the line is parsed
    (the pager must hold the help too: see pager_wanted), so --no-pager's value is not read here."""
    return [
        TyperOption(
            param_decls=["--no-pager"],
            is_flag=True,
            expose_value=False,
            help="Never page output taller than the screen (also: NEWSKB_PAGER=).",
        ),
        TyperOption(
            param_decls=["-q", "--quiet"],
            is_flag=True,
            expose_value=False,
            callback=_be_quiet,
            help="Print nothing but errors: the exit code is the answer.",
        ),
    ]


def pager_wanted(args: list[str]) -> bool:
    """Whether the line asks for no pager: --no-pager anywhere before a `--` (a value that happens to read
    `--no-pager` only turns the pager off, which costs nothing)."""
    words = args[: args.index("--")] if "--" in args else args
    return "--no-pager" not in words


def data_first(args: list[str], commands: Collection[str]) -> list[str]:
    """A line that names the base before its command (`newskb --data DIR who X`), as each command takes it
    after (`newskb who X --data DIR`); any other line as it is."""
    if len(args) >= 2 and args[0].startswith("--data="):
        head, rest = [args[0]], args[1:]
    elif len(args) >= 3 and args[0] == "--data":
        head, rest = args[:2], args[2:]
    else:
        return args
    return [rest[0], *head, *rest[1:]] if rest[0] in commands else args


class Command(TyperCommand):
    """Every newskb command: the common options, and a usage line that names its arguments as the help does
    (`newskb who [OPTIONS] OFFICE`, where Typer writes `{OFFICE}`)."""

    def get_params(self, ctx: Any) -> list[Any]:
        params = list(super().get_params(ctx))
        help_option = params.pop() if params and params[-1].name == "help" else None
        if not any(param.name == "quiet" for param in params):
            params += common_options()
        return [*params, help_option] if help_option is not None else params

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return list(super().parse_args(ctx, args))
        except UsageError as error:
            error.ctx = error.ctx or ctx  # Click's parser leaves it out: the message names the command
            raise

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = super().collect_usage_pieces(ctx)
        return [piece[1:-1] if piece.startswith("{") and piece.endswith("}") else piece for piece in pieces]


def one_line(error: ClickException) -> str:
    """A usage error as one line: `newskb: who: missing OFFICE (see 'newskb who -h')`."""
    context = getattr(error, "ctx", None)
    path = context.command_path if context is not None else "newskb"
    command = path.split(" ", 1)[1] if " " in path else ""
    if isinstance(error, MissingParameter) and error.param is not None:
        param = error.param
        named = param.metavar or (param.name or "").upper() if param.param_type_name == "argument" else param.opts[0]
        message = f"missing {named.strip('[]{}')}"
    elif isinstance(error, NoSuchOption) and error.possibilities:
        message = f"no such option: {error.option_name} (did you mean {' or '.join(sorted(error.possibilities))}?)"
    else:
        message = " ".join(error.format_message().split()).rstrip(".")
        message = re.sub(r"\. Did you mean (.*)\?$", r" (did you mean \1?)", message)
        message = message[:1].lower() + message[1:]
    where = f"{command}: " if command else ""
    from newskb.common.printable import printable

    return printable(f"newskb: {where}{message} (see '{path} -h')", one_line=True)


def report(error: ClickException) -> int:
    """Print a command-line error as one line on stderr and give its exit code; a bare `newskb` is help."""
    if isinstance(error, NoArgsIsHelpError):
        typer.echo(error.ctx.get_help())
        return 0
    typer.echo(one_line(error), err=True)
    return USAGE_EXIT if isinstance(error, UsageError) else error.exit_code


def _command_names(incomplete: str) -> list[str]:
    from newskb.cli import COMMANDS

    return [name for name in COMMANDS if name.startswith(incomplete)]


@app.command("help", short_help="Show the help of newskb, or of one command.")
def help_command(
    ctx: typer.Context,
    command: Annotated[
        str | None,
        typer.Argument(
            metavar="[COMMAND]", autocompletion=_command_names, help="The command to explain.", show_default=False
        ),
    ] = None,
) -> None:
    """Show the help of newskb, or of one command (as COMMAND -h does).

    \b
    Examples:
      newskb help
      newskb help who
    """
    root = ctx.find_root()
    if command is None:
        typer.echo(root.get_help())
        return
    found = root.command.get_command(root, command) if isinstance(root.command, TyperGroup) else None
    if found is None:
        raise UsageError(f"no such command '{command}'", root)
    with typer.Context(found, info_name=command, parent=root) as shown:
        typer.echo(found.get_help(shown))
