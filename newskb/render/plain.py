"""Output for scripts: plain lines, TSV and CSV, written straight to the stream.

Never through a Rich Console (FORCE_COLOR would paint them), and nothing here imports Rich.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import IO, Any

from newskb.answers.declared import Declared
from newskb.common.printable import inert, printable
from newskb.render.views import Column, Format


def as_dict(row: Any) -> dict[str, Any]:
    """A row's fields as a dict, rows nested in it too, and tuples as lists (a row that may leave a list
    empty defaults it to an empty tuple); the keys of a `Declared` field (`more`: the record's keys the row
    does not name) come after the row's own, in its place. A row is a named tuple (rows.py) or a dataclass
    (a citation, a record); unlike `dataclasses.asdict`, no value is deep-copied: a row is read here, never
    changed, and a batch of a thousand rows paid a third of its time for that copy."""
    if isinstance(row, tuple) and hasattr(row, "_asdict"):
        fields = row._asdict()
    else:
        import dataclasses  # here, not at start-up: `--version` or `check` writes no row

        if dataclasses.is_dataclass(row) and not isinstance(row, type):
            fields = {key.name: getattr(row, key.name) for key in dataclasses.fields(row)}
        else:
            return dict(row)
    more = fields.get("more")
    if not isinstance(more, Declared):
        return {key: _plain(value) for key, value in fields.items()}
    del fields["more"]
    return {key: _plain(value) for key, value in (*fields.items(), *more.items())}


def _plain(value: Any) -> Any:
    if isinstance(value, str | int | float | None):  # most values: nothing to do (enums are str here)
        return value
    if (isinstance(value, tuple) and hasattr(value, "_asdict")) or hasattr(type(value), "__dataclass_fields__"):
        return as_dict(value)  # a row in a row
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def cell(value: Any) -> str:
    """One value as text for a cell: lists joined by commas, a record inside a row by its id, missing as
    empty."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(cell(item) for item in value)
    if isinstance(value, dict):
        return str(value.get("id", ""))
    return str(value)


def all_keys(records: Sequence[Mapping[str, Any]], columns: Sequence[Column]) -> list[str]:
    return list(records[0]) if records else [column.key for column in columns]


def delimited(
    records: Sequence[Mapping[str, Any]],
    keys: Sequence[str],
    output_format: Format,
    out: IO[str],
    *,
    header: bool = True,
) -> None:
    """Plain lines (the columns of a table), or TSV and CSV (a header, unless `header` is false, and every
    field, each cell inert for a spreadsheet). Text is escaped as everywhere; a plain or TSV cell stays on
    its line."""
    if output_format is Format.CSV:
        import csv  # here, not at start-up: most output is not CSV

        writer = csv.writer(out, lineterminator="\n")
        if header:
            writer.writerow(keys)
        writer.writerows([[printable(inert(cell(record.get(key)))) for key in keys] for record in records])
        return
    shown = inert if output_format is Format.TSV else str
    if output_format is Format.TSV and header:
        out.write("\t".join(keys) + "\n")
    for record in records:
        out.write("\t".join(printable(shown(cell(record.get(key))), one_line=True) for key in keys) + "\n")
