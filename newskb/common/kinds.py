"""The fixed vocabularies of the fact base: the kinds of record (spelled as their TOML table names), and
how sure a source is of a fact."""

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


class Modality(StrEnum):
    """How a source puts a fact: asserted, scheduled, expected by someone, or only possible."""

    STATED = "stated"  # the source asserts it
    ANNOUNCED = "announced"  # scheduled or to happen: "will take office"
    EXPECTED = "expected"  # someone expects it: "officials expect Rutte to continue"
    POSSIBLE = "possible"  # hedged: "may", "a potential return"


class Outcome(StrEnum):
    """What `who` found on a day: someone (certainly or possibly) in office; someone who held it as late as the
    evidence reaches, which stops before that day; a vacancy the sources establish; or the sources cannot
    tell (only terms whose dates are unknown, or a day outside what the sources reach)."""

    FOUND = "found"
    LAST_KNOWN = "last known"
    NOBODY = "nobody"
    CANNOT_TELL = "cannot tell"


ENTITY_KINDS = (Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY, Kind.OFFICE)
FACT_KINDS = (Kind.TERM, Kind.EVENT, Kind.CLAIM)
