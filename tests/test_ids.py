"""ids.py: the one way newskb makes an id for a new record, for add and for draft alike."""

from __future__ import annotations

import pytest

from newskb.base import ids


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Port Ellery Harbour Board", None, "port-ellery-harbour-board"),
        # Accents fold; letters kebab-case cannot spell are dropped, not turned into word breaks.
        ("Bjørn Dæhlie named coach", None, "bjrn-dhlie-named-coach"),
        ("Élodie O'Brien-Smith", None, "elodie-o-brien-smith"),
        # A word of another script is left out, not left as a dangling hyphen.
        ("\u6771\u4eac hosts the talks", None, "hosts-the-talks"),
        ("One two three four five six seven eight nine ten.", 8, "one-two-three-four-five-six-seven-eight"),
        ("\u6771\u4eac", None, ""),
    ],
)
def test_slug(text: str, words: int | None, expected: str) -> None:
    assert ids.slug(text, words=words) == expected


def test_unique_numbers_a_taken_stem_from_two() -> None:
    assert ids.unique("ada", set()) == "ada"
    assert ids.unique("ada", {"ada"}) == "ada-2"
    assert ids.unique("ada", {"ada", "ada-2", "ada-3"}) == "ada-4"
