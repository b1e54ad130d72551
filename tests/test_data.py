"""The shipped fact base covers the seed article as the fact-base issue asks."""

from __future__ import annotations

import hashlib
from pathlib import Path

from newskb.base import store
from newskb.base.model import Event, Term
from newskb.common.kinds import Kind
from tests.conftest import REPO

SEED = "000_2f614e97bf582ec3.txt"


# The SHA-256 of the article as it was received: the evidence every quote is checked against never changes.
SEED_SHA256 = "e552410da7f713509a0cfa202db7f39fe1ae8e3b88719347ed3e2e67a7e0c16d"


def test_seed_is_the_received_article_byte_for_byte() -> None:
    shipped = (REPO / "seeds" / SEED).read_bytes()
    assert shipped.startswith(b"Rutte will become new NATO Secretary General tomorrow")
    assert hashlib.sha256(shipped).hexdigest() == SEED_SHA256


def test_every_named_entity_is_present(kb: Path) -> None:
    base, _ = store.load(kb)
    names = {(entity.kind, entity.name) for entity in base.entities}
    people = ["Mark Rutte", "Jens Stoltenberg", "Peter Bator", "Oana Lungescu", "Ben Wallace", "Donald Trump"]
    assert {(Kind.PERSON, name) for name in people} <= names
    assert {(Kind.ORGANIZATION, name) for name in ["NATO", "Reuters", "RBC-Ukraine"]} <= names
    countries = [
        "the Netherlands",
        "Ukraine",
        "Russia",
        "the United States",
        "the United Kingdom",
        "Slovakia",
    ]
    assert {(Kind.COUNTRY, name) for name in countries} <= names


def test_every_office_has_its_terms(kb: Path) -> None:
    base, _ = store.load(kb)
    terms = {(term.office, term.holder): term for term in base.terms}
    assert set(terms) == {
        ("nato-secretary-general", "jens-stoltenberg"),
        ("nato-secretary-general", "mark-rutte"),
        ("netherlands-prime-minister", "mark-rutte"),
        ("slovakia-ambassador-to-nato", "peter-bator"),
        ("nato-spokesperson", "oana-lungescu"),
        ("uk-defence-secretary", "ben-wallace"),
        ("us-president", "donald-trump"),
    }
    spans = {key: (str(term.span.start), str(term.span.end), term.span.open_end) for key, term in terms.items()}
    assert spans[("nato-secretary-general", "jens-stoltenberg")] == ("2014~", "2024-10-01", False)
    assert spans[("nato-secretary-general", "mark-rutte")] == ("2024-10-01", "None", True)
    # "Former" on the publication day bounds the end; nothing in the article dates the start.
    assert spans[("netherlands-prime-minister", "mark-rutte")] == ("None", "..2024-09-30", False)
    # The article gives Wallace the title in the past tense: a latest start. His end is unknown, which is
    # never written as "still in office".
    assert spans[("uk-defence-secretary", "ben-wallace")] == ("..2024-09-30", "None", False)


def test_analysts_aliases(kb: Path) -> None:
    base, _ = store.load(kb)
    aliases = {entity.id: set(entity.aliases) for entity in base.entities}
    assert "Rutte" in aliases["mark-rutte"]
    assert "Stoltenberg" in aliases["jens-stoltenberg"]
    assert {"NATO chief", "Secretary General of NATO"} <= aliases["nato-secretary-general"]
    assert "UK Defense Secretary" in aliases["uk-defence-secretary"]


def test_every_inference_is_written_down(kb: Path) -> None:
    base, _ = store.load(kb)
    (source,) = base.sources
    assert source.note is not None and "tomorrow" in source.note and "Tuesday" in source.note
    notes = {term.id: term.note or "" for term in base.terms}
    assert "the past ten years" in notes["jens-stoltenberg-nato-secretary-general"]
    # Every fact whose date is not printed as such carries a note saying how it was reached.
    dated: list[Term | Event] = [*base.terms, *base.events]
    assert [fact.id for fact in dated if not fact.note] == []
