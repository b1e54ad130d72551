"""A pager for output taller than the screen, at a terminal only, as git does.

What a command prints to a terminal is held back; when it ends, output that fits the screen is printed as
it is, and taller output goes to the pager: $NEWSKB_PAGER, else $PAGER, else `less` (with LESS=FRX unless
LESS is set: quit at once if it fits, keep colours, leave the text on the screen). An empty NEWSKB_PAGER,
or `newskb --no-pager`, turns it off. Nothing of this happens in a pipe.
"""

from __future__ import annotations

import io
import os
import shlex
import shutil
import signal
import subprocess
import sys
from typing import IO

PAGER_VARIABLE = "NEWSKB_PAGER"


class Screenful(io.StringIO):
    """Output held back for the pager. It answers as the terminal it stands in for (a terminal, of its
    width), so tables and colours are chosen as they would be."""

    def __init__(self, terminal: IO[str], width: int, height: int) -> None:
        super().__init__()
        self.terminal = terminal
        self.width = width
        self.height = height

    def isatty(self) -> bool:
        return True


def pager_command() -> list[str] | None:
    """The pager to run, or None when paging is turned off. ValueError (its message naming the variable)
    for one that cannot be read as a command line (`less "`)."""
    variable = PAGER_VARIABLE if PAGER_VARIABLE in os.environ else "PAGER"
    chosen = os.environ.get(PAGER_VARIABLE)
    if chosen is None:
        chosen = os.environ.get("PAGER") or "less"
    if not chosen.strip():
        return None
    try:
        return shlex.split(chosen)
    except ValueError as error:
        from newskb.common.printable import printable

        raise ValueError(f"{variable} ({printable(chosen, one_line=True)!r}) is not a command line: {error}") from None


def hold() -> Screenful | None:
    """Hold back what is printed on stdout, if it is a terminal and a pager is wanted (ValueError: the pager
    named cannot be read as a command line)."""
    if not sys.stdout.isatty() or pager_command() is None:
        return None
    size = shutil.get_terminal_size()
    held = Screenful(sys.stdout, size.columns, size.lines)
    sys.stdout = held
    return held


def release(held: Screenful) -> None:
    """Print what was held back: as it is if it fits the screen, else through the pager."""
    sys.stdout = held.terminal
    text = held.getvalue()
    command = pager_command()
    if text.count("\n") < held.height or command is None:
        held.terminal.write(text)
        return
    environment = {**os.environ}
    environment.setdefault("LESS", "FRX")
    # While the pager runs, Ctrl-C is the pager's (less uses it), not a reason to leave it behind.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        process = subprocess.Popen(command, stdin=subprocess.PIPE, env=environment, text=True)
    except OSError:
        held.terminal.write(text)  # no such pager: the text itself, rather than nothing
        return
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        assert process.stdin is not None
        process.stdin.write(text)
        process.stdin.close()
    except BrokenPipeError:  # the reader quit the pager before the end
        pass
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        process.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
