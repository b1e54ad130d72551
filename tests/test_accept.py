"""accept: a reviewed draft's records land as add would add them, all checked first, all at once or none."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from newskb.base.store import load
from newskb.cli import app
from newskb.curation import accept
from tests.conftest import TinyBase

runner = CliRunner()

DRAFT = """\
# Draft of gazette-1843, reviewed.

# "Charles Babbage chaired the Analytical Society from 1831 until 1840."
[[person]]
id = "mary-somerville"
name = "Mary Somerville"

# "The society meets in London."
[[claim]]
id = "society-meets-in-london"
about = ["analytical-society"]
text = "The society meets in London."
source = "gazette-1843"
quote = "The society meets in London."
note = "Whitespace in the article's line break is folded."

# Sentences no candidate covers:
#   "Gazette of the Analytical Society, 1 September 1843."
"""


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != ".newskb.lock"
    }


def test_a_draft_lands_where_add_would_put_each_record(tiny: TinyBase, tmp_path: Path) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT, encoding="utf-8")
    entities, source = tiny.entities.read_text(encoding="utf-8"), tiny.source.read_text(encoding="utf-8")
    result = runner.invoke(app, ["accept", str(draft), "--data", str(tiny.data)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "person\tmary-somerville\ttiny/data/entities.toml\n"
        "claim\tsociety-meets-in-london\ttiny/data/sources/gazette.toml\n"
    )
    assert result.stderr == ("newskb: added 2 record(s) to tiny/data/entities.toml, tiny/data/sources/gazette.toml\n")
    # Each record as the curator left it, with the comment above it (its sentence), after one blank line, and
    # its id named on its first and last lines as add writes them (for a team's union merge).
    assert tiny.entities.read_text(encoding="utf-8") == entities + (
        '\n# "Charles Babbage chaired the Analytical Society from 1831 until 1840."\n'
        '[[person]]  # mary-somerville\nid = "mary-somerville"\nname = "Mary Somerville"  # mary-somerville\n'
    )
    assert tiny.source.read_text(encoding="utf-8") == source + (
        '\n# "The society meets in London."\n[[claim]]  # society-meets-in-london\nid = "society-meets-in-london"\n'
        'about = ["analytical-society"]\ntext = "The society meets in London."\nsource = "gazette-1843"\n'
        'quote = "The society meets in London."\n'
        'note = "Whitespace in the article\'s line break is folded."  # society-meets-in-london\n'
    )
    assert runner.invoke(app, ["check", "--data", str(tiny.data)]).exit_code == 0


def test_a_dry_run_lists_what_would_land_and_writes_nothing(tiny: TinyBase, tmp_path: Path) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT, encoding="utf-8")
    before = snapshot(tiny.root)
    result = runner.invoke(app, ["accept", str(draft), "--dry-run", "--data", str(tiny.data)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "person\tmary-somerville\ttiny/data/entities.toml"
    assert result.stderr.endswith("(dry run: nothing written)\n")
    assert snapshot(tiny.root) == before


def test_every_problem_is_listed_at_its_line_of_the_draft_and_nothing_lands(tiny: TinyBase, tmp_path: Path) -> None:
    broken = DRAFT.replace('name = "Mary Somerville"', 'nmae = "Mary Somerville"').replace(
        'quote = "The society meets in London."', 'quote = "The society meets in Paris."'
    )
    draft = tmp_path / "draft.toml"
    draft.write_text(broken, encoding="utf-8")
    before = snapshot(tiny.root)
    result = runner.invoke(app, ["accept", str(draft), "--data", str(tiny.data)])
    assert result.exit_code == 1
    # Reported at the draft's own lines (the working folder is the test's: the draft shows as draft.toml).
    assert result.stdout.splitlines() == [
        "draft.toml:4: person.name: missing required key 'name'",
        "draft.toml:6: person.nmae: unknown key 'nmae' (did you mean 'name'?)",
        "draft.toml:14: claim.quote: quote not found in the text of source 'gazette-1843'; it matches as far as "
        "'The society meets in '",
    ]
    assert result.stderr == "newskb: error: refused, nothing written: 3 problem(s) in draft.toml\n"
    assert snapshot(tiny.root) == before


def test_a_fact_must_name_a_known_source(tiny: TinyBase, tmp_path: Path) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT.replace('source = "gazette-1843"\n', ""), encoding="utf-8")
    plan = accept.plan(tiny.data, draft, load(tiny.data)[0])
    assert [str(problem) for problem in plan.problems] == [
        "draft.toml:9: claim.source: missing required key 'source' (a draft has no [source] table to inherit it from)"
    ]
    draft.write_text(DRAFT.replace('"gazette-1843"', '"gazette-1900"'), encoding="utf-8")
    result = runner.invoke(app, ["accept", str(draft), "--data", str(tiny.data)])
    assert (result.exit_code, result.stdout) == (
        1,
        "draft.toml:9: claim.source: unknown source 'gazette-1900': a fact lands in its source's file\n",
    )


def test_a_draft_that_is_not_toml_is_one_problem(tiny: TinyBase, tmp_path: Path) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text("[[person]\n", encoding="utf-8")
    result = runner.invoke(app, ["accept", str(draft), "--data", str(tiny.data)])
    assert result.exit_code == 1
    assert result.stdout.startswith("draft.toml:1: TOML syntax error: Expected ']]' at the end of an array declaration")


def test_accept_and_add_at_once_both_land(tiny: TinyBase, tmp_path: Path) -> None:
    draft = tmp_path / "draft.toml"
    draft.write_text(DRAFT, encoding="utf-8")
    env = {**os.environ, "NEWSKB_DATA": str(tiny.data)}
    commands = [
        ["accept", str(draft)],
        ["add", "person", "--id", "augustus-de-morgan", "--name", "Augustus De Morgan"],
        ["add", "person", "--id", "john-herschel", "--name", "John Herschel"],
    ]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "newskb", *command], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        for command in commands
    ]
    for process in processes:
        process.communicate(timeout=120)
    assert [process.returncode for process in processes] == [0, 0, 0]
    text = tiny.entities.read_text(encoding="utf-8")
    assert all(name in text for name in ("mary-somerville", "augustus-de-morgan", "john-herschel"))
    assert runner.invoke(app, ["check", "--data", str(tiny.data)]).exit_code == 0
