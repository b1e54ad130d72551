"""Many questions in one process: one query per line of input, answered in order, a miss never the end.

A script that asks a thousand questions pays newskb's start-up once (`newskb who - < offices.txt`): each
line is asked with the same query function a single question uses, on the one index opened for all. A
line asked before in the same run (among the last REMEMBERED distinct ones) is answered from memory: the
index does not change during a run.

The work is bounded whatever the input: lines are read one at a time (each is answered before the next
is read, so `| head -1` ends the run at once), a line longer than MAX_LINE bytes ends the run (an endless
line, like the zero device's, is never read whole), and memory holds at most REMEMBERED answers.
"""

from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, NamedTuple

from newskb.common.errors import BadArgumentError, NewskbError

# A query is a name, an id or a question: a line longer than this is not one (a binary file, the zero device).
MAX_LINE = 64 * 1024
# How many distinct lines' answers are kept for a line asked again.
REMEMBERED = 1024


# Named tuples, not dataclasses: every command that can read lines imports these, and a dataclass costs
# a millisecond or two of start-up to create (its methods are compiled from source).
class Reply(NamedTuple):
    """What one query got: its rows, why it counts as not answered (None: it is answered), and a note for
    the person reading stderr (which entity a typed name was taken for)."""

    rows: Sequence[Any]
    missed: str | None = None
    note: str | None = None
    unreadable: bool = False  # the line itself could not be read (not UTF-8): not asked


Ask = Callable[[str], Reply]
"""Answer one query."""


class Answered(NamedTuple):
    """One line of input and what it got."""

    number: int  # the line's number in the input
    query: str
    reply: Reply


def read_lines(stream: IO[bytes]) -> Iterator[str | bytes]:
    """The lines of a byte stream, one at a time: each decoded from UTF-8, or left as bytes if it is not
    UTF-8. A line longer than MAX_LINE bytes raises BadArgumentError (nothing after it is read)."""
    number = 0
    while True:
        line = stream.readline(MAX_LINE + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE:
            raise BadArgumentError(
                f"standard input: line {number} is longer than {MAX_LINE // 1024} KiB, which no query is "
                "(a binary file?); nothing after it was read"
            )
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            yield line  # each_line names it, and the run goes on
            continue
        yield text


def each_line(lines: Iterable[str | bytes], ask: Ask) -> Iterator[Answered]:
    """Ask every non-blank line, in order; a line that matches nothing, or that cannot be asked (a search
    with no word in it), is a miss, and the run goes on. A line that is not UTF-8 (bytes) is not asked."""
    replies: OrderedDict[str, Reply] = OrderedDict()
    for number, line in enumerate(lines, start=1):
        if isinstance(line, bytes):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as error:
                shown = line.rstrip(b"\r\n").decode("utf-8", "backslashreplace")
                why = f"not UTF-8: byte 0x{line[error.start]:02x} cannot be decoded; not asked"
                yield Answered(number, shown, Reply(rows=[], missed=why, unreadable=True))
                continue
            line = line.decode("utf-8")
        query = line.rstrip("\r\n")
        if not query.strip():
            continue
        if query in replies:
            replies.move_to_end(query)
        else:
            try:
                replies[query] = ask(query)
            except NewskbError as error:
                replies[query] = Reply(rows=[], missed=str(error))
            if len(replies) > REMEMBERED:
                replies.popitem(last=False)
        yield Answered(number, query, replies[query])
