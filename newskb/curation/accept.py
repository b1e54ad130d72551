"""Taking a reviewed draft into the fact base (`newskb accept`): its records land as `add` would add them.

A draft (from `newskb draft`, edited by a curator) is TOML in the schema of data/. One nobody has edited
(its seal still holds, see seal.py) is refused unless the caller takes it as an unreviewed draft: then
every record lands marked `review = "unreviewed draft"`, which answers show and `check` counts. Each of its tables is
appended, with the comment lines just above it and as the curator left it, to the file `add` would
append it to: an entity to entities.toml, an expectation to expectations.toml, a fact to the file of its
`source`. The whole base is checked with every record in place first; any problem refuses them all, and
is reported at its line of the draft (FILE:LINE: key.path: message). Otherwise every file changes in one
atomic step, under the data lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newskb.base import recordtext, tomllines, tomltree
from newskb.base.containment import MAX_ARTICLE, Refused, read_regular
from newskb.base.lock import clean_leftovers, data_lock, replace_files
from newskb.base.model import UNREVIEWED, FactBase
from newskb.base.seal import unedited
from newskb.base.store import load, read_document
from newskb.common.errors import BadArgumentError, NewskbError, Problem, RecordError, Severity
from newskb.common.kinds import Kind
from newskb.curation import add


@dataclass(frozen=True, slots=True, kw_only=True)
class Landing:
    """Where one record of the draft lands: its kind and id, the file, and its lines there and in the draft."""

    kind: str
    id: str
    file: Path
    first_line: int  # in the target file, once appended
    draft_line: int
    lines: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Intake:
    """The draft's records and the text each target file would have, or the problems that refuse them."""

    landings: tuple[Landing, ...]
    texts: dict[Path, str]
    problems: tuple[Problem, ...]
    warnings: tuple[Problem, ...] = ()


def accept(root: Path, draft: Path, *, dry_run: bool = False, unreviewed: bool = False) -> Intake:
    """Plan the draft's landing under the data lock and, if `check` finds nothing wrong, write every file it
    changes in one step (nothing in a dry run, or when there are problems). A draft nobody edited is
    refused (RecordError) unless `unreviewed`, which marks every record it adds as an unreviewed draft."""
    if dry_run:
        return plan(root, draft, load(root)[0], unreviewed=unreviewed)
    add.refuse_bundled(root)
    with data_lock(root):
        clean_leftovers(root)
        intake = plan(root, draft, load(root)[0], unreviewed=unreviewed)
        if not intake.problems:
            replace_files({path: text.encode("utf-8") for path, text in intake.texts.items()}, root=root)
    return intake


def plan(root: Path, draft: Path, base: FactBase, *, unreviewed: bool = False) -> Intake:
    """Where every record of the draft would land, and what `check` would then report (mapped back to the
    draft's lines)."""
    problems: list[Problem] = []
    raw = _read_draft(draft)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    document, _ = read_document(draft, problems, text) if text is not None else read_document(draft, problems)
    if document is None or text is None:
        return Intake(landings=(), texts={}, problems=tuple(problems))
    if unedited(text) and not unreviewed:
        raise RecordError(
            f"{draft}: nobody has edited this draft since newskb draft wrote it: review it first, or accept it "
            'as it is with --unreviewed (each of its records is then marked review = "unreviewed draft")'
        )
    texts: dict[Path, str] = {}
    landings: list[Landing] = []
    for (name, index), syntax in sorted(tomltree.records(text, set(document)).items(), key=_written_order):
        record = _record(document, name, index)
        line = text.count("\n", 0, syntax.span()[0]) + 1
        if name == Kind.SOURCE:
            raise BadArgumentError(f"{draft}:{line}: a draft holds no [source]: add one with 'newskb new-source'")
        try:
            # An unknown table lands with the entities, and check refuses it there, at its line of the draft.
            kind = Kind(name) if name in {kind.value for kind in Kind} else Kind.PERSON
            target = add.target_file(root, kind, record, base)
        except NewskbError:
            problems.append(_missing_source(draft, line, name, record))
            continue
        chunk, draft_line = _chunk(text, syntax, name, record)
        old = texts.get(target)
        if old is None:
            old = target.read_text(encoding="utf-8") if target.exists() else ""
        if unreviewed:
            # The mark a reviewer clears with `newskb set ID review=`: nobody edited the draft, so it is written
            # out as `add` writes a record, with the mark among its keys.
            record = {key: value for key, value in record.items() if key == "id"} | {"review": UNREVIEWED} | record
            chunk = tomllines.table(name, record)
        texts[target], first_line = recordtext.appended(old, name, record, chunk)
        landings.append(
            Landing(
                kind=name,
                id=str(record.get("id", "")),
                file=target,
                first_line=first_line,
                draft_line=draft_line,
                lines=chunk.count("\n"),
            )
        )
    if problems:
        return Intake(landings=tuple(landings), texts=texts, problems=tuple(problems))
    added = add.added_problems(root, texts)
    mapped = [_in_draft(problem, landings, draft) for problem in added]
    errors = tuple(problem for problem in mapped if problem.severity is not Severity.WARNING)
    warnings = tuple(problem for problem in mapped if problem.severity is Severity.WARNING)
    return Intake(landings=tuple(landings), texts=texts, problems=errors, warnings=warnings)


