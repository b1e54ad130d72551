"""Capitalised spans of an article's words (pieces.py) that may be new names: "Port Ellery Harbour Board",
"University of Kessel", split before a governing body and after a title's portfolios, never a weekday or a
month, with the letters written after a name ("MP", "KC OBE")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newskb.draft.lexicon import (
    GOVERNING_WORDS,
    HONORIFICS,
    LEGAL_FORMS,
    LOWER_CASE_FORMS,
    NAME_CONNECTORS,
    OF_CONNECTORS,
    ORG_WORDS,
    POSSESSIVE_NAMES,
    POSTNOMINALS,
    STARTERS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from newskb.draft.pieces import Piece, joined
from newskb.draft.timewords import MONTHS, WEEKDAYS
from newskb.draft.titles import ORDINAL


def capital_runs(text: str, words: Sequence[Piece], used: set[int]) -> list[tuple[int, int]]:
    """Spans [first, last] of capitalised words that may be names: "Port Ellery Harbour Board",
    "University of Kessel" (joined by a connector), skipping words already read as something else and a
    sentence's opening word when it is a common opener ("When", "Her")."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        piece = words[index]
        if index in used or not piece.capital or (piece.opens and piece.lower in STARTERS) or _calendar(text, piece):
            index += 1
            continue
        if DESCRIBING.search(piece.lower):
            index += 1  # "the London-based Brill Bank", "the Kremlin-backed party": an adjective, not the name
            continue
        portfolio = _portfolio_end(text, words, index)
        if portfolio is not None:
            index = portfolio + 1  # "Minister of Economy and Finance of Uruguay": the title's field, no name
            continue
        if piece.lower in HONORIFICS and index + 1 < len(words) and words[index + 1].capital:
            index += 1  # "Professor", "Dr.": not part of the name
            continue
        last = index
        probe = index + 1
        while probe < len(words) and probe not in used and _joins(text, words, probe):
            candidate = words[probe]
            opener = candidate.opens and candidate.lower in STARTERS
            if candidate.capital and not opener and not _calendar(text, candidate):
                last = probe
            elif candidate.lower in LOWER_CASE_FORMS and candidate.text.islower():
                last = probe  # "Corran Energy plc": a legal form written in lower case is part of the name
            elif len(candidate.text) == 1 and text[candidate.end : candidate.end + 1] == "." and last == probe - 1:
                last = probe  # the "p" of "Tessaro S.p.A.", a legal form of letters and points
            elif (
                (candidate.lower in NAME_CONNECTORS and _may_join(words, index, probe))
                or (candidate.lower == "the" and words[probe - 1].lower == "of")
                or (candidate.lower == "and" and _joins_and(text, words, used, index, probe))
            ):
                probe += 1
                continue
            else:
                break
            if words[last].possessive and not _owned(text, words, last + 1):
                break
            probe += 1
        named = last
        while named > index and _postnominal(words[named]):
            named -= 1  # "Joanna Reid MP", "Sir Alan Hale KC OBE": letters after the name, not part of it
        if index < named and _gerund(words, index, named):
            index += 1  # "Building Corvane has taken ...": a sentence opening on a verb, then the name
            continue
        if not (index == named and piece.lower in ("the", "a", "an")):  # "PROFILE | The engineer ...": no name
            runs.extend(_governed(words, index, named))
        index = last + 1
    return runs


def _portfolio_end(text: str, words: Sequence[Piece], first: int) -> int | None:
    """The last word of the portfolios after a title's "of" ("Minister of Economy and Finance", "Minister of
    Finance of Uruguay"), capitalised and joined by "and", with no name going on after them; else None."""
    if first < 2 or words[first - 1].lower != "of" or words[first - 2].lower not in TITLE_HEADS:
        return None
    last = first - 1
    probe = first
    while probe < len(words) and words[probe].capital and words[probe].lower in TITLE_MODIFIERS:
        last = probe
        if probe + 2 >= len(words) or words[probe + 1].lower not in ("and", "&"):
            break
        probe += 2
    following = last + 1
    goes_on = following < len(words) and words[following].capital and joined(text, words[last], words[following])
    return None if last < first or goes_on or words[last].possessive else last


