"""Ids newskb makes for a new record (add without --id, draft): kebab-case words of the record's own text,
numbered when the plain one is taken."""

from __future__ import annotations

import re
from collections.abc import Container

from newskb.common.fuzzy import normalise


def slug(text: str, *, words: int | None = None) -> str:
    """`text` in kebab-case: its normalised words (accents folded), without the letters kebab-case cannot
    spell ('Bjørn Dæhlie' is 'bjrn-dhlie'; a word of another script is left out), the first `words` of them."""
    kept = [part for part in (re.sub(r"[^a-z0-9]", "", word) for word in normalise(text).split()) if part]
    return "-".join(kept[:words] if words is not None else kept)


def unique(stem: str, taken: Container[str]) -> str:
    """`stem`, or `stem-2`, `stem-3`, ...: the first that is not taken."""
    candidate, number = stem, 2
    while candidate in taken:
        candidate, number = f"{stem}-{number}", number + 1
    return candidate
