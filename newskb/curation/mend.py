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
from typing import Any

from newskb.base import model, recordtext, tomllines, tomltree
from newskb.base.fields import SLUG
from newskb.base.model import FactBase, Record
from newskb.base.schema import Key, KeyType
from newskb.common.errors import BadArgumentError, NotFoundError, RecordError
from newskb.common.fuzzy import did_you_mean
from newskb.common.kinds import Kind


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
    before = recordtext.read(path)
    text = before
    changes: dict[str, object] = {}
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
        value = recordtext.CLEARED if written == "" else _value(key, written)
        text = recordtext.assign(text, record, key, value, list(declared))
        changes[name] = value
    text = recordtext.remarked(text, record, record.id, record.id)

    def expected(document: dict[str, Any]) -> None:
        table = recordtext.table_of(document, record)
        for name, value in changes.items():
            if value is recordtext.CLEARED:
                table.pop(name, None)
            else:
                table[name] = value

    return _edit(base, {path: recordtext.verified(path, record, before, text, expected)})


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
    before = recordtext.read(path)
    syntax = recordtext.locate(before, record)
    if syntax.inline is not None:
        start, end = recordtext.without_item(recordtext.array_items(syntax), syntax.inline)
    else:
        start, end = recordtext.with_comments_above(before, syntax)
        # The blank line that separated the record from the one before it goes too.
        previous = before.rfind("\n", 0, max(start - 1, 0)) + 1
        if start > 0 and not before[previous:start].strip():
            start = previous
    text = before[:start] + before[end:]

    def expected(document: dict[str, Any]) -> None:
        tables = document[record.origin.table]
        del tables[record.origin.index]
        if not tables and syntax.inline is None:
            del document[record.origin.table]

    return _edit(base, {path: recordtext.verified(path, record, before, text, expected)})


def rename(base: FactBase, record: Record, new_id: str) -> Edit:
    """Give a record a new id and rewrite every reference to it, across every file."""
    if not SLUG.fullmatch(new_id):
        raise BadArgumentError(f"'{new_id}' is not a kebab-case id (like 'jane-doe')")
    if any(other.id == new_id for other in base.records):
        raise RecordError(f"the id '{new_id}' is already used; nothing renamed")
    old = record.id
    targets = [(record, model.keys(record.kind)[0])]  # its own `id`
    targets += [(other, key) for other, key in _referring_keys(base, old)]
    befores: dict[Path, str] = {}
    texts: dict[Path, str] = {}
    for other, key in targets:
        path = other.origin.file
        befores.setdefault(path, recordtext.read(path))
        text = texts.get(path, befores[path])
        entry = recordtext.locate(text, other).entry(key.name)
        if entry is None:
            raise BadArgumentError(f"{path}: cannot find '{key.name}' of '{other.id}' to rename it; nothing renamed")
        values = (
            [item for item in (entry.value.items or ()) if tomltree.loads(text[item.start : item.end]) == old]
            if key.type.is_list
            else [entry.value]
        )
        for value in sorted(values, key=lambda value: -value.start):
            text = text[: value.start] + tomllines.value(new_id) + text[value.end :]
        texts[path] = text
    path = record.origin.file
    texts[path] = recordtext.remarked(texts[path], record, old, new_id)
    verified: dict[Path, str] = {}
    for path, text in texts.items():
        here = [(other, key) for other, key in targets if other.origin.file == path]

        def expected(document: dict[str, Any], here: list[tuple[Record, Key]] = here) -> None:
            for other, key in here:
                table = recordtext.table_of(document, other)
                value = table[key.name]
                table[key.name] = [new_id if item == old else item for item in value] if key.type.is_list else new_id

        verified[path] = recordtext.verified(path, record, befores[path], text, expected)
    return _edit(base, verified)


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


def _edit(base: FactBase, texts: Mapping[Path, str]) -> Edit:
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
    return Edit(texts=dict(texts), diff=diff)
