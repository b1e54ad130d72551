"""set, rm, rename and accept on bases written in every form of TOML the reader accepts.

Hypothesis writes the same records in random but valid TOML: quoted headers (`[["person"]]`), quoted
keys, basic, literal and multi-line strings with escapes (a note holding `\\"\\"\\"`, a line that looks
like a header), comments and blank lines anywhere, and whole kinds written as arrays of inline tables.
Each edit must change exactly its target record: the file is read before and after with tomllib and
compared record by record, and the bytes before and after the target record stay as they were.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newskb.base import tomltree
from newskb.base.store import load
from newskb.common.errors import BadArgumentError
from newskb.curation import accept, mend
from tests.conftest import TINY_ARTICLE, TINY_SOURCE

# The records of entities.toml, as data; the tiny source's terms name ada-lovelace and charles-babbage.
PEOPLE: list[dict[str, Any]] = [
    {"id": "ada-lovelace", "name": "Ada Lovelace", "aliases": ["Lovelace", "Countess of Lovelace"]},
    {"id": "charles-babbage", "name": "Charles Babbage", "aliases": ["Babbage"]},
    {
        "id": "mary-somerville",
        "name": "Mary Somerville",
        # A note that fooled the line scanner: an escaped """, a line like a header, a key, a comment.
        "note": 'She said """enough""".\n[[person]]\nid = "not-a-record"\n# not a comment\nback\\slash \'\'\'',
    },
    {"id": "john-herschel", "name": "John Herschel", "note": "Astronomer.\n\nTwo paragraphs."},
]
OTHERS: list[tuple[str, dict[str, Any]]] = [
    ("organization", {"id": "analytical-society", "name": "Analytical Society"}),
    (
        "office",
        {"id": "society-chair", "name": "Chair of the Analytical Society", "org": "analytical-society", "seats": 1},
    ),
]


@st.composite
def strings(draw: st.DrawFn, value: str) -> str:
    """`value` written as one of TOML's string forms that can hold it."""
    forms = ["basic", "escaped"]
    if "'" not in value and "\n" not in value:
        forms.append("literal")
    forms.append("multiline")
    if "'''" not in value and not value.endswith("'"):
        forms.append("multiline literal")
    form = draw(st.sampled_from(forms))
    if form == "basic":
        return json.dumps(value, ensure_ascii=False)
    if form == "escaped":
        return json.dumps(value, ensure_ascii=True).replace("a", "\\u0061")
    if form == "literal":
        return f"'{value}'"
    if form == "multiline":
        body = value.replace("\\", "\\\\").replace('"', '\\"')
        return '"""' + draw(st.sampled_from(["", "\n"])) + body + '"""'
    return "'''" + draw(st.sampled_from(["", "\n"])) + value + "'''"


@st.composite
def values(draw: st.DrawFn, value: Any) -> str:
    if isinstance(value, str):
        return draw(strings(value))
    if isinstance(value, list):
        items = [draw(strings(item)) for item in value]
        separator = draw(st.sampled_from([", ", ",\n  ", " , "]))
        return "[" + separator.join(items) + draw(st.sampled_from(["", ","])) + "]"
    return str(value)


@st.composite
def key_names(draw: st.DrawFn, name: str) -> str:
    return draw(st.sampled_from([name, f'"{name}"', f"'{name}'"]))


@st.composite
def tables(draw: st.DrawFn, kind: str, record: dict[str, Any]) -> str:
    header = draw(st.sampled_from([f"[[{kind}]]", f'[["{kind}"]]', f"[[ '{kind}' ]]", f"[[{kind}]]  # a {kind}"]))
    lines = [header]
    for name, value in record.items():
        if draw(st.booleans()) and draw(st.booleans()):
            lines.append(draw(st.sampled_from(["# a remark", "", "  # indented remark"])))
        comment = draw(st.sampled_from(["", "", "  # why"]))
        lines.append(f"{draw(key_names(name))} = {draw(values(value))}{comment}")
    return "\n".join(lines) + "\n"


