"""Office phrases: a title ("Prime Minister", "chief financial officer", "secretary general") and the
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

from newskb.draft.lexicon import (
    AGENT_ENDINGS,
    FIELD_JOINERS,
    HEAD_AFTER,
    HEAD_NEEDS_OF,
    INTERIM_WORDS,
    NOT_FIELD,
    NUMBERS,
    OF_WORDS,
    OPEN_HEADS,
    ORG_NOUNS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
    TO_HEADS,
)
from newskb.draft.names import KnownEntity, Piece, joined
from newskb.fuzzy import normalise

# Words that may stand between an organization and its title: "NATO's new secretary general".
_BETWEEN = frozenset(("new", "former", "incoming", "outgoing", "current", "next", "then"))
# A title this close to a known office's (rapidfuzz ratio, same organization) is that office.
TITLE_CUTOFF = 90.0


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
            head = _agent(text, words, head, used)
            runs.append((index, head))
            index = head + 1
        else:
            index = last + 1
    return runs


def _unknown_before(text: str, words: Sequence[Piece], head: int) -> bool:
    """Whether a lone "chief" follows a noun in lower case that says what it is the chief of, which is no
    title the reader knows ("cloud chief"); not "police chief", "the new chief" or "its chief"."""
    if words[head].lower not in OPEN_HEADS or head == 0 or not joined(text, words[head - 1], words[head]):
        return False
    before = words[head - 1]
    return _field_word(before) and before.lower not in _BETWEEN and not before.possessive


def _agent(text: str, words: Sequence[Piece], head: int, used: set[int]) -> int:
    """A head like "chief" followed by the noun of an agent, which is the title's own head: "chief
    economist", "chief climate negotiator" (a word or two in lower case, the last ending like an agent's)."""
    if words[head].lower not in OPEN_HEADS:
        return head
    for last in range(head + 1, min(head + 3, len(words))):
        piece = words[last]
        if last in used or not (_field_word(piece) or _title_word(piece)) or not joined(text, words[last - 1], piece):
            return head
        if piece.lower.endswith(AGENT_ENDINGS) and not piece.possessive:
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


@dataclass(frozen=True, slots=True, kw_only=True)
class TitleKey:
    """What makes two phrases one office: the id of its organization and its normalised title."""

    org: str
    title: str


def title_of(words: Sequence[Piece]) -> str:
    """The normalised title of some words ("Secretary-General" and "secretary general" are one), without
    a word like "interim" that is a note on its holder, not part of the office."""
    tokens = [token for piece in words for token in piece.norm]
    kept = [token for token in tokens if token not in INTERIM_WORDS]
    return " ".join(kept or tokens)


def interim_of(words: Sequence[Piece]) -> str | None:
    """The word that makes a holder interim ("acting governor"), if the title has one."""
    return next((piece.lower for piece in words if piece.lower in INTERIM_WORDS), None)


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
        if after == "of" and beyond.lower in TITLE_MODIFIERS and beyond.capital and title_last + 2 not in name_at:
            title_last += 2
        elif after == "to" and words[last].lower in TO_HEADS and named is not None:
            title_last = name_at[named][1]
        else:
            break
    return _field(text, words, title_last, name_at)


def _field(text: str, words: Sequence[Piece], title_last: int, name_at: Mapping[int, tuple[int, int]]) -> int:
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
    return last if named is not None and named[0] == following and named[1] > following else title_last


# Words that may follow a title's field: "dean of medicine at X", "the director of strategy said".
_AFTER_FIELD = frozenset(
    (
        *("at", "of", "in", "on", "for", "from", "since", "until", "to", "and", "with", "under", "who"),
        *("said", "says", "told", "is", "was", "will", "would", "has", "had"),
    )
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
    if probe >= 0 and words[probe].lower in _BETWEEN and joined(text, words[probe], words[first]):
        former = words[probe].lower == "former"
        probe -= 1
    if probe < 0 or not (joined(text, words[probe], words[probe + 1]) or words[probe].possessive):
        return start, None, None, False
    gap_ok = words[probe].possessive or text[words[probe].end : words[probe + 1].start].isspace()
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
    if words[target].lower == "the" and target + 1 < len(words):
        target += 1
    after_name = name_at[target][1] + 1 if target in name_at else None
    if after_name is not None and after_name < len(words) and words[after_name].lower in _BODIES:
        return after_name, None, words[after_name].lower, False  # "the Maltese parliament": a body of the state
    if target in name_at and name_at[target][0] == target:
        last = name_at[target][1]
        if words[last].possessive and last + 1 < len(words):
            # "leader of New Zealand's Heartland Party": the second name; "of Ghana's national team": none.
            owned = name_at.get(last + 1)
            if owned is not None and owned[0] == last + 1:
                return owned[1], last + 1, org_word, False
            return title_last, None, org_word, True
        return last, target, org_word, False
    if words[target].lower in ORG_NOUNS and org_before is None and org_word is None:
        return target, None, words[target].lower, False
    if words[target].lower == "central" and target + 1 < len(words) and words[target + 1].lower == "bank":
        return target + 1, None, "central bank", False
    described = target > probe + 1 and words[target].text[:1].islower() and words[target].lower not in ORG_NOUNS
    return title_last, None, org_word, described


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
