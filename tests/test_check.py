"""One test per problem `check` must find, each asserting the exact line it prints."""

from __future__ import annotations

from pathlib import Path

from newskb.audit import check_folder
from tests.conftest import TinyBase

SOURCE = "tiny/data/sources/gazette.toml"
ENTITIES = "tiny/data/entities.toml"


def problems(base: TinyBase) -> list[str]:
    return [str(problem) for problem in check_folder(base.data).problems]


def exit_code(base: TinyBase) -> int:
    return check_folder(base.data).exit_code


def test_the_tiny_base_is_clean(tiny: TinyBase) -> None:
    assert problems(tiny) == []
    assert exit_code(tiny) == 0


def test_toml_syntax_error_names_line_and_column(tiny: TinyBase) -> None:
    line = tiny.append(tiny.source, '[[claim]]\nid = "oops"\nabout = ["ada-lovelace"\ntext = "x"\n')
    assert problems(tiny) == [f"{SOURCE}:{line + 3}: TOML syntax error: Unclosed array (at line {line + 3}, column 1)"]
    assert exit_code(tiny) == 2


def test_toml_syntax_error_exact(tiny: TinyBase) -> None:
    line = tiny.append(tiny.source, "[[claim]]\nid = = 3\n")
    assert problems(tiny) == [f"{SOURCE}:{line + 1}: TOML syntax error: Invalid value (at line {line + 1}, column 6)"]
    assert exit_code(tiny) == 2


