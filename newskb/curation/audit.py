"""The whole of `newskb check`: read every file, check every record against the others, and run the
data's own expectations against the answers the queries give."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from newskb.answers import query, search
from newskb.base.model import Expectation, FactBase
from newskb.base.store import load
from newskb.base.validate import check
from newskb.common.dates import Status
from newskb.common.errors import NewskbError, Problem, Severity
from newskb.common.status import ExitStatus
from newskb.common.words import counted
from newskb.index.build import build


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """What `check` found in one data folder."""

    base: FactBase
    problems: tuple[Problem, ...]
    quotes_checked: int

    @property
    def exit_code(self) -> int:
        """2 when a file could not be read, 1 when anything else is wrong, else 0."""
        return _exit_code(self.problems, strict=False)

    def summary(self) -> str:
        """One line for the person who ran check: what was checked, and what was found."""
        base = self.base
        checked = ", ".join(
            counted(number, noun)
            for number, noun in (
                (len(base.entities), "entity"),
                (len(base.sources), "source"),
                (len(base.facts), "fact"),
                (self.quotes_checked, "quote"),
                (len(base.expectations), "expectation"),
            )
        )
        # Records `accept --unreviewed` took from a draft nobody edited, until `set ID review=` clears them.
        unreviewed = sum(1 for record in base.records if getattr(record, "review", None))
        marked = f"; {counted(unreviewed, 'record')} an unreviewed draft" if unreviewed else ""
        warnings = sum(1 for problem in self.problems if problem.severity is Severity.WARNING)
        errors = len(self.problems) - warnings
        if errors:
            also = f" and {counted(warnings, 'warning')}" if warnings else ""
            return f"{counted(errors, 'problem')}{also} in {checked}{marked}"
        if warnings:
            return f"ok, with {counted(warnings, 'warning')}: {checked} checked{marked}"
        return f"ok: {checked} checked{marked}"

    def exit_code_strict(self) -> int:
        """As `exit_code`, but warnings (sources in conflict) count as problems too."""
        return _exit_code(self.problems, strict=True)


def _exit_code(problems: Iterable[Problem], *, strict: bool) -> int:
    severities = {problem.severity for problem in problems}
    if Severity.FATAL in severities:
        return ExitStatus.BAD_USAGE
    if Severity.ERROR in severities or (strict and Severity.WARNING in severities):
        return ExitStatus.NOTHING_FOUND
    return ExitStatus.FOUND


def check_folder(root: Path, overrides: dict[Path, str] | None = None) -> Report:
    """Read and validate every file below `root` (`overrides` stand in for files' text)."""
    base, problems = load(root, overrides)
    # A file that does not read is its one problem: the references to its records are checked once it reads.
    unread = any(problem.severity is Severity.FATAL for problem in problems)
    problems.extend(check(base, every_file_read=not unread))
    # Expectations are answers to questions; asking them of data that is already wrong would only
    # repeat its problems, so they run on clean data.
    if not any(problem.severity is not Severity.WARNING for problem in problems):
        problems.extend(verify(base))
    problems.sort(key=lambda problem: (str(problem.file), problem.line or 0))
    quotes = sum(1 for entity in base.entities if entity.quote) + len(base.facts)
    return Report(base=base, problems=tuple(problems), quotes_checked=quotes)


def verify(base: FactBase) -> list[Problem]:
    """Every expectation in the data that the answers do not meet."""
    if not base.expectations:
        return []
    connection = build(base)
    problems = []
    for expectation in base.expectations:
        message = _failure(connection, expectation)
        if message is not None:
            key = "first" if expectation.search else "outcome" if expectation.outcome else "holder"
            problems.append(
                Problem(
                    file=expectation.origin.file,
                    line=expectation.origin.line_of(key),
                    key_path=f"expect.{key}",
                    message=message,
                )
            )
    return problems


def _failure(connection: sqlite3.Connection, expectation: Expectation) -> str | None:
    try:
        if expectation.office and expectation.date and expectation.holder:
            answer = query.who(connection, expectation.office, expectation.date)
            holding = [row.holder_id for row in answer.rows if row.status is Status.HOLDS]
            if expectation.holder in holding:
                return None
            answered = ", ".join(f"'{row.holder_id}' ({row.status})" for row in answer.rows) or "nobody"
            return (
                f"expected '{expectation.holder}' to hold '{expectation.office}' on {expectation.date.isoformat()}, "
                f"but the answer is {answered}"
            )
        if expectation.office and expectation.date and expectation.outcome:
            outcome = query.who(connection, expectation.office, expectation.date).outcome
            if outcome == expectation.outcome:
                return None
            return (
                f"expected the answer for '{expectation.office}' on {expectation.date.isoformat()} to be "
                f"'{expectation.outcome}', but it is '{outcome}'"
            )
        if expectation.search and expectation.first:
            hits = search.search(connection, expectation.search, limit=1)
            if hits and hits[0].id == expectation.first:
                return None
            found = f"'{hits[0].id}'" if hits else "nothing"
            return f"expected search '{expectation.search}' to find '{expectation.first}' first, but it finds {found}"
    except NewskbError as error:
        return f"expectation cannot be asked: {error}"
    return None
