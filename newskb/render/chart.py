"""A Gantt chart of terms on a time axis, drawn with Rich at a terminal or recorded for an SVG or HTML file.

Only the drawing is here: which days a column stands for, the ticks and what is known of a term in each
column are newskb/answers/timeaxis.py's arithmetic. Each kind of knowledge has its own character (and, in colour,
its own colour), so the chart reads the same without colour; the legend says which is which. Data text is
data: every label is a `rich.text.Text` of printable text, never markup.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter
from typing import IO, TYPE_CHECKING

from newskb.answers.timeaxis import Axis, Shade, Tick, drawable, per_column, shades, ticks, window
from newskb.common.kinds import Modality
from newskb.common.printable import printable
from newskb.render.plain import as_dict
from newskb.render.tables import blocks, console
from newskb.render.views import CHART, CHART_LEAST_WIDTH, for_reading

if TYPE_CHECKING:
    from rich.text import Text

    from newskb.answers.rows import Bar, Chart


@dataclass(frozen=True, slots=True)
class Glyphs:
    shades: Mapping[Shade, str]
    marker: str  # the asked day, down the chart
    pointer: str  # the asked day, on the axis
    rule: str
    tick: str
    open_end: str  # the last column of an open term that runs to the axis's end: it goes on


# Open is a light shade of certain's colour ending in an arrow: seen at a glance, and told apart from both
# certain (solid) and possibly (a medium shade, another colour). A dotted hairline was all but invisible.
UNICODE = Glyphs({Shade.CERTAIN: "█", Shade.POSSIBLE: "▒", Shade.OPEN: "░"}, "│", "▼", "─", "┬", "▶")
# For a stream that cannot show the block and box characters (a C locale, an ASCII terminal).
ASCII = Glyphs({Shade.CERTAIN: "#", Shade.POSSIBLE: ":", Shade.OPEN: "="}, "|", "v", "-", "+", ">")

# The colours, as a table colours statuses: certain as `holds`, possibly as `possibly`; open in certain's
# colour (its light shade and arrow say it without colour).
STYLES = {Shade.CERTAIN: "green", Shade.POSSIBLE: "yellow", Shade.OPEN: "green"}
MARKER_STYLE = "red"

# Each legend line fits in 60 columns, the narrowest a chart is meant to be read at.
LEGEND = {
    Shade.CERTAIN: "certainly in office",
    Shade.POSSIBLE: "possibly in office: an imprecise start or end",
    Shade.OPEN: "open: no end known, but no source after the attested day",
}
NOT_DRAWN = "Not drawn, a start or an end unknown:"


def _line(*parts: tuple[str, str]) -> Text:
    """One line of (text, style) parts, each made printable: a style holds for its own part only."""
    from rich.text import Text

    return Text.assemble(*((printable(part), style) for part, style in parts))


def _runs(cells: Sequence[tuple[str, str]]) -> Text:
    """A line of (character, style) cells, drawn as runs of one style (one escape sequence each)."""
    from rich.text import Text

    return Text.assemble(*(("".join(char for char, _ in run), style) for style, run in groupby(cells, itemgetter(1))))


def draw(chart: Chart, title: str, out: IO[str]) -> None:
    """The chart at the terminal's width; narrower than a chart can be read, its terms as blocks of lines."""
    screen = console(out)
    if screen.width < CHART_LEAST_WIDTH:
        blocks(for_reading([as_dict(row) for row in chart.rows], CHART), CHART, title, out)
        return
    glyphs = UNICODE if screen.encoding.lower().startswith("utf") else ASCII
    for line in lines(chart, title, screen.width, glyphs):
        screen.print(line, overflow="fold")


def export(chart: Chart, title: str, suffix: str) -> str:
    """The chart as an SVG picture or an HTML page (Rich's own export), drawn CHART_FILE_WIDTH wide."""
    recorder = console(io.StringIO(), record=True)
    for line in lines(chart, title, recorder.width, UNICODE):
        recorder.print(line, overflow="fold")
    if suffix == ".svg":
        # Rich's SVG loads Fira Code from a CDN (@font-face): a file that fetches when opened, and is drawn
        # otherwise offline. Its @font-face rules go, and the fonts are the system's monospace ones, named first
        # (some renderers, cairosvg for one, take bare "monospace" for a proportional font whose wide blocks
        # run a bar past its end).
        svg = recorder.export_svg(title="newskb chart")
        svg = re.sub(r"@font-face\s*\{[^}]*\}\s*", "", svg)
        return svg.replace("font-family: Fira Code, monospace", f"font-family: {SVG_FONTS}")
    return recorder.export_html()


SVG_FONTS = "ui-monospace, DejaVu Sans Mono, Menlo, Consolas, Liberation Mono, monospace"


