"""Where each record of a TOML file is written: its header, keys and values as character offsets.

tomllib gives values without positions. Edits (`set`, `rm`, `rename`) and `accept` must touch only the
bytes of the records they change, so they need to know where each record, key and value begins and ends
in every form the reader accepts: `[[person]]` and `[["person"]]` or `[[ 'person' ]]` headers, quoted and
dotted keys, basic, literal and multi-line strings with every escape (a note may hold `\\"\\"\\"`), arrays and
inline tables spanning lines, comments anywhere, and records written as inline tables
(`person = [{ id = "x", name = "X" }]`). This is that one parser. It reads only text tomllib has
accepted (it assumes valid TOML and is checked against tomllib by the tests); each value's Python value
is tomllib's own reading of its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newskb.common.errors import BadArgumentError

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_BASIC = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_LITERAL = re.compile(r"'[^'\n]*'")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:\d{2})?")
_SCALAR = re.compile(r"[^\s,\]\}#]+")
_SPACE = re.compile(r"[ \t]*")
_BLANK = re.compile(r"(?:[ \t\r\n]|#[^\n]*)*")  # spaces, line breaks and comments, as inside an array


@dataclass(frozen=True, slots=True)
class Value:
    """A value's text is `text[start:end]`; an array has `items`, an inline table `entries`."""

    start: int
    end: int
    items: tuple[Value, ...] | None = None
    entries: tuple[Entry, ...] | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """`key = value`: a line of a table (a statement) or an entry of an inline table.

    A statement also has `line_start` (its line's first character), `line_end` (just after the line break
    ending its last line, or the end of the text) and `comment`, the span of a comment after its value."""

    key: tuple[str, ...]
    start: int
    value: Value
    line_start: int = 0
    line_end: int = 0
    comment: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Header:
    """`[name]` or `[[name]]`, with the span of its line and of a comment after it."""

    key: tuple[str, ...]
    array: bool
    line_start: int
    line_end: int
    comment: tuple[int, int] | None = None


@dataclass(slots=True)
class Record:
    """One record of a file: the `index`-th table named `kind` (as tomllib lists them).

    Written as a table: `header` and its `body` statements (`subtables` if it has `[kind.x]` tables after
    it). Written inline: `inline`, the inline table's value, inside `container` (the statement holding it)."""

    kind: str
    index: int
    header: Header | None = None
    body: list[Entry] = field(default_factory=list)
    subtables: bool = False
    inline: Value | None = None
    container: Entry | None = None
    dotted: bool = False  # written as top-level dotted keys (`source.id = ...`), or holding one (`name.first`)

    @property
    def entries(self) -> list[Entry]:
        if self.inline is not None:
            return list(self.inline.entries or ())
        return self.body

    def entry(self, name: str) -> Entry | None:
        return next((entry for entry in self.entries if entry.key == (name,)), None)

    def span(self) -> tuple[int, int]:
        """From the first character of its header's line to the end of its last line (a table), or its
        inline table's braces."""
        if self.inline is not None:
            return self.inline.start, self.inline.end
        assert self.header is not None
        return self.header.line_start, max([self.header.line_end, *(entry.line_end for entry in self.body)])


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.at = 0

    def fail(self) -> BadArgumentError:
        line = self.text.count("\n", 0, self.at) + 1
        return BadArgumentError(f"line {line}: TOML this editor cannot read")

    def space(self) -> None:
        self.at = _SPACE.match(self.text, self.at).end()  # type: ignore[union-attr]  # matches the empty text

    def blank(self) -> None:
        self.at = _BLANK.match(self.text, self.at).end()  # type: ignore[union-attr]

    def key(self) -> tuple[str, ...]:
        parts = []
        while True:
            self.space()
            parts.append(self.simple_key())
            self.space()
            if not self.text.startswith(".", self.at):
                return tuple(parts)
            self.at += 1

    def simple_key(self) -> str:
        for pattern in (_BASIC, _LITERAL, _BARE_KEY):
            found = pattern.match(self.text, self.at)
            if found is not None:
                self.at = found.end()
                return str(_loads(found.group())) if pattern is not _BARE_KEY else found.group()
        raise self.fail()

    def value(self) -> Value:
        start, text = self.at, self.text
        if text.startswith('"""', start) or text.startswith("'''", start):
            self.at = _multiline_end(text, start)
        elif text.startswith(('"', "'"), start):
            found = (_BASIC if text[start] == '"' else _LITERAL).match(text, start)
            if found is None:
                raise self.fail()
            self.at = found.end()
        elif text.startswith("[", start):
            return self.array()
        elif text.startswith("{", start):
            return self.inline_table()
        else:
            found = _DATETIME.match(text, start) or _SCALAR.match(text, start)
            if found is None:
                raise self.fail()
            self.at = found.end()
        return Value(start, self.at)

    def array(self) -> Value:
        start = self.at
        self.at += 1
        items: list[Value] = []
        while True:
            self.blank()
            if self.text.startswith("]", self.at):
                self.at += 1
                return Value(start, self.at, items=tuple(items))
            items.append(self.value())
            self.blank()
            if self.text.startswith(",", self.at):
                self.at += 1

    def inline_table(self) -> Value:
        start = self.at
        self.at += 1
        entries: list[Entry] = []
        while True:
            self.blank()
            if self.text.startswith("}", self.at):
                self.at += 1
                return Value(start, self.at, entries=tuple(entries))
            key_start = self.at
            key = self.key()
            if not self.text.startswith("=", self.at):
                raise self.fail()
            self.at += 1
            self.space()
            entries.append(Entry(key, key_start, self.value()))
            self.blank()
            if self.text.startswith(",", self.at):
                self.at += 1

    def line_rest(self) -> tuple[int, tuple[int, int] | None]:
        """After a statement: spaces, an optional comment, then the line break; returns (line end, comment)."""
        self.space()
        comment = None
        if self.text.startswith("#", self.at):
            end = self.text.find("\n", self.at)
            end = len(self.text) if end < 0 else end
            comment = (self.at, end)
            self.at = end
        if self.text.startswith("\r\n", self.at):
            self.at += 2
        elif self.text.startswith("\n", self.at):
            self.at += 1
        elif self.at < len(self.text):
            raise self.fail()
        return self.at, comment


