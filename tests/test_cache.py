"""The persisted index: incremental refresh, and never trusting a bad cache file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from newskb.answers import query, search
from newskb.base import store
from newskb.curation.audit import check_folder
from newskb.index import cache, freshness
from tests.conftest import REPO, TinyBase, edit_in_place


def holders(connection: sqlite3.Connection, day: date) -> list[str]:
    return [row.holder_id for row in query.who(connection, "society-chair", day).rows]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The data files a refresh reads, by name."""
    seen: list[str] = []
    real = store.load_file

    def counting(path: Path, root: Path) -> object:
        seen.append(path.name)
        return real(path, root)

    monkeypatch.setattr(store, "load_file", counting)
    return seen


def test_the_index_is_persisted_and_reused(tiny: TinyBase, reads: list[str]) -> None:
    connection, _ = cache.open_index(tiny.data)
    assert holders(connection, date(1841, 1, 1)) == ["ada-lovelace"]
    assert cache.cache_path(tiny.data).is_file()
    assert sorted(reads) == ["entities.toml", "gazette.toml"]
    reads.clear()
    cache.open_index(tiny.data)
    assert reads == []


def _start_later(tiny: TinyBase, reads: list[str]) -> sqlite3.Connection:
    """Index the base, then move Ada Lovelace's start from 1840 to 1842 (gazette.toml rewritten): the index
    after, which read that file alone again."""
    cache.open_index(tiny.data)
    reads.clear()
    text = tiny.source.read_text(encoding="utf-8").replace('start = "1840"', 'start = "1842"')
    tiny.source.write_text(text, encoding="utf-8")
    connection, _ = cache.open_index(tiny.data)
    assert reads == ["gazette.toml"]
    return connection


def test_only_changed_files_are_read_again(tiny: TinyBase, reads: list[str]) -> None:
    connection = _start_later(tiny, reads)
    assert holders(connection, date(1841, 1, 1)) == []
    assert holders(connection, date(1843, 1, 1)) == ["ada-lovelace"]


