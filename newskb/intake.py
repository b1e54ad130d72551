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

from newskb import curation, writing
from newskb.errors import BadArgumentError, NewskbError, Problem, RecordError, Severity
from newskb.kinds import Kind
from newskb.linemap import TOP_LEVEL, record_lines, scan
from newskb.lock import clean_leftovers, data_lock, replace_files
from newskb.model import UNREVIEWED, FactBase
from newskb.seal import unedited
from newskb.store import load, read_document


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
    curation.refuse_bundled(root)
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
    document, _ = read_document(draft, problems)
    if document is None:
        return Intake(landings=(), texts={}, problems=tuple(problems))
    text = draft.read_text(encoding="utf-8")
    if unedited(text) and not unreviewed:
        raise RecordError(
            f"{draft}: nobody has edited this draft since newskb draft wrote it: review it first, or accept it "
            'as it is with --unreviewed (each of its records is then marked review = "unreviewed draft")'
        )
    lines = text.splitlines(keepends=True)
    line_map = scan(text)
    texts: dict[Path, str] = {}
    landings: list[Landing] = []
    for (name, index), table in line_map.tables.items():
        if name == TOP_LEVEL:
            continue
        if name == Kind.SOURCE:
            raise BadArgumentError(f"{draft}:{table.line}: a draft holds no [source]: add one with 'newskb new-source'")
        record = _record(document, name, index)
        try:
            # An unknown table lands with the entities, and check refuses it there, at its line of the draft.
            kind = Kind(name) if name in {kind.value for kind in Kind} else Kind.PERSON
            target = curation.target_file(root, kind, record, base)
        except NewskbError:
            problems.append(_missing_source(draft, table.line, name, record))
            continue
        start, end = record_lines(lines, line_map, table, with_comments=True)
        old = texts.get(target)
        if old is None:
            old = target.read_text(encoding="utf-8") if target.exists() else ""
        joined = old + ("" if not old or old.endswith("\n") else "\n") + ("\n" if old else "")
        first = joined.count("\n") + 1
        record_id = record.get("id")
        chunk = lines[start:end]
        if isinstance(record_id, str) and record_id:
            # Named on its header and last line, as add writes a record, for a team's union merge (writing.py).
            header = table.line - 1 - start
            chunk = chunk[:header] + writing.marked(chunk[header:], record_id)
        if unreviewed:
            # The mark a reviewer clears with `newskb set ID review=`, right under the table's header.
            header = table.line - 1 - start
            chunk = [*chunk[: header + 1], f'review = "{UNREVIEWED}"\n', *chunk[header + 1 :]]
        texts[target] = joined + "".join(chunk)
        landings.append(
            Landing(
                kind=name,
                id=str(record.get("id", "")),
                file=target,
                first_line=first,
                draft_line=start + 1,
                lines=end - start,
            )
        )
    if problems:
        return Intake(landings=tuple(landings), texts=texts, problems=tuple(problems))
    added = curation.added_problems(root, texts)
    mapped = [_in_draft(problem, landings, draft) for problem in added]
    errors = tuple(problem for problem in mapped if problem.severity is not Severity.WARNING)
    warnings = tuple(problem for problem in mapped if problem.severity is Severity.WARNING)
    return Intake(landings=tuple(landings), texts=texts, problems=errors, warnings=warnings)


def _record(document: dict[str, object], name: str, index: int) -> dict[str, object]:
    tables = document.get(name)
    if isinstance(tables, list) and index < len(tables):
        table = tables[index]
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
