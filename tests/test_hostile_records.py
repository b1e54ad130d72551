"""Random records, right and wrong, through `check` and every query: never a traceback, never a bug.

Hypothesis writes a data file of records of every kind, with the keys the kinds declare and keys they
do not, values of the right type and of every other, unicode with controls and bidi overrides, dates of
the grammar and not; then each command runs on it. Whatever the data, every command ends with a
documented exit code and no exception escapes (an internal error, exit 70, would be a bug).
"""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newskb.base import model
from newskb.cli import app
from newskb.common.kinds import Kind
from tests.conftest import TinyBase

runner = CliRunner()

KINDS = [kind.value for kind in Kind if kind is not Kind.SOURCE]
IDS = ["ada-lovelace", "charles-babbage", "analytical-society", "society-chair", "gazette-1843", "x", "Not An Id"]
DATES = ["1840", "1840~", "1840?", "1840%", "1840-02", "1840-02-30", "..1841", "1841..", "..", "", "tomorrow", "0000"]
# Any character a UTF-8 file can hold: controls, escapes and bidi overrides included (not lone surrogates).
text = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
scalar = st.one_of(
    text,
    st.sampled_from(IDS),
    st.sampled_from(DATES),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.booleans(),
    st.dates(min_value=datetime.date(1, 1, 1)),
)
value = st.one_of(
    scalar, st.lists(scalar, max_size=3), st.dictionaries(st.sampled_from(["a", "b"]), scalar, max_size=2)
)


@st.composite
def record(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    kind = draw(st.sampled_from(KINDS))
    names = [key.name for key in model.keys(Kind(kind))]
    chosen = draw(st.lists(st.sampled_from([*names, "hodler", "zz"]), unique=True, max_size=len(names) + 1))
    table = {name: draw(value) for name in chosen}
    if draw(st.booleans()):
        table["id"] = draw(st.sampled_from([*IDS[:5], "r1", "r2", "r3"]))
    return kind, table


@given(records=st.lists(record(), min_size=1, max_size=6), query=text)
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_records_never_break_a_command(
    tiny: TinyBase, records: list[tuple[str, dict[str, Any]]], query: str
) -> None:
    document: dict[str, list[dict[str, Any]]] = {}
    for kind, table in records:
        document.setdefault(kind, []).append(table)
    generated = tiny.data / "generated.toml"
    generated.write_text(tomli_w.dumps(document), encoding="utf-8")
    data = ["--data", str(tiny.data)]
    commands = [
        ["check", *data],
        ["search", query or "x", "--all", *data],
        ["who", query or "chair", "--history", *data],
        ["offices", "--as-of", "1840-06-01", *data],
        ["timeline", "--from", "1830", *data],
        ["show", query or "Ada", *data],
        ["cite", query or "r1", *data],
        ["coverage", *data],
        ["export", *data],
        *(["export", "--format", name, *data] for name in ("timelinejs", "popolo", "jsonld", "jsonl")),
        ["chart", query or "chair", *data],
        ["search", "ada", "--format", "csv", *data],
    ]
    for arguments in commands:
        result = runner.invoke(app, arguments, env={"NEWSKB_CACHE": "off", "COLUMNS": "80"})
        assert result.exception is None or isinstance(result.exception, SystemExit), (arguments, result.exception)
        assert result.exit_code in (0, 1, 2, 3), (arguments, result.exit_code, result.stderr)
    generated.unlink()


def test_the_base_the_records_join_is_clean(tiny: TinyBase, tmp_path: Path) -> None:
    # The property above must start from a clean base, or every command would fail for another reason.
    copy = tmp_path / "copy"
    shutil.copytree(tiny.root, copy)
    result = runner.invoke(app, ["check", "--data", str(copy / "data")], env={"NEWSKB_CACHE": "off"})
    assert result.exit_code == 0, result.stdout