def test_unknown_key_suggests_the_right_one(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8").replace('holder = "ada-lovelace"', 'hodler = "ada-lovelace"')
    tiny.source.write_text(text, encoding="utf-8")
    assert problems(tiny) == [
        f"{SOURCE}:16: term.holder: missing required key 'holder'",
        f"{SOURCE}:19: term.hodler: unknown key 'hodler' (did you mean 'holder'?)",
    ]
    assert exit_code(tiny) == 1


def test_unknown_table(tiny: TinyBase) -> None:
    line = tiny.append(tiny.entities, '[[persn]]\nid = "x"\nname = "X"\n')
    assert problems(tiny) == [f"{ENTITIES}:{line}: persn: unknown table 'persn' (did you mean 'person'?)"]


def test_missing_required_key(tiny: TinyBase) -> None:
    line = tiny.append(tiny.source, '[[claim]]\nid = "no-quote"\nabout = ["ada-lovelace"]\ntext = "X."\n')
    assert problems(tiny) == [f"{SOURCE}:{line}: claim.quote: missing required key 'quote'"]


def test_wrong_type(tiny: TinyBase) -> None:
    text = tiny.entities.read_text(encoding="utf-8").replace("seats = 1", 'seats = "one"')
    tiny.entities.write_text(text, encoding="utf-8")
    assert problems(tiny) == [f"{ENTITIES}:20: office.seats: must be an integer, not a string"]


def test_unquoted_toml_date_is_a_wrong_type_with_a_hint(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8").replace('start = "1831"', "start = 1831-01-01")
    tiny.source.write_text(text, encoding="utf-8")
    assert problems(tiny) == [
        f'{SOURCE}:12: term.start: must be a string, not a TOML date (write it as a quoted string, like "2024-10-01")'
    ]


def test_impossible_date(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8").replace('end = "1840"', 'end = "1840-02-30"')
    tiny.source.write_text(text, encoding="utf-8")
    assert problems(tiny) == [f"{SOURCE}:13: term.end: '1840-02-30' is not a date: February 1840 has no day 30"]


def test_malformed_date(tiny: TinyBase) -> None:
    line = tiny.append(
        tiny.source,
        '[[event]]\nid = "meeting"\ndate = "tomorrow"\ntitle = "A meeting"\nquote = "The society meets"\n',
    )
    assert problems(tiny) == [
        f"{SOURCE}:{line + 2}: event.date: 'tomorrow' is not a date: "
        "expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~, ? or %, with .. before or after"
    ]


def test_end_before_start(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8").replace('end = "1840"', 'end = "1830"')
    tiny.source.write_text(text, encoding="utf-8")
    assert problems(tiny) == [f"{SOURCE}:13: term.end: end '1830' is not after start '1831'"]


def test_duplicate_id_across_files(tiny: TinyBase) -> None:
    line = tiny.append(
        tiny.source,
        '[[claim]]\nid = "ada-lovelace"\nabout = ["ada-lovelace"]\ntext = "X."\nquote = "Ada Lovelace"\n',
    )
    assert problems(tiny) == [
        f"{SOURCE}:{line + 1}: claim.id: duplicate id 'ada-lovelace' (first defined at {ENTITIES}:1)"
    ]


def test_unknown_reference_suggests_closest_ids(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8").replace('holder = "ada-lovelace"', 'holder = "ada-lovelac"')
    tiny.source.write_text(text, encoding="utf-8")
    assert problems(tiny) == [
        f"{SOURCE}:19: term.holder: unknown person, organization or country 'ada-lovelac' "
        "(did you mean 'ada-lovelace'?)"
    ]


def test_reference_to_the_wrong_kind(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8").replace(
        'office = "society-chair"\nholder = "ada-lovelace"',
        'office = "ada-lovelace"\nholder = "ada-lovelace"',
    )
    tiny.source.write_text(text, encoding="utf-8")
    assert problems(tiny) == [f"{SOURCE}:18: term.office: 'ada-lovelace' is a person, not an office"]


def test_quote_not_in_the_source_text(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8").replace(
        "succeeded him as chair in 1840", "succeeded him as president in 1840"
    )
    tiny.source.write_text(text, encoding="utf-8")
    assert problems(tiny) == [
        f"{SOURCE}:23: term.quote: quote not found in the text of source 'gazette-1843'; "
        "it matches as far as 'Ada Lovelace succeeded him as '"
    ]


def test_only_runs_of_whitespace_are_forgiven_in_a_quote(tiny: TinyBase) -> None:
    tiny.append(
        tiny.source,
        '[[claim]]\nid = "meets"\nabout = ["analytical-society"]\ntext = "It meets in London."\n'
        'quote = "The society meets in London."\n',
    )
    assert problems(tiny) == []
    line = tiny.append(
        tiny.source,
        '[[claim]]\nid = "meets-2"\nabout = ["analytical-society"]\ntext = "It meets in London."\n'
        'quote = "The Society meets in London."\n',
    )
    assert problems(tiny) == [
        f"{SOURCE}:{line + 4}: claim.quote: quote not found in the text of source 'gazette-1843'; "
        "it matches as far as 'The '"
    ]


def test_source_text_file_missing(tiny: TinyBase) -> None:
    (tiny.root / "seeds" / "gazette.txt").unlink()
    assert problems(tiny) == [
        f"{SOURCE}:6: source.text: text file '../../seeds/gazette.txt' not found (tiny/seeds/gazette.txt)"
    ]
    assert exit_code(tiny) == 1


def test_overlapping_terms_on_a_one_seat_office(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8").replace('end = "1840"', 'end = "1842"')
    tiny.source.write_text(text, encoding="utf-8")
    assert problems(tiny) == [
        f"{SOURCE}:20: term.start: overlaps term 'babbage-chair' of 'charles-babbage' "
        "on one-seat office 'society-chair'"
    ]


def test_same_day_handover_is_not_an_overlap(tiny: TinyBase) -> None:
    text = (
        tiny.source.read_text(encoding="utf-8")
        .replace('end = "1840"', 'end = "1840-03-01"')
        .replace('start = "1840"', 'start = "1840-03-01"')
    )
    tiny.source.write_text(text, encoding="utf-8")
    assert problems(tiny) == []


def test_replaces_must_name_the_previous_holder(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8").replace('replaces = "charles-babbage"', 'replaces = "ada-lovelace"')
    tiny.source.write_text(text, encoding="utf-8")
    assert problems(tiny) == [
        f"{SOURCE}:22: term.replaces: 'ada-lovelace' holds no other term of office 'society-chair'"
    ]


def test_replaces_a_holder_who_was_not_the_previous_one(tiny: TinyBase) -> None:
    line = tiny.append(
        tiny.source,
        '[[term]]\nid = "babbage-early"\noffice = "society-chair"\nholder = "ada-lovelace"\n'
        'start = "1820"\nend = "1831"\nquote = "Ada Lovelace"\n',
    )
    text = tiny.source.read_text(encoding="utf-8").replace('replaces = "charles-babbage"', 'replaces = "ada-lovelace"')
    tiny.source.write_text(text, encoding="utf-8")
    assert problems(tiny) == [
        f"{SOURCE}:22: term.replaces: replaces 'ada-lovelace', but the previous holder of "
        "'society-chair' is 'charles-babbage' (term 'babbage-chair')"
    ]
    assert line > 22


def test_control_and_escape_characters(tiny: TinyBase) -> None:
    line = tiny.append(tiny.entities, '[[person]]\nid = "mallory"\nname = "Mal\\u001b[31mlory\\u202e"\n')
    assert problems(tiny) == [
        f"{ENTITIES}:{line + 2}: person.name: control or escape characters are not allowed: U+001B, U+202E"
    ]


def test_a_file_that_is_not_utf8(tiny: TinyBase) -> None:
    (tiny.data / "latin1.toml").write_bytes(b'[[person]]\nid = "cafe"\nname = "Caf\xe9"\n')
    assert problems(tiny) == ["tiny/data/latin1.toml:3: not UTF-8: byte 0xe9 cannot be decoded"]
    assert exit_code(tiny) == 2


def test_every_problem_is_reported_not_just_the_first(tiny: TinyBase) -> None:
    (tiny.data / "latin1.toml").write_bytes(b"\xff")
    text = (
        tiny.source.read_text(encoding="utf-8")
        .replace('end = "1840"', 'end = "1830"')
        .replace('holder = "ada-lovelace"', 'holder = "ada"')
    )
    tiny.source.write_text(text, encoding="utf-8")
    assert problems(tiny) == [
        "tiny/data/latin1.toml:1: not UTF-8: byte 0xff cannot be decoded",
        f"{SOURCE}:13: term.end: end '1830' is not after start '1831'",
        f"{SOURCE}:19: term.holder: unknown person, organization or country 'ada'",
    ]
    assert exit_code(tiny) == 2


def test_an_invalid_record_does_not_cascade(tiny: TinyBase) -> None:
    # A bad seat count is one problem, not an extra "unknown office" on every term of the office.
    text = tiny.entities.read_text(encoding="utf-8").replace("seats = 1", "seats = 0")
    tiny.entities.write_text(text, encoding="utf-8")
    assert problems(tiny) == [f"{ENTITIES}:20: office.seats: must be at least 1, not 0"]


def test_summary_needs_its_source_and_quote(tiny: TinyBase) -> None:
    text = tiny.entities.read_text(encoding="utf-8").replace(
        'aliases = ["Babbage"]', 'aliases = ["Babbage"]\nsummary = "Chaired the society."'
    )
    tiny.entities.write_text(text, encoding="utf-8")
    assert problems(tiny) == [
        f"{ENTITIES}:6: person.source: missing required key 'source'",
        f"{ENTITIES}:6: person.quote: missing required key 'quote'",
    ]


def test_fact_without_a_source_in_a_file_without_one(tiny: TinyBase) -> None:
    (tiny.data / "loose.toml").write_text(
        '[[claim]]\nid = "loose"\nabout = ["ada-lovelace"]\ntext = "X."\nquote = "Ada"\n', encoding="utf-8"
    )
    assert problems(tiny) == [
        "tiny/data/loose.toml:1: claim.source: missing required key 'source' "
        "(this file has no [source] table to inherit it from)"
    ]


def test_the_shipped_fact_base_is_clean(kb: Path) -> None:
    report = check_folder(kb)
    assert [str(problem) for problem in report.problems] == []
    assert report.exit_code == 0