def test_the_text_of_a_file_read_again_is_searched_again(tiny: TinyBase) -> None:
    # The source file's docs have the highest ids; read again, its new docs must still reach the full-text
    # index (ids freed by its old docs were once handed out again, below the first id indexed).
    connection, _ = cache.open_index(tiny.data)
    assert [hit.id for hit in search.search(connection, "succeeded")] == ["lovelace-chair"]
    tiny.source.write_text(tiny.source.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    connection, _ = cache.open_index(tiny.data)
    assert [hit.id for hit in search.search(connection, "succeeded")] == ["lovelace-chair"]
    # FTS5 checks its index against the doc table (it raises if a doc is missing from it).
    connection.execute("INSERT INTO doc_fts (doc_fts, rank) VALUES ('integrity-check', 1)")


def test_a_touched_but_unchanged_file_is_not_read_again(tiny: TinyBase, reads: list[str]) -> None:
    cache.open_index(tiny.data)
    reads.clear()
    os.utime(tiny.entities, ns=(1, 1))
    cache.open_index(tiny.data)
    assert reads == []


def test_a_removed_file_takes_its_records_with_it(tiny: TinyBase) -> None:
    cache.open_index(tiny.data)
    extra = tiny.data / "extra.toml"
    extra.write_text('[[person]]\nid = "mary-somerville"\nname = "Mary Somerville"\n', encoding="utf-8")
    connection, _ = cache.open_index(tiny.data)
    assert connection.execute("SELECT count(*) FROM entity WHERE id = 'mary-somerville'").fetchone()[0] == 1
    extra.unlink()
    connection, _ = cache.open_index(tiny.data)
    assert connection.execute("SELECT count(*) FROM entity WHERE id = 'mary-somerville'").fetchone()[0] == 0
    assert connection.execute("SELECT count(*) FROM doc WHERE record_id = 'mary-somerville'").fetchone()[0] == 0


def test_a_changed_article_text_is_read_again(tiny: TinyBase, reads: list[str]) -> None:
    cache.open_index(tiny.data)
    reads.clear()
    article = tiny.root / "seeds" / "gazette.txt"
    article.write_text(article.read_text(encoding="utf-8") + "A postscript.\n", encoding="utf-8")
    connection, _ = cache.open_index(tiny.data)
    assert reads == ["gazette.toml"]
    assert "A postscript." in connection.execute("SELECT article FROM source").fetchone()[0]


def test_a_file_read_again_keeps_its_texts_and_dates_indexed(tiny: TinyBase, reads: list[str]) -> None:
    # gazette.toml is indexed last: its rows' ids are the first to be taken again when it is read again, and
    # the full-text index and the tree of dated items must follow its new rows, not the ids it had.
    connection = _start_later(tiny, reads)
    found = connection.execute("SELECT rowid FROM doc_fts WHERE doc_fts MATCH 'succeeded'").fetchall()
    assert [row[0] for row in found] == [
        row[0] for row in connection.execute("SELECT id FROM doc WHERE text LIKE '%succeeded%'")
    ]
    assert sorted(tuple(row) for row in connection.execute("SELECT * FROM dated")) == sorted(
        tuple(row)
        for row in connection.execute(
            "SELECT rowid * 4, date_earliest, date_latest FROM event WHERE date_earliest IS NOT NULL "
            "UNION ALL SELECT rowid * 4 + 1, start_earliest, start_latest FROM term WHERE start_earliest IS NOT NULL "
            "UNION ALL SELECT rowid * 4 + 2, end_earliest, end_latest FROM term WHERE end_earliest IS NOT NULL"
        )
    )
    assert connection.execute("SELECT count(*) FROM dated").fetchone()[0] == 3  # two starts and one end


@pytest.fixture
def trusting(monkeypatch: pytest.MonkeyPatch) -> None:
    """No racy window: a stat is trusted as soon as it is taken, so that what catches an edit is the stat itself
    (a file changed within the window is hashed again by the next query whatever its stat says)."""
    monkeypatch.setattr(freshness, "RACY_NS", 0)


def _after_a_clock_tick() -> None:
    """Let the kernel's coarse clock, which stamps ctime, move on (a tick is 1 to 10 ms)."""
    time.sleep(0.05)


@pytest.mark.usefixtures("trusting")
def test_an_edit_in_place_that_keeps_size_and_mtime_is_seen(tiny: TinyBase, reads: list[str]) -> None:
    connection, _ = cache.open_index(tiny.data)
    assert holders(connection, date(1841, 1, 1)) == ["ada-lovelace"]
    stored = connection.execute("SELECT ctime_ns FROM data_file WHERE path = ?", (str(tiny.source),)).fetchone()[0]
    assert stored == tiny.source.stat().st_ctime_ns  # trusted: not hashed again below
    connection, _ = cache.open_index(tiny.data)
    reads.clear()
    _after_a_clock_tick()
    edit_in_place(tiny.source, 'start = "1840"', 'start = "1842"')
    connection, _ = cache.open_index(tiny.data)
    assert reads == ["gazette.toml"]
    assert holders(connection, date(1841, 1, 1)) == []
    assert holders(connection, date(1843, 1, 1)) == ["ada-lovelace"]


@pytest.mark.usefixtures("trusting")
def test_an_article_edited_in_place_is_seen(tiny: TinyBase, reads: list[str]) -> None:
    article = tiny.root / "seeds" / "gazette.txt"
    cache.open_index(tiny.data)
    reads.clear()
    _after_a_clock_tick()
    edit_in_place(article, "Ada", "Eda")
    connection, _ = cache.open_index(tiny.data)
    assert reads == ["gazette.toml"]
    assert "Eda Lovelace" in connection.execute("SELECT article FROM source").fetchone()[0]


@pytest.mark.usefixtures("trusting")
def test_a_query_that_reads_no_article_leaves_the_articles_to_the_next_that_does(
    tiny: TinyBase, reads: list[str]
) -> None:
    article = tiny.root / "seeds" / "gazette.txt"
    cache.open_index(tiny.data)
    reads.clear()
    _after_a_clock_tick()
    edit_in_place(article, "Ada", "Eda")
    connection, _ = cache.open_index(tiny.data, articles=False)
    assert reads == []
    assert "Ada Lovelace" in connection.execute("SELECT article FROM source").fetchone()[0]
    connection, _ = cache.open_index(tiny.data)
    assert reads == ["gazette.toml"]
    assert "Eda Lovelace" in connection.execute("SELECT article FROM source").fetchone()[0]


@pytest.mark.usefixtures("trusting")
def test_a_missing_article_is_told_by_the_first_command_that_reads_articles(tiny: TinyBase) -> None:
    cache.open_index(tiny.data)  # built here, where its stats are trusted at once (no racy window)

    def run(*arguments: str) -> str:
        command = [sys.executable, "-m", "newskb", *arguments, "--data", str(tiny.data), "--format", "plain"]
        return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False).stderr

    who = ("who", "society-chair", "--as-of", "1841-01-01")
    assert run(*who) == ""
    (tiny.root / "seeds" / "gazette.txt").unlink()
    warning = "newskb: warning: the data has 1 problem; answers skip what is invalid (run 'newskb check')\n"
    assert run(*who) == ""  # `who` reads no article: it does not look at them while no data file changed
    assert run("cite", "lovelace-chair").startswith(warning)
    assert run(*who) == warning


