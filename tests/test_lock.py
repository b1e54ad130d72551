"""lock.py: one writer at a time, and a data file that is either wholly old or wholly new."""

from __future__ import annotations

import fcntl
import os
import re
import stat
import threading
from pathlib import Path

import pytest

from newskb.base import lock
from newskb.common.errors import DataFileError


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder of its own (tmp_path also holds the autouse copy of the fact base)."""
    path = tmp_path / "folder"
    path.mkdir()
    return path


def _locked_by_someone(root: Path) -> bool:
    """Whether another open file description of the lock file holds it (asked without waiting)."""
    handle = os.open(root / lock.LOCK_NAME, os.O_RDWR)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(handle)
    return False


def test_the_lock_is_a_file_beside_the_data_held_only_inside_the_block(folder: Path) -> None:
    assert lock.LOCK_NAME == ".newskb.lock"
    with lock.data_lock(folder):
        assert (folder / ".newskb.lock").is_file()
        assert _locked_by_someone(folder)
    assert not _locked_by_someone(folder)
    assert sorted(path.name for path in folder.iterdir()) == [".newskb.lock"]


def test_the_lock_is_released_when_the_block_fails(folder: Path) -> None:
    with pytest.raises(RuntimeError, match=r"^boom$"), lock.data_lock(folder):
        raise RuntimeError("boom")
    assert not _locked_by_someone(folder)


def test_a_second_writer_waits_for_the_first(folder: Path) -> None:
    order: list[str] = []
    second_entered = threading.Event()

    def second_writer() -> None:
        with lock.data_lock(folder):
            order.append("second in")
            second_entered.set()

    with lock.data_lock(folder):
        order.append("first in")
        thread = threading.Thread(target=second_writer)
        thread.start()
        # The second writer must still be waiting however long the first one holds the lock.
        assert not second_entered.wait(0.5)
        order.append("first out")
    thread.join(timeout=10)
    assert order == ["first in", "first out", "second in"]


def test_an_unopenable_lock_file_is_a_data_file_error(folder: Path) -> None:
    missing = folder / "nowhere"
    message = f"{missing / '.newskb.lock'}: cannot open the lock file: No such file or directory"
    with pytest.raises(DataFileError, match=f"^{re.escape(message)}$"), lock.data_lock(missing):
        pass


def test_replace_file_writes_the_bytes_and_leaves_no_temporary_file(folder: Path) -> None:
    target = folder / "entities.toml"
    target.write_bytes(b"old\n")
    lock.replace_file(target, b"new\ncontent\n", root=folder)
    assert target.read_bytes() == b"new\ncontent\n"
    assert [path.name for path in folder.iterdir()] == ["entities.toml"]


def test_replace_file_swaps_the_whole_file_so_a_reader_sees_old_or_new(folder: Path) -> None:
    target = folder / "entities.toml"
    target.write_bytes(b"old content\n")
    old_inode = target.stat().st_ino
    with open(target, "rb") as reader:
        lock.replace_file(target, b"new content, longer than the old\n", root=folder)
        # A reader that opened the old file goes on reading all of it, unchanged: it was renamed over.
        assert reader.read() == b"old content\n"
    assert target.stat().st_ino != old_inode
    assert target.read_bytes() == b"new content, longer than the old\n"


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o755])
def test_replace_file_keeps_the_mode_of_the_file_it_replaces(folder: Path, mode: int) -> None:
    target = folder / "entities.toml"
    target.write_bytes(b"old\n")
    target.chmod(mode)
    lock.replace_file(target, b"new\n", root=folder)
    assert stat.S_IMODE(target.stat().st_mode) == mode


def test_replace_file_makes_a_new_file_readable_whatever_the_umask(folder: Path) -> None:
    previous = os.umask(0o077)
    try:
        lock.replace_file(folder / "new.toml", b"x\n", root=folder)
    finally:
        os.umask(previous)
    assert stat.S_IMODE((folder / "new.toml").stat().st_mode) == 0o644
    assert (folder / "new.toml").read_bytes() == b"x\n"


def test_replace_file_flushes_the_file_and_then_its_folder(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def recording_fsync(descriptor: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", recording_fsync)
    lock.replace_file(folder / "a.toml", b"a\n", root=folder)
    assert synced == ["file", "folder"]


def test_a_failed_rename_keeps_the_original_and_removes_the_temporary_file(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "entities.toml"
    target.write_bytes(b"original\n")

    def crash(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError, match=r"^\[Errno 28\] No space left on device$"):
        lock.replace_file(target, b"new\n", root=folder)
    assert target.read_bytes() == b"original\n"
    assert [path.name for path in folder.iterdir()] == ["entities.toml"]


def test_a_failed_write_removes_the_temporary_file(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(descriptor: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt, match=r"^$"):  # interrupted: it carries no message
        lock.replace_file(folder / "entities.toml", b"new\n", root=folder)
    assert list(folder.iterdir()) == []
