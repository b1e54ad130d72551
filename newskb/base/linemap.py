"""Line numbers for the tables and keys of a TOML file.

tomllib returns values without positions, so this reads them from tomltree, the one parser that knows
where every header, key and value of a TOML file is written (the same that edits use): a record written
as a table (`[[person]]`, `[["person"]]`) or as an inline table (`person = [{ ... }]`) has the line of its
header (or its brace) and of each key. Anything it cannot place falls back to the table's line.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newskb.base import tomltree


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
    """Map every table header and key of `text` (TOML tomllib has read) to its 1-based line number."""
    from newskb.base import tomltree
    from newskb.common.errors import BadArgumentError

    result = LineMap()
    top = result.tables[(TOP_LEVEL, 0)] = TableLines(line=1)
    try:
        statements = tomltree.parse(text)
    except BadArgumentError:
        return result
    counts: Counter[str] = Counter()
    current = top

    def line(offset: int) -> int:
        return text.count("\n", 0, offset) + 1

    def add_key(table: TableLines, entry: tomltree.Entry) -> None:
        name, last = entry.key[0], line(entry.value.end)
        if name not in table.keys:
            table.keys[name] = line(entry.start)
            table.key_ends[name] = last
        table.end = max(table.end, last)

    for statement in statements:
        if isinstance(statement, tomltree.Header):
            if len(statement.key) == 1:
                name = statement.key[0]
                current = result.tables[(name, counts[name])] = TableLines(line=line(statement.line_start))
                current.end = current.line
                counts[name] += 1
            continue
        add_key(current, statement)
        if current is top:
            for index, item in enumerate(_inline_tables(statement)):
                inline = result.tables[(statement.key[0], index)] = TableLines(line=line(item.start))
                for entry in item.entries or ():
                    add_key(inline, entry)
    return result


def _inline_tables(statement: tomltree.Entry) -> list[tomltree.Value]:
    """The inline tables a top-level statement writes records as: `x = { ... }` or `x = [{ ... }, ...]`."""
    value = statement.value
    if value.entries is not None:
        return [value]
    return [item for item in value.items or () if item.entries is not None]
