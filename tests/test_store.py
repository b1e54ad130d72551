from __future__ import annotations

from pathlib import Path

import pytest

from newskb.base import folder, store
from newskb.common.dates import parse
from newskb.common.errors import DataFileError
from newskb.common.kinds import Kind
from tests.conftest import TinyBase


def test_each_record_kind_is_built_with_its_values_and_lines(kb: Path) -> None:
    base, problems = store.load(kb)
    assert problems == []
    rutte = next(entity for entity in base.entities if entity.id == "mark-rutte")
    assert (rutte.kind, rutte.name, rutte.aliases) == (Kind.PERSON, "Mark Rutte", ("Rutte",))
    assert rutte.origin.file == kb / "entities.toml"
    assert rutte.origin.line == 8
    assert rutte.origin.line_of("summary") == 13
    assert rutte.wikidata == "Q57792"

    nato = next(entity for entity in base.entities if entity.id == "nato")
    assert nato.kind is Kind.ORGANIZATION
    netherlands = next(entity for entity in base.entities if entity.id == "netherlands")
    assert netherlands.kind is Kind.COUNTRY

    office = next(entity for entity in base.entities if entity.id == "nato-secretary-general")
    assert (office.kind, office.org, office.seats) == (Kind.OFFICE, "nato", 1)
    assert "NATO chief" in office.aliases

    (source,) = base.sources
    assert source.id == "rbc-ukraine-2024-09-30-rutte"
    assert source.published == parse("2024-09-30")
    assert source.cites == ("reuters",)
    assert source.article is not None and source.article.startswith("Rutte will become new NATO Secretary General")

    term = next(term for term in base.terms if term.id == "mark-rutte-nato-secretary-general")
    assert (term.office, term.holder, term.replaces) == (
        "nato-secretary-general",
        "mark-rutte",
        "jens-stoltenberg",
    )
    assert term.span.start == parse("2024-10-01")
    assert term.span.end is None and term.span.open_end
    assert term.source == source.id  # inherited from the file's [source]

    event = next(event for event in base.events if event.id == "mark-rutte-takes-office")
    assert event.date == parse("2024-10-01")
    assert event.involves == ("mark-rutte", "jens-stoltenberg", "nato", "nato-secretary-general")

    claim = next(claim for claim in base.claims if claim.id == "nato-has-32-members")
    assert (claim.about, claim.text) == (("nato",), "NATO comprises 32 member countries.")


def test_unknown_and_open_ends_differ(kb: Path) -> None:
    base, _ = store.load(kb)
    wallace = next(term for term in base.terms if term.holder == "ben-wallace")
    assert wallace.span.end is None and not wallace.span.open_end
    rutte = next(term for term in base.terms if term.id == "mark-rutte-nato-secretary-general")
    assert rutte.span.end is None and rutte.span.open_end and rutte.end == ".."


def test_data_folder_precedence(tiny: TinyBase, kb: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert folder.find_data_dir(tiny.data) == tiny.data  # --data wins over the variable
    assert folder.find_data_dir(None) == kb  # then $NEWSKB_DATA (set by the autouse fixture)
    monkeypatch.delenv("NEWSKB_DATA")
    assert folder.find_data_dir(None) == folder.bundled_data_dir()
    assert (folder.bundled_data_dir() / "entities.toml").is_file()


def test_a_missing_data_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as caught:
        folder.find_data_dir(tmp_path / "nowhere")
    assert str(caught.value) == f"{tmp_path / 'nowhere'}: data folder not found (from --data or $NEWSKB_DATA)"
