"""The words of a sentence as the reader sees them (`Piece`: where each stands, how it is written, its
normalised tokens), whether two of them can belong to one name, and where a wire story's dateline ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newskb.common.fuzzy import normalise

# A word: letters and digits, with inner apostrophes and hyphens ("O'Neill", "Secretary-General").
WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
_POSSESSIVE = ("'s", "\u2019s", "'S", "\u2019S")
_OPENING_MARKS = "\"'\u2018\u201c(\u2014\u2013:-"


@dataclass(frozen=True, slots=True, kw_only=True)
class Piece:
    """One word of a sentence, where it stands in the article, and how it is written."""

    text: str  # without a possessive 's
    start: int
    end: int  # after the word, before any 's
    norm: tuple[str, ...]  # its normalised tokens ("RBC-Ukraine": rbc, ukraine)
    possessive: bool
    opens: bool  # the first word of its sentence, or after an opening quote mark or colon
    lower: str  # lower case, a typographic apostrophe as a straight one: what the word lists hold

    @property
    def capital(self) -> bool:
        return self.text[:1].isupper()


# A nickname in quotes between a first name and a family name ('Harold "Hal" Brennan'): no word of its own, and
# no part of the name; the two names around it are one.
_NICKNAME_GAP = r"\s+[\"\u201c][^\W\d_]+[\"\u201d]\s+"
_NICKNAME = re.compile(rf"(?<=[^\W\d_]){_NICKNAME_GAP}(?=[^\W\d_])")


def pieces(text: str, start: int, end: int) -> list[Piece]:
    """The words of the sentence `text[start:end]`."""
    found: list[Piece] = []
    quoted = '"' in text[start:end] or "\u201c" in text[start:end]  # most sentences quote no one: skip the search
    nicknames = [(match.start(), match.end()) for match in _NICKNAME.finditer(text, start, end)] if quoted else []
    for match in WORD.finditer(text, start, end):
        if nicknames and any(first <= match.start() < last for first, last in nicknames):
            continue
        word, stop, possessive = match.group(), match.end(), False
        if word.endswith(_POSSESSIVE) and len(word) > 2:
            word, stop, possessive = word[:-2], stop - 2, True
        elif (
            word.endswith(("s", "S"))
            and text[stop : stop + 1] in ("'", "\u2019")
            and not text[stop + 1 : stop + 2].isalpha()
        ):
            possessive = True  # a plural's or a name's in -s: "the Netherlands' permanent representative"
        before = text[start : match.start()].rstrip()
        opens = not before or before[-1] in _OPENING_MARKS
        found.append(
            Piece(
                text=word,
                start=match.start(),
                end=stop,
                norm=tuple(normalise(word).split()),
                possessive=possessive,
                opens=opens,
                lower=word.lower().replace("\u2019", "'"),
            )
        )
    return found


# A wire story's dateline: a place in capitals, maybe its region or country and a day, maybe the agency in
# brackets, then a dash ("SAN JOSE, Calif., Feb. 4 (Northwire) - ", "VIENNA (UPN) \u2014 "). It says where
# the story was filed, not who did what: none of its words is a name the story is about.
# Capitals of any script ("JÄRVENPÄÄ", "SÃO PAULO"): a letter that is not lower case, as the check below says.
_CAPITAL = r"[^\W\d_a-z\u00df-\u00ff]"
_DATELINE = re.compile(
    rf"\s*{_CAPITAL}(?:{_CAPITAL}|['.\-])+(?:\s+{_CAPITAL}(?:{_CAPITAL}|['.\-])+)*"
    r"(?:,\s+[^\n()\-\u2013\u2014]{1,40}?)?"
    r"(?:\s*\([^\n()]{1,40}\))?"
    r"\s*[\-\u2013\u2014]{1,2}\s"
)


def dateline_end(sentence: str) -> int:
    """Where a dateline opening a sentence ends (0 when it has none)."""
    match = _DATELINE.match(sentence)
    if match is None:
        return 0
    place = match.group().split(",")[0].split("(")[0].rstrip(" -\u2013\u2014").strip()
    if not place.isupper() or len(place) < 2:
        return 0
    # A capitalised word and a hyphen alone ("UK - based") is no dateline: it needs the agency, the place's
    # region or day, or a long dash.
    said = match.group()
    # ... or a hyphen before a capitalised word ("TRURO - Penhallow Cider has ...").
    capital_after = sentence[match.end() : match.end() + 1].isupper()
    dash = said.rstrip()[-1] in "\u2013\u2014" or (said.rstrip()[-1] == "-" and capital_after)
    return match.end() if "(" in said or "," in said or dash else 0


# Abbreviations inside a name or a title: "Renée St. Amand", "Mt. Pleasant", "Lt. Gov.".
_NAME_ABBREVIATIONS = frozenset(("St", "Ste", "Mt", "Lt"))


def joined(text: str, left: Piece, right: Piece) -> bool:
    """Whether two neighbouring words can belong to one name: only spaces between them, on one line, or the
    point after an initial ("Alan M. Garber")."""
    if left.possessive:
        return False
    gap = text[left.end : right.start]
    if ((len(left.text) == 1 and left.text.isupper()) or left.text in _NAME_ABBREVIATIONS) and gap[:1] == ".":
        gap = gap[1:]
    elif len(left.text) == 1 and left.text.isalpha() and gap == ".":
        gap = ""  # "S.p.A.": a legal form of single letters and points
    # "Harrow & Lyle Bank", "Procter & Gamble": an ampersand joins the parts of one name.
    return (gap.isspace() and "\n" not in gap) or gap in ("", " & ") or re.fullmatch(_NICKNAME_GAP, gap) is not None


def as_written(text: str, first: Piece, last: Piece) -> str:
    """A name as written from its first word to its last, less a nickname in quotes between them."""
    return _NICKNAME.sub(" ", text[first.start : last.end])
