"""set, rm and rename: only the record's own lines change, every refusal changes no byte, and a write that
touches several files is all or nothing, even when it is killed halfway."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newskb.base import journal, lock
from newskb.base.store import load
from newskb.cli import app
from newskb.common.errors import BadArgumentError, NotFoundError, RecordError
from newskb.common.kinds import Kind
from newskb.curation import add, audit, mend
from tests.conftest import TinyBase

runner = CliRunner()


def snapshot(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.name != ".newskb.lock"
    }


def newskb(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_set_changes_only_the_lines_of_its_keys(tiny: TinyBase) -> None:
    tiny.append(tiny.entities, "# a curator's remark about what comes next\n")
    before = tiny.entities.read_text(encoding="utf-8")
    code, _, stderr = newskb("set", "ada-lovelace", 'aliases=["Lovelace", "Ada"]', "--data", str(tiny.data))
    assert (code, stderr) == (0, "newskb: changed 'ada-lovelace' in tiny/data/entities.toml\n")
    assert tiny.entities.read_text(encoding="utf-8") == before.replace(
        'aliases = ["Lovelace", "Countess of Lovelace"]', 'aliases = ["Lovelace", "Ada"]'
    )


def test_set_adds_a_key_where_the_declaration_puts_it_and_clears_one(tiny: TinyBase) -> None:
    before = tiny.source.read_text(encoding="utf-8")
    code, _, stderr = newskb(
        "set", "lovelace-chair", "note=Start: the year of Babbage's end.", "replaces=", "--data", str(tiny.data)
    )
    assert (code, stderr) == (0, "newskb: changed 'lovelace-chair' in tiny/data/sources/gazette.toml\n")
    assert tiny.source.read_text(encoding="utf-8") == before.replace(
        'replaces = "charles-babbage"\nquote = "Ada Lovelace succeeded him as chair in 1840"\n',
        'quote = "Ada Lovelace succeeded him as chair in 1840"\nnote = "Start: the year of Babbage\'s end."\n',
    )


def test_set_a_count_and_a_one_item_list(tiny: TinyBase) -> None:
    code, _, _ = newskb("set", "society-chair", "seats=2", "aliases=Chair", "--data", str(tiny.data))
    assert code == 0
    text = tiny.entities.read_text(encoding="utf-8")
    assert 'aliases = ["Chair"]\norg = "analytical-society"\nseats = 2\n' in text


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["set", "nobody", "name=x"], 1, "newskb: error: no record has the id 'nobody'"),
        (["set", "ada-lovelace", "nmae=Ada"], 2, "newskb: error: a person has no key 'nmae' (did you mean 'name'?)\n"),
        (["set", "ada-lovelace", "name"], 2, "newskb: error: 'name' is not KEY=VALUE (KEY= clears the key)\n"),
        (["set", "ada-lovelace", "id=ada"], 2, "newskb: error: an id is changed with 'newskb rename ID NEW-ID'"),
        (["set", "society-chair", "seats=two"], 2, "newskb: error: seats: 'two' is not a whole number\n"),
        (["set", "ada-lovelace", "name="], 1, "person.name: missing required key 'name'\n"),
        (["set", "babbage-chair", "end=1820"], 1, "term.end: end '1820' is not after start '1831'\n"),
        (["rm", "charles-babbage"], 1, "'charles-babbage' is referenced by babbage-chair (holder), lovelace-chair"),
        (["rm", "gazette-1843"], 2, "newskb: error: 'gazette-1843' is a source: remove its file"),
        (["rename", "ada-lovelace", "charles-babbage"], 1, "the id 'charles-babbage' is already used"),
        (["rename", "ada-lovelace", "Ada"], 2, "newskb: error: 'Ada' is not a kebab-case id (like 'jane-doe')\n"),
    ],
)
def test_a_refusal_is_one_line_and_changes_no_byte(
    tiny: TinyBase, arguments: list[str], code: int, message: str
) -> None:
    before = snapshot(tiny.root)
    result = newskb(*arguments, "--data", str(tiny.data))
    assert result[0] == code
    assert message in result[2]
    assert len(result[2].splitlines()) == 1
    assert snapshot(tiny.root) == before


def test_rm_removes_a_record_and_the_blank_line_before_it(tiny: TinyBase) -> None:
    tiny.append(tiny.entities, '# Mary, for now\n[[person]]\nid = "mary"\nname = "Mary"\n')
    before = tiny.entities.read_text(encoding="utf-8")
    code, stdout, _ = newskb("rm", "mary", "--dry-run", "--data", str(tiny.data))
    assert code == 0
    assert '-[[person]]\n-id = "mary"\n-name = "Mary"\n' in stdout
    assert tiny.entities.read_text(encoding="utf-8") == before
    assert newskb("rm", "mary", "--data", str(tiny.data))[0] == 0
    assert tiny.entities.read_text(encoding="utf-8") == before.replace(
        '\n# Mary, for now\n[[person]]\nid = "mary"\nname = "Mary"\n', ""
    )


def test_rm_and_set_keep_a_string_line_that_starts_with_a_hash(tiny: TinyBase) -> None:
    # A line-ending backslash joins "# of the society" to the line before: it is text, not a comment.
    tiny.append(
        tiny.entities, '[[person]]\nid = "mary"\nname = "Mary"\nsummary = """Secretary \\\n# of the society"""\n'
    )
    tiny.append(tiny.entities, '[[person]]\nid = "jane"\nname = "Jane"\n')
    before = tiny.entities.read_text(encoding="utf-8")
    assert newskb("rm", "jane", "--data", str(tiny.data))[0] == 0
    assert tiny.entities.read_text(encoding="utf-8") == before.replace('\n[[person]]\nid = "jane"\nname = "Jane"\n', "")
    assert newskb("set", "mary", "summary=Secretary", "--data", str(tiny.data))[0] == 0
    assert tiny.entities.read_text(encoding="utf-8").endswith('id = "mary"\nname = "Mary"\nsummary = "Secretary"\n')


