"""Where a quote stands in its article: whitespace-tolerant location, and the sentence around it.

A quote may differ from the article only in runs of whitespace, so matching happens on a folded copy
of the text that remembers, for every folded character, where it stood in the original.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# A line break always ends a sentence: headlines and subheadings in the stored articles stand on lines of
# their own. Within a line, sentences are found by sentencex (benchmarks/SENTENCES.md: of the splitters
# measured it alone got every test line right, abbreviations and initials included, in time linear in the
# line), imported when a text is first split.
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Extent:
    """A half-open range [start, end) of character offsets into an article (not dates.Span, a term's days)."""

    start: int
    end: int


def fold(text: str) -> str:
    """Collapse every whitespace run to one space and trim: the only way a quote may differ."""
    return " ".join(text.split())


def fold_space(text: str) -> tuple[str, list[int]]:
    """As `fold`, also returning where each folded character stood in the original text."""
    folded: list[str] = []
    origins: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not in_space and folded:
                folded.append(" ")
                origins.append(index)
            in_space = True
            continue
        folded.append(char)
        origins.append(index)
        in_space = False
    if folded and folded[-1] == " ":
        folded.pop()
        origins.pop()
    return "".join(folded), origins


def locate(quote: str, text: str) -> Extent | None:
    """Where `quote` stands in `text`, forgiving only differences in whitespace."""
    return locator(text)(quote)


def locator(text: str) -> Callable[[str], Extent | None]:
    """`locate` in one text for many quotes, the text folded once (a draft checks every candidate's)."""
    folded_text, origins = fold_space(text)

    def find(quote: str) -> Extent | None:
        folded_quote, _ = fold_space(quote)
        if not folded_quote:
            return None
        position = folded_text.find(folded_quote)
        if position < 0:
            return None
        return Extent(origins[position], origins[position + len(folded_quote) - 1] + 1)

    return find


def sentences(text: str) -> list[Extent]:
    """The sentences of an article, as spans of its text without the spaces around them, in order."""
    from sentencex import get_sentence_boundaries

    spans: list[Extent] = []
    for line in _LINE.finditer(text):
        joined_to: Extent | None = None
        for boundary in get_sentence_boundaries("en", line.group()):
            start, end = _trimmed(
                text, line.start() + int(boundary["start_index"]), line.start() + int(boundary["end_index"])
            )
            if start >= end:
                continue
            if joined_to is not None and _ends_in_abbreviation(text[joined_to.start : joined_to.end]):
                spans[-1] = joined_to = Extent(joined_to.start, end)  # "... succeed Ms. | Eva Lund as ..."
                continue
            joined_to = Extent(start, end)
            spans.append(joined_to)
    return spans


# Abbreviations before a name that sentencex ends a sentence at (it knows "Mr." and "Dr."): measured on
# "He met Ms. Eva Lund on Friday." for the courtesy titles and ranks news writes.
_COURTESY_END = re.compile(r"\b(?:Ms|Mx|Cllr|Amb|Ft)\.$")


def _ends_in_abbreviation(sentence: str) -> bool:
    """Whether a sentence sentencex found ends in a courtesy title or in an initial of any script ("Sigríður Á.
    Hallsdóttir": it knows only A to Z as initials)."""
    initial = len(sentence) >= 3 and sentence[-1] == "." and sentence[-2].isupper() and sentence[-3] == " "
    return initial or _COURTESY_END.search(sentence) is not None


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def surrounding(span: Extent, text: str) -> Extent:
    """The run of whole sentences that contains `span`."""
    covering = [sentence for sentence in sentences(text) if sentence.end > span.start and sentence.start < span.end]
    if not covering:
        return span
    return Extent(covering[0].start, covering[-1].end)