def lines(chart: Chart, title: str, width: int, glyphs: Glyphs) -> list[Text]:
    """Every line of the chart, `width` columns wide: title, axis, each lane's bars, legend, undrawn terms."""
    from rich.text import Text

    drawn = [bar for lane in chart.lanes for bar in lane.bars if drawable(bar.span)]
    first, last = window(((bar.span, bar.attested) for bar in drawn), chart.day, chart.first, chart.last)
    axis = Axis(first, last, width)
    marker = axis.column_of(chart.day)
    shown = [_line((title, "bold"))]
    if drawn:
        shown.extend(_axis(axis, ticks(axis), marker, glyphs))
        for lane in chart.lanes:
            bars = [bar for bar in lane.bars if drawable(bar.span)]
            if bars and lane.title is not None:
                shown.append(_heading(lane.title, width, glyphs))
            for bar in bars:
                shown.append(_with_marker(_label(bar), marker, glyphs))
                shown.append(_bar(axis, bar, marker, glyphs))
        shown.append(Text())
        shown.extend(_legend(axis, chart, marker, glyphs))
    undrawn = [(lane.title, bar) for lane in chart.lanes for bar in lane.bars if not drawable(bar.span)]
    if undrawn:
        shown.append(Text())
        shown.append(_line((NOT_DRAWN, "bold")))
        for lane_title, bar in undrawn:
            shown.append(_line(("  ", "")).append_text(_label(bar, lane_title)))
    return shown


def _axis(axis: Axis, placed: Sequence[Tick], marker: int | None, glyphs: Glyphs) -> list[Text]:
    """Two lines: the tick labels, each starting at its tick, and the rule with its ticks and the asked day."""
    from rich.text import Text

    labels = Text()
    for tick in placed:
        if tick.label:
            labels.append(" " * (tick.column - labels.cell_len))
            # A span of its own (the null style, no colour): an SVG places it at its column whatever the font.
            labels.append(tick.label, "none")
    rule = [(glyphs.rule, "dim")] * axis.width
    for tick in placed:
        rule[tick.column] = (glyphs.tick, "dim")
    if marker is not None:
        rule[marker] = (glyphs.pointer, MARKER_STYLE)
    return [labels, _runs(rule)]


def _heading(title: str, width: int, glyphs: Glyphs) -> Text:
    """A lane's title, ruled to the right edge where it fits (never cut where it does not)."""
    heading = _line((title, "bold"))
    room = width - heading.cell_len - 1
    return heading.append(" " + glyphs.rule * room, "dim") if room > 0 else heading


def _label(bar: Bar, lane_title: str | None = None) -> Text:
    """`Mark Rutte  2024-10-01/..  (announced, attested 2024-09-30)`: what the bar is, and its dates as written."""
    term = bar.term
    marks = [str(term.modality)] if term.modality is not Modality.STATED else []
    if term.attested:
        marks.append(f"attested {term.attested}")
    return _line(
        (f"{lane_title}: " if lane_title else "", ""),
        (bar.name, "bold"),
        (f"  {term.start or ''}/{term.end or ''}", ""),
        (f"  ({', '.join(marks)})" if marks else "", "dim"),
    )


def _with_marker(line: Text, marker: int | None, glyphs: Glyphs) -> Text:
    """The asked day's line through a label, where the label leaves its column free."""
    if marker is None or line.cell_len >= marker:
        return line
    return line.append(" " * (marker - line.cell_len)).append(glyphs.marker, MARKER_STYLE)


def _bar(axis: Axis, bar: Bar, marker: int | None, glyphs: Glyphs) -> Text:
    """The term's shade in every column; where it has none, the asked day's line or a blank."""
    cells = []
    shaded = shades(axis, bar.span, bar.attested)
    for column, shade in enumerate(shaded):
        if shade is not None:
            cells.append((glyphs.shades[shade], STYLES[shade]))
        else:
            cells.append((glyphs.marker, MARKER_STYLE) if column == marker else (" ", ""))
    if shaded and shaded[-1] is Shade.OPEN:
        cells[-1] = (glyphs.open_end, STYLES[Shade.OPEN])
    line = _runs(cells)
    line.rstrip()
    return line


def _legend(axis: Axis, chart: Chart, marker: int | None, glyphs: Glyphs) -> list[Text]:
    legend = [_line((glyphs.shades[shade], STYLES[shade]), (f" {LEGEND[shade]}", "")) for shade in Shade]
    legend[list(Shade).index(Shade.OPEN)] = _line(
        (glyphs.shades[Shade.OPEN] + glyphs.open_end, STYLES[Shade.OPEN]), (f" {LEGEND[Shade.OPEN]}", "")
    )
    asked = f"as of {chart.day.isoformat()}"
    if marker is None:
        legend.append(_line((f"  {asked}: off the axis", "")))
    else:
        legend.append(_line((glyphs.marker, MARKER_STYLE), (f" {asked}", "")))
    scale = f"  {axis.first.isoformat()} to {axis.last.isoformat()}: {per_column(axis)}"
    legend.append(_line((scale, "dim")))
    legend.append(_line(("  labels: dates as written, start/end (.. open)", "dim")))
    return legend
