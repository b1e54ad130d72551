"""base/leftovers: the temporary files of dead writers, removed once older than the grace period; a live
writer's file, a young file, a file of another name and anything not in the folder are left alone."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from newskb.base.leftovers import GRACE_SECONDS, alive, remove_stale

PATTERN = re.compile(r"\.data\.toml\.(\d+)\.\w+\.tmp\Z")
NOW = 2_000_000_000.0


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(child.stdout)


def left(folder: Path, name: str, age: float) -> Path:
    path = folder / name
    path.write_text("half written", encoding="utf-8")
    os.utime(path, (NOW - age, NOW - age))
    return path


def test_a_dead_writers_old_file_is_removed_and_returned(tmp_path: Path) -> None:
    stale = left(tmp_path, f".data.toml.{dead_pid()}.ab12.tmp", GRACE_SECONDS + 1)
    assert remove_stale(tmp_path, PATTERN, now=NOW) == [stale]
    assert not stale.exists()


def test_a_dead_writers_file_within_the_grace_period_stays(tmp_path: Path) -> None:
    young = left(tmp_path, f".data.toml.{dead_pid()}.ab12.tmp", GRACE_SECONDS - 1)
    assert remove_stale(tmp_path, PATTERN, now=NOW) == []
    assert young.exists()


def test_a_live_writers_old_file_stays(tmp_path: Path) -> None:
    mine = left(tmp_path, f".data.toml.{os.getpid()}.ab12.tmp", GRACE_SECONDS * 100)
    parent = left(tmp_path, f".data.toml.{os.getppid()}.cd34.tmp", GRACE_SECONDS * 100)
    assert remove_stale(tmp_path, PATTERN, now=NOW) == []
    assert mine.exists() and parent.exists()


def test_a_file_the_pattern_does_not_name_stays_however_old(tmp_path: Path) -> None:
    pid = dead_pid()
    kept = [
        left(tmp_path, "data.toml", GRACE_SECONDS * 100),
        left(tmp_path, f".data.toml.{pid}.ab12.tmp.bak", GRACE_SECONDS * 100),
        left(tmp_path, f"x.data.toml.{pid}.ab12.tmp", GRACE_SECONDS * 100),
    ]
    assert remove_stale(tmp_path, PATTERN, now=NOW) == []
    assert all(path.exists() for path in kept)


def test_a_stale_link_is_removed_itself_never_its_target(tmp_path: Path) -> None:
    target = tmp_path / "precious.toml"
    target.write_text("kept", encoding="utf-8")
    link = tmp_path / f".data.toml.{dead_pid()}.ab12.tmp"
    link.symlink_to(target)
    os.utime(link, (NOW - GRACE_SECONDS - 1, NOW - GRACE_SECONDS - 1), follow_symlinks=False)
    assert remove_stale(tmp_path, PATTERN, now=NOW) == [link]
    assert target.read_text(encoding="utf-8") == "kept"


def test_a_missing_folder_removes_nothing(tmp_path: Path) -> None:
    assert remove_stale(tmp_path / "absent", PATTERN, now=NOW) == []


def test_alive_is_true_for_this_process_and_its_parent_false_for_an_ended_one() -> None:
    assert alive(os.getpid()) is True
    assert alive(os.getppid()) is True
    assert alive(dead_pid()) is False


def test_a_process_id_too_large_for_the_system_counts_as_running() -> None:
    # Not provably dead, so its file is kept: removing a live writer's file would lose its write.
    assert alive(2**64) is True


def test_the_grace_period_is_a_minute() -> None:
    assert GRACE_SECONDS == 60.0
