"""Output: Rich tables for a person at a terminal; plain, TSV, CSV, JSON and JSON Lines for scripts.

The only module that imports Rich, and only when a table is drawn. Machine formats are written
straight to the stream, never through a Rich Console (FORCE_COLOR would paint them). Data text is
data, never markup: table cells are `rich.text.Text`, and control characters are made visible.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_STATUS_STYLES = {"holds": "green", "possibly": "yellow", "held": "dim", "not yet": "cyan", "unknown": "magenta"}


class Format(StrEnum):
    TABLE = "table"
    PLAIN = "plain"
    TSV = "tsv"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a table (and of plain output): the row key and its heading."""

    key: str
    header: str
    wide: bool = False  # free text (names, titles, quotes) that may wrap to fit the terminal
    in_table: bool = True  # False: long ids that plain output keeps but a table has no room for


def default_format(stream: IO[str]) -> Format:
    """A table for a person at a terminal; plain lines for a pipe or a file (gh's rule)."""
    return Format.TABLE if stream.isatty() else Format.PLAIN


def as_dict(row: Any) -> dict[str, Any]:
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return dataclasses.asdict(row)
    return dict(row)


def visible(text: str, *, one_line: bool = False) -> str:
    """Show control and bidi characters as escapes instead of letting a terminal act on them."""
    out = []
    for char in text:
        if one_line and char in "\t\n\r":
            out.append({"\t": "\\t", "\n": "\\n", "\r": "\\r"}[char])
        elif char in "\t\n":
            out.append(char)
        elif ord(char) < 32 or 127 <= ord(char) < 160:
            out.append(f"\\x{ord(char):02x}")
        elif char in _BIDI:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def cell(value: Any) -> str:
    """One value as text for a cell: lists joined by commas, missing as empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def write_rows(
    rows: Sequence[Any],
    columns: Sequence[Column],
    output_format: Format,
    *,
    title: str | None = None,
    stream: IO[str] | None = None,
) -> None:
    """Write rows: `columns` for a table or plain lines, every field for TSV, CSV and JSON."""
    out = stream or sys.stdout
    records = [as_dict(row) for row in rows]
    if output_format is Format.JSON:
        out.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif output_format is Format.JSONL:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif output_format is Format.TABLE:
        _table(records, columns, title, out)
    else:
        keys = [column.key for column in columns] if output_format is Format.PLAIN else _all_keys(records, columns)
        _delimited(records, keys, output_format, out)


def write_groups(
    groups: Sequence[tuple[str, Sequence[Any]]],
    columns: Sequence[Column],
    output_format: Format,
    *,
    stream: IO[str] | None = None,
) -> None:
    """Several titled groups of rows: a table each at a terminal, one stream of rows otherwise."""
    if output_format is Format.TABLE:
        for title, rows in groups:
            if rows:
                write_rows(rows, columns, output_format, title=title, stream=stream)
        return
    write_rows([row for _, rows in groups for row in rows], columns, output_format, stream=stream)


def _all_keys(records: Sequence[Mapping[str, Any]], columns: Sequence[Column]) -> list[str]:
    return list(records[0]) if records else [column.key for column in columns]


def _delimited(records: Sequence[Mapping[str, Any]], keys: Sequence[str], output_format: Format, out: IO[str]) -> None:
    if output_format is Format.CSV:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(keys)
        writer.writerows([[visible(cell(record.get(key))) for key in keys] for record in records])
        return
    if output_format is Format.TSV:
        out.write("\t".join(keys) + "\n")
    for record in records:
        out.write("\t".join(visible(cell(record.get(key)), one_line=True) for key in keys) + "\n")


def console(out: IO[str]) -> Console:
    """A Rich console on `out` that honours NO_COLOR and TERM=dumb, and never reads markup in data."""
    from rich.console import Console

    no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    return Console(file=out, no_color=no_color, highlight=False, emoji=False, markup=False, soft_wrap=False)


def text(value: Any, style: str = "") -> Text:
    from rich.text import Text

    return Text(visible(cell(value)), style=style)


def _table(records: Sequence[Mapping[str, Any]], columns: Sequence[Column], title: str | None, out: IO[str]) -> None:
    from rich import box
    from rich.table import Table

    # No vertical rules: the width goes to the data, and the columns still line up.
    table = Table(title=text(title) if title else None, header_style="bold", box=box.SIMPLE_HEAD)
    columns = [column for column in columns if column.in_table]
    for column in columns:
        # Short values (dates, statuses, ids) stay on one line; text wraps to fit the terminal.
        table.add_column(column.header, overflow="fold", no_wrap=not column.wide)
    for record in records:
        table.add_row(*(text(record.get(column.key), _style(column.key, record)) for column in columns))
    console(out).print(table)


def _style(key: str, record: Mapping[str, Any]) -> str:
    if key == "status":
        return _STATUS_STYLES.get(str(record.get("status")), "")
    return "bold" if key in ("holder", "label", "name") else ""


def write_document(
    document: Any,
    sections: Sequence[tuple[str, str, Sequence[Column]]],
    header: Sequence[tuple[str, str]],
    output_format: Format,
    *,
    stream: IO[str] | None = None,
) -> None:
    """One object with lists inside (a profile): JSON as is; tables per section; or a row per item.

    `header` names the object's own fields to show; each section is (key, title, columns) of a list.
    For plain, TSV and CSV every line is `section, id, when, text, source`.
    """
    out = stream or sys.stdout
    record = as_dict(document)
    if output_format in (Format.JSON, Format.JSONL):
        indent = 2 if output_format is Format.JSON else None
        out.write(json.dumps(record, ensure_ascii=False, indent=indent) + "\n")
        return
    if output_format is Format.TABLE:
        screen = console(out)
        for key, label in header:
            if record.get(key):
                screen.print(text(f"{label}: ", "bold") + text(record[key]))
        for key, title, columns in sections:
            if record[key]:
                screen.print()
                _table(record[key], columns, title, out)
        return
    flat = [
        {"section": key, "id": record["id"], "when": None, "text": cell(record.get(key)), "source": None}
        for key, _ in header
        if record.get(key)
    ]
    for key, _, _ in sections:
        for item in record[key]:
            when = item.get("date")
            if item.get("start") or item.get("end"):
                # A term's time is its EDTF interval, start/end ("" unknown, ".." open).
                when = f"{item.get('start') or ''}/{item.get('end') or ''}"
            label = item.get("title") or item.get("text") or f"{item.get('holder')} — {item.get('office')}"
            flat.append({"section": key, "id": item["id"], "when": when, "text": label, "source": item["source"]})
    keys = ["section", "id", "when", "text", "source"]
    _delimited(flat, keys, output_format, out)


def write_citation(citation: Any, output_format: Format, *, stream: IO[str] | None = None) -> None:
    """A quote inside its sentence: highlighted at a terminal, as fields elsewhere."""
    out = stream or sys.stdout
    record = as_dict(citation)
    if output_format is not Format.TABLE:
        columns = [Column(key, key) for key in ("id", "source", "published", "quote", "sentence")]
        write_rows([record], columns, output_format, stream=out)
        return
    screen = console(out)
    screen.print(
        text(f"{record['kind']} {record['id']}", "bold") + text(f"  ({record['source']}, {record['published']})")
    )
    screen.print(text(record["title"], "italic"))
    sentence, start, end = record["sentence"], record["quote_start"], record["quote_end"]
    # Each part is made visible on its own, so escapes cannot shift the highlighted range.
    screen.print(text(sentence[:start]) + text(sentence[start:end], "bold reverse") + text(sentence[end:]))
    if record.get("note"):
        screen.print(text("note: ", "bold") + text(record["note"], "dim"))


def write_object(value: Any, output_format: Format, *, stream: IO[str] | None = None) -> None:
    """A whole JSON document (export) or JSON Lines records."""
    out = stream or sys.stdout
    if output_format is Format.JSONL:
        for item in value:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
    else:
        out.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


class BuildProgress:
    """A progress bar on stderr for a long index build: only on a terminal, only after `delay` seconds.

    Called as (files done, files in all) by the index refresh; used as a context manager so the bar
    is taken down however the build ends.
    """

    def __init__(self, stream: IO[str] | None = None, *, delay: float = 1.0) -> None:
        import time

        self._stream = stream or sys.stderr
        self._clock = time.monotonic
        self._started = self._clock()
        self._delay = delay
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if not self._stream.isatty() or self._clock() - self._started < self._delay:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("indexing data files"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console(self._stream),
                transient=True,
            )
            self._task = self._bar.add_task("index", total=total)
            self._bar.start()
        self._bar.update(self._task, completed=done, total=total)

    def __enter__(self) -> BuildProgress:
        return self

    def __exit__(self, *exception: object) -> None:
        if self._bar is not None:
            self._bar.stop()