def parse(text: str) -> list[Header | Entry]:
    """The statements of a TOML document (headers and top-level or in-table `key = value` lines), in order."""
    parser = _Parser(text)
    statements: list[Header | Entry] = []
    while True:
        parser.blank()
        if parser.at >= len(text):
            return statements
        line_start = text.rfind("\n", 0, parser.at) + 1
        if text.startswith("[", parser.at):
            array = text.startswith("[[", parser.at)
            parser.at += 2 if array else 1
            key = parser.key()
            closing = "]]" if array else "]"
            if not text.startswith(closing, parser.at):
                raise parser.fail()
            parser.at += len(closing)
            line_end, comment = parser.line_rest()
            statements.append(Header(key, array, line_start, line_end, comment))
            continue
        key_start = parser.at
        key = parser.key()
        if not text.startswith("=", parser.at):
            raise parser.fail()
        parser.at += 1
        parser.space()
        value = parser.value()
        line_end, comment = parser.line_rest()
        statements.append(Entry(key, key_start, value, line_start, line_end, comment))


def records(text: str, kinds: set[str]) -> dict[tuple[str, int], Record]:
    """Every record of the file, by (kind, index among the tables of that kind), whatever form it is written in."""
    found: dict[tuple[str, int], Record] = {}
    counts: dict[str, int] = {}
    current: Record | None = None
    for statement in parse(text):
        if isinstance(statement, Header):
            name = statement.key[0]
            current = None
            if name not in kinds:
                continue
            if len(statement.key) > 1:  # [kind.x]: a table inside the last record of that kind
                last = found.get((name, counts.get(name, 1) - 1))
                if last is not None:
                    last.subtables = True
                    current = last
                continue
            index = counts.get(name, 0)
            counts[name] = index + 1
            current = found[(name, index)] = Record(name, index, header=statement)
        elif current is not None:
            current.body.append(statement)
            current.dotted = current.dotted or len(statement.key) > 1  # `name.first = ...`: a table inside it
        elif statement.key[0] in kinds:
            name = statement.key[0]
            value = statement.value
            if len(statement.key) > 1:
                found.setdefault((name, 0), Record(name, 0)).dotted = True
            elif value.entries is not None:
                found[(name, 0)] = Record(name, 0, inline=value, container=statement)
            for index, item in enumerate(value.items or ()):
                if item.entries is not None:
                    found[(name, index)] = Record(name, index, inline=item, container=statement)
    return found


def loads(text: str) -> object:
    """The Python value of a value's text, as tomllib reads it."""
    return _loads(text)


def _loads(written: str) -> object:
    import tomllib

    return tomllib.loads(f"v = {written}")["v"]


def _multiline_end(text: str, start: int) -> int:
    """Just after the closing delimiter of the multi-line string that opens at `start`. The closing `\"\"\"` may
    follow one or two more quotes that belong to the string; a backslash escapes the character after it
    in a basic string only."""
    delimiter = text[start : start + 3]
    at = start + 3
    while at < len(text):
        char = text[at]
        if char == "\\" and delimiter == '"""':
            at += 2
            continue
        if text.startswith(delimiter, at):
            run = at
            while run < len(text) and text[run] == delimiter[0] and run - at < 5:
                run += 1
            return run
        at += 1
    return len(text)
