"""fuzzy.py: one normalisation for both sides of every fuzzy match, and the "did you mean" hints."""

from __future__ import annotations

import pytest

from newskb.common.fuzzy import closest, did_you_mean, normalise, tokenize


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Rutte\u2019s  NATO", "rutte s nato"),  # punctuation and a run of spaces fold to one space
        ("Mark Rutte", "mark rutte"),
        ("  NATO-chief_of staff\t\n", "nato chief of staff"),  # an underscore is punctuation too
        ("Oana Lung\u00e9scu", "oana lungescu"),  # a precomposed accent is stripped
        ("Oana Lunge\u0301scu", "oana lungescu"),  # so is a combining one
        ("\u00c9MILE Zola", "emile zola"),  # accent stripped and case folded
        ("Stra\u00dfe", "strasse"),  # casefold, not lower: sharp s is "ss"
        ("\ufb01nal \u2460", "final 1"),  # NFKD: compatibility ligature and circled digit
        ("", ""),
        ("\u2014 ... \u2014", ""),
    ],
)
def test_normalise(text: str, folded: str) -> None:
    assert normalise(text) == folded


def test_normalise_keeps_letters_that_have_no_accent_to_strip() -> None:
    # NFKD does not decompose these: they are letters of their own, not letters with a mark.
    assert normalise("\u00c6r\u00f8 \u0141\u00f3d\u017a") == "\u00e6r\u00f8 \u0142odz"


def test_normalise_folds_both_sides_equal() -> None:
    assert normalise("Rutte\u2019s NATO") == normalise("rutte s   nato") == normalise("RUTTE'S NATO")


def test_tokenize_gives_the_normalised_words() -> None:
    assert tokenize("Rutte's NATO-chief, Lung\u00e9scu") == ["rutte", "s", "nato", "chief", "lungescu"]
    assert tokenize(" \u2014 ") == []


def test_closest_is_best_first_and_at_most_three() -> None:
    choices = ["abxyz", "abcdy", "abcdx", "abcde", "abcdf"]
    # "abcde" is exact; the three at 80 tie and come in alphabetical order; the fourth is cut by the limit.
    assert closest("abcde", choices) == ["abcde", "abcdf", "abcdx"]
    assert closest("abcde", choices, limit=5) == ["abcde", "abcdf", "abcdx", "abcdy"]


def test_closest_takes_a_choice_at_the_cutoff_and_none_below() -> None:
    # ratio("abcde", "abcxy") is exactly 60 (3 of 5 letters in common); "abxyz" is 40.
    assert closest("abcde", ["abcxy"]) == ["abcxy"]
    assert closest("abcde", ["abxyz"]) == []
    assert closest("abcde", ["abcxy"], cutoff=61) == []


def test_closest_compares_normalised_but_returns_the_choice_as_written() -> None:
    assert closest("MARK-RUTTE", ["mark-rutte", "mark-ruttx"]) == ["mark-rutte", "mark-ruttx"]
    assert closest("Lung\u00e9scu", ["lungescu"]) == ["lungescu"]


def test_closest_counts_a_repeated_choice_once() -> None:
    assert closest("holder", ["holder", "holder", "holders"]) == ["holder", "holders"]


def test_did_you_mean_names_every_hint_or_nothing() -> None:
    assert did_you_mean("hodler", ["holder", "office", "start"]) == " (did you mean 'holder'?)"
    assert did_you_mean("mark-rute", ["mark-rutte", "mark-rutter", "nato"]) == (
        " (did you mean 'mark-rutte' or 'mark-rutter'?)"
    )
    assert did_you_mean("zzz", ["holder", "office"]) == ""
    assert did_you_mean("holder", []) == ""
