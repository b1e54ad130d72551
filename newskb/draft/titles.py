"""Titles: runs of title words ending in a head noun ("deputy governor", "Prime Minister", "chief climate
negotiator"), with the field in lower case they keep ("director of strategy"), and their normalised words.
Which organization a title belongs to is offices.py's.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from newskb.draft.lexicon import (
    AGENT_ENDINGS,
    FIELD_JOINERS,
    HEAD_AFTER,
    HEAD_NEEDS_OF,
    HEAD_VARIANTS,
    INTERIM_WORDS,
    NOT_FIELD,
    OPEN_HEADS,
    ORG_NOUNS,
    ORG_WORDS,
    TITLE_HEADS,
    TITLE_INITIALS,
    TITLE_MODIFIERS,
    VERBS_BEFORE_TITLES,
)
from newskb.draft.pieces import Piece, joined
from newskb.draft.timewords import NUMBERS

if TYPE_CHECKING:  # mentions.py imports names.py, which imports ORDINAL from here
    from newskb.draft.mentions import TitleSpan

# Words that may stand between an organization and its title: "NATO's new secretary general", "the
# university's 14th president".
# Words between an organization's possessive and its title ("the party's new leader"); some describe the
# holder, not the office ("the party's female co-leader", "the board's longtime chair").
BETWEEN = frozenset(
    ("new", "former", "incoming", "outgoing", "current", "next", "then", "female", "male", "independent", "longtime")
)
# "the university's 14th president", "its ninth vice-chancellor".
ORDINAL = re.compile(
    r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
)


def _title_word(piece: Piece) -> bool:
    word = piece.lower
    return (
        word in TITLE_HEADS
        or word in TITLE_MODIFIERS
        or all(part in TITLE_HEADS or part in TITLE_MODIFIERS for part in word.split("-"))
    )


def _is_head(words: Sequence[Piece], index: int, first: int) -> bool:
    word = words[index].lower
    if word not in TITLE_HEADS and not (word.split("-")[-1] in TITLE_HEADS and "-" in word):
        return False
    needs = HEAD_AFTER.get(word)
    if needs is not None and (index == first or words[index - 1].lower not in needs):
        return False
    return not (word in HEAD_NEEDS_OF and (index + 1 >= len(words) or words[index + 1].lower != "of"))


def title_runs(text: str, words: Sequence[Piece], used: set[int]) -> list[tuple[int, int]]:
    """Spans [first, last] of title words ending in a head noun: "deputy governor", "Prime Minister"."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        if index in used or not _title_word(words[index]):
            index += 1
            continue
        last = index
        while (
            last + 1 < len(words)
            and last + 1 not in used
            and _title_word(words[last + 1])
            and joined(text, words[last], words[last + 1])
        ):
            last += 1
        head = max((probe for probe in range(index, last + 1) if _is_head(words, probe, index)), default=None)
        if head is not None and head == index and _unknown_before(text, words, index):
            head = None  # "cloud chief", "spy chief": the chief of something the reader cannot name
        if head is not None:
            head = _capital_field(text, words, index, _agent(text, words, head, used), used)
            runs.append((index, head))
            index = head + 1
        else:
            index = last + 1
    return runs


def _capital_field(text: str, words: Sequence[Piece], first: int, head: int, used: set[int]) -> int:
    """A title's last word, over a field in capitals after "for" ("Deputy Governor for Financial Stability of
    the Central Bank", "Minister for Justice Ana Reis"), or after "of" when an organization's possessive stands
    before the title ("the Bank's Director of Financial Supervision"): part of the title, not a name. The
    longest field (of three words at most) that "of", "at" or the sentence's end follows; else one word, where
    a name follows it."""
    joiner = head + 1
    if joiner + 1 >= len(words) or not joined(text, words[head], words[joiner]):
        return head
    owned = first > 0 and words[first - 1].possessive
    if not (words[joiner].lower == "for" or (words[joiner].lower == "of" and owned)):
        return head
    last = joiner
    while (
        last + 1 < len(words)
        and last - joiner < 3
        and last + 1 not in used
        and words[last + 1].capital
        and not words[last + 1].possessive
        and joined(text, words[last], words[last + 1])
    ):
        last += 1
    for end in range(last, joiner, -1):
        following = words[end + 1] if end + 1 < len(words) and joined(text, words[end], words[end + 1]) else None
        if following is None or following.lower in ("of", "at", "since", "from", "until"):
            return end
    after_one = joiner + 2
    named = after_one < len(words) and words[after_one].capital and joined(text, words[joiner + 1], words[after_one])
    return joiner + 1 if last > joiner and named else head


def _unknown_before(text: str, words: Sequence[Piece], head: int) -> bool:
    """Whether a lone "chief" follows a noun in lower case that says what it is the chief of, which is no
    title the reader knows ("cloud chief"); not "police chief", "the new chief" or "its chief"."""
    if words[head].lower not in OPEN_HEADS or head == 0 or not joined(text, words[head - 1], words[head]):
        return False
    if words[head].capital and not words[head - 1].capital:
        return False  # "replacing Chief Alan Brody": capitalised mid-sentence, a title before its holder's name
    before = words[head - 1]
    # A verb before the title ("became chief in 2017") is no noun of what it is the chief of.
    verb = before.lower in VERBS_BEFORE_TITLES or before.lower.endswith("ed")
    return _field_word(before) and before.lower not in BETWEEN and not before.possessive and not verb


