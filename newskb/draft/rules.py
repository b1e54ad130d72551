"""Which phrase a finding comes from (stage 4 of the reader, `findings`): the rules, each of which shapes
what a finding says about a term; `phrases` holds the patterns that match them.
"""

from __future__ import annotations

from enum import StrEnum


class Rule(StrEnum):
    """Which phrase a finding comes from (each shapes what the finding says about a term)."""

    START = "start"  # took office as, was sworn in as, became, was appointed
    APPOINTED = "appointed"  # X appointed Y as Z
    REPLACING = "replacing"  # ..., replacing Y
    SUCCEEDS = "succeeds"  # X succeeds Y (as Z)
    PREDECESSOR = "predecessor"  # her predecessor, Y
    SUCCESSOR = "successor"  # his successor, Y
    SINCE = "since"  # Y, who had held the post since 2019
    LENGTH = "length"  # Y, who led the alliance for the past ten years
    SERVED = "served"  # X served as O from A until B
    LED = "led"  # X led the university from A to B
    FORMER = "former"  # former O X; X, the former O; X was previously O
    RETURN = "return"  # the return of X to the O
    TITLE = "title"  # O X: the holder of a title named before their name
    END = "end"  # X resigned, stepped down, left (as O)
