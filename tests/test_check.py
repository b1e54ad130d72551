"""One test per problem `check` must find, each asserting the exact line it prints."""

from __future__ import annotations

from pathlib import Path

from newskb.curation.audit import check_folder
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
        f"{SOURCE}:19: term.holder: unknown person, organization or country 'ada': a file that did not read may "
        "hold them",
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


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in a data file (a fixture change that moved it fails here)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not written exactly once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


# Every key that names ids is checked, each reported on its own line (model.py declares what each may name).


def test_an_entity_summary_must_name_a_known_source(tiny: TinyBase) -> None:
    edit(
        tiny.entities,
        'aliases = ["Babbage"]',
        'aliases = ["Babbage"]\nsummary = "Chaired the society."\nsource = "gazette-1834"\nquote = "Charles Babbage"',
    )
    assert problems(tiny) == [
        f"{ENTITIES}:11: person.source: unknown source 'gazette-1834' (did you mean 'gazette-1843'?)",
    ]


def test_an_office_org_must_be_an_organization_or_country(tiny: TinyBase) -> None:
    edit(tiny.entities, 'org = "analytical-society"', 'org = "ada-lovelace"')
    assert problems(tiny) == [f"{ENTITIES}:19: office.org: 'ada-lovelace' is a person, not an organization or country"]


def test_a_publisher_must_be_an_organization(tiny: TinyBase) -> None:
    edit(tiny.source, 'publisher = "analytical-society"', 'publisher = "society-chair"')
    assert problems(tiny) == [f"{SOURCE}:4: source.publisher: 'society-chair' is an office, not an organization"]


def test_each_cited_id_is_checked_and_reported_on_the_line_of_cites(tiny: TinyBase) -> None:
    edit(
        tiny.source,
        'publisher = "analytical-society"',
        'publisher = "analytical-society"\n'
        'cites = ["charles-babbage", "society-chair", "ada-lovelace", "charles-babage"]',
    )
    assert problems(tiny) == [
        f"{SOURCE}:5: source.cites[1]: 'society-chair' is an office, not an organization or person",
        f"{SOURCE}:5: source.cites[3]: unknown organization or person 'charles-babage' "
        "(did you mean 'charles-babbage'?)",
    ]


def test_replaces_must_name_a_holder(tiny: TinyBase) -> None:
    edit(tiny.source, 'replaces = "charles-babbage"', 'replaces = "society-chair"')
    assert problems(tiny) == [
        f"{SOURCE}:22: term.replaces: 'society-chair' is an office, not a person, organization or country",
        f"{SOURCE}:22: term.replaces: 'society-chair' holds no other term of office 'society-chair'",
    ]


def test_a_fact_source_must_be_a_known_source(tiny: TinyBase) -> None:
    edit(tiny.source, 'holder = "charles-babbage"', 'holder = "charles-babbage"\nsource = "gazette-1834"')
    assert problems(tiny) == [
        f"{SOURCE}:12: term.source: unknown source 'gazette-1834' (did you mean 'gazette-1843'?)",
    ]


def test_each_involved_id_is_checked_and_reported_on_the_line_of_involves(tiny: TinyBase) -> None:
    line = tiny.append(
        tiny.source,
        '[[event]]\nid = "meeting"\ndate = "1843"\ntitle = "The society meets"\n'
        'involves = ["analytical-society", "gazette-1843", "society-chair"]\nquote = "The society meets"\n',
    )
    assert problems(tiny) == [
        f"{SOURCE}:{line + 4}: event.involves[1]: 'gazette-1843' is a source, "
        "not a person, organization, country or office",
    ]


def test_same_as_must_name_an_event(tiny: TinyBase) -> None:
    line = tiny.append(
        tiny.source,
        '[[event]]\nid = "meeting"\ntitle = "The society meets"\nsame_as = "lovelace-chair"\n'
        'quote = "The society meets"\n',
    )
    assert problems(tiny) == [f"{SOURCE}:{line + 3}: event.same_as: 'lovelace-chair' is a term, not an event"]


def test_each_claim_subject_is_checked_and_reported_on_the_line_of_about(tiny: TinyBase) -> None:
    line = tiny.append(
        tiny.source,
        '[[claim]]\nid = "meets-in-london"\ntext = "The society meets in London."\n'
        'about = ["analytical-society", "lovelace-chair"]\nquote = "in London."\n',
    )
    assert problems(tiny) == [
        f"{SOURCE}:{line + 3}: claim.about[1]: 'lovelace-chair' is a term, "
        "not a person, organization, country or office",
    ]


