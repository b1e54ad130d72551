"""Shell completion of names and ids: the parameter types that complete them, and the completion scripts.

A name or id argument has one of these types (`click_type=`): it converts nothing, and on TAB offers the
candidates `newskb.complete` finds in the persisted index. Typer's own `autocompletion` keeps only the
candidates that start with what was typed, which would lose "sec" finding "NATO Secretary General".
"""

import os
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import Any

import typer

# Typer (pinned below 0.29) carries its own copy of click; a parameter type must be one of its types.
from typer._click.shell_completion import CompletionItem
from typer._click.types import ParamType

from newskb.kinds import ENTITY_KINDS, Kind

# The environment variable Typer reads a completion request from (`_{PROG}_COMPLETE`), and its value.
COMPLETE_VARIABLE = "_NEWSKB_COMPLETE"


class Shell(StrEnum):
    BASH = "bash"
    ZSH = "zsh"
    FISH = "fish"


class _Completed(ParamType):
    """Text that TAB completes from the index: names (with their ids beside) or ids (with their names)."""

    def __init__(self, kinds: Iterable[Kind], *, by_name: bool) -> None:
        self.name = "name" if by_name else "id"
        self._kinds = tuple(kinds)
        self._by_name = by_name

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        return value  # the text as typed: the command resolves it

    def shell_complete(self, ctx: Any, param: Any, incomplete: str) -> list[Any]:
        from newskb import cache, complete, folder
        from newskb.errors import NewskbError

        try:
            connection = cache.open_cached(folder.find_data_dir(ctx.params.get("data")))
        except (NewskbError, OSError):
            return []
        if connection is None:
            return []
        lookup = complete.names if self._by_name else complete.ids
        try:
            candidates = lookup(connection, incomplete, self._kinds)
        finally:
            connection.close()
        # bash inserts a candidate as it is given: spaces and quotes must come escaped. zsh and fish escape
        # what they insert themselves.
        escape = _bash_escape if os.environ.get(COMPLETE_VARIABLE, "").endswith("bash") else str
        return [CompletionItem(escape(value), help=help_text) for value, help_text in candidates]


def _bash_escape(value: str) -> str:
    return re.sub(r"([^\w@%+=:,./-])", r"\\\1", value)


OFFICE_NAME = _Completed([Kind.OFFICE], by_name=True)
ENTITY_NAME = _Completed(ENTITY_KINDS, by_name=True)
ORG_NAME = _Completed([Kind.ORGANIZATION, Kind.COUNTRY], by_name=True)
SOURCE_ID = _Completed([Kind.SOURCE], by_name=False)
# What cite takes: a fact, or an entity whose summary is quoted.
FACT_ID = _Completed([Kind.TERM, Kind.EVENT, Kind.CLAIM, *ENTITY_KINDS], by_name=False)
RECORD_ID = _Completed(Kind, by_name=False)


def ids_of(kinds: Iterable[Kind]) -> _Completed:
    """An option naming records of `kinds` by id (add's --office, --holder, ...)."""
    return _Completed(kinds, by_name=False)


# A description longer than this is cut (with "…"): a claim's text would fill the screen.
HELP_WIDTH = 70


def register_shells() -> None:
    """Register the shells Typer answers completion requests for, with zsh and fish showing descriptions
    as plain text: Typer's own renders them with Rich, which costs a completion twice its time and wraps
    a long description onto a second line that fish takes for another candidate."""
    from typer._click.shell_completion import add_completion_class
    from typer._completion_classes import FishComplete, ZshComplete, completion_init

    completion_init()

    class Zsh(ZshComplete):
        def format_completion(self, item: CompletionItem) -> str:
            def escape(text: str) -> str:  # as Typer escapes for zsh's _arguments
                for plain, escaped in (('"', '""'), ("'", "''"), ("$", "\\$"), ("`", "\\`"), (":", r"\\:")):
                    text = text.replace(plain, escaped)
                return text

            value = f'"{escape(item.value)}"'
            return f'{value}:"{escape(_short(item.help))}"' if item.help else value

    class Fish(FishComplete):
        def format_completion(self, item: CompletionItem) -> str:
            return f"{item.value}\t{_short(item.help)}" if item.help else str(item.value)

    add_completion_class(Zsh, Shell.ZSH.value)
    add_completion_class(Fish, Shell.FISH.value)


def _short(text: str) -> str:
    from newskb.printable import printable

    line = printable(" ".join(text.split()), one_line=True)
    return line if len(line) <= HELP_WIDTH else line[: HELP_WIDTH - 1].rstrip() + "…"


def show_script(shell: Shell | None) -> None:
    """`--show-completion SHELL`: print the script that makes SHELL ask newskb what TAB completes."""
    if shell is None:
        return
    from typer._completion_shared import get_completion_script

    typer.echo(get_completion_script(prog_name="newskb", complete_var=COMPLETE_VARIABLE, shell=shell.value))
    raise typer.Exit()


def install_script(shell: Shell | None) -> None:
    """`--install-completion SHELL`: write the script where SHELL loads it from (Typer's places)."""
    if shell is None:
        return
    from typer._completion_shared import install

    from newskb.cli.options import say

    _, path = install(shell=shell.value, prog_name="newskb", complete_var=COMPLETE_VARIABLE)
    say(f"{shell.value} completion installed in {path}; it takes effect in a new shell")
    raise typer.Exit()
