"""What output looks like, before any is drawn: the output formats, and which fields a table shows."""

from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from newskb.common.kinds import Modality
from newskb.common.words import spoken_by


class Format(StrEnum):
    TABLE = "table"
    PLAIN = "plain"
    TSV = "tsv"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"


class Fit(StrEnum):
    """How a column's cells fit a terminal's width."""

    SHORT = "short"  # dates, statuses, numbers: never wrapped, never cut
    ID = "id"  # an id the next command needs: never wrapped, never cut; on a line of its own when narrow
    NAME = "name"  # names: wrapped between words only
    TEXT = "text"  # quotes, claims, titles: take the width left, wrapped between words


# A named tuple, not a dataclass: every command imports the views at start-up, and a dataclass costs a
# millisecond or two to create (its methods are compiled from source).
class Column(NamedTuple):
    """A column of a table (and of plain output): the row key, its heading, and how it fits."""

    key: str
    header: str
    fit: Fit = Fit.SHORT
    # How a person reads the cell, when it is more than the row's value (a status with its modality).
    shown: Callable[[Mapping[str, Any]], str] | None = None


def for_reading(records: Sequence[Mapping[str, Any]], columns: Sequence[Column]) -> list[dict[str, Any]]:
    """The records as a table or plain lines show them: each column's cell as a person reads it."""
    shaped = [column for column in columns if column.shown is not None]
    return [{**record, **{column.key: column.shown(record) for column in shaped if column.shown}} for record in records]


def _modality(record: Mapping[str, Any]) -> str:
    """` (announced)`: how the source puts a fact, when it does not simply assert it; and ` (unreviewed
    draft)` for a fact accepted from a draft nobody edited."""
    modality = record.get("modality")
    marks = [str(mark) for mark in (modality if modality != Modality.STATED else None, record.get("review")) if mark]
    return f" ({', '.join(marks)})" if marks else ""


def _status(record: Mapping[str, Any]) -> str:
    """`holds`, or `holds (announced)`."""
    return f"{record.get('status')}{_modality(record)}"


def _status_as_of(record: Mapping[str, Any]) -> str:
    """`_status`, and for a term only last known, the day it is known as of (a history has no Attested column):
    `last known as of 2024-09-30 (announced)`."""
    from newskb.common.dates import Status  # here: only a history or a career is drawn with it

    attested = record.get("attested")
    as_of = f" as of {attested}" if attested and record.get("status") == Status.LAST_KNOWN else ""
    return f"{record.get('status')}{as_of}{_modality(record)}"


def _kind(record: Mapping[str, Any]) -> str:
    """`event`, or `event (possible)`."""
    return f"{record.get('kind')}{_modality(record)}"


def _quote(record: Mapping[str, Any]) -> str:
    """The quote, and the agencies the source cites for it: `... replacing Jens Stoltenberg [via reuters]`."""
    via = record.get("via")
    return f"{record.get('quote')} [via {', '.join(via)}]" if via else str(record.get("quote"))


def _claim(record: Mapping[str, Any]) -> str:
    """`Peter Bator: One of ... (as of 2024-09-30)`: who says it, what, and the day it is true as of."""
    as_of = f" (as of {record['as_of']})" if record.get("as_of") else ""
    return f"{spoken_by(record.get('speakers') or [], str(record.get('text')))}{as_of}"


def _length(record: Mapping[str, Any]) -> str:
    """`14 years`: how long a term lasted, where the source gives a length."""
    from newskb.common.dates import parse_duration

    return parse_duration(record["duration"]).in_words() if record.get("duration") else ""


def _inferred(record: Mapping[str, Any], key: str) -> str:
    """`2024-09-30 (inferred)`: a source's value, marked when the article does not print it."""
    return f"{record.get(key)} (inferred)" if key in (record.get("inferred") or []) else str(record.get(key))


def _yes_or_no(record: Mapping[str, Any]) -> str:
    return "yes" if record.get("covered") else "no"


def _label(record: Mapping[str, Any]) -> str:
    """A search hit's label, and how sure it is and through whom, as a timeline row or a `who` row says them:
    `Donald Trump may return to the US presidency (possible)`, `... [via reuters]`."""
    via = record.get("via")
    through = f" [via {', '.join(via)}]" if via else ""
    return f"{record.get('label')}{_modality(record)}{through}"


# The columns each command shows, at a terminal and in plain output.

