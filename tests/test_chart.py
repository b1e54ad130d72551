"""`newskb chart`: drawn at a terminal, the same terms as rows in a pipe, an SVG or HTML file for a report."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from newskb.cli import app
from tests.test_cli import _on_a_terminal, run

runner = CliRunner()

NSG = "NATO Secretary General"
AS_OF = ("--as-of", "2025-10-01")


@pytest.fixture(autouse=True)
def _no_forced_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


def chart(*args: str, columns: int = 60) -> Result:
    return runner.invoke(app, ["chart", *args], env={"COLUMNS": str(columns)})


def drawn(*args: str, columns: int = 60) -> str:
    result = chart(*args, "--format", "table", columns=columns)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return result.stdout


# --- Drawn --------------------------------------------------------------------------------------------------


def test_golden_nato_secretary_general_at_60_columns() -> None:
    # Stoltenberg's "about 2014" start shaded over 2013-2015; Rutte open from 2024-10-01: the only source,
    # of 2024-09-30, announced it, so nothing after that day is solid.
    assert drawn(NSG, *AS_OF) == (
        "NATO Secretary General: every known term\n"
        "    2014      2016     2018     2020      2022     2024\n"
        "────┬─────────┬────────┬────────┬─────────┬────────┬───────▼\n"
        "Jens Stoltenberg  2014~/2024-10-01  (announced)            │\n"
        "▒▒▒▒▒▒▒▒▒▒▒▒▒▒██████████████████████████████████████████   │\n"
        "Mark Rutte  2024-10-01/..  (announced, attested 2024-09-30)\n"
        "                                                       ░░░░▶\n"
        "\n"
        "█ certainly in office\n"
        "▒ possibly in office: an imprecise start or end\n"
        "░▶ open: no end known, but no source after the attested day\n"
        "│ as of 2025-10-01\n"
        "  2013-01-01 to 2025-10-01: about 2.5 months a column\n"
        "  labels: dates as written, start/end (.. open)\n"
    )


def test_golden_organization_chart_over_one_year() -> None:
    # A lane per office; months on the axis; the handover and the asked day fall on one column; a term
    # with an unknown start is listed under the chart, not drawn.
    assert drawn("--org", "NATO", "--as-of", "2024-10-01", "--from", "2024-01", "--to", "2024-12") == (
        "NATO: every office's terms\n"
        "2024-01  2024-03   2024-05   2024-07    2024-09   2024-11\n"
        "┬────────┬─────────┬─────────┬──────────┬────▼────┬─────────\n"
        "NATO Secretary General ─────────────────────────────────────\n"
        "Jens Stoltenberg  2014~/2024-10-01  (announced)\n"
        "█████████████████████████████████████████████│\n"
        "Mark Rutte  2024-10-01/..  (announced, attested 2024-09-30)\n"
        "                                             ░░░░░░░░░░░░░░▶\n"
        "\n"
        "█ certainly in office\n"
        "▒ possibly in office: an imprecise start or end\n"
        "░▶ open: no end known, but no source after the attested day\n"
        "│ as of 2024-10-01\n"
        "  2024-01-01 to 2024-12-31: about 6.1 days a column\n"
        "  labels: dates as written, start/end (.. open)\n"
        "\n"
        "Not drawn, a start or an end unknown:\n"
        "  NATO spokesperson: Oana Lungescu  /..2024-09-30\n"
    )


def test_golden_at_a_narrow_width_wraps_labels_and_overlaps_nothing() -> None:
    assert drawn(NSG, *AS_OF, columns=30) == (
        "NATO Secretary General: every \n"
        "known term\n"
        "    2015        2020\n"
        "────┬───────────┬───────────┬▼\n"
        "Jens Stoltenberg  \n"
        "2014~/2024-10-01  (announced)\n"
        "▒▒▒▒▒▒▒█████████████████████ │\n"
        "Mark Rutte  2024-10-01/..  \n"
        "(announced, attested \n"
        "2024-09-30)\n"
        "                           ░░▶\n"
        "\n"
        "█ certainly in office\n"
        "▒ possibly in office: an \n"
        "imprecise start or end\n"
        "░▶ open: no end known, but no \n"
        "source after the attested day\n"
        "│ as of 2025-10-01\n"
        "  2013-01-01 to 2025-10-01: \n"
        "about 5.1 months a column\n"
        "  labels: dates as written, \n"
        "start/end (.. open)\n"
    )


def test_too_narrow_to_draw_the_terms_are_blocks_of_lines() -> None:
    screen = drawn(NSG, *AS_OF, columns=19)
    assert screen.startswith(
        "NATO Secretary General: every known term\n\nOffice: NATO Secretary General\nHolder: Jens Stoltenberg\n"
        "Start: 2014~\nEnd: 2024-10-01\nStatus: held (announced)\n"
    )
    assert "█" not in screen


def test_a_career_and_a_chart_with_nothing_to_draw() -> None:
    career = drawn("--entity", "Rutte", *AS_OF, columns=80)
    assert career.startswith("Mark Rutte: every office held\n")
    assert "\nNATO Secretary General  2024-10-01/..  (announced, attested 2024-09-30)        │\n░░░░" in career
    assert career.endswith(
        "Not drawn, a start or an end unknown:\n  Prime Minister of the Netherlands  /..2024-09-30\n"
    )
    # Ben Wallace's end is unknown: nothing is drawn, not even an axis, and he is listed.
    assert drawn("--org", "United Kingdom", *AS_OF) == (
        "the United Kingdom: every office's terms\n"
        "\n"
        "Not drawn, a start or an end unknown:\n"
        "  UK Defence Secretary: Ben Wallace  ..2024-09-30/\n"
    )


def test_an_asked_day_off_the_axis_is_said_so() -> None:
    screen = drawn(NSG, "--as-of", "2025-10-01", "--to", "2020")
    assert "▼" not in screen and "│" not in screen
    assert "  as of 2025-10-01: off the axis\n  2013-01-01 to 2020-12-31:" in screen


def test_a_terminal_gets_colour_and_no_color_only_the_characters() -> None:
    screen = _on_a_terminal("chart", NSG, *AS_OF, env={"TERM": "xterm"})
    assert "\x1b[32m██" in screen and "\x1b[33m▒▒" in screen and "\x1b[32m░░" in screen and "\x1b[31m▼" in screen
    for env in ({"NO_COLOR": "1", "TERM": "xterm"}, {"TERM": "dumb"}):
        plain = _on_a_terminal("chart", NSG, *AS_OF, env=env)
        assert "▒▒▒██" in plain and "░░▶" in plain
        assert "\x1b[3" not in plain and "\x1b[9" not in plain, env


def test_an_ascii_stream_gets_ascii_characters() -> None:
    result = run("chart", NSG, *AS_OF, "-f", "table", env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "COLUMNS": "60"})
    assert result.returncode == 0, result.stderr
    assert "::::::::::::::##########" in result.stdout and "====>\n" in result.stdout
    assert "----+---------+" in result.stdout and "\\u" not in result.stdout


# --- Rows ---------------------------------------------------------------------------------------------------


def test_in_a_pipe_the_same_terms_print_as_rows() -> None:
    result = chart("--org", "NATO", *AS_OF)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "NATO Secretary General\tJens Stoltenberg\t2014~\t2024-10-01\theld (announced)\t\t"
        "On Tuesday, October 1, Mark Rutte will officially take office as NATO Secretary General, "
        "replacing Jens Stoltenberg, who led the alliance for the past ten years [via reuters]\t"
        "jens-stoltenberg-nato-secretary-general",
        "NATO Secretary General\tMark Rutte\t2024-10-01\t..\tlast known (announced)\t2024-09-30\t"
        "On Tuesday, October 1, Mark Rutte will officially take office as NATO Secretary General, "
        "replacing Jens Stoltenberg [via reuters]\tmark-rutte-nato-secretary-general",
        "NATO spokesperson\tOana Lungescu\t\t..2024-09-30\theld\t\tformer NATO spokesperson Oana Lungescu\t"
        "oana-lungescu-nato-spokesperson",
    ]
    rows = json.loads(chart("--org", "NATO", *AS_OF, "--format", "json").stdout)
    assert [(row["holder_id"], row["attested"]) for row in rows] == [
        ("jens-stoltenberg", None),
        ("mark-rutte", "2024-09-30"),
        ("oana-lungescu", None),
    ]
    assert chart(NSG, *AS_OF, "--format", "csv").stdout.splitlines()[0].startswith("office,office_id,holder,")


# --- Files --------------------------------------------------------------------------------------------------


def svg_text(path: Path) -> str:
    """Every character the SVG shows, spaces as spaces (Rich writes them as no-break spaces)."""
    return "".join(ElementTree.parse(path).getroot().itertext()).replace("\xa0", " ")


def test_an_svg_for_a_report_whatever_stdout_is(tmp_path: Path) -> None:
    target = tmp_path / "nato.svg"
    result = chart("--org", "NATO", *AS_OF, "--output", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"newskb: wrote {target}\n")
    shown = svg_text(target)
    for holder in ("Jens Stoltenberg", "Mark Rutte", "Oana Lungescu"):
        assert holder in shown
    assert "2014~/2024-10-01" in shown and "▒▒▒███" in shown and "░░▶" in shown  # the open term, at a glance
    # Self-contained: the system's monospace fonts (installed ones first: a renderer that settles for a
    # proportional one draws bars too long), no web font, nothing to fetch.
    written = target.read_text(encoding="utf-8")
    assert "font-family: ui-monospace, DejaVu Sans Mono, Menlo, Consolas, Liberation Mono, monospace;" in written
    assert "@font-face" not in written and "Fira Code" not in written
    assert [line for line in written.splitlines() if "http" in line] == [
        '<svg class="rich-terminal" viewBox="0 0 1238 489.2" xmlns="http://www.w3.org/2000/svg">',
        "    <!-- Generated with Rich https://www.textualize.io -->",
    ]  # a namespace and a comment: neither is fetched
    # Drawn the same whatever the terminal: a report's chart does not depend on who made it.
    again = tmp_path / "again.svg"
    assert chart("--org", "NATO", *AS_OF, "-o", str(again), columns=33).exit_code == 0
    assert again.read_bytes() == target.read_bytes()


def test_an_html_page(tmp_path: Path) -> None:
    target = tmp_path / "nato.HTML"
    assert chart(NSG, *AS_OF, "--output", str(target)).exit_code == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Jens Stoltenberg" in page and "Mark Rutte" in page


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "chart.svg"
    target.write_text("mine", encoding="utf-8")
    refused = chart(NSG, *AS_OF, "--output", str(target))
    assert (refused.exit_code, refused.stderr) == (
        2,
        f"newskb: error: {target}: already exists; choose a new file name, or --force to replace it\n",
    )
    assert target.read_text(encoding="utf-8") == "mine"
    assert chart(NSG, *AS_OF, "--output", str(target), "--force").exit_code == 0
    assert "Mark Rutte" in svg_text(target)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--output", "chart.png"], "chart.png: a chart is written as .svg or .html"),
        (["--output", "chart"], "chart: a chart is written as .svg or .html"),
        (
            ["--output", "chart.svg", "--format", "json"],
            "--output writes a chart file; --format is for standard output",
        ),
    ],
)
def test_a_file_that_is_not_a_chart_is_refused_and_not_written(
    arguments: list[str], message: str, tmp_path: Path
) -> None:
    result = chart(NSG, *arguments)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"newskb: error: {message}")
    assert list(tmp_path.glob("chart*")) == []


# --- Usage --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        ([], 2, "newskb: error: chart one thing: an OFFICE, --org ORG or --entity NAME\n"),
        ([NSG, "--org", "NATO"], 2, "newskb: error: chart one thing: an OFFICE, --org ORG or --entity NAME\n"),
        ([NSG, "--from", "2024", "--to", "2020"], 2, "newskb: error: --from 2024 is after --to 2020\n"),
        ([NSG, "--to", "2012"], 1, "newskb: no term of NATO Secretary General is known in that range\n"),
        (
            ["--entity", "Jens Stoltenberg", "--known-as-of", "2024-01-01"],
            1,
            "newskb: no term of Jens Stoltenberg is known\n",
        ),
    ],
)
def test_usage_and_nothing_to_draw(arguments: list[str], code: int, message: str) -> None:
    result = chart(*arguments)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", message)


def test_a_fuzzy_name_is_said_on_stderr(kb: Path) -> None:
    result = chart("secretary genral of nato", *AS_OF)
    assert result.stderr == f"newskb: matched office: NATO Secretary General (nato-secretary-general) in {kb}\n"
