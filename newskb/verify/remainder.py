"""What a sentence says besides the statements read from it (part of `reading`): where each statement's words lie,
the words no statement read that could turn it (a date, a number, "not", "reportedly"), and what the sentence says
besides them, as a claim of its own.
"""

import re

from newskb.common.words import FUNCTION_WORDS
from newskb.draft import resolution
from newskb.draft.clauses import Clause
from newskb.draft.mentions import Mark, Mention
from newskb.verify import claims, patterns
from newskb.verify.statements import Claimed, Statement

# The marks of the dates and lengths a clause's mentions tell.
_DATE_MARKS = (Mark.POINT, Mark.SINCE, Mark.RANGE, Mark.UNTIL, Mark.LENGTH)


def located(statement: Statement, one: Clause, text: str) -> tuple[int, int]:
    start = text.find(statement.span, one.sentence.start)
    return start, start + len(statement.span)


def words_of(statement: Statement, one: Clause, text: str) -> tuple[int, int]:
    """Where a statement's words lie, without the comma that closes an apposition ("the Dutch prime minister, Mark
    Rutte,"): words said before ", X said" end just before that comma."""
    start, _ = located(statement, one, text)
    return start, start + len(statement.span.rstrip(", "))


def _read(spans: list[tuple[int, int]], one: Clause, text: str) -> list[tuple[int, int]]:
    """The words statements read: their spans, less the asides after a name that they pass over ("Rutte, *who
    governed the Netherlands for ten years,* became NATO chief", "Stoltenberg, *65,* led NATO": the statement of
    the main clause reads none of it; another statement may)."""
    names = [mention.end for mention in one.marked if mention.mark in _NAMES]
    read: list[tuple[int, int]] = []
    for start, end in spans:
        at = start
        for after in names:
            aside = patterns.ASIDE.match(text, after, end)
            # Only what the statement passes over: an aside its words go on after, not one that is all it says.
            if start < after and after >= at and aside is not None and text[aside.end() : end].strip(" ,"):
                read.append((at, aside.start()))
                at = aside.end()
        read.append((at, end))
    return read


# What may stand before an aside between commas: a relative clause, an age, an apposition.
_NAMES = (Mark.PERSON, Mark.ORGANIZATION, Mark.COUNTRY)


def unread(one: Clause, text: str, statements: list[Statement]) -> tuple[str, ...]:
    """The dates, numbers, negations and hedges of a clause outside every statement's words, and the words
    that qualify a holding (patterns.QUALIFYING) wherever they stand: no term vouches for "the first"."""
    spans = _read([located(statement, one, text) for statement in statements], one, text)
    words = [(mention.start, mention.end) for mention in one.marked if mention.mark in _DATE_MARKS]
    sentence = one.sentence
    dates = list(words)
    for match in patterns.TURNING.finditer(sentence.text):
        word = (sentence.start + match.start(), sentence.start + match.end())
        if not patterns.inside(word, dates):
            words.append(word)
    unchecked = [(start, end) for start, end in sorted(set(words)) if not patterns.inside((start, end), spans)]
    unchecked += _relating(one, text, spans, dates, several=len(statements) > 1)
    # A capitalised word right before a person's name and no mention's ("*Marc* Rutte"): another first name. A name
    # the base does not know is no mention here: past a sentence's first word, the reader takes an unknown
    # capitalised word for a new organization ("In Brussels, *Jan* Rutte became ...").
    mentioned = [(mention.start, mention.end) for mention in one.marked if not mention.ref.startswith("new:")]
    for mention in one.marked:
        before = _FORENAME.search(text, sentence.start, mention.start) if mention.mark is Mark.PERSON else None
        if before is None or before[1].lower() in _NOT_A_NAME:
            continue
        word = (before.start(1), before.end(1))
        if not patterns.inside(word, mentioned):
            unchecked.append(word)
    # Words before a colon that open the sentence ("Bator: ...", "Fake news: ...") say whose or what it is.
    headline = _HEADLINE.match(sentence.text)
    if headline is not None:
        unchecked.append((sentence.start + headline.start(1), sentence.start + headline.end(1)))
    # A date that says two things of itself ("Wednesday, 1 October 2024", a Tuesday) is read by no statement; nor
    # is an office outside every statement's words ("Rutte is NATO Secretary General *and US President*").
    unchecked += [(mention.start, mention.end) for mention in one.marked if _doubtful(mention)]
    holders = {statement.holder for statement in statements}
    for at, mention in enumerate(one.marked):
        if mention.mark is not Mark.OFFICE or patterns.inside((mention.start, mention.end), spans):
            continue
        # Of the holder a statement reads, not of another person, who is another clause's ("while Y stayed on").
        named = [earlier for earlier in one.marked[:at] if earlier.mark in (Mark.PERSON, Mark.PRONOUN)]
        if named and named[-1].ref in holders:
            unchecked.append((mention.start, mention.end))
    held = any(statement.claimed in (Claimed.HOLDING, Claimed.SUCCESSION) for statement in statements)
    for match in patterns.QUALIFYING.finditer(sentence.text) if held else ():
        word = (sentence.start + match.start(), sentence.start + match.end())
        if not patterns.inside(word, dates) and not patterns.inside(word, _named(one)):
            unchecked.append(word)
    return tuple(text[start:end] for start, end in sorted(set(unchecked)))