@st.composite
def inline(draw: st.DrawFn, record: dict[str, Any]) -> str:
    entries = [f"{draw(key_names(name))} = {draw(values(value))}" for name, value in record.items()]
    return "{ " + ", ".join(entries) + " }"


@st.composite
def entity_files(draw: st.DrawFn, people: list[dict[str, Any]] = PEOPLE) -> str:
    """entities.toml, every record in a random valid form; people either all tables or all inline."""
    parts = []
    if draw(st.booleans()):
        items = [draw(inline(person)) for person in people]
        parts.append("person = [\n  " + ",\n  ".join(items) + draw(st.sampled_from(["", ","])) + "\n]\n")
        parts += [draw(tables(kind, record)) for kind, record in OTHERS]
    else:
        records = [("person", person) for person in people] + OTHERS
        order = draw(st.permutations(records))
        parts += [draw(tables(kind, record)) for kind, record in order]
    return draw(st.sampled_from(["\n", "\n\n", "\n# between\n"])).join(parts)


def _write(root: Path, entities: str) -> Path:
    data = root / "data"
    (data / "sources").mkdir(parents=True, exist_ok=True)
    (root / "seeds").mkdir(exist_ok=True)
    (root / "seeds" / "gazette.txt").write_text(TINY_ARTICLE, encoding="utf-8")
    (data / "entities.toml").write_text(entities, encoding="utf-8")
    (data / "sources" / "gazette.toml").write_text(TINY_SOURCE, encoding="utf-8")
    return data


def _people(text: str) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = tomllib.loads(text)["person"]
    return people


def _others(text: str) -> dict[str, Any]:
    document = tomllib.loads(text)
    document.pop("person", None)
    return document


def _untouched_around(before: str, after: str, index: int) -> None:
    """The bytes before and after the edited person's record are as they were."""
    syntax = tomltree.records(before, {"person"})[("person", index)]
    start, end = syntax.span()
    assert after[:start] == before[:start]
    assert after[len(after) - (len(before) - end) :] == before[end:]


SETTINGS = settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(
    entities=entity_files(), target=st.integers(0, len(PEOPLE) - 1), change=st.sampled_from(["name", "clear", "new"])
)
def test_set_changes_exactly_its_record(tmp_path: Path, entities: str, target: int, change: str) -> None:
    data = _write(tmp_path / f"set-{abs(hash(entities))}", entities)
    base, _ = load(data)
    record = mend.record_of(base, PEOPLE[target]["id"])
    assignment = {"name": 'name=Ada "The" \\Enchantress', "clear": "aliases=", "new": "wikidata=Q7259"}[change]
    result = mend.set_keys(base, record, [assignment])
    after = result.texts[data / "entities.toml"]
    wanted = _people(entities)
    index = [person["id"] for person in wanted].index(record.id)
    if change == "name":
        wanted[index]["name"] = 'Ada "The" \\Enchantress'
    elif change == "clear":
        wanted[index].pop("aliases", None)
    else:
        wanted[index]["wikidata"] = "Q7259"
    assert _people(after) == wanted
    assert _others(after) == _others(entities)
    _untouched_around(entities, after, index)


@SETTINGS
@given(entities=entity_files(), target=st.sampled_from([2, 3]))
def test_rm_takes_out_exactly_its_record(tmp_path: Path, entities: str, target: int) -> None:
    data = _write(tmp_path / f"rm-{abs(hash(entities))}", entities)
    base, _ = load(data)
    result = mend.remove(base, mend.record_of(base, PEOPLE[target]["id"]))
    after = result.texts[data / "entities.toml"]
    assert _people(after) == [person for person in _people(entities) if person["id"] != PEOPLE[target]["id"]]
    assert _others(after) == _others(entities)


