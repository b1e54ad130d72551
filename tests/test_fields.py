"""fields.py: typed getters over one TOML table that record every problem, with its line and key path."""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

import pytest

from newskb.base.fields import Fields, absent, type_name
from newskb.base.linemap import LazyLineMap
from newskb.base.model import Origin, keys
from newskb.base.schema import Key
from newskb.common import dates
from newskb.common.errors import Problem
from newskb.common.kinds import Kind

FILE = Path("/data/sources/gazette.toml")


def fields(toml: str, kind: str = "term") -> tuple[Fields, list[Problem]]:
    """The Fields of the first `[[kind]]` table in `toml`, placed in FILE, and the list its problems go to."""
    problems: list[Problem] = []
    table = tomllib.loads(toml)[kind][0]
    origin = Origin(file=FILE, table=kind, index=0, lines=LazyLineMap(toml))
    return Fields(table, kind=kind, origin=origin, problems=problems), problems


def said(problems: list[Problem]) -> list[tuple[int | None, str, str]]:
    return [(problem.line, problem.key_path, problem.message) for problem in problems]


def declared(kind: Kind, name: str) -> Key:
    (found,) = [key for key in keys(kind) if key.name == name]
    return found


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (True, "a boolean"),
        (1, "an integer"),
        (1.5, "a float"),
        ("x", "a string"),
        ([1], "an array"),
        ({"a": 1}, "a table"),
        (datetime.datetime(2024, 10, 1, 12, 0), "a TOML date-time"),
        (datetime.date(2024, 10, 1), "a TOML date"),
        (datetime.time(12, 0), "a TOML time"),
        (None, "NoneType"),
    ],
)
def test_type_name_speaks_toml(value: object, name: str) -> None:
    assert type_name(value) == name


def test_a_problem_names_the_file_the_key_line_and_the_key_path() -> None:
    reader, problems = fields('# a comment\n\n[[term]]\nid = "a"\nholder = "x"\n')
    reader.problem("holder", "first")
    reader.problem("quote", "not written: the table's line")
    reader.problem("", "the whole record")
    reader.problem("holder", "placed by hand", line=42)
    assert said(problems) == [
        (5, "term.holder", "first"),
        (3, "term.quote", "not written: the table's line"),
        (3, "term", "the whole record"),
        (42, "term.holder", "placed by hand"),
    ]
    assert {problem.file for problem in problems} == {FILE}


def test_text() -> None:
    reader, problems = fields('[[term]]\nquote = "q"\nblank = "  "\nnumber = 3\nwhen = 2024-10-01\nat = 12:00:00\n')
    assert reader.text("quote") == "q"
    assert reader.text("blank", required=False) == "  "
    assert problems == []
    assert reader.text("missing", required=False) is None
    assert problems == []
    assert reader.text("missing") is None
    assert reader.text("blank") is None
    assert reader.text("number") is None
    assert reader.text("when") is None
    assert reader.text("at", required=False) is None
    assert said(problems) == [
        (1, "term.missing", "missing required key 'missing'"),
        (3, "term.blank", "must not be empty"),
        (4, "term.number", "must be a string, not an integer"),
        (5, "term.when", 'must be a string, not a TOML date (write it as a quoted string, like "2024-10-01")'),
        (6, "term.at", 'must be a string, not a TOML time (write it as a quoted string, like "2024-10-01")'),
    ]


def test_text_refuses_control_characters_and_a_line_break_unless_multiline() -> None:
    reader, problems = fields('[[term]]\nquote = "a\\u001b[31mb"\nnote = "one\\ntwo"\n')
    assert reader.text("quote") == "a\x1b[31mb"  # the value is still read; the problem is recorded
    assert reader.text("note", multiline=True) == "one\ntwo"
    assert reader.text("note") == "one\ntwo"
    assert said(problems) == [
        (2, "term.quote", "control or escape characters are not allowed: U+001B"),
        (3, "term.note", "control or escape characters are not allowed: U+000A"),
    ]


def test_slug() -> None:
    reader, problems = fields('[[term]]\nid = "mark-rutte"\nholder = "Mark Rutte"\noffice = "a--b"\n')
    assert reader.slug("id") == "mark-rutte"
    assert reader.slug("holder") is None
    assert reader.slug("office") is None
    assert reader.slug("replaces", required=False) is None
    assert said(problems) == [
        (3, "term.holder", "'Mark Rutte' is not a kebab-case id (like 'jane-doe')"),
        (4, "term.office", "'a--b' is not a kebab-case id (like 'jane-doe')"),
    ]


