"""What every command shares: option types, dates from the command line, opening the index, messages."""

import contextlib
import re
import sys
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from newskb import render

# Only what every command needs is imported here; each command imports the rest when it runs,
# so a query does not pay for the modules that curation or export use (benchmarks/RESULTS.md).
from newskb.base import folder
from newskb.common.printable import printable
from newskb.common.status import ExitStatus
from newskb.common.words import counted
from newskb.render import Format

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterator
    from pathlib import Path

    from newskb.answers.lookup import Match

# A string, not a Path: Path("") is the current folder, and an empty --data must be refused, not read as ".".
DataOption = Annotated[
    str | None,
    typer.Option(
        "--data",
        metavar="DIR",
        help="Data folder (default: $NEWSKB_DATA, else the base the working folder is in, else the bundled one).",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format", "-f", help="Output format (default: table at a terminal, plain in a pipe).", show_default=False
    ),
]


def _choose_fields(value: str | None) -> None:
    from newskb.render import selection

    selection.choose(value)


FieldsOption = Annotated[
    str | None,
    typer.Option(
        "--fields",
        metavar="KEYS",
        callback=_choose_fields,
        expose_value=False,
        help="Only these keys, in this order, in plain, tsv, csv, json or jsonl output: --fields holder,start.",
        show_default=False,
    ),
]


def _one_day(value: str | None) -> str | None:
    """A malformed --as-of, --known-as-of or --published is a usage error of the command, said in one line as every
    other is (`newskb: who: invalid value for '--as-of': ...`), and says what the option takes."""
    from newskb.common.dates import DateError

    try:
        known_day(value)
    except DateError as error:
        # A day's shape with no such day says which part is wrong; anything else, what the option takes.
        shaped = value is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip())
        raise typer.BadParameter(
            str(error) if shaped else f"'{value}' is not a day: write YYYY-MM-DD or today"
        ) from None
    return value


KnownAsOfOption = Annotated[
    str | None,
    typer.Option(
        "--known-as-of",
        metavar="DATE",
        help="Answer only from sources published by this day (what was known then): YYYY-MM-DD or today.",
        show_default=False,
        callback=_one_day,
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="The day to ask about: YYYY-MM-DD or today (the default).",
        show_default=False,
        callback=_one_day,
    ),
]
PublishedOption = Annotated[
    str | None,
    typer.Option(
        "--published",
        metavar="DATE",
        help="The day the text was written, which its relative dates count from ('tomorrow'; default: --as-of).",
        show_default=False,
        callback=_one_day,
    ),
]
# --from and --to: the ends of a range, any date of the grammar (2024, 2024-09, ~, ?, ..) or today.
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from", metavar="DATE", help="From this date: any date of the grammar, or today.", show_default=False
    ),
]
ToOption = Annotated[
    str | None,
    typer.Option(
        "--to", metavar="DATE", help="Up to this date: any date of the grammar, or today.", show_default=False
    ),
]

TODAY = "today"


# The record kinds `add` accepts and those `search` finds, spelled as kinds.Kind spells them (a test keeps
# them in step); written out so that building the command line imports nothing more.
class RecordKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    OFFICE = "office"
    TERM = "term"
    EVENT = "event"
    CLAIM = "claim"
    EXPECT = "expect"


class SearchKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    OFFICE = "office"
    TERM = "term"
    EVENT = "event"
    CLAIM = "claim"


def pick_format(chosen: Format | None) -> Format:
    return chosen or render.default_format(sys.stdout)


# The data folder the command answers from (set by open_index), named in its messages unless it is the
# bundled fact base.
_in_use: "Path | None" = None


def open_index(data: str | None, *, articles: bool = True) -> "sqlite3.Connection":
    """The index of the data folder; invalid records are skipped with one warning on stderr. A command whose
    answer reads no article text passes `articles=False` (index/freshness.py)."""
    from newskb.index import cache

    global _in_use
    _in_use = folder.find_data_dir(data)
    with settled(_in_use), render.BuildProgress() as progress:
        connection, problems = cache.open_index(_in_use, progress, articles=articles)
    if problems:
        problem_count = counted(len(problems), "problem")
        say(f"warning: the data has {problem_count}; answers skip what is invalid (run 'newskb check')")
    return connection


