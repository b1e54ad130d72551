"""base/validate: the problems between records, and only those; `store` reports what is wrong inside one.
(Each problem's exact line is tested through `check` in test_check.py; this file holds the module's own
division of labour and its order-independence.)"""

from __future__ import annotations

import dataclasses

from newskb.base import validate
from newskb.base.model import FactBase
from newskb.base.store import load
from tests.conftest import TinyBase

SOURCE = "tiny/data/sources/gazette.toml"


def test_an_empty_base_and_the_tiny_base_have_no_problem_between_records(tiny: TinyBase) -> None:
    assert validate.check(FactBase(root=tiny.data)) == []
    base, problems = load(tiny.data)
    assert (problems, validate.check(base)) == ([], [])


def test_store_reports_what_is_inside_a_record_and_validate_what_is_between(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8")
    text = text.replace('start = "1831"', 'start = "1831-02-30"').replace('holder = "ada-lovelace"', 'holder = "ada"')
    tiny.source.write_text(text, encoding="utf-8")
    base, problems = load(tiny.data)
    assert [str(problem) for problem in problems] == [
        f"{SOURCE}:12: term.start: '1831-02-30' is not a date: February 1831 has no day 30"
    ]
    assert [str(problem) for problem in validate.check(base)] == [
        f"{SOURCE}:19: term.holder: unknown person, organization or country 'ada'"
    ]


def test_of_two_records_with_one_id_the_later_written_is_the_duplicate_in_any_order(tiny: TinyBase) -> None:
    tiny.append(tiny.entities, '[[person]]\nid = "ada-lovelace"\nname = "Someone"\n')
    base, _ = load(tiny.data)
    expected = [
        "tiny/data/entities.toml:23: person.id: duplicate id 'ada-lovelace' (first defined at "
        "tiny/data/entities.toml:1)"
    ]
    assert [str(problem) for problem in validate.check(base)] == expected
    backwards = dataclasses.replace(base, entities=base.entities[::-1])
    assert [str(problem) for problem in validate.check(backwards)] == expected


def test_of_two_records_with_one_id_in_two_files_the_file_decides_before_the_line(tiny: TinyBase) -> None:
    # The person's table starts on a later line (22) than the term's (8), but entities.toml sorts first.
    tiny.append(tiny.entities, '[[person]]\nid = "babbage-chair"\nname = "Someone"\n')
    base, _ = load(tiny.data)
    assert [str(problem) for problem in validate.check(base)] == [
        f"{SOURCE}:9: term.id: duplicate id 'babbage-chair' (first defined at tiny/data/entities.toml:22)"
    ]
