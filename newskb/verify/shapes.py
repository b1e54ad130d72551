"""The statement each shape of sentence in `patterns` reads (part of `reading`): a copula, an end said, a
term's edge, a handover, a past holding in apposition, a number, a length; and the dates, lengths and names
of a clause's mentions as the judges take them.

In: a match of a pattern on a clause's template (newskb/draft/clauses.py). Out: a `Statement`.
"""

import re
from datetime import date

from newskb.common.dates import Duration, Edtf
from newskb.common.words import number_in
from newskb.draft import resolution
from newskb.draft.clauses import Clause
from newskb.draft.mentions import Mark, Mention
from newskb.draft.tense import tense_at
from newskb.verify import patterns
from newskb.verify.statements import Claimed, Edge, Statement, Tense


def copula(match: re.Match[str], one: Clause, text: str, day: date, fronted: str | None) -> Statement | None:
    """ "X is/was (not) [the] O [in D]": a holding on a day, asked of the day (present) or any time before;
    `fronted`: the date told before it ("On 1 October 2024, X was still O"). Or of a body in place of the
    office ("X is in charge of NATO", "NATO was run by X", "X leads NATO"): the body's head."""
    holder = mention_at(one, match["h"])
    headed = match.groupdict().get("hb")
    verb = " ".join(match["verb"].split()).lower()
    if match.groupdict().get("never"):
        verb = "became"
    tense = Tense.PRESENT if verb in patterns.PRESENT else Tense.FUTURE if verb in patterns.FUTURE else Tense.PAST
    edge, dated = Edge.DURING, None
    number = match.groupdict().get("d") or fronted
    if number is not None:
        mention = mention_at(one, number)
        dated = date_of(mention, one, day)
        shape = mention.mark
        edge = Edge.END if shape is Mark.UNTIL else Edge.START if shape is Mark.SINCE else Edge.DURING
    if verb == "became":
        edge = Edge.START
    span = (
        patterns.span(one, match, text)
        if fronted is None
        else text[mention_at(one, fronted).start : patterns.origin(one, match)[1]]
    )
    return Statement(
        claimed=Claimed.HOLDING,
        span=span,
        holder=name_of(holder),
        office=office_of(one, match) if headed is None else None,
        body=name_of(mention_at(one, headed)) if headed is not None else None,
        edge=edge,
        when=dated,
        through=edge is Edge.END,
        tense=tense,
        negated=any(match.groupdict().get(group) for group in ("not", "never", "held_never")),
    )


def end_said(match: re.Match[str], one: Clause, text: str, day: date) -> Statement | None:
    """ "X left office as O on D": an end; "X stepped down on D", of whichever office the base ends."""
    number = match.groupdict().get("o")
    dated = match.groupdict().get("d")
    if number is None and dated is None:
        return None  # "X resigned": nothing to weigh it against but the base's word
    return Statement(
        claimed=Claimed.HOLDING,
        span=patterns.span(one, match, text),
        holder=name_of(mention_at(one, match["h"])),
        office=name_of(mention_at(one, number)) if number is not None else None,
        edge=Edge.END,
        when=date_of(mention_at(one, dated), one, day) if dated is not None else None,
        # Never negated: the pattern's own words hold no "not", and a name's may ("The Not Forgotten Association
        # left"), which denies nothing.
    )


def term_edge(match: re.Match[str], one: Clause, text: str, day: date) -> Statement:
    """ "X's term as O ended (began) on D", "X took up the post of O in D": an end (a start); of a body's head
    ("X's tenure at B began", "X left the Dutch premiership")."""
    dated = match.groupdict().get("d")
    headed = match.groupdict().get("hb")
    span = patterns.span(one, match, text)
    verb = " ".join((match.groupdict().get("verb") or "").lower().split())
    return Statement(
        claimed=Claimed.HOLDING,
        span=span,
        holder=name_of(mention_at(one, match["h"])),
        office=office_of(one, match) if headed is None else None,
        body=name_of(mention_at(one, headed)) if headed is not None else None,
        edge=Edge.END if verb in patterns.ENDING else Edge.START,
        when=date_of(mention_at(one, dated), one, day) if dated is not None else None,
        tense=Tense.PAST,
        # Never negated, as end_said's: a "not" could only be a name's ("The Never Again Foundation's term").
    )


