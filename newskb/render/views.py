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


# The columns each command shows, at a terminal and in plain output.

# `who` names the office in its title, so its rows need not repeat it.
WHO = [
    Column("holder", "Holder", wide=True),
    Column("start", "Start"),
    Column("end", "End"),
    Column("status", "Status"),
    Column("attested", "Attested"),
    Column("quote", "Quote", wide=True),
]
TERMS = [Column("office", "Office", wide=True), *WHO[:4], WHO[5]]
SEARCH = [
    Column("score", "Score"),
    Column("kind", "Kind"),
    Column("id", "Id"),
    Column("label", "Label", wide=True),
    Column("source", "Source", in_table=False),
]
TIMELINE = [
    Column("date", "Date"),
    Column("kind", "Kind"),
    Column("title", "What", wide=True),
    Column("id", "Id", in_table=False),
]
CLAIMS = [Column("text", "Claim", wide=True), Column("id", "Id"), Column("source", "Source")]
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
PROFILE_SECTIONS = [("terms", "Terms", TERMS), ("events", "Events", TIMELINE), ("claims", "Claims", CLAIMS)]
