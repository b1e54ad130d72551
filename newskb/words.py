"""How newskb words a number of things in its messages."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """`1 entity`, `21 entities`, `0 problems`."""
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {noun if number == 1 else plural}"
