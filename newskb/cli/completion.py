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
        # bash inserts a candidate as it is given: every character its parser would act on comes escaped.
        # zsh and fish are given the name as it is, as data (our scripts below never evaluate it), and
        # quote what they insert themselves.
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


# Our bash and zsh scripts, in place of Typer's (templates for its `%`-formatting: `%%` is a `%`). Typer's zsh
# script evaluates newskb's answer (`eval $(...)`) and its `_arguments` evaluates each candidate again, so a
# name holding `\$(...)` ran a command; its bash script splits the answer unquoted, so a name could be
# taken for a file pattern. These read the answer as lines of data: zsh hands each name to `compadd`,
# which quotes what it inserts, and bash takes each line as one candidate, already escaped.
_SCRIPTS = {
    Shell.BASH: """
%(complete_func)s() {
    local -a candidates
    mapfile -t candidates < <(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" \\
        %(autocomplete_var)s=complete_bash "$1")
    COMPREPLY=("${candidates[@]}")
    return 0
}

complete -o default -F %(complete_func)s %(prog_name)s
""",
    Shell.ZSH: """
#compdef %(prog_name)s

%(complete_func)s() {
  local -a answer names shown
  local line name
  answer=("${(@f)$(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" %(autocomplete_var)s=complete_zsh %(prog_name)s)}")
  for line in "${answer[@]}"; do
    [[ -n $line ]] || continue
    name=${line%%%%$'\\t'*}
    names+=("$name")
    if [[ $line == *$'\\t'* ]]; then shown+=("$name -- ${line#*$'\\t'}"); else shown+=("$name"); fi
  done
  if (( ${#names} )); then
    compadd -l -d shown -a names
  else
    _files
  fi
}

compdef %(complete_func)s %(prog_name)s
""",
}


def register_shells() -> None:
    """Register the shells Typer answers completion requests for, with zsh and fish given each candidate as
    a line of plain text, `NAME<TAB>DESCRIPTION` (Typer's own renders descriptions with Rich, which costs a
    completion twice its time and wraps a long one onto a second line that fish takes for another
    candidate; and its zsh answer is code for the shell to evaluate)."""
    from typer._click.shell_completion import add_completion_class
    from typer._completion_classes import FishComplete, ZshComplete, completion_init

    completion_init()

    class Zsh(ZshComplete):
        def complete(self) -> str:
            args, incomplete = self.get_completion_args()
            return "\n".join(_line(item) for item in self.get_completions(args, incomplete))

    class Fish(FishComplete):
        def format_completion(self, item: CompletionItem) -> str:
            return _line(item)

    add_completion_class(Zsh, Shell.ZSH.value)
    add_completion_class(Fish, Shell.FISH.value)


def _line(item: CompletionItem) -> str:
    """A candidate as zsh and fish read it: the value, then a tab and its description if it has one."""
    from newskb.printable import printable

    value = printable(str(item.value), one_line=True)
    return f"{value}\t{_short(item.help)}" if item.help else value


def use_our_scripts() -> None:
    """Have `--show-completion` and `--install-completion` print and write our bash and zsh scripts."""
    from typer import _completion_shared

    _completion_shared._completion_scripts.update({shell.value: script for shell, script in _SCRIPTS.items()})


def _short(text: str) -> str:
    from newskb.printable import printable

    line = printable(" ".join(text.split()), one_line=True)
    return line if len(line) <= HELP_WIDTH else line[: HELP_WIDTH - 1].rstrip() + "…"


def show_script(shell: Shell | None) -> None:
    """`--show-completion SHELL`: print the script that makes SHELL ask newskb what TAB completes."""
    if shell is None:
        return
    from typer._completion_shared import get_completion_script

    use_our_scripts()
    typer.echo(get_completion_script(prog_name="newskb", complete_var=COMPLETE_VARIABLE, shell=shell.value))
    raise typer.Exit()


def install_script(shell: Shell | None) -> None:
    """`--install-completion SHELL`: write the script where SHELL loads it from (Typer's places)."""
    if shell is None:
        return
    from typer._completion_shared import install

    from newskb.cli import os_error
    from newskb.cli.options import say

    use_our_scripts()
    try:
        _, path = install(shell=shell.value, prog_name="newskb", complete_var=COMPLETE_VARIABLE)
    except OSError as error:  # an unwritable home, a full disk: one line, as every other error
        say(f"error: cannot install the {shell.value} completion script: {os_error(error)}")
        raise typer.Exit(2) from None
    say(f"{shell.value} completion installed in {path}; it takes effect in a new shell")
    raise typer.Exit()