def test_texts() -> None:
    toml = '[[claim]]\naliases = ["A", 2, "B"]\nabout = ["nato", "Not A Slug"]\nnone = []\nname = "x"\n'
    reader, problems = fields(toml, "claim")
    assert reader.texts("aliases") == ("A", "B")
    assert reader.texts("about", slugs=True) == ("nato",)
    assert reader.texts("none") == ()
    assert reader.texts("none", required=True) == ()
    assert reader.texts("missing") == ()
    assert reader.texts("missing", required=True) == ()
    assert reader.texts("name") == ()
    assert said(problems) == [
        (2, "claim.aliases[1]", "must be a string, not an integer"),  # an item stands on its key's line
        (3, "claim.about[1]", "'Not A Slug' is not a kebab-case id (like 'jane-doe')"),
        (4, "claim.none", "'none' must name at least one id"),
        (1, "claim.missing", "missing required key 'missing'"),
        (5, "claim.name", "must be an array of strings, not a string"),
    ]


def test_texts_refuses_control_characters_in_an_item() -> None:
    reader, problems = fields('[[person]]\naliases = ["ok", "bad\\u202e"]\n', "person")
    assert reader.texts("aliases") == ("ok", "bad\u202e")
    assert said(problems) == [(2, "person.aliases[1]", "control or escape characters are not allowed: U+202E")]


def test_integer() -> None:
    reader, problems = fields('[[office]]\nseats = 3\nzero = 0\nflag = true\nword = "two"\n', "office")
    assert reader.integer("seats", default=1, minimum=1) == 3
    assert reader.integer("missing", default=1, minimum=1) == 1
    assert reader.integer("zero", default=1, minimum=0) == 0
    assert problems == []
    assert reader.integer("zero", default=1, minimum=1) == 1
    assert reader.integer("flag", default=1, minimum=1) == 1
    assert reader.integer("word", default=5, minimum=1) == 5
    assert said(problems) == [
        (3, "office.zero", "must be at least 1, not 0"),
        (4, "office.flag", "must be an integer, not a boolean"),
        (5, "office.word", "must be an integer, not a string"),
    ]


def test_date() -> None:
    toml = '[[term]]\nstart = "2014~"\nempty = ""\nend = ".."\nbad = "tomorrow"\nodd = "2024-02-30"\n'
    reader, problems = fields(toml)
    assert reader.date("start") == dates.parse("2014~")
    assert reader.date("empty") is None  # "" is unknown
    assert reader.date("missing") is None
    assert reader.date("end", allow_open=True) is None  # the caller reads `..`
    assert problems == []
    assert reader.date("missing", required=True) is None
    assert reader.date("end") is None
    assert reader.date("bad") is None
    assert reader.date("odd") is None
    assert said(problems) == [
        (1, "term.missing", "missing required key 'missing'"),
        (4, "term.end", "'..' (open) may only stand as an end"),
        (
            5,
            "term.bad",
            "'tomorrow' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~, ? or %, "
            "with .. before or after",
        ),
        (6, "term.odd", "'2024-02-30' is not a date: February 2024 has no day 30"),
    ]


def test_day() -> None:
    reader, problems = fields('[[expect]]\ndate = "2024-10-01"\nmonth = "2024-10"\nbefore = "..2024-10-01"\n', "expect")
    assert reader.day("date") == datetime.date(2024, 10, 1)
    assert reader.day("missing") is None
    assert problems == []
    assert reader.day("month") is None
    assert reader.day("before") is None
    assert reader.day("missing", required=True) is None
    assert said(problems) == [
        (3, "expect.month", "'2024-10' is not a single day: an expect record asks about one day (YYYY-MM-DD)"),
        (4, "expect.before", "'..2024-10-01' is not a single day: an expect record asks about one day (YYYY-MM-DD)"),
        (1, "expect.missing", "missing required key 'missing'"),
    ]