# A place or a body made an adjective: "London-based", "Kremlin-backed", "Nasdaq-listed".
DESCRIBED_BY = r"-(?:based|born|backed|listed|owned|headquartered|registered|funded|run|led)"
DESCRIBING = re.compile(DESCRIBED_BY + "$")


def _gerund(words: Sequence[Piece], first: int, last: int) -> bool:
    """Whether a run opens its sentence on a verb's -ing form before a name with no word of an organization
    ("Building Corvane", "Running the bank"); not "Reading FC", "Kettering Town", "Sterling Bank"."""
    opener = words[first]
    return (
        opener.opens
        and opener.lower.endswith("ing")
        and len(opener.lower) > 5
        and not any(piece.lower in ORG_WORDS for piece in words[first : last + 1])
    )


def letters_after(words: Sequence[Piece], last: int) -> int:
    """The last of the letters written after a name that ends at `last` ("MP", "KC OBE"), or `last`; not a seat
    told with its place ("X, MP for Kingston North, as the party's leader")."""
    while last + 1 < len(words) and _postnominal(words[last + 1]):
        if last + 2 < len(words) and words[last + 2].lower == "for":
            break
        last += 1
    return last


def _postnominal(piece: Piece) -> bool:
    return piece.text.isupper() and piece.lower in POSTNOMINALS


def _governed(words: Sequence[Piece], first: int, last: int) -> list[tuple[int, int]]:
    """A run split before the governing body an organization's name ends in: "Ashcombe University" and "Board
    of Trustees" in "the Ashcombe University Board of Trustees"; not "Port Ellery Harbour Board"."""
    for board in range(first + 1, last - 1):
        tail = [piece.lower for piece in words[board : last + 1]]
        if tail[:2] == ["board", "of"] and len(tail) == 3 and governing(tail) and words[board - 1].lower in ORG_WORDS:
            return [(first, board - 1), (board, last)]
    return [(first, last)]


def _joins_and(text: str, words: Sequence[Piece], used: set[int], first: int, connector: int) -> bool:
    """Whether "and" joins two halves of one organization's name: "the Maritime and Logistics Workers' Union"
    (the second half ends in a word of an organization, the first has none), "Ministry of Economy and
    Finance" (a portfolio of one word after a ministry "of" something)."""
    before = [piece.lower for piece in words[first:connector]]
    after = connector + 1
    if after >= len(words) or after in used or not words[after].capital:
        return False
    if not joined(text, words[connector - 1], words[connector]):
        return False
    last = after
    while last + 1 < len(words) and last + 1 not in used and _joins(text, words, last + 1) and words[last + 1].capital:
        last += 1
    if _abbreviated(text, words, first, last):
        return True  # "the Commission for Water and Rail Regulation (CWRR)": the initials are the whole name's
    if "of" not in before or not any(word in ORG_WORDS for word in before):
        # "the Maritime and Logistics Workers' Union", "the United Rail and Transport Union" (its first half ends
        # in no word of an organization: "the Ashcombe Rovers and Westfield United" are two clubs; but one word
        # alone is no name of its own: "the Securities and Exchange Board of India").
        opened_by_the = first > 0 and words[first - 1].lower == "the"
        alone = len(before) == 1 or before[-1] not in ORG_WORDS
        return opened_by_the and words[last].lower in ORG_WORDS and alone
    # "Ministry of Economy and Finance"; "Union of Port and Transport Workers" (two words, the second a plural
    # of people).
    plural = last == after + 1 and words[last].lower.endswith(("ers", "ors", "ists", "ians", "ees"))
    return (last == after or plural) and not words[last].possessive


# Plurals of people whose possessive opens a body's name ("the Children's Water Trust", "Women's Aid").
_GROUPS = frozenset(("children", "women", "men", "people"))


