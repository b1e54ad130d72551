"""Which entity each name of an article is (part of stage 2, `reading`): a name the fact base knows, a
misspelt known name, or a new name (several spellings of one new name are one entity: "Ilona Drask" and
"Drask"); and whether a new one is a person, an organization or a country.

In: the name spans and office phrases of every sentence. Out: the entities, each frozen, and the mention of
each name span that stands for one (a span that stands for nothing, such as a lone capitalised word that
opens a sentence and is never confirmed, has none).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from newskb.common.fuzzy import normalise
from newskb.common.kinds import Kind
from newskb.draft.cues import cue_votes, kind_of
from newskb.draft.lexicon import (
    APPOINTING,
    DEMONYM_ENDINGS,
    GENERIC_BODY_WORDS,
    NAME_CONNECTORS,
    OF_CONNECTORS,
    ORG_NOUNS,
    ORG_SUFFIXES,
    ORG_WORDS,
    STATE_BODY_WORDS,
)
from newskb.draft.mentions import KIND_MARKS, Entity, Mark, Mention, NameSpan, TitleSpan
from newskb.draft.names import KnownEntity, KnownMatch, KnownNames
from newskb.draft.pieces import Piece, as_written
from newskb.draft.places import place_of, with_places

# The plural of people a sentence opens with ("Officials said its ..."), which is no name.
_PEOPLE = re.compile(r"(?:ists|ers|ials|ents|ors|ics|ians|ants|ees|ives|men|women|people)$")
# A sentence's subject that owns what it names: "X named Y as its chief executive", "X said its chairman".
_OWNER = re.compile(
    r"\s+(?:has\s+|have\s+)?(?:" + "|".join(sorted(APPOINTING)) + r"|said|says|announced)\b[^.;\n]{0,80}?\bits\b"
)


@dataclass(slots=True, eq=False)
class _Found:
    """An entity while the article is read: what is known of it so far."""

    key: str
    name: str
    known: KnownEntity | None
    first: int
    forms: list[str] = field(default_factory=list)
    count: int = 0
    typo: tuple[str, float] | None = None
    with_the: bool = False
    country: bool = False  # a country of the reference table (ISO 3166), new to the fact base


@dataclass(frozen=True, slots=True, kw_only=True)
class _Said:
    """Where a name span stands and whom it names, before the kinds are decided."""

    key: str
    start: int
    end: int
    text: str
    note: str


def identify(
    text: str, spans: Sequence[NameSpan], titles: Sequence[TitleSpan], index: KnownNames
) -> tuple[dict[str, Entity], dict[int, Mention]]:
    """Decide which entity each name span is, and each new entity's kind; return the entities and each
    span's mention (keyed by the start offset of its first word)."""
    found: dict[str, _Found] = {}
    said: dict[int, _Said] = {}
    # A word like "European" before a word in lower case qualifies it: not a name.
    spans = [span for span in spans if span.match is not None or not _qualifies(text, span)]
    # Known names first, then misspelt known names, then new names of several words.
    for span in spans:
        match = span.match
        if match is None and not span.tentative:
            close = index.closest(span.words)
            match = close if close is not None and close.entity.kind is not Kind.OFFICE else None
        if match is not None and match.entity.reference:
            _mention(text, found, said, span, "new:" + " ".join(norm_words(match.entity.name)), None, match.entity)
        elif match is not None:
            _mention(text, found, said, span, match.entity.id, match)
    confirmed = {_norm(span.words) for span in spans if not span.tentative and span.words[0].start not in said}
    confirmed |= _opening_names(text, spans)
    multi = [span for span in spans if len(span.words) > 1 and span.words[0].start not in said]
    longest = _longest_forms([_norm(span.words) for span in multi])
    ends = _endings(longest.values())
    longest = {name: _tail_of(full, ends) for name, full in longest.items()}
    # 'Margaret "Peggy" Hollis', then "Peggy Hollis": one person.
    called = _nicknamed(text, multi)
    longest = {name: longest.get(called[name], called[name]) if name in called else longest[name] for name in longest}
    written: dict[str, str] = {}
    for span in multi:
        written.setdefault(_norm(span.words), as_written(text, span.words[0], span.words[-1]))
    for span in multi:
        full = longest[_norm(span.words)]
        _mention(text, found, said, span, "new:" + full, None, spelled=written[full])
    by_word = _by_word(found.values())
    bracketed = _acronyms(text, spans, said)
    for span in spans:
        if span.words[0].start in said:
            continue
        spelled = _norm(span.words)
        owner = _owner(spelled, by_word, span.words[0].start) if len(span.words) == 1 else None
        owner = bracketed.get(span.words[0].text, owner)
        written_before = not span.heading and owner is not None and span.words[0].start < found[owner].first
        if owner is not None and written_before and norm_words(found[owner].name)[-1] not in ORG_SUFFIXES:
            # A word the story writes before the longer name ("Lord Mayor of Cork", then "the Cork City North
            # East ward") is a name of its own: news gives the full name first and shortens it after (but a
            # club's or a company's short name comes first on a sports or business page: "Hollinsworth
            # dismissed ...", then "Hollinsworth Town").
            owner = None
        if owner is not None:
            _mention(text, found, said, span, owner, None)
        elif (not span.tentative or spelled in confirmed) and not _common_noun(span):
            _mention(text, found, said, span, "new:" + spelled, None)
    votes = cue_votes(text, spans, titles, found, said)
    entities: dict[str, Entity] = {}
    for key, entity in found.items():
        kind, cues = kind_of(entity, votes[key])
        name = entity.name
        if kind is Kind.COUNTRY and not entity.country and re.fullmatch(r"[A-Z][a-z]+[ei]an", name):
            # "Tasmanian Premier X": a state's title before its adjective; the place is the adjective less its
            # "n" (Tasmania, California, Bavaria), a guess by the word's ending that the note says.
            name, cues = name[:-1], (*cues, f"its name is taken from the adjective '{name}'")
        entities[key] = Entity(
            key=key,
            kind=kind,
            name=name,
            known=entity.known,
            forms=tuple(entity.forms),
            count=entity.count,
            first=entity.first,
            typo=entity.typo,
            cues=cues,
            with_the=entity.with_the,
        )
    entities = _of_countries(text, with_places(text, entities, index))
    mentions = {
        start: Mention(
            mark=KIND_MARKS.get(entities[one.key].kind, Mark.ORGANIZATION),
            start=one.start,
            end=one.end,
            text=one.text,
            ref=one.key,
            note=one.note,
        )
        for start, one in said.items()
    }
    return entities, mentions


