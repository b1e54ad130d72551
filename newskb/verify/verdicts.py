"""What `verify` answers for a statement: one of four verdicts, the evidence behind it, and why, in a line.

Verdicts and evidence are the JSON contract of `newskb verify` (README, "JSON output"): keep their fields
stable; add, never rename. A verdict is `supported` only when every entity, office, date and number of the
statement is accounted for by the evidence: never on a fuzzy or partial match (README, "Verify").
"""

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import NamedTuple

from newskb.common.status import ExitStatus


class Word(StrEnum):
    """The four verdicts, as `newskb verify` writes them."""

    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    CANNOT_TELL = "cannot-tell"
    NOT_IN_BASE = "not-in-base"


class Evidence(NamedTuple):
    """A record a verdict rests on: its id, its source, its verbatim quote, and how sure and whose it is."""

    id: str
    source: str | None
    quote: str | None
    modality: str | None = None
    said_by: Sequence[str] = ()
    via: Sequence[str] = ()


class Verdict(NamedTuple):
    """One statement of the text, judged."""

    statement: str  # the words checked, verbatim from the text
    claimed: str  # what kind of fact it claims (statements.Claimed)
    verdict: Word
    evidence: Sequence[Evidence]
    why: str
    # The day the evidence holds as of, where it matters (a number's, or the horizon a present tense is past).
    as_of: str | None = None


# Which verdict a text's exit code follows, worst first (README, "Exit codes"): any contradicted is 4, else any
# cannot tell 3, else any not in the base 1, else 0.
EXIT_CODES = {
    Word.CONTRADICTED: ExitStatus.CONTRADICTED,
    Word.CANNOT_TELL: ExitStatus.CANNOT_TELL,
    Word.NOT_IN_BASE: ExitStatus.NOTHING_FOUND,
}


def exit_code(words: Iterable[Word]) -> ExitStatus:
    """The exit status of the verdicts given (of one text, or of every line of `verify -`)."""
    found = set(words)
    return next((code for word, code in EXIT_CODES.items() if word in found), ExitStatus.FOUND)


def denied(word: Word, why: str) -> tuple[Word, str]:
    """The verdict of a negated statement ("X is not NATO chief") from its positive one's, with why said of the
    negation: supported and contradicted swap; cannot-tell and not-in-base stay, and so does their why."""
    word = turned(word)
    if word is Word.SUPPORTED:
        return word, f"{why}, as the statement says"
    if word is Word.CONTRADICTED:
        return word, f"{why}, which the statement denies"
    return word, why


def turned(word: Word) -> Word:
    """The verdict of a negated statement from its positive one's: supported and contradicted swap."""
    return {Word.SUPPORTED: Word.CONTRADICTED, Word.CONTRADICTED: Word.SUPPORTED}.get(word, word)
