"""The one way out for text: refused in data, made visible on output, on every stream of every command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newskb.cli import COMMANDS
from newskb.common.printable import FORBIDDEN, forbidden_in, invisible_in, printable

OSC = "\x1b]0;pwned\x07"  # would retitle the terminal
CSI = "\x1b[31m"  # would paint it red
# The same, as TOML writes them (a raw control character is a TOML syntax error).
TOML_OSC = "\\u001b]0;pwned\\u0007"
TOML_CSI = "\\u001b[31m"


def test_printable_shows_escapes_and_bidi_as_code_points() -> None:
    assert printable(f"a{CSI}red{OSC}") == "a\\x1b[31mred\\x1b]0;pwned\\x07"
    assert printable("\u202eevil\u2066") == "\\u202eevil\\u2066"
    assert printable("8-bit csi \x9b and del \x7f") == "8-bit csi \\x9b and del \\x7f"


def test_tabs_and_line_breaks_are_kept_in_text_but_not_on_one_line() -> None:
    assert printable("a\tb\nc\rd") == "a\tb\nc\\x0dd"
    assert printable("a\tb\nc\rd", one_line=True) == "a\\tb\\nc\\rd"


def test_plain_text_is_returned_unchanged() -> None:
    text = "Rutte\u2019s NATO \u2014 \u00fcn\u00efc\u00f6d\u00e9, 2014~"
    assert printable(text) is text


def test_what_is_refused_in_data_is_what_is_escaped_on_output() -> None:
    for code in range(0x3000):
        char = chr(code)
        # A one-line text refuses controls and invisible characters alike; output escapes both.
        refused = bool(forbidden_in(char, multiline=False) or invisible_in(char))
        escaped = printable(char, one_line=True) != char
        assert refused == escaped, hex(code)
    assert forbidden_in("line\nbreak", multiline=True) == []
    assert forbidden_in("line\nbreak", multiline=False) == ["U+000A"]
    assert forbidden_in(f"x{OSC}", multiline=False) == ["U+001B", "U+0007"]
    assert FORBIDDEN.pattern.startswith("[")
    assert invisible_in("Mark Ru\u200btte\u00ad") == ["U+200B", "U+00AD"]
    assert printable("Mark Ru\u200btte") == "Mark Ru\\u200btte"


# --- Every command, both streams ------------------------------------------------------------------

# The article is evidence, never refused: a bidi override and a C1 control (NEL) in it must still never be printed.
BIDI_AND_C1 = "\u202e\x9b"
ARTICLE = f"Mallory{OSC} chaired the Evil{CSI} Club from 2020.\nThe club{BIDI_AND_C1} met on Mondays.\n"
ENTITIES = f"""\
[[person]]
id = "mallory"
name = "Mallory{TOML_OSC}"
aliases = ["Mal{TOML_CSI}"]

[[organization]]
id = "evil-club"
name = "Evil{TOML_CSI} Club"

[[office]]
id = "evil-chair"
name = "Chair{TOML_OSC} of the Evil Club"
org = "evil-club"
"""
SOURCE = f"""\
[source]
id = "evil-1"
title = "The {TOML_OSC}club"
publisher = "evil-club"
published = "2021-01-01"
text = "../../seeds/evil.txt"

[[term]]
id = "mallory-chair"
office = "evil-chair"
holder = "mallory"
start = "2020"
end = ".."
quote = "Mallory{TOML_OSC} chaired the Evil{TOML_CSI} Club from 2020."

[[event]]
id = "club-meets"
date = "2020"
title = "The club{TOML_OSC} meets"
involves = ["evil-club"]
quote = "Mallory{TOML_OSC} chaired"