def _abbreviated(text: str, words: Sequence[Piece], first: int, last: int) -> bool:
    """Whether initials in brackets after words [first, last] are those of their capitalised words."""
    bracket = re.match(r"\s*\(([A-Z]{2,})\)", text[words[last].end : words[last].end + 16])
    initials = "".join(piece.text[0] for piece in words[first : last + 1] if piece.capital)
    return bracket is not None and bracket.group(1) == initials


def _owned(text: str, words: Sequence[Piece], probe: int) -> bool:
    """Whether a name's possessive is part of a longer one: "King Edward's College", "Guy's Hospital", "the
    Children's Water Trust", a plural's before a word of an organization ("Logistics Workers' Union")."""
    if probe >= len(words) or not words[probe].capital:
        return False
    gap = text[words[probe - 1].end : words[probe].start]
    if gap in ("'s ", "\u2019s "):
        # "Guy's Hospital", or a longer name ending in a word of an organization ("the Children's Water Trust").
        last = probe
        while last + 1 < len(words) and words[last + 1].capital and joined(text, words[last], words[last + 1]):
            last += 1
        group = words[probe - 1].lower in _GROUPS  # "the Children's", not "the UN's" Food Agency
        return words[probe].lower in POSSESSIVE_NAMES or (group and words[last].lower in ORG_WORDS)
    return gap in ("' ", "\u2019 ") and words[probe].lower in ORG_WORDS


def _joins(text: str, words: Sequence[Piece], probe: int) -> bool:
    return joined(text, words[probe - 1], words[probe]) or _owned(text, words, probe) or _suffix(text, words, probe)


def _suffix(text: str, words: Sequence[Piece], probe: int) -> bool:
    """A company's legal form after a comma, part of its name: "Brixley Industries, Inc."."""
    return words[probe].lower in LEGAL_FORMS and text[words[probe - 1].end : words[probe].start] == ", "


def _may_join(words: Sequence[Piece], first: int, connector: int) -> bool:
    """Whether "of" may join the name so far to the next ("University of Kessel", "Court of Appeal of
    Ontario"): only after one word or a name that says it is an organization's; "Helen Okafor of Larkspur
    University" is two names. Particles of a person's name ("van", "de") always join."""
    if words[connector].lower not in OF_CONNECTORS:
        return True
    before = [piece.lower for piece in words[first:connector]]
    if governing(before) and "of" in before:
        return False  # "Board of Directors of Corvane Corp.": the board, then the company it governs
    if before and ORDINAL.fullmatch(before[0]):
        return False  # "the Eleventh Congress of the Civic Renewal Party": a gathering, then the party
    if before == ["board"]:
        # "Board of Directors", "Board of Governors" are a name; "the Board of the Bank of Botswana" is the bank's
        # board, and the bank a name of its own.
        following = connector + 2 if words[connector + 1].lower == "the" else connector + 1
        return following < len(words) and words[following].lower in GOVERNING_WORDS
    if words[connector].lower == "on":  # "Standing Committee on Economics", never "Lind on Reuters"
        return any(word in ORG_WORDS for word in before)
    return len(before) == 1 or any(word in ORG_WORDS for word in before)


def governing(words: Sequence[str]) -> bool:
    """Whether a name's words (normalised) are an organization's governing body: "board of directors",
    "supervisory board", "the Board"."""
    return "board" in words and all(word in GOVERNING_WORDS for word in words)


def _calendar(text: str, piece: Piece) -> bool:
    """A weekday or a month ("Mondays", "March", "Jan. 5"): a word of the calendar, not a name; a month's
    short form only with its point or a day after it ("Jan Pospíšil" is a name)."""
    word = piece.lower
    if word in WEEKDAYS or word.rstrip("s") in WEEKDAYS:
        return True
    if word not in MONTHS:
        return False
    short = len(word) <= 4 and word not in ("may", "june", "july")
    return not short or re.match(r"\.|\s+\d", text[piece.end : piece.end + 3]) is not None
