"""Office phrases: a title (titles.py: "Prime Minister", "chief financial officer", "secretary general") and the
organization or country it belongs to, written before it ("NATO Secretary General", "Varnia's finance
minister", "its chief executive", "Club chairman") or after it ("Prime Minister of Japan", "assistant
manager at Kilbride Town"); "Ambassador to NATO" keeps "to NATO" as part of the title.

An office is known when its organization and title are those of an office of the fact base, however
the article words it: "Secretary General of NATO", "NATO's new secretary general" and "NATO Secretary
General" are one office. Its title may also be a typo away ("Defense" for "Defence").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from newskb.common.fuzzy import normalise
from newskb.draft.capitalised import DESCRIBING
from newskb.draft.countries import is_demonym
from newskb.draft.lexicon import OF_WORDS, ORG_BEFORE_NAME, ORG_NOUNS, ORG_WORDS, TITLE_MODIFIERS, TO_HEADS
from newskb.draft.names import KnownEntity
from newskb.draft.pieces import Piece, joined
from newskb.draft.titles import BETWEEN, ORDINAL, field_end

# A title this close to a known office's (rapidfuzz ratio, same organization) is that office.
TITLE_CUTOFF = 90.0


@dataclass(frozen=True, slots=True, kw_only=True)
class TitleKey:
    """What makes two phrases one office: the id of its organization and its normalised title."""

    org: str
    title: str


def known_keys(offices: Iterable[KnownEntity], entities: Sequence[KnownEntity]) -> dict[TitleKey, KnownEntity]:
    """Each known office under every (organization, title) its name and aliases spell: "NATO Secretary
    General" and "Secretary General of NATO" are both (nato, "secretary general")."""
    by_id = {entity.id: entity for entity in entities}
    keys: dict[TitleKey, KnownEntity] = {}
    for office in offices:
        org = by_id.get(office.org or "")
        if org is None:
            continue
        org_labels = sorted(
            {tuple(normalise(label).split()) for label in org.labels}, key=lambda tokens: (-len(tokens), tokens)
        )
        for label in office.labels:
            title = _strip_org(tuple(normalise(label).split()), org_labels)
            if title:
                keys.setdefault(TitleKey(org=org.id, title=" ".join(title)), office)
    return keys


def _strip_org(tokens: tuple[str, ...], org_labels: list[tuple[str, ...]]) -> tuple[str, ...]:
    for org in org_labels:
        for glue in (("of", *org), ("of", "the", *org), ("at", *org), org):
            if len(tokens) > len(glue) and tokens[-len(glue) :] == glue:
                return tokens[: -len(glue)]
        for lead in ((*org, "s"), org):
            if len(tokens) > len(lead) and tokens[: len(lead)] == lead:
                return tokens[len(lead) :]
    return ()


def match_known(key: TitleKey, keys: Mapping[TitleKey, KnownEntity]) -> tuple[KnownEntity, float] | None:
    """The known office with this organization and title, or a title a typo away; with its score."""
    if key in keys:
        return keys[key], 100.0
    from rapidfuzz import fuzz  # imported here: only an office phrase that matches nothing exactly needs it

    scored = [
        (fuzz.ratio(key.title, known.title), known.title, office)
        for known, office in keys.items()
        if known.org == key.org
    ]
    scored = [item for item in scored if item[0] >= TITLE_CUTOFF]
    if not scored:
        return None
    score, _, office = max(scored, key=lambda item: (item[0], item[1]))
    return office, score


@dataclass(frozen=True, slots=True, kw_only=True)
class Reach:
    """What surrounds a title run: the words it extends over and where its organization is said."""

    first: int  # the office phrase's first and last words
    last: int
    title_first: int  # the title's first and last words (a "to X" complement included)
    title_last: int
    org_before: int | None  # the last word of a name written before the title
    org_after: int | None  # the first word of a name written after "of"/"at"
    org_word: str | None  # "its", "their", or an organization noun ("club") standing for the organization
    former: bool  # "former" stands between the organization and the title
    described: bool = False  # "of the women's national team": a body the phrase describes, not a name


