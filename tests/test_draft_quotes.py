"""The reader's quotes (newskb/draft/quotes.py): which phrase a drafted term quotes and the order terms are
written in, on sentences of our own (tests/test_draft.py drafts the fixture corpora)."""

from __future__ import annotations

import pytest

from benchmarks.draft_accuracy import known_base
from newskb.common.dates import parse
from newskb.draft import Article, Known, draft


@pytest.fixture(scope="module")
def base() -> Known:
    return known_base()


def quoted(text: str, base: Known) -> list[tuple[str | list[str], ...]]:
    """Each drafted term's holder, the holder it replaces (if any) and its quote, in the order written."""
    result = draft(Article(id="test-source", published=parse("2025-03-01"), text=text), base)
    return [(term.values["holder"], term.values.get("replaces", ""), term.values["quote"]) for term in result.terms]


def test_a_term_told_only_by_its_end_quotes_the_phrase_that_ends_it(base: Known) -> None:
    text = (
        "Tove Lindqvist was chief executive of Harrow Mills. "
        "Tove Lindqvist stepped down as chief executive of Harrow Mills on 3 February 2025."
    )
    assert quoted(text, base) == [
        ("tove-lindqvist", "", "Tove Lindqvist stepped down as chief executive of Harrow Mills on 3 February 2025")
    ]


def test_the_phrase_that_gives_the_start_is_quoted_before_one_that_gives_the_end(base: Known) -> None:
    # The title tells her in office when the article was published (the start); the first sentence, her end.
    text = (
        "Tove Lindqvist will step down as chief executive of Harrow Mills on 3 April 2025. "
        "Lindqvist, the chief executive of Harrow Mills, told staff."
    )
    assert quoted(text, base) == [("tove-lindqvist", "", "Lindqvist, the chief executive of Harrow Mills,")]


def test_of_two_sentences_telling_one_start_the_one_that_says_more_is_quoted(base: Known) -> None:
    text = (
        "Tove Lindqvist became chief executive of Harrow Mills on 3 January 2025. "
        "On Friday the board said Tove Lindqvist became chief executive of Harrow Mills on 3 January 2025, "
        "succeeding Bram Oduya."
    )
    assert quoted(text, base)[1] == (
        "tove-lindqvist",
        "bram-oduya",
        "Tove Lindqvist became chief executive of Harrow Mills on 3 January 2025, succeeding Bram Oduya",
    )


def test_of_two_sentences_telling_one_start_as_much_the_first_is_quoted(base: Known) -> None:
    text = (
        "Tove Lindqvist became chief executive of Harrow Mills on 3 January 2025. "
        "Lindqvist became chief executive of Harrow Mills on 3 January 2025."
    )
    assert quoted(text, base) == [
        ("tove-lindqvist", "", "Tove Lindqvist became chief executive of Harrow Mills on 3 January 2025")
    ]


def test_a_start_told_again_with_another_verb_is_no_rival_of_the_phrase_it_comes_from(base: Known) -> None:
    # Only a phrase of the same kind ("appointed", not "became") competes, even one that says more.
    text = (
        "The board appointed Tove Lindqvist chief executive of Harrow Mills on 3 January 2025. "
        "Lindqvist became chief executive of Harrow Mills on 3 January 2025, succeeding Bram Oduya."
    )
    assert quoted(text, base)[1] == (
        "tove-lindqvist",
        "bram-oduya",
        "appointed Tove Lindqvist chief executive of Harrow Mills on 3 January 2025",
    )


def test_a_start_told_as_since_is_quoted_where_the_term_takes_it_from(base: Known) -> None:
    # "since 2016" is no day: only the phrase the term's start comes from tells it, not a later one like it.
    text = (
        "Tove Lindqvist has been chief executive of Harrow Mills since 2016. "
        "Lindqvist has been chief executive of Harrow Mills since 2016, the board said."
    )
    assert quoted(text, base) == [
        ("tove-lindqvist", "", "Tove Lindqvist has been chief executive of Harrow Mills since 2016")
    ]


def test_two_holders_who_replaced_each_other_are_each_written_once(base: Known) -> None:
    # Each term's `replaces` names the other: the one a term replaces comes first, and the cycle ends there.
    text = (
        "Bram Oduya succeeded Tove Lindqvist as chief executive of Harrow Mills in 2019. "
        "Tove Lindqvist succeeded Bram Oduya as chief executive of Harrow Mills in 2023."
    )
    assert quoted(text, base) == [
        (
            "tove-lindqvist",
            "bram-oduya",
            "Tove Lindqvist succeeded Bram Oduya as chief executive of Harrow Mills in 2023",
        ),
        (
            "bram-oduya",
            "tove-lindqvist",
            "Bram Oduya succeeded Tove Lindqvist as chief executive of Harrow Mills in 2019",
        ),
    ]


def test_a_start_told_from_a_day_is_quoted_before_a_later_phrase_that_gives_the_same_day(base: Known) -> None:
    # "from 3 January" is the start the term takes, from the first sentence; the second tells the same day as a
    # point, and of the two, which say as much, the first is quoted.
    text = (
        "The board appointed Tove Lindqvist chief executive of Harrow Mills from 3 January 2025. "
        "The board appointed Lindqvist chief executive of Harrow Mills on 3 January 2025."
    )
    assert quoted(text, base) == [
        ("tove-lindqvist", "", "appointed Tove Lindqvist chief executive of Harrow Mills from 3 January 2025")
    ]