# `who` names the office in its title, so its rows need not repeat it.
WHO = [
    Column("holder", "Holder", Fit.NAME),
    Column("start", "Start"),
    Column("end", "End"),
    Column("status", "Status", shown=_status),
    Column("attested", "Attested"),
    Column("quote", "Quote", Fit.TEXT, shown=_quote),
    Column("id", "Id", Fit.ID),
]
_OFFICE = Column("office", "Office", Fit.NAME)
TERMS = [_OFFICE, *WHO]
# A chart's terms, as rows: in a pipe, for --format, and as blocks where a terminal is too narrow to draw.
CHART = [_OFFICE, *WHO]
# Who came before and after, where a term is read in a sequence: an office's history, a person's career.
_NEIGHBOURS = [Column("predecessor", "Predecessor", Fit.NAME), Column("successor", "Successor", Fit.NAME)]
# A term read whole also says how long it lasted, where the source gives a length.
_LENGTH = Column("duration", "Length", shown=_length)
_STATUS_AS_OF = Column("status", "Status", shown=_status_as_of)
HISTORY = [*WHO[:3], _LENGTH, _STATUS_AS_OF, *_NEIGHBOURS, *WHO[5:]]
# A person's terms (the holder is the person) and an office's (the office is the office).
CAREER = [_OFFICE, *WHO[1:3], _LENGTH, _STATUS_AS_OF, *_NEIGHBOURS, *WHO[5:]]
TENURE = HISTORY
SEARCH = [
    Column("score", "Score"),
    Column("kind", "Kind"),
    Column("id", "Id", Fit.ID),
    Column("label", "Label", Fit.TEXT, shown=_label),
    # An event's date, a term's start/end, a claim's as-of day.
    Column("when", "When"),
    Column("source", "Source", Fit.ID),
]
TIMELINE = [
    Column("date", "Date"),
    Column("kind", "Kind", shown=_kind),
    Column("title", "What", Fit.TEXT),
    Column("id", "Id", Fit.ID),
]
# Asked for a range: whether each item is certainly in it, or only may be.
TIMELINE_RANGE = [*TIMELINE[:3], Column("in_range", "In range"), TIMELINE[3]]
CLAIMS = [
    Column("text", "Claim", Fit.TEXT, shown=_claim),
    Column("id", "Id", Fit.ID),
    Column("source", "Source", Fit.ID),
]
SOURCES = [
    Column("id", "Id", Fit.ID),
    Column("published", "Published", shown=lambda record: _inferred(record, "published")),
    Column("publisher", "Publisher", Fit.ID, shown=lambda record: _inferred(record, "publisher")),
    Column("title", "Title", Fit.TEXT),
    Column("terms", "Terms"),
    Column("events", "Events"),
    Column("claims", "Claims"),
]
COVERAGE = [
    Column("source", "Source", Fit.ID),
    Column("number", "#"),
    Column("covered", "Covered", shown=_yes_or_no),
    Column("facts", "Facts", Fit.TEXT),
    Column("sentence", "Sentence", Fit.TEXT),
]


def _evidence_quote(record: Mapping[str, Any]) -> str:
    """The quote of a verdict's first piece of evidence, as `verify`'s table shows it."""
    evidence = record.get("evidence") or []
    return str(evidence[0].get("quote") or "") if evidence else ""


# `verify`: each statement, its verdict, why, the evidence's ids and the first one's quote.
VERIFY = [
    Column("statement", "Statement", Fit.TEXT),
    Column("verdict", "Verdict"),
    Column("why", "Why", Fit.TEXT),
    Column("evidence", "Evidence", Fit.ID),
    Column("quote", "Quote", Fit.TEXT, shown=_evidence_quote),
]

# A profile (`show`): the entity's own fields as (key, label), then its lists as (key, title, columns).
PROFILE_HEADER = [
    ("name", "Name"),
    ("kind", "Kind"),
    ("id", "Id"),
    ("aliases", "Aliases"),
    ("org_name", "Part of"),
    ("wikidata", "Wikidata"),
    ("summary", "Summary"),
    ("as_of", "True as of"),
    ("quote", "Quote"),
    ("source", "Source"),
]
# A profile in plain lines: one line per field, term, event and claim (a term's `when` is `start/end`).
PROFILE = [Column(key, key) for key in ("section", "id", "when", "text", "source")]
# A citation in plain lines.
CITATION = [Column(key, key) for key in ("id", "source", "published", "quote", "sentence")]


def profile_sections(kind: str) -> list[tuple[str, str, list[Column]]]:
    """A profile's lists: a person's terms without the holder (it is the person), an office's without the
    office, an organization's or country's with both."""
    terms = {"person": CAREER, "office": TENURE}.get(kind, TERMS)
    return [("terms", "Terms", terms), ("events", "Events", TIMELINE), ("claims", "Claims", CLAIMS)]


# A chart is drawn from this width on (narrower, its terms are blocks of `Label: value` lines, as a table's);
# a chart written to a file is drawn this wide, whatever the terminal.
CHART_LEAST_WIDTH = 20
CHART_FILE_WIDTH = 100
# The files a chart is written to, by Rich's own export.
CHART_FILES = (".svg", ".html")
