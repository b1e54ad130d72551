"""common/errors: each kind of refusal carries its exit status, and a problem is one line naming its file
(relative to the working folder when below it), its line and its key path."""

from __future__ import annotations

from pathlib import Path

import pytest

from newskb.common.errors import (
    BadArgumentError,
    DataFileError,
    NewskbError,
    NotFoundError,
    Problem,
    RecordError,
    Severity,
    UnknownNameError,
    display_path,
)
from newskb.common.status import ExitStatus


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (NewskbError, ExitStatus.BAD_USAGE),
        (DataFileError, ExitStatus.BAD_USAGE),
        (BadArgumentError, ExitStatus.BAD_USAGE),
        (RecordError, ExitStatus.NOTHING_FOUND),
        (NotFoundError, ExitStatus.NOTHING_FOUND),
        (UnknownNameError, ExitStatus.NOTHING_FOUND),
    ],
)
def test_each_kind_of_refusal_carries_its_exit_status(error: type[NewskbError], status: ExitStatus) -> None:
    assert error("x").exit_code is status
    assert issubclass(error, NewskbError)


def test_an_unknown_name_is_a_not_found(tmp_path: Path) -> None:
    assert issubclass(UnknownNameError, NotFoundError)


def test_a_path_below_the_working_folder_is_shown_relative_else_as_it_is(tmp_path: Path) -> None:
    # conftest makes tmp_path the working folder
    assert display_path(tmp_path / "data" / "entities.toml") == "data/entities.toml"
    assert display_path(Path("/etc/passwd")) == "/etc/passwd"
    assert display_path(Path("relative/x.toml")) == "relative/x.toml"


def test_a_problem_is_one_line_of_file_line_key_path_and_message(tmp_path: Path) -> None:
    file = tmp_path / "data" / "entities.toml"
    assert str(Problem(file, 12, "person[1].name", "missing")) == "data/entities.toml:12: person[1].name: missing"
    assert str(Problem(file, None, "", "not UTF-8")) == "data/entities.toml: not UTF-8"
    assert str(Problem(file, 3, "", "cannot parse", Severity.FATAL)) == "data/entities.toml:3: cannot parse"


def test_a_warning_says_so_after_its_place(tmp_path: Path) -> None:
    file = tmp_path / "data" / "entities.toml"
    warning = Problem(file, 4, "term[0].end", "ends before it starts", Severity.WARNING)
    assert str(warning) == "data/entities.toml:4: term[0].end: warning: ends before it starts"
    assert str(Problem(file, None, "", "unused", Severity.WARNING)) == "data/entities.toml: warning: unused"


def test_a_problem_defaults_to_an_error() -> None:
    assert Problem(Path("f"), 1, "", "m").severity is Severity.ERROR
    assert [severity.value for severity in Severity] == ["error", "warning", "fatal"]
