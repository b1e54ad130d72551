"""Stage 1 of the reader: an article into sentences.

In: the article's text. Out: its sentences, in order, each a span of the text numbered from 1 as
`newskb coverage` numbers them (a headline or a subheading on a line of its own is a sentence).
Everything later points back into the text by offset, so that every quote is a verbatim span.
"""

from __future__ import annotations

from dataclasses import dataclass

from newskb.passage import sentences


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """One sentence: its number (from 1) and where it stands in the article."""

    number: int
    start: int
    end: int
    text: str


def split(text: str) -> tuple[Sentence, ...]:
    """The sentences of an article."""
    return tuple(
        Sentence(number=number, start=extent.start, end=extent.end, text=text[extent.start : extent.end])
        for number, extent in enumerate(sentences(text), start=1)
    )
