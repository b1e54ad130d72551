"""base/tomllines: how newskb writes TOML. Every value it writes reads back with tomllib equal (escapes
included), on one line; a record carries its id on its first and last lines for a team's union merge."""

from __future__ import annotations

import datetime
import tomllib

from hypothesis import given
from hypothesis import strategies as st

from newskb.base.tomllines import key_line, marked, remarked, single_table, table, value

SCALARS = (
    st.text()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.booleans()
    | st.dates()
    | st.floats(allow_nan=False)
)
VALUES = SCALARS | st.lists(SCALARS, max_size=4) | st.lists(st.lists(st.text(), max_size=3), max_size=3)


@given(VALUES)
def test_every_value_written_reads_back_equal_on_one_line(written: object) -> None:
    line = key_line("v", written)
    assert line.count("\n") == 1 and line.endswith("\n")
    assert tomllib.loads(line) == {"v": written}


def test_escapes_of_a_hostile_string() -> None:
    hostile = 'a "quote", a \\ backslash,\na line break, an escape \x1b[31m and a bell \x07'
    assert value(hostile) == (
        '"a \\"quote\\", a \\\\ backslash,\\na line break, an escape \\u001b[31m and a bell \\u0007"'
    )
    assert tomllib.loads(f"v = {value(hostile)}")["v"] == hostile


def test_a_list_and_a_tuple_are_one_line_arrays_as_curators_write_them() -> None:
    assert value(["nato", "mark-rutte"]) == '["nato", "mark-rutte"]'
    assert value(("nato",)) == '["nato"]'
    assert value([]) == "[]"
    assert value(datetime.date(2024, 10, 1)) == "2024-10-01"
    assert key_line("seats", 1) == "seats = 1\n"


def test_a_table_names_its_id_on_its_first_and_last_lines() -> None:
    written = table("person", {"id": "ada-lovelace", "name": "Ada Lovelace", "aliases": ["Ada"]})
    assert written == (
        '[[person]]  # ada-lovelace\nid = "ada-lovelace"\nname = "Ada Lovelace"\naliases = ["Ada"]  # ada-lovelace\n'
    )
    assert tomllib.loads(written) == {"person": [{"id": "ada-lovelace", "name": "Ada Lovelace", "aliases": ["Ada"]}]}


def test_a_table_without_an_id_has_no_markers() -> None:
    assert table("person", {"name": "Ada"}) == '[[person]]\nname = "Ada"\n'


def test_a_single_table_is_written_with_one_bracket_and_no_markers() -> None:
    written = single_table("source", {"id": "gazette", "published": datetime.date(1843, 9, 1)})
    assert written == '[source]\nid = "gazette"\npublished = 1843-09-01\n'
    assert tomllib.loads(written) == {"source": {"id": "gazette", "published": datetime.date(1843, 9, 1)}}


def test_marked_adds_the_id_to_the_first_and_last_lines_but_not_to_a_line_with_a_hash() -> None:
    lines = ["[[person]]\n", 'id = "x"\n', 'note = "#1 fan"\n']
    assert marked(lines, "x") == ["[[person]]  # x\n", 'id = "x"\n', 'note = "#1 fan"\n']
    assert marked(["[[person]]\n"], "x") == ["[[person]]  # x\n"]


def test_remarked_moves_the_markers_to_the_new_last_line_and_names_the_new_id() -> None:
    before = ["[[person]]  # ada\n", 'id = "ada"\n', 'name = "Ada"  # ada\n']
    after = ["[[person]]  # ada\n", 'id = "ada-lovelace"\n', 'name = "Ada"  # ada\n', 'aliases = ["A"]\n']
    assert remarked(before, after, "ada", "ada-lovelace") == [
        "[[person]]  # ada-lovelace\n",
        'id = "ada-lovelace"\n',
        'name = "Ada"\n',
        'aliases = ["A"]  # ada-lovelace\n',
    ]


def test_remarked_leaves_a_record_written_by_hand_as_it_is() -> None:
    after = ["[[person]]\n", 'id = "ada"\n']
    assert remarked(["[[person]]\n", 'id = "ada"\n'], after, "ada", "ada-l") == after
    assert remarked([], after, "ada", "ada-l") == after
