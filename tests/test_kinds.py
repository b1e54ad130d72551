"""common/kinds: the fixed vocabularies. Every kind is a TOML table the reader knows, each in exactly one
group; every modality is a value the `modality` key accepts, and nothing else is."""

from __future__ import annotations

from newskb.base import model
from newskb.common.kinds import ENTITY_KINDS, FACT_KINDS, Kind, Modality, Outcome


def test_every_kind_is_a_table_the_reader_knows() -> None:
    assert set(model.RECORD_CLASSES) == set(Kind)
    assert [kind.value for kind in Kind] == [
        "person", "organization", "country", "office", "source", "term", "event", "claim", "expect",
    ]  # fmt: skip


def test_the_kinds_fall_into_entities_facts_sources_and_expectations_once_each() -> None:
    groups = [*ENTITY_KINDS, *FACT_KINDS, Kind.SOURCE, Kind.EXPECT]
    assert sorted(groups) == sorted(Kind)
    assert {model.RECORD_CLASSES[kind] for kind in ENTITY_KINDS} == {model.Entity}


def test_the_modalities_are_exactly_the_choices_of_the_modality_key() -> None:
    for kind in FACT_KINDS:
        modality = next(key for key in model.keys(kind) if key.name == "modality")
        assert modality.choices == tuple(Modality)
        assert modality.default == Modality.STATED
    assert [value.value for value in Modality] == ["stated", "announced", "expected", "possible"]


def test_the_outcomes_of_who_are_spelled_as_an_expectation_writes_them() -> None:
    # an [[expect]] writes `outcome = "cannot tell"`, "last known" or "nobody"
    assert [value.value for value in Outcome] == ["found", "last known", "nobody", "cannot tell"]
