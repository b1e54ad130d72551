"""Find the data folder, read its TOML files, and build model records with their origins.

Reading never stops at the first problem: every file is read, every record that can be built is
built, and every problem is returned beside the fact base for `check` (or a query) to report.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newskb.base import model
from newskb.base.containment import MAX_ARTICLE, Refused, read_contained
from newskb.base.fields import Fields, absent, type_name
from newskb.base.folder import fact_base_root, walk
from newskb.base.linemap import TOP_LEVEL, LazyLineMap
from newskb.base.model import Claim, Entity, Event, Expectation, FactBase, Origin, Record, Source, Term
from newskb.base.schema import Key, KeyType
from newskb.common.dates import Edtf
from newskb.common.errors import Problem, Severity, display_path
from newskb.common.fuzzy import did_you_mean
from newskb.common.kinds import Kind

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(slots=True)
class _Collected:
    # Whether a record a key of which could not be read is kept: `check` reads every record, to check what
    # refers to it; answers skip it (load_file, for the index).
    keep_unread: bool = True
    entities: list[Entity] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    expectations: list[Expectation] = field(default_factory=list)

    def add(self, record: Record) -> None:
        if isinstance(record, Entity):
            self.entities.append(record)
        elif isinstance(record, Source):
            self.sources.append(record)
        elif isinstance(record, Term):
            self.terms.append(record)
        elif isinstance(record, Event):
            self.events.append(record)
        elif isinstance(record, Claim):
            self.claims.append(record)
        else:
            self.expectations.append(record)

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
    walked = walk(root)
    for skipped, why in walked.skipped:
        problems.append(Problem(file=Path(skipped), line=None, key_path="", message=why, severity=Severity.WARNING))
    files: list[Path] = sorted({*(Path(path) for path in walked.files), *overrides})
    if not files:
        problems.append(
            Problem(file=root, line=None, key_path="", message="no .toml data files found", severity=Severity.FATAL)
        )
    for path in files:
        _load_into(path, root, collected, problems, overrides.get(path))
    return collected.base(root), problems


def load_file(path: Path, root: Path) -> tuple[FactBase, list[Problem]]:
    """The records of one data file alone (the unit an index refresh reads again), but those missing a required
    key or holding a value that could not be read: answers skip what is invalid, never answer without it."""
    problems: list[Problem] = []
    collected = _Collected(keep_unread=False)
    _load_into(path, root, collected, problems, None)
    return collected.base(root), problems


def _load_into(path: Path, root: Path, collected: _Collected, problems: list[Problem], text: str | None) -> None:
    document, lines = read_document(path, problems, text)
    if document is not None:
        _read_records(path, root, document, lines, collected, problems)


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
    except RecursionError:
        # tomllib parses nested arrays and tables recursively: a hostile file can nest past Python's stack.
        return fatal(None, "TOML nested too deeply to read")
    except ValueError as error:
        if not isinstance(error, tomllib.TOMLDecodeError):
            # An integer of thousands of digits: Python refuses to convert it (a guard against slow parsing).
            return fatal(None, "TOML value too large to read (an integer of thousands of digits)")
        position = _TOML_POSITION.search(str(error))
        # tomllib puts the position in its message only; "at end of document" means the last line.
        line = int(position[1]) if position else max(1, len(text.splitlines()))
        return fatal(line, f"TOML syntax error: {error}")

    return document, LazyLineMap(text)


def _read_records(
    path: Path,
    root: Path,
    document: Mapping[str, object],
    lines: LazyLineMap,
    collected: _Collected,
    problems: list[Problem],
) -> None:
    file_source: str | None = None
    source_table = document.get(Kind.SOURCE)
    if isinstance(source_table, dict):
        origin = _origin(path, lines, Kind.SOURCE, 0)
        source = _read_record(Kind.SOURCE, source_table, origin, None, collected, problems, root)
        file_source = source.id if source is not None else None
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
            _read_record(Kind(name), table, origin, file_source, collected, problems, root)


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
    root: Path,
) -> Record | None:
    """Build one record from its table, key by key as its kind declares them (model.py)."""
    fields = Fields(table, kind=kind, origin=origin, problems=problems)
    declared = model.keys(kind)
    fields.reject_unknown(key.name for key in declared)
    required = _required_keys(model.RECORD_CLASSES[kind], declared, fields)
    values: dict[str, Any] = {}
    unread = False  # a required key missing, or a value written that could not be read (reported)
    for key, empty in _with_absent_values(kind, declared):
        if key.name not in table and key.name not in required and not key.inherited:
            values[key.name] = empty  # most optional keys of most records: no need to read them
            continue
        if key.inherited and key.name not in table:
            if file_source is None:
                fields.problem(
                    key.name,
                    f"missing required key '{key.name}' (this file has no [source] table to inherit it from)",
                )
            values[key.name] = file_source or ""
            unread = unread or file_source is None
            continue
        value = fields.value(key, required=key.name in required)
        if (value is None or value == ()) and (key.name in required or table.get(key.name) not in (None, [])):
            unread = True  # an end written "2025-03-33" is not an open end, nor a missing holder anyone's
        # A record missing a required key (reported) is still built, so that its other keys are checked.
        values[key.name] = _MISSING.get(key.type, "") if value is None and key.name in required else value
    if kind in model.ENTITY_KINDS:
        values["kind"] = kind
    record = model.RECORD_CLASSES[kind](**values, origin=origin)
    if isinstance(record, Source) and isinstance(table.get("text"), str):
        record = dataclasses.replace(record, article=_read_article(record.text, fields, fact_base_root(root)))
    if not record.id:
        return None
    if collected.keep_unread or not unread:
        collected.add(record)
    return record  # kept or not, a [source] table's id is what the file's facts inherit


def _with_absent_values(kind: Kind, declared: tuple[Key, ...]) -> tuple[tuple[Key, object], ...]:
    """Each key of a kind with what it holds when a record leaves it out (worked out once per kind)."""
    found = _ABSENT.get(kind)
    if found is None:
        found = _ABSENT[kind] = tuple((key, absent(key)) for key in declared)
    return found


_ABSENT: dict[Kind, tuple[tuple[Key, object], ...]] = {}


# What a record holds for a required key that is missing or wrong (a problem has been reported).
_MISSING: dict[KeyType, object] = {KeyType.DATE: Edtf(year=1), KeyType.PATH: Path()}


def _required_keys(record_class: type, declared: tuple[Key, ...], fields: Fields) -> set[str]:
    """The keys this record must have: those always required, those a given key requires, and those of the
    group of keys it uses where a kind offers alternatives (an expectation about an office, or a search)."""
    table = fields.table
    required = {key.name for key in declared if key.required}
    for key in declared:
        if key.name in table:
            required.update(key.requires)
    alternatives: tuple[tuple[tuple[str, ...], ...], ...] = getattr(record_class, "ALTERNATIVES", ())
    if not alternatives:
        return required
    used = [group for group in alternatives if any(name in table for slot in group for name in slot)]
    if len(used) != 1:
        either = ", or ".join(_spelled(group) for group in alternatives)
        fields.problem("", f"an {fields.kind} record needs either {either}")
    for group in used:
        for slot in group:
            given = [name for name in slot if name in table]
            if len(given) > 1:
                fields.problem(given[1], f"'{given[0]}' and '{given[1]}' do not go together: write one of them")
            if given:
                required.add(given[0])
            elif len(slot) > 1:
                fields.problem(slot[0], "missing required key " + " or ".join(f"'{name}'" for name in slot))
            else:
                required.add(slot[0])
    return required


def _spelled(group: tuple[tuple[str, ...], ...]) -> str:
    """`office, date and holder or outcome`."""
    slots = [" or ".join(slot) for slot in group]
    return ", ".join(slots[:-1]) + " and " + slots[-1]


def _read_article(text_path: Path, fields: Fields, base: Path) -> str | None:
    """The article text a source points at, read only if it is a regular file inside the fact base and not
    over MAX_ARTICLE bytes; anything else is a problem, and nothing of it is read."""
    written = fields.table["text"]
    try:
        raw = read_contained(text_path, base, MAX_ARTICLE)
    except FileNotFoundError:
        fields.problem("text", f"text file '{written}' not found ({display_path(text_path)})")
    except Refused as refusal:
        fields.problem("text", f"text file '{written}' {refusal}")
    except OSError as error:
        fields.problem("text", f"text file '{written}' cannot be read: {error.strerror}")
    else:
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            fields.problem("text", f"text file '{written}' is not UTF-8")
    return None
