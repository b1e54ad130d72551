"""Editing records in place: change or clear keys (`set`), remove a record (`rm`), rename an id (`rename`).

An edit touches only the lines of the record it changes (and, for a rename, the lines that name the id):
every other line of every file, comments and layout included, stays byte for byte. The result is
validated as `check` would see it before anything is written, under the data lock, and the files are
replaced in one atomic step (lock.replace_files); a refusal is one line and changes no byte.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from newskb import model, writing
from newskb.errors import BadArgumentError, NotFoundError, RecordError
from newskb.fields import SLUG
from newskb.fuzzy import did_you_mean
from newskb.kinds import Kind
from newskb.linemap import TOP_LEVEL, record_lines, scan
from newskb.model import FactBase, Record
from newskb.schema import Key, KeyType


@dataclass(frozen=True, slots=True, kw_only=True)
class Edit:
    """What an edit changes (or, in a dry run, would change): the new text of each file, and a diff."""

    texts: dict[Path, str]
    diff: str


def record_of(base: FactBase, record_id: str) -> Record:
    """The record with this id (any kind), or NotFoundError naming the closest ids."""
    for record in base.records:
        if record.id == record_id:
            return record
    hint = did_you_mean(record_id, [record.id for record in base.records])
    raise NotFoundError(f"no record has the id '{record_id}'{hint}")


def set_keys(base: FactBase, record: Record, assignments: Sequence[str]) -> Edit:
    """Change or clear (`KEY=`) keys of one record, each written as its declared type needs."""
    declared = {key.name: key for key in model.keys(record.kind)}
    path = record.origin.file
    lines = _lines(path)
    start, end = _extent(lines, record)
    block = lines[start:end]
    for assignment in assignments:
        name, equals, written = assignment.partition("=")
        if not equals or not name:
            raise BadArgumentError(f"'{assignment}' is not KEY=VALUE (KEY= clears the key)")
        if name == "id":
            raise BadArgumentError(
                "an id is changed with 'newskb rename ID NEW-ID', which also rewrites its references"
            )
        key = declared.get(name)
        if key is None:
            raise BadArgumentError(f"a {record.kind} has no key '{name}'{did_you_mean(name, list(declared))}")
        block = _assign(block, key, written, declared)
    block = writing.remarked(lines[start:end], block, record.id, record.id)
    return _edit(base, {path: lines[:start] + block + lines[end:]})


def remove(base: FactBase, record: Record) -> Edit:
    """Remove one record's lines, unless anything references it (every reference is listed)."""
    if record.kind is Kind.SOURCE:
        raise BadArgumentError(
            f"'{record.id}' is a source: remove its file ({record.origin.file}) and its article instead"
        )
    naming = references(base, record.id)
    if naming:
        listed = ", ".join(f"{other.id} ({key})" for other, key in naming)
        raise RecordError(f"'{record.id}' is referenced by {listed}; nothing removed")
    path = record.origin.file
    lines = _lines(path)
    start, end = _extent(lines, record, with_comments=True)
    # The blank line that separated the record from the one before it goes too.
    if start > 0 and not lines[start - 1].strip():
        start -= 1
    return _edit(base, {path: lines[:start] + lines[end:]})


def rename(base: FactBase, record: Record, new_id: str) -> Edit:
    """Give a record a new id and rewrite every reference to it, across every file."""
    if not SLUG.fullmatch(new_id):
        raise BadArgumentError(f"'{new_id}' is not a kebab-case id (like 'jane-doe')")
    if any(other.id == new_id for other in base.records):
        raise RecordError(f"the id '{new_id}' is already used; nothing renamed")
    old = record.id
    edits: dict[Path, list[str]] = {}
    targets = [(record, model.keys(record.kind)[0])]  # its own `id`
    targets += [(other, key) for other, key in _referring_keys(base, old)]
    for other, key in targets:
        path = other.origin.file
        lines = edits.setdefault(path, _lines(path))
        start, end = _extent(lines, other)
        value = getattr(other, key.name)
        renamed: object = [new_id if item == old else item for item in value] if key.type.is_list else new_id
        block = _replace_key(lines[start:end], key, renamed)
        block = writing.remarked(lines[start:end], block, other.id, new_id if other is record else other.id)
        edits[path] = lines[:start] + block + lines[end:]
    return _edit(base, edits)


