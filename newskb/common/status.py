"""Every exit code newskb ends with, as one type: what a script can branch on (README, "Exit codes").

The help's exit-code line and the README's table are written from `MEANINGS` (tests/test_exit_status.py
keeps the README equal to it), so a new code is a member here, its meaning, and the place that chooses it.
"""

from enum import IntEnum


class ExitStatus(IntEnum):
    FOUND = 0
    NOTHING_FOUND = 1
    BAD_USAGE = 2
    CANNOT_TELL = 3
    CONTRADICTED = 4
    LAST_KNOWN = 5
    INTERNAL_ERROR = 70
    INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C
    PIPE_CLOSED = 141  # 128 + SIGPIPE: the reader of stdout went away
    TERMINATED = 143  # 128 + SIGTERM


# Each code: a few words for `--help`, then what the README's table says of it.
MEANINGS: dict[ExitStatus, tuple[str, str]] = {
    ExitStatus.FOUND: ("found (or the data is clean)", "found (for `check`: the data is clean)"),
    ExitStatus.NOTHING_FOUND: (
        "nothing found (or check found problems)",
        "nothing found: a name that names nothing in the base, a search or timeline with no hit, `who` where "
        "the sources establish a vacancy, `verify` where a statement is not in the base (for `check`: "
        "problems found)",
    ),
    ExitStatus.BAD_USAGE: (
        "bad usage or unreadable data",
        "bad usage, or a data file cannot be read or parsed (also: a batch line that is not UTF-8 or longer "
        "than 64 KiB, a closed stdin, a journal newskb will not follow, `--force` over what is not a regular "
        "file)",
    ),
    ExitStatus.CANNOT_TELL: (
        "the sources cannot tell (who, verify)",
        "`who`: the sources cannot tell (the only terms in play that day have unknown dates, or the day lies "
        "outside what the sources reach); `verify`: a statement cannot be told (and none is contradicted)",
    ),
    ExitStatus.CONTRADICTED: (
        "contradicted (verify)",
        "`verify`: a statement is contradicted by the sources",
    ),
    ExitStatus.LAST_KNOWN: (
        "last known: the evidence stops before the asked day (who)",
        "`who`: last known: the evidence stops before the asked day; the row is printed with how old it is",
    ),
    ExitStatus.INTERRUPTED: ("interrupted", "interrupted (Ctrl-C)"),
    ExitStatus.TERMINATED: ("terminated", "terminated (SIGTERM)"),
    ExitStatus.PIPE_CLOSED: (
        "output pipe closed early",
        "the reader of stdout went away early (`newskb ... \\| head -1`, a batch or an export included); "
        "nothing is printed",
    ),
    ExitStatus.INTERNAL_ERROR: (
        "internal error (a bug)",
        "an internal error (a bug in newskb): one line on stderr, please report it",
    ),
}


def help_line() -> str:
    """The exit codes as the help's last paragraph says them."""
    return "Exit codes: " + ", ".join(f"{int(code)} {MEANINGS[code][0]}" for code in sorted(MEANINGS)) + "."


def readme_table() -> list[str]:
    """The README's exit-code table, line by line."""
    return ["| code | meaning |", "|---|---|", *(f"| {int(code)} | {MEANINGS[code][1]} |" for code in sorted(MEANINGS))]
