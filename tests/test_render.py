from __future__ import annotations

import io
import json

import pytest

from newskb.common.printable import printable as visible
from newskb.render import BuildProgress, Column, Format, write_citation, write_rows
from newskb.render.views import Fit

COLUMNS = [Column("holder", "Holder", Fit.NAME), Column("status", "Status"), Column("quote", "Quote", Fit.TEXT)]
ROWS = [
    {
        "holder": "Mark Rutte",
        "status": "holds",
        "quote": "On Tuesday, October 1, Mark Rutte will take office",
        "id": "a",
    },
    {"holder": "[bold]Jens[/bold]", "status": "held", "quote": "tab\there\nnew line", "id": "b"},
]


def rendered(output_format: Format, rows: list[dict[str, str]] | None = None) -> str:
    stream = io.StringIO()
    write_rows(ROWS if rows is None else rows, COLUMNS, output_format, title="Who", stream=stream)
    return stream.getvalue()


@pytest.fixture(autouse=True)
def _fixed_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    monkeypatch.delenv("FORCE_COLOR", raising=False)


def test_golden_table_at_a_fixed_width() -> None:
    assert rendered(Format.TABLE) == (
        "                            Who                             \n"
        "Holder             Status  Quote                            \n"
        "────────────────────────────────────────────────────────────\n"
        "Mark Rutte         holds   On Tuesday, October 1, Mark Rutte\n"
        "                           will take office                 \n"
        "[bold]Jens[/bold]  held    tab     here                     \n"
        "                           new line                         \n"
    )


def test_plain_is_the_table_columns_tab_separated_one_line_each() -> None:
    assert rendered(Format.PLAIN) == (
        "Mark Rutte\tholds\tOn Tuesday, October 1, Mark Rutte will take office\n"
        "[bold]Jens[/bold]\theld\ttab\\there\\nnew line\n"
    )


def test_tsv_has_a_header_and_every_field() -> None:
    assert rendered(Format.TSV).splitlines()[0] == "holder\tstatus\tquote\tid"
    assert rendered(Format.TSV).splitlines()[2] == "[bold]Jens[/bold]\theld\ttab\\there\\nnew line\tb"


def test_csv_quotes_what_needs_quoting() -> None:
    assert rendered(Format.CSV) == (
        "holder,status,quote,id\n"
        'Mark Rutte,holds,"On Tuesday, October 1, Mark Rutte will take office",a\n'
        '[bold]Jens[/bold],held,"tab\there\nnew line",b\n'
    )


def test_json_and_jsonl_keep_every_key() -> None:
    assert json.loads(rendered(Format.JSON)) == ROWS
    assert [json.loads(line) for line in rendered(Format.JSONL).splitlines()] == ROWS
    assert rendered(Format.JSON, []) == "[]\n"


def test_control_characters_are_made_visible() -> None:
    assert visible("a\x1b[31mred\x1b]8;;http://x\x07") == "a\\x1b[31mred\\x1b]8;;http://x\\x07"
    assert visible("\u202eevil") == "\\u202eevil"
    assert visible("a\tb\nc", one_line=True) == "a\\tb\\nc"
    assert "\x1b" not in rendered(Format.TABLE, [{"holder": "\x1b[2J", "status": "", "quote": ""}])
    assert "\x1b" not in rendered(Format.PLAIN, [{"holder": "\x1b[2J", "status": "", "quote": ""}])


def test_citation_table_shows_the_title_and_the_sentence() -> None:
    stream = io.StringIO()
    citation = {
        "id": "c",
        "kind": "claim",
        "source": "s",
        "title": "T",
        "published": "2024-09-30",
        "quote": "32 members",
        "sentence": "NATO has 32 members.",
        "quote_start": 9,
        "quote_end": 19,
        "note": None,
    }
    write_citation(citation, Format.TABLE, stream=stream)
    assert stream.getvalue() == "claim c  (s, 2024-09-30)\nT\nNATO has 32 members.\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_build_progress_shows_only_on_a_terminal_after_the_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    # Rich draws no live bar on a terminal that says it is dumb; the test must not depend on the caller's.
    monkeypatch.setenv("TERM", "xterm-256color")
    terminal = _Terminal()
    with BuildProgress(terminal, delay=0.0) as progress:
        for done in range(1, 4):
            progress(done, 3)
    assert "indexing data files" in terminal.getvalue()

    waiting = _Terminal()
    with BuildProgress(waiting, delay=3600.0) as progress:
        progress(1, 3)
    assert waiting.getvalue() == ""

    pipe = io.StringIO()
    with BuildProgress(pipe, delay=0.0) as progress:
        progress(1, 3)
    assert pipe.getvalue() == ""


