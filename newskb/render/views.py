"""What output looks like, before any is drawn: the output formats, and which fields a table shows."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


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
    # How a person reads the cell, when it is more than the row's value (a status with its modality).
    shown: Callable[[Mapping[str, Any]], str] | None = None


def for_reading(records: Sequence[Mapping[str, Any]], columns: Sequence[Column]) -> list[dict[str, Any]]:
    """The records as a table or plain lines show them: each column's cell as a person reads it."""
    shaped = [column for column in columns if column.shown is not None]
    return [{**record, **{column.key: column.shown(record) for column in shaped if column.shown}} for record in records]


def _modality(record: Mapping[str, Any]) -> str:
    """` (announced)`: how the source puts a fact, when it does not simply assert it."""
    modality = record.get("modality")
    return f" ({modality})" if modality and modality != "stated" else ""


def _status(record: Mapping[str, Any]) -> str:
    """`holds`, or `holds (announced)`."""
    return f"{record.get('status')}{_modality(record)}"


def _kind(record: Mapping[str, Any]) -> str:
    """`event`, or `event (possible)`."""
    return f"{record.get('kind')}{_modality(record)}"


def _quote(record: Mapping[str, Any]) -> str:
    """The quote, and the agencies the source cites for it: `... replacing Jens Stoltenberg [via reuters]`."""
    via = record.get("via")
    return f"{record.get('quote')} [via {', '.join(via)}]" if via else str(record.get("quote"))


def _claim(record: Mapping[str, Any]) -> str:
    """`Peter Bator: One of ... (as of 2024-09-30)`: who says it, what, and the day it is true as of."""
    speakers = record.get("speakers") or []
    said = ", ".join(speakers) + ": " if speakers else ""
    as_of = f" (as of {record['as_of']})" if record.get("as_of") else ""
    return f"{said}{record.get('text')}{as_of}"


def _label(record: Mapping[str, Any]) -> str:
    """A search hit's label; a claim's says the day it is true as of."""
    as_of = f" (as of {record['as_of']})" if record.get("kind") == "claim" and record.get("as_of") else ""
    return f"{record.get('label')}{as_of}"


# The columns each command shows, at a terminal and in plain output.

# `who` names the office in its title, so its rows need not repeat it.
WHO = [
    Column("holder", "Holder", wide=True),
    Column("start", "Start"),
    Column("end", "End"),
    Column("status", "Status", shown=_status),
    Column("attested", "Attested"),
    Column("quote", "Quote", wide=True, shown=_quote),
]
TERMS = [Column("office", "Office", wide=True), *WHO[:4], WHO[5]]
# A chart's terms, as rows: in a pipe, for --format, and as blocks where a terminal is too narrow to draw.
CHART = [TERMS[0], *WHO]
# Who came before and after, where a term is read in a sequence: an office's history, a person's career.
_NEIGHBOURS = [Column("predecessor", "Predecessor", wide=True), Column("successor", "Successor", wide=True)]
HISTORY = [*WHO[:4], *_NEIGHBOURS, WHO[5]]
CAREER = [*TERMS[:5], *_NEIGHBOURS, TERMS[5]]
SEARCH = [
    Column("score", "Score"),
    Column("kind", "Kind"),
    Column("id", "Id"),
    Column("label", "Label", wide=True, shown=_label),
    Column("source", "Source", in_table=False),
]
TIMELINE = [
    Column("date", "Date"),
    Column("kind", "Kind", shown=_kind),
    Column("title", "What", wide=True),
    Column("id", "Id", in_table=False),
]
# Asked for a range: whether each item is certainly in it, or only may be.
TIMELINE_RANGE = [*TIMELINE[:3], Column("in_range", "In range"), TIMELINE[3]]
CLAIMS = [Column("text", "Claim", wide=True, shown=_claim), Column("id", "Id"), Column("source", "Source")]
SOURCES = [
    Column("id", "Id"),
    Column("published", "Published"),
    Column("publisher", "Publisher"),
    Column("title", "Title", wide=True),
    Column("terms", "Terms"),
    Column("events", "Events"),
    Column("claims", "Claims"),
]
COVERAGE = [
    Column("source", "Source", in_table=False),
    Column("number", "#"),
    Column("covered", "Covered"),
    Column("facts", "Facts", wide=True),
    Column("sentence", "Sentence", wide=True),
]

# A profile (`show`): the entity's own fields as (key, label), then its lists as (key, title, columns).
PROFILE_HEADER = [
    ("name", "Name"),
    ("kind", "Kind"),
    ("id", "Id"),
    ("aliases", "Aliases"),
    ("org", "Part of"),
    ("summary", "Summary"),
    ("quote", "Quote"),
    ("source", "Source"),
]
PROFILE_SECTIONS = [("terms", "Terms", CAREER), ("events", "Events", TIMELINE), ("claims", "Claims", CLAIMS)]

# A chart is drawn from this width on (narrower, its terms are blocks of `Label: value` lines, as a table's);
# a chart written to a file is drawn this wide, whatever the terminal.
CHART_LEAST_WIDTH = 20
CHART_FILE_WIDTH = 100
# The files a chart is written to, by Rich's own export.
CHART_FILES = (".svg", ".html")
