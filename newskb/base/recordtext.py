"""A record's text in its file: where it is written, and changing it there without touching anything else.

Every change is a splice of the record's own characters, found by tomltree (the one parser that knows
every form of TOML the reader accepts): a value replaced, a key's line or an inline entry added or taken
out, a record's lines removed, the id markers a team's union merge needs moved to where they belong. A
change is then read back with tomllib and must mean exactly the change intended (`verified`): anything
else is refused in one line, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from newskb.base import tomllines, tomltree
from newskb.base.model import Record
from newskb.base.schema import Key
from newskb.common.errors import BadArgumentError, display_path
from newskb.common.kinds import Kind

# What `set KEY=` asks for: the key taken out.
CLEARED = object()
KINDS = {kind.value for kind in Kind}


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def locate(text: str, record: Record) -> tomltree.Record:
    """Where `record` is written in `text` (its file's), or a one-line refusal if it is not in a form
    this editor changes safely (tomltree)."""
    found = tomltree.records(text, KINDS).get((record.origin.table, record.origin.index))
    if found is None or found.dotted or found.subtables:
        how = "with dotted keys or tables inside it" if found is not None else "in a form this editor cannot find"
        raise BadArgumentError(
            f"{display_path(record.origin.file)}: '{record.id}' is written {how}; nothing changed "
            f"(write it as a [[{record.origin.table}]] table to edit it with newskb)"
        )
    return found


def assign(text: str, record: Record, key: Key, value: object, order: list[str]) -> str:
    """`text` with `key` set to `value` (or taken out) in the record: only that key's value (or line, or
    entry) changes; a new key goes after the declared keys that come before it."""
    syntax = locate(text, record)
    entry = syntax.entry(key.name)
    if value is CLEARED:
        if entry is None:
            return text
        if syntax.inline is not None:
            start, end = without_item(list(syntax.inline.entries or ()), entry)
        else:
            start, end = entry.line_start, entry.line_end
        return text[:start] + text[end:]
    written = tomllines.value(value)
    if entry is not None:
        return text[: entry.value.start] + written + text[entry.value.end :]
    if syntax.inline is not None:
        entries = syntax.inline.entries or ()
        if entries:
            at = entries[-1].value.end
            return text[:at] + f", {key.name} = {written}" + text[at:]
        return text[: syntax.inline.start] + f"{{ {key.name} = {written} }}" + text[syntax.inline.end :]
    before = order[: order.index(key.name)] if key.name in order else order
    assert syntax.header is not None
    at = syntax.header.line_end
    for other in syntax.body:
        if other.key[0] in before:
            at = max(at, other.line_end)
    line = tomllines.key_line(key.name, value)
    if at == len(text) and not text.endswith("\n"):
        line = "\n" + line.rstrip("\n")
    return text[:at] + line + text[at:]


def array_items(syntax: tomltree.Record) -> list[Any]:
    assert syntax.container is not None
    return list(syntax.container.value.items or [syntax.container.value])


def without_item(items: Sequence[Any], item: Any) -> tuple[int, int]:
    """The span to cut to take `item` (a value of an array, or an entry of an inline table) out of its
    list with one comma: up to the next item, or from the end of the one before."""
    at = list(items).index(item)
    start = item.start
    end = item.value.end if isinstance(item, tomltree.Entry) else item.end
    if at + 1 < len(items):
        return start, items[at + 1].start
    if at > 0:
        before = items[at - 1]
        return (before.value.end if isinstance(before, tomltree.Entry) else before.end), end
    return start, end


def with_comments_above(text: str, syntax: tomltree.Record) -> tuple[int, int]:
    """A table-written record's span with the comment lines just above its header (a draft's sentence, a
    curator's remark), but never a line of what comes before it."""
    start, end = syntax.span()
    floor = max((entry.line_end for entry in _statements_before(text, start)), default=0)
    while start > floor:
        previous = text.rfind("\n", 0, start - 1) + 1
        if previous < floor or not text[previous:start].lstrip().startswith("#"):
            break
        start = previous
    return start, end


def _statements_before(text: str, offset: int) -> list[Any]:
    return [statement for statement in tomltree.parse(text) if statement.line_end <= offset]


