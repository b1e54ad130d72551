"""Output for a person at a terminal: Rich tables, profiles and citations.

The only module that imports Rich for drawing, and only when something is drawn. Data text is data,
never markup: table cells are `rich.text.Text`, and control characters are made visible.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import IO, TYPE_CHECKING, Any

from newskb.printable import printable
from newskb.render.plain import cell
from newskb.render.views import CHART_FILE_WIDTH, Column, for_reading

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_STATUS_STYLES = {"holds": "green", "possibly": "yellow", "held": "dim", "not yet": "cyan", "unknown": "magenta"}


def console(out: IO[str], *, record: bool = False) -> Console:
    """A Rich console on `out` that honours NO_COLOR and TERM=dumb, and never reads markup in data.

    With `record`, a console for a file (SVG, HTML): always in colour and CHART_FILE_WIDTH wide, whatever
    the environment, so that the same chart gives the same file.
    """
    from rich.console import Console

    if record:
        return Console(
            file=out,
            record=True,
            width=CHART_FILE_WIDTH,
            color_system="truecolor",
            force_terminal=True,
            no_color=False,
            legacy_windows=False,
            highlight=False,
            emoji=False,
            markup=False,
            soft_wrap=False,
        )
    no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    return Console(file=out, no_color=no_color, highlight=False, emoji=False, markup=False, soft_wrap=False)


def text(value: Any, style: str = "") -> Text:
    from rich.text import Text

    return Text(printable(cell(value)), style=style)


def table(records: Sequence[Mapping[str, Any]], columns: Sequence[Column], title: str | None, out: IO[str]) -> None:
    from rich import box
    from rich.table import Table

    screen = console(out)
    columns = [column for column in columns if column.in_table]
    if screen.width < least_width(records, columns):
        blocks(records, columns, title, out)
        return
    # No vertical rules: the width goes to the data, and the columns still line up.
    drawn = Table(title=text(title) if title else None, header_style="bold", box=box.SIMPLE_HEAD)
    for column in columns:
        # Short values (dates, statuses, ids) stay on one line; text wraps to fit the terminal.
        drawn.add_column(column.header, overflow="fold", no_wrap=not column.wide)
    for record in records:
        drawn.add_row(*(text(record.get(column.key), _style(column.key, record)) for column in columns))
    screen.print(drawn)


# The narrowest a wrapping column may be and still be read, a few words to a line.
_LEAST_WIDE = 12
# What a SIMPLE_HEAD table adds: one space either side of every cell, and of the table.
_PADDING = 2


def least_width(records: Sequence[Mapping[str, Any]], columns: Sequence[Column]) -> int:
    """The width a table needs to show every short value (id, date, status) whole and give text room."""
    width = _PADDING
    for column in columns:
        if column.wide:
            width += _LEAST_WIDE
        else:
            cells = [len(printable(cell(record.get(column.key)))) for record in records]
            width += max([len(column.header), *cells])
        width += _PADDING
    return width


def blocks(records: Sequence[Mapping[str, Any]], columns: Sequence[Column], title: str | None, out: IO[str]) -> None:
    """Too narrow for a table: one record per block of `Label: value` lines, nothing cut, so no date is ever
    shown shorter (and so more precise-looking) than it is written."""
    if title:
        out.write(printable(title, one_line=True) + "\n")
    for number, record in enumerate(records):
        if number or title:
            out.write("\n")
        for column in columns:
            value = cell(record.get(column.key))
            if value:
                out.write(f"{printable(column.header, one_line=True)}: {printable(value, one_line=True)}\n")


def _style(key: str, record: Mapping[str, Any]) -> str:
    if key == "status":
        return _STATUS_STYLES.get(str(record.get("status")), "")
    return "bold" if key in ("holder", "label", "name") else ""


def document(
    record: Mapping[str, Any],
    sections: Sequence[tuple[str, str, Sequence[Column]]],
    header: Sequence[tuple[str, str]],
    out: IO[str],
) -> None:
    """A profile: its own fields as `Label: value` lines, then a table per non-empty section."""
    screen = console(out)
    for key, label in header:
        if record.get(key):
            screen.print(text(f"{label}: ", "bold") + text(record[key]))
    for key, title, columns in sections:
        if record[key]:
            screen.print()
            table(for_reading(record[key], columns), columns, title, out)


def citation(record: Mapping[str, Any], out: IO[str]) -> None:
    """A quote inside its sentence, highlighted."""
    screen = console(out)
    screen.print(
        text(f"{record['kind']} {record['id']}", "bold") + text(f"  ({record['source']}, {record['published']})")
    )
    screen.print(text(record["title"], "italic"))
    sentence, start, end = record["sentence"], record["quote_start"], record["quote_end"]
    # Each part is made visible on its own, so escapes cannot shift the highlighted range.
    screen.print(text(sentence[:start]) + text(sentence[start:end], "bold reverse") + text(sentence[end:]))
    for key, label in (("modality", "put as"), ("said_by", "said by"), ("via", "via"), ("as_of", "true as of")):
        value = record.get(key)
        if value and value != "stated":
            screen.print(text(f"{label}: ", "bold") + text(value))
    if record.get("note"):
        screen.print(text("note: ", "bold") + text(record["note"], "dim"))
