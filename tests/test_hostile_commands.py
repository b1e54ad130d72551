"""The second pass of the hostile corpus: every command, each case a real process (tests/test_hostile.py's
runner: the exit code, never a traceback nor exit 70, one error line, no byte of the data changed, no
temporary file left, nothing created outside the base).

Categories: `--force` over what is not a regular file; standard input that is not lines of text; drafts
that are not files; the environment (pager, cache folder, home); arguments of every query; writers given
hostile values; init and new-source left half done.
"""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_hostile import Base, Case, run_case

ARTICLE_ARGS = ["--title", "t", "--publisher", "analytical-society", "--published", "1843"]


def _fifo(name: str) -> Callable[[Base], None]:
    return lambda base: os.mkfifo(base.root / name)


def _socket(name: str) -> Callable[[Base], None]:
    def make(base: Base) -> None:
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(base.root / name))
        listener.close()

    return make


def _device(name: str) -> Callable[[Base], None]:
    def make(base: Base) -> None:
        try:  # the null device's numbers, made here: replacing this node would harm nothing
            os.mknod(base.root / name, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        except PermissionError:
            pytest.skip("making a device node needs root")

    return make


def _link_out(name: str) -> Callable[[Base], None]:
    def make(base: Base) -> None:
        outside = base.root.parent / f"{name}-outside"
        outside.write_text("precious\n", encoding="utf-8")
        (base.root / name).symlink_to(outside)

    return make


def _dangling(name: str) -> Callable[[Base], None]:
    return lambda base: (base.root / name).symlink_to(base.root / "nowhere" / "x")


def _csv_with_a_fifo(base: Base) -> None:
    (base.root / "csv").mkdir()
    os.mkfifo(base.root / "csv" / "entities.csv")


def _article(base: Base) -> None:
    (base.root / "article.txt").write_text("Ada Lovelace met Babbage.\n", encoding="utf-8")


def _dangling_seed(base: Base) -> None:
    _article(base)
    (base.root / "seeds" / "article.txt").symlink_to(base.root / "seeds" / "planted" / "x.txt")


def _half_new_source(base: Base) -> None:
    """What `new-source` killed between writing the article and its source's file leaves."""
    _article(base)
    (base.root / "seeds" / "article.txt").write_text("Ada Lovelace met Babbage.\n", encoding="utf-8")


def _half_init(base: Base) -> None:
    """What `init` failing on a full disk left before: data/ with an empty entities.toml in it."""
    (base.root / "new-kb" / "data").mkdir(parents=True)


def _draft(text: str | bytes) -> Callable[[Base], None]:
    def write(base: Base) -> None:
        (base.root / "draft.toml").write_bytes(text.encode("utf-8") if isinstance(text, str) else text)

    return write


def _big_draft(base: Base) -> None:
    with (base.root / "draft.toml").open("wb") as stream:
        stream.truncate(17 * 1024 * 1024)


def _invisible_name(base: Base) -> None:
    base.append(base.entities, '[[person]]\nid = "ada-twin"\nname = "Ada\\u200b Lovelace"\n')


FORCE = [
    (
        "export --force over a FIFO",
        ["export", "--output", "{root}/out.json", "--force"],
        _fifo("out.json"),
        "is a FIFO",
    ),
    ("export --force over a socket", ["export", "-o", "{root}/out.json", "--force"], _socket("out.json"), "a socket"),
    ("export --force over a device", ["export", "-o", "{root}/null", "--force"], _device("null"), "is a device"),
    ("export --force over a link", ["export", "-o", "{root}/l.json", "--force"], _link_out("l.json"), "symbolic link"),
    (
        "export --force over a dangling link",
        ["export", "-o", "{root}/d.json", "--force"],
        _dangling("d.json"),
        "is a symbolic link",
    ),
    (
        "sqlite --force over a link",
        ["export", "--format", "sqlite", "-o", "{root}/kb.db", "--force"],
        _link_out("kb.db"),
        "is a symbolic link",
    ),
    (
        "--metadata --force over a FIFO",
        ["export", "--format", "sqlite", "-o", "{root}/kb.db", "--metadata", "{root}/m.json", "--force"],
        _fifo("m.json"),
        "is a FIFO",
    ),
    (
        "csv --force over a FIFO in the folder",
        ["export", "--format", "csv", "-o", "{root}/csv", "--force"],
        _csv_with_a_fifo,
        "is a FIFO",
    ),
    ("chart --force over a FIFO", ["chart", "chair", "-o", "{root}/c.svg", "--force"], _fifo("c.svg"), "is a FIFO"),
    (
        "chart --force over a link",
        ["chart", "chair", "-o", "{root}/c.html", "--force"],
        _link_out("c.html"),
        "is a symbolic link",
    ),
    (
        "draft --force over a link",
        ["draft", "gazette-1843", "--output", "{root}/d.toml", "--force"],
        _link_out("d.toml"),
        "is a symbolic link",
    ),
    (
        "draft --force over a FIFO",
        ["draft", "gazette-1843", "--output", "{root}/d.toml", "--force"],
        _fifo("d.toml"),
        "is a FIFO",
    ),
]

CASES = [Case(name, args, 2, setup, says) for name, args, setup, says in FORCE]

# --- Standard input that is not lines of text -----------------------------------------------------
for command, query in (
    ("who", "society chair"),
    ("show", "Ada Lovelace"),
    ("cite", "babbage-chair"),
    ("search", "ada"),
):
    CASES += [
        Case(
            f"{command} - fed a line that is not UTF-8",
            [command, "-"],
            2,
            stdin=query.encode() + b"\n\xff\xfe bad\n" + query.encode() + b"\n",
            says="line 2: not UTF-8: byte 0xff cannot be decoded; not asked",
        ),
        Case(f"{command} - with stdin closed", [command, "-"], 2, stdin_from="closed", says="standard input is closed"),
        Case(
            f"{command} - from the zero device", [command, "-"], 2, stdin_from="/dev/zero", says="is longer than 64 KiB"
        ),
        Case(
            f"{command} - fed a 10 MB line",
            [command, "-"],
            2,
            stdin=b"x" * 10_000_000 + b"\n",
            says="line 1 is longer than 64 KiB",
        ),
        Case(f"{command} - fed NULs and escapes", [command, "-"], 1, stdin="a\x00b\n\x1b]0;owned\x07\n", says="line 2"),
        Case(f"{command} - fed nothing", [command, "-"], 0, stdin=""),
        Case(f"{command} - fed CRLF lines", [command, "-"], 0, stdin=f"{query}\r\n{query}\r\n"),
    ]

# --- Drafts that are not files, and drafts that are not drafts -------------------------------------
CASES += [
    Case("accept a FIFO", ["accept", "{root}/draft.toml"], 2, _fifo("draft.toml"), "is not a regular file"),
    Case("accept the zero device", ["accept", "/dev/zero"], 2, says="is not a regular file"),
    Case("accept a folder", ["accept", "{root}/seeds"], 2, says="is not a regular file"),
    Case("accept a 17 MiB draft", ["accept", "{root}/draft.toml"], 2, _big_draft, "is larger than 16 MiB"),
    Case("accept a missing draft", ["accept", "{root}/none.toml"], 2, says="cannot read: No such file"),
    Case("accept a draft with a [source]", ["accept", "{root}/draft.toml"], 2, _draft('[source]\nid = "x"\n')),
    Case(
        "accept a draft nested 100,000 deep",
        ["accept", "{root}/draft.toml"],
        (1, 2),
        _draft("x = " + "[" * 100_000 + "]" * 100_000 + "\n"),
    ),
    Case("accept a draft that is not TOML", ["accept", "{root}/draft.toml"], 1, _draft("x ="), "TOML syntax error"),
    Case(
        "accept a draft that is not UTF-8",
        ["accept", "{root}/draft.toml"],
        1,
        _draft(b'[[person]]\nid = "caf\xe9"\n'),
        "not UTF-8: byte 0xe9 cannot be decoded",
    ),
    Case(
        "accept a record with an invisible name",
        ["accept", "{root}/draft.toml"],
        1,
        _draft('[[person]]\nid = "eve"\nname = "Ev\\u200be"\n'),
        "invisible characters are not allowed",
    ),
]

# --- The environment ----------------------------------------------------------------------------------
CASES += [
    Case(
        "--install-completion with an unwritable home",
        ["--install-completion", "bash"],
        2,
        env={"HOME": "/dev/null"},
        says="cannot install the bash completion script",
    ),
    Case(
        "a relative XDG_CACHE_HOME is ignored",
        ["who", "chair", "--as-of", "1843-09-01"],
        0,
        env={"XDG_CACHE_HOME": "rel"},
    ),
    Case("an unparseable pager in a pipe", ["show", "Ada Lovelace"], 0, env={"NEWSKB_PAGER": 'less "'}),
    Case("--data names a file", ["check", "--data", "/etc/hostname"], 2, says="data folder not found"),
    Case(
        "NEWSKB_CACHE=off and no home", ["who", "chair"], (0, 1, 5), env={"NEWSKB_CACHE": "off", "HOME": "/nonexistent"}
    ),
]

# --- Arguments of every query -------------------------------------------------------------------------
LONG = "y" * 10_000
CASES += [
    Case("timeline --entity of 10,000 characters", ["timeline", "--entity", LONG], 1),
    Case("offices --org that matches nothing", ["offices", "--org", "zzzz qqqq"], 1),
    Case("chart --from after --to", ["chart", "chair", "--from", "1900", "--to", "1800"], 2, says="is after --to"),
    Case("timeline --from after --to", ["timeline", "--from", "1900", "--to", "1800"], 2, says="is after --to"),
    Case("export --from after --to", ["export", "--format", "timelinejs", "--from", "1900", "--to", "1800"], 2),
    Case("show a name of 10,000 characters", ["show", LONG], 1),
    Case("cite an id that does not exist", ["cite", "no-such-fact"], 1),
    Case("coverage of an unknown source", ["coverage", "no-such-source"], 1),
    Case("export an unknown format", ["export", "--format", "xml"], 2),
    Case("export --entity with json", ["export", "--entity", "Ada"], 2, says="does not apply to --format json"),
    Case("search with no word in it", ["search", "  ?? "], (1, 2)),
    Case("who on the last day of 9999", ["who", "chair", "--as-of", "9999-12-31"], (0, 1, 3, 5)),
    Case("who on year 0", ["who", "chair", "--as-of", "0000-01-01"], 2),
    Case("draft an unknown source", ["draft", "no-such-source"], (1, 2)),
    Case("sources --format csv with formulas", ["sources", "--format", "csv"], 0),
    Case("a check that finds an invisible name", ["check"], 1, _invisible_name, "invisible characters are not allowed"),
]
# An argument whose bytes are not UTF-8 (Python keeps \xff as the lone surrogate \udcff): one line, exit 2.
NOT_UTF8 = "the command line holds bytes that are not UTF-8 text"
for asked in (["who"], ["show"], ["cite"], ["timeline", "--entity"], ["offices", "--org"], ["chart"], ["verify"]):
    CASES.append(Case(f"{' '.join(asked)} of bytes that are not UTF-8", [*asked, "Ada\udcff"], 2, says=NOT_UTF8))
CASES.append(Case("add a name of bytes that are not UTF-8", ["add", "person", "--id", "eve", "--name", "Eve\udcff"], 2))

# --- Writers given hostile values ---------------------------------------------------------------------
CASES += [
    Case("set a name with an escape", ["set", "ada-lovelace", "name=Ada\x1b[31m"], 1, says="control or escape"),
    Case("set a name with a zero-width space", ["set", "ada-lovelace", "name=Ada\u200b"], 1, says="invisible"),
    Case("add a person with a bidi override", ["add", "person", "--id", "eve", "--name", "Eve\u202e"], 1),
    Case("rename to an id with unicode", ["rename", "ada-lovelace", "ada-lövelace"], 2, says="not a kebab-case id"),
    Case("set an unknown key", ["set", "ada-lovelace", "hodler=x"], 2, says="has no key 'hodler'"),
    Case("set a count to text", ["set", "society-chair", "seats=many"], 2, says="is not a whole number"),
    Case("set a TOML value that is not one", ["set", "ada-lovelace", 'aliases=["a"'], 2, says="is not a TOML value"),
    Case("rm a record others name", ["rm", "charles-babbage"], 1, says="is referenced by"),
    Case(
        "add a term whose quote is not in the article",
        [
            "add",
            "term",
            "--source",
            "gazette-1843",
            "--office",
            "society-chair",
            "--holder",
            "ada-lovelace",
            "--quote",
            "not in it",
        ],
        1,
    ),
    Case("set --dry-run changes nothing", ["set", "ada-lovelace", "name=Ada", "--dry-run"], 0),
]

# --- init and new-source left half done -----------------------------------------------------------
CASES += [
    Case("init ''", ["init", ""], 2, says="DIR is empty"),
    Case("init over a half-made base", ["init", "{root}/new-kb"], 1, _half_init, "already exists"),
    Case(
        "new-source through a dangling link in seeds",
        ["new-source", "{root}/article.txt", "--id", "x", *ARTICLE_ARGS],
        1,
        _dangling_seed,
        "seeds/article.txt: already exists; nothing written",
    ),
    Case(
        "new-source again after being killed",
        ["new-source", "{root}/article.txt", "--id", "x", *ARTICLE_ARGS],
        0,
        _half_new_source,
        "created base/data/sources/x.toml",
        changes_data=True,
    ),
]


def test_the_second_corpus_is_large_enough() -> None:
    assert len(CASES) >= 80
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_command(case: Case, tmp_path: Path) -> None:
    run_case(case, tmp_path)