# Words before "to become", "to lead" that say it was only tried, wanted or refused.
_ATTEMPT = re.compile(
    r"\b(?:failed|fails|refused|refuses|declined|declines|tried|tries|attempted|hoped|hopes|wanted|wants|sought|"
    r"seeks|aimed|aims|promised|promises|vowed|unable|reluctant|forced|about|struggled|"
    r"wished|wishes)\s+to\b",
    re.IGNORECASE,
)
_ORDERING = re.compile(
    r"\b(?:before|after|later|earlier|then|until|once|while|since|when|the\s+day|the\s+moment|by\s+the\s+time)\b",
    re.IGNORECASE,
)


def _relating(
    one: Clause, text: str, spans: list[tuple[int, int]], dates: list[tuple[int, int]], *, several: bool
) -> list[tuple[int, int]]:
    """Words that say how a statement stands to what it tells, which it does not read: a verb of trying or failing
    inside its words ("Rutte *failed to* become NATO chief"), and with several statements a word that orders them
    ("X became O *before* he became P", "*when* Y did"): each is checked, their order is not."""
    found = [(match.start(), match.end()) for start, end in spans for match in _ATTEMPT.finditer(text, start, end)]
    sentence = one.sentence
    for match in _ORDERING.finditer(sentence.text) if several else ():
        word = (sentence.start + match.start(), sentence.start + match.end())
        if not patterns.inside(word, spans) and not patterns.inside(word, dates):
            found.append(word)
    return found


def _doubtful(mention: Mention) -> bool:
    """A date that says two things of itself, or a part of a period read as the whole ("at the start of 2024"
    is a day early in 2024, which 2024 alone would vouch for)."""
    expression = mention.expression
    return expression is not None and (
        _PART_OF.search(mention.text) is not None
        or any(
            written is not None and resolution.doubtful(written) for written in (expression.first, expression.second)
        )
    )


_PART_OF = re.compile(r"\b(?:start|beginning|end|close)\s+of\b|\b(?:weeks?|years?|decades?)\s+ago\b", re.IGNORECASE)


# A capitalised word right before where a name starts, and the words that are no name though written so.
_FORENAME = re.compile(r"\b([A-Z][a-z]+)\s+$")
_NOT_A_NAME = FUNCTION_WORDS | frozenset(
    ("the", "a", "an", "in", "on", "at", "by", "for", "from", "of", "to", "and", "but", "with", "after", "before")
)
# A sentence that opens on a few words and a colon: a headline's speaker or label.
_HEADLINE = re.compile(r"\s*([A-Z][^:.;\n]{0,40}:)\s")


def _named(one: Clause) -> list[tuple[int, int]]:
    """Where the clause names a person, body or office: a name's own words ("First Minister") qualify nothing."""
    return [(mention.start, mention.end) for mention in one.marked if mention.mark not in _DATE_MARKS]


