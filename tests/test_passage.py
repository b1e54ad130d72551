"""passage.py: where a quote stands in its article (forgiving only whitespace), and its sentence."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newskb.common.passage import Extent, fold, fold_space, locate, sentences, surrounding


def test_an_extent_is_a_frozen_pair_of_offsets() -> None:
    extent = Extent(3, 7)
    assert (extent.start, extent.end) == (3, 7)
    assert extent == Extent(start=3, end=7)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'start'"):
        extent.start = 4  # type: ignore[misc]


def test_fold_collapses_every_whitespace_run_and_trims() -> None:
    assert fold("  a \t b\n\nc  ") == "a b c"
    assert fold("a\u00a0b") == "a b"  # a no-break space is whitespace too
    assert fold("   ") == ""


def test_fold_space_remembers_where_each_character_stood() -> None:
    assert fold_space("  a  b\n c  ") == ("a b c", [2, 3, 5, 6, 8])
    assert fold_space("ab") == ("ab", [0, 1])
    assert fold_space("") == ("", [])
    assert fold_space(" \n ") == ("", [])


@given(st.text(alphabet=" \t\nab\u00e9.", max_size=40))
def test_fold_space_agrees_with_fold_and_points_at_the_original(text: str) -> None:
    folded, origins = fold_space(text)
    assert folded == fold(text)
    assert len(origins) == len(folded)
    assert origins == sorted(set(origins))
    for char, origin in zip(folded, origins, strict=True):
        assert char == text[origin] or (char == " " and text[origin].isspace())


def test_locate_forgives_only_whitespace() -> None:
    text = "xx said:  a\n\nb yy"
    assert locate("a b", text) == Extent(10, 14)
    assert text[10:14] == "a\n\nb"
    assert locate("  said: a  ", text) == Extent(3, 11)
    assert locate("said a", text) is None  # a missing colon is not whitespace
    assert locate("A b", text) is None  # nor is case


def test_locate_an_empty_or_blank_quote_is_nowhere() -> None:
    assert locate("", "abc") is None
    assert locate(" \n ", "a b") is None


def test_locate_finds_the_first_occurrence_and_the_very_ends() -> None:
    assert locate("ab", "ab ab") == Extent(0, 2)
    assert locate("b", "ab ab") == Extent(1, 2)
    assert locate("a b", "a  b") == Extent(0, 4)


@given(st.text(alphabet=" \nab", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_any_stretch_of_the_text_is_located_with_its_words(text: str, first: int, last: int) -> None:
    quote = text[min(first, last) : max(first, last)]
    where = locate(quote, text)
    if not quote.strip():
        assert where is None
    else:
        assert where is not None
        assert fold(text[where.start : where.end]) == fold(quote)


def test_sentences_end_at_stops_quote_marks_and_line_breaks() -> None:
    text = 'He said: "Go." Then he left! Was it? Yes.\nHeadline\n\nLast one'
    assert [text[span.start : span.end] for span in sentences(text)] == [
        'He said: "Go."',
        "Then he left!",
        "Was it?",
        "Yes.",
        "Headline",
        "Last one",
    ]
    assert sentences(text)[:2] == [Extent(0, 14), Extent(15, 28)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said \u201cyes.\u201d Then no.", ["She said \u201cyes.\u201d", "Then no."]),
        ("It's 'done.' Next", ["It's 'done.'", "Next"]),
        ("Rutte\u2019s task.\u2019 Next", ["Rutte\u2019s task.\u2019", "Next"]),
        ("One.   Two.  ", ["One.", "Two."]),
        ("a\n\n\nb\n", ["a", "b"]),
        ("3.5 million. Then", ["3.5 million.", "Then"]),  # no whitespace after the point: not an end
        ("", []),
        ("  \n \n", []),
        # sentencex ends a sentence at "Ms." (not at "Mr."): joined again.
        (
            "It named Ms. Eva Lund. Cllr. Ann Roe and Mx. Kim agreed.",
            ["It named Ms. Eva Lund.", "Cllr. Ann Roe and Mx. Kim agreed."],
        ),
        ("He met Ms. Lund.\nMs. Roe left.", ["He met Ms. Lund.", "Ms. Roe left."]),
        # ... and at an initial outside A to Z.
        (
            "Governor Sigríður Á. Hallsdóttir said it. Then left.",
            ["Governor Sigríður Á. Hallsdóttir said it.", "Then left."],
        ),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[span.start : span.end] for span in sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The vote is on Sept. 6 in the capital. It is close.",
            ["The vote is on Sept. 6 in the capital.", "It is close."],
        ),
        ("He left on Dec. 14, 2023, after a row.", ["He left on Dec. 14, 2023, after a row."]),
        ("U.S. President Joe Biden said so.", ["U.S. President Joe Biden said so."]),
        ("Alan M. Garber became president. He was 68.", ["Alan M. Garber became president.", "He was 68."]),
        ("She moved to St. Paul, Minn., in 2010. Then", ["She moved to St. Paul, Minn., in 2010.", "Then"]),
        ("Dr. Kwame Asante will succeed her.", ["Dr. Kwame Asante will succeed her."]),
        ("He joined Acme Inc. in 2004.", ["He joined Acme Inc. in 2004."]),
    ],
)
def test_an_abbreviation_or_an_initial_does_not_end_a_sentence(text: str, expected: list[str]) -> None:
    assert [text[span.start : span.end] for span in sentences(text)] == expected


def test_the_last_sentence_ends_before_trailing_whitespace() -> None:
    assert sentences("One. Two  ") == [Extent(0, 4), Extent(5, 8)]
    assert sentences("Only") == [Extent(0, 4)]


def test_surrounding_is_the_run_of_whole_sentences_around_a_span() -> None:
    text = "First one. The quote spans here. And here. Last."
    inside = locate("quote", text)
    assert inside is not None
    assert surrounding(inside, text) == Extent(11, 32)
    across = locate("spans here. And", text)
    assert across is not None
    assert text[slice(*dataclasses.astuple(surrounding(across, text)))] == "The quote spans here. And here."
    assert surrounding(Extent(0, 5), text) == Extent(0, 10)
    assert surrounding(Extent(43, 48), text) == Extent(43, 48)


def test_surrounding_touching_a_sentence_edge_does_not_take_its_neighbour() -> None:
    text = "One. Two. Three."
    # Two occupies [5, 9): a span ending at 5 or starting at 9 lies outside it.
    assert surrounding(Extent(0, 4), text) == Extent(0, 4)
    assert surrounding(Extent(4, 5), text) == Extent(4, 5)  # only the space between: no sentence
    assert surrounding(Extent(8, 10), text) == Extent(5, 9)  # "." and the space after it
    assert surrounding(Extent(8, 11), text) == Extent(5, 16)


def test_surrounding_a_span_in_a_blank_stretch_is_the_span_itself() -> None:
    assert surrounding(Extent(3, 5), "     ") == Extent(3, 5)