def reach(text: str, words: Sequence[Piece], run: tuple[int, int], name_at: Mapping[int, tuple[int, int]]) -> Reach:
    """Extend a title run over its organization. `name_at` maps a word to the name span [first, last]
    it starts or ends (both ends are keys)."""
    first = run[0]
    title_last = _complement(text, words, run, name_at)
    start, org_before, org_word, former = _before(text, words, first, name_at)
    end, org_after, org_word, described = _after(text, words, title_last, name_at, org_word, org_before)
    return Reach(
        first=start,
        last=end,
        title_first=first,
        title_last=title_last,
        org_before=org_before,
        org_after=org_after,
        org_word=org_word,
        former=former,
        described=described,
    )


def _complement(text: str, words: Sequence[Piece], run: tuple[int, int], name_at: Mapping[int, tuple[int, int]]) -> int:
    """The title's last word, with a portfolio or a "to X" that belongs to it: "Minister of Finance",
    "Ambassador to NATO", "ambassador to the United Nations"."""
    last = title_last = run[1]
    while title_last + 2 < len(words) and joined(text, words[title_last], words[title_last + 1]):
        after, beyond = words[title_last + 1].lower, words[title_last + 2]
        named = _to_name(words, title_last + 2, name_at)
        at_body = _field_at(words, title_last + 2, name_at)
        # "Minister of Finance"; "Dean of Engineering at the University of Lagos" (any field, its body after "at").
        field = after == "of" and beyond.capital and (beyond.lower in TITLE_MODIFIERS or at_body)
        # "Minister of Economy and Finance": a second portfolio after the first.
        field = field or (after == "and" and title_last > last and beyond.capital and beyond.lower in TITLE_MODIFIERS)
        if field and (title_last + 2 not in name_at or at_body):
            title_last += 2
        elif after == "to" and words[last].lower in TO_HEADS and named is not None:
            title_last = name_at[named][1]
        else:
            break
    return field_end(text, words, title_last, name_at)


def _field_at(words: Sequence[Piece], field: int, name_at: Mapping[int, tuple[int, int]]) -> bool:
    """Whether a one-word name after a title's "of" is its field, its organization named after "at": "Dean of
    Science at the University of Lagos" (Science is no organization there)."""
    at = field + 1
    target = at + 2 if at + 2 < len(words) and words[at + 1].lower == "the" else at + 1
    named = name_at.get(target)
    return (
        name_at.get(field) == (field, field)
        and at < len(words)
        and words[at].lower == "at"
        and named is not None
        and named[0] == target
    )


def _before(
    text: str, words: Sequence[Piece], first: int, name_at: Mapping[int, tuple[int, int]]
) -> tuple[int, int | None, str | None, bool]:
    """What stands before a title: where the phrase starts, a name ending there, a word standing for the
    organization ("its", "club"), and whether "former" does."""
    org_before: int | None = None
    org_word: str | None = None
    former = False
    start = first
    probe = first - 1
    if (
        probe >= 0
        and (words[probe].lower in BETWEEN or ORDINAL.fullmatch(words[probe].lower))
        and joined(text, words[probe], words[first])
    ):
        former = words[probe].lower == "former"
        probe -= 1
    if probe < 0 or not (joined(text, words[probe], words[probe + 1]) or words[probe].possessive):
        return start, None, None, False
    # Only spaces between, or the point of initials ("U.S. President").
    gap_ok = words[probe].possessive or joined(text, words[probe], words[probe + 1])
    noun = words[probe].lower.rstrip("s'")
    alone = name_at.get(probe, (probe, probe))[0] == probe
    if gap_ok and noun in ORG_NOUNS and alone:
        org_word, start = noun, probe  # "the club's manager", "Club chairman"
        if noun == "bank" and probe > 0 and words[probe - 1].lower == "central":
            org_word, start = "central bank", probe - 1
    elif gap_ok and probe in name_at and name_at[probe][1] == probe:
        org_before, start = probe, name_at[probe][0]
    elif gap_ok and words[probe].lower in ("its", "their"):
        org_word = words[probe].lower
    else:
        former = False
    return start, org_before, org_word, former


