"""Find the data folder, read its TOML files, and build model records with their origins.

Reading never stops at the first problem: every file is read, every record that can be built is
built, and every problem is returned beside the fact base for `check` (or a query) to report.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from newskb import dates
from newskb.errors import Problem, Severity, display_path
from newskb.fields import Fields, type_name
from newskb.folder import data_files
from newskb.fuzzy import did_you_mean
from newskb.kinds import FACT_KINDS, Kind
from newskb.linemap import TOP_LEVEL, LazyLineMap
from newskb.model import Claim, Entity, Event, Expectation, FactBase, Origin, Source, Term

_ENTITY_KEYS = ("id", "name", "aliases", "summary", "source", "quote")
_OFFICE_KEYS = (*_ENTITY_KEYS, "org", "seats")
_SOURCE_KEYS = ("id", "title", "publisher", "cites", "published", "text", "note")
_TERM_KEYS = ("id", "office", "holder", "start", "end", "replaces", "source", "quote", "note")
_EVENT_KEYS = ("id", "date", "title", "involves", "same_as", "source", "quote", "note")
_CLAIM_KEYS = ("id", "about", "text", "source", "quote", "note")
_EXPECT_KEYS = ("id", "office", "date", "holder", "search", "first", "note")

# The keys each record kind may have, in the order a new record is written.
RECORD_KEYS: dict[Kind, tuple[str, ...]] = {
    Kind.PERSON: _ENTITY_KEYS,
    Kind.ORGANIZATION: _ENTITY_KEYS,
    Kind.COUNTRY: _ENTITY_KEYS,
    Kind.OFFICE: _OFFICE_KEYS,
    Kind.SOURCE: _SOURCE_KEYS,
    Kind.TERM: _TERM_KEYS,
    Kind.EVENT: _EVENT_KEYS,
    Kind.CLAIM: _CLAIM_KEYS,
    Kind.EXPECT: _EXPECT_KEYS,
}

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(slots=True)
class _Collected:
    entities: list[Entity] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    expectations: list[Expectation] = field(default_factory=list)

    def base(self, root: Path) -> FactBase:
        return FactBase(
            root=root,
            entities=tuple(self.entities),
            sources=tuple(self.sources),
            terms=tuple(self.terms),
            events=tuple(self.events),
            claims=tuple(self.claims),
            expectations=tuple(self.expectations),
        )


def load(root: Path, overrides: Mapping[Path, str] | None = None) -> tuple[FactBase, list[Problem]]:
    """Read every data file below `root` into one fact base, with every problem found.

    `overrides` gives the text some files would have (new files included): a change is validated
    exactly as `check` would see it before anything is written.
    """
    problems: list[Problem] = []
    collected = _Collected()
    overrides = overrides or {}
    files = sorted({*data_files(root), *overrides})
    if not files:
        problems.append(
            Problem(file=root, line=None, key_path="", message="no .toml data files found", severity=Severity.FATAL)
        )
    for path in files:
        _load_into(path, collected, problems, overrides.get(path))
    return collected.base(root), problems


def load_file(path: Path, root: Path) -> tuple[FactBase, list[Problem]]:
    """The records of one data file alone (the unit an index refresh reads again)."""
    problems: list[Problem] = []
    collected = _Collected()
    _load_into(path, collected, problems, None)
    return collected.base(root), problems


def _load_into(path: Path, collected: _Collected, problems: list[Problem], text: str | None) -> None:
    document, lines = read_document(path, problems, text)
    if document is not None:
        _read_records(path, document, lines, collected, problems)


def read_document(
    path: Path, problems: list[Problem], text: str | None = None
) -> tuple[dict[str, object] | None, LazyLineMap]:
    """Parse one TOML file (or `text` standing in for it); an unreadable one is a fatal problem."""

    def fatal(line: int | None, message: str) -> tuple[None, LazyLineMap]:
        problems.append(Problem(file=path, line=line, key_path="", message=message, severity=Severity.FATAL))
        return None, LazyLineMap("")

    try:
        raw = path.read_bytes() if text is None else text.encode("utf-8")
    except OSError as error:
        return fatal(None, f"cannot read: {error.strerror}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return fatal(line, f"not UTF-8: byte 0x{raw[error.start]:02x} cannot be decoded")
    import tomllib  # imported here: a query on a warm index reads no TOML at all

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        position = _TOML_POSITION.search(str(error))
        # tomllib puts the position in its message only; "at end of document" means the last line.
        line = int(position[1]) if position else max(1, len(text.splitlines()))
        return fatal(line, f"TOML syntax error: {error}")
    return document, LazyLineMap(text)


def _read_records(
    path: Path,
    document: Mapping[str, object],
    lines: LazyLineMap,
    collected: _Collected,
    problems: list[Problem],
) -> None:
    file_source: str | None = None
    source_table = document.get(Kind.SOURCE)
    if isinstance(source_table, dict):
        source = _read_source(path, source_table, _origin(path, lines, Kind.SOURCE, 0), problems)
        if source is not None:
            collected.sources.append(source)
            file_source = source.id
    for name, value in document.items():
        if name == Kind.SOURCE:
            if not isinstance(value, dict):
                _top_level_problem(path, lines, name, "must be a single table, written [source]", problems)
            continue
        if name not in Kind.__members__.values():
            hint = did_you_mean(name, [kind.value for kind in Kind])
            _top_level_problem(path, lines, name, f"unknown table '{name}'{hint}", problems)
            continue
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            _top_level_problem(
                path,
                lines,
                name,
                f"must be an array of tables, written [[{name}]], not {type_name(value)}",
                problems,
            )
            continue
        for index, table in enumerate(value):
            origin = _origin(path, lines, name, index)
            _read_record(Kind(name), table, origin, file_source, collected, problems)


def _top_level_problem(path: Path, lines: LazyLineMap, name: str, message: str, problems: list[Problem]) -> None:
    line_map = lines.get()
    table = line_map.tables.get((name, 0))
    line = table.line if table is not None else line_map.table(TOP_LEVEL).keys.get(name)
    problems.append(Problem(file=path, line=line, key_path=name, message=message))


def _origin(path: Path, lines: LazyLineMap, name: str, index: int) -> Origin:
    return Origin(file=path, table=name, index=index, lines=lines)


def _read_record(
    kind: Kind,
    table: Mapping[str, object],
    origin: Origin,
    file_source: str | None,
    collected: _Collected,
    problems: list[Problem],
) -> None:
    fields = Fields(table, kind=kind, origin=origin, problems=problems)
    source = file_source
    if kind in FACT_KINDS:
        if "source" in table:
            source = fields.slug("source")
        elif source is None:
            fields.problem(
                "source", "missing required key 'source' (this file has no [source] table to inherit it from)"
            )
    if kind is Kind.TERM:
        fields.reject_unknown(_TERM_KEYS)
        end_text = table.get("end")
        term = Term(
            id=fields.slug("id") or "",
            office=fields.slug("office") or "",
            holder=fields.slug("holder") or "",
            span=dates.Span(
                start=fields.date("start"),
                end=fields.date("end", allow_open=True),
                open_end=end_text == dates.OPEN,
            ),
            replaces=fields.slug("replaces", required=False),
            source=source or "",
            quote=fields.text("quote") or "",
            note=fields.text("note", required=False),
            origin=origin,
        )
        if term.id:
            collected.terms.append(term)
    elif kind is Kind.EVENT:
        fields.reject_unknown(_EVENT_KEYS)
        event = Event(
            id=fields.slug("id") or "",
            date=fields.date("date"),
            title=fields.text("title") or "",
            involves=fields.texts("involves", slugs=True),
            same_as=fields.slug("same_as", required=False),
            source=source or "",
            quote=fields.text("quote") or "",
            note=fields.text("note", required=False),
            origin=origin,
        )
        if event.id:
            collected.events.append(event)
    elif kind is Kind.CLAIM:
        fields.reject_unknown(_CLAIM_KEYS)
        claim = Claim(
            id=fields.slug("id") or "",
            about=fields.texts("about", required=True, slugs=True),
            text=fields.text("text") or "",
            source=source or "",
            quote=fields.text("quote") or "",
            note=fields.text("note", required=False),
            origin=origin,
        )
        if claim.id:
            collected.claims.append(claim)
    elif kind is Kind.EXPECT:
        expectation = _read_expectation(fields)
        if expectation.id:
            collected.expectations.append(expectation)
    else:
        entity = _read_entity(kind, fields)
        if entity is not None:
            collected.entities.append(entity)


def _read_expectation(fields: Fields) -> Expectation:
    fields.reject_unknown(_EXPECT_KEYS)
    table = fields.table
    is_office = "office" in table or "holder" in table or "date" in table
    is_search = "search" in table or "first" in table
    if is_office == is_search:
        fields.problem("", "an expect record needs either office, date and holder, or search and first")
    day = fields.date("date", required=is_office)
    if day is not None and not day.is_exact:
        fields.problem("date", f"'{day}' is not a single day: an expectation asks about one day (YYYY-MM-DD)")
        day = None
    return Expectation(
        id=fields.slug("id") or "",
        office=fields.slug("office", required=is_office),
        day=day.earliest_day if day is not None else None,
        holder=fields.slug("holder", required=is_office),
        search=fields.text("search", required=is_search),
        first=fields.slug("first", required=is_search),
        note=fields.text("note", required=False),
        origin=fields.origin,
    )


def _read_entity(kind: Kind, fields: Fields) -> Entity | None:
    is_office = kind is Kind.OFFICE
    fields.reject_unknown(_OFFICE_KEYS if is_office else _ENTITY_KEYS)
    summary = fields.text("summary", required=False)
    entity = Entity(
        kind=kind,
        id=fields.slug("id") or "",
        name=fields.text("name") or "",
        aliases=fields.texts("aliases"),
        summary=summary,
        # A summary is a fact: it needs the source and quote behind it.
        source=fields.slug("source", required=summary is not None),
        quote=fields.text("quote", required=summary is not None),
        org=fields.slug("org") if is_office else None,
        seats=fields.integer("seats", default=1, minimum=1) if is_office else None,
        origin=fields.origin,
    )
    return entity if entity.id else None


def _read_source(path: Path, table: Mapping[str, object], origin: Origin, problems: list[Problem]) -> Source | None:
    fields = Fields(table, kind=Kind.SOURCE, origin=origin, problems=problems)
    fields.reject_unknown(_SOURCE_KEYS)
    text_value = fields.text("text")
    source = Source(
        id=fields.slug("id") or "",
        title=fields.text("title") or "",
        publisher=fields.slug("publisher") or "",
        cites=fields.texts("cites", slugs=True),
        published=fields.date("published", required=True) or dates.Edtf(year=1),
        text_path=Path(os.path.normpath(path.parent / (text_value or ""))),
        text=None,
        note=fields.text("note", required=False),
        origin=origin,
    )
    if not source.id or text_value is None:
        return None
    text = _read_article(source.text_path, fields)
    return dataclasses.replace(source, text=text)


def _read_article(text_path: Path, fields: Fields) -> str | None:
    """The article text a source points at; a missing or undecodable one is a problem."""
    try:
        return text_path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        fields.problem("text", f"text file '{fields.table['text']}' not found ({display_path(text_path)})")
    except UnicodeDecodeError:
        fields.problem("text", f"text file '{fields.table['text']}' is not UTF-8")
    except OSError as error:
        fields.problem("text", f"text file '{fields.table['text']}' cannot be read: {error.strerror}")
    return None