def test_value_reads_each_key_type_with_its_getter() -> None:
    term, problems = fields(
        '[[term]]\nid = "t"\nstart = "2014"\nend = ".."\nquote = "q"\nnote = "a\\nb"\nholder = "Bad Id"\n'
    )
    assert term.value(declared(Kind.TERM, "id"), required=True) == "t"  # ID
    assert term.value(declared(Kind.TERM, "start"), required=False) == dates.parse("2014")  # DATE
    assert term.value(declared(Kind.TERM, "end"), required=False) == dates.OPEN  # END, open
    assert term.value(declared(Kind.TERM, "quote"), required=True) == "q"  # TEXT
    assert term.value(declared(Kind.TERM, "note"), required=False) == "a\nb"  # NOTE: may span lines
    assert term.value(declared(Kind.TERM, "holder"), required=True) is None
    assert term.value(declared(Kind.TERM, "replaces"), required=False) is None
    assert said(problems) == [(7, "term.holder", "'Bad Id' is not a kebab-case id (like 'jane-doe')")]

    ended, _ = fields('[[term]]\nend = "2024-10-01"\n')
    assert ended.value(declared(Kind.TERM, "end"), required=False) == dates.parse("2024-10-01")  # END, a date

    claim, problems = fields('[[claim]]\nabout = ["nato", "Bad"]\n', "claim")
    assert claim.value(declared(Kind.CLAIM, "about"), required=True) == ("nato",)  # IDS: slugs
    assert said(problems) == [(2, "claim.about[1]", "'Bad' is not a kebab-case id (like 'jane-doe')")]

    person, problems = fields('[[person]]\naliases = ["Not A Slug"]\n', "person")
    assert person.value(declared(Kind.PERSON, "aliases"), required=False) == ("Not A Slug",)  # TEXTS
    assert problems == []

    expect, _ = fields('[[expect]]\ndate = "2024-10-01"\n', "expect")
    assert expect.value(declared(Kind.EXPECT, "date"), required=False) == datetime.date(2024, 10, 1)  # DAY

    office, problems = fields("[[office]]\nseats = 2\n", "office")
    assert office.value(declared(Kind.OFFICE, "seats"), required=False) == 2  # COUNT
    default, _ = fields('[[office]]\nid = "o"\n', "office")
    assert default.value(declared(Kind.OFFICE, "seats"), required=False) == 1  # COUNT: its default

    # FILE is /data/sources/gazette.toml: the path is taken from its folder, and normalised.
    source, _ = fields('[[source]]\ntext = "../../seeds/./gazette.txt"\n', "source")
    assert source.value(declared(Kind.SOURCE, "text"), required=True) == Path("/seeds/gazette.txt")  # PATH
    missing, problems = fields('[[source]]\nid = "s"\n', "source")
    assert missing.value(declared(Kind.SOURCE, "text"), required=True) is None
    assert said(problems) == [(1, "source.text", "missing required key 'text'")]


def test_value_of_a_note_may_span_lines_but_a_text_may_not() -> None:
    reader, problems = fields('[[term]]\nnote = "a\\nb"\nquote = "a\\nb"\n')
    assert reader.value(declared(Kind.TERM, "note"), required=False) == "a\nb"
    assert reader.value(declared(Kind.TERM, "quote"), required=True) == "a\nb"
    assert said(problems) == [(3, "term.quote", "control or escape characters are not allowed: U+000A")]


def test_reject_unknown_names_each_unknown_key_with_the_closest_known_ones() -> None:
    reader, problems = fields('[[term]]\nid = "t"\nhodler = "x"\nzzz = 1\nqoute = "q"\n')
    reader.reject_unknown(["id", "holder", "office", "quote", "note"])
    assert said(problems) == [
        (3, "term.hodler", "unknown key 'hodler' (did you mean 'holder'?)"),
        (4, "term.zzz", "unknown key 'zzz'"),
        (5, "term.qoute", "unknown key 'qoute' (did you mean 'quote' or 'note'?)"),
    ]


def test_reject_unknown_accepts_every_allowed_key() -> None:
    reader, problems = fields('[[term]]\nid = "t"\nholder = "x"\n')
    reader.reject_unknown(iter(["id", "holder"]))  # any iterable, read once
    assert problems == []


@pytest.mark.parametrize("kind", list(Kind))
def test_absent_is_what_value_reads_for_a_key_left_out(kind: Kind) -> None:
    """The reader skips `value` for optional keys a table leaves out and takes `absent` instead: the same."""
    for key in keys(kind):
        empty, problems = fields(f"[[{kind.value}]]\n", kind=kind.value)
        assert empty.value(key, required=False) == absent(key), key.name
        assert problems == [], key.name