def _of_countries(text: str, entities: dict[str, Entity]) -> dict[str, Entity]:
    """A state's body first named after its country's possessive ("Colombia's Constitutional Court") is that
    country's: "Constitutional Court of Colombia", as a curator names it; so is one whose name is only what it
    is ("the Supreme Court", "the Court of Appeal") in an article that names one country."""
    countries = {
        normalise(form): entity for entity in entities.values() if entity.kind is Kind.COUNTRY for form in entity.forms
    }
    one = {entity.key: entity for entity in countries.values()}
    for key, entity in entities.items():
        words = norm_words(entity.name)
        if entity.kind is not Kind.ORGANIZATION or entity.known is not None or not STATE_BODY_WORDS & set(words):
            continue
        owner = _POSSESSOR.search(text, max(0, entity.first - 60), entity.first)
        country = countries.get(normalise(owner.group(1))) if owner is not None and " of " not in entity.name else None
        if country is None and len(one) == 1 and set(words) <= GENERIC_BODY_WORDS:
            (country,) = one.values()
        if country is not None:
            entities[key] = replace(entity, name=f"{entity.name} of {country.name}")
    return entities


# A possessive just before a name: "Colombia's " in "Colombia's Constitutional Court".
_POSSESSOR = re.compile(r"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['\u2019]s\s+$")


def _acronyms(text: str, spans: Sequence[NameSpan], said: Mapping[int, _Said]) -> dict[str, str]:
    """Initials written in brackets after a name they abbreviate ("the Global Alliance for Child Immunisation
    (GACI)"): the same entity, wherever the article writes them."""
    found: dict[str, str] = {}
    for span, following in itertools.pairwise(spans):
        one = said.get(span.words[0].start)
        acronym = following.words[0].text
        if one is None or len(following.words) != 1 or not acronym.isupper() or len(acronym) < 2:
            continue
        initials = "".join(piece.text[0] for piece in span.words if piece.capital)
        between = text[span.words[-1].end : following.words[0].start]
        if initials == acronym and between.strip() == "(" and text.startswith(")", following.words[0].end):
            found[acronym] = one.key
    # Unbracketed initials of the one name of several words the article writes in full ("CSU" in a headline,
    # "Carrow State University" in the story).
    by_initials: dict[str, set[str]] = {}
    for span in spans:
        one = said.get(span.words[0].start)
        if one is not None and len(span.words) > 2:
            by_initials.setdefault("".join(piece.text[0] for piece in span.words if piece.capital), set()).add(one.key)
    for span in spans:
        acronym = span.words[0].text
        owners = by_initials.get(acronym, set())
        if len(span.words) == 1 and acronym.isupper() and len(acronym) > 2 and len(owners) == 1:
            found.setdefault(acronym, next(iter(owners)))
    return found