def _agent(text: str, words: Sequence[Piece], head: int, used: set[int]) -> int:
    """A head like "chief" followed by the noun of an agent, which is the title's own head: "chief
    economist", "chief climate negotiator", "chief Brexit negotiator" (a word or two, the last in lower case
    and ending like an agent's)."""
    if words[head].lower not in OPEN_HEADS:
        return head
    for last in range(head + 1, min(head + 3, len(words))):
        piece = words[last]
        # A capitalised word may be the field ("Brexit"), never the agent.
        field = _field_word(piece) or _title_word(piece) or (last == head + 1 and piece.capital and not piece.opens)
        if last in used or not field or not joined(text, words[last - 1], piece):
            return head
        if piece.capital and last == head + 2:
            return head
        if piece.lower.endswith(AGENT_ENDINGS) and not piece.possessive and not piece.capital:
            return last
        if piece.possessive:
            return head
    return head


def _field_word(piece: Piece) -> bool:
    """A word in lower case that may be part of a title's field or its head's noun ("strategy",
    "academic"), not a small word of the grammar, a number or a unit of time."""
    word = piece.lower
    return (
        word[:1].islower()
        and piece.text[:1].islower()
        and word.replace("-", "").isalpha()
        and word not in NOT_FIELD
        and word not in NUMBERS
        and word not in ORG_NOUNS
        and not word.endswith("ly")
    )


def title_of(words: Sequence[Piece]) -> str:
    """The normalised title of some words ("Secretary-General" and "secretary general" are one), without
    a word like "interim" that is a note on its holder, not part of the office."""
    tokens = [_PLURALS.get(token, token) for piece in words for token in piece.norm]
    kept = [token for token in tokens if token not in INTERIM_WORDS]
    if len(kept) > 1 and kept[0] == "first" and kept[1] not in _FIRST_OF:
        kept = kept[1:]  # "its first chief risk officer": the first to hold it, not a title of its own
    return " ".join(kept or tokens)


# What "first" belongs to as part of an office: "First Deputy Governor", "First Vice President", "First Minister".
_FIRST_OF = frozenset(
    ("deputy", "vice", "secretary", "minister", "lady", "lord", "sea", "assistant", "officer", "team")
)


# A plural title names the office each holds: "the party's co-spokespeople".
_PLURALS = {"spokespeople": "spokesperson", "spokespersons": "spokesperson", "leaders": "leader", "chairs": "chair"}


def interim_of(words: Sequence[Piece]) -> str | None:
    """The word that makes a holder interim ("acting governor"), if the title has one."""
    return next((piece.lower for piece in words if piece.lower in INTERIM_WORDS), None)


def field_end(text: str, words: Sequence[Piece], title_last: int, name_at: Mapping[int, tuple[int, int]]) -> int:
    """The title's last word with a field in lower case after "of" or "for": "director of strategy", "vice
    president for academic affairs", "dean of medicine at X", "director of cricket Martin Hale"; not "mayor
    of the city", "chair for six years", nor words that run on into a clause ("head of state visits Oslo")."""
    joiner = title_last + 1
    if joiner + 1 >= len(words) or words[joiner].lower not in FIELD_JOINERS:
        return title_last
    if not joined(text, words[title_last], words[joiner]) or words[title_last].possessive:
        return title_last
    last = joiner
    while (
        last + 1 < len(words)
        and last + 1 - joiner <= 2
        and last + 1 not in name_at
        and joined(text, words[last], words[last + 1])
        and _field_word(words[last + 1])
    ):
        last += 1
        if words[last].possessive:
            return title_last
    if last == joiner:
        return title_last
    following = last + 1
    if following >= len(words) or not joined(text, words[last], words[following]):
        return last  # punctuation or the sentence's end
    if words[following].lower in _AFTER_FIELD:
        return last
    named = name_at.get(following)
    if named is None or named[0] != following or named[1] <= following:
        return title_last
    # "director of cricket Martin Hale": a field, then its holder; "chief executive of family-owned Brückner
    # Hydraulik GmbH": an organization's name, which the words before describe.
    return title_last if any(piece.lower in ORG_WORDS for piece in words[following : named[1] + 1]) else last


# Words that may follow a title's field: "dean of medicine at X", "the director of strategy said".
_AFTER_FIELD = frozenset(
    (
        *("at", "of", "in", "on", "for", "from", "since", "until", "between", "to", "and", "with", "under", "who"),
        *("said", "says", "told", "is", "was", "will", "would", "has", "had"),
    )
)


def head_forms(head: str) -> frozenset[str]:
    """The ways of writing one head: "chair", "chairman", "chairwoman"."""
    return next((forms for forms in HEAD_VARIANTS if head in forms), frozenset((head,)))


def spelled_out(titles: Sequence[TitleSpan]) -> list[TitleSpan]:
    """The phrases with a title written as initials ("CEO") spelt out as the article spells it elsewhere
    ("chief executive"), else in full: one office, however written."""
    written = {title.title for title in titles}
    spelled: list[TitleSpan] = []
    for title in titles:
        # Word by word: "state Sen." is a state senator, "Lt. Gov." a lieutenant governor.
        full = " ".join(_spelled(word, written) for word in title.title.split())
        if full != title.title:
            title = replace(title, title=full, head=full.split()[-1])
        spelled.append(title)
    return spelled


def _spelled(word: str, written: set[str]) -> str:
    forms = TITLE_INITIALS.get(word)
    return word if forms is None else next((form for form in forms if form in written), forms[0])
