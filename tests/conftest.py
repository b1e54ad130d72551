"""Shared fixtures: no test touches the real data/ folder.

`kb` is a temporary copy of the shipped fact base (NEWSKB_DATA points at it for every test);
`tiny` is a small fact base about an invented society, written here so tests can assert exact lines.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings

REPO = Path(__file__).resolve().parent.parent

# No deadline per example: a deadline is a timing assertion, and on a loaded machine (CI, mutation runs)
# it failed a property that held.
settings.register_profile("newskb", deadline=None)
settings.load_profile("newskb")

TINY_ARTICLE = (
    "Gazette of the Analytical Society, 1 September 1843.\n"
    "Charles Babbage chaired the Analytical Society from 1831 until 1840.\n"
    "Ada Lovelace succeeded him as chair in 1840, and she remains chair.\n"
    "The society   meets\nin London.\n"
)

TINY_ENTITIES = """\
[[person]]
id = "ada-lovelace"
name = "Ada Lovelace"
aliases = ["Lovelace", "Countess of Lovelace"]

[[person]]
id = "charles-babbage"
name = "Charles Babbage"
aliases = ["Babbage"]

[[organization]]
id = "analytical-society"
name = "Analytical Society"

[[office]]
id = "society-chair"
name = "Chair of the Analytical Society"
aliases = ["Society chair"]
org = "analytical-society"
seats = 1
"""

TINY_SOURCE = """\
[source]
id = "gazette-1843"
title = "Gazette of the Analytical Society"
publisher = "analytical-society"
published = "1843-09-01"
text = "../../seeds/gazette.txt"

[[term]]
id = "babbage-chair"
office = "society-chair"
holder = "charles-babbage"
start = "1831"
end = "1840"
quote = "Charles Babbage chaired the Analytical Society from 1831 until 1840."

[[term]]
id = "lovelace-chair"
office = "society-chair"
holder = "ada-lovelace"
start = "1840"
end = ".."
replaces = "charles-babbage"
quote = "Ada Lovelace succeeded him as chair in 1840"
"""


@dataclass
class TinyBase:
    """A small fact base in a temporary folder, with helpers to plant problems."""

    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def entities(self) -> Path:
        return self.data / "entities.toml"

    @property
    def source(self) -> Path:
        return self.data / "sources" / "gazette.toml"

    def append(self, path: Path, text: str) -> int:
        """Append TOML text to a data file; return the line number its first line lands on."""
        existing = path.read_text(encoding="utf-8")
        first_line = existing.count("\n") + 2  # one blank line separates the new text
        path.write_text(existing + "\n" + text, encoding="utf-8")
        return first_line


@pytest.fixture
def tiny(tmp_path: Path) -> TinyBase:
    root = tmp_path / "tiny"
    (root / "data" / "sources").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "seeds" / "gazette.txt").write_text(TINY_ARTICLE, encoding="utf-8")
    base = TinyBase(root=root)
    base.entities.write_text(TINY_ENTITIES, encoding="utf-8")
    base.source.write_text(TINY_SOURCE, encoding="utf-8")
    return base


def tiny_index(root: Path, seeds: dict[str, str], data: dict[str, str]) -> Iterator[sqlite3.Connection]:
    """A small base written under `root` (articles by name in seeds/, TOML files by path in data/) and its
    index, built in memory: nothing is written outside the folder. For a module's fixture that only reads."""
    for name, text in {**{f"seeds/{name}": text for name, text in seeds.items()}, **data}.items():
        path = root / name if name.startswith("seeds/") else root / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    from newskb.index.cache import open_index

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NEWSKB_CACHE", "off")
        connection, problems = open_index(root / "data")
    assert problems == []
    yield connection
    connection.close()


@pytest.fixture
def kb(tmp_path: Path) -> Path:
    """A temporary copy of the shipped data/ and seeds/; returns the data folder."""
    root = tmp_path / "kb"
    shutil.copytree(REPO / "data", root / "data")
    shutil.copytree(REPO / "seeds", root / "seeds")
    return root / "data"


@pytest.fixture(autouse=True)
def _isolated_data(kb: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("NEWSKB_DATA", str(kb))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    yield


def edit_in_place(path: Path, old: str, new: str) -> None:
    """Change `old` to `new` (as long) in the file itself, then put its modification time back, as `touch -r`,
    `rsync -t` or an unpacked archive would: the size and mtime are as they were, and no folder changed."""
    assert len(old) == len(new)
    before = path.stat()
    with path.open("r+b") as stream:  # the same inode, written over
        text = stream.read()
        assert text.count(old.encode()) == 1
        stream.seek(0)
        stream.write(text.replace(old.encode(), new.encode()))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (before.st_size, before.st_mtime_ns, before.st_ino)
