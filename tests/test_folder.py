"""folder.py: which fact base a command uses: --data, $NEWSKB_DATA, the base the working folder is in, or the
bundled one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newskb.base import folder
from newskb.common.errors import BadArgumentError, DataFileError


def base(root: Path) -> Path:
    """A fact base's folders and its marker, as `newskb init` leaves them; returns its data folder."""
    (root / "data" / "sources").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / folder.MARKER).write_text("# a newskb fact base\n", encoding="utf-8")
    return root / "data"


def test_a_base_is_found_from_its_folder_or_any_folder_below(tmp_path: Path) -> None:
    data = base(tmp_path / "mine")
    assert folder.found_base(str(tmp_path / "mine")) == data
    deep = data / "sources" / "deeper"
    deep.mkdir()
    assert folder.found_base(str(deep)) == data
    assert folder.found_base(str(tmp_path)) is None


def test_the_nearest_base_wins_and_a_marker_without_data_is_passed_over(tmp_path: Path) -> None:
    outer = base(tmp_path / "outer")
    inner = base(tmp_path / "outer" / "inner")
    assert folder.found_base(str(tmp_path / "outer" / "inner")) == inner
    (tmp_path / "outer" / "notes").mkdir()
    (tmp_path / "outer" / "notes" / folder.MARKER).write_text("", encoding="utf-8")  # no data/ beside it
    assert folder.found_base(str(tmp_path / "outer" / "notes")) == outer


def test_a_working_folder_that_is_gone_finds_no_base(tmp_path: Path) -> None:
    assert folder.found_base(str(tmp_path / "deleted")) is None


def test_data_then_the_variable_then_the_working_folder_then_the_bundled_base(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = base(tmp_path / "mine")
    other = base(tmp_path / "other")
    monkeypatch.chdir(tmp_path / "mine")
    monkeypatch.setenv(folder.DATA_VARIABLE, str(other))
    assert folder.find_data_dir(str(other)) == other
    assert folder.find_data_dir() == other
    monkeypatch.delenv(folder.DATA_VARIABLE)
    assert folder.find_data_dir() == mine
    monkeypatch.chdir(tmp_path)
    assert folder.find_data_dir() == folder.bundled_data_dir()
    assert folder.is_bundled(folder.find_data_dir()) and not folder.is_bundled(mine)
    with pytest.raises(BadArgumentError, match=r"^--data is empty: give the path of a data folder$"):
        folder.find_data_dir("")
    with pytest.raises(DataFileError, match=r"nowhere: data folder not found \(from --data or \$NEWSKB_DATA\)$"):
        folder.find_data_dir("nowhere")


def test_a_path_in_an_answer_is_relative_to_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "kb" / "data"
    assert folder.relative_to_data(str(tmp_path / "kb" / "seeds" / "a.txt"), data) == "../seeds/a.txt"
    assert folder.relative_to_data(str(data / "sources" / "x.toml"), data) == "sources/x.toml"


def test_inside_an_init_base_check_uses_it_and_says_so(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != folder.DATA_VARIABLE}
    made = subprocess.run(
        [sys.executable, "-m", "newskb", "init", "mine"], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert made.stderr == (
        "newskb: created a fact base in mine (8 files): work inside that folder and newskb uses it "
        "(from elsewhere: --data mine/data)\n"
    )
    for where in (tmp_path / "mine", tmp_path / "mine" / "data" / "sources"):
        checked = subprocess.run(
            [sys.executable, "-m", "newskb", "check"], cwd=where, capture_output=True, text=True, env=env
        )
        assert (checked.returncode, checked.stderr) == (
            0,
            "newskb: ok: 0 entities, 0 sources, 0 facts, 0 quotes, 0 expectations checked in "
            f"{tmp_path / 'mine' / 'data'}\n",
        )
    # Outside it, the bundled base, named by nothing.
    bundled = subprocess.run(
        [sys.executable, "-m", "newskb", "check"], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert bundled.stderr.startswith("newskb: ok: 21 entities") and bundled.stderr.endswith("expectations checked\n")


def test_the_hint_init_gives_can_be_pasted_into_a_shell(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != folder.DATA_VARIABLE}
    made = subprocess.run(
        [sys.executable, "-m", "newskb", "init", 'we"ird kb'], cwd=tmp_path, capture_output=True, text=True, env=env
    )
    assert made.stderr.endswith("(from elsewhere: --data 'we\"ird kb/data')\n")
    hint = made.stderr.rsplit("--data ", 1)[1].removesuffix(")\n")
    pasted = subprocess.run(["sh", "-c", f"printf %s {hint}"], capture_output=True, text=True)
    assert pasted.stdout == 'we"ird kb/data'
