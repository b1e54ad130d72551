"""base/containment: what the data may make newskb read. Only a regular file inside the fact base, of at
most the limit, is read; a link out, a FIFO, a device, a NUL or a file over the limit is refused before a
byte of it is read, with the reason after the path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newskb.base.containment import MAX_ARTICLE, Refused, read_contained, read_regular


@pytest.fixture
def base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # the base is shown relative to the working folder
    root = tmp_path / "base"
    (root / "seeds").mkdir(parents=True)
    (root / "seeds" / "article.txt").write_bytes(b"Ada chaired.\n")
    (tmp_path / "outside.txt").write_bytes(b"secret\n")
    return root


def refusal(path: Path, base: Path, limit: int = MAX_ARTICLE) -> str:
    with pytest.raises(Refused) as refused:
        read_contained(path, base, limit)
    return str(refused.value)


def test_a_regular_file_inside_the_base_is_read_whole(base: Path) -> None:
    assert read_contained(base / "seeds" / "article.txt", base, MAX_ARTICLE) == b"Ada chaired.\n"


def test_a_link_inside_the_base_to_a_file_inside_it_is_read(base: Path) -> None:
    (base / "seeds" / "alias.txt").symlink_to("article.txt")
    assert read_contained(base / "seeds" / "alias.txt", base, MAX_ARTICLE) == b"Ada chaired.\n"


def test_a_path_that_climbs_out_of_the_base_is_refused(base: Path) -> None:
    assert refusal(base / "seeds" / ".." / ".." / "outside.txt", base) == "is outside the fact base (base): not read"


def test_a_link_out_of_the_base_is_refused(base: Path) -> None:
    (base / "seeds" / "innocent.txt").symlink_to(base.parent / "outside.txt")
    assert refusal(base / "seeds" / "innocent.txt", base) == "is outside the fact base (base): not read"


def test_a_folder_beside_the_base_sharing_its_name_as_a_prefix_is_outside(base: Path) -> None:
    beside = base.parent / "base-evil"
    beside.mkdir()
    (beside / "a.txt").write_bytes(b"x")
    assert refusal(beside / "a.txt", base) == "is outside the fact base (base): not read"


def test_the_zero_device_is_outside_any_base(base: Path) -> None:
    assert refusal(Path("/dev/zero"), base) == "is outside the fact base (base): not read"


def test_a_device_linked_from_inside_is_refused(base: Path) -> None:
    (base / "seeds" / "zero.txt").symlink_to("/dev/zero")
    assert refusal(base / "seeds" / "zero.txt", base) == "is outside the fact base (base): not read"


def test_a_nul_in_the_path_is_refused(base: Path) -> None:
    assert refusal(Path(str(base / "seeds" / "article.txt") + "\x00.txt"), base) == (
        "names no file (it holds a NUL character): not read"
    )


def test_a_fifo_inside_the_base_is_refused_without_blocking(base: Path) -> None:
    os.mkfifo(base / "seeds" / "pipe.txt")
    assert refusal(base / "seeds" / "pipe.txt", base) == "is not a regular file: not read"


def test_a_folder_inside_the_base_is_refused(base: Path) -> None:
    assert refusal(base / "seeds", base) == "is not a regular file: not read"


def test_a_file_over_the_limit_is_refused_and_one_at_it_is_read(base: Path) -> None:
    mib = 1024 * 1024
    (base / "seeds" / "big.txt").write_bytes(b"x" * (mib + 1))
    assert refusal(base / "seeds" / "big.txt", base, limit=mib) == "is larger than 1 MiB: not read"
    (base / "seeds" / "exact.txt").write_bytes(b"x" * mib)
    assert len(read_contained(base / "seeds" / "exact.txt", base, mib)) == mib


def test_a_missing_file_is_an_os_error_as_reading_would_raise(base: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_contained(base / "seeds" / "missing.txt", base, MAX_ARTICLE)


def test_read_regular_refuses_a_device_and_a_fifo_in_its_own_words(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    for path in (Path("/dev/zero"), tmp_path / "pipe"):
        with pytest.raises(Refused) as refused:
            read_regular(path, MAX_ARTICLE)
        assert str(refused.value) == "is not a regular file"


def test_read_regular_reads_a_file_outside_any_base(tmp_path: Path) -> None:
    (tmp_path / "draft.toml").write_bytes(b"[[person]]\n")
    assert read_regular(tmp_path / "draft.toml", MAX_ARTICLE) == b"[[person]]\n"


def test_the_article_limit_is_sixteen_mebibytes() -> None:
    assert MAX_ARTICLE == 16 * 1024 * 1024
