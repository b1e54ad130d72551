"""linemap.py: the line of every table header and key of a TOML file, which tomllib does not give."""

from __future__ import annotations

import tomllib

from newskb.base.linemap import TOP_LEVEL, LazyLineMap, LineMap, TableLines, scan


def test_linemap_places_tables_and_keys_past_multiline_values() -> None:
    text = (
        '[source]\nid = "s"\nnote = """\n[[term]]\nid = "not-a-table"\n"""\n\n'
        '[[term]]\nid = "a"\naliases = [\n  "x [y]",\n]\nquote = "q"\n\n[[term]]\nid = "b"\n'
    )
    lines = scan(text)
    assert lines.table("source").keys == {"id": 2, "note": 3}
    assert lines.table("term", 0).line == 8
    assert lines.table("term", 0).keys == {"id": 9, "aliases": 10, "quote": 13}
    assert lines.table("term", 1).line == 15
    assert (lines.table("source").end, lines.table("source").key_ends) == (6, {"id": 2, "note": 6})
    assert (lines.table("term", 0).end, lines.table("term", 0).key_ends) == (13, {"id": 9, "aliases": 12, "quote": 13})
    assert (lines.table("term", 1).end, lines.table(TOP_LEVEL).end) == (16, 0)


# A record whose last value is a multi-line string with a line that starts with "#" (a TOML line-ending
# backslash joins it to the line before), then a comment and the next record.
HASH_LINE = (
    '[[claim]]\nid = "a"\ntext = """one \\\n# two"""\n\n# the next one\n[[claim]]  # b\nid = "b"\n# trailing\n\n'
)


def test_a_string_s_hash_line_and_a_line_ending_backslash_stay_in_their_key() -> None:
    line_map = scan(HASH_LINE)
    first, second = line_map.table("claim", 0), line_map.table("claim", 1)
    assert (first.keys, first.key_ends, first.end) == ({"id": 2, "text": 3}, {"id": 2, "text": 4}, 4)
    assert (second.line, second.keys) == (7, {"id": 8})


def test_quoted_headers_escaped_quotes_and_inline_records_are_placed() -> None:
    text = (
        'claim = [\n  { id = "c", text = "t" },\n  { id = "d", text = """t\nu""" },\n]\n'
        '[["person"]]\nid = "a"\nnote = """He wrote \\""" and left.\nname = "x"\n"""\n'
        "[[ 'person' ]]\nid = \"b\"\n"
    )
    tomllib.loads(text)  # valid TOML, as the reader sees it
    line_map = scan(text)
    assert line_map.table("claim", 0).line == 2
    assert (line_map.table("claim", 1).line, line_map.table("claim", 1).keys) == (3, {"id": 3, "text": 3})
    assert (line_map.table("person", 0).keys, line_map.table("person", 1).line) == ({"id": 7, "note": 8}, 11)


def test_keys_before_any_header_belong_to_the_top_level() -> None:
    lines = scan('title = "t"\n\n[source]\nid = "s"\n')
    assert lines.tables == {
        (TOP_LEVEL, 0): TableLines(line=1, keys={"title": 1}, end=1, key_ends={"title": 1}),
        ("source", 0): TableLines(line=3, keys={"id": 4}, end=4, key_ends={"id": 4}),
    }


def test_headers_with_spaces_and_comments_count_per_name() -> None:
    text = '[[ person ]]  # the first\nid = "a"\n[[organization]]\nid = "o"\n[[person]]\nid = "b"\n'
    lines = scan(text)
    assert list(lines.tables) == [(TOP_LEVEL, 0), ("person", 0), ("organization", 0), ("person", 1)]
    assert (lines.table("person", 0).line, lines.table("person", 1).line) == (1, 5)
    assert lines.table("organization").keys == {"id": 4}


def test_comments_and_blank_lines_are_not_keys() -> None:
    lines = scan('[person]\n# id = "commented"\n\n   # name = "x"\nid = "a"  # trailing = comment\n')
    assert lines.table("person").keys == {"id": 5}


def test_quoted_keys_are_named_without_their_quotes() -> None:
    lines = scan("[person]\n\"quoted key\" = 1\n'literal key' = 2\nbare-key_1 = 3\n")
    assert lines.table("person").keys == {"quoted key": 2, "literal key": 3, "bare-key_1": 4}


def test_a_repeated_key_keeps_its_first_line() -> None:
    assert scan('[person]\nid = "a"\nid = "b"\n').table("person").keys == {"id": 2}


def test_a_multiline_string_hides_what_looks_like_tables_and_keys() -> None:
    text = (
        "[source]\n"
        'note = """\n'  # 2: opens a basic multi-line string
        "[[term]]\n"
        'id = "not-a-key"\n'
        'end"""\n'  # 5: closes it
        "raw = '''\n"  # 6: opens a literal one
        "[[term]]\n"
        "'''\n"
        'after = "x"\n'  # 9
    )
    lines = scan(text)
    assert list(lines.tables) == [(TOP_LEVEL, 0), ("source", 0)]
    assert lines.table("source").keys == {"note": 2, "raw": 6, "after": 9}


def test_a_multiline_string_opened_and_closed_on_one_line_hides_nothing() -> None:
    lines = scan('[source]\nnote = """all on one line"""\nid = "s"\nraw = \'\'\'also\'\'\'\ntitle = "t"\n')
    assert lines.table("source").keys == {"note": 2, "id": 3, "raw": 4, "title": 5}


def test_a_multiline_array_ignores_brackets_in_strings_and_comments() -> None:
    text = (
        "[office]\n"
        'aliases = [ "a]", # a [ comment\n'  # 2: still open after this line
        '  "b[",\n'
        '  id = "inside the array",\n'
        "]\n"
        'name = "n"\n'  # 6
        'nested = [["x"], [\n'  # 7: one bracket left open
        '  "y"]]\n'
        'org = "o"\n'  # 9
        "one = [1, 2]\n"  # 10: closed on its own line
        'two = "t"\n'  # 11
    )
    lines = scan(text)
    assert lines.table("office").keys == {"aliases": 2, "name": 6, "nested": 7, "org": 9, "one": 10, "two": 11}


def test_a_table_or_key_not_written_falls_back_to_line_one() -> None:
    lines = scan('[person]\nid = "a"\n')
    assert lines.table("term") == TableLines(line=1)
    assert lines.table("person", 1) == TableLines(line=1, keys={})
    assert LineMap().table("person") == TableLines(line=1)


def test_an_empty_file_has_only_the_top_level() -> None:
    assert scan("").tables == {(TOP_LEVEL, 0): TableLines(line=1)}


def test_the_lazy_map_scans_once_when_first_asked() -> None:
    text = '[person]\nid = "a"\n'
    lazy = LazyLineMap(text)
    first = lazy.get()
    assert first == scan(text)
    assert lazy.get() is first
