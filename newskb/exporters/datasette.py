"""Datasette's metadata for `--format sqlite --metadata FILE`: how the exported tables read in Datasette."""

from __future__ import annotations

import html
from datetime import date
from pathlib import Path

from newskb.exporters.sqlite import _FACETS, _STATUS_DOC, tables

# The column Datasette shows for a row where another table links to it, and in its own row's heading:
# something a person reads, not an id. A link table's is the value it lists.
_LABELS = {"entity": "name", "source": "title", "term": "label", "event": "title", "claim": "text"}


def metadata(database: Path, day: date) -> dict[str, object]:
    """Datasette's metadata for the exported database: titles, descriptions, facets, labels, the source link.

    A table's page shows its description, then its rows; each column's description is one short line in a
    folded list under it ("What each column holds") and in the column's menu. Datasette would list
    `columns` descriptions in full above the rows, sixteen of them for a term, and print Markdown's
    backticks as they are: the list is written as HTML instead, backticks as code."""
    name = database.stem
    described: dict[str, object] = {}
    for table in tables():
        columns = {
            column.name: _one_line(
                _STATUS_DOC.replace("the export's day", day.isoformat()) if column.name == "status" else column.doc
            )
            for column in table.columns
        }
        listed = "".join(f"<dt>{html.escape(column)}</dt><dd>{_as_html(text)}</dd>" for column, text in columns.items())
        entry: dict[str, object] = {
            "title": table.title,
            "description": _plain(table.doc),
            "description_html": (
                f"<p>{_as_html(table.doc)}</p><details><summary>What each column holds</summary>"
                f'<dl class="column-descriptions">{listed}</dl></details>'
            ),
            "label_column": _LABELS.get(table.name) or table.columns[1].name,
        }
        if table.name in _FACETS:
            entry["facets"] = _FACETS[table.name]
        described[table.name] = entry
    return {
        "title": "newskb",
        "description": (
            "News facts, each with the verbatim quote that supports it and the article it comes from; dates as "
            f"the sources give them. Term statuses are as of {day.isoformat()}."
        ),
        "source": "the articles behind every fact",
        "source_url": f"/{_tilde_encode(name)}/source",
        "databases": {name: {"tables": described}},
    }


def _one_line(doc: str) -> str:
    """A key's documentation as one short line: its first sentence."""
    first = " ".join(doc.split())
    cut = first.find(". ")
    return first if cut < 0 else first[: cut + 1]


def _plain(doc: str) -> str:
    return doc.replace("`", "")


def _as_html(doc: str) -> str:
    """Documentation with Markdown's `code` rendered, everything else escaped."""
    parts = html.escape(doc, quote=False).split("`")
    return "".join(f"<code>{part}</code>" if number % 2 else part for number, part in enumerate(parts))


# Datasette names a database in its URLs by the file's stem, tilde-encoded.
_TILDE_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


def _tilde_encode(name: str) -> str:
    return "".join(
        char if char in _TILDE_SAFE else "+" if char == " " else "".join(f"~{byte:02X}" for byte in char.encode())
        for char in name
    )
