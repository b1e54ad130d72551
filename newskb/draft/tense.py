"""The tense of a clause: whether it looks ahead ("will take office") or back ("took office"), which places a date
written without its year or a weekday alone (resolution.py)."""

from __future__ import annotations

import re
from enum import StrEnum

from newskb.draft.lexicon import FUTURE, NOT_PAST, PAST_IRREGULAR, SCHEDULED


class Tense(StrEnum):
    AHEAD = "ahead"
    BACK = "back"
    UNKNOWN = "unknown"


_CLAUSE_BREAK = re.compile(r"\bthat\b|;|,\s+(?:who|which)\b")
_FUTURE = re.compile(f"{FUTURE}|{SCHEDULED}", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]+")


def tense_at(sentence: str, position: int) -> tuple[Tense, str]:
    """Whether the clause around `position` (an offset in `sentence`) looks ahead or back, and the words
    that tell: "will", "would", "is to" and a handover in the present ("takes over") look ahead; a past
    tense ("took", "was", "-ed") looks back."""
    start, end = 0, len(sentence)
    relative = False
    for found in _CLAUSE_BREAK.finditer(sentence):
        if found.end() <= position:
            start, relative = found.end(), found.group().startswith(",")
        elif found.start() > position:
            end = found.start()
            break
    if relative and "," in sentence[position:end]:
        # "X, who took office in May, will face a vote": the relative clause ends at its comma.
        end = sentence.index(",", position)
    clause = sentence[start:end]
    ahead = _FUTURE.search(clause)
    if ahead is not None:
        return Tense.AHEAD, " ".join(ahead.group().split())
    for word in _WORD.findall(clause):
        lowered = word.lower()
        if lowered in PAST_IRREGULAR or (lowered.endswith("ed") and len(lowered) > 3 and lowered not in NOT_PAST):
            return Tense.BACK, word
    return Tense.UNKNOWN, ""
