"""verify/patterns: where a match lies against what other statements already read, as half-open spans of the
text (start, end): two spans share a character or they do not, whatever their words (test_verify_reading.py
reads the sentences the patterns match)."""

from __future__ import annotations

from newskb.draft.clauses import CLOSE, OPEN
from newskb.verify.patterns import RUN_AS, inside, overlaps


def test_a_span_overlaps_another_when_they_share_a_character() -> None:
    assert overlaps((3, 5), [(0, 9)])  # within it
    assert overlaps((0, 9), [(3, 5)])  # around it ("X, who became O in D, was P": the finding is inside)
    assert overlaps((0, 5), [(4, 9)])
    assert overlaps((4, 9), [(0, 5)])
    assert overlaps((4, 9), [(20, 30), (0, 5)])


def test_spans_that_only_touch_or_lie_apart_do_not_overlap() -> None:
    assert not overlaps((0, 5), [(5, 9)])
    assert not overlaps((5, 9), [(0, 5)])
    assert not overlaps((0, 5), [(6, 9), (20, 30)])
    assert not overlaps((0, 5), [])


def test_a_span_is_inside_another_only_whole() -> None:
    assert inside((3, 5), [(0, 9)])
    assert inside((0, 9), [(0, 9)])
    assert inside((3, 5), [(20, 30), (0, 9)])
    assert not inside((0, 5), [(3, 9)])  # its end inside, its start before
    assert not inside((3, 12), [(0, 9)])  # its start inside, its end after
    assert not inside((0, 9), [(3, 5)])
    assert not inside((0, 5), [])


def test_a_length_before_a_name_starts_at_a_word_not_inside_one() -> None:
    # Tried from inside a long word, it would backtrack over the rest of it each time.
    office, holder = f"{OPEN}O0{CLOSE}", f"{OPEN}P1{CLOSE}"
    found = RUN_AS.search(f"After a 14-year run as {office}, {holder} spoke.")
    assert found is not None and found["n"] == "14"
    assert RUN_AS.search(f"After a x14-year run as {office}, {holder} spoke.") is None
