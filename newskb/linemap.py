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
    """The line of one table's header and of each of its keys."""

    line: int
    keys: dict[str, int] = field(default_factory=dict)


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
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if closing is not None:
            if closing in line:
                closing = None
            continue
        if depth > 0:
            depth += _bracket_balance(line)
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
            continue
        key = _KEY.match(line) if "=" in line else None
        if key is None:
            continue
        current.keys.setdefault(key[1].strip("\"'"), number)
        value = key[2]
        if value[:1] == '"' or value[:1] == "'":
            for delimiter in ('"""', "'''"):
                if value.startswith(delimiter) and value.count(delimiter) == 1:
                    closing = delimiter
        elif value.startswith("["):
            depth = _bracket_balance(value)
    return result


def _bracket_balance(line: str) -> int:
    """Open minus closed brackets on a line, ignoring those inside strings and comments."""
    code = _STRING.sub("", line).split("#", 1)[0]
    return code.count("[") - code.count("]")
