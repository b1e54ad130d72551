"""Judging the statements that are not about terms of office: numbers, attributions, events and other claims.

A number is checked against the numbers the base gives for the same measure of the same entity, as of the
day they are true; words attributed to someone against the claims that hold those words and whose they are;
any other statement against the claims and events that account for every one of its words. Nothing is
supported by a record that accounts for only some of a statement's words (README, "Verify").
"""

import functools
import re
from collections.abc import Sequence
from datetime import date

from newskb.answers import search
from newskb.common.dates import elapsed, parse
from newskb.common.fuzzy import normalise, tokenize
from newskb.common.kinds import ENTITY_KINDS, Kind, Modality
from newskb.common.words import (
    EXPECT_WORDS,
    FUNCTION_WORDS,
    HEDGE_WORDS,
    NAME_FILLERS,
    QUESTION_WORDS,
    number_at,
    same_family,
    stem,
)
from newskb.verify.claims import ELLIPSIS
from newskb.verify.patterns import NEGATION, QUALIFYING
from newskb.verify.statements import Claimed, Statement
from newskb.verify.terms import Context, named
from newskb.verify.verdicts import Evidence, Verdict, Word, denied

# A number counts for a measure when the measure's word follows it within this many words ("32 member
# countries").
MEASURE_REACH = 2
# A record that accounts for at least this share of a statement's words speaks to it without deciding it.
CLOSE_SHARE = 0.6
SPEAKERS = (Kind.PERSON, Kind.ORGANIZATION)
# How many of a search's best claims (and events) a statement is weighed against.
SEARCH_REACH = 5


def number(context: Context, statement: Statement) -> Verdict:
    """NATO has 32 members: the numbers the base gives for that measure of that entity, as of their day."""
    subject = named(context, statement.subject, ENTITY_KINDS, "person, organization, country or office")
    measure = statement.measure or ""
    found = [
        (count, as_of, proof)
        for as_of, words, proof in _texts_about(context, subject.id)
        if (count := _count(words, measure)) is not None
    ]
    if not found:
        return _verdict(statement, Word.NOT_IN_BASE, [], f"the base gives no number of {measure} for {subject.name}")
    asked = statement.when
    first, last = (asked.earliest_day, asked.latest_day) if asked else (context.day, context.day)
    for count, as_of, proof in found:
        if first <= as_of <= last:
            word = Word.SUPPORTED if count == statement.number else Word.CONTRADICTED
            return _verdict(statement, word, [proof], f"the base says {count} {measure}, as of {as_of}", as_of)
    count, as_of, proof = max(found, key=lambda item: item[1])
    apart = f"{elapsed(as_of, first)} before" if as_of < first else f"{elapsed(last, as_of)} after"
    why = f"the base says {count} {measure} as of {as_of.isoformat()}, {apart} the day asked, and nothing for that day"
    return _verdict(statement, Word.CANNOT_TELL, [proof], why, as_of)


def _texts_about(context: Context, entity: str) -> list[tuple[date, list[str], Evidence]]:
    """Every quote about an entity, with the day it is true as of: the claims about it, and its summary's."""
    found: list[tuple[date, list[str], Evidence]] = []
    for row in context.connection.execute(
        "SELECT c.id, c.source, c.quote, c.modality, coalesce(c.as_of, s.published) AS as_of FROM claim c "
        "JOIN source s ON s.id = c.source WHERE c.id IN (SELECT record_id FROM about WHERE entity_id = :entity) "
        "UNION ALL SELECT e.id, e.source, e.quote, 'stated', coalesce(e.as_of, s.published) FROM entity e "
        "JOIN source s ON s.id = e.source WHERE e.id = :entity AND e.quote IS NOT NULL",
        {"entity": entity},
    ):
        if _heard(context, row["source"]):
            proof = Evidence(row["id"], row["source"], row["quote"], row["modality"])
            # "32,000 troops" is one number, which the words would split at its comma.
            words = tokenize(_THOUSANDS.sub(r"\1", row["quote"]))
            found.append((parse(row["as_of"]).earliest_day, words, proof))
    return found


_THOUSANDS = re.compile(r"(\d),(?=\d{3}\b)")


def _count(words: Sequence[str], measure: str) -> int | None:
    """The number a text gives of a measure ("32 member countries": 32 members, and 32 countries)."""
    measured = tokenize(measure)
    if not measured:
        return None
    wanted = _measure(measured[-1])
    for position in range(len(words)):
        if (found := number_at(words, position)) is None:
            continue
        value, length = found
        after = words[position + length : position + length + MEASURE_REACH]
        if any(_measure(later) == wanted for later in after):
            return value
    return None