def references(base: FactBase, record_id: str) -> list[tuple[Record, str]]:
    """Every (record, key) that names `record_id`, as model.py declares what names what."""
    return [(other, key.name) for other, key in _referring_keys(base, record_id)]


def _referring_keys(base: FactBase, record_id: str) -> list[tuple[Record, Key]]:
    found = []
    for other in base.records:
        for key in model.keys(other.kind):
            if not key.refs:
                continue
            if key.inherited and not other.origin.written(key.name):
                continue  # a fact inherits its file's source: no line of its own names it
            value = getattr(other, key.name)
            if value == record_id or (key.type.is_list and record_id in value):
                found.append((other, key))
    return found


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines(keepends=True)


def _extent(lines: list[str], record: Record, *, with_comments: bool = False) -> tuple[int, int]:
    """The 0-based [start, end) of a record's own lines (linemap.record_lines)."""
    line_map = scan("".join(lines))
    table = line_map.table(record.origin.table, record.origin.index)
    return record_lines(lines, line_map, table, with_comments=with_comments)


def _assign(block: list[str], key: Key, written: str, declared: Mapping[str, Key]) -> list[str]:
    """The block with `key` set to the value `written` means for its type, or cleared if it is empty."""
    if written == "":
        return _remove_key(block, key.name)
    return _replace_key(block, key, _value(key, written), declared)


def _value(key: Key, written: str) -> object:
    """A command-line value as the key's type needs it: a number for a count, a list for a list key
    (a TOML array `["a", "b"]`, or one item), else the text as written (a quoted TOML string unquoted)."""
    import tomllib

    if key.type is KeyType.COUNT:
        try:
            return int(written)
        except ValueError:
            raise BadArgumentError(f"{key.name}: '{written}' is not a whole number") from None
    if written.startswith(("[", '"', "'")):
        try:
            value = tomllib.loads(f"value = {written}")["value"]
        except tomllib.TOMLDecodeError as error:
            raise BadArgumentError(f"{key.name}: '{written}' is not a TOML value: {error}") from None
        return value if not key.type.is_list or isinstance(value, list) else [value]
    return [written] if key.type.is_list else written


def _replace_key(block: list[str], key: Key, value: object, declared: Mapping[str, Key] | None = None) -> list[str]:
    """The block with `key = value` where the key's lines were, or (a new key) after the declared keys
    that come before it."""
    line = writing.key_line(key.name, value)
    where = _key_lines(block, key.name)
    if where is not None:
        start, end = where
        return [*block[:start], line, *block[end:]]
    order = list(declared or {})
    before = order[: order.index(key.name)] if key.name in order else order
    at = 1
    for name in before:
        found = _key_lines(block, name)
        if found is not None:
            at = max(at, found[1])
    return [*block[:at], line, *block[at:]]


def _remove_key(block: list[str], name: str) -> list[str]:
    where = _key_lines(block, name)
    if where is None:
        return block
    start, end = where
    return block[:start] + block[end:]


def _key_lines(block: list[str], name: str) -> tuple[int, int] | None:
    """The [start, end) lines of one key and its value in a record's block (a value may span lines)."""
    line_map = scan("".join(block))
    table = next((t for key, t in line_map.tables.items() if key[0] != TOP_LEVEL), None)
    if table is None or name not in table.keys:
        return None
    return table.keys[name] - 1, table.key_ends[name]


def _edit(base: FactBase, edits: Mapping[Path, list[str]]) -> Edit:
    texts = {path: "".join(lines) for path, lines in edits.items()}
    diff = "".join(
        "".join(
            difflib.unified_diff(
                path.read_text(encoding="utf-8").splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=str(path),
                tofile=str(path),
            )
        )
        for path, text in texts.items()
    )
    return Edit(texts=texts, diff=diff)
