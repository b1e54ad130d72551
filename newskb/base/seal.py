"""The seal of a draft nobody has edited: `newskb draft` ends what it writes with a line holding the
SHA-256 of everything before it, and `newskb accept` finds a draft unedited when that line is its last and
still matches (an edit anywhere, or a removed line, breaks the seal)."""

from __future__ import annotations

import hashlib
import re

_SEAL = re.compile(r"# unedited draft: sha256 ([0-9a-f]{64})\b[^\n]*\n?\Z")


def sealed(text: str) -> str:
    """The draft's text with its seal line added."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return (
        text
        + f"# unedited draft: sha256 {digest} (newskb accept refuses it until a curator edits it; --unreviewed takes"
        + ' it as it is, each record marked review = "unreviewed draft")\n'
    )


def unedited(text: str) -> bool:
    """Whether a draft is as `newskb draft` wrote it."""
    found = _SEAL.search(text)
    if found is None:
        return False
    return hashlib.sha256(text[: found.start()].encode("utf-8")).hexdigest() == found.group(1)
