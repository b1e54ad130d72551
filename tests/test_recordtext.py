"""base/recordtext: a record's text changed by splicing its own characters, and nothing else; an edit that
would mean anything but the intended change, or a record in a form it cannot edit safely, is refused in one
line naming the file and the record."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from newskb.base import recordtext
from newskb.base.model import Entity, Origin, keys
from newskb.common.errors import BadArgumentError
from newskb.common.kinds import Kind

FILE = Path("data/entities.toml")
PEOPLE = (
    "# people\n"
    "[[person]]  # ada\n"
    'id = "ada"\n'
    'name = "Ada"  # ada\n'
    "\n"
    "# the second\n"
    "[[person]]\n"
    'id = "charles"\n'
    'name = "Charles"\n'
    'aliases = ["Babbage", "CB"]\n'
)
KEYS = {key.name: key for key in keys(Kind.PERSON)}
ORDER = list(KEYS)


def person(index: int, record_id: str) -> Entity:
    return Entity(kind=Kind.PERSON, id=record_id, name=record_id, origin=Origin(file=FILE, table="person", index=index))


def test_assign_replaces_only_the_value() -> None:
    after = recordtext.assign(PEOPLE, person(1, "charles"), KEYS["name"], "Charles Babbage", ORDER)
    assert after == PEOPLE.replace('name = "Charles"', 'name = "Charles Babbage"')


def test_assign_adds_a_new_key_after_the_declared_keys_before_it() -> None:
    after = recordtext.assign(PEOPLE, person(0, "ada"), KEYS["aliases"], ["Lovelace"], ORDER)
    assert after == PEOPLE.replace('name = "Ada"  # ada\n', 'name = "Ada"  # ada\naliases = ["Lovelace"]\n')


def test_assign_cleared_takes_the_keys_line_out_and_a_missing_key_changes_nothing() -> None:
    charles = person(1, "charles")
    assert recordtext.assign(PEOPLE, charles, KEYS["aliases"], recordtext.CLEARED, ORDER) == PEOPLE.replace(
        'aliases = ["Babbage", "CB"]\n', ""
    )
    assert recordtext.assign(PEOPLE, charles, KEYS["wikidata"], recordtext.CLEARED, ORDER) == PEOPLE


def test_assign_in_an_inline_table_adds_and_takes_out_one_entry_with_one_comma() -> None:
    text = 'person = [{ id = "ada", name = "Ada" }, { id = "charles", name = "Charles" }]\n'
    ada = person(0, "ada")
    added = recordtext.assign(text, ada, KEYS["wikidata"], "Q7259", ORDER)
    assert added == text.replace('name = "Ada" }', 'name = "Ada", wikidata = "Q7259" }')
    assert recordtext.assign(added, ada, KEYS["wikidata"], recordtext.CLEARED, ORDER) == text


def test_assign_escapes_a_hostile_value_so_it_reads_back_as_written() -> None:
    hostile = 'Ada"\n[[person]]\nid = "planted'
    after = recordtext.assign(PEOPLE, person(0, "ada"), KEYS["name"], hostile, ORDER)
    assert tomllib.loads(after)["person"] == [
        {"id": "ada", "name": hostile},
        {"id": "charles", "name": "Charles", "aliases": ["Babbage", "CB"]},
    ]


@pytest.mark.parametrize(
    "text",
    [
        '[[person]]\nid = "ada"\n[person.extra]\nx = 1\n',
        # `name.first = ...` is a table inside the record, though written on one line of its body.
        '[[person]]\nid = "ada"\nname.first = "Ada"\n',
    ],
)
def test_a_record_with_a_table_inside_it_is_refused_in_one_line(text: str) -> None:
    with pytest.raises(BadArgumentError) as refused:
        recordtext.locate(text, person(0, "ada"))
    assert str(refused.value) == (
        "data/entities.toml: 'ada' is written with dotted keys or tables inside it; nothing changed "
        "(write it as a [[person]] table to edit it with newskb)"
    )


def test_a_record_not_in_the_text_is_refused_in_one_line() -> None:
    with pytest.raises(BadArgumentError) as refused:
        recordtext.locate(PEOPLE, person(5, "nobody"))
    assert str(refused.value) == (
        "data/entities.toml: 'nobody' is written in a form this editor cannot find; nothing changed "
        "(write it as a [[person]] table to edit it with newskb)"
    )


def test_verified_returns_the_edit_that_means_exactly_the_intended_change() -> None:
    after = PEOPLE.replace('"Charles"', '"Charles B"')

    def expected(document: dict[str, Any]) -> None:
        document["person"][1]["name"] = "Charles B"

    assert recordtext.verified(FILE, person(1, "charles"), PEOPLE, after, expected) == after


@pytest.mark.parametrize(
    "after",
    [
        PEOPLE.replace('"Charles"', '"Charles B"').replace('"Ada"', '"Ada L"'),  # one more change than asked
        PEOPLE.replace('"Charles"', '"Charles B'),  # unreadable
        PEOPLE,  # the change is missing
    ],
)
def test_verified_refuses_any_other_edit(after: str) -> None:
    def expected(document: dict[str, Any]) -> None:
        document["person"][1]["name"] = "Charles B"

    with pytest.raises(BadArgumentError) as refused:
        recordtext.verified(FILE, person(1, "charles"), PEOPLE, after, expected)
    assert (
        str(refused.value)
        == "data/entities.toml: cannot edit 'charles' safely in the way it is written; nothing changed"
    )


def test_remarked_renames_the_markers_and_leaves_a_hand_written_record_alone() -> None:
    assert recordtext.remarked(PEOPLE, person(0, "ada"), "ada", "ada-lovelace") == PEOPLE.replace(
        "# ada\n", "# ada-lovelace\n"
    )
    assert recordtext.remarked(PEOPLE, person(1, "charles"), "charles", "charles-babbage") == PEOPLE


def test_remarked_moves_the_last_lines_marker_to_a_new_last_line() -> None:
    text = PEOPLE.replace('name = "Ada"  # ada\n', 'name = "Ada"  # ada\naliases = ["L"]\n')
    assert recordtext.remarked(text, person(0, "ada"), "ada", "ada") == PEOPLE.replace(
        'name = "Ada"  # ada\n', 'name = "Ada"\naliases = ["L"]  # ada\n'
    )


def test_marked_names_the_id_after_the_header_and_the_last_line_keeping_a_comment() -> None:
    chunk = '# from the gazette\n[[person]]\nid = "ada"\nname = "Ada" # checked\n'
    assert recordtext.marked(chunk, "person", "ada") == (
        '# from the gazette\n[[person]]  # ada\nid = "ada"\nname = "Ada" # checked\n'
    )
    assert recordtext.marked('[[person]]\nid = "ada"', "person", "ada") == '[[person]]  # ada\nid = "ada"  # ada'


def test_with_comments_above_takes_the_comments_over_the_header_but_nothing_before_them() -> None:
    start, end = recordtext.with_comments_above(PEOPLE, recordtext.locate(PEOPLE, person(1, "charles")))
    assert (
        PEOPLE[start:end] == '# the second\n[[person]]\nid = "charles"\nname = "Charles"\naliases = ["Babbage", "CB"]\n'
    )
    start, end = recordtext.with_comments_above(PEOPLE, recordtext.locate(PEOPLE, person(0, "ada")))
    assert PEOPLE[start:end] == '# people\n[[person]]  # ada\nid = "ada"\nname = "Ada"  # ada\n'


def test_appended_adds_a_table_after_one_blank_line_and_says_its_first_line() -> None:
    table = '[[person]]  # mary\nid = "mary"  # mary\n'
    assert recordtext.appended(PEOPLE, "person", {"id": "mary"}, table) == (PEOPLE + "\n" + table, 12)
    assert recordtext.appended("", "person", {"id": "mary"}, table) == (table, 1)
    assert recordtext.appended('id = "x"', "person", {"id": "mary"}, table) == ('id = "x"\n\n' + table, 3)


def test_appended_to_a_kind_written_as_one_array_adds_one_inline_table_to_it() -> None:
    text = 'person = [\n  { id = "ada", name = "Ada" },\n]\n'
    after, line = recordtext.appended(text, "person", {"id": "mary", "name": "Mary"}, "[[person]]\n")
    assert after == 'person = [\n  { id = "ada", name = "Ada" },\n  { id = "mary", name = "Mary" },\n]\n'
    assert line == 3


def test_appended_to_an_empty_array_of_that_kind_fills_it() -> None:
    # `[[organization]]` after `organization = []` would redefine it: TOML refuses the file.
    text = 'organization = []\n\n[[person]]\nid = "ada"\n'
    after, line = recordtext.appended(text, "organization", {"id": "guild"}, "[[organization]]\n")
    assert (after, line) == ('organization = [{ id = "guild" }]\n\n[[person]]\nid = "ada"\n', 1)
    assert tomllib.loads(after)["organization"] == [{"id": "guild"}]