@SETTINGS
@given(entities=entity_files(), target=st.sampled_from([1, 3]))
def test_rename_changes_exactly_the_id_and_its_references(tmp_path: Path, entities: str, target: int) -> None:
    data = _write(tmp_path / f"rename-{abs(hash(entities))}", entities)
    base, _ = load(data)
    old = PEOPLE[target]["id"]
    result = mend.rename(base, mend.record_of(base, old), "renamed-person")
    after = result.texts[data / "entities.toml"]
    wanted = _people(entities)
    wanted[[person["id"] for person in wanted].index(old)]["id"] = "renamed-person"
    assert _people(after) == wanted
    assert _others(after) == _others(entities)
    source = tomllib.loads(result.texts.get(data / "sources" / "gazette.toml", TINY_SOURCE))
    original = tomllib.loads(TINY_SOURCE)
    for term, was in zip(source["term"], original["term"], strict=True):
        assert term == {key: ("renamed-person" if value == old else value) for key, value in was.items()}


@SETTINGS
@given(entities=entity_files(), draft=entity_files([{**person, "id": f"new-{person['id']}"} for person in PEOPLE]))
def test_accept_lands_every_record_of_a_draft_in_any_form(tmp_path: Path, entities: str, draft: str) -> None:
    # The draft's people (under new ids), in whatever form the draft writes them.
    draft_text = _only_people(draft)
    draft_people = _people(draft_text)
    folder = tmp_path / f"accept-{abs(hash(entities + draft))}"
    data = _write(folder, entities)
    draft_file = folder / "draft.toml"
    draft_file.write_text(draft_text, encoding="utf-8")
    planned = accept.plan(data, draft_file, load(data)[0])
    assert planned.problems == ()
    after = planned.texts[data / "entities.toml"]
    if "person = [" not in entities:  # appended after the last line; else one more item of the array
        assert after.startswith(entities)
    assert _people(after) == _people(entities) + draft_people
    assert _others(after) == _others(entities)


def _only_people(draft: str) -> str:
    """The draft with its other kinds left out (they are already in the base): its people, as written."""
    people = tomltree.records(draft, {"person"})
    if any(syntax.inline is not None for syntax in people.values()):
        statement = next(syntax.container for syntax in people.values() if syntax.container is not None)
        assert statement is not None
        return draft[statement.line_start : statement.line_end]
    return "\n".join(draft[slice(*syntax.span())] for syntax in people.values())


def test_a_record_with_a_table_inside_is_refused_in_one_line_not_guessed_at(tmp_path: Path) -> None:
    entities = (
        'person = [{ id = "ada-lovelace", name = "Ada" }]\n\n'
        '[[organization]]\nid = "x"\nname = "X"\n[organization.extra]\nnote = "n"\n'
    )
    data = _write(tmp_path / "inside", entities)
    base, _ = load(data)
    with pytest.raises(BadArgumentError) as refused:
        mend.set_keys(base, mend.record_of(base, "x"), ["name=Y"])
    assert str(refused.value) == (
        "inside/data/entities.toml: 'x' is written with dotted keys or tables inside it; nothing changed "
        "(write it as a [[organization]] table to edit it with newskb)"
    )
    assert (data / "entities.toml").read_text(encoding="utf-8") == entities
    # The person beside it, written inline, is edited in place.
    changed = mend.set_keys(base, mend.record_of(base, "ada-lovelace"), ["name=Ada Lovelace"])
    assert changed.texts[data / "entities.toml"] == entities.replace('name = "Ada"', 'name = "Ada Lovelace"')


# --- The red team's cases, as a curator meets them ------------------------------------------------

