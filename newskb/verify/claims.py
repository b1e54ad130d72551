"""A sentence's words as a claim of its own or as someone's (part of `reading`): an attribution ("According to
X, ...", "X said ..."), a sentence no pattern reads, checked whole, and whether words say anything at all.
"""

import re
from datetime import date

from newskb.common.words import FUNCTION_WORDS, HEDGE_WORDS, NAME_FILLERS, QUESTION_WORDS
from newskb.draft.clauses import Clause
from newskb.draft.mentions import Mark
from newskb.verify import patterns, shapes
from newskb.verify.statements import Claimed, Statement


def attribution(one: Clause, text: str) -> tuple[Statement, tuple[int, int]] | None:
    """Words a clause gives as someone's: "According to X, ...", "X said ...", "..., X said", "X expects ..."."""
    for pattern in (patterns.ACCORDING, patterns.SAID, patterns.SAID_AFTER):
        match = pattern.search(one.template)
        if match is None:
            continue
        said_start, said_end = match.span("said")
        said = text[one.origins[said_start] : one.origins[said_end - 1] + 1].rstrip(" .")
        verb = (match.groupdict().get("verb") or "").lower()
        statement = Statement(
            claimed=Claimed.ATTRIBUTION,
            span=one.sentence.text.strip(),
            speaker=shapes.name_of(shapes.mention_at(one, match["s"])),
            said=said,
            expects=verb.startswith("expect"),
            negated=False,
        )
        return statement, (one.origins[said_start], one.origins[said_end - 1] + 1)
    return None


def claim(one: Clause, day: date) -> list[Statement]:
    """A sentence no pattern reads: checked whole against the base's claims and events; none for a question
    or for names alone ("Rutte", "Rutte NATO"), which state nothing. Its one date, if it gives one ("Russia
    invaded Ukraine on 24 February 2022"), is the day it states, weighed against an event's, not a word."""
    told = one.sentence
    sentence = told.text.strip()
    if sentence.endswith("?"):
        return []
    start = told.sentence.start
    rest = list(told.text)
    for mention in told.mentions:
        rest[mention.start - start : mention.end - start] = " " * (mention.end - mention.start)
    if not says("".join(rest)) and not ELLIPSIS.match(sentence):
        return []
    points = [mention for mention in told.mentions if mention.mark is Mark.POINT]
    when = shapes.date_of(points[0], one, day) if len(points) == 1 else None
    if when is None:
        return [Statement(claimed=Claimed.CLAIM, span=sentence, said=sentence)]
    at = points[0].start - start
    said = " ".join(f"{told.text[:at]} {told.text[at + len(points[0].text) :]}".split()).strip()
    return [Statement(claimed=Claimed.CLAIM, span=sentence, said=said, when=when)]


def says(words: str) -> bool:
    """Whether words say something of a sentence's names in words of their own, in lower case ("has",
    "backed", "met"), beyond the words of a name, a function or a question."""
    return weighs(words) or bool(_COPULA_AND_MORE.search(words))


def weighs(words: str) -> bool:
    """Whether words hold a lower-case word of weight: not only names, function words and a copula ("Rutte as
    was Stoltenberg" does not), so that a record holding the names is no proof of how they stand."""
    said = [word for word in re.findall(r"[^\W\d_]+", words) if word.islower()]
    return any(word not in _SAY_NOTHING for word in said)


# Words that say nothing by themselves: of a name, a function, a question; time words around a statement
# ("After a 14-year run as ..., X replaced Y"); words that turn it, which `unread` names.
_TIME_WORDS = frozenset(
    (
        *("after", "before", "during", "since", "until", "while", "then", "later", "earlier", "already"),
        *("officially", "last", "next", "ago", "today", "yesterday", "tomorrow", "day", "days", "week"),
        *("weeks", "month", "months", "year", "years"),
    )
)
_SAY_NOTHING = FUNCTION_WORDS | NAME_FILLERS | QUESTION_WORDS | HEDGE_WORDS | _TIME_WORDS


# A sentence that leaves out what it says, for the one before to give: "So did Wallace.", "Wallace was not.",
# "Also Wallace.", "Same for Stoltenberg." Read whole, its words alone would be weighed against a record's.
ELLIPSIS = re.compile(
    r"\s*(?:(?:so|nor|neither)\s+(?:did|does|do|was|were|is|are|has|had|have|will|would|could)\b"
    r"|(?:also|same\s+for|likewise)\s+[A-Z]"
    r"|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*\s+(?:did|does|was|were|is|has|had|will|would)(?:\s+not|n't)?\s*[.!]?\s*$)",
    re.IGNORECASE,
)
# "... is Norwegian": a copula says something of its subject by whatever follows it.
_COPULA_AND_MORE = re.compile(r"\b(?:is|was|are|were)\s+[^\W\d_]")
