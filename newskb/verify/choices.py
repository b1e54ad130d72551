"""The verbs of being chosen for an office (part of the judges of terms.py): which words of a statement tell of
a choice, and whether one tells of the same choice as an event's word ("selected" and "chosen"; not
"nominated", a step before the choice).
"""

import re

from newskb.common.words import same_family
from newskb.draft.lexicon import APPOINTING


def choosing(text: str) -> list[str]:
    """The words of choosing a statement's own words hold, in order ("X was chosen as O": ["chosen"])."""
    return [word for word in re.findall(r"[a-z]+", text.lower()) if word in _CHOOSING]


# The verbs of being chosen for an office, told apart from taking it up: the reader's, and the participles of
# the passive it reads otherwise ("was chosen as", "was selected as").
_CHOOSING = APPOINTING | {"chosen", "selected", "tapped"}
# Of those, the words that say a choice was made without saying how: "selected" tells of the same choice as an
# event titled "chosen", "elected" or "appointed"; but not of a nomination, a step before the choice.
_ANY_CHOICE = frozenset(("chose", "chosen", "selected", "picked", "picks", "pick", "tapped"))
_NOMINATING = frozenset(word for word in _CHOOSING if same_family(word, "nominated"))


def one_choice(said: str, told: str) -> bool:
    """Whether a statement's verb of choosing and an event's word tell of the same choice."""
    if same_family(said, told):
        return True
    either = said in _ANY_CHOICE or told in _ANY_CHOICE
    return either and told in _CHOOSING - _NOMINATING and said not in _NOMINATING
