"""The kinds of record in the fact base, spelled as their TOML table names."""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    """Every record kind, spelled as its TOML table name."""

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    OFFICE = "office"
    SOURCE = "source"
    TERM = "term"
    EVENT = "event"
    CLAIM = "claim"
    EXPECT = "expect"


ENTITY_KINDS = (Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY, Kind.OFFICE)
FACT_KINDS = (Kind.TERM, Kind.EVENT, Kind.CLAIM)
