"""Many questions in one process: one query per line of input, answered in order, a miss never the end.

A script that asks a thousand questions pays newskb's start-up once (`newskb who - < offices.txt`): each
line is asked with the same query function a single question uses, on the one index opened for all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newskb.errors import NewskbError

Ask = Callable[[str], tuple[list[Any], str | None]]
"""Answer one query: its rows, and why it counts as not answered (None: it is answered)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Answered:
    """One line of input and what it got."""

    number: int  # the line's number in the input
    query: str
    rows: list[Any]
    missed: str | None  # why the line counts as not answered, for stderr; None when it is answered


def each_line(lines: Iterable[str], ask: Ask) -> Iterator[Answered]:
    """Ask every non-blank line, in order; a line that matches nothing, or that cannot be asked (a search
    with no word in it), is a miss, and the run goes on."""
    for number, line in enumerate(lines, start=1):
        query = line.rstrip("\r\n")
        if not query.strip():
            continue
        try:
            rows, missed = ask(query)
        except NewskbError as error:
            rows, missed = [], str(error)
        yield Answered(number=number, query=query, rows=rows, missed=missed)