def _opening_names(text: str, spans: Sequence[NameSpan]) -> set[str]:
    """The words that open two sentences or more (a headline's and its story's: "Vantora names ...",
    "Vantora named ...") and are never written in lower case: names, though no other place confirms
    them; and one that opens a sentence as its subject and owner ("Starbucks named X as its chief
    executive", "Liverpool said its manager ...")."""
    openings = Counter(_norm(span.words) for span in spans if span.tentative)
    lower = {word.lower() for word in re.findall(r"\b[a-z][\w'\u2019-]*", text)}
    owning = {_norm(span.words) for span in spans if span.tentative and _OWNER.match(text, span.words[-1].end)}
    return {
        word
        for word, count in openings.items()
        if (count >= 2 or word in owning) and word not in lower and not _PEOPLE.search(word)
    }


def _common_noun(span: NameSpan) -> bool:
    """A lone capitalised noun that stands for an organization named elsewhere ("the Board", "the Group"),
    or a headline's ("Council picks ..."): no name of its own."""
    return len(span.words) == 1 and span.match is None and span.words[0].lower in ORG_NOUNS


def _by_word(found: Iterable[_Found]) -> dict[str, list[_Found]]:
    """Every entity of several words, by each of its words (and each hyphenated word's parts,
    "Solberg-Haug"): the one a lone word may stand for."""
    by_word: dict[str, list[_Found]] = {}
    for entity in found:
        if len(entity.name.split()) > 1:
            parts = [" ".join(norm_words(word)) for word in entity.name.split()]
            # "Millbrook" alone is the city, not its "Millbrook Police Department".
            place = set(norm_words(place_of(entity.name) or ""))
            for word in dict.fromkeys([*norm_words(entity.name), *parts]):
                if word not in place:
                    by_word.setdefault(word, []).append(entity)
    return by_word


def _nicknamed(text: str, spans: Sequence[NameSpan]) -> dict[str, str]:
    """A name written with a nickname in quotes ('Margaret "Peggy" Hollis'): the nickname and the rest of the
    name ("peggy hollis") for the name ("margaret hollis")."""
    called: dict[str, str] = {}
    for span in spans:
        for before, after in itertools.pairwise(range(len(span.words))):
            nickname = _NICKNAME.fullmatch(text[span.words[before].end : span.words[after].start])
            if nickname is not None:
                rest = _norm(span.words[after:])
                called[f"{normalise(nickname.group(1))} {rest}"] = _norm(span.words)
    return called


# A nickname in quotes between two words of a name, as pieces.py skips it.
_NICKNAME = re.compile(r"\s+[\"\u201c]([^\W\d_]+)[\"\u201d]\s+")


def _longest_forms(names: list[str]) -> dict[str, str]:
    """Each new name of several words, or the one longer name it begins ("Harbourside Rugby" in a headline
    for "Harbourside Rugby Club", "High Court" for "High Court of Australia"): one entity."""
    every = set(names)
    # Only a company's or a club's last word makes a longer name of it, with a word of its trade before it
    # at most: "Harbourside Rugby Club", "Harlow County Cricket Club"; not "Port Ellery Harbour Board", which
    # is another body than Port Ellery.
    by_stem: dict[str, set[str]] = {}
    for name in every:
        words = name.split()
        if words[-1] in ORG_SUFFIXES:
            for cut in (1, 2):
                if len(words) > cut + 1:
                    by_stem.setdefault(" ".join(words[:-cut]), set()).add(name)
        # "High Court" (a headline's) for the story's "High Court of Australia".
        if "of" in words[2:]:
            by_stem.setdefault(" ".join(words[: words.index("of", 2)]), set()).add(name)
    longest: dict[str, str] = {}
    for name in every:
        longer = by_stem.get(name, set())
        longest[name] = next(iter(longer)) if len(longer) == 1 else name
    return longest


def _endings(names: Iterable[str]) -> dict[str, set[str]]:
    """Each name by the shorter names it ends in, word by word ("aisling ni bhriain" under "ni bhriain" and
    "bhriain"), and by a family name opened by a particle inside it ("hector luis de leon arrieta" under "de
    leon", the first of two family names): found in one pass, however many names an article holds."""
    ends: dict[str, set[str]] = {}
    for name in set(names):
        words = name.split()
        for cut in range(1, len(words)):
            ends.setdefault(" ".join(words[cut:]), set()).add(name)
            if words[cut] in _PARTICLES:
                for stop in range(cut + 2, len(words)):
                    if words[stop - 1] not in NAME_CONNECTORS:
                        ends.setdefault(" ".join(words[cut:stop]), set()).add(name)
    return ends