def test_the_next_command_sees_anedit_in_place(tiny: TinyBase) -> None:
    command = [sys.executable, "-m", "newskb", "who", "society-chair", "--as-of", "1841-01-01"]
    command += ["--data", str(tiny.data), "--format", "plain"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert (first.returncode, first.stdout.split("\t")[0]) == (0, "Ada Lovelace")
    _after_a_clock_tick()
    edit_in_place(tiny.source, 'start = "1840"', 'start = "1842"')
    second = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert (second.returncode, second.stdout) == (1, "")
    vacancy = "Charles Babbage's term ended 1840 and Ada Lovelace, who replaced them, took office 1842\n"
    assert second.stderr.endswith(vacancy)


def test_a_file_changed_just_before_a_refresh_is_hashed_again_not_trusted(tiny: TinyBase, reads: list[str]) -> None:
    # Written just now: within the racy window, where a second write may leave every time as it was.
    connection, _ = cache.open_index(tiny.data)
    racy = connection.execute("SELECT ctime_ns FROM data_file WHERE path = ?", (str(tiny.source),)).fetchone()[0]
    assert racy != tiny.source.stat().st_ctime_ns
    reads.clear()
    connection, _ = cache.open_index(tiny.data)
    assert reads == []  # its bytes are the same: hashed, not read
    edit_in_place(tiny.source, 'start = "1840"', 'start = "1842"')  # within the same tick, perhaps
    connection, _ = cache.open_index(tiny.data)
    assert reads == ["gazette.toml"]
    assert holders(connection, date(1843, 1, 1)) == ["ada-lovelace"]


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path: path.write_bytes(b"this is not a database at all" * 100), id="garbage"),
        pytest.param(lambda path: path.write_bytes(path.read_bytes()[: len(path.read_bytes()) // 2]), id="truncated"),
        pytest.param(lambda path: (path.unlink(), sqlite3.connect(path).execute("CREATE TABLE x (y)")), id="foreign"),
        pytest.param(lambda path: path.write_bytes(b""), id="empty"),
    ],
)
def test_a_bad_cache_file_is_rebuilt_not_trusted(tiny: TinyBase, damage: object) -> None:
    cache.open_index(tiny.data)
    path = cache.cache_path(tiny.data)
    assert callable(damage)
    damage(path)
    connection, _ = cache.open_index(tiny.data)
    assert holders(connection, date(1841, 1, 1)) == ["ada-lovelace"]
    assert connection.execute("PRAGMA application_id").fetchone()[0] == cache.APPLICATION_ID
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_unwritable_cache_folder_falls_back_to_memory(
    tiny: TinyBase, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A file where the cache folder should be: no process, root included, can create it.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    connection, _ = cache.open_index(tiny.data)
    assert holders(connection, date(1841, 1, 1)) == ["ada-lovelace"]
    assert blocker.read_text(encoding="utf-8") == ""


def test_cache_off_writes_nothing(tiny: TinyBase, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSKB_CACHE", "off")
    connection, _ = cache.open_index(tiny.data)
    assert holders(connection, date(1841, 1, 1)) == ["ada-lovelace"]
    assert not cache.cache_path(tiny.data).exists()


def test_concurrent_refreshes_leave_a_good_index(tiny: TinyBase) -> None:
    cache.open_index(tiny.data)
    text = tiny.source.read_text(encoding="utf-8").replace('start = "1840"', 'start = "1842"')
    tiny.source.write_text(text, encoding="utf-8")
    command = [
        sys.executable,
        "-m",
        "newskb",
        "who",
        "society-chair",
        "--as-of",
        "1843-01-01",
        "--data",
        str(tiny.data),
    ]
    processes = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(6)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * 6, outputs
    assert {stdout.split("\t")[0] for stdout, _ in outputs} == {"Ada Lovelace"}
    connection, _ = cache.open_index(tiny.data)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("SELECT count(*) FROM term").fetchone()[0] == 2


def test_a_small_generated_base_passes_check(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), "--facts", "600", "--out", str(tmp_path / "gen")],
        check=True,
        timeout=120,
    )
    report = check_folder(tmp_path / "gen" / "data")
    assert [str(problem) for problem in report.problems] == []
    assert (len(report.base.facts), len(report.base.sources)) == (600, 12)
    again = tmp_path / "again"
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), "--facts", "600", "--out", str(again)],
        check=True,
        timeout=120,
    )
    first = sorted((path.relative_to(tmp_path / "gen"), path.read_bytes()) for path in (tmp_path / "gen").rglob("*.*"))
    second = sorted((path.relative_to(again), path.read_bytes()) for path in again.rglob("*.*"))
    assert first == second  # deterministic


