"""The Parquet export, read back with DuckDB as a reader past one machine would read it."""

from __future__ import annotations

import json
import random
import sqlite3
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newskb.cli import app
from newskb.exporters import sqlite as sqlite_export

# The certain and possible holders of an office on a day, as `who` puts them in play: each term of the office
# whose own days may cover it (a term covers start <= day < end; an unbounded or unknown day is NULL).
_IN_PLAY = """
SELECT t.id FROM read_parquet($term) t JOIN read_parquet($entity) o ON o.id = t.office
WHERE o.name = $office AND (t.start_earliest IS NULL OR t.start_earliest <= $day)
  AND (t.end_latest IS NULL OR t.end_latest > $day)
ORDER BY t.start_earliest NULLS LAST, t.start_latest, t.id
"""


def _export(data: Path, folder: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "parquet", "--output", str(folder), "--data", str(data)])
    assert result.exit_code == 0, result.output
    names = sorted(path.name for path in folder.iterdir())
    assert result.stderr == "".join(f"newskb: wrote {folder / name}\n" for name in _table_files())
    assert names == sorted(_table_files())


def _table_files() -> list[str]:
    return [f"{table.name}.parquet" for table in sqlite_export.tables()]


def _who(data: Path, office: str, day: date) -> list[str]:
    result = CliRunner().invoke(
        app, ["who", office, "--as-of", day.isoformat(), "--format", "json", "--data", str(data)]
    )
    assert result.exit_code in (0, 1, 3, 5), result.output
    return [row["id"] for row in json.loads(result.stdout)]


def _duckdb_who(folder: Path, office: str, day: date) -> list[str]:
    parameters = {"term": str(folder / "term.parquet"), "entity": str(folder / "entity.parquet")}
    rows = duckdb.execute(_IN_PLAY, {**parameters, "office": office, "day": day}).fetchall()
    return [row[0] for row in rows]


def test_duckdb_answers_who_held_an_office_as_newskb_does(kb: Path, tmp_path: Path) -> None:
    _export(kb, tmp_path / "parquet")
    for day, holders in [
        (date(2024, 9, 30), ["jens-stoltenberg-nato-secretary-general"]),
        (date(2024, 10, 1), ["mark-rutte-nato-secretary-general"]),
    ]:
        assert _who(kb, "NATO Secretary General", day) == holders
        assert _duckdb_who(tmp_path / "parquet", "NATO Secretary General", day) == holders


def test_duckdb_answers_who_as_newskb_does_on_a_generated_base(tmp_path: Path) -> None:
    from benchmarks.generate import generate

    generate(5000, tmp_path / "gen")
    data = tmp_path / "gen" / "data"
    _export(data, tmp_path / "parquet")
    offices = [
        row[0]
        for row in duckdb.execute(
            "SELECT name FROM read_parquet($f) WHERE kind = 'office'",
            {"f": str(tmp_path / "parquet" / "entity.parquet")},
        ).fetchall()
    ]
    assert len(offices) == 5
    # Days from before the first term to after the last (generated terms run from 1850 for a century or two).
    days = random.Random(5)
    first, last = date(1849, 1, 1).toordinal(), date(2030, 1, 1).toordinal()
    chosen = [(office, date.fromordinal(days.randrange(first, last))) for office in offices for _ in range(3)]
    found = 0
    for office, day in chosen:
        expected = _who(data, office, day)
        assert _duckdb_who(tmp_path / "parquet", office, day) == expected, (office, day)
        found += bool(expected)
    assert found >= 10  # most days fall in someone's term


def test_the_parquet_tables_are_the_sqlite_export_s_with_dates_as_dates(kb: Path, tmp_path: Path) -> None:
    _export(kb, tmp_path / "parquet")
    database = tmp_path / "kb.sqlite"
    result = CliRunner().invoke(app, ["export", "--format", "sqlite", "--output", str(database), "--data", str(kb)])
    assert result.exit_code == 0, result.output
    exported = sqlite3.connect(database)
    for table in sqlite_export.tables():
        path = str(tmp_path / "parquet" / f"{table.name}.parquet")
        described = duckdb.execute("DESCRIBE SELECT * FROM read_parquet($f)", {"f": path}).fetchall()
        assert [row[0] for row in described] == [column.name for column in table.columns], table.name
        types = {row[0]: row[1] for row in described}
        for column in table.columns:
            expected = "DATE" if column.is_day else "BIGINT" if column.sql_type == "INTEGER" else "VARCHAR"
            assert types[column.name] == expected, (table.name, column.name)
        rows = duckdb.execute("SELECT * FROM read_parquet($f)", {"f": path}).fetchall()
        as_text = [tuple(value.isoformat() if isinstance(value, date) else value for value in row) for row in rows]
        assert as_text == exported.execute(f'SELECT * FROM "{table.name}" ORDER BY rowid').fetchall(), table.name
    term = str(tmp_path / "parquet" / "term.parquet")
    rutte = "SELECT start_earliest, end_latest, status FROM read_parquet($f) WHERE id = $id"
    assert duckdb.execute(rutte, {"f": term, "id": "mark-rutte-nato-secretary-general"}).fetchone() == (
        date(2024, 10, 1),
        None,
        "last known",
    )


def test_without_pyarrow_the_export_says_how_to_install_it_and_writes_nothing(
    kb: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if it were not installed: importing it fails
    folder = tmp_path / "parquet"
    result = CliRunner().invoke(app, ["export", "--format", "parquet", "--output", str(folder), "--data", str(kb)])
    assert result.exit_code == 2
    assert result.stderr == (
        "newskb: error: --format parquet needs pyarrow, which newskb installs only on request: "
        "pip install 'newskb[parquet]'\n"
    )
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cache", "kb"]  # no folder, whole or half made


def test_parquet_needs_an_output_folder_and_takes_only_as_of(kb: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["export", "--format", "parquet", "--data", str(kb)])
    assert (result.exit_code, result.stderr) == (
        2,
        "newskb: error: --format parquet needs --output DIR (one Parquet file per table)\n",
    )
    result = CliRunner().invoke(
        app, ["export", "--format", "parquet", "--output", str(tmp_path / "p"), "--from", "2024", "--data", str(kb)]
    )
    assert (result.exit_code, result.stderr) == (2, "newskb: error: --from does not apply to --format parquet\n")
    assert not (tmp_path / "p").exists()


def test_force_replaces_the_tables_files_and_leaves_others(kb: Path, tmp_path: Path) -> None:
    folder = tmp_path / "parquet"
    _export(kb, folder)
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "entity.parquet").write_bytes(b"old")
    again = ["export", "--format", "parquet", "--output", str(folder), "--data", str(kb)]
    refused = CliRunner().invoke(app, again)
    assert (refused.exit_code, refused.stderr) == (
        2,
        f"newskb: error: {folder}: is not empty; choose a new or empty folder, or --force to replace the files "
        "it writes\n",
    )
    assert (folder / "entity.parquet").read_bytes() == b"old"
    assert CliRunner().invoke(app, [*again, "--force"]).exit_code == 0
    assert sorted(path.name for path in folder.iterdir()) == sorted([*_table_files(), "notes.txt"])
    entities = duckdb.execute("SELECT count(*) FROM read_parquet($f)", {"f": str(folder / "entity.parquet")})
    assert entities.fetchone() == (21,)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cache", "kb", "parquet"]  # no temporary left