def test_an_expectation_about_an_office_names_an_office_and_a_holder(tiny: TinyBase) -> None:
    (tiny.data / "expectations.toml").write_text(
        '[[expect]]\nid = "lovelace-chairs"\noffice = "analytical-society"\ndate = "1843-09-01"\nholder = "lovelace"\n',
        encoding="utf-8",
    )
    assert problems(tiny) == [
        "tiny/data/expectations.toml:3: expect.office: 'analytical-society' is an organization, not an office",
        "tiny/data/expectations.toml:5: expect.holder: unknown person, organization or country 'lovelace' "
        "(did you mean 'ada-lovelace'?)",
    ]


def test_an_expectation_of_a_search_names_a_searchable_id(tiny: TinyBase) -> None:
    (tiny.data / "expectations.toml").write_text(
        '[[expect]]\nid = "babbage-is-found"\nsearch = "Babbage"\nfirst = "gazette-1843"\n', encoding="utf-8"
    )
    assert problems(tiny) == [
        "tiny/data/expectations.toml:4: expect.first: 'gazette-1843' is a source, "
        "not a person, organization, country, office, term, event or claim",
    ]


# Quotes: a record whose quote cannot be checked does not stop the check of the others.


def test_a_summary_with_an_unknown_source_does_not_stop_the_quote_checks_after_it(tiny: TinyBase) -> None:
    edit(
        tiny.entities,
        'aliases = ["Babbage"]',
        'aliases = ["Babbage"]\nsummary = "Chaired the society."\nsource = "gazette-1834"\nquote = "Charles Babbage"',
    )
    edit(tiny.source, "succeeded him as chair in 1840", "succeeded him as president in 1840")
    assert problems(tiny) == [
        f"{ENTITIES}:11: person.source: unknown source 'gazette-1834' (did you mean 'gazette-1843'?)",
        f"{SOURCE}:23: term.quote: quote not found in the text of source 'gazette-1843'; "
        "it matches as far as 'Ada Lovelace succeeded him as '",
    ]


def test_a_missing_quote_does_not_stop_the_quote_checks_after_it(tiny: TinyBase) -> None:
    edit(tiny.source, 'quote = "Charles Babbage chaired the Analytical Society from 1831 until 1840."\n', "")
    edit(tiny.source, "succeeded him as chair in 1840", "succeeded him as president in 1840")
    assert problems(tiny) == [
        f"{SOURCE}:8: term.quote: missing required key 'quote'",
        f"{SOURCE}:22: term.quote: quote not found in the text of source 'gazette-1843'; "
        "it matches as far as 'Ada Lovelace succeeded him as '",
    ]


def test_a_summary_quote_is_checked_against_its_source(tiny: TinyBase) -> None:
    edit(
        tiny.entities,
        'aliases = ["Babbage"]',
        'aliases = ["Babbage"]\nsummary = "Chaired the society."\nsource = "gazette-1843"\n'
        'quote = "Charles Babbage presided over the Analytical Society"',
    )
    assert problems(tiny) == [
        f"{ENTITIES}:12: person.quote: quote not found in the text of source 'gazette-1843'; "
        "it matches as far as 'Charles Babbage '",
    ]


def test_a_quote_that_shares_nothing_with_the_text_names_no_match(tiny: TinyBase) -> None:
    edit(tiny.source, 'quote = "Ada Lovelace succeeded him as chair in 1840"', 'quote = "Zebras"')
    assert problems(tiny) == [f"{SOURCE}:23: term.quote: quote not found in the text of source 'gazette-1843'"]


# Terms: one office's trouble does not stop the checks of another's terms.


def test_a_term_of_an_unknown_office_does_not_stop_the_other_offices_checks(tiny: TinyBase) -> None:
    # The stray term comes first, so its office is the first one the term checks meet.
    edit(
        tiny.source,
        '[[term]]\nid = "babbage-chair"',
        '[[term]]\nid = "stray"\noffice = "society-chiar"\nholder = "ada-lovelace"\nquote = "Ada Lovelace"\n\n'
        '[[term]]\nid = "babbage-chair"',
    )
    edit(tiny.source, 'end = "1840"', 'end = "1842"')
    edit(tiny.source, 'replaces = "charles-babbage"', 'replaces = "analytical-society"')
    assert problems(tiny) == [
        f"{SOURCE}:10: term.office: unknown office 'society-chiar' (did you mean 'society-chair'?)",
        f"{SOURCE}:26: term.start: overlaps term 'babbage-chair' of 'charles-babbage' "
        "on one-seat office 'society-chair'",
        f"{SOURCE}:28: term.replaces: 'analytical-society' holds no other term of office 'society-chair'",
    ]