@pytest.mark.parametrize(("workers", "pool"), [("1", False), ("2", True), ("0", True), ("many", True)])
def test_newskb_workers_sets_how_many_processes_parse(
    tiny: TinyBase, monkeypatch: pytest.MonkeyPatch, workers: str, pool: bool
) -> None:
    # Two files are enough once the threshold is lowered; an unusable value keeps one worker per core.
    import multiprocessing

    from newskb.index import refresh

    started: list[int] = []
    real = multiprocessing.get_context

    def context(method: str) -> object:
        started.append(1)
        return real(method)

    monkeypatch.setenv("NEWSKB_WORKERS", workers)
    monkeypatch.setattr(refresh, "PARALLEL_FROM", 1)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(multiprocessing, "get_context", context)
    connection, _ = cache.open_index(tiny.data)
    assert holders(connection, date(1841, 1, 1)) == ["ada-lovelace"]
    assert bool(started) is pool


def _check(tiny: TinyBase, **env: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "newskb", "check", "--data", str(tiny.data)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False, env={**os.environ, **env})


def test_check_builds_the_index_so_the_first_query_and_tab_find_it_warm(tiny: TinyBase, reads: list[str]) -> None:
    assert not cache.cache_path(tiny.data).exists()
    done = _check(tiny)
    assert (done.returncode, done.stdout) == (0, "")
    assert cache.cache_path(tiny.data).is_file()
    connection, _ = cache.open_index(tiny.data)
    assert reads == []  # nothing left to read: check indexed every file
    assert holders(connection, date(1841, 1, 1)) == ["ada-lovelace"]


def test_check_builds_the_index_of_a_base_with_errors_but_not_of_one_it_cannot_read(tiny: TinyBase) -> None:
    tiny.append(tiny.source, '[[claim]]\nid = "orphan"\nabout = ["nobody"]\ntext = "x"\n')
    assert _check(tiny).returncode == 1
    assert cache.cache_path(tiny.data).is_file()
    cache.cache_path(tiny.data).unlink()
    tiny.append(tiny.source, "[[claim]]\nid = = 3\n")
    assert _check(tiny).returncode == 2
    assert not cache.cache_path(tiny.data).exists()


def test_check_writes_no_index_when_the_cache_is_off(tiny: TinyBase, tmp_path: Path) -> None:
    done = _check(tiny, NEWSKB_CACHE="off")
    assert (done.returncode, done.stderr.startswith("newskb: ok: ")) == (0, True)
    assert not (tmp_path / "cache").exists()
