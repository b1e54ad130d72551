"""Stage 1 of the reader: an article into sentences.

In: the article's text. Out: its sentences, in order, each a span of the text numbered from 1 as
`newskb coverage` numbers them (a headline or a subheading on a line of its own is a sentence).
Everything later points back into the text by offset, so that every quote is a verbatim span.
"""

from __future__ import annotations

from dataclasses import dataclass

from newskb.common.passage import sentences

# The longest article `newskb draft` reads, in characters: news runs to tens of thousands; the work is
# linear in the text, about six seconds a megabyte, and a larger text is refused before any is done.
LONGEST_ARTICLE = 1024 * 1024
# A "sentence" longer than this is not prose (a table, a list, text without stops): nothing in it is
# read, which keeps the names and the patterns from working through it for minutes.
LONGEST_SENTENCE = 2000


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentence:
    """One sentence: its number (from 1) and where it stands in the article."""

    number: int
    start: int
    end: int
    text: str

    @property
    def heading(self) -> bool:
        """A headline or a subheading: a line with no stop at its end, whose grammar is its own ("Hartley
        named Wales coach" is a passive: she was named)."""
        return not self.text.rstrip().endswith((".", "!", "?", '"', "\u201d", "'", "\u2019", ")", ";"))


def split(text: str) -> tuple[Sentence, ...]:
    """The sentences of an article (assemble refuses one longer than LONGEST_ARTICLE first)."""
    return tuple(
        Sentence(number=number, start=extent.start, end=extent.end, text=text[extent.start : extent.end])
        for number, extent in enumerate(sentences(text), start=1)
    )