def rest(one: Clause, text: str, statements: list[Statement], covered: list[tuple[int, int]]) -> list[Statement]:
    """What a sentence says besides its statements and the words the patterns read ("Former Dutch Prime
    Minister Mark Rutte *met Zelensky in Kyiv*"), with the name each read part opens with, as a claim of its
    own: a sentence is never answered by the part a pattern read alone."""
    sentence = one.sentence.sentence
    spans = sorted(set(_read([*covered, *(located(statement, one, text) for statement in statements)], one, text)))
    names = [mention for mention in one.marked if mention.mark in (Mark.PERSON, Mark.ORGANIZATION, Mark.COUNTRY)]
    kept: list[str] = []
    at = sentence.start
    outside: list[str] = []
    for start, end in spans:
        if start < at or start < 0:
            at = max(at, end)
            continue
        outside.append(text[at:start])
        kept.append(text[at:start].lstrip(" ,;:"))
        first = next((name.text for name in names if start <= name.start < end), "")
        kept.append(f" {first} ")
        at = end
    outside.append(text[at : sentence.end])
    kept.append(text[at : sentence.end].lstrip(" ,;:"))
    # A date no statement read ("in 2024") is named by `unread`; only words that say more make a claim.
    dates = [mention.text for mention in one.marked if mention.mark in _DATE_MARKS]
    # The sentence's first word is written with a capital whatever it is ("According to the BBC, ...").
    # A headline's "X:" is `unread`'s (it turns every statement), not a claim of its own.
    headline = _HEADLINE.match(sentence.text)
    if headline is not None:
        outside[0], kept[0] = outside[0].replace(headline[1], " ", 1), kept[0].replace(headline[1], "", 1)
    outside[0] = outside[0][:1].lower() + outside[0][1:] if spans and spans[0][0] > sentence.start else outside[0]
    # A passive's agent no statement read says who did it ("... was appointed NATO chief *by Donald Trump*").
    # Nor does it read a name told as where or when ("... *in Kyiv*", "*under Wallace*"), whence ("Mark Rutte*, a
    # Norwegian,*"), or joined to a statement's ("replaced Stoltenberg *and Wallace*", "*Wallace and* Rutte ...").
    # (An office outside every statement is `unread`'s: "Rutte is NATO Secretary General *and US President*".)
    undated = [re.sub(_any(dates), " ", part) for part in outside]
    offices = [mention.text for mention in one.marked if mention.mark is Mark.OFFICE]
    around = [re.sub(_any(offices), " ", part) for part in undated]
    told = (_AGENT, _AROUND, _NATIONALITY, _JOINED)
    named = any(pattern.search(part) for part in around for pattern in told)
    # A gapped clause names an office as what is said ("..., Trump US President"); a name going on past a
    # statement's last word ("President of the United States *Golf Association*") is another name.
    named = named or any(_GAPPED.search(part) for part in undated) or any(_RUN_ON.match(part) for part in undated[1:])
    if not named and not claims.says(" ".join(undated)):
        return []
    said = re.sub(r"\s+([,;:.])", r"\1", " ".join(" ".join(kept).split())).strip(" ,;:.")
    return [Statement(claimed=Claimed.CLAIM, span=sentence.text.strip(), said=said, aside=True)]


def _any(words: list[str]) -> str:
    """A pattern of any of `words` as written (one that matches nothing for none)."""
    return "|".join(map(re.escape, words)) or "$^"


# "by Donald Trump", "by the EU": someone named as who did what a passive tells.
_AGENT = re.compile(r"\bby\s+(?:the\s+)?[A-Z]")
# "in Kyiv", "at the Hague", "under Wallace": a name told as where or when it happened.
_AROUND = re.compile(
    r"\b(?:in|at|from|near|inside|outside|under|with|without|after|before|during|against|among|over|opposed\s+to)"
    r"\s+(?:the\s+)?[A-Z]"
)
# "and Wallace" after a statement's words, "Wallace and" before them: a name joined to one a statement reads.
# ... and one said to do the same ("as did Wallace", "as Wallace did").
_JOINED = re.compile(
    r"^\s*,?\s*(?:and|or|as\s+well\s+as|along\s+with|together\s+with)\s+(?:the\s+)?[A-Z]|[A-Z]\w*,?\s+(?:and|or)\s*$"
    r"|\bas\s+(?:did|does|do|has|had|have|is|was|were|are|will|would)\s+(?:the\s+)?[A-Z]"
    r"|\bas\s+(?:the\s+)?[A-Z]\w*(?:\s+[A-Z]\w*)*\s+(?:did|does|do|has|had|have|is|was|were|are|will|would)\b"
)
# ", Stoltenberg the Netherlands": a clause that leaves out the verb of the one before ("X leads NATO, Y the ...").
_GAPPED = re.compile(r"^\s*[,;]\s*(?:the\s+)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*,?\s+(?:the\s+)?[A-Z]")
# A capitalised word right after a statement's last word, with no comma or word between: the name goes on.
_RUN_ON = re.compile(r"[ \t]+[A-Z]")
# ", a Norwegian,", ", a Dutch diplomat,": an aside that gives a name's nationality.
_NATIONALITY = re.compile(r"^,\s+(?:a|an|the)\s+[A-Z]")
