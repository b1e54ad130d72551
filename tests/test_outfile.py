"""base/outfile: a file the user asked for is written whole or not at all, never over anything but a
regular file, and without `replace` never over a file that appeared meanwhile. (The refusals of
check_new_file, as the user sees them, and an interrupted write are tested in test_export.py.)"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from newskb.base.outfile import put_in_place, replaceable, temporary, write_file
from newskb.common.errors import BadArgumentError


def files_in(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder to write in (tmp_path holds the copied fact base)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_write_file_puts_the_whole_file_in_place_readable_by_all(out: Path) -> None:
    target = out / "out.json"
    write_file(target, lambda path: path.write_text("new", encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == "new"
    assert oct(target.stat().st_mode & 0o777) == "0o644"
    assert files_in(out) == {"out.json"}


def test_the_temporary_file_is_beside_the_target_and_names_its_writer(out: Path) -> None:
    seen: list[Path] = []
    write_file(out / "out.json", seen.append)
    assert seen[0].parent == out
    assert seen[0].name.startswith(f".out.json.{os.getpid()}.") and seen[0].name.endswith(".tmp")


def test_without_replace_a_file_that_appeared_meanwhile_is_kept(out: Path) -> None:
    target = out / "out.json"

    def racing(path: Path) -> None:
        path.write_text("mine", encoding="utf-8")
        target.write_text("theirs", encoding="utf-8")

    with pytest.raises(FileExistsError):
        write_file(target, racing, replace=False)
    assert target.read_text(encoding="utf-8") == "theirs"
    assert files_in(out) == {"out.json"}


def test_a_failed_write_is_one_line_naming_the_target_and_leaves_nothing(out: Path) -> None:
    def failing(path: Path) -> None:
        raise PermissionError(13, "Permission denied")

    with pytest.raises(BadArgumentError) as refused:
        write_file(out / "out.json", failing)
    assert str(refused.value) == f"{out / 'out.json'}: cannot write: Permission denied"
    assert files_in(out) == set()


def test_a_target_in_a_missing_folder_is_refused_in_one_line(out: Path) -> None:
    target = out / "none" / "out.json"
    with pytest.raises(BadArgumentError) as refused:
        write_file(target, lambda path: None)
    assert str(refused.value) == f"{target}: cannot write: No such file or directory"


def test_a_temporary_folder_is_removed_with_its_files_unless_put_in_place(out: Path) -> None:
    with temporary(out / "site", is_folder=True) as made:
        (made / "index.html").write_text("x", encoding="utf-8")
    assert files_in(out) == set()
    with temporary(out / "site", is_folder=True) as made:
        put_in_place(made, out / "site")
    assert files_in(out) == {"site"}
    assert oct((out / "site").stat().st_mode & 0o777) == "0o755"


def refusal(target: Path) -> str:
    with pytest.raises(BadArgumentError) as refused:
        replaceable(target)
    return str(refused.value)


def test_only_a_regular_file_or_nothing_is_replaceable(out: Path) -> None:
    (out / "file").write_text("x", encoding="utf-8")
    replaceable(out / "file")
    replaceable(out / "absent")
    (out / "link").symlink_to(out / "file")
    (out / "folder").mkdir()
    os.mkfifo(out / "fifo")
    with socket.socket(socket.AF_UNIX) as unix:
        unix.bind(str(out / "sock"))
        assert refusal(out / "sock") == (
            f"{out / 'sock'}: is a socket, not a regular file; --force replaces only a regular file"
        )
    for name, what in [("link", "a symbolic link"), ("folder", "a folder"), ("fifo", "a FIFO")]:
        assert refusal(out / name) == (
            f"{out / name}: is {what}, not a regular file; --force replaces only a regular file"
        )
    assert refusal(Path("/dev/null")) == (
        "/dev/null: is a device, not a regular file; --force replaces only a regular file"
    )


def test_a_link_at_the_target_is_never_written_through(out: Path) -> None:
    precious = out / "precious"
    precious.write_text("kept", encoding="utf-8")
    (out / "out.json").symlink_to(precious)
    with pytest.raises(BadArgumentError):
        write_file(out / "out.json", lambda path: path.write_text("new", encoding="utf-8"))
    assert precious.read_text(encoding="utf-8") == "kept"
    assert (out / "out.json").is_symlink()
    assert files_in(out) == {"out.json", "precious"}