def test_rename_rewrites_every_reference_in_every_file(tiny: TinyBase) -> None:
    entities, source = tiny.entities.read_text(encoding="utf-8"), tiny.source.read_text(encoding="utf-8")
    code, _, stderr = newskb("rename", "charles-babbage", "babbage", "--data", str(tiny.data))
    assert code == 0, stderr
    assert stderr == (
        "newskb: renamed 'charles-babbage' to 'babbage' in tiny/data/entities.toml, tiny/data/sources/gazette.toml\n"
    )
    assert tiny.entities.read_text(encoding="utf-8") == entities.replace('id = "charles-babbage"', 'id = "babbage"')
    assert tiny.source.read_text(encoding="utf-8") == source.replace('"charles-babbage"', '"babbage"')
    assert newskb("check", "--data", str(tiny.data))[0] == 0


def test_references_follow_the_declarations(tiny: TinyBase) -> None:
    base, _ = load(tiny.data)
    assert [(record.id, key) for record, key in mend.references(base, "society-chair")] == [
        ("babbage-chair", "office"),
        ("lovelace-chair", "office"),
    ]
    # A fact inherits its file's source: no line of it names the source, so nothing is rewritten.
    assert mend.references(base, "gazette-1843") == []
    with pytest.raises(NotFoundError, match=r"no record has the id 'ada-lovlace' \(did you mean 'ada-lovelace'\?\)"):
        mend.record_of(base, "ada-lovlace")


