"""How newskb words a number of things in its messages."""

from __future__ import annotations

import functools
from collections.abc import Sequence


def spoken_by(speakers: list[str], text: str) -> str:
    """`Peter Bator: One of ...`: a text after the names of whose words it reports, as a reader says it; a text
    that names a speaker itself ("NATO officials expect ...") is not prefixed with that name, which would
    read as the speaker's own statement."""
    from newskb.common.fuzzy import normalise

    said = f" {normalise(text)} "
    others = [name for name in speakers if f" {normalise(name)} " not in said]
    return f"{', '.join(others)}: {text}" if others else text


def counted(number: int, noun: str) -> str:
    """`1 entity`, `21 entities`, `0 problems`."""
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {noun if number == 1 else plural}"


def listed(words: list[str], last: str = "or") -> str:
    """`json`, `json or csv`, `json, csv or parquet` (`last`: the word before the last one)."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {last} " + words[-1]


# Words a question is made of that say nothing about which record answers it: a query's other words are
# what a record must match ("how many members does NATO have" looks for members and NATO).
QUESTION_WORDS = frozenset(
    (
        *("a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "and", "or", "about"),
        *("is", "are", "was", "were", "be", "been", "being", "do", "does", "did", "has", "have", "had"),
        *("how", "many", "much", "who", "whom", "whose", "what", "which", "when", "where", "why"),
        *("there", "it", "its", "this", "that", "these", "those", "came", "come", "comes", "any", "all"),
    )
)

# Words of a name that do not say which entity it is: "Secretary General of NATO", "NATO's Secretary General"
# (normalised, the possessive is a word "s") and "NATO Secretary General" all name the same office.
NAME_FILLERS = frozenset(("of", "the", "for", "to", "and", "s", "a", "an", "in", "at", "on"))

# Words after which a question names what it counts ("how many *members*", "how much *money*", "the number of
# *troops*"): a text that gives a number of it answers best.
MEASURE_AFTER = frozenset(("many", "much", "number"))
# What "how long" counts.
TIME_UNITS = ("years", "months", "weeks", "days", "decades")
# Numbers written as words, as news writes small ones ("the past ten years"), with their values.
NUMBER_VALUES = {
    **{
        word: value
        for value, word in enumerate(
            (
                *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
                *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"),
                "nineteen",
            )
        )
    },
    **{word: 10 * tens for tens, word in enumerate(("twenty", "thirty", "forty", "fifty"), start=2)},
    **{word: 10 * tens for tens, word in enumerate(("sixty", "seventy", "eighty", "ninety"), start=6)},
    "dozen": 12,
    "hundred": 100,
    "thousand": 1000,
}
NUMBER_WORDS = frozenset(NUMBER_VALUES)


def number_in(word: str) -> int | None:
    """The number a word writes: `32`, `ten`; None for any other word."""
    if word.isdigit() and len(word) <= 9:
        return int(word)
    tens, _, unit = word.partition("-")
    # "thirty-two": a ten and a unit, hyphenated as English writes them.
    if unit and NUMBER_VALUES.get(tens, 0) in range(20, 100, 10) and NUMBER_VALUES.get(unit, 0) in range(1, 10):
        return NUMBER_VALUES[tens] + NUMBER_VALUES[unit]
    return NUMBER_VALUES.get(word)


def number_at(words: Sequence[str], position: int) -> tuple[int, int] | None:
    """The number the words from a position write, and how many words it takes.

    Normalised words split "thirty-one" in two: a ten followed by a unit is one number, 31, not 30 and then 1.
    """
    value = number_in(words[position])
    if value is None:
        return None
    if words[position] in NUMBER_WORDS and value in range(20, 100, 10) and position + 1 < len(words):
        unit = NUMBER_VALUES.get(words[position + 1], 0)
        if unit in range(1, 10):
            return value + unit, 2
    return value, 1


# Words a statement is made of that say nothing about which record states it: a question's words, and the
# verbs that only give its tense or mood ("Rutte *will* face ...").
FUNCTION_WORDS = frozenset(
    (
        *("will", "would", "shall", "should", "can", "could", "may", "might", "must", "also", "not", "only"),
        *("but", "as", "than", "then", "into", "over", "under", "his", "her", "their", "he", "she", "they"),
    )
)


# Words that make a statement a possibility, not a fact: a record that says "the potential return of X" does not
# support "X returned".
HEDGE_WORDS = frozenset(
    (
        *("potential", "possible", "possibly", "may", "might", "could", "likely", "expected", "expect", "expects"),
        *("plan", "plans", "planned", "proposed", "would", "if", "whether", "reportedly", "allegedly", "rumoured"),
    )
)


# The hedges that say someone expects it: a statement that reports an expectation ("officials expect ...")
# allows for them.
EXPECT_WORDS = frozenset(("expect", "expects", "expected", "likely"))


@functools.lru_cache(maxsize=1 << 16)
def same_family(one: str, other: str) -> bool:
    """Whether two words are forms of one English word: the same stem ("returned", "return"), or a verb and its
    noun in -ion, -ation or -ment ("elected", "election"; "appointed", "appointment"), the d of a Latin verb
    becoming s ("invaded", "invasion"; "decided", "decision")."""
    if stem(one) == stem(other):
        return True
    roots = [root for root in (_noun_root(one), _noun_root(other)) if root is not None and len(root) >= 4]
    verbs = {stem(one), stem(other)}
    return any(
        verb == root or (verb[:-1] == root[:-1] and verb[-1:] + root[-1:] == "ds") for root in roots for verb in verbs
    )


def _noun_root(word: str) -> str | None:
    for ending in ("ation", "ment", "ion"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return None


# Words that ask for who came after a holder, or before them, whatever their place in the question ("X's
# successor", "before X"); a search answers them from `replaces`.
SUCCESSOR_WORDS = frozenset(("successor", "successors", "replacement", "after", "next"))
PREDECESSOR_WORDS = frozenset(("predecessor", "predecessors", "before", "previous"))
# Verbs of succession and what "A <verb> B" makes A of B: a question asks the one or the other by where it
# names the holder ("who replaced X" asks for X's successor, "who did X replace" for X's predecessor).
SUCCESSION_VERBS = {
    **dict.fromkeys(("succeeded", "succeed", "succeeds", "replaced", "replace", "replaces"), "successor"),
    **dict.fromkeys(("followed", "follow", "follows"), "successor"),
    **dict.fromkeys(("preceded", "precede", "precedes"), "predecessor"),
}
# Verbs that, before "over", say the same: "took over from X".
TURN_VERBS = frozenset(("took", "take", "takes", "taking", "taken"))

# English endings a word takes without changing what it names (members, member; leading, leads, lead).
_ENDINGS = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light English stem, so plural, -ing and -ed forms meet: members/member, doubled/double, leads/leading.

    Applied to both a query's words and the indexed words, it need not be a real word, only the same one.
    """
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3 and not word.endswith("ss"):
            word = word[: -len(ending)] + replacement
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word
