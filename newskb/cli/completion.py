"""Shell completion of names and ids: the parameter types that complete them, and the completion scripts.

A name or id argument has one of these types (`click_type=`): it converts nothing, and on TAB offers the
candidates `newskb.answers.suggest` finds in the persisted index. Typer's own `autocompletion` keeps only the
candidates that start with what was typed, which would lose "sec" finding "NATO Secretary General".
"""

import os
import re
from collections.abc import Iterable
from enum import StrEnum
from typing import TYPE_CHECKING, Any

import typer

# Typer (pinned below 0.29) carries its own copy of click; a parameter type must be one of its types.
from typer._click.shell_completion import CompletionItem
from typer._click.types import ParamType

from newskb.common.kinds import ENTITY_KINDS, Kind
from newskb.common.status import ExitStatus

if TYPE_CHECKING:
    import sqlite3

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
        from newskb.answers import suggest

        connection = _open_quietly(ctx.params.get("data"))
        if connection is None:
            return []
        lookup = suggest.names if self._by_name else suggest.ids
        try:
            candidates = lookup(connection, incomplete, self._kinds)
        finally:
            connection.close()
        # bash inserts a candidate as it is given: every character its parser would act on comes escaped, as
        # the quote the word was opened with needs (QUOTE_VARIABLE). zsh and fish are given the name as it
        # is, as data (our scripts below never evaluate it), and quote what they insert themselves.
        if not os.environ.get(COMPLETE_VARIABLE, "").endswith("bash"):
            return [CompletionItem(value, help=help_text) for value, help_text in candidates]
        escape = _BASH_ESCAPES.get(os.environ.get(QUOTE_VARIABLE, ""), _bash_escape)
        values = [value for value, _ in candidates]
        if 0 < len(os.path.commonprefix(values)) < len(incomplete):  # noqa: RUF071 (letters, not paths)
            as_typed = list(dict.fromkeys(_as_typed(value, incomplete) for value in values))
            # Names that differ only where the word was typed ("NATO Secretary General" and its alias
            # "NATO Secretary-General", typed whole) are one candidate: inserted whole, as the base spells it.
            values = values[:1] if len(as_typed) == 1 else as_typed
        return [CompletionItem(escape(value)) for value in values]


def _open_quietly(data: str | None) -> "sqlite3.Connection | None":
    """The index of the base a query on this line would answer from (folder.find_data_dir), opened as a
    query opens it: built or brought up to date first, so TAB answers before any query has run and offers
    what was added since. Nothing is printed (a problem or an unreadable base offers nothing)."""
    import sqlite3

    from newskb.base import folder
    from newskb.base.lock import reading
    from newskb.common.errors import NewskbError
    from newskb.index import cache

    try:
        root = folder.find_data_dir(data)
        with reading(root):
            connection, _ = cache.open_index(root, articles=False)
    except (NewskbError, OSError, sqlite3.Error):
        return None
    return connection


def _as_typed(value: str, typed: str) -> str:
    """`value` beginning with `typed` as it was typed, where the two differ only in case, accents, hyphens
    or spacing. bash replaces the word with what its candidates have in common, letter for letter, even
    when that is shorter than the word: "nato s" offered "NATO Secretary General" and "NATO spokesman"
    became "NATO " (the s lost), and "NATO Secretary General" offered with "NATO Secretary-General" became
    "NATO Secretary". Used only then; a single candidate is inserted whole, as the base spells it."""
    head = value[: len(typed)]
    if head.casefold() == typed.casefold():
        return typed + value[len(typed) :]
    from newskb.common.fuzzy import normalise

    folded = normalise(typed)
    # The longest start of the value that folds to what was typed (so "NATO " for "nato ", space and all).
    for end in range(len(value), 0, -1):
        if normalise(value[:end]) == folded:
            return typed + value[end:]
    return value


def _bash_escape(value: str) -> str:
    return re.sub(r"([^\w@%+=:,./-])", r"\\\1", value)


