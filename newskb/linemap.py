"""Line numbers for the tables and keys of a TOML file.

tomllib returns values without positions, so this scans the text once for table headers and
`key = value` lines. It understands what the hand-written fact base uses (tables, arrays of tables,
single- and multi-line strings and arrays); anything it cannot place falls back to the table's line.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_HEADER = re.compile(r"(\[\[|\[)\s*([A-Za-z0-9_-]+)\s*(\]\]|\])\s*(#.*)?")
_KEY = re.compile(r"([A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')\s*=\s*(.*)")
_STRING = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'[^']*'")

TOP_LEVEL = ""
"""The name under which keys written before any table header are kept."""


@dataclass(slots=True)
class TableLines:
    """The line of one table's header and of each of its keys, and its last line of TOML (the last line of
    its last value: a multi-line string's or array's closing line; 0 for a top level with no keys).
    A line inside a multi-line value belongs to its key even where it starts with `#`."""

    line: int
    keys: dict[str, int] = field(default_factory=dict)
    end: int = 0
    key_ends: dict[str, int] = field(default_factory=dict)  # each key's last line of value


@dataclass(slots=True)
class LineMap:
    """Tables by (name, index among tables of that name), in the order they are written."""

    tables: dict[tuple[str, int], TableLines] = field(default_factory=dict)

    def table(self, name: str, index: int = 0) -> TableLines:
        return self.tables.get((name, index), TableLines(line=1))


class LazyLineMap:
    """A file's line map, scanned only when a line number is first asked for.

    Building an index needs no line numbers; reporting a problem does. Scanning every file up front
    would cost a quarter of the TOML parse itself.
    """

    __slots__ = ("_map", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._map: LineMap | None = None

    def get(self) -> LineMap:
        if self._map is None:
            self._map = scan(self._text)
            self._text = ""
        return self._map


def scan(text: str) -> LineMap:
    """Map every table header and key of `text` to its 1-based line number."""
    result = LineMap()
    counts: Counter[str] = Counter()
    current = TableLines(line=1)
    result.tables[(TOP_LEVEL, 0)] = current
    closing: str | None = None  # the delimiter that ends the multi-line string we are inside
    depth = 0  # how many brackets of a multi-line array are still open
    continued = ""  # the key whose multi-line value we are inside (its first writing only)
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if closing is not None or depth > 0:
            current.end = number
            if continued:
                current.key_ends[continued] = number
            if closing is None:
                depth += _bracket_balance(line)
            elif closing in line:
                closing = None
            continue
        if not line or line[0] == "#":
            continue
        if line[0] == "[":
            header = _HEADER.fullmatch(line)
            if header is not None:
                name = header[2]
                current = TableLines(line=number)
                result.tables[(name, counts[name])] = current
                counts[name] += 1
            current.end = number
            continue
        current.end = number
        key = _KEY.match(line) if "=" in line else None
        if key is None:
            continue
        name = key[1].strip("\"'")
        continued = "" if name in current.keys else name
        if continued:
            current.keys[name] = current.key_ends[name] = number
        value = key[2]
        if value[:1] == '"' or value[:1] == "'":
            for delimiter in ('"""', "'''"):
                if value.startswith(delimiter) and value.count(delimiter) == 1:
                    closing = delimiter
        elif value.startswith("["):
            depth = _bracket_balance(value)
    return result


def record_lines(
    lines: list[str], line_map: LineMap, table: TableLines, *, with_comments: bool = False
) -> tuple[int, int]:
    """The 0-based [start, end) of a table's own lines: its header, keys and values, without the blank lines
    and comments after them (which belong to what comes next); with `with_comments`, also the comment
    lines just above its header (a draft's sentence, a curator's remark), but never a line of the table
    before (whose multi-line string may hold a line that starts with `#`)."""
    start, end = table.line - 1, max(table.end, table.line)
    if with_comments:
        floor = max((other.end for other in line_map.tables.values() if other.end < table.line), default=0)
        while start > floor and lines[start - 1].lstrip().startswith("#"):
            start -= 1
    return start, end


def _bracket_balance(line: str) -> int:
    """Open minus closed brackets on a line, ignoring those inside strings and comments."""
    code = _STRING.sub("", line).split("#", 1)[0]
    return code.count("[") - code.count("]")