def handed(match: re.Match[str], one: Clause, text: str, handed: bool, day: date) -> Statement:
    """ "X handed the post of O (NATO's top job) to Y on D" (Y succeeded X); "X did not succeed Y (as O)"."""
    first, second = name_of(mention_at(one, match["h"])), name_of(mention_at(one, match["p"]))
    office, headed, dated = (match.groupdict().get(group) for group in ("o", "hb", "d"))
    span = patterns.span(one, match, text)
    return Statement(
        claimed=Claimed.SUCCESSION,
        span=span,
        holder=second if handed else first,
        other=first if handed else second,
        office=name_of(mention_at(one, office)) if office is not None else None,
        body=name_of(mention_at(one, headed)) if headed is not None else None,
        when=date_of(mention_at(one, dated), one, day) if dated is not None else None,
        negated=not handed,
    )


def took_over(match: re.Match[str], one: Clause, text: str, day: date) -> Statement:
    """ "X will take over NATO on D from Y", "X replaced Y at the head of NATO on D", "X ..., replacing Y": X
    succeeded Y as the body's head (or the office named), on D."""
    dated = match.groupdict().get("d") or match.groupdict().get("d2")
    part = match.groupdict().get("part")
    start, end = patterns.origin(one, match, "part" if part else None)
    return Statement(
        claimed=Claimed.SUCCESSION,
        span=text[start:end],
        holder=name_of(mention_at(one, match["h"])),
        other=name_of(mention_at(one, match["p"])),
        office=name_of(mention_at(one, match["o"])) if match.groupdict().get("o") else None,
        body=name_of(mention_at(one, match["hb"])) if match.groupdict().get("hb") else None,
        when=date_of(mention_at(one, dated), one, day) if dated is not None else None,
    )


def successor_is(match: re.Match[str], one: Clause, text: str) -> Statement:
    """ "X's successor is Y" (Y succeeded X); "Y's predecessor was X" (Y succeeded X)."""
    named, other = name_of(mention_at(one, match["h"])), name_of(mention_at(one, match["p"]))
    successor = match["which"] == "successor"
    office = match.groupdict().get("o")
    return Statement(
        claimed=Claimed.SUCCESSION,
        span=patterns.span(one, match, text),
        holder=other if successor else named,
        other=named if successor else other,
        office=name_of(mention_at(one, office)) if office is not None else None,
        negated=bool(match.groupdict().get("not")),
    )


def office_of(one: Clause, match: re.Match[str]) -> str:
    """The office a pattern names: "prime minister of the Netherlands" whole where the reader did not know
    "prime minister" alone as one of the base's offices."""
    office = mention_at(one, match["o"] if "o" in match.groupdict() else match["b2"])
    body = match.groupdict().get("ob")
    if body is None or name_of(office) != office.text:
        return name_of(office)
    return one.sentence.text[office.start - one.sentence.start : mention_at(one, body).end - one.sentence.start]


def once(match: re.Match[str], one: Clause, text: str) -> Statement:
    """ "X, once O": X held O, and no longer does."""
    return Statement(
        claimed=Claimed.HOLDING,
        span=patterns.span(one, match, text),
        holder=name_of(mention_at(one, match["h"])),
        office=office_of(one, match),
        edge=Edge.END,
    )


