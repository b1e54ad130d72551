"""answers/declared: the keys of a record its answer row does not name, read from the index's own copy of
model.py's declarations (so that a key added there reaches the answers), in declared order."""

from __future__ import annotations

from newskb.answers import declared
from newskb.base.model import keys
from newskb.common.kinds import Kind
from newskb.index.cache import open_index
from tests.conftest import TinyBase


def test_the_keys_beyond_a_row_are_the_declared_ones_it_does_not_name_in_declared_order(tiny: TinyBase) -> None:
    connection, _ = open_index(tiny.data)
    named = {"id", "office", "holder", "start", "end"}
    found = declared.beyond(connection, "term", named)
    assert [key.name for key in found] == [key.name for key in keys(Kind.TERM) if key.name not in named]
    # A list key comes with its link table and the column of its items; a plain key with neither.
    by_name = {key.name: key for key in found}
    assert (by_name["said_by"].link, by_name["said_by"].value) == (
        "said_by",
        "entity_id",
    )  # one link table per list key, by record id
    assert (by_name["quote"].link, by_name["quote"].value) == (None, None)


def test_a_records_values_are_its_own_and_a_list_keeps_its_written_order(tiny: TinyBase) -> None:
    tiny.append(
        tiny.source,
        '[[claim]]\nid = "notes-claim"\ntext = "The notes were praised."\n'
        'about = ["charles-babbage", "ada-lovelace"]\nquote = "Charles Babbage chaired the Analytical Society"\n',
    )
    connection, _ = open_index(tiny.data)
    more = declared.of_record(connection, "claim", "notes-claim", {"id", "text", "source", "quote"})
    assert more["about"] == ["charles-babbage", "ada-lovelace"]
    assert more["said_by"] == [] and more["as_of"] is None and more["note"] is None
    assert list(more) == [key.name for key in keys(Kind.CLAIM) if key.name not in {"id", "text", "source", "quote"}]


def test_a_row_that_names_every_key_carries_nothing_more(tiny: TinyBase) -> None:
    connection, _ = open_index(tiny.data)
    every = {key.name for key in keys(Kind.TERM)}
    assert declared.of_record(connection, "term", "babbage-chair", every) == declared.Declared()
    assert declared.beyond(connection, "term", every) == []
