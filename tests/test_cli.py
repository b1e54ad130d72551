from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newskb.cli import COMMANDS, app
from tests.conftest import TinyBase

runner = CliRunner()


def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run newskb as a real process, as a user or a script would."""
    return subprocess.run(
        [sys.executable, "-m", "newskb", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def test_check_on_the_shipped_data_is_clean(kb: Path) -> None:
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 0
    assert result.stdout == ""
    # Not the bundled base (the tests' copy of it): the summary names the base it checked.
    assert result.stderr == f"newskb: ok: 21 entities, 1 source, 28 facts, 35 quotes, 6 expectations checked in {kb}\n"


def test_check_reports_problems_on_stdout_and_exits_1(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8").replace('end = "1840"', 'end = "1830"')
    tiny.source.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["check", "--data", str(tiny.data)])
    assert result.exit_code == 1
    assert result.stdout == "tiny/data/sources/gazette.toml:13: term.end: end '1830' is not after start '1831'\n"
    assert (
        result.stderr
        == f"newskb: 1 problem in 4 entities, 1 source, 2 facts, 2 quotes, 0 expectations in {tiny.data}\n"
    )


def test_check_a_missing_folder_is_exit_2_and_one_line() -> None:
    result = runner.invoke(app, ["check", "--data", "nowhere"])
    assert result.exit_code == 2
    assert result.stderr == "newskb: error: nowhere: data folder not found (from --data or $NEWSKB_DATA)\n"


def test_no_arguments_shows_help_and_exit_codes() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "check" in result.stdout
    assert "Exit codes: 0 found" in result.stdout


def test_help_lists_every_command_in_family_order_and_a_typo_gets_a_suggestion() -> None:
    listed = runner.invoke(app, ["--help"]).stdout.split("\nCommands:\n", 1)[1].split("\n\n", 1)[0]
    assert [line.split()[0] for line in listed.splitlines()] == list(COMMANDS)
    assert list(COMMANDS) == [
        *("search", "who", "offices", "timeline", "chart", "show", "sources", "cite"),
        "verify",
        *("check", "coverage"),
        *("init", "new-source", "draft", "accept", "add", "set", "rm", "rename"),
        "export",
        "help",
    ]
    misspelt = runner.invoke(app, ["whoo"])
    assert misspelt.exit_code == 2
    assert misspelt.stderr == "newskb: no such command 'whoo' (did you mean 'who'?) (see 'newskb -h')\n"


def test_check_from_another_folder_with_the_bundled_data(tmp_path: Path) -> None:
    env = {key: value for key, value in os.environ.items() if key != "NEWSKB_DATA"}
    result = subprocess.run(
        [sys.executable, "-m", "newskb", "check"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr.startswith("newskb: ok: 21 entities")


def test_unreadable_file_is_exit_2_without_traceback(tiny: TinyBase) -> None:
    (tiny.data / "latin1.toml").write_bytes(b'[[person]]\nid = "cafe"\nname = "Caf\xe9"\n')
    result = run("check", "--data", str(tiny.data), cwd=tiny.root.parent)
    assert result.returncode == 2
    assert result.stdout == "tiny/data/latin1.toml:3: not UTF-8: byte 0xe9 cannot be decoded\n"
    assert "Traceback" not in result.stderr


def test_bad_usage_is_exit_2_and_one_line() -> None:
    result = run("check", "--no-such-option")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "newskb: check: no such option: --no-such-option (see 'newskb check -h')\n"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (["who"], "newskb: who: missing OFFICE (see 'newskb who -h')"),
        (["cite"], "newskb: cite: missing ID (see 'newskb cite -h')"),
        (["who", "x", "--as-of"], "newskb: who: option '--as-of' requires an argument (see 'newskb who -h')"),
        (["who", "a", "b"], "newskb: who: got unexpected extra argument(s) (b) (see 'newskb who -h')"),
        (["help", "nope"], "newskb: no such command 'nope' (see 'newskb -h')"),
        (
            ["who", "--as-of", "nope", "NATO"],
            "newskb: who: invalid value for '--as-of': 'nope' is not a day: write YYYY-MM-DD or today "
            "(see 'newskb who -h')",
        ),
        (
            ["verify", "--known-as-of", "2024", "x"],
            "newskb: verify: invalid value for '--known-as-of': '2024' is not a day: write YYYY-MM-DD or today "
            "(see 'newskb verify -h')",
        ),
        (["--nope"], "newskb: no such option: --nope (did you mean --no-pager?) (see 'newskb -h')"),
    ],
)
def test_a_usage_error_is_one_line_naming_the_command_exit_2(line: list[str], message: str) -> None:
    result = runner.invoke(app, line)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


def test_no_arguments_prints_the_help_and_exits_0() -> None:
    result = runner.invoke(app, [])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == runner.invoke(app, ["-h"]).stdout
    assert result.stdout.startswith("Usage: newskb [OPTIONS] COMMAND [ARGS]...\n")


def test_help_command_shows_a_commands_help_as_its_own_h_does() -> None:
    assert runner.invoke(app, ["help", "who"]).stdout == runner.invoke(app, ["who", "-h"]).stdout
    assert runner.invoke(app, ["help"]).stdout == runner.invoke(app, ["-h"]).stdout
    # The usage line names the argument as the help does, without Typer's braces.
    assert runner.invoke(app, ["who", "-h"]).stdout.startswith("Usage: newskb who [OPTIONS] OFFICE\n")


def test_top_level_help_gives_every_summary_whole_on_one_line_at_80_columns() -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "newskb", "-h"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80"},
        check=True,
    ).stdout
    listed = shown.split("\nCommands:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert [line.split()[0] for line in listed] == list(COMMANDS)  # one line each: no summary wraps
    assert all(len(line) <= 80 and not line.endswith("...") for line in listed)


@pytest.mark.parametrize("where", ["before", "after"])
def test_quiet_and_no_pager_are_taken_before_or_after_the_command(tiny: TinyBase, where: str) -> None:
    def asked(day: str) -> list[str]:
        line = ["who", "society chiar", "--as-of", day, "--data", str(tiny.data)]
        return ["-q", "--no-pager", *line] if where == "before" else [*line, "--no-pager", "--quiet"]

    # Found, and a fuzzy match that would be named on stderr: nothing is printed, the exit code answers.
    assert (lambda done: (done.returncode, done.stdout, done.stderr))(run(*asked("1835-06-01"))) == (0, "", "")
    # The sources cannot tell (before all they say): exit 3, still silent.
    assert (lambda done: (done.returncode, done.stdout, done.stderr))(run(*asked("1700-01-01"))) == (3, "", "")
    # An error is still said, in one line.
    broken = run("-q", "who", "x", "--data", str(tiny.data / "nowhere"))
    assert (broken.returncode, broken.stdout) == (2, "")
    assert (
        broken.stderr
        == f"newskb: error: {tiny.data / 'nowhere'}: data folder not found (from --data or $NEWSKB_DATA)\n"
    )


# --- Queries as a script and a person would run them -------------------------------------------


def test_who_answers_both_sides_of_the_handover_in_a_pipe() -> None:
    before = run("who", "NATO Secretary General", "--as-of", "2024-09-30")
    assert (before.returncode, before.stderr) == (0, "")
    assert before.stdout == (
        "Jens Stoltenberg\t2014~\t2024-10-01\tholds (announced)\t\t"
        "On Tuesday, October 1, Mark Rutte will officially take office as NATO Secretary General, "
        "replacing Jens Stoltenberg, who led the alliance for the past ten years [via reuters]\t"
        "jens-stoltenberg-nato-secretary-general\n"
    )
    after = run("who", "NATO Secretary General", "--as-of", "2024-10-01")
    assert after.stdout == (
        "Mark Rutte\t2024-10-01\t..\tholds (announced)\t2024-09-30\t"
        "On Tuesday, October 1, Mark Rutte will officially take office as NATO Secretary General, "
        "replacing Jens Stoltenberg [via reuters]\tmark-rutte-nato-secretary-general\n"
    )


def test_a_fuzzy_office_is_named_on_stderr_not_stdout(kb: Path) -> None:
    result = run("who", "secretary genral of nato", "--as-of", "2024-10-01", "--format", "json")
    assert result.returncode == 0
    assert result.stderr == f"newskb: matched office: NATO Secretary General (nato-secretary-general) in {kb}\n"
    assert [row["holder_id"] for row in json.loads(result.stdout)] == ["mark-rutte"]


def test_exit_codes_found_nothing_and_bad_usage() -> None:
    assert run("search", "Rutte").returncode == 0
    nothing = run("search", "zzqxv")
    assert (nothing.returncode, nothing.stdout, nothing.stderr) == (1, "", "newskb: nothing matches 'zzqxv'\n")
    bad_date = run("who", "NATO Secretary General", "--as-of", "2024-13-45")
    assert (bad_date.returncode, bad_date.stdout) == (2, "")
    assert bad_date.stderr == (
        "newskb: who: invalid value for '--as-of': '2024-13-45' is not a date: month 13 does not exist "
        "(see 'newskb who -h')\n"
    )
    unknown = run("who", "xyzzy")
    assert unknown.returncode == 1
    assert unknown.stderr == "newskb: no office named 'xyzzy' in the fact base\n"
    bad_format = run("search", "Rutte", "--format", "yaml")
    assert bad_format.returncode == 2 and "Traceback" not in bad_format.stderr


def test_head_closing_the_pipe_ends_quietly() -> None:
    result = subprocess.run(
        f"{sys.executable} -m newskb search NATO | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("100\torganization\tnato\tNATO\t")
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""


def test_closed_pipe_on_a_long_output_is_quiet() -> None:
    # A larger output, read by a process that exits at once: the write fails mid-stream.
    result = subprocess.run(
        f'{sys.executable} -m newskb export --format jsonl | true; echo "${{PIPESTATUS[0]}}"',
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stderr == ""
    assert result.stdout.strip() in ("0", "141")


def _on_a_terminal(*args: str, env: dict[str, str]) -> str:
    """Run newskb with stdout on a pseudo-terminal, as a person at a terminal would."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "newskb", *args],
        stdout=follower,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "100", **env},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_gets_a_table_with_colour() -> None:
    screen = _on_a_terminal("who", "NATO Secretary General", "--as-of", "2024-10-01", env={"TERM": "xterm"})
    assert "NATO Secretary General as of 2024-10-01" in screen
    assert "Holder" in screen and "Mark Rutte" in screen
    assert "\x1b[" in screen  # styled