def _measure(word: str) -> str:
    """A measure's word as counted: the stem, an alliance's allies counted as its members and nations as
    countries ("32 allies", "32 nations" against "32 member countries")."""
    stemmed = stem(word)
    return _COUNTED_AS.get(stemmed, stemmed)


_COUNTED_AS = {stem("allies"): stem("members"), stem("nations"): stem("countries")}


def _heard(context: Context, source: str | None) -> bool:
    """Whether a source is heard: published by the day `--known-as-of` names (every source without it)."""
    if context.known is None or source is None:
        return True
    row = context.connection.execute("SELECT published_latest FROM source WHERE id = ?", (source,)).fetchone()
    return row is not None and row[0] <= context.known.toordinal()  # the index's day numbers


def attribution(context: Context, statement: Statement) -> Verdict:
    """According to X, ...; X said ...: the claim that holds the words, and whose words the base says they are."""
    speaker = named(context, statement.speaker, SPEAKERS, "person or organization")
    found = _accounting(context, statement.said or "", [Kind.CLAIM], expects=statement.expects)
    if found is None:
        return _verdict(statement, Word.NOT_IN_BASE, [], "no claim in the base says this")
    proof, share, hedged = found
    if share < 1.0:
        return _verdict(statement, Word.CANNOT_TELL, [proof], _close(hedged))
    if _opposite(statement.said or "", proof):
        return _verdict(statement, Word.CONTRADICTED, [proof], "the base says the opposite")
    if speaker.id in proof.said_by:
        return _verdict(statement, *_as_put(statement, proof, f"the base has these words from {speaker.name}"))
    if proof.said_by:
        names = ", ".join(_name(context, speaker_id) for speaker_id in proof.said_by)
        why = f"the base has these words from {names}, not {speaker.name}"
        return _verdict(statement, Word.CONTRADICTED, [proof], why)
    return _verdict(statement, Word.CANNOT_TELL, [proof], "the base has these words, from no one it names")


def claim(context: Context, statement: Statement) -> Verdict:
    """Any other stated fact, or an event: the claim or event that accounts for every word of it."""
    found = _accounting(context, statement.said or statement.span, [Kind.CLAIM, Kind.EVENT], expects=statement.expects)
    if statement.claimed is Claimed.CLAIM and statement.when is not None and (found is None or found[1] < 1.0):
        # Its date set apart, the rest is no record's whole: weighed as written, the date's words with it (fewer
        # words would pass as close more easily: "Rutte visited Kyiv on D" is not "Rutte's key tasks").
        found = _accounting(context, statement.span, [Kind.CLAIM, Kind.EVENT], expects=statement.expects)
    if found is None:
        return _verdict(statement, Word.NOT_IN_BASE, [], "nothing in the base says this")
    proof, share, hedged = found
    if share < 1.0:
        return _verdict(statement, Word.CANNOT_TELL, [proof], _close(hedged))
    who = _WHO.match(statement.said or statement.span)
    if who is not None:  # "He is a former Dutch Prime Minister": whoever the record's words are of, not told here
        why = f"the base says so of someone; the sentence does not say who '{who[1]}' is"
        return _verdict(statement, Word.CANNOT_TELL, [proof], why)
    if ELLIPSIS.match(statement.said or statement.span):  # "Wallace was not.": what, the sentence before says
        return _verdict(statement, Word.CANNOT_TELL, [proof], "the sentence leaves out what it says of them")
    if _opposite(statement.said or statement.span, proof):
        return _verdict(statement, Word.CONTRADICTED, [proof], "the base says the opposite")
    if statement.when is not None:
        date_word = _event_date(context, proof.id, statement)
        if date_word is None:  # a claim: the base gives no day to weigh the statement's against
            return _verdict(
                statement, Word.CANNOT_TELL, [proof], f"the base says so, but not that it was {statement.when}"
            )
        return _verdict(statement, date_word[0], [proof], date_word[1])
    return _verdict(statement, *_as_put(statement, proof, "the base says so"))


def _opposite(text: str, proof: Evidence) -> bool:
    """Whether the statement and the record's words it is weighed against disagree on a negation ("The US backed
    Wallace" against "the US did not back his candidacy"): the words compared leave "not" out."""
    return bool(NEGATION.search(text)) != bool(NEGATION.search(proof.quote or ""))


def _event_date(context: Context, event_id: str, statement: Statement) -> tuple[Word, str] | None:
    from newskb.verify.termdays import compare

    row = context.connection.execute("SELECT date FROM event WHERE id = ?", (event_id,)).fetchone()
    if row is None or statement.when is None:
        return None
    return compare(statement.when, row[0]), f"the base dates it {row[0] or '(date unknown)'}"