def test_terms_of_an_office_with_two_seats_may_overlap(tiny: TinyBase) -> None:
    edit(tiny.entities, "seats = 1", "seats = 2")
    edit(tiny.source, 'end = "1840"', 'end = "1842"')
    assert problems(tiny) == []


def test_a_later_term_with_an_unknown_end_is_no_overlap_and_no_crash(tiny: TinyBase) -> None:
    tiny.append(
        tiny.source,
        '[[term]]\nid = "babbage-again"\noffice = "society-chair"\nholder = "charles-babbage"\n'
        'start = "1850"\nquote = "Charles Babbage chaired the Analytical Society"\n',
    )
    assert problems(tiny) == []


# Several sources: a second article about the same society, published later.

WEEKLY = "tiny/data/sources/weekly.toml"
WEEKLY_ARTICLE = (
    "The Weekly, 3 March 1853.\n"
    "Charles Babbage chaired the Analytical Society from 1830.\n"
    "Ada Lovelace left the chair in 1852, and Charles Babbage returned to it in 1852.\n"
    "The society first met in 1842.\n"
)


def add_weekly(tiny: TinyBase, facts: str) -> int:
    """Add the second source with `facts` after its [source] table; return the line the facts start on."""
    (tiny.root / "seeds" / "weekly.txt").write_text(WEEKLY_ARTICLE, encoding="utf-8")
    header = (
        '[source]\nid = "weekly-1853"\ntitle = "The Weekly"\npublisher = "analytical-society"\n'
        'published = "1853-03-03"\ntext = "../../seeds/weekly.txt"\n\n'
    )
    (tiny.data / "sources" / "weekly.toml").write_text(header + facts, encoding="utf-8")
    return header.count("\n") + 1


GAZETTE_MEETING = (
    '[[event]]\nid = "first-meeting"\ndate = "1843"\ntitle = "The society meets"\nquote = "The society meets"\n'
)


def test_an_event_dated_differently_by_its_same_as_is_a_warning(tiny: TinyBase) -> None:
    tiny.append(tiny.source, GAZETTE_MEETING)
    line = add_weekly(
        tiny,
        '[[event]]\nid = "first-meeting-weekly"\ndate = "1842"\ntitle = "The society first meets"\n'
        'same_as = "first-meeting"\nquote = "The society first met in 1842."\n',
    )
    report = check_folder(tiny.data)
    assert [str(problem) for problem in report.problems] == [
        f"{WEEKLY}:{line + 2}: event.date: warning: conflict: source 'weekly-1853' says 1842, "
        "but 'first-meeting' from source 'gazette-1843' says 1843",
    ]
    assert report.exit_code == 0
    assert report.exit_code_strict() == 1


def test_an_event_with_an_unknown_date_conflicts_with_a_dated_same_as(tiny: TinyBase) -> None:
    tiny.append(tiny.source, GAZETTE_MEETING)
    line = add_weekly(
        tiny,
        '[[event]]\nid = "first-meeting-weekly"\ntitle = "The society first meets"\n'
        'same_as = "first-meeting"\nquote = "The society first met in 1842."\n',
    )
    assert problems(tiny) == [
        f"{WEEKLY}:{line}: event.date: warning: conflict: source 'weekly-1853' says unknown, "
        "but 'first-meeting' from source 'gazette-1843' says 1843",
    ]


def test_a_dated_event_conflicts_with_an_undated_same_as(tiny: TinyBase) -> None:
    tiny.append(tiny.source, GAZETTE_MEETING.replace('date = "1843"\n', ""))
    line = add_weekly(
        tiny,
        '[[event]]\nid = "first-meeting-weekly"\ndate = "1842"\ntitle = "The society first meets"\n'
        'same_as = "first-meeting"\nquote = "The society first met in 1842."\n',
    )
    assert problems(tiny) == [
        f"{WEEKLY}:{line + 2}: event.date: warning: conflict: source 'weekly-1853' says 1842, "
        "but 'first-meeting' from source 'gazette-1843' says unknown",
    ]


