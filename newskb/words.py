"""How newskb words a number of things in its messages."""

from __future__ import annotations


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

# Words that ask for a number ("how many", "how much", "the number of"): a text that gives one answers better.
QUANTITY_WORDS = frozenset(("many", "much", "number"))

# Words that ask for who came after a holder, or before them (a search answers them from `replaces`).
SUCCESSOR_WORDS = frozenset(
    ("successor", "successors", "succeeded", "succeeds", "succeed", "replaced", "replacement", "after", "next")
)
PREDECESSOR_WORDS = frozenset(("predecessor", "predecessors", "preceded", "precedes", "before", "previous"))

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