def _as_put(statement: Statement, proof: Evidence, why: str) -> tuple[Word, list[Evidence], str]:
    """Support as the source puts it: what it only expects or calls possible does not support a statement that
    asserts it; reported as an expectation ("officials expect"), an expectation supports it."""
    if proof.modality in (Modality.EXPECTED, Modality.POSSIBLE) and not statement.expects:
        return Word.CANNOT_TELL, [proof], f"{why}, but only as {proof.modality}"
    if proof.modality == Modality.ANNOUNCED:
        return Word.SUPPORTED, [proof], f"{why}, as an announcement"
    return Word.SUPPORTED, [proof], why


def _accounting(
    context: Context, text: str, kinds: Sequence[Kind], *, expects: bool = False
) -> tuple[Evidence, float, bool] | None:
    """The claim or event whose words account for most of `text`'s (the fewest words of its own breaking a
    tie), that share (1.0: every word), and whether it hedges what the statement does not ("potential",
    "may"): such a record is close, never every word. None when none accounts for CLOSE_SHARE of them."""
    typed = tokenize(_NOT_ONLY.sub("notonly", text))
    # A qualifying word ("only", "first") is wanted though it is a function word: "Rutte's only goal" is not
    # "one of his goals", nor "not only" (read as one word) "only".
    wanted = [
        word
        for word in typed
        if word not in QUESTION_WORDS | NAME_FILLERS | FUNCTION_WORDS or QUALIFYING.fullmatch(word) or word in _WEIGHTY
    ]
    if not wanted:
        return None
    found: list[tuple[float, int, Evidence, bool]] = []
    # One search for every kind asked (each search expands every word against the whole vocabulary), the
    # best SEARCH_REACH hits of each kind kept.
    hits = search.search(context.connection, text, limit=SEARCH_REACH * len(Kind), every=True)
    chosen = [hit for kind in kinds for hit in [hit for hit in hits if hit.kind is kind][:SEARCH_REACH]]
    # A statement that reports an expectation allows for a record's words of expecting.
    allowed = set(typed) | (EXPECT_WORDS if expects else set())
    for hit in chosen:
        if not _heard(context, hit.source):
            continue
        words = tokenize(_NOT_ONLY.sub("notonly", f"{hit.label} {hit.quote or ''}"))
        share = sum(any(_same(word, other) for other in words) for word in wanted) / len(wanted)
        if share == 1.0 and not (_in_order(text, hit.label) or _in_order(text, hit.quote or "")):
            share = CLOSE_SHARE  # every word, but its names in another order: "unity within Rutte"
        if share == 1.0 and (_swapped(text, hit.label) or _swapped(text, hit.quote or "")):
            share = CLOSE_SHARE  # every word, but a name where the record has another: "the UK did not back"
        if share == 1.0 and set(_MODAL.findall(text.lower())) - set(words):
            share = CLOSE_SHARE  # every word, but what should or could be where the record says what is
        if share == 1.0 and set(_DUTY.findall(" ".join(words))) - set(_DUTY.findall(text.lower())):
            share = CLOSE_SHARE  # every word, but done where the record says it must or will be ("will need to")
        hedged = share == 1.0 and bool((HEDGE_WORDS & set(words)) - allowed)
        proof = Evidence(hit.id, hit.source, hit.quote, hit.modality, hit.said_by, hit.via)
        if share >= CLOSE_SHARE:
            found.append((CLOSE_SHARE if hedged else share, len(words), proof, hedged))
    if not found:
        return None
    share, _, proof, hedged = min(found, key=lambda item: (-item[0], item[1]))
    return proof, share, hedged


# Words of what is yet to be done: "Rutte strengthened unity" is not "Rutte will need to strengthen unity".
_DUTY = re.compile(r"\b(?:needs?\s+to|have\s+to|has\s+to|will\s+be\s+to)\b")
# Words of obligation or ability: "Rutte should replace Stoltenberg" is not "Rutte will replace Stoltenberg".
_MODAL = re.compile(r"\b(?:should|must|ought|can|could|might|may)\b")
# Function words that turn what a claim says ("The war was over", "chosen over Trump"): weighed as words.
_WEIGHTY = frozenset(("over", "against", "without", "except", "instead"))
# A sentence checked whole that opens on a person it does not name.
# ... also after a conjunction or a phrase put first ("But she will ...", "In his new position, he will ...").
_WHO = re.compile(
    r"\s*(?:(?:But|And|Yet|So|Also|Still|However|Then|Now|Instead),?\s+|[A-Z][^,.;:]{0,40},\s+)?"
    r"(He|She|They|Him|Her|His|he|she|they|his|her)\b"
)
# "not only ... but": one word, neither "not" nor "only".
_NOT_ONLY = re.compile(r"\bnot\s+only\b", re.IGNORECASE)


