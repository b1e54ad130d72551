"""How newskb words a number of things in its messages."""

from __future__ import annotations


def spoken_by(speakers: list[str], text: str) -> str:
    """`Peter Bator: One of ...`: a text after the names of whose words it reports, as a reader says it; a text
    that names a speaker itself ("NATO officials expect ...") is not prefixed with that name, which would
    read as the speaker's own statement."""
    from newskb.fuzzy import normalise

    said = f" {normalise(text)} "
    others = [name for name in speakers if f" {normalise(name)} " not in said]
    return f"{', '.join(others)}: {text}" if others else text


def counted(number: int, noun: str) -> str:
    """`1 entity`, `21 entities`, `0 problems`."""
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {noun if number == 1 else plural}"


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
# Numbers written as words, as news writes small ones ("the past ten years").
NUMBER_WORDS = frozenset(
    (
        *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"),
        *("thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty"),
        *("forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "dozen"),
    )
)

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


def stem(word: str) -> str:
    """A light English stem, so plural, -ing and -ed forms meet: members/member, doubled/double, leads/leading.

    Applied to both a query's words and the indexed words, it need not be a real word, only the same one.
    """
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3 and not word.endswith("ss"):
            word = word[: -len(ending)] + replacement
            break
    return word[:-1] if word.endswith("e") and len(word) > 3 else word
