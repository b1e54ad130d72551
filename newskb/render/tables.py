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
from newskb.render.views import Column, for_reading

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_STATUS_STYLES = {"holds": "green", "possibly": "yellow", "held": "dim", "not yet": "cyan", "unknown": "magenta"}


def console(out: IO[str]) -> Console:
    """A Rich console on `out` that honours NO_COLOR and TERM=dumb, and never reads markup in data."""
    from rich.console import Console

    no_color = bool(os.environ.get("NO_COLOR")) or os.environ.get("TERM") == "dumb"
    return Console(file=out, no_color=no_color, highlight=False, emoji=False, markup=False, soft_wrap=False)


def text(value: Any, style: str = "") -> Text:
    from rich.text import Text

    return Text(printable(cell(value)), style=style)


def table(records: Sequence[Mapping[str, Any]], columns: Sequence[Column], title: str | None, out: IO[str]) -> None:
    from rich import box
    from rich.table import Table

    # No vertical rules: the width goes to the data, and the columns still line up.
    drawn = Table(title=text(title) if title else None, header_style="bold", box=box.SIMPLE_HEAD)
    columns = [column for column in columns if column.in_table]
    for column in columns:
        # Short values (dates, statuses, ids) stay on one line; text wraps to fit the terminal.
        drawn.add_column(column.header, overflow="fold", no_wrap=not column.wide)
    for record in records:
        drawn.add_row(*(text(record.get(column.key), _style(column.key, record)) for column in columns))
    console(out).print(drawn)


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
