"""Output for a person at a terminal: Rich tables, profiles and citations.

The only module that imports Rich for drawing, and only when something is drawn. Data text is data,
never markup: table cells are `rich.text.Text`, and control characters are made visible.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from enum import StrEnum
from typing import IO, TYPE_CHECKING, Any

from newskb.common.kinds import Modality
from newskb.common.printable import printable
from newskb.render.plain import cell
from newskb.render.views import CHART_FILE_WIDTH, Column, Fit, for_reading

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

_STATUS_STYLES = {
    "holds": "green",
    "possibly": "yellow",
    "last known": "yellow",
    "held": "dim",
    "not yet": "cyan",
    "unknown": "magenta",
}
# A verdict of `verify`, coloured as a status is: supported as holds, contradicted in red.
_VERDICT_STYLES = {"supported": "green", "contradicted": "red", "cannot-tell": "yellow", "not-in-base": "magenta"}


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
    # Output held for the pager is as wide as the terminal it stands in for.
    width = getattr(out, "width", None) if hasattr(out, "terminal") else None
    return Console(
        file=out, width=width, no_color=no_color, highlight=False, emoji=False, markup=False, soft_wrap=False
    )


def text(value: Any, style: str = "") -> Text:
    from rich.text import Text

    return Text(printable(cell(value)), style=style)


def table(records: Sequence[Mapping[str, Any]], columns: Sequence[Column], title: str | None, out: IO[str]) -> None:
    """Records as a person reads them at this terminal's width, in the first layout that fits:

    - a table, every column side by side, when free text still gets a readable width;
    - stacked: the short columns side by side, then each text and each id on lines of their own, under
      its row (an id is never wrapped nor cut, and a quote is never squeezed into a sliver);
    - blocks of `Label: value` lines, below the width the short columns need (nothing is ever cut short:
      a date shown shorter would look more precise than it is).
    """
    screen = console(out)
    layout = choose_layout(records, columns, screen.width)
    if layout is Layout.BLOCKS:
        blocks(records, columns, title, out, screen.width)
    elif layout is Layout.TABLE:
        _side_by_side(records, columns, title, screen)
    else:
        _stacked(records, columns, title, screen)


class Layout(StrEnum):
    TABLE = "table"
    STACKED = "stacked"
    BLOCKS = "blocks"


# A wrapped text narrower than this reads as a column of fragments: it goes under its row instead.
LEAST_TEXT = 30
# What a table adds to each cell: a space of padding and the (blank) rule between columns (_table_style).
_PADDING = 2


# No vertical rules, a rule under the header, one space after each cell: the width goes to the data,
# and the columns still line up (also between the one-row tables of the stacked layout).
def _table_style() -> dict[str, Any]:
    from rich import box

    # SIMPLE_HEAD draws a blank between columns, and the padding adds one more: two spaces in all.
    return {
        "header_style": "bold",
        "box": box.SIMPLE_HEAD,
        "padding": (0, 1, 0, 0),
        "pad_edge": False,
        "show_edge": False,
    }


# Narrower than this, a block's lines are not wrapped at all (a terminal of width 0 or 1 is not one).
_LEAST_BLOCK = 20
# How far the lines under a stacked row are indented.
_INDENT = 4


def choose_layout(records: Sequence[Mapping[str, Any]], columns: Sequence[Column], width: int) -> Layout:
    """The first layout whose least width fits (see `table`)."""
    row = [column for column in columns if column.fit in (Fit.SHORT, Fit.NAME)]
    under = [column for column in columns if column.fit in (Fit.ID, Fit.TEXT)]
    side_by_side = _least(records, columns, text=LEAST_TEXT)
    if width >= side_by_side:
        return Layout.TABLE
    ids = [_widest(records, column) + _INDENT for column in under if column.fit is Fit.ID]
    if width >= max([_least(records, row, text=0), *ids, _INDENT + 12]):
        return Layout.STACKED
    return Layout.BLOCKS


def least_width(records: Sequence[Mapping[str, Any]], columns: Sequence[Column]) -> int:
    """The width a table with every column side by side needs."""
    return _least(records, columns, text=LEAST_TEXT)


def _least(records: Sequence[Mapping[str, Any]], columns: Sequence[Column], *, text: int) -> int:
    width = 0
    for column in columns:
        if column.fit is Fit.TEXT:
            width += text
        elif column.fit is Fit.NAME:
            width += max(_longest_word(record, column) for record in [{column.key: column.header}, *records])
        else:
            width += _widest(records, column)
        width += _PADDING
    return width


def _widest(records: Sequence[Mapping[str, Any]], column: Column) -> int:
    return max([len(column.header), *(len(printable(cell(record.get(column.key)))) for record in records)])


def _longest_word(record: Mapping[str, Any], column: Column) -> int:
    return max((len(word) for word in printable(cell(record.get(column.key))).split()), default=0)


def _side_by_side(
    records: Sequence[Mapping[str, Any]], columns: Sequence[Column], title: str | None, screen: Console
) -> None:
    from rich.table import Table

    drawn = Table(title=text(title) if title else None, **_table_style())
    for column in columns:
        if column.fit is Fit.TEXT:
            # Text takes what is left, and wraps between words.
            drawn.add_column(column.header, overflow="fold", ratio=1, min_width=LEAST_TEXT)
        elif column.fit is Fit.NAME:
            least = max(_longest_word(record, column) for record in [{column.key: column.header}, *records])
            drawn.add_column(column.header, overflow="fold", min_width=least)
        else:
            drawn.add_column(column.header, no_wrap=True, min_width=_widest(records, column))
    for record in records:
        drawn.add_row(*(_cell(record, column) for column in columns))
    screen.print(drawn)


def _stacked(
    records: Sequence[Mapping[str, Any]], columns: Sequence[Column], title: str | None, screen: Console
) -> None:
    """The short columns as a table row, then under it each text (wrapped, indented) and each id (dim).

    Rich has no cell that spans columns, so each row is a table of its own with the same column widths
    as the header's: they line up, and the lines between them take the whole width.
    """
    from rich.padding import Padding
    from rich.table import Table

    row = [column for column in columns if column.fit in (Fit.SHORT, Fit.NAME)]
    under = [column for column in columns if column.fit in (Fit.TEXT, Fit.ID)]
    widths = _row_widths(records, row, screen.width)
    if not row:  # nothing short to line up: the title, then each record's lines
        if title:
            screen.print(text(title, "bold"))
        for record in records:
            for column in under:
                value = record.get(column.key)
                if value not in (None, "", []):
                    screen.print(Padding(text(value, "dim" if column.fit is Fit.ID else ""), (0, 0, 0, _INDENT)))
            screen.print()
        return

    def frame(show_header: bool) -> Table:
        drawn = Table(show_header=show_header, **_table_style())
        for column, width in zip(row, widths, strict=True):
            drawn.add_column(column.header, width=width, no_wrap=column.fit is Fit.SHORT, overflow="fold")
        return drawn

    if title:  # a line of its own: the row's columns may be far narrower than the title
        screen.print(text(title, "bold"))
    screen.print(frame(show_header=True))
    for record in records:
        one = frame(show_header=False)
        one.add_row(*(_cell(record, column) for column in row))
        screen.print(one)
        for column in under:
            value = record.get(column.key)
            if value not in (None, "", []):
                style = "dim" if column.fit is Fit.ID else ""
                screen.print(Padding(text(value, style), (0, 0, 0, _INDENT)))
    screen.print()


def _row_widths(records: Sequence[Mapping[str, Any]], row: Sequence[Column], width: int) -> list[int]:
    """Each row column's width: a short one its widest value; names their widest, or, when the row would not
    fit, their share of what is left, never less than their longest word."""
    widths = [_widest(records, column) for column in row]
    names = [index for index, column in enumerate(row) if column.fit is Fit.NAME]
    room = width - _PADDING * len(row) - sum(widths[index] for index in range(len(row)) if index not in names)
    wanted = sum(widths[index] for index in names)
    if names and wanted > room:
        least = {
            index: max(_longest_word(record, row[index]) for record in [{row[index].key: row[index].header}, *records])
            for index in names
        }
        spare = max(0, room - sum(least.values()))
        extra = sum(widths[index] - least[index] for index in names) or 1
        for index in names:
            widths[index] = least[index] + (widths[index] - least[index]) * spare // extra
    return widths


def blocks(
    records: Sequence[Mapping[str, Any]], columns: Sequence[Column], title: str | None, out: IO[str], width: int = 0
) -> None:
    """Too narrow for a table: one record per block of `Label: value` lines, nothing cut, so no date is ever
    shown shorter (and so more precise-looking) than it is written. A line longer than `width` wraps between
    words only, indented; an id or a date longer than the line stays whole."""
    import textwrap

    def write(line: str) -> None:
        if width < _LEAST_BLOCK:
            out.write(line + "\n")
            return
        wrapped = textwrap.wrap(line, width, subsequent_indent="  ", break_long_words=False, break_on_hyphens=False)
        out.write("\n".join(wrapped or [""]) + "\n")

    if title:
        write(printable(title, one_line=True))
    for number, record in enumerate(records):
        if number or title:
            out.write("\n")
        for column in columns:
            value = cell(record.get(column.key))
            if value:
                write(f"{printable(column.header, one_line=True)}: {printable(value, one_line=True)}")


def _cell(record: Mapping[str, Any], column: Column) -> Text:
    return text(record.get(column.key), "dim" if column.fit is Fit.ID else _style(column.key, record))


def _style(key: str, record: Mapping[str, Any]) -> str:
    if key == "status":
        return _STATUS_STYLES.get(str(record.get("status")), "")
    if key == "verdict":
        return _VERDICT_STYLES.get(str(record.get("verdict")), "")
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
        if value and value != Modality.STATED:
            screen.print(text(f"{label}: ", "bold") + text(value))
    if record.get("note"):
        screen.print(text("note: ", "bold") + text(record["note"], "dim"))
