"""Stage 3 of the reader: each sentence as a clause template, which `findings` matches its patterns on.

In: a sentence's mentions (stage 2). Out: its template, the sentence with every mention replaced by a marker
(`\\ue000P3\\ue001`: a person, the fourth mention), and for every template character the article offset it
stands for, so that a pattern's match maps back to a verbatim span of the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from newskb.draft.mentions import Mention, Mentions

# The markers of a template: private-use characters, which an article does not contain.
OPEN, CLOSE = "\ue000", "\ue001"


def marker(name: str, marks: str) -> str:
    """A pattern that matches the marker of a mention of one of `marks` (letters of Mark), its number the
    group `name`."""
    return f"{OPEN}[{marks}](?P<{name}>\\d+){CLOSE}"


@dataclass(frozen=True, slots=True, kw_only=True, eq=False)
class Clause:
    """A sentence's template: its text with each mention replaced by a marker numbered by its place in
    `marked`, and the article offset of each template character."""

    sentence: Mentions
    template: str
    origins: tuple[int, ...]
    marked: tuple[Mention, ...]


def clause(told: Mentions) -> Clause:
    """The template of one sentence."""
    parts: list[str] = []
    origins: list[int] = []
    position = told.start
    for number, mention in enumerate(told.mentions):
        parts.append(told.text[position - told.start : mention.start - told.start])
        origins.extend(range(position, mention.start))
        marker = f"{OPEN}{mention.mark.value}{number}{CLOSE}"
        parts.append(marker)
        origins.extend([mention.start] * (len(marker) - 1) + [mention.end - 1])
        position = mention.end
    parts.append(told.text[position - told.start :])
    origins.extend(range(position, told.end))
    return Clause(sentence=told, template="".join(parts), origins=tuple(origins), marked=told.mentions)