def test_no_color_and_dumb_terminals_get_no_colour() -> None:
    for env in ({"NO_COLOR": "1", "TERM": "xterm"}, {"TERM": "dumb"}):
        screen = _on_a_terminal("who", "NATO Secretary General", "--as-of", "2024-10-01", env=env)
        assert "Mark Rutte" in screen
        assert "\x1b[3" not in screen and "\x1b[9" not in screen, env  # no colour codes


def test_a_c_locale_and_an_ascii_stream_never_crash() -> None:
    result = run("cite", "bator-eastern-flank-ambitions", env={"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0
    assert "one of Rutte\\u2019s primary tasks" in result.stdout
    table = run("show", "Peter Bator", "--format", "table", env={"LC_ALL": "C", "PYTHONIOENCODING": "ascii"})
    assert table.returncode == 0 and "Traceback" not in table.stderr
    assert "Peter Bator" in table.stdout


def test_markup_in_the_data_prints_literally(tiny: TinyBase) -> None:
    tiny.append(
        tiny.entities,
        '[[person]]\nid = "mallory"\nname = "[bold red]Mallory[/] [link=http://evil.example]x[/link]"\n',
    )
    result = run("search", "mallory", "--format", "table", "--data", str(tiny.data), env={"COLUMNS": "100"})
    assert result.returncode == 0
    assert "[bold red]Mallory[/] [link=http://evil.example]x[/link]" in result.stdout
    assert "\x1b" not in result.stdout


def test_every_command_has_two_examples_in_its_help_and_h_is_help() -> None:
    commands = list(COMMANDS)
    assert len(commands) == len(set(commands))
    assert set(commands) >= {
        *("check", "coverage", "search", "who", "offices", "timeline", "chart", "show", "sources", "cite", "export"),
        *("add", "new-source", "draft", "accept", "set", "rm", "rename", "init"),
    }
    for command in commands:
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0, command
        assert runner.invoke(app, [command, "-h"]).stdout == result.stdout, command
        # Examples stand in a block of their own, one per line, never rewrapped into one another.
        examples = result.stdout.split("\n  Examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
        own = [line for line in examples if re.match(rf"^    (\S.* \| )?newskb {re.escape(command)}(\s|$)", line)]
        assert len(own) >= 2, (command, examples)


def test_export_json_for_jq(tmp_path: Path) -> None:
    result = run("export", "--format", "json")
    assert result.returncode == 0
    assert sorted(json.loads(result.stdout)) == ["claims", "entities", "events", "sources", "terms"]
    written = run("export", "--format", "sqlite", "--output", str(tmp_path / "kb.db"))
    assert (written.returncode, written.stdout) == (0, "")
    refused = run("export", "--format", "sqlite")
    assert refused.returncode == 2
    assert refused.stderr == (
        "newskb: error: --format sqlite needs --output FILE (a database is not written to a terminal or pipe)\n"
    )


def test_the_command_line_kind_choices_are_model_kinds() -> None:
    from newskb.cli.options import RecordKind, SearchKind
    from newskb.common.kinds import Kind

    assert {kind.value for kind in RecordKind} == {kind.value for kind in Kind} - {"source"}
    # Expectations state answers, not facts: search does not offer them.
    assert {kind.value for kind in SearchKind} == {kind.value for kind in Kind} - {"source", "expect"}
    refused = runner.invoke(app, ["search", "x", "--kind", "expect"])
    assert refused.exit_code == 2
    assert refused.stderr == (
        "newskb: search: invalid value for '--kind': 'expect' is not one of "
        "'person', 'organization', 'country', 'office', 'term', 'event', 'claim' (see 'newskb search -h')\n"
    )


# --- Trust in every answer, as a script and a person see it ---------------------------------------


def test_who_exit_codes_tell_found_last_known_nobody_and_cannot_tell(tiny: TinyBase) -> None:
    found = run("who", "NATO Secretary General", "--as-of", "2024-10-01")
    assert (found.returncode, found.stderr) == (0, "")
    before = run("who", "NATO Secretary General", "--as-of", "1990-01-01")
    assert (before.returncode, before.stdout) == (3, "")
    assert before.stderr == (
        "newskb: cannot tell: the sources know of no holder of NATO Secretary General before about 2014 "
        "(Jens Stoltenberg's start)\n"
    )
    late = run("who", "NATO Secretary General", "--as-of", "2030-01-01")
    assert late.returncode == 5
    assert late.stdout.startswith("Mark Rutte\t2024-10-01\t..\tlast known (announced)\t2024-09-30\t")
    assert late.stderr == (
        "newskb: last known as of 2024-09-30, 5 years before 2030-01-01: no source since says whether it still holds\n"
    )
    # Nobody only where the sources establish a vacancy: an end, and the term of whoever replaced that holder
    # starting later.
    gap = tiny.source.read_text(encoding="utf-8").replace('start = "1840"\nend = ".."', 'start = "1842"\nend = ".."')
    tiny.source.write_text(gap, encoding="utf-8")
    nobody = run("who", "society chair", "--as-of", "1841-06-01", "--data", str(tiny.data))
    assert (nobody.returncode, nobody.stdout) == (1, "")
    assert nobody.stderr == (
        "newskb: nobody held Chair of the Analytical Society: Charles Babbage's term ended 1840 and Ada "
        "Lovelace, who replaced them, took office 1842\n"
    )
    cannot = run("who", "UK Defence Secretary", "--as-of", "1900-01-01")
    assert cannot.returncode == 3
    assert cannot.stdout == (
        "Ben Wallace\t..2024-09-30\t\tunknown\t\tUK Defense Secretary Ben Wallace\tben-wallace-uk-defence-secretary\n"
    )
    assert cannot.stderr == "newskb: cannot tell: the dates of 1 term are unknown: ben-wallace-uk-defence-secretary\n"
    history = run("who", "UK Defence Secretary", "--history")
    assert history.returncode == 0


# Every key each command's JSON has (README, "JSON output"): added to, never renamed or removed.
TERM_KEYS = [
    *("office", "office_id", "holder", "holder_id", "start", "end", "status", "attested", "source", "quote", "note"),
    *("id", "conflicts", "closed_by", "replaces", "replaced_by", "predecessor", "successor", "modality", "said_by"),
    *("via", "duration", "review"),
]
TIMELINE_KEYS = [
    *("date", "kind", "title", "involves", "source", "quote", "id", "in_range", "modality", "said_by", "via", "review")
]
CLAIM_KEYS = [
    *("id", "text", "about", "source", "quote", "as_of", "modality", "said_by", "speakers", "via", "review", "note")
]
HIT_KEYS = ["kind", "id", "label", "score", "source", "modality", "said_by", "via", "as_of", "when", "quote"]
CITE_KEYS = [
    *("id", "kind", "source", "title", "published", "quote", "sentence", "quote_start", "quote_end", "note"),
    *("modality", "said_by", "via", "as_of"),
]


def test_the_json_keys_of_every_answer() -> None:
    def rows(*args: str) -> Any:
        result = run(*args, "--format", "json")
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    assert [list(row) for row in rows("who", "NATO Secretary General", "--as-of", "2024-10-01")] == [TERM_KEYS]
    assert {tuple(row) for row in rows("offices", "--as-of", "2024-10-01")} == {tuple(TERM_KEYS)}
    assert {tuple(row) for row in rows("timeline", "--from", "2024-10")} == {tuple(TIMELINE_KEYS)}
    assert {tuple(row) for row in rows("search", "Rutte", "--all")} == {tuple(HIT_KEYS)}
    assert list(rows("cite", "nato-has-32-members")[0]) == CITE_KEYS
    profile = rows("show", "Mark Rutte")
    assert list(profile) == [
        *("id", "kind", "name", "aliases", "summary", "source", "quote", "org", "terms", "events", "claims"),
        *("org_name", "wikidata", "as_of", "note", "review", "seats"),
    ]
    assert profile["wikidata"] == "Q57792"
    assert {tuple(term) for term in profile["terms"]} == {tuple(TERM_KEYS)}
    assert {tuple(event) for event in profile["events"]} == {tuple(TIMELINE_KEYS)}
    assert {tuple(claim) for claim in profile["claims"]} == {tuple(CLAIM_KEYS)}


def test_the_answers_a_careful_reader_asked_for() -> None:
    handover = json.loads(run("who", "NATO Secretary General", "--as-of", "2024-10-01", "-f", "json").stdout)[0]
    assert (handover["holder_id"], handover["status"], handover["modality"], handover["via"]) == (
        "mark-rutte",
        "holds",
        "announced",
        ["reuters"],
    )
    goal = json.loads(run("search", "Rutte main goal", "-f", "json").stdout)[0]
    assert (goal["id"], goal["said_by"]) == ("lungescu-rutte-main-goal", ["oana-lungescu"])
    members = json.loads(run("search", "how many members does NATO have", "-f", "json").stdout)[0]
    assert (members["id"], members["as_of"]) == ("nato-has-32-members", "2024-09-30")
    after = json.loads(run("who", "NATO Secretary General", "--history", "-f", "json").stdout)[0]
    assert (after["holder_id"], after["replaced_by"], after["successor"]) == (
        "jens-stoltenberg",
        "mark-rutte",
        "Mark Rutte",
    )
    week = json.loads(run("timeline", "--from", "2024-09-15", "--to", "2024-09-30", "-f", "json").stdout)
    assert len(week) == 8 and {item["in_range"] for item in week} == {"possibly"}
    assert run("timeline", "--from", "2024-09-15", "--to", "2024-09-30", "--certain").returncode == 1
    # Only bounded on the range's side: listed apart as unknown, and nothing counts as found.
    before = run("timeline", "--from", "1950", "--to", "1959", "-f", "json")
    assert before.returncode == 1 and {item["in_range"] for item in json.loads(before.stdout)} == {"unknown"}
    assert before.stderr == "newskb: nothing is known to fall in the range (8 items dated only by a bound may)\n"


def test_a_terminal_shows_the_marks_that_change_the_reading() -> None:
    env = {"NO_COLOR": "1", "TERM": "xterm", "COLUMNS": "160"}
    who = _on_a_terminal("who", "NATO Secretary General", "--as-of", "2024-10-01", env=env)
    assert "holds (announced)" in who and "[via reuters]" in who
    history = _on_a_terminal("who", "NATO Secretary General", "--history", "--as-of", "2024-10-01", env=env)
    assert "NATO Secretary General: every known term (status as of 2024-10-01)" in history
    assert "Predecessor" in history and "Successor" in history
    profile = _on_a_terminal("show", "Peter Bator", env=env)
    assert "Peter Bator: One of Rutte's primary tasks" in profile
    assert "(as of 2024-09-30)" in profile
    offices = _on_a_terminal("offices", "--org", "NATO", "--as-of", "2024-10-01", env=env)
    assert "Offices of NATO as of 2024-10-01 (held: the last known holder, out of office that day)" in offices
    week = _on_a_terminal("timeline", "--from", "2024-09-15", "--to", "2024-09-30", env=env)
    assert "In range" in week and "possibly" in week
    apart = _on_a_terminal("timeline", "--from", "1950", "--to", "1959", env=env)
    assert "Dated only by a bound beyond the range: may fall in it, or far from it" in apart


# --- The pager --------------------------------------------------------------------------------------


def test_output_taller_than_the_screen_goes_to_the_pager(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open('{paged}', 'w').write(sys.stdin.read())\""
    env = {"TERM": "xterm", "NO_COLOR": "1", "LINES": "10", "COLUMNS": "100", "NEWSKB_PAGER": pager}
    screen = _on_a_terminal("show", "Mark Rutte", env=env)
    assert "Name: Mark Rutte" in paged.read_text(encoding="utf-8")
    assert "Mark Rutte" not in screen  # all of it went through the pager
    short = _on_a_terminal("who", "NATO Secretary General", "--as-of", "2024-10-01", env=env)
    assert "Mark Rutte" in short  # fits the screen: printed as it is
    paged.unlink()
    direct = _on_a_terminal("--no-pager", "show", "Mark Rutte", env=env)
    assert "Name: Mark Rutte" in direct and not paged.exists()
    off = _on_a_terminal("show", "Mark Rutte", env={**env, "NEWSKB_PAGER": ""})
    assert "Name: Mark Rutte" in off and not paged.exists()
    after = _on_a_terminal("show", "Mark Rutte", "--no-pager", env=env)  # accepted after the command too
    assert "Name: Mark Rutte" in after and not paged.exists()


def test_the_top_level_help_is_paged_when_taller_than_the_screen(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open('{paged}', 'w').write(sys.stdin.read())\""
    env = {"TERM": "xterm", "NO_COLOR": "1", "LINES": "24", "COLUMNS": "80", "NEWSKB_PAGER": pager}
    screen = _on_a_terminal("-h", env=env)
    assert paged.read_text(encoding="utf-8").startswith("Usage: newskb [OPTIONS] COMMAND [ARGS]...")
    assert "Usage" not in screen
    paged.unlink()
    assert "Usage: newskb" in _on_a_terminal("--no-pager", env=env) and not paged.exists()


def test_a_pipe_is_never_paged(tmp_path: Path) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open('{paged}', 'w').write(sys.stdin.read())\""
    result = run("show", "Mark Rutte", env={"NEWSKB_PAGER": pager, "LINES": "5"})
    assert result.stdout.startswith("name\t") and not paged.exists()


# --- Tables that read at any width -----------------------------------------------------------------

QUOTES = [
    "replacing Jens Stoltenberg, who led the alliance for the past ten years",
    "On Tuesday, October 1, Mark Rutte will officially take office as NATO Secretary General, replacing Jens "
    "Stoltenberg",
]


@pytest.mark.parametrize("width", ["60", "80", "200"])
def test_a_table_reads_at_60_80_and_200_columns(width: str) -> None:
    import re

    env = {"NO_COLOR": "1", "TERM": "xterm", "COLUMNS": width, "NEWSKB_PAGER": ""}
    screen = _on_a_terminal("who", "NATO Secretary General", "--history", "--as-of", "2024-10-01", env=env)
    plain_screen = re.sub(r"\x1b\[[0-9;]*m", "", screen.replace("\r", ""))  # bold stays without colour
    lines = [line.rstrip() for line in plain_screen.splitlines()]
    ids = ("jens-stoltenberg-nato-secretary-general", "mark-rutte-nato-secretary-general")
    assert all(len(line) <= int(width) or line.strip() in ids for line in lines)
    header = next((line for line in lines if line.startswith("Holder ") and "Quote" in line), None)
    if header is not None and " Id" in header:  # side by side: read the Quote column down its own width
        start, stop = header.index("Quote"), header.index(" Id")
        lines_of_text = [line[start:stop] for line in lines]
    else:
        lines_of_text = lines
    words = " ".join(" ".join(lines_of_text).split())
    # Every id whole, on one line; no name split inside a word; every quote whole once the lines are joined.
    for term_id in ("jens-stoltenberg-nato-secretary-general", "mark-rutte-nato-secretary-general"):
        assert any(term_id in line for line in lines), term_id
    assert not any(re.search(r"\b(Stoltenbe|Stolten|Rutt|Jen)$", line) for line in lines)
    for quote in QUOTES:
        assert " ".join(quote.split()) in words
    for day in ("2014~", "2024-10-01"):
        assert any(re.search(rf"(^|\s){re.escape(day)}(\s|$)", line) for line in lines)


def test_the_three_layouts_by_width() -> None:
    from newskb.render import tables, views

    records = views.for_reading(
        [
            {
                "holder": "Jens Stoltenberg",
                "start": "2014~",
                "end": "2024-10-01",
                "status": "held",
                "attested": None,
                "quote": QUOTES[0],
                "id": "jens-stoltenberg-nato-secretary-general",
            }
        ],
        views.WHO,
    )
    assert [tables.choose_layout(records, views.WHO, width) for width in (200, 80, 40)] == [
        "table",
        "stacked",
        "blocks",
    ]


def test_the_command_line_loads_no_drawing_matching_or_parsing_library() -> None:
    """Starting newskb pays for Typer alone: Rich is loaded when something is drawn, rapidfuzz when a fuzzy
    match runs, tomllib when a data file is read (benchmarks, target 1a)."""
    heavy = ("rich", "rapidfuzz", "tomllib", "tomli_w", "sqlite3")
    script = f"import sys, newskb.cli; print(sorted({{m.split('.')[0] for m in sys.modules}} & set({heavy!r})))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout == "[]\n"
    # A query in a pipe draws nothing and parses no TOML (the index is warm): neither Rich nor tomllib. Nor
    # does it load what only a writer (tempfile), a journal left by one (journal.py), or a name with accents
    # (unicodedata) needs, or a timeline's or a profile's rows.
    run("sources")
    unused = {"rich", "tomllib", "tempfile", "unicodedata", "newskb.base.journal"}
    unused |= {"newskb.answers.timelinerows", "newskb.answers.profilerows"}
    query = (
        "import sys, runpy; sys.argv = ['newskb', 'who', 'NATO Secretary General', '--format', 'json']\n"
        "try:\n    runpy.run_module('newskb', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        f"print(sorted(({{m.split('.')[0] for m in sys.modules}} | set(sys.modules)) & {unused!r}), file=sys.stderr)"
    )
    answered = subprocess.run([sys.executable, "-c", query], capture_output=True, text=True, check=False)
    assert answered.stderr.splitlines()[-1] == "[]"


# --- --fields: the keys a script asks for ------------------------------------------------------------


def test_fields_picks_keys_in_order_in_every_script_format() -> None:
    who = ["who", "NATO chief", "--as-of", "2024-10-01", "--fields", "start,holder"]
    assert run(*who, "-f", "tsv").stdout == "start\tholder\n2024-10-01\tMark Rutte\n"
    assert run(*who, "-f", "csv").stdout == "start,holder\n2024-10-01,Mark Rutte\n"
    assert json.loads(run(*who, "-f", "json").stdout) == [{"start": "2024-10-01", "holder": "Mark Rutte"}]
    assert run(*who, "-f", "jsonl").stdout == '{"start": "2024-10-01", "holder": "Mark Rutte"}\n'
    assert run(*who).stdout == "2024-10-01\tMark Rutte\n"  # plain, in a pipe
    # The option stands anywhere after the command, on every command that prints rows.
    assert run("sources", "--fields", "id").stdout == "rbc-ukraine-2024-09-30-rutte\n"
    assert run("cite", "--fields", "id,published", "nato-has-32-members").stdout == "nato-has-32-members\t2024-09-30\n"
    profile = json.loads(run("show", "Peter Bator", "-f", "json", "--fields", "id,name").stdout)
    assert profile == {"id": "peter-bator", "name": "Peter Bator"}
    batch = subprocess.run(
        [sys.executable, "-m", "newskb", "who", "-", "--as-of", "2024-10-01", "--fields", "query,holder", "-f", "tsv"],
        input="NATO chief\n",
        capture_output=True,
        text=True,
        check=True,
    )
    assert batch.stdout == "query\tholder\nNATO chief\tMark Rutte\n"


def test_an_unknown_field_is_one_line_listing_the_valid_ones() -> None:
    refused = run("sources", "--fields", "id,titel", "-f", "csv")
    assert (refused.returncode, refused.stdout) == (2, "")
    assert refused.stderr == (
        "newskb: error: --fields: unknown field 'titel'; the fields are: id, title, publisher, published, cites, "
        "terms, events, claims, text, inferred, note\n"
    )
    table = run("sources", "--fields", "id", "-f", "table")
    assert (table.returncode, table.stderr) == (
        2,
        "newskb: error: --fields picks the keys of plain, tsv, csv, json or jsonl output: add --format\n",
    )
    empty = run("who", "x", "--fields", "holder,,start")
    assert empty.returncode == 2
    assert empty.stderr == (
        "newskb: error: --fields 'holder,,start': name keys separated by commas, as in --fields holder,start\n"
    )


def test_data_may_name_the_base_before_the_command_as_after_it(kb: Path) -> None:
    after = runner.invoke(app, ["who", "NATO Secretary General", "--as-of", "2024-09-30", "--data", str(kb)])
    for before in (["--data", str(kb)], [f"--data={kb}"]):
        result = runner.invoke(app, [*before, "who", "NATO Secretary General", "--as-of", "2024-09-30"])
        assert (result.exit_code, result.stdout) == (0, after.stdout)
    # Not before something that is no command: the root takes no --data, and says so in one line.
    refused = runner.invoke(app, ["--data", str(kb)])
    assert (refused.exit_code, refused.stderr) == (2, "newskb: no such option: --data (see 'newskb -h')\n")


@pytest.mark.parametrize(
    ("empty", "full"),
    [
        (["who", "NATO chief", "--as-of", "2010-01-01"], ["who", "NATO chief"]),
        (
            ["who", "NATO chief", "--history", "--as-of", "2010-01-01", "--known-as-of", "2010-01-01"],
            ["who", "NATO chief", "--history"],
        ),
        (["offices", "--org", "Ukraine"], ["offices", "--org", "NATO"]),
        (["search", "zzzzqqq"], ["search", "Rutte"]),
        (
            ["timeline", "--from", "1900", "--to", "1901", "--certain"],
            ["timeline", "--from", "2024-09", "--to", "2024-10"],
        ),
    ],
)
@pytest.mark.parametrize("output_format", ["csv", "tsv"])
def test_a_header_has_one_shape_whether_rows_follow_or_not(
    empty: list[str], full: list[str], output_format: str
) -> None:
    # A script that joins outputs, or reads a column by its place, meets the same header either way.
    nothing, something = (run(*arguments, "--format", output_format) for arguments in (empty, full))
    assert nothing.stdout.count("\n") == 1 and something.stdout.count("\n") > 1, (nothing.stdout, something.stdout)
    assert nothing.stdout.splitlines()[0] == something.stdout.splitlines()[0]


def test_a_huge_name_is_not_said_back_whole() -> None:
    typed = "a" * 100_000
    result = run("who", typed)
    assert result.returncode == 1
    assert result.stderr == f"newskb: no office named '{typed[:983]}... (99035 more characters)\n"


def test_a_history_says_as_of_which_day_a_term_is_last_known() -> None:
    # A history has no Attested column: a last known term says in its status how old the evidence is.
    result = run("who", "NATO chief", "--history", "--as-of", "2030-01-01", "--format", "plain")
    assert [line.split("\t")[4] for line in result.stdout.splitlines()] == [
        "held (announced)",
        "last known as of 2024-09-30 (announced)",
    ]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["who", ""], "newskb: error: give the name of the office to look up, not ''\n"),
        (
            ["show", "  "],
            "newskb: error: give the name of the person, organization, country or office to look up, not '  '\n",
        ),
        (["search", ""], "newskb: error: search needs a word to look for, not ''\n"),
    ],
)
def test_an_empty_name_is_bad_usage_as_an_empty_search_is(arguments: list[str], message: str) -> None:
    result = run(*arguments)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", message)
