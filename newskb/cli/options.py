"""What every command shares: option types, dates from the command line, opening the index, messages."""

import sys
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

# Only what every command needs is imported here; each command imports the rest when it runs,
# so a query does not pay for the modules that curation or export use (benchmarks/RESULTS.md).
from newskb import folder, render
from newskb.printable import printable
from newskb.render import Format
from newskb.words import counted

if TYPE_CHECKING:
    import sqlite3

    from newskb.search import Match

# A string, not a Path: Path("") is the current folder, and an empty --data must be refused, not read as ".".
DataOption = Annotated[
    str | None,
    typer.Option(
        "--data",
        help="Data folder to read (default: $NEWSKB_DATA, else the bundled fact base).",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format", "-f", help="Output format (default: table at a terminal, plain in a pipe).", show_default=False
    ),
]
KnownAsOfOption = Annotated[
    str | None,
    typer.Option(
        "--known-as-of",
        help="Answer only from sources published by this day, YYYY-MM-DD (what was known then).",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="The day to ask about, YYYY-MM-DD (default: today).", show_default=False)
]


# The record kinds `add` and `search` accept, spelled as kinds.Kind spells them (a test keeps them in
# step); written out so that building the command line imports nothing more.
class RecordKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    OFFICE = "office"
    TERM = "term"
    EVENT = "event"
    CLAIM = "claim"
    EXPECT = "expect"


def pick_format(chosen: Format | None) -> Format:
    return chosen or render.default_format(sys.stdout)


def open_index(data: str | None) -> "sqlite3.Connection":
    """The index of the data folder; invalid records are skipped with one warning on stderr."""
    from newskb import cache

    with render.BuildProgress() as progress:
        connection, problems = cache.open_index(folder.find_data_dir(data), progress)
    if problems:
        problem_count = counted(len(problems), "problem")
        say(f"warning: the data has {problem_count}; answers skip what is invalid (run 'newskb check')")
    return connection


def as_of_day(as_of: str | None) -> date:
    from newskb.dates import parse_day

    return parse_day(as_of) if as_of is not None else date.today()


def known_day(known_as_of: str | None) -> date | None:
    from newskb.dates import parse_day

    return parse_day(known_as_of) if known_as_of is not None else None


def say(message: str) -> None:
    """Tell the person at the terminal (stderr: never data), on one line, escaped as data is escaped."""
    typer.echo("newskb: " + printable(message, one_line=True), err=True)


def say_match(match: "Match | None", what: str, *, prefix: str | None = None) -> None:
    """Name the entity a fuzzy match chose, so a person sees what was answered (stderr: not data); in a
    batch, `prefix` says for which line."""
    if match is not None and not match.exact:
        said = f"'{prefix}': " if prefix is not None else ""
        say(f"{said}matched {what}: {match.name} ({match.id})")


def done(found: bool, nothing: str) -> None:
    if not found:
        say(nothing)
        raise typer.Exit(1)
