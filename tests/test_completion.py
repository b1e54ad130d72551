"""TAB completion of names and ids, as bash, zsh and fish ask for it: through the environment variables
Typer reads, in a real process."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newskb.cli.completion import _bash_escape
from tests.conftest import TinyBase, edit_in_place


def complete(shell: str, line: str, *, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Ask newskb what TAB completes at the end of `line`, as `shell`'s completion script asks."""
    request = {"_NEWSKB_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        # COMP_CWORD counts words as the shell split them: an escaped space joins two.
        words = re.split(r"(?<!\\) ", line)
        request |= {"COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
    else:
        request |= {"_TYPER_COMPLETE_ARGS": line}
        if shell == "fish":
            request["_TYPER_COMPLETE_FISH_ACTION"] = "get-args"
    return subprocess.run(
        [sys.executable, "-m", "newskb"],
        capture_output=True,
        text=True,
        env={**os.environ, **request, **(env or {})},
        timeout=60,
        check=False,
    )


def candidates(shell: str, line: str) -> list[str]:
    result = complete(shell, line)
    assert (result.returncode, result.stderr) == (0, "")
    return [candidate for candidate in result.stdout.splitlines() if candidate]


def index(data: Path) -> None:
    """Completion reads the index a command left: build it as a query does, in a process of its own (the
    index carries the version of the code that wrote it, and completion runs as that same code)."""
    built = subprocess.run(
        [sys.executable, "-m", "newskb", "sources", "--data", str(data)], capture_output=True, text=True, check=False
    )
    assert built.returncode == 0, built.stderr


@pytest.fixture(autouse=True)
def indexed(kb: Path) -> None:
    index(kb)


def test_bash_completes_an_office_from_any_word_of_its_names_escaping_spaces() -> None:
    assert candidates("bash", "newskb who sec") == [
        "British\\ Defence\\ Secretary",
        "NATO\\ Secretary\\ General",
        "NATO\\ Secretary-General",
        "Secretary\\ General\\ of\\ NATO",
        "Secretary\\ of\\ State\\ for\\ Defence",
        "UK\\ Defence\\ Secretary",
        "UK\\ Defense\\ Secretary",
    ]
    # Two words typed match a run of words; a person is not an office.
    assert candidates("bash", "newskb who nato\\ sec") == ["NATO\\ Secretary\\ General", "NATO\\ Secretary-General"]
    assert candidates("bash", "newskb who rutte") == []


def test_case_and_accents_do_not_count() -> None:
    assert candidates("bash", "newskb show STOL") == ["Jens\\ Stoltenberg", "Stoltenberg"]
    assert candidates("bash", "newskb show Lungé") == ["Lungescu", "Oana\\ Lungescu"]


def test_zsh_gets_names_described_by_their_ids() -> None:
    # A line of data each, NAME<TAB>ID: the script hands the names to compadd, which quotes what it inserts.
    assert candidates("zsh", "newskb show lung") == ["Lungescu\toana-lungescu", "Oana Lungescu\toana-lungescu"]


def test_fish_gets_ids_described_by_what_they_name() -> None:
    assert candidates("fish", "newskb cite nato-has") == ["nato-has-32-members\tNATO comprises 32 member countries."]
    # A description too long for one line is cut, never wrapped onto a line fish would take for a candidate.
    assert candidates("fish", "newskb cite rutte-challenges") == [
        "rutte-challenges\tRutte will face a range of serious challenges, including the ongoing…"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # An organization's aliases are offered too, as written; a word of any of them matches.
        ("newskb offices --org ukr", ["RBC\\ Ukraine", "RBC-Ukraine", "RBK-Ukraina", "Ukraine", "Ukrainian"]),
        ("newskb timeline --entity bator", ["Bator", "Peter\\ Bator"]),
        ("newskb chart --entity wallace", ["Ben\\ Wallace", "Wallace"]),
        ("newskb chart lungescu", []),
        ("newskb chart spokes", ["NATO\\ spokesman", "NATO\\ spokesperson", "NATO\\ spokeswoman"]),
        ("newskb export --format timelinejs --entity oana", ["Oana\\ Lungescu"]),
        ("newskb coverage ", ["rbc-ukraine-2024-09-30-rutte"]),
        ("newskb draft rbc", ["rbc-ukraine-2024-09-30-rutte"]),
        ("newskb cite stoltenberg-w", ["stoltenberg-wished-to-step-down"]),
        ("newskb rm us-did", ["us-did-not-back-wallace"]),
        (
            "newskb add term --office nato",
            ["nato-secretary-general", "nato-spokesperson", "slovakia-ambassador-to-nato"],
        ),
        ("newskb add term --holder ben", ["ben-wallace"]),
        ("newskb add term --source rbc", ["rbc-ukraine-2024-09-30-rutte"]),
        # An id matches at its start or at any of its hyphenated words.
        ("newskb add claim --about ukr", ["rbc-ukraine", "ukraine"]),
        ("newskb add event --involves reu", ["reuters"]),
        ("newskb add claim --said-by lung", ["oana-lungescu"]),
    ],
)
def test_every_name_and_id_argument_completes(line: str, expected: list[str]) -> None:
    assert candidates("bash", line) == expected


def test_data_given_on_the_line_is_the_folder_completed_from(tiny: TinyBase) -> None:
    index(tiny.data)
    assert candidates("bash", f"newskb show --data {tiny.data} lov") == [
        "Ada\\ Lovelace",
        "Countess\\ of\\ Lovelace",
        "Lovelace",
    ]


def test_completion_answers_before_any_query_and_offers_what_was_added_since(tiny: TinyBase, tmp_path: Path) -> None:
    # A fresh cache folder (no command has run yet): TAB builds the index as a query would.
    fresh = {"XDG_CACHE_HOME": str(tmp_path / "fresh-cache"), "NEWSKB_DATA": str(tiny.data)}
    result = complete("bash", "newskb show lov", env=fresh)
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "Ada\\ Lovelace\nCountess\\ of\\ Lovelace\nLovelace\n",
        "",
    )
    assert (tmp_path / "fresh-cache").is_dir()
    # A record added since: offered at once, not after the next query.
    tiny.append(tiny.entities, '[[person]]\nid = "lovell"\nname = "Jim Lovell"\n')
    assert complete("bash", "newskb show jim", env=fresh).stdout.splitlines() == ["Jim\\ Lovell"]
    # A base that cannot be read offers nothing, and says nothing.
    broken = complete("bash", "newskb show lov", env={**fresh, "NEWSKB_DATA": str(tmp_path / "nowhere")})
    assert (broken.returncode, broken.stdout.strip(), broken.stderr) == (0, "", "")