@contextlib.contextmanager
def settled(root: "Path") -> "Iterator[None]":
    """Read the data folder with no writer renaming under us, a write a killed writer left half done finished
    first (lock.reading), and said so on stderr."""
    from newskb.base.lock import reading
    from newskb.common.errors import display_path

    with reading(root) as finished:
        if finished:
            say(f"finished a write that was interrupted: {', '.join(display_path(path) for path in finished)}")
        yield


def as_of_day(as_of: str | None) -> date:
    """The day --as-of names (today when it is not given)."""
    return known_day(as_of) or date.today()


def known_day(written: str | None) -> date | None:
    """The day a --known-as-of (or --as-of) names: one exact day, or today; None when not given."""
    from newskb.common.dates import parse_day

    if written is None:
        return None
    return date.today() if written.strip().lower() == TODAY else parse_day(written)


def range_bounds(from_date: str | None, to_date: str | None) -> tuple[date | None, date | None]:
    """The first and last day a --from/--to range may cover: from the earliest day of --from to the latest
    of --to (so --from 2024 starts on 1 January 2024 and --to 2024 ends on 31 December); a range that ends
    before it starts is refused."""
    from newskb.common.dates import parse
    from newskb.common.errors import BadArgumentError

    def written(text: str) -> str:
        return date.today().isoformat() if text.strip().lower() == TODAY else text

    start = parse(written(from_date)).earliest_day if from_date is not None else None
    end = parse(written(to_date)).latest_day if to_date is not None else None
    if start is not None and end is not None and start > end:
        raise BadArgumentError(f"--from {from_date} is after --to {to_date}")
    return start, end


# -q/--quiet: nothing on stdout, and on stderr only errors (README, "Exit codes": the code is the answer).
_quiet = False


def be_quiet() -> None:
    """Send stdout to the null device and keep every message but errors off stderr (-q, --quiet)."""
    import os

    global _quiet
    _quiet = True
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (open until the process ends)


def say(message: str) -> None:
    """Tell the person at the terminal (stderr: never data), on one line, escaped as data is escaped, and cut
    short past SAID_AT_MOST characters (a 100,000-letter name typed by a script is not said back whole)."""
    if _quiet and not message.startswith("error:"):
        return
    line = printable(message, one_line=True)
    if len(line) > SAID_AT_MOST:
        line = f"{line[:SAID_AT_MOST]}... ({len(line) - SAID_AT_MOST} more characters)"
    typer.echo("newskb: " + line, err=True)


# The longest message said whole: a few lines of a terminal.
SAID_AT_MOST = 1000


def say_match(match: "Match | None", what: str) -> None:
    """Name the entity a fuzzy match chose, so a person sees what was answered (stderr: not data)."""
    note = match_note(match, what)
    if note is not None:
        say(note)


def match_note(match: "Match | None", what: str, *, prefix: str | None = None) -> str | None:
    """What a fuzzy match chose (None for an exact name, alias or id), and in which fact base when it is not
    the bundled one; in a batch, `prefix` says for which line."""
    if match is None or match.exact:
        return None
    said = f"'{prefix}': " if prefix is not None else ""
    return f"{said}matched {what}: {match.name} ({match.id}){base_named(_in_use)}"


def base_named(data: "Path | None") -> str:
    """` in /home/ana/kb/data`: the fact base a message is about, unless it is the bundled one (or none is
    open); absolute, since the working folder may be anywhere inside the base."""
    import os

    if data is None or folder.is_bundled(data):
        return ""
    return f" in {os.path.abspath(data)}"


def done(found: bool, nothing: str) -> None:
    if not found:
        say(nothing)
        raise typer.Exit(ExitStatus.NOTHING_FOUND)