def _in_order(text: str, record: str) -> bool:
    """Whether the names of a statement (its capitalised words) stand in a record's words in the same order:
    "Russia's invasion of Ukraine" is not "Ukraine's invasion of Russia". A first word the record does not
    write with a capital is only the sentence's first ("The", "Since")."""
    written = [normalise(word) for word in _CAPITALISED.findall(record)]
    names = [normalise(word) for word in _CAPITALISED.findall(text)]
    if names and names[0] not in written:
        names = names[1:]
    remaining = iter(written)
    return all(name in remaining for name in names)


# A word written with a capital ("Rutte", "NATO", "Ukraine's" without its possessive).
_CAPITALISED = re.compile(r"\b[A-Z][\w-]*")


def _swapped(text: str, record: str) -> bool:
    """Whether a name of the statement stands where the record has another: the word right after it follows
    another name wherever the record writes it ("the UK did not back" against "the US did not back his
    candidacy", though the record names the UK elsewhere; "Ukraine's troop numbers" against "NATO troop
    numbers ... invasion of Ukraine"), or the two words right before it precede another ("threats from
    Ukraine" against "threats from Russia"; two, as one word before a name is often only "of" or "in")."""
    said, told = _marked(text), _marked(record)
    capitalised = {word for word, name in told if name}
    # A word the record writes only with a capital is a name however the statement writes it ("the uk").
    names = capitalised - {word for word, name in told if not name} - FUNCTION_WORDS
    # A sentence's first word is a name only where the record writes it so ("The", "Since").
    said = [
        (word, (name and (index > 0 or word in capitalised)) or word in names)
        for index, (word, name) in enumerate(said)
    ]
    for index, (word, name) in enumerate(said):
        if not name:
            continue
        after, before = said[index + 1 : index + 2], said[max(0, index - 2) : index]
        if len(after) == 1 and not after[0][1] and _elsewhere(word, [after[0][0]], told, after=True):
            return True
        unnamed = len(before) == 2 and not any(is_name for _, is_name in before)
        if unnamed and _elsewhere(word, [one for one, _ in before], told, after=False):
            return True
    return False


def _elsewhere(name: str, beside: list[str], told: list[tuple[str, bool]], *, after: bool) -> bool:
    """Whether, wherever the record writes the words `beside`, another name than `name` stands right before
    them (after: they follow the name in the statement) or right after them."""
    width = len(beside)
    places = [
        place
        for place in range(len(told) - width + 1)
        if all(_same(word, told[place + offset][0]) for offset, word in enumerate(beside))
    ]
    ats = [place - 1 if after else place + width for place in places]
    neighbours = [told[at] for at in ats if 0 <= at < len(told)]
    return bool(neighbours) and all(is_name and not _same(name, word) for word, is_name in neighbours)


def _marked(text: str) -> list[tuple[str, bool]]:
    """A text's normalised words, each with whether it is written with a capital; a possessive's "s" left out."""
    return [(normalise(word), word[0].isupper()) for word in re.findall(r"[^\W_]+", _POSSESSIVE.sub("", text))]


_POSSESSIVE = re.compile("['\u2019]s\\b")


def _close(hedged: bool) -> str:
    return "the base says it only as a possibility" if hedged else "the base says something close, not this"


def _name(context: Context, entity_id: str) -> str:
    row = context.connection.execute("SELECT name FROM entity WHERE id = ?", (entity_id,)).fetchone()
    return str(row[0]) if row else entity_id


# Every line of a batch weighs its words against the same claims' words: a pure test, remembered.
@functools.lru_cache(maxsize=65536)
def _same(word: str, other: str) -> bool:
    """Two forms of one word ("doubled", "double"), in British or American spelling ("defence", "defense"), but
    never a word a letter or two from another: "decreasing" is not "increasing", "doubted" not "doubled",
    "uncertainty" not "certainty" (a name's typo is the reader's to tell)."""
    return same_family(_american(word), _american(other))


def _american(word: str) -> str:
    """A word in American spelling where British differs by an ending: defence, organisation, centre."""
    for british, american in _SPELLINGS:
        if word.endswith(british) and len(word) > len(british) + 2:
            return word[: -len(british)] + american
    return word


_SPELLINGS = (("isation", "ization"), ("ence", "ense"), ("ise", "ize"), ("ised", "ized"), ("our", "or"), ("tre", "ter"))


def _verdict(statement: Statement, word: Word, shown: list[Evidence], why: str, as_of: date | None = None) -> Verdict:
    if statement.negated:
        word, why = denied(word, why)
    return Verdict(
        statement=statement.span,
        claimed=statement.claimed,
        verdict=word,
        evidence=shown,
        why=why,
        as_of=as_of.isoformat() if as_of else None,
    )