def test_completion_sees_a_name_edited_in_place_keeping_the_size_and_modification_time(
    tiny: TinyBase, tmp_path: Path
) -> None:
    # TAB answers from the base as it is on disk: an edit in place that changes no size, no modification time
    # and no folder (as `touch -r` or `rsync -t` leave one) is seen by the next TAB, as by the next query.
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "NEWSKB_DATA": str(tiny.data)}
    assert complete("bash", "newskb show lov", env=env).stdout.splitlines()[0] == "Ada\\ Lovelace"
    edit_in_place(tiny.entities, 'name = "Ada Lovelace"', 'name = "Ada Lovelacy"')
    assert complete("bash", "newskb show lov", env=env).stdout.splitlines()[0] == "Ada\\ Lovelacy"


HOSTILE_NAME = "Zog \"O'Neil $(id) `x` \\ !"


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        # Inside "...": \\ " $ ` escaped by a backslash, ! closed out into single quotes (history expansion).
        ('"', "Zog \\\"O'Neil \\$(id) \\`x\\` \\\\ \"'!'\""),
        # Inside '...': only the quote itself, closed, escaped and reopened.
        ("'", "Zog \"O'\\''Neil $(id) `x` \\ !"),
    ],
)
def test_bash_gets_a_name_escaped_for_the_quote_the_word_opened_with(tiny: TinyBase, quote: str, expected: str) -> None:
    tiny.append(tiny.entities, f'[[person]]\nid = "zog"\nname = {json.dumps(HOSTILE_NAME)}\n')
    request = {"_NEWSKB_QUOTE": quote, "NEWSKB_DATA": str(tiny.data)}
    result = complete("bash", f"newskb show {quote}zog", env=request)
    assert (result.returncode, result.stdout, result.stderr) == (0, expected + "\n", "")


QUOTED = {"_NEWSKB_QUOTE": '"', "COMP_CWORD": "2"}  # the word a quote opened is one word


def test_bash_keeps_what_was_typed_where_candidates_differ_from_it_in_case() -> None:
    # "nato s": the candidates' common start, letter for letter, is "NATO " (shorter than the word): bash would
    # put that in place of the word and lose the s, so the candidates start with the word as typed.
    offered = complete("bash", 'newskb who "nato s', env=QUOTED).stdout.splitlines()
    assert offered == [
        "nato secretary General",
        "nato secretary-General",
        "nato spokesman",
        "nato spokesperson",
        "nato spokeswoman",
    ]
    # One alone is inserted whole, as the base spells it.
    assert complete("bash", 'newskb who "nato spokesp', env=QUOTED).stdout == "NATO spokesperson\n"