def _read_draft(draft: Path) -> bytes:
    """The draft's bytes, if it is a regular file of a sane size: a FIFO (which would block for ever), a device
    (the zero device is endless) or a folder is refused in one line, before anything is read."""
    try:
        return read_regular(draft, MAX_ARTICLE)
    except Refused as refusal:
        raise BadArgumentError(f"{draft}: {refusal}; nothing accepted") from None
    except OSError as error:
        raise BadArgumentError(f"{draft}: cannot read: {error.strerror}") from None


def _written_order(item: tuple[tuple[str, int], tomltree.Record]) -> int:
    return item[1].span()[0] if item[1].header is not None or item[1].inline is not None else 0


def _chunk(text: str, syntax: tomltree.Record, name: str, record: dict[str, object]) -> tuple[str, int]:
    """What a record of the draft appends to its file, and the draft's line it starts at: its own lines as the
    curator left them (with the comments just above, its id named on its first and last lines); a record
    written inline, with dotted keys or with tables inside it is written out as a `[[kind]]` table of the
    same values instead, as `add` writes one."""
    if syntax.header is not None and not syntax.subtables and not syntax.dotted:
        start, end = recordtext.with_comments_above(text, syntax)
        chunk = text[start:end] if text[start:end].endswith("\n") else text[start:end] + "\n"
        record_id = record.get("id")
        if isinstance(record_id, str) and record_id:
            chunk = recordtext.marked(chunk, name, record_id)
        return chunk, text.count("\n", 0, start) + 1
    start = syntax.span()[0] if syntax.inline is not None else 0
    return tomllines.table(name, record), text.count("\n", 0, start) + 1


def _record(document: dict[str, object], name: str, index: int) -> dict[str, object]:
    tables = document.get(name)
    table = tables[index] if isinstance(tables, list) and index < len(tables) else tables
    if isinstance(table, dict):
        return {str(key): value for key, value in table.items()}
    return {}


def _missing_source(draft: Path, line: int, name: str, record: dict[str, object]) -> Problem:
    source = record.get("source")
    message = (
        f"unknown source '{source}': a fact lands in its source's file"
        if isinstance(source, str)
        else "missing required key 'source' (a draft has no [source] table to inherit it from)"
    )
    return Problem(file=draft, line=line, key_path=f"{name}.source", message=message)


def _in_draft(problem: Problem, landings: list[Landing], draft: Path) -> Problem:
    """A problem at the lines a draft's record landed at, moved to that record's lines in the draft."""
    for landing in landings:
        if (
            problem.file == landing.file
            and problem.line is not None
            and landing.first_line <= problem.line < landing.first_line + landing.lines
        ):
            return problem._replace(file=draft, line=landing.draft_line + problem.line - landing.first_line)
    return problem