[[claim]]
id = "club-mondays"
about = ["evil-club"]
text = "It meets on Mondays{TOML_CSI}."
quote = "met on Mondays."
"""

# Every registered command, with arguments that make it print names, titles, quotes and messages.
CASES = {
    "check": [["check"]],
    # A command name is text from the line: the one-line usage error escapes it.
    "help": [["help", f"x{OSC}"], ["help", "who"]],
    "search": [["search", "mallory"], ["search", "mallory", "--format", "table"]],
    "who": [
        ["who", "chair 0 pwned of the evil clb", "--as-of", "2021-01-01"],
        ["who", "evil chair", "--history", "-f", "table"],
    ],
    "offices": [["offices"], ["offices", "--format", "table"]],
    "timeline": [["timeline"], ["timeline", "--format", "table"]],
    "chart": [["chart", "evil chair"], ["chart", "--org", "evil-club", "-f", "table"], ["chart", "--entity", "malory"]],
    "show": [["show", "malory"], ["show", "mallory"], ["show", "mallory", "--format", "table"]],
    "sources": [["sources"], ["sources", "--format", "csv"]],
    "cite": [["cite", "mallory-chair"], ["cite", "mallory-chair", "--format", "table"], ["cite", f"x{OSC}"]],
    "coverage": [["coverage"], ["coverage", "evil-1", "--format", "tsv"]],
    "verify": [
        ["verify", "Mallory chaired the Evil Club from 2020."],
        ["verify", f"Mallory{OSC} is the Chair of the Evil Club.", "--format", "table"],
        ["verify", "It meets on Mondays.", "--format", "claimreview", "--url", f"https://x.example/{OSC}"],
        ["verify", "Mallory became the Chair of the Evil Club in 2020.", "--format", "json"],
    ],
    "export": [
        ["export"],
        ["export", "--format", "jsonl"],
        ["export", "--format", "popolo"],
        ["export", "--format", "timelinejs"],
        ["export", "--format", "jsonld"],
    ],
    "add": [["add", "person", "--id", f"x{OSC}", "--name", "X"], ["add", "claim", "--source", f"evil{OSC}"]],
    "set": [["set", f"x{OSC}", "name=y"], ["set", "mallory", f"nmae{OSC}=y"]],
    "rm": [["rm", f"x{OSC}"], ["rm", "mallory", "--dry-run"]],
    "rename": [["rename", "mallory", f"x{OSC}"]],
    "accept": [["accept", f"draft{OSC}.toml"]],
    "init": [["init", f"kb{OSC}"]],
    "new-source": [
        ["new-source", "nowhere.txt", "--id", f"x{OSC}", "--title", "t", "--publisher", "p", "--published", "2021"]
    ],
    "draft": [["draft", "evil-1"], ["draft", f"evil{OSC}"], ["draft", "evil-1", "--output", f"out{OSC}.toml"]],
}


@pytest.fixture
def evil_data(tmp_path: Path) -> Path:
    root = tmp_path / "evil"
    (root / "data" / "sources").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "seeds" / "evil.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "data" / "entities.toml").write_text(ENTITIES, encoding="utf-8")
    (root / "data" / "sources" / "evil-1.toml").write_text(SOURCE, encoding="utf-8")
    # An unknown key spelled with an escape: check's message names the key.
    (root / "data" / "more.toml").write_text(f'[[person]]\nid = "eve"\nname = "Eve"\n"hint{TOML_OSC}" = 1\n')
    return root / "data"


def test_every_command_is_a_case() -> None:
    assert set(COMMANDS) == set(CASES)


@pytest.mark.parametrize("arguments", [case for cases in CASES.values() for case in cases], ids=repr)
def test_no_raw_escape_reaches_either_stream(arguments: list[str], evil_data: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newskb",
            *arguments,
            *([] if arguments[0] in ("new-source", "help") else ["--data", str(evil_data)]),
        ],
        capture_output=True,
        env={**os.environ, "COLUMNS": "200", "NEWSKB_DATA": str(evil_data)},
        timeout=60,
    )
    assert result.stdout or result.stderr
    assert b"\x1b" not in result.stdout + result.stderr
    assert b"\x07" not in result.stdout + result.stderr
    assert b"Traceback" not in result.stderr
    # verify's verdicts add 3 (cannot tell) and 4 (contradicted).
    assert result.returncode in ((0, 1, 2, 3, 4) if arguments[0] == "verify" else (0, 1, 2))


# Every command that prints answers, with arguments that make it print the article's words, for JSON and JSON Lines.
JSON_CASES = [
    ["search", "mallory"],
    ["who", "evil-chair", "--as-of", "2021-01-01"],
    ["offices"],
    ["timeline"],
    ["chart", "evil-chair"],
    ["show", "mallory"],
    ["sources"],
    ["cite", "club-mondays"],
    ["coverage"],
    ["export"],
]


@pytest.mark.parametrize("output_format", ["json", "jsonl"])
@pytest.mark.parametrize("arguments", JSON_CASES, ids=repr)
def test_json_and_json_lines_escape_what_a_terminal_would_act_on(
    arguments: list[str], output_format: str, evil_data: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newskb", *arguments, "--format", output_format, "--data", str(evil_data)],
        capture_output=True,
        env={**os.environ, "COLUMNS": "200"},
        timeout=60,
    )
    assert result.returncode in (0, 1), result.stderr
    printed = (result.stdout + result.stderr).decode("utf-8")
    assert FORBIDDEN.search(printed.replace("\n", "")) is None, printed
    if arguments[0] in ("cite", "coverage"):
        # The same value, escaped: JSON reads the bidi override and the control back as they are in the article.
        assert "\\u202e\\u009b" in printed


def test_messages_and_problem_lines_show_the_escapes(evil_data: Path) -> None:
    env = {**os.environ, "NEWSKB_DATA": str(evil_data)}
    who = subprocess.run(
        [sys.executable, "-m", "newskb", "who", "chair 0 pwned of the evil clb", "--as-of", "2021-01-01"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert who.stderr.splitlines()[1] == (
        f"newskb: matched office: Chair\\x1b]0;pwned\\x07 of the Evil Club (evil-chair) in {evil_data}"
    )
    assert who.stdout.startswith("Mallory\\x1b]0;pwned\\x07\t2020\t..\tholds\t")
    check = subprocess.run(
        [sys.executable, "-m", "newskb", "check"], capture_output=True, text=True, env=env, timeout=60, cwd=evil_data
    )
    assert "more.toml:4: person.hint\\x1b]0;pwned\\x07: unknown key 'hint\\x1b]0;pwned\\x07'" in check.stdout


def test_a_chart_file_shows_the_escapes_too(evil_data: Path, tmp_path: Path) -> None:
    for name in ("chart.svg", "chart.html"):
        result = subprocess.run(
            [sys.executable, "-m", "newskb", "chart", "--org", "evil-club", "-o", str(tmp_path / name)],
            capture_output=True,
            env={**os.environ, "NEWSKB_DATA": str(evil_data)},
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        written = (tmp_path / name).read_text(encoding="utf-8")
        assert "\x1b" not in written and "\x07" not in written
        assert "\\x1b]0;pwned\\x07" in written


@pytest.mark.parametrize("output_format", ["json", "jsonl"])
def test_a_batch_writes_json_through_the_same_escape(output_format: str, evil_data: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newskb", "cite", "-", "--format", output_format, "--data", str(evil_data)],
        capture_output=True,
        input=b"club-mondays\nclub-mondays\n",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    printed = result.stdout.decode("utf-8")
    assert FORBIDDEN.search(printed.replace("\n", "")) is None, printed
    assert printed.count("\\u202e\\u009b") == 2
