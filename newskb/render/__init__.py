"""Output: Rich tables for a person at a terminal; plain, TSV, CSV, JSON and JSON Lines for scripts.

The only package that imports Rich (`tables` and `progress`, and only when something is drawn).
Machine formats are written straight to the stream, never through a Rich Console (FORCE_COLOR would
paint them). Data text is data, never markup, and control characters are made visible.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from newskb.render import selection, views
from newskb.render.plain import all_keys, as_dict, cell, delimited
from newskb.render.progress import BuildProgress
from newskb.render.views import CHART, Column, Format, for_reading

if TYPE_CHECKING:
    from newskb.answers.rows import Chart

__all__ = [
    "BuildProgress",
    "Column",
    "Format",
    "default_format",
    "save_chart",
    "write_answers",
    "write_chart",
    "write_citation",
    "write_document",
    "write_groups",
    "write_object",
    "write_rows",
]


def default_format(stream: IO[str]) -> Format:
    """A table for a person at a terminal; plain lines for a pipe or a file (gh's rule)."""
    return Format.TABLE if stream.isatty() else Format.PLAIN


def write_rows(
    rows: Sequence[Any],
    columns: Sequence[Column],
    output_format: Format,
    *,
    title: str | None = None,
    stream: IO[str] | None = None,
    fields: Sequence[str] | None = None,
) -> None:
    """Write rows: `columns` for a table or plain lines, every field for TSV, CSV and JSON (`fields`: the
    header of an empty TSV or CSV, which has no row to take its fields from)."""
    out = stream or sys.stdout
    records = [as_dict(row) for row in rows]
    if selection.chosen() is not None:
        records, columns = selection.pick(records, columns, output_format)
    if output_format in (Format.JSON, Format.JSONL):
        write_object(records, output_format, stream=out)
    elif output_format is Format.TABLE and columns is views.SEARCH:
        from newskb.render.hits import hits

        hits(for_reading(records, columns), columns, title, out)
    elif output_format is Format.TABLE:
        from newskb.render import tables

        tables.table(for_reading(records, columns), columns, title, out)
    elif output_format is Format.PLAIN:
        delimited(for_reading(records, columns), [column.key for column in columns], output_format, out)
    else:
        delimited(records, list(fields) if fields and not records else all_keys(records, columns), output_format, out)


def write_groups(
    groups: Sequence[tuple[str, Sequence[Any]]],
    columns: Sequence[Column],
    output_format: Format,
    *,
    stream: IO[str] | None = None,
    fields: Sequence[str] | None = None,
) -> None:
    """Several titled groups of rows: a table each at a terminal, one stream of rows otherwise (`fields`: as
    `write_rows`'s)."""
    if output_format is Format.TABLE:
        for title, rows in groups:
            if rows:
                write_rows(rows, columns, output_format, title=title, stream=stream)
        return
    write_rows([row for _, rows in groups for row in rows], columns, output_format, stream=stream, fields=fields)


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
        if selection.chosen() is not None:
            record = selection.pick([record], [], output_format)[0][0]
        write_object(record, Format.JSON if output_format is Format.JSON else Format.JSONL, stream=out, one=True)
        return
    if output_format is Format.TABLE and selection.chosen() is None:
        from newskb.render import tables

        tables.document(record, sections, header, out)
        return
    write_rows(flat_profile(record, header, sections), views.PROFILE, output_format, stream=out)


def flat_profile(
    record: dict[str, Any], header: Sequence[tuple[str, str]], sections: Sequence[tuple[str, str, Sequence[Column]]]
) -> list[dict[str, Any]]:
    """A profile as plain lines: `section, id, when, text, source` for each field and each listed item."""
    # The entity's own fields, each on a line named by its field (the id is written once, on its own line).
    flat = [
        {"section": key, "id": None, "when": None, "text": cell(record.get(key)), "source": None}
        for key, _ in header
        if record.get(key)
    ]
    for key, _, columns in sections:
        for item in for_reading(record[key], columns):
            when = item.get("date")
            if item.get("start") or item.get("end"):
                # A term's time is its EDTF interval, start/end ("" unknown, ".." open).
                when = f"{item.get('start') or ''}/{item.get('end') or ''}"
            label = item.get("title") or item.get("text") or f"{item.get('holder')} — {item.get('office')}"
            flat.append({"section": key, "id": item["id"], "when": when, "text": label, "source": item["source"]})
    return flat


def write_answers(answers: Iterable[Any], columns: Sequence[Column], output_format: Format) -> None:
    """The answers of a batch (batch.Answered), each written and flushed as it comes: every row with the
    `query` it answers, first.

    JSON and JSON Lines add a `query` key to each row (a profile or a citation is one row); plain, TSV and
    CSV add the query as the first column; at a terminal, a table per query, titled with it. The JSON array
    is written item by item, in the same bytes as the whole array at once.
    """
    out = sys.stdout
    if output_format is Format.TABLE:
        if selection.chosen() is not None:
            selection.pick([], [], output_format)  # refused: a table shows its own columns
        for answered in answers:
            if answered.reply.rows:
                _table_of(answered.query, answered.reply.rows, columns, out)
                out.flush()
        return
    query = Column("query", "Query")
    shown = [query, *columns]
    if columns is views.PROFILE:
        shown = [query, *(Column(key, key) for key in ("section", "id", "when", "text", "source"))]
    stream = _BatchStream(out, output_format)
    for answered in answers:
        records = _batch_records(answered, columns, output_format)
        if selection.chosen() is not None:
            records, shown = selection.pick(records, shown, output_format)
        stream.write(records, shown)
        out.flush()
    stream.close(shown)


def _batch_records(answered: Any, columns: Sequence[Column], output_format: Format) -> list[dict[str, Any]]:
    """One batch line's rows as records, each with its `query` first (a profile as its plain lines)."""
    records: list[dict[str, Any]] = []
    for row in answered.reply.rows:
        record = as_dict(row)
        if columns is views.PROFILE and output_format not in (Format.JSON, Format.JSONL):
            records.extend(
                {"query": answered.query, **line}
                for line in flat_profile(record, views.PROFILE_HEADER, views.profile_sections(record["kind"]))
            )
        else:
            records.append({"query": answered.query, **record})
    return records


class _BatchStream:
    """A batch's output written as it comes, in the bytes the whole of it at once would have: the JSON array
    item by item, TSV and CSV with one header from the first row."""

    def __init__(self, out: IO[str], output_format: Format) -> None:
        self.out = out
        self.format = output_format
        self.keys: list[str] | None = None
        self.written = 0

    def write(self, records: list[dict[str, Any]], shown: Sequence[Column]) -> None:
        if self.format is Format.JSON:
            from newskb.common.printable import json_document

            for record in records:
                item = json_document(record).rstrip("\n").replace("\n", "\n  ")
                self.out.write(("[\n  " if self.written == 0 else ",\n  ") + item)
                self.written += 1
        elif self.format is Format.JSONL:
            write_object(records, self.format, stream=self.out)
        elif self.format is Format.PLAIN:
            keys = [column.key for column in shown]
            delimited(for_reading(records, shown), keys, self.format, self.out, header=False)
        elif records:
            delimited(records, self.keys or all_keys(records, shown), self.format, self.out, header=self.keys is None)
            self.keys = self.keys or all_keys(records, shown)

    def close(self, shown: Sequence[Column]) -> None:
        if self.format is Format.JSON:
            self.out.write("\n]\n" if self.written else "[]\n")
        elif self.format in (Format.TSV, Format.CSV) and self.keys is None:
            delimited([], [column.key for column in shown], self.format, self.out)


def _table_of(title: str, rows: Sequence[Any], columns: Sequence[Column], out: IO[str]) -> None:
    if columns is views.PROFILE:
        for row in rows:
            write_document(row, views.profile_sections(row.kind), views.PROFILE_HEADER, Format.TABLE, stream=out)
    elif columns is views.CITATION:
        for row in rows:
            write_citation(row, Format.TABLE, stream=out)
    else:
        write_rows(rows, columns, Format.TABLE, title=title, stream=out)


def write_citation(citation: Any, output_format: Format, *, stream: IO[str] | None = None) -> None:
    """A quote inside its sentence: highlighted at a terminal, as fields elsewhere."""
    out = stream or sys.stdout
    record = as_dict(citation)
    if output_format is not Format.TABLE:
        write_rows([record], views.CITATION, output_format, stream=out)
        return
    from newskb.render import tables

    tables.citation(record, out)


def write_chart(chart: Chart, title: str, output_format: Format, *, stream: IO[str] | None = None) -> None:
    """A chart drawn at a terminal (`table`); for any other format, the same terms as rows."""
    out = stream or sys.stdout
    if output_format is not Format.TABLE:
        write_rows(chart.rows, CHART, output_format, title=title, stream=out)
        return
    from newskb.render import chart as drawing

    drawing.draw(chart, title, out)


def save_chart(chart: Chart, title: str, path: Path, *, replace: bool = False) -> None:
    """Write the chart as an SVG picture or an HTML page (by `path`'s suffix, one of CHART_FILES), drawn in
    full before the file is opened; an existing file is replaced only with `replace`."""
    from newskb.base.outfile import write_file
    from newskb.render import chart as drawing

    document = drawing.export(chart, title, path.suffix.lower())
    write_file(path, lambda temporary: temporary.write_text(document, encoding="utf-8"), replace=replace)


def write_object(value: Any, output_format: Format, *, stream: IO[str] | None = None, one: bool = False) -> None:
    """A whole JSON document, or JSON Lines: one line per item (or, with `one`, the value on one line)."""
    from newskb.common.printable import json_document, json_line

    out = stream or sys.stdout
    if output_format is Format.JSONL:
        for item in [value] if one else value:
            out.write(json_line(item))
    else:
        out.write(json_document(value))
