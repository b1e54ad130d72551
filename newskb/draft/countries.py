"""Countries as news names them: every country of ISO 3166 (from the pycountry package), with the short
forms and demonyms of data/countries.toml ("Britain", "U.S.", "South Korean", "Dutch"), as names the reader
matches like the fact base's own. A country the fact base already holds (by any of its names) is that
entity, with the other forms added to its aliases; any other is proposed as a new country.

Loaded once, when an article is first drafted: a query never imports pycountry.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from newskb.common.fuzzy import normalise
from newskb.common.kinds import Kind
from newskb.draft.names import REFERENCE, KnownEntity


@dataclass(frozen=True, slots=True, kw_only=True)
class Country:
    """One country: its ISO code, the name a draft gives it, and every form that names it."""

    code: str
    name: str
    forms: tuple[str, ...]  # names, short forms, adjectives and demonyms


@functools.cache
def countries() -> tuple[Country, ...]:
    """Every country of ISO 3166 with the forms news uses."""
    table = tomllib.loads(resources.files("newskb.draft").joinpath("data/countries.toml").read_text("utf-8"))
    extra: dict[str, dict[str, object]] = table["countries"]
    found: list[Country] = []
    for record in _iso3166():
        code = str(record["alpha_2"])
        more = extra.get(code, {})
        iso = [str(record[key]) for key in ("common_name", "name", "official_name") if key in record]
        # "Korea, Republic of" is a sorting form, not one an article writes.
        written = [form.removeprefix("the ") for form in iso if "," not in form]
        also = [str(form) for form in _listed(more.get("also"))]
        people = [str(form) for form in _listed(more.get("people"))]
        name = str(more.get("name") or (written[0] if written else iso[0]))
        forms = tuple(dict.fromkeys([name.removeprefix("the "), *written, *also, *people]))
        found.append(Country(code=code, name=name, forms=forms))
    return tuple(found)


def named_country(name: str) -> Country | None:
    """The country a name or short form names ("Portugal", "Britain"; not an adjective), if one does."""
    return _by_name().get(normalise(name))


def of_capital(place: str) -> Country | None:
    """The country a city is the capital of ("Wellington": New Zealand), as data/capitals.toml gives it."""
    code = _capitals().get(normalise(place))
    return next((country for country in countries() if country.code == code), None) if code else None


@functools.cache
def _capitals() -> dict[str, str]:
    table = tomllib.loads(resources.files("newskb.draft").joinpath("data/capitals.toml").read_text("utf-8"))
    return {normalise(str(city)): str(code) for code, city in table["capitals"].items()}


def is_demonym(text: str) -> bool:
    """Whether a word is a country's adjective or demonym ("Danish", "Dane", "Kenyan"): a form that describes a
    person by their country ("Danish Hald"), where the country's name would not."""
    return normalise(text) in _demonyms()


def is_country_name(text: str) -> bool:
    """Whether a word or words name a country (not its adjective): "Ireland", "Britain", "South Korea"."""
    return normalise(text) in _by_name()


@functools.cache
def _by_name() -> dict[str, Country]:
    people = _demonyms()
    named = ((normalise(form), country) for country in countries() for form in country.forms)
    return {form: country for form, country in reversed(list(named)) if form not in people}


@functools.cache
def _demonyms() -> frozenset[str]:
    table = tomllib.loads(resources.files("newskb.draft").joinpath("data/countries.toml").read_text("utf-8"))
    people = (form for more in table["countries"].values() for form in _listed(more.get("people")))
    return frozenset(normalise(str(form)) for form in people)


def _iso3166() -> list[dict[str, str]]:
    """pycountry's ISO 3166-1 table, read from its own JSON file: importing pycountry also imports
    importlib.metadata for its version, which costs `verify` more than reading the whole table."""
    spec = importlib.util.find_spec("pycountry")  # finds the package without running it
    folders = spec.submodule_search_locations if spec is not None else None
    table = Path(next(iter(folders))) / "databases" / "iso3166-1.json" if folders else None
    if table is not None and table.is_file():
        records: list[dict[str, str]] = json.loads(table.read_text(encoding="utf-8"))["3166-1"]
        return records
    import pycountry  # a pycountry that keeps its table elsewhere

    return [
        {key: str(getattr(record, key)) for key in _ISO_KEYS if hasattr(record, key)} for record in pycountry.countries
    ]


_ISO_KEYS = ("alpha_2", "common_name", "name", "official_name")


def _listed(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []


def as_known(base: Sequence[KnownEntity]) -> tuple[KnownEntity, ...]:
    """The fact base's entities with every country added: one the base holds gains the forms it lacks as
    aliases; any other becomes an entity to match whose id starts with REFERENCE."""
    by_form: dict[str, int] = {}
    for position, entity in enumerate(base):
        if entity.kind is Kind.COUNTRY:
            for label in entity.labels:
                by_form.setdefault(normalise(label), position)
    merged = list(base)
    added: list[KnownEntity] = []
    for country in countries():
        held = next((by_form[normalise(form)] for form in country.forms if normalise(form) in by_form), None)
        if held is None:
            added.append(
                KnownEntity(id=REFERENCE + country.code, kind=Kind.COUNTRY, name=country.name, aliases=country.forms)
            )
            continue
        entity = merged[held]
        have = {normalise(label) for label in entity.labels}
        more = tuple(form for form in country.forms if normalise(form) not in have)
        merged[held] = replace(entity, aliases=(*entity.aliases, *more))
    return (*merged, *added)
