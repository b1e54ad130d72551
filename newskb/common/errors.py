"""One exception family for everything newskb can refuse, and the problem line `check` collects.

Each exception kind carries the exit status the command line ends with (status.py), so `cli` needs no
table of its own: NOTHING_FOUND also means "the data has problems", BAD_USAGE "or unreadable data".
"""

import os
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from newskb.common.status import ExitStatus


class NewskbError(Exception):
    """The root of every error newskb reports as one line on stderr."""

    exit_code = ExitStatus.BAD_USAGE


class DataFileError(NewskbError):
    """A data file cannot be found, read, decoded or parsed."""

    exit_code = ExitStatus.BAD_USAGE


class RecordError(NewskbError):
    """A record is invalid: what `check` would report as a problem."""

    exit_code = ExitStatus.NOTHING_FOUND


class NotFoundError(NewskbError):
    """A name, id or office matched nothing."""

    exit_code = ExitStatus.NOTHING_FOUND


class UnknownNameError(NotFoundError):
    """A typed name names nothing in the fact base: an answer (nothing found), said without "error:"."""


class AmbiguousNameError(UnknownNameError):
    """A typed name names more than one entity alike: refused, never guessed between (an answer too)."""


class BadArgumentError(NewskbError):
    """A command-line value is malformed (a bad date, an unknown kind)."""

    exit_code = ExitStatus.BAD_USAGE


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    # A file that cannot be read or parsed: nothing in it could be checked.
    FATAL = "fatal"


def display_path(path: Path) -> str:
    """Show a path relative to the working folder when it lies below it, else as it is."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return os.fspath(path)


# A named tuple, not a dataclass: every command imports this module at start-up, and a dataclass costs a
# millisecond or two to create (its methods are compiled from source).
class Problem(NamedTuple):
    """One thing wrong with the data, located by file, line and key path."""

    file: Path
    line: int | None
    key_path: str
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        where = display_path(self.file)
        if self.line is not None:
            where = f"{where}:{self.line}"
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        if self.key_path:
            return f"{where}: {self.key_path}: {prefix}{self.message}"
        return f"{where}: {prefix}{self.message}"
