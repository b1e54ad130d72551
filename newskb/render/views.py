"""What output looks like, before any is drawn: the output formats, and which fields a table shows."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


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