@pytest.mark.parametrize(
    "typed", ["NATO Secretary General", "nato secretary general", "NATO Secretary G", "nato secretary-"]
)
def test_bash_takes_names_that_differ_only_by_a_hyphen_as_one(typed: str) -> None:
    # The name and its alias "NATO Secretary-General" have "NATO Secretary" in common, letter for letter:
    # bash put that in place of the word typed, losing what came after. Both fold to what was typed, so they
    # are one candidate, inserted whole as the base spells the name.
    assert complete("bash", f'newskb who "{typed}', env=QUOTED).stdout == "NATO Secretary General\n"


def test_commands_and_options_still_complete() -> None:
    assert candidates("bash", "newskb wh") == ["who"]
    assert "--known-as-of" in candidates("bash", "newskb who --kn")


def test_a_name_with_shell_characters_is_escaped_for_bash(tiny: TinyBase) -> None:
    tiny.append(tiny.entities, '[[person]]\nid = "o-brien"\nname = "O\'Brien $(touch x) & `id`"\n')
    index(tiny.data)
    assert candidates("bash", f"newskb show --data {tiny.data} o\\'b") == [
        "O\\'Brien\\ \\$\\(touch\\ x\\)\\ \\&\\ \\`id\\`"
    ]
    assert _bash_escape("a;b|c>d") == "a\\;b\\|c\\>d"


@pytest.mark.parametrize(
    ("shell", "expected"),
    [
        ("bash", "complete -o default -F _newskb_completion newskb"),
        ("zsh", "compdef _newskb_completion newskb"),
        ("fish", "complete --command newskb --no-files"),
    ],
)
def test_show_completion_prints_the_script_of_the_shell_it_is_given(shell: str, expected: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newskb", "--show-completion", shell],
        capture_output=True,
        text=True,
        env={**os.environ, "SHELL": "/bin/sh"},
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert expected in result.stdout
    assert f"_NEWSKB_COMPLETE=complete_{shell}" in result.stdout


def test_show_completion_refuses_a_shell_it_does_not_know() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newskb", "--show-completion", "tcsh"], capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "newskb: invalid value for '--show-completion': 'tcsh' is not one of 'bash', 'zsh', 'fish' (see 'newskb -h')\n"
    )


def test_a_real_bash_gets_each_candidate_whole_and_escaped(tmp_path: Path) -> None:
    """The script --show-completion prints, sourced by bash: COMPREPLY holds one escaped name per entry."""
    bash = shutil.which("bash")
    assert bash is not None, "bash is needed to test its completion script"
    # The script runs `newskb` from PATH: this test's interpreter, whatever is installed.
    (tmp_path / "bin").mkdir()
    launcher = tmp_path / "bin" / "newskb"
    launcher.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m newskb "$@"\n', encoding="utf-8")
    launcher.chmod(0o755)
    script = (
        "source <(newskb --show-completion bash);"
        'COMP_WORDS=(newskb who "nato\\ sec"); COMP_CWORD=2; _newskb_completion newskb;'
        'printf "[%s]\\n" "${COMPREPLY[@]}"'
    )
    path = f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}"
    result = subprocess.run(
        [bash, "--norc", "-c", script],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, "PATH": path},
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == ["[NATO\\ Secretary\\ General]", "[NATO\\ Secretary-General]"]


@pytest.mark.parametrize(
    ("shell", "written"),
    [
        ("bash", ".bash_completions/newskb.sh"),
        ("fish", ".config/fish/completions/newskb.fish"),
    ],
)
def test_install_completion_writes_the_script_where_the_shell_loads_it(
    shell: str, written: str, tmp_path: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newskb", "--install-completion", shell],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(tmp_path)},
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "")
    assert (
        result.stderr
        == f"newskb: {shell} completion installed in {tmp_path / written}; it takes effect in a new shell\n"
    )
    assert f"_NEWSKB_COMPLETE=complete_{shell}" in (tmp_path / written).read_text(encoding="utf-8")


def test_zsh_completion_installs_in_the_home_and_prints_the_lines_zshrc_needs(tmp_path: Path) -> None:
    zshrc = tmp_path / ".zshrc"
    zshrc.write_text("# mine\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newskb", "--install-completion", "zsh"],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(tmp_path)},
        check=False,
    )
    written = tmp_path / ".zfunc" / "_newskb"
    assert result.returncode == 0
    assert result.stderr == (
        f"newskb: zsh completion installed in {written}; ~/.zshrc needs these lines (fpath before compinit):\n"
    )
    assert result.stdout == "fpath=(~/.zfunc $fpath)\nautoload -Uz compinit && compinit\n"
    assert written.read_text(encoding="utf-8").startswith("#compdef newskb\n")  # compinit reads line 1
    assert zshrc.read_text(encoding="utf-8") == "# mine\n"  # the user's file is the user's
