"""Fuzzy matching of names: one normalisation for both sides, rapidfuzz for the scoring.

rapidfuzz does no preprocessing by default, so both the query and every candidate pass through
`normalise` (NFKD, accents stripped, casefolded, punctuation and runs of space folded).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

_NON_WORD = re.compile(r"[\W_]+")


# The same names and quotes are folded again and again by a batch (every line's candidates): a pure function,
# remembered for the most recent texts.
@functools.lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """Fold text for comparison: 'Rutte\u2019s  NATO' and 'rutte s nato' compare equal."""
    if not text.isascii():  # ASCII has no accents to strip: skip the slow part for most text
        import unicodedata  # here: most queries fold ASCII alone, and never load it

        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NON_WORD.sub(" ", text.casefold()).split())


def tokenize(text: str) -> list[str]:
    """The normalised words of a text, as search compares them."""
    return normalise(text).split()


def closest(value: str, choices: Iterable[str], *, limit: int = 3, cutoff: float = 60.0) -> list[str]:
    """The choices that look most like `value` (for "did you mean" hints), best first."""
    from rapidfuzz import fuzz, process  # imported here: only a failed lookup needs it

    pool: Sequence[str] = sorted(set(choices))
    matches = process.extract(value, pool, scorer=fuzz.ratio, processor=normalise, limit=limit, score_cutoff=cutoff)
    return [choice for choice, _score, _index in matches]


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """A ' (did you mean ...?)' hint, or '' when nothing is close."""
    hints = closest(value, choices)
    if not hints:
        return ""
    return " (did you mean " + " or ".join(f"'{hint}'" for hint in hints) + "?)"
