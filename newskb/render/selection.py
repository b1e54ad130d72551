"""`--fields a,b,c`: the keys a script asked for, in its order, for plain, TSV, CSV, JSON and JSON Lines
(as `gh ... --json number,title` picks fields). Chosen once per run, by the option's callback."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from newskb.common.errors import BadArgumentError
from newskb.render.views import Column, Format, for_reading

_chosen: list[str] | None = None


def choose(fields: str | None) -> None:
    """Keep the keys `--fields` names (None: every key, as without the option)."""
    global _chosen
    if fields is None:
        return
    names = [name.strip() for name in fields.split(",")]
    if not all(names):
        raise BadArgumentError(f"--fields {fields!r}: name keys separated by commas, as in --fields holder,start")
    _chosen = names


def chosen() -> list[str] | None:
    return _chosen


def pick(
    records: Sequence[Mapping[str, Any]], columns: Sequence[Column], output_format: Format
) -> tuple[list[dict[str, Any]], list[Column]]:
    """The records cut to the chosen keys, in their order, and the columns that show them. A key is checked
    against the keys of the rows (in plain output, the cells as plain shows them); with no row, nothing is
    printed but a header of the keys asked for."""
    fields = _chosen or []
    if output_format is Format.TABLE:
        raise BadArgumentError("--fields picks the keys of plain, tsv, csv, json or jsonl output: add --format")
    shaped = for_reading(records, columns) if output_format is Format.PLAIN else [dict(record) for record in records]
    if shaped:
        valid = list(shaped[0])
        unknown = [name for name in fields if name not in valid]
        if unknown:
            raise BadArgumentError(f"--fields: unknown field '{unknown[0]}'; the fields are: {', '.join(valid)}")
    return [{name: record.get(name) for name in fields} for record in shaped], [Column(name, name) for name in fields]