# The connectors of a person's name ("de", "van"), not of an organization's ("of").
_PARTICLES = NAME_CONNECTORS - OF_CONNECTORS


def _tail_of(name: str, ends: Mapping[str, set[str]]) -> str:
    """The one longer name a name of several words ends ("Ní Bhriain" of "Aisling Ní Bhriain", "Ruiz de
    Alarcón" of "Paula Ruiz de Alarcón"): a family name of particles or of two words, said again alone."""
    longer = ends.get(name, set())
    if len(longer) > 1:
        # "Héctor de León Arrieta" in the headline, "Héctor Luis de León Arrieta" in the story: one name, in full.
        longer = {one for one in longer if not any(one != other and _within(one, other) for other in longer)}
    if len(longer) != 1:
        return name
    (full,) = longer
    # Not the body a longer organization's name is "of" ("Member of the Management Board" is not the board); an
    # organization's name ending as the longer one does ("Heritage Party", "Saskatchewan Heritage Party") is it.
    words = full.split()
    if "of" in words:
        return name
    return full if name.split()[-1] in ORG_WORDS or not any(word in ORG_WORDS for word in words) else name


def _within(short: str, long: str) -> bool:
    """Whether every word of a name stands in a longer one, in order ("hector de leon" in "hector luis de leon")."""
    rest = iter(long.split())
    return all(word in rest for word in short.split())


def _qualifies(text: str, span: NameSpan) -> bool:
    last = span.words[-1]
    following = re.match(r"\s+([a-z]+)", text[last.end : last.end + 30])
    return last.lower.endswith(DEMONYM_ENDINGS) and not last.possessive and following is not None


def _norm(words: Sequence[Piece]) -> str:
    return " ".join(token for piece in words for token in piece.norm)


def _owner(word: str, by_word: dict[str, list[_Found]], start: int) -> str | None:
    """The one entity of several words that has this word among its own: "Drask" for "Ilona Drask",
    "Rovers" for "Dunmore Rovers"; not "Varnia" for "Bank of Varnia", where it names something else. Of
    two that share it, the one whose name ends in it; of two that end in it ("Annika Vogt", "Matthias Vogt"), the
    one named before it, if only one was."""
    owners = by_word.get(word, [])
    # "The University of Whitmore's Council ... the University's ninth vice-chancellor": of several, those the story
    # has named by then (a headline, before every name, keeps them all).
    owners = [owner for owner in owners if owner.first < start] or owners
    ending = [owner for owner in owners if norm_words(owner.name)[-1] == word]
    if len(owners) > 1 and len(ending) == 1:
        owners = ending  # "the Courier": the Northern Daily Courier, not Courier Media Group, which it only opens
    if len(owners) != 1:
        return None
    words = norm_words(owners[0].name)
    head = words[
        : min((words.index(connector) for connector in NAME_CONNECTORS if connector in words), default=len(words))
    ]
    # The kinds are not decided yet: a name with a word like "Bank" in it is an organization's.
    organization = any(part in ORG_WORDS for part in words)
    return owners[0].key if not organization or word.split()[0] in head else None


def norm_words(text: str) -> list[str]:
    return normalise(text).split()


def _mention(
    text: str,
    found: dict[str, _Found],
    said: dict[int, _Said],
    span: NameSpan,
    key: str,
    match: KnownMatch | None,
    country: KnownEntity | None = None,
    spelled: str | None = None,  # the name, when the span is a shorter form of it
) -> None:
    start, end = span.words[0].start, span.words[-1].end
    written = as_written(text, span.words[0], span.words[-1])
    entity = found.get(key)
    if entity is None:
        known = match.entity if match is not None else None
        name = known.name if known is not None else country.name if country is not None else written
        name = spelled or name
        entity = found[key] = _Found(key=key, name=name, known=known, first=start, country=country is not None)
    entity.count += 1
    if written not in entity.forms:
        entity.forms.append(written)
    note = ""
    if match is not None and match.score < 100:
        entity.typo = (written, match.score)
        note = f"'{written}' is taken for {match.entity.name} ({match.entity.id}): a typo-tolerant match"
    if text[max(0, start - 4) : start].lower() == "the ":
        entity.with_the = True
    said[start] = _Said(key=key, start=start, end=span.letters_end or end, text=written, note=note)
