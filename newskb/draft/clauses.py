"""A sentence as a template: its mentions replaced by markers that `findings` reads for the patterns that
state a term, with the article offset of every template character.
"""

from __future__ import annotations

from newskb.draft.mentions import Sentence

# The markers of a template: private-use characters, which an article does not contain.
OPEN, CLOSE = "\ue000", "\ue001"


def template(sentence: Sentence) -> None:
    parts: list[str] = []
    origins: list[int] = []
    position = sentence.start
    for number, mention in enumerate(sentence.mentions):
        parts.append(sentence.text[position - sentence.start : mention.start - sentence.start])
        origins.extend(range(position, mention.start))
        marker = f"{OPEN}{mention.mark.value}{number}{CLOSE}"
        parts.append(marker)
        origins.extend([mention.start] * (len(marker) - 1) + [mention.end - 1])
        sentence.marked[number] = mention
        position = mention.end
    parts.append(sentence.text[position - sentence.start :])
    origins.extend(range(position, sentence.end))
    sentence.template = "".join(parts)
    sentence.origins = origins