def test_an_event_dated_as_its_same_as_is_no_conflict(tiny: TinyBase) -> None:
    tiny.append(tiny.source, GAZETTE_MEETING)
    add_weekly(
        tiny,
        '[[event]]\nid = "first-meeting-weekly"\ndate = "1843"\ntitle = "The society first meets"\n'
        'same_as = "first-meeting"\nquote = "The society first met in 1842."\n',
    )
    assert problems(tiny) == []


def test_a_term_dated_differently_by_another_source_is_one_warning_on_the_later_record(tiny: TinyBase) -> None:
    line = add_weekly(
        tiny,
        '[[term]]\nid = "babbage-chair-weekly"\noffice = "society-chair"\nholder = "charles-babbage"\n'
        'start = "1830"\nend = "1840"\nquote = "Charles Babbage chaired the Analytical Society from 1830."\n',
    )
    report = check_folder(tiny.data)
    assert [str(problem) for problem in report.problems] == [
        f"{WEEKLY}:{line + 4}: term.start: warning: conflict: source 'weekly-1853' says 1830, "
        "but 'babbage-chair' from source 'gazette-1843' says 1831",
    ]
    assert report.exit_code == 0


def test_an_open_end_closed_by_a_later_source_is_checked_with_that_end(tiny: TinyBase) -> None:
    # The gazette knows of no end to Lovelace's term; the weekly ends it in 1852, when Babbage returns.
    add_weekly(
        tiny,
        '[[term]]\nid = "lovelace-chair-weekly"\noffice = "society-chair"\nholder = "ada-lovelace"\n'
        'start = "1840"\nend = "1852"\nquote = "Ada Lovelace left the chair in 1852"\n\n'
        '[[term]]\nid = "babbage-returns"\noffice = "society-chair"\nholder = "charles-babbage"\n'
        'start = "1852-06"\nreplaces = "ada-lovelace"\nquote = "Charles Babbage returned to it in 1852"\n',
    )
    assert problems(tiny) == []


def test_a_term_starting_inside_an_open_term_overlaps_it(tiny: TinyBase) -> None:
    # A term starting during an open term overlaps it when no source closes that.
    line = tiny.append(
        tiny.source,
        '[[term]]\nid = "babbage-returns"\noffice = "society-chair"\nholder = "charles-babbage"\n'
        'start = "1842-06"\nend = "1850"\nquote = "Charles Babbage chaired"\n',
    )
    assert problems(tiny) == [
        f"{SOURCE}:{line + 4}: term.start: overlaps term 'lovelace-chair' of 'ada-lovelace' "
        "on one-seat office 'society-chair'",
    ]


def test_an_overlap_is_reported_on_the_term_that_starts_later_whatever_the_file_order(tiny: TinyBase) -> None:
    tiny.append(
        tiny.source,
        '[[term]]\nid = "lovelace-early"\noffice = "society-chair"\nholder = "ada-lovelace"\n'
        'start = "1820"\nend = "1835"\nquote = "Ada Lovelace"\n',
    )
    assert problems(tiny) == [
        f"{SOURCE}:12: term.start: overlaps term 'lovelace-early' of 'ada-lovelace' on one-seat office 'society-chair'",
    ]


def test_of_two_earlier_terms_that_stop_together_an_overlap_names_the_first(tiny: TinyBase) -> None:
    edit(tiny.source, 'replaces = "charles-babbage"\n', "")
    line = tiny.append(
        tiny.source,
        '[[term]]\nid = "babbage-vice"\noffice = "society-chair"\nholder = "charles-babbage"\n'
        'start = "1835"\nend = "1840"\nquote = "Charles Babbage"\n\n'
        '[[term]]\nid = "society-interim"\noffice = "society-chair"\nholder = "analytical-society"\n'
        'start = "1838"\nend = "1839"\nquote = "the Analytical Society"\n',
    )
    assert problems(tiny) == [
        f"{SOURCE}:{line + 12}: term.start: overlaps term 'babbage-chair' of 'charles-babbage' "
        "on one-seat office 'society-chair'",
    ]


def test_every_replaces_that_names_no_other_holder_is_reported(tiny: TinyBase) -> None:
    edit(tiny.source, 'holder = "charles-babbage"', 'holder = "charles-babbage"\nreplaces = "analytical-society"')
    edit(tiny.source, 'replaces = "charles-babbage"', 'replaces = "analytical-society"')
    assert problems(tiny) == [
        f"{SOURCE}:12: term.replaces: 'analytical-society' holds no other term of office 'society-chair'",
        f"{SOURCE}:23: term.replaces: 'analytical-society' holds no other term of office 'society-chair'",
    ]