def _after(
    text: str,
    words: Sequence[Piece],
    title_last: int,
    name_at: Mapping[int, tuple[int, int]],
    org_word: str | None,
    org_before: int | None,
) -> tuple[int, int | None, str | None, bool]:
    """What follows a title: where the phrase ends, the first word of a name "of" or "at" it, a word
    standing for the organization ("of the club", "of the central bank", "of the Maltese parliament"), and
    whether a body is described there in words that name none ("of the women's national team")."""
    probe = title_last + 1
    if not (
        probe + 1 < len(words) and words[probe].lower in OF_WORDS and joined(text, words[title_last], words[probe])
    ):
        return title_last, None, org_word, False
    target = probe + 1
    if target + 1 < len(words) and (
        words[target].lower == "the" or (words[target].lower in ("its", "their") and words[target + 1].capital)
    ):
        target += 1  # "chair of its Standing Committee on Economics": the committee's
    target = _described_org(words, target, name_at)
    after_name = name_at[target][1] + 1 if target in name_at else None
    if after_name is not None and after_name < len(words) and words[after_name].lower in _BODIES:
        return after_name, None, words[after_name].lower, False  # "the Maltese parliament": a body of the state
    if target in name_at and name_at[target][0] == target:
        last = name_at[target][1]
        if words[probe].lower == "at" and last + 1 < len(words) and words[last + 1].lower in _GATHERINGS:
            return title_last, None, org_word, False  # "elected co-leader at Nelson conference": where, not whose
        # "chairman of the Danish opposition party Green Path": a people's adjective, then what kind of
        # organization the name after it is.
        described = last == target and is_demonym(words[target].text)
        if (words[last].possessive or described) and last + 1 < len(words):
            # "leader of New Zealand's Heartland Party", "of Poland's opposition Rural Alliance": the second
            # name; "of Ghana's national team": none.
            following = last + 1
            while following - last <= 3 and following + 1 < len(words) and words[following].text[:1].islower():
                following += 1
            owned = name_at.get(following)
            kind = words[following - 1].lower
            if owned is not None and owned[0] == following and (not described or kind in ORG_NOUNS | ORG_BEFORE_NAME):
                return owned[1], following, org_word, False
            if words[last].possessive:
                return title_last, None, org_word, True
        return last, target, org_word, False
    if words[target].lower in ORG_NOUNS and org_before is None and org_word is None:
        return target, None, words[target].lower, False
    if words[target].lower == "central" and target + 1 < len(words) and words[target + 1].lower == "bank":
        return target + 1, None, "central bank", False
    described = target > probe + 1 and words[target].text[:1].islower() and words[target].lower not in ORG_NOUNS
    return title_last, None, org_word, described


def _described_org(words: Sequence[Piece], target: int, name_at: Mapping[int, tuple[int, int]]) -> int:
    """Past a word or two in lower case, or a place made an adjective, that describe an organization's name
    after them ("manager of non-league Harwick Town", "of the London-based lender Brill Bank"): the name, when
    it has a word of an organization or is followed by a noun for one ("chairman of the centrist Civic Compass
    party"); else `target`."""
    probe = target
    while (
        probe < len(words)
        and probe - target < 2
        and (words[probe].text[:1].islower() or DESCRIBING.search(words[probe].lower))
        and probe not in name_at
    ):
        probe += 1  # "non-league", "the London-based"
    named = name_at.get(probe)
    if probe == target or named is None or named[0] != probe:
        return target
    if words[target].lower in ORG_NOUNS | {"the", "its", "their", "a", "an"}:
        return target
    kind = words[named[1] + 1].lower if named[1] + 1 < len(words) else ""
    organization = kind in ORG_NOUNS or any(piece.lower in ORG_WORDS for piece in words[probe : named[1] + 1])
    return probe if organization else target


# A gathering a name stands before: "at Nelson conference" says where a title was given, not whose it is.
_GATHERINGS = frozenset(("conference", "convention", "meeting", "summit", "rally", "ceremony", "gala"))
# Bodies of a state written in lower case after its adjective: "the Maltese parliament".
_BODIES = frozenset(("parliament", "government", "senate", "cabinet", "assembly", "congress"))


def _to_name(words: Sequence[Piece], target: int, name_at: Mapping[int, tuple[int, int]]) -> int | None:
    """The first word of the name after "to" ("to NATO", "to the United Nations"), if one follows."""
    if target < len(words) and words[target].lower == "the":
        target += 1
    return target if target in name_at and name_at[target][0] == target else None


def office_name(title_words: str, org_name: str, with_the: bool) -> str:
    """A new office's name: "Finance Minister of Varnia", "Rector of the University of Kessel"."""
    small = {"of", "to", "the", "and", "at", "for"}
    title = " ".join(word if word in small else word[:1].upper() + word[1:] for word in title_words.split())
    if not org_name:
        return title  # its organization left blank for the curator
    if org_name.lower().startswith("the "):
        return f"{title} of {org_name}"
    return f"{title} of {'the ' if with_the else ''}{org_name}"