# --- Search hits at a terminal ---------------------------------------------------------------------


def _search_on_a_terminal(width: int) -> list[str]:
    """The lines `search` draws at a terminal `width` columns wide, without their bold and dim."""
    return _search_on_a_terminal_for("rutte nato", width)


def _search_on_a_terminal_for(query: str, width: int) -> list[str]:
    import re

    from tests.test_cli import _on_a_terminal

    env = {"NO_COLOR": "1", "TERM": "xterm", "COLUMNS": str(width), "NEWSKB_PAGER": ""}
    shown = re.sub(r"\x1b\[[0-9;]*m", "", _on_a_terminal("search", query, "--limit", "4", env=env))
    return [line.rstrip() for line in shown.replace("\r", "").splitlines() if line.strip()]


def test_search_at_80_columns_is_two_labelled_lines_a_hit() -> None:
    lines = _search_on_a_terminal(80)
    assert lines == [
        "Search: rutte nato",
        "92  person  2024-09-30    Mark Rutte",
        "    id: mark-rutte  source: rbc-ukraine-2024-09-30-rutte",
        "92  event   ..2024-09-30  Mark Rutte is chosen as the new NATO Secretary General",
        "    id: mark-rutte-chosen  source: rbc-ukraine-2024-09-30-rutte",
        "92  event   2024-10-01    Mark Rutte takes office as NATO Secretary General, re…",
        "    id: mark-rutte-takes-office  source: rbc-ukraine-2024-09-30-rutte",
        "92  claim   2024-09-30    Rutte will need to strengthen unity within NATO.",
        "    id: rutte-must-strengthen-unity  source: rbc-ukraine-2024-09-30-rutte",
    ]
    assert max(len(line) for line in lines) <= 80


def test_search_at_80_columns_never_wraps_an_id_the_source_taking_a_line_of_its_own() -> None:
    lines = _search_on_a_terminal_for("jens stoltenberg nato secretary general", 80)
    at = lines.index("    id: jens-stoltenberg-nato-secretary-general")
    assert lines[at + 1] == "    source: rbc-ukraine-2024-09-30-rutte"
    assert max(len(line) for line in lines) <= 80


def test_search_from_100_columns_is_side_by_side_with_the_source_under_the_label() -> None:
    lines = _search_on_a_terminal(100)
    assert lines[1].split() == ["Score", "Kind", "Id", "Label", "When"]
    assert lines[3].split() == ["92", "person", "mark-rutte", "Mark", "Rutte", "2024-09-30"]
    assert lines[4].split() == ["source:", "rbc-ukraine-2024-09-30-rutte"]
    assert max(len(line) for line in lines) <= 100
    # Wide enough for the label to keep 50 columns: the source gets its own.
    assert _search_on_a_terminal(160)[1].split() == ["Score", "Kind", "Id", "Label", "When", "Source"]


def test_a_stacked_tables_title_is_a_line_of_its_own_not_squeezed_over_its_first_column() -> None:
    import re

    from tests.test_cli import _on_a_terminal

    env = {"NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "120", "NEWSKB_PAGER": ""}
    shown = _on_a_terminal("verify", "NATO has 30 members", "--as-of", "2024-09-30", env=env)
    lines = [line.rstrip() for line in re.sub(r"\x1b\[[0-9;]*m", "", shown).replace("\r", "").splitlines()]
    assert lines[:4] == ["Verify (as of 2024-09-30)", "Verdict", "────────────", "contradicted"]