def _in_double_quotes(value: str) -> str:
    # Inside "...", bash acts on \ " $ ` (escaped by a backslash) and, at an interactive prompt, on ! (history
    # expansion, which no backslash inside double quotes stops cleanly): a ! is given in single quotes.
    return re.sub(r'([\\"$`])', r"\\\1", value).replace("!", "\"'!'\"")


def _in_single_quotes(value: str) -> str:
    return value.replace("'", "'\\''")  # nothing is special inside '...' but its end


# The word being completed was opened with this quote (the bash script says which).
QUOTE_VARIABLE = "_NEWSKB_QUOTE"
_BASH_ESCAPES = {'"': _in_double_quotes, "'": _in_single_quotes}


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
    local word="${COMP_WORDS[COMP_CWORD]}"
    mapfile -t candidates < <(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD="$COMP_CWORD" \\
        _NEWSKB_QUOTE="${word:0:1}" %(autocomplete_var)s=complete_bash "$1")
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
    # newskb has matched already (any word, any case, accents or not): -U keeps zsh from matching again, by
    # prefix and case. Several candidates are listed, and what was typed stays as typed.
    compadd -U -l -d shown -a names
    (( ${#names} > 1 )) && compstate[insert]='' && compstate[list]='list force'
  else
    _files
  fi
}

# Loaded from $fpath (compinit autoloads this file as the function _newskb at the first TAB): complete now,
# or that first TAB would only define the function. Sourced: register it for the next TAB.
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  %(complete_func)s "$@"
else
  compdef %(complete_func)s %(prog_name)s
fi
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
    from newskb.common.printable import printable

    value = printable(str(item.value), one_line=True)
    return f"{value}\t{_short(item.help)}" if item.help else value


def use_our_scripts() -> None:
    """Have `--show-completion` and `--install-completion` print and write our bash and zsh scripts."""
    from typer import _completion_shared

    _completion_shared._completion_scripts.update({shell.value: script for shell, script in _SCRIPTS.items()})


def _short(text: str) -> str:
    from newskb.common.printable import printable

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


# Where zsh completion goes without root: a folder of the user's on $fpath, as compinit expects one file
# named _newskb there. Typer's own installer also appends `compinit` to ~/.zshrc, which runs it a second
# time where a framework (oh-my-zsh, prezto) already does; the lines are printed for the user instead.
ZSH_FOLDER = "~/.zfunc"
ZSH_LINES = f"fpath=({ZSH_FOLDER} $fpath)\nautoload -Uz compinit && compinit\n"


def install_script(shell: Shell | None) -> None:
    """`--install-completion SHELL`: write the script where SHELL loads it from, in the user's home:
    bash's ~/.bash_completions/newskb.sh (sourced from ~/.bashrc), fish's completions folder, zsh's
    ~/.zfunc/_newskb (with the lines ~/.zshrc needs printed on stdout)."""
    if shell is None:
        return
    from pathlib import Path

    from typer._completion_shared import get_completion_script, install

    from newskb.cli import os_error
    from newskb.cli.options import say

    use_our_scripts()
    try:
        if shell is Shell.ZSH:
            path = Path(os.path.expanduser(ZSH_FOLDER)) / "_newskb"
            path.parent.mkdir(parents=True, exist_ok=True)
            script = get_completion_script(prog_name="newskb", complete_var=COMPLETE_VARIABLE, shell=shell.value)
            path.write_text(script + "\n", encoding="utf-8")
        else:
            _, path = install(shell=shell.value, prog_name="newskb", complete_var=COMPLETE_VARIABLE)
    except OSError as error:  # an unwritable home, a full disk: one line, as every other error
        say(f"error: cannot install the {shell.value} completion script: {os_error(error)}")
        raise typer.Exit(ExitStatus.BAD_USAGE) from None
    if shell is Shell.ZSH:
        say(f"zsh completion installed in {path}; ~/.zshrc needs these lines (fpath before compinit):")
        typer.echo(ZSH_LINES, nl=False)
    else:
        say(f"{shell.value} completion installed in {path}; it takes effect in a new shell")
    raise typer.Exit()
