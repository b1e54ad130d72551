"""Countries as news names them (newskb/draft/countries.py): ISO 3166 from pycountry's table with the forms of
newskb/draft/data/countries.toml. The tables are read once per process (functools.cache): each test here reads
them afresh, so that what it asserts is what reading them gives."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from importlib.machinery import ModuleSpec
from pathlib import Path

import pytest

from newskb.draft import countries as module
from newskb.draft.countries import countries, is_country_name, is_demonym, named_country


@pytest.fixture(autouse=True)
def _read_afresh() -> Iterator[None]:
    cached = (module.countries, module._by_name, module._demonyms, module._capitals)
    for function in cached:
        function.cache_clear()
    yield
    for function in cached:
        function.cache_clear()


def test_a_country_has_its_iso_names_and_the_short_forms_and_demonyms_of_the_data_file() -> None:
    (kingdom,) = [country for country in countries() if country.code == "GB"]
    assert (kingdom.name, kingdom.forms) == (
        "the United Kingdom",
        (
            "United Kingdom",
            "United Kingdom of Great Britain and Northern Ireland",
            "Britain",
            "Great Britain",
            "UK",
            "U.K.",
            "British",
            "Briton",
        ),
    )
    netherlands = named_country("Holland")
    assert netherlands is not None and netherlands.code == "NL"
    assert (is_demonym("Dutch"), is_country_name("Dutch"), is_country_name("Holland"), is_demonym("Holland")) == (
        True,
        False,
        True,
        False,
    )


def _fields(records: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{key: record[key] for key in module._ISO_KEYS if key in record} for record in records]


@pytest.mark.parametrize("found", ["nothing", "a folder without the table"])
def test_a_pycountry_that_keeps_its_table_elsewhere_gives_the_same_countries(
    found: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from_file = _fields(module._iso3166())
    assert len(from_file) == 249 and {"alpha_2": "NL", "name": "Netherlands"} in [
        {key: record[key] for key in ("alpha_2", "name")} for record in from_file
    ]
    spec = None
    if found != "nothing":
        spec = ModuleSpec("pycountry", None, is_package=True)
        spec.submodule_search_locations = [str(tmp_path)]
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec)
    assert _fields(module._iso3166()) == from_file
