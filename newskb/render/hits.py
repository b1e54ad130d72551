"""Search hits for a person at a terminal: as many on a screen as will fit, each cell saying what it is.

A hit has three short cells (score, kind, when), a label that can run long, and two ids (the record, its
source). The general table layouts (tables.py) put them side by side only from ~130 columns and stack each
hit on three or four unlabelled lines below that; a search of ten hits then fills more than a screen. Here:

- side by side with the source, where the label still gets 50 columns (the general table);
- side by side from ~100 columns: the source goes under the label, in the same cell, labelled `source:`;
- narrower, two lines a hit: the short cells and the label, cut with `…` to end the line (the whole label is
  in plain and JSON output, and `cite ID` quotes it), then `id: ID  source: SOURCE`, dimmed (the source on a
  line of its own where both do not fit: an id is never wrapped nor cut).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import IO, Any

from newskb.common.printable import printable
from newskb.render import tables
from newskb.render.plain import cell
from newskb.render.views import Column

# The cells of a hit's first line when narrow, in order: score, kind, when (then the label).
_SHORT = ("score", "kind", "when")
_GAP = "  "
# The label's width from which the source gets a column of its own.
WIDE_LABEL = 50


def hits(records: Sequence[Mapping[str, Any]], columns: Sequence[Column], title: str | None, out: IO[str]) -> None:
    """Search hits at this terminal's width, in the first layout that fits (see the module's note)."""
    screen = tables.console(out)
    width = screen.width
    # The source a column of its own only where the label still gets a wide column: below that, a label
    # wrapped onto four lines costs more than a source line under it.
    if width >= tables.least_width(records, columns) + WIDE_LABEL - tables.LEAST_TEXT:
        tables.table(records, columns, title, out)
        return
    without_source = [column for column in columns if column.key != "source"]
    if width >= tables.least_width(records, without_source):
        labelled = [{**record, "label": _with_source(record)} for record in records]
        tables.table(labelled, without_source, title, out)
        return
    _two_lines(records, title, width, out)


def _with_source(record: Mapping[str, Any]) -> str:
    return f"{cell(record.get('label'))}\nsource: {cell(record.get('source'))}"


def _two_lines(records: Sequence[Mapping[str, Any]], title: str | None, width: int, out: IO[str]) -> None:
    from rich.text import Text

    screen = tables.console(out)
    if title:
        screen.print(Text(printable(title, one_line=True), style="bold"))
    widths = {key: max(len(printable(cell(record.get(key)))) for record in records) for key in _SHORT}
    for record in records:
        line = Text(no_wrap=True, overflow="ellipsis")
        for key in _SHORT:
            line.append(printable(cell(record.get(key)), one_line=True).ljust(widths[key]) + _GAP)
        line.append(printable(cell(record.get("label")), one_line=True), style="bold")
        line.truncate(max(width, 1), overflow="ellipsis")
        screen.print(line, no_wrap=True, overflow="ellipsis", crop=True)
        ids = f"    id: {printable(cell(record.get('id')), one_line=True)}"
        source = f"source: {printable(cell(record.get('source')), one_line=True)}"
        # Ids are never wrapped: where the two do not fit on one line, the source gets a line of its own.
        fits = len(ids) + len(_GAP) + len(source) <= width
        screen.print(Text(f"{ids}{_GAP}{source}" if fits else f"{ids}\n    {source}", style="dim"), soft_wrap=True)
