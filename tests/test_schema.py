"""The one declaration of the record keys, and what is derived from it."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from newskb.base import model
from newskb.base.schema import KeyType, keys_of
from newskb.common.kinds import Kind
from newskb.index import build, layout
from tests.conftest import REPO, TinyBase


def test_the_readme_table_is_the_declaration() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("<!-- data-format table")
    end = readme.index("<!-- end of the data-format table -->")
    shown = readme[readme.index("\n", start) + 1 : end]
    assert shown == model.data_format_table(), "run `python -m newskb.base.model` and paste its table into the README"


def test_every_field_of_a_record_is_a_key_or_says_why_not() -> None:
    # Fields that are not TOML keys: where a record came from, an entity's kind, and a source's article text.
    not_keys = {"origin", "kind", "article"}
    for record_class in set(model.RECORD_CLASSES.values()):
        names = {field.name for field in dataclasses.fields(record_class)}
        assert names - {key.name for key in keys_of(record_class)} <= not_keys, record_class


def test_only_an_office_has_org_and_seats() -> None:
    person = ["id", "name", "aliases", "wikidata", "summary", "source", "quote", "as_of", "note", "review"]
    assert [key.name for key in model.keys(Kind.PERSON)] == person
    assert [key.name for key in model.keys(Kind.OFFICE)] == [*person, "org", "seats"]


def test_a_list_key_names_its_option_and_link_table_by_its_item() -> None:
    aliases = next(key for key in model.keys(Kind.PERSON) if key.name == "aliases")
    assert (aliases.option, aliases.item, aliases.type) == ("--alias", "alias", KeyType.TEXTS)
    same_as = next(key for key in model.keys(Kind.EVENT) if key.name == "same_as")
    assert same_as.option == "--same-as"
    # A key several kinds share (said_by, via) is one table: ids are unique across the fact base.
    assert layout.link_tables() == [
        ("alias", "alias"),
        ("cites", "entity_id"),
        ("inferred", "inferred"),
        ("said_by", "entity_id"),
        ("via", "entity_id"),
        ("involves", "entity_id"),
        ("about", "entity_id"),
    ]


def test_every_key_of_an_indexed_kind_has_its_columns() -> None:
    connection = build.create()
    for record_class in model.INDEXED_CLASSES:
        columns = {row[1] for row in connection.execute(f'PRAGMA table_info("{record_class.TABLE}")')}
        for declared in keys_of(record_class):
            if declared.type.is_list:
                continue
            assert declared.name in columns, (record_class.TABLE, declared.name)
            if declared.type.is_date:
                assert {f"{declared.name}_earliest", f"{declared.name}_latest"} <= columns


def test_the_layout_version_follows_the_declaration(monkeypatch: pytest.MonkeyPatch) -> None:
    before = layout.version()
    monkeypatch.setattr(layout, "LAYOUT_VERSION", layout.LAYOUT_VERSION + 1)
    assert layout.version() != before
    assert 0 <= before < 2**31


def test_the_index_rows_of_the_shipped_base_are_read_back_as_written(kb: Path) -> None:
    from newskb.base import store
    from newskb.exporters import tomlrecords as export

    base, _ = store.load(kb)
    connection = build.build(base)
    exported = export.records(connection, kb)
    term = next(t for t in exported["terms"] if t["id"] == "mark-rutte-nato-secretary-general")
    assert term == {
        "id": "mark-rutte-nato-secretary-general",
        "office": "nato-secretary-general",
        "holder": "mark-rutte",
        "start": "2024-10-01",
        "end": "..",
        "replaces": "jens-stoltenberg",
        "duration": None,
        "modality": "announced",
        "said_by": [],
        "via": ["reuters"],
        "source": "rbc-ukraine-2024-09-30-rutte",
        "quote": term["quote"],
        "note": term["note"],
        "review": None,
    }
    office = next(e for e in exported["entities"] if e["id"] == "nato-secretary-general")
    assert (office["kind"], office["org"], office["seats"]) == ("office", "nato", 1)
    assert list(office)[:2] == ["id", "kind"]
    row = connection.execute("SELECT start_earliest, end_latest FROM term WHERE id = ?", (term["id"],)).fetchone()
    assert tuple(row) == (date(2024, 10, 1).toordinal(), None)  # a day number; open: no bound
    assert isinstance(connection, sqlite3.Connection)


# --- The keys of who said it and how sure, checked as any other key -------------------------------

SOURCE = "tiny/data/sources/gazette.toml"


def _problems(tiny: TinyBase) -> list[str]:
    from newskb.curation.audit import check_folder

    return [str(problem) for problem in check_folder(tiny.data).problems]


def test_modality_is_one_of_four_words(tiny: TinyBase) -> None:
    line = tiny.append(
        tiny.source,
        '[[claim]]\nid = "c"\nabout = ["ada-lovelace"]\ntext = "t"\nmodality = "rumoured"\nquote = "Ada Lovelace"\n',
    )
    assert _problems(tiny) == [
        f"{SOURCE}:{line + 4}: claim.modality: 'rumoured' is not one of stated, announced, expected, possible"
    ]


def test_said_by_names_a_person_or_organization_and_via_an_organization(tiny: TinyBase) -> None:
    tiny.append(tiny.entities, '[[country]]\nid = "england"\nname = "England"\n')
    line = tiny.append(
        tiny.source,
        '[[claim]]\nid = "c"\nabout = ["ada-lovelace"]\ntext = "t"\nsaid_by = ["charles-babbage", "england"]\n'
        'via = ["ada-lovelace"]\nquote = "Ada Lovelace"\n',
    )
    assert _problems(tiny) == [
        f"{SOURCE}:{line + 4}: claim.said_by[1]: 'england' is a country, not a person or organization",
        f"{SOURCE}:{line + 5}: claim.via[0]: 'ada-lovelace' is a person, not an organization",
    ]


def test_an_organization_that_speaks_says_in_the_note_whose_words_they_are(tiny: TinyBase) -> None:
    claim = '[[claim]]\nid = "c"\nabout = ["ada-lovelace"]\ntext = "t"\nsaid_by = ["analytical-society"]\n'
    line = tiny.append(tiny.source, claim + 'quote = "Ada Lovelace"\n')
    assert _problems(tiny) == [
        f"{SOURCE}:{line + 4}: claim.said_by[0]: 'analytical-society' is an organization, not a person: say in "
        "`note` whose words these are (its official statement, or officials it does not name)"
    ]
    tiny.source.write_text(
        tiny.source.read_text(encoding="utf-8") + 'note = "Unnamed members of the society."\n', encoding="utf-8"
    )
    assert _problems(tiny) == []


def test_as_of_is_a_date_and_a_note_may_stand_on_an_entity(tiny: TinyBase) -> None:
    tiny.append(tiny.entities, '[[person]]\nid = "mary"\nname = "Mary"\nnote = "Two\\nlines."\n')
    line = tiny.append(
        tiny.source,
        '[[claim]]\nid = "c"\nabout = ["ada-lovelace"]\ntext = "t"\nas_of = "soon"\nquote = "Ada Lovelace"\n',
    )
    assert _problems(tiny) == [
        f"{SOURCE}:{line + 4}: claim.as_of: 'soon' is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD, "
        "optionally followed by ~, ? or %, with .. before or after"
    ]


def test_an_expectation_uses_one_group_and_one_key_of_each_slot(tiny: TinyBase) -> None:
    expectations = tiny.data / "expectations.toml"
    expectations.write_text(
        '[[expect]]\nid = "a"\noffice = "society-chair"\ndate = "1835-01-01"\nholder = "charles-babbage"\n'
        'outcome = "nobody"\n\n'
        '[[expect]]\nid = "b"\noffice = "society-chair"\ndate = "1835-01-01"\n\n'
        '[[expect]]\nid = "c"\noffice = "society-chair"\nsearch = "chair"\nfirst = "society-chair"\n',
        encoding="utf-8",
    )
    expect = "tiny/data/expectations.toml"
    assert _problems(tiny) == [
        f"{expect}:6: expect.outcome: 'holder' and 'outcome' do not go together: write one of them",
        f"{expect}:8: expect.holder: missing required key 'holder' or 'outcome'",
        f"{expect}:13: expect: an expect record needs either office, date and holder or outcome, or search and first",
        # It touches both groups: each is reported as incomplete.
        f"{expect}:13: expect.holder: missing required key 'holder' or 'outcome'",
        f"{expect}:13: expect.date: missing required key 'date'",
    ]


def test_an_outcome_expectation_is_asked_like_any_other(tiny: TinyBase) -> None:
    expectations = tiny.data / "expectations.toml"
    expectations.write_text(
        '[[expect]]\nid = "before-the-society"\noffice = "society-chair"\ndate = "1800-01-01"\n'
        'outcome = "cannot tell"\n\n'
        '[[expect]]\nid = "after-the-gazette"\noffice = "society-chair"\ndate = "1900-01-01"\n'
        'outcome = "last known"\n\n'
        '[[expect]]\nid = "wrongly-unknown"\noffice = "society-chair"\ndate = "1835-01-01"\noutcome = "cannot tell"\n',
        encoding="utf-8",
    )
    assert _problems(tiny) == [
        "tiny/data/expectations.toml:17: expect.outcome: expected the answer for 'society-chair' on 1835-01-01 "
        "to be 'cannot tell', but it is 'found'"
    ]


def test_a_wikidata_id_is_q_and_a_number(tiny: TinyBase) -> None:
    line = tiny.append(tiny.entities, '[[person]]\nid = "mary"\nname = "Mary"\nwikidata = "Q0123"\n')
    tiny.append(tiny.entities, '[[country]]\nid = "england"\nname = "England"\nwikidata = "Q21"\n')
    assert _problems(tiny) == [
        f"tiny/data/entities.toml:{line + 3}: person.wikidata: 'Q0123' is not a Wikidata item id "
        "(Q and a number, like Q7184)"
    ]


def test_show_gives_the_wikidata_id(kb: Path) -> None:
    from datetime import date

    from newskb.answers.profile import show
    from newskb.index.cache import open_index

    connection, _ = open_index(kb)
    assert show(connection, "NATO", date(2024, 10, 1)).wikidata == "Q7184"
    assert show(connection, "Jens Stoltenberg", date(2024, 10, 1)).wikidata is None


def test_a_length_and_the_inferred_keys_are_checked(tiny: TinyBase) -> None:
    text = tiny.source.read_text(encoding="utf-8")
    text = text.replace('text = "../../seeds/gazette.txt"\n', 'text = "../../seeds/gazette.txt"\ninferred = ["date"]\n')
    text = text.replace('end = "1840"\n', 'end = "1840"\nduration = "nine years"\n')
    tiny.source.write_text(text, encoding="utf-8")
    assert _problems(tiny) == [
        f"{SOURCE}:7: source.inferred[0]: 'date' is not a key of the source that may be inferred (title, publisher, "
        "cites or published)",
        f"{SOURCE}:15: term.duration: 'nine years' is not a length such as P14Y, P6M or P1Y6M (~ after it: about)",
    ]
    tiny.source.write_text(text.replace('["date"]', '["published"]').replace('"nine years"', '"P9Y"'), encoding="utf-8")
    assert _problems(tiny) == []