NOTE_WITH_QUOTES = '[[person]]\nid = "a"\nname = "A"\nnote = """He wrote \\""" and left.\nname = "B"\n"""\n'
RED_TEAM = [
    (
        "set after a note holding an escaped triple quote",
        NOTE_WITH_QUOTES + '\n[[person]]\nid = "b"\nname = "B"\n',
        ["set", "b", "name=Bea"],
        NOTE_WITH_QUOTES + '\n[[person]]\nid = "b"\nname = "Bea"\n',
    ),
    (
        "set under a quoted header",
        '[["person"]]\nid = "a"\nname = "A"\n\n[[ \'person\' ]]\nid = "b"\nname = "B"\n',
        ["set", "b", "name=Bea"],
        '[["person"]]\nid = "a"\nname = "A"\n\n[[ \'person\' ]]\nid = "b"\nname = "Bea"\n',
    ),
    (
        "rm of a record written as an inline table",
        'person = [\n  # the first\n  { id = "a", name = "A" },\n  { id = "b", name = "B" },\n]\n',
        ["rm", "a"],
        'person = [\n  # the first\n  { id = "b", name = "B" },\n]\n',
    ),
    (
        "set a new key in an inline table",
        'person = [{ id = "a", name = "A" }]\n',
        ["set", "a", "aliases=Ay"],
        'person = [{ id = "a", name = "A", aliases = ["Ay"] }]\n',
    ),
    (
        "rename through a literal string and a quoted key",
        "[[person]]\n\"id\" = 'a'\nname = 'A'\n",
        ["rename", "a", "ay"],
        '[[person]]\n"id" = "ay"\nname = \'A\'\n',
    ),
]


@pytest.mark.parametrize(("case", "written", "args", "after"), RED_TEAM, ids=[case[0] for case in RED_TEAM])
def test_an_unusual_but_valid_record_is_edited_exactly(
    tiny_root: Path, case: str, written: str, args: list[str], after: str
) -> None:
    from typer.testing import CliRunner

    from newskb.cli import app

    data = _write(tiny_root, written)
    (data / "sources" / "gazette.toml").unlink()  # no terms: these people stand alone
    (data / "sources" / "x.toml").write_text(
        '[source]\nid = "x"\ntitle = "X"\npublisher = "x-org"\npublished = "2024"\ntext = "../../seeds/gazette.txt"\n'
        '\n[[organization]]\nid = "x-org"\nname = "X Org"\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, [*args, "--data", str(data)])
    assert result.exit_code == 0, result.stderr
    assert (data / "entities.toml").read_text(encoding="utf-8") == after


DRAFT_ENDING_IN_A_NOTE = '[[person]]\nid = "c"\nname = "C"\nnote = """\nA note\nover lines"""\n'


@pytest.mark.parametrize(
    ("draft", "lands"),
    [
        (DRAFT_ENDING_IN_A_NOTE, '[[person]]  # c\nid = "c"\nname = "C"\nnote = """\nA note\nover lines"""  # c\n'),
        ('[["person"]]\nid = "c"\nname = "C"\n', '[["person"]]  # c\nid = "c"\nname = "C"  # c\n'),
        ('person = [{ id = "c", name = "C" }]\n', '[[person]]  # c\nid = "c"\nname = "C"  # c\n'),
    ],
    ids=["a multi-line note last", "a quoted header", "an inline table"],
)
def test_accept_lands_every_form_whole_and_marks_outside_strings(tiny_root: Path, draft: str, lands: str) -> None:
    from typer.testing import CliRunner

    from newskb.cli import app

    data = _write(tiny_root, '[[person]]\nid = "a"\nname = "A"\n')
    (tiny_root / "draft.toml").write_text(draft, encoding="utf-8")
    result = CliRunner().invoke(app, ["accept", str(tiny_root / "draft.toml"), "--data", str(data)])
    assert result.exit_code == 0, result.stderr
    assert (data / "entities.toml").read_text(encoding="utf-8") == '[[person]]\nid = "a"\nname = "A"\n\n' + lands


@pytest.fixture
def tiny_root(tmp_path: Path) -> Path:
    return tmp_path / "red-team"