def remarked(text: str, record: Record, old_id: str, new_id: str) -> str:
    """The record's id markers (`# ID` after its header and its last line: writing.py) where they belong
    after an edit, naming `new_id`; a record written by hand, without them, is left as it is."""
    syntax = locate(text, record)
    header = syntax.header
    marker = f"# {old_id}"
    if header is None or header.comment is None or text[slice(*header.comment)] != marker:
        return text
    splices: list[tuple[int, int, str]] = [(*header.comment, f"# {new_id}")]
    last = syntax.body[-1] if syntax.body else None
    for entry in syntax.body:
        if entry is not last and entry.comment is not None and text[slice(*entry.comment)] == marker:
            spaces = len(text[: entry.comment[0]]) - len(text[: entry.comment[0]].rstrip(" \t"))
            splices.append((entry.comment[0] - spaces, entry.comment[1], ""))
    if last is not None:
        if last.comment is None:
            splices.append((last.value.end, last.value.end, f"  # {new_id}"))
        elif text[slice(*last.comment)] == marker:
            splices.append((*last.comment, f"# {new_id}"))
    for start, end, replacement in sorted(splices, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def marked(chunk: str, kind: str, record_id: str) -> str:
    """A record's text (one `[[kind]]` table, with comments above it) with its id named in a comment after its
    header and after its last line, as `add` writes a record (writing.py); a line that has a comment keeps it."""
    syntax = tomltree.records(chunk, {kind})[(kind, 0)]
    assert syntax.header is not None
    first_and_last: list[tomltree.Header | tomltree.Entry] = [syntax.header, *syntax.body[-1:]]
    ends = [line.line_end for line in first_and_last if line.comment is None]
    # Each just before its line break (a file's last line may have none).
    splices = {len(chunk[:end].rstrip("\r\n")) for end in ends}
    for at in sorted(splices, reverse=True):
        chunk = chunk[:at] + f"  # {record_id}" + chunk[at:]
    return chunk


def appended(old: str, kind: str, record: Mapping[str, object], table: str) -> tuple[str, int]:
    """`old` (a file's text) with one more record of `kind`, and the line the record starts on: `table` (the
    record as a `[[kind]]` table) after one blank line; or, where the file writes that kind as one array
    (`person = [{ ... }, ...]`), which TOML lets no `[[person]]` table extend, one more inline table in it."""
    array = _top_level_array(old, kind) if old else None
    if array is None:
        joined = old + ("" if not old or old.endswith("\n") else "\n") + ("\n" if old else "")
        return joined + table, joined.count("\n") + 1
    item = "{ " + ", ".join(f"{name} = {tomllines.value(value)}" for name, value in record.items()) + " }"
    at, inserted = (array.items[-1].end, ",\n  " + item) if array.items else (array.start + 1, item)
    return old[:at] + inserted + old[at:], old.count("\n", 0, at) + inserted.count("\n") + 1


def _top_level_array(text: str, kind: str) -> tomltree.Value | None:
    """The array `kind = [...]` before the file's first table header, if the file writes that kind so; an
    empty one too, which holds no record for tomltree.records to find."""
    for statement in tomltree.parse(text):
        if isinstance(statement, tomltree.Header):
            return None
        if statement.key == (kind,) and statement.value.items is not None:
            return statement.value
    return None


def table_of(document: dict[str, Any], record: Record) -> dict[str, Any]:
    tables = document[record.origin.table]
    table: dict[str, Any] = tables if isinstance(tables, dict) else tables[record.origin.index]
    return table


def verified(path: Path, record: Record, before: str, after: str, expected: Callable[[dict[str, Any]], None]) -> str:
    """`after`, once shown to mean exactly `before` with the intended change (both read by tomllib): an edit
    that would change anything else, or leave the file unreadable, is refused instead of written."""
    import copy
    import tomllib

    wanted = copy.deepcopy(tomllib.loads(before))
    expected(wanted)
    try:
        got = tomllib.loads(after)
    except tomllib.TOMLDecodeError:
        got = None
    if got != wanted:
        raise BadArgumentError(
            f"{display_path(path)}: cannot edit '{record.id}' safely in the way it is written; nothing changed"
        )
    return after