def number(match: re.Match[str], one: Clause, text: str, day: date, fronted: str | None) -> Statement | None:
    """ "NATO has 32 members" ("In September 2024, NATO had 32 members": `fronted`, the date told first)."""
    count = number_in(match["n"].lower().replace(",", ""))  # "32,000"
    if count is None:
        return None
    measure = match["measure"].split()[-1]
    verb = match["verb"].lower()
    start = one.origins[match.start("subject")] if match["subject"] is not None else one.origins[match.start()]
    fronted = fronted or match["fd"]  # "On D, the alliance had N members": a subject no name marks
    dated = match["nd"] or fronted
    if fronted is not None:
        start = mention_at(one, fronted).start
    end = one.origins[match.end() - 1] + 1
    # "32 member countries": the measure's words after its first, which the statement is of too.
    end += len(_MEASURE_GOES_ON.match(text, end, one.sentence.sentence.end)[0])  # type: ignore[index]
    return Statement(
        claimed=Claimed.NUMBER,
        span=text[start:end],
        subject=name_of(mention_at(one, match["b"])) if match["b"] is not None else match["subject"],
        number=count,
        when=date_of(mention_at(one, dated), one, day) if dated is not None else None,
        measure=measure,
        tense=Tense.PAST if verb.split()[0] in patterns.PAST_NUMBER else Tense.PRESENT,
        negated=bool(patterns.NEGATION.search(text[one.origins[match.start()] : one.origins[match.end() - 1] + 1])),
    )


# Lower-case words that go on with a measure, up to punctuation or a word that opens another clause.
# Not a word of an adverb ("temporarily") or a participle ("including Japan"), nor one that compares or adds.
_MEASURE_GOES_ON = re.compile(
    r"(?:\s+(?!(?:and|or|but|which|who|that|while|as|in|on|at|since|until|by|for|from|to|of|with|under|after|"
    r"before|during|among|against|without|more|less|fewer|plus|minus|than|outside|inside|besides|beyond|too|also|"
    r"each|all|only|[a-z]+(?:ing|ly))\b)[a-z][\w-]*)*"
)


def length_said(match: re.Match[str], one: Clause, text: str) -> Statement | None:
    told = match.groupdict().get("n")
    years = number_in(told.lower()) if told is not None else None
    length = (
        Duration(years=years) if years is not None else length_of(mention_at(one, match["l"])) if not told else None
    )
    if length is None:
        return None
    body, office = match.groupdict().get("b"), match.groupdict().get("b2")
    return Statement(
        claimed=Claimed.DURATION,
        span=patterns.span(one, match, text),
        holder=name_of(mention_at(one, match["h"])),
        office=name_of(mention_at(one, body)) if body is not None else office_of(one, match) if office else None,
        noun=match.groupdict().get("noun"),
        length=length,
        negated=bool(patterns.NEGATION.search(patterns.span(one, match, text))),
    )


def date_of(mention: Mention | None, one: Clause, day: date) -> Edtf | None:
    """The date a date mention names, at its precision, a relative one counted from `day`."""
    if mention is None or mention.expression is None or mention.expression.first is None:
        return None
    tense = tense_at(one.sentence.text, mention.start - one.sentence.start)
    return resolution.resolve(mention.expression.first, mention.expression.text, anchor(day), tense).value


def length_of(mention: Mention | None) -> Duration | None:
    """ "for ten years", "after 14 years": a length, from a length mention."""
    if mention is None or mention.expression is None or mention.expression.length is None:
        return None
    unit = mention.expression.length_unit or "year"
    length = mention.expression.length
    # "for more than ten years", "for nearly a decade": a bound, not the length.
    bounded = _BOUND.search(mention.text)
    bound = _BOUNDS[" ".join(bounded[0].lower().split())] if bounded is not None else ""
    return Duration(years=length, bound=bound) if unit.startswith("year") else Duration(months=length, bound=bound)


_BOUND = re.compile(r"\b(?:more\s+than|over|nearly|almost|less\s+than|under)\b", re.IGNORECASE)
_BOUNDS = {
    "more than": "more",
    "over": "more",
    "nearly": "nearly",
    "almost": "nearly",
    "less than": "less",
    "under": "less",
}


def anchor(day: date) -> Edtf:
    return Edtf(year=day.year, month=day.month, day=day.day)


def mention_at(one: Clause, number: str) -> Mention:
    return one.marked[int(number)]


def name_of(mention: Mention) -> str:
    """A mention as the judges resolve it: the base's id where the reader knew it, else the words as typed."""
    known = bool(mention.ref) and not mention.ref.startswith(("new:", "office:"))
    return mention.ref if known else mention.text