def test_a_term_that_starts_on_the_first_possible_day_of_the_next_is_its_previous_term(tiny: TinyBase) -> None:
    # The interim term starts on 1 January 1840, Lovelace's some day in 1840: the interim term came first.
    edit(tiny.source, 'replaces = "charles-babbage"', 'replaces = "analytical-society"')
    tiny.append(
        tiny.source,
        '[[term]]\nid = "society-interim"\noffice = "society-chair"\nholder = "analytical-society"\n'
        'start = "1840-01-01"\nquote = "the Analytical Society"\n',
    )
    assert problems(tiny) == []


def test_a_conflict_between_two_terms_that_share_an_id_is_not_lost(tiny: TinyBase) -> None:
    # The shared id is a problem of its own; the two records cannot be told apart by it, so each gets the warning.
    line = add_weekly(
        tiny,
        '[[term]]\nid = "babbage-chair"\noffice = "society-chair"\nholder = "charles-babbage"\n'
        'start = "1830"\nend = "1840"\nquote = "Charles Babbage chaired the Analytical Society from 1830."\n',
    )
    assert problems(tiny) == [
        f"{SOURCE}:12: term.start: warning: conflict: source 'gazette-1843' says 1831, "
        "but 'babbage-chair' from source 'weekly-1853' says 1830",
        f"{WEEKLY}:{line + 1}: term.id: duplicate id 'babbage-chair' (first defined at {SOURCE}:8)",
        f"{WEEKLY}:{line + 4}: term.start: warning: conflict: source 'weekly-1853' says 1830, "
        "but 'babbage-chair' from source 'gazette-1843' says 1831",
    ]


def test_an_entity_quote_is_checked_even_without_a_summary(tiny: TinyBase) -> None:
    # A quote claims to be the source's words whether or not a summary stands beside it.
    edit(
        tiny.entities,
        'aliases = ["Babbage"]',
        'aliases = ["Babbage"]\nsource = "gazette-1843"\n'
        'quote = "Charles Babbage presided over the Analytical Society"',
    )
    report = check_folder(tiny.data)
    assert [str(problem) for problem in report.problems] == [
        f"{ENTITIES}:11: person.quote: quote not found in the text of source 'gazette-1843'; "
        "it matches as far as 'Charles Babbage '",
    ]
    assert report.quotes_checked == 3


def test_a_name_two_entities_share_is_a_warning_on_the_later_one(tiny: TinyBase) -> None:
    # People may share a name (not an error), but a query by it is refused: the curator is told which.
    tiny.append(tiny.entities, '[[person]]\nid = "ada-2"\nname = "Ada Lovelace"\naliases = ["Babbage"]\n')
    lines = tiny.entities.read_text(encoding="utf-8").splitlines()
    at = lines.index('id = "ada-2"') + 1
    report = check_folder(tiny.data)
    assert [str(problem) for problem in report.problems] == [
        f"{ENTITIES}:{at + 1}: person.name: warning: 'Ada Lovelace' also names 'ada-lovelace' "
        f"({ENTITIES}:1): a query by it is refused as naming both",
        f"{ENTITIES}:{at + 2}: person.aliases: warning: 'Babbage' also names 'charles-babbage' "
        f"({ENTITIES}:6): a query by it is refused as naming both",
    ]
    assert (report.exit_code, report.exit_code_strict()) == (0, 1)


def test_a_file_that_does_not_read_is_one_problem_not_one_per_reference_to_it(tiny: TinyBase) -> None:
    text = tiny.entities.read_text(encoding="utf-8")
    tiny.entities.write_text(text.replace('name = "Ada Lovelace"', 'name = "Ada Lovelace'), encoding="utf-8")
    line = text.splitlines().index('name = "Ada Lovelace"') + 1
    assert problems(tiny) == [
        f"{ENTITIES}:{line}: TOML syntax error: Illegal character '\\n' (at line {line}, column 21)",
        # every source, term and expectation naming Ada, the society or its offices, in one line
        f"{SOURCE}:4: source.publisher: unknown organization 'analytical-society' (and 5 more references to ids "
        "no record read holds): a file that did not read may hold them",
    ]
    assert exit_code(tiny) == 2
