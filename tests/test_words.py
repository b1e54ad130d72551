"""newskb's English: counting nouns, the words a question is made of, and a light stemmer."""

from __future__ import annotations

import pytest

from newskb.common.words import (
    MEASURE_AFTER,
    PREDECESSOR_WORDS,
    QUESTION_WORDS,
    SUCCESSION_VERBS,
    SUCCESSOR_WORDS,
    TURN_VERBS,
    counted,
    number_at,
    stem,
)


def test_counted_nouns() -> None:
    assert [counted(1, "entity"), counted(21, "entity"), counted(0, "problem"), counted(2, "term")] == [
        "1 entity",
        "21 entities",
        "0 problems",
        "2 terms",
    ]


@pytest.mark.parametrize(
    ("forms", "shared"),
    [
        (("members", "member"), "member"),
        (("countries", "country"), "country"),
        (("doubled", "double", "doubles"), "doubl"),
        (("leads", "leading", "lead"), "lead"),
        (("takes", "taking", "take"), "tak"),
        (("comprises", "comprised", "comprise"), "compris"),
    ],
)
def test_the_forms_of_a_word_share_a_stem(forms: tuple[str, ...], shared: str) -> None:
    assert {stem(form) for form in forms} == {shared}


def test_short_words_and_double_s_keep_their_ending() -> None:
    # Stripping would leave fewer than three letters, or turn "boss" into "bos".
    assert [stem(word) for word in ("is", "has", "bus", "boss", "class", "nato")] == [
        "is",
        "has",
        "bus",
        "boss",
        "class",
        "nato",
    ]


def test_the_word_lists_do_not_overlap_where_it_matters() -> None:
    assert {"how", "many", "does", "who", "what", "is", "the"} <= QUESTION_WORDS
    assert MEASURE_AFTER & {"many", "much"} == {"many", "much"}
    assert not (SUCCESSOR_WORDS & PREDECESSOR_WORDS)
    relations = SUCCESSOR_WORDS | PREDECESSOR_WORDS | set(SUCCESSION_VERBS) | TURN_VERBS
    assert not (relations & QUESTION_WORDS)
    assert set(SUCCESSION_VERBS.values()) == {"successor", "predecessor"}


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["thirty", "one", "members"], (31, 2)),  # "Thirty-one members", its hyphen normalised away
        (["ninety", "nine"], (99, 2)),
        (["thirty", "members"], (30, 1)),
        (["30", "1", "members"], (30, 1)),  # figures are never joined
        (["ten", "two"], (10, 1)),  # only a ten takes a unit
        (["twenty", "ten"], (20, 1)),
        (["twenty"], (20, 1)),
        (["members"], None),
    ],
)
def test_a_number_written_in_two_words_is_one(words: list[str], expected: tuple[int, int] | None) -> None:
    assert number_at(words, 0) == expected
