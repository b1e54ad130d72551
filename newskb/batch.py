"""Many questions in one process: one query per line of input, answered in order, a miss never the end.

A script that asks a thousand questions pays newskb's start-up once (`newskb who - < offices.txt`): each
line is asked with the same query function a single question uses, on the one index opened for all. A
line asked before in the same run is answered from memory: the index does not change during a run.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from newskb.errors import NewskbError


# Named tuples, not dataclasses: every command that can read lines imports these, and a dataclass costs
# a millisecond or two of start-up to create (its methods are compiled from source).
class Reply(NamedTuple):
    """What one query got: its rows, why it counts as not answered (None: it is answered), and a note for
    the person reading stderr (which entity a typed name was taken for)."""

    rows: Sequence[Any]
    missed: str | None = None
    note: str | None = None


Ask = Callable[[str], Reply]
"""Answer one query."""


class Answered(NamedTuple):
    """One line of input and what it got."""

    number: int  # the line's number in the input
    query: str
    reply: Reply


def each_line(lines: Iterable[str], ask: Ask) -> Iterator[Answered]:
    """Ask every non-blank line, in order; a line that matches nothing, or that cannot be asked (a search
    with no word in it), is a miss, and the run goes on."""
    replies: dict[str, Reply] = {}
    for number, line in enumerate(lines, start=1):
        query = line.rstrip("\r\n")
        if not query.strip():
            continue
        if query not in replies:
            try:
                replies[query] = ask(query)
            except NewskbError as error:
                replies[query] = Reply(rows=[], missed=str(error))
        yield Answered(number, query, replies[query])