def test_a_rename_killed_between_its_files_is_finished_by_the_next_reader(
    tiny: TinyBase, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    renames: list[object] = []
    real_replace = os.replace

    def die_after_the_first(source: str, target: str) -> None:
        if not str(target).endswith(journal.JOURNAL_NAME):  # the journal itself is put in place first
            if renames:
                raise KeyboardInterrupt  # as if killed between the two renames
            renames.append(target)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", die_after_the_first)
    base, _ = load(tiny.data)
    change = mend.rename(base, mend.record_of(base, "charles-babbage"), "babbage")
    with pytest.raises(KeyboardInterrupt):
        lock.replace_files({path: text.encode() for path, text in change.texts.items()}, root=tiny.data)
    monkeypatch.setattr(os, "replace", real_replace)
    assert (tiny.data / journal.JOURNAL_NAME).exists()  # the rest of the plan, for whoever comes next
    assert audit.check_folder(tiny.data).problems  # half renamed: read as it is, the base is broken
    # The next reader, from another folder and with a relative --data, finishes the write first.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, stdout, stderr = newskb("check", "--data", os.path.relpath(tiny.data, elsewhere))
    assert (code, stdout) == (0, "")
    assert stderr.splitlines()[0] == f"newskb: finished a write that was interrupted: {tiny.source}"
    assert not (tiny.data / journal.JOURNAL_NAME).exists()
    assert 'holder = "babbage"' in tiny.source.read_text(encoding="utf-8")


def test_a_write_that_fails_before_its_first_rename_changes_nothing(
    tiny: TinyBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(tiny.root)

    def full(source: str, target: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError, match="No space left on device"):
        add.change(tiny.data, lambda base: mend.rename(base, mend.record_of(base, "charles-babbage"), "babbage"))
    assert snapshot(tiny.root) == before


def test_unknown_values_are_refused_before_any_lookup(tiny: TinyBase) -> None:
    base, _ = load(tiny.data)
    with pytest.raises(BadArgumentError, match="is not a TOML value"):
        mend.set_keys(base, mend.record_of(base, "ada-lovelace"), ['aliases=["unclosed'])
    with pytest.raises(RecordError, match="is referenced by"):
        mend.remove(base, mend.record_of(base, "ada-lovelace"))


def test_set_and_rename_keep_the_id_markers_a_team_merge_needs(tiny: TinyBase) -> None:
    """A record newskb appended names its id on its first and last lines (writing.py): editing its last
    key keeps the marker there, and a rename renames it."""
    add.add(tiny.data, Kind.PERSON, {"id": "mary-somerville", "name": "Mary Somerville"})
    appended = '[[person]]  # mary-somerville\nid = "mary-somerville"\nname = "Mary Somerville"  # mary-somerville\n'
    assert tiny.entities.read_text(encoding="utf-8").endswith(appended)
    assert newskb("set", "mary-somerville", "name=Mary Fairfax Somerville", "--data", str(tiny.data))[0] == 0
    assert tiny.entities.read_text(encoding="utf-8").endswith(
        '[[person]]  # mary-somerville\nid = "mary-somerville"\nname = "Mary Fairfax Somerville"  # mary-somerville\n'
    )
    assert newskb("set", "mary-somerville", "aliases=Somerville", "--data", str(tiny.data))[0] == 0
    assert tiny.entities.read_text(encoding="utf-8").endswith(
        '[[person]]  # mary-somerville\nid = "mary-somerville"\nname = "Mary Fairfax Somerville"\n'
        'aliases = ["Somerville"]  # mary-somerville\n'
    )
    assert newskb("rename", "mary-somerville", "mary-fairfax", "--data", str(tiny.data))[0] == 0
    assert tiny.entities.read_text(encoding="utf-8").endswith(
        '[[person]]  # mary-fairfax\nid = "mary-fairfax"\nname = "Mary Fairfax Somerville"\n'
        'aliases = ["Somerville"]  # mary-fairfax\n'
    )
    # A record written by hand, without markers, gets none.
    assert newskb("set", "ada-lovelace", "aliases=Ada", "--data", str(tiny.data))[0] == 0
    assert 'aliases = ["Ada"]\n' in tiny.entities.read_text(encoding="utf-8")
