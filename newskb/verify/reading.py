"""Reading a text into the statements `verify` checks, with the drafting reader's stages.

In: a text (a sentence, or an article) and the fact base's entities. Out: its statements, in order, each a
`Statement` (statements.py) with the words it was read from. The text goes through the reader's stages
(sentences, mentions, clauses, findings: newskb/draft/), and each finding about a term becomes a statement
(a start, an end, a succession, a length, a past holding); the patterns below add what a draft never needs
and a fact-check does, each matched on a clause's template:

- a holding said with a copula: "X is/was/has been/remains (not) [the] O [in D | until D | since D]", or in
  the passive: "(In D) the post of O was held by X";
- a holding of the office that heads a body: "X is in charge of B", "B was run by X", "X leads B", "X's
  tenure at B began in D", "X left the B premiership";
- a number: "X has/had/comprises N things";
- a length: "X led/ran/headed Y (or "the alliance") for N years", "X spent N years as O";
- an attribution: "According to X, ...", "X said (that) ...", "..., X said", "X (officials) expect ...".

shapes.py makes each pattern's match a statement; claims.py reads an attribution and a sentence no pattern reads;
remainder.py what a sentence says besides its statements.

A sentence none of these reads is checked whole as a claim (or an event) against the base's claims and
events. A name is kept as the base's id where the reader recognised it, else as typed: the judges resolve
it by lookup's rules, and a name the base does not hold makes a statement not in the base.
"""

import re
import sqlite3
from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from newskb.answers.lookup import resolve
from newskb.common.errors import AmbiguousNameError, NotFoundError
from newskb.common.kinds import Modality
from newskb.draft import resolution, when
from newskb.draft.clauses import Clause, clause
from newskb.draft.findings import Finding, Rule, findings
from newskb.draft.mentions import Entity, Mark
from newskb.draft.records import Known
from newskb.draft.sentences import split
from newskb.draft.tense import tense_at
from newskb.draft.timewords import MONTHS, WEEKDAYS
from newskb.verify import claims, patterns, remainder, shapes
from newskb.verify.statements import Claimed, Edge, Statement, Tense
from newskb.verify.terms import HOLDERS


class Reader:
    """The fact base's side of reading, made once for every text of a run (`verify -` reads many)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        from newskb.draft.known import known
        from newskb.draft.reading import lexicon

        self.known: Known = known(connection)
        self.lexicon = lexicon(self.known.entities)
        self._names: re.Pattern[str] | None = None
        self._cased: dict[str, str] = {}
        self.connection = connection

    def statements(self, text: str, day: date) -> list[Statement]:
        """Every statement of `text`, in order; a relative date ("tomorrow") counts from `day`. A text written
        all in lower case ("mark rutte became nato secretary general ...") is read with the base's names as
        the base writes them; its statements keep the words as typed."""
        typed_text = text
        if not any(character.isupper() for character in text):
            text = self._with_names_cased(text)
        found = self._statements(text, day)
        if text is typed_text or len(text) != len(typed_text):
            return found
        return [
            replace(item, span=typed_text[at : at + len(item.span)]) if (at := text.find(item.span)) >= 0 else item
            for item in found
        ]

    def _shared(self, entities: Mapping[str, Entity]) -> dict[str, str]:
        """The known entities the text names by a name or alias another entity has too, each with that form:
        judged by it as typed, which lookup refuses as naming more than one, never as the one the reader took."""
        shared: dict[str, str] = {}
        for key, entity in entities.items():
            for form in entity.forms if entity.known is not None else ():
                try:
                    resolve(self.connection, form, HOLDERS, "person, organization or country")
                except AmbiguousNameError:
                    shared[key] = form
                except NotFoundError:
                    continue
        return shared

    def _with_names_cased(self, text: str) -> str:
        """A text in lower case with the fact base's names and aliases written as the base writes them."""
        if self._names is None:
            labels = {label.lower(): label for entity in self.known.entities for label in entity.labels}
            labels = {lower: label for lower, label in labels.items() if len(lower) >= 3 and label != lower}
            # The calendar's names too ("october 1"), but not "may", which is far more often a verb.
            labels |= {word: word.capitalize() for word in (*WEEKDAYS, *MONTHS) if len(word) >= 4 and word != "may"}
            self._cased = labels
            alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
            self._names = re.compile(rf"(?<!\w)(?:{alternatives or '(?!)'})(?!\w)")
        return self._names.sub(lambda match: self._cased[match[0]], text)

    def _statements(self, text: str, day: date) -> list[Statement]:
        from newskb.draft.reading import read

        reading = read(text, split(text), self.known.entities, self.lexicon)
        # A name the reader matched despite a typo ("Mark Ruttes") is judged as typed, never as the name it is
        # close to: a verdict is never supported on a fuzzy match.
        typed = {key: entity.typo[0] for key, entity in reading.entities.items() if entity.typo is not None}
        typed |= {key: form for key, form in self._shared(reading.entities).items() if key not in typed}
        found: list[Statement] = []
        for told in reading.sentences:
            if _ASKS.match(told.sentence.text) and told.sentence.text.rstrip().endswith("?"):
                continue  # a question of who or what states nothing ("Why did Rutte replace Stoltenberg in 1990?")
            one = clause(told)
            read_, covered = _read_clause(one, text, day)
            statements = sorted(read_, key=lambda item: remainder.located(item, one, text))
            unread = remainder.unread(one, text, statements)
            found.extend([replace(item, unread=unread) for item in statements] or claims.claim(one, day))
            found.extend(remainder.rest(one, text, statements, covered) if statements else [])
        # A sentence that only denies ("... on 1 October 2024. False."): what the others say, it turns.
        denied = tuple(
            told.sentence.text.strip() for told in reading.sentences if _DENIAL.fullmatch(told.sentence.text)
        )
        found = [replace(item, unread=(*item.unread, *denied)) for item in found] if denied else found
        return [_as_typed(statement, typed) for statement in found]


_DENIAL = re.compile(r"\s*(?:false|not|not\s+true|untrue|wrong|incorrect|no|fake|not\s+so)\s*[.!]*\s*", re.IGNORECASE)
# A question that asks for something rather than whether ("Did Rutte replace Stoltenberg?" asks what it states).
_ASKS = re.compile(r"\s*(?:who|whom|whose|what|when|where|why|how|which)\b", re.IGNORECASE)


def _read_clause(one: Clause, text: str, day: date) -> tuple[list[Statement], list[tuple[int, int]]]:
    """The statements of one clause: an attribution (the words inside it are its speaker's, not statements of
    their own) and what is said of the speaker; else the reader's findings about terms, then the patterns
    below, on the clause and on each part that leaves its subject out ("X became O in D and stepped down");
    and the words the findings and patterns read."""
    attributed = claims.attribution(one, text)
    found_by_reader = findings(one)
    found: list[Statement] = []
    covered: list[tuple[int, int]] = []
    for finding in found_by_reader:
        told = _from_finding(finding, one, text, day)
        found += told
        # Only what a statement checks is read: "... *before he was fired*" (an end of no office) is not.
        covered += [(finding.start, finding.end)] if told else []
    for part in (one, *_elided(one)):
        _patterns(part, text, day, found, covered)
    seen: set[tuple[object, ...]] = set()
    found = [item for item in found if not (_key(item) in seen or seen.add(_key(item)))]  # type: ignore[func-returns-value]
    found = [item for item in found if not any(_says_less(item, other) for other in found)]
    if attributed is None:
        return found, covered
    statement, said = attributed
    outside = [item for item in found if not patterns.inside(remainder.words_of(item, one, text), [said])]
    return [statement, *outside], [*covered, said]


def _patterns(one: Clause, text: str, day: date, found: list[Statement], covered: list[tuple[int, int]]) -> None:
    """Adds to `found` what the patterns read in a clause that the reader's findings did not."""
    for pattern in (patterns.LENGTH, patterns.AFTER_AS, patterns.RUN_AS, patterns.YEARS_OF, patterns.SPENT):
        for match in pattern.finditer(one.template):
            statement = shapes.length_said(match, one, text)
            if statement is not None and not any(item.claimed is Claimed.DURATION for item in found):
                found.append(statement)
                covered.append(patterns.origin(one, match))
    for pattern in (
        patterns.TERM_OF,
        patterns.TOOK_POST,
        patterns.HEADSHIP,
        patterns.HEAD_START,
        patterns.TOP_JOB,
        patterns.CHOSEN_TO_LEAD,
    ):
        for match in pattern.finditer(one.template):
            found.append(shapes.term_edge(match, one, text, day))
            covered.append(patterns.origin(one, match))
    for pattern in (patterns.NOT_SUCCEED, patterns.HANDED):
        for match in pattern.finditer(one.template):
            found.append(shapes.handed(match, one, text, pattern is patterns.HANDED, day))
            covered.append(patterns.origin(one, match))
    for match in patterns.SUCCESSOR_IS.finditer(one.template):
        found.append(shapes.successor_is(match, one, text))
        covered.append(patterns.origin(one, match))
    took = (patterns.TOOK_OVER, patterns.REPLACED_AT, patterns.PARTICIPLE)
    for match in (match for pattern in took for match in pattern.finditer(one.template)):
        found.append(shapes.took_over(match, one, text, day))
        covered.append(patterns.origin(one, match, "part" if match.groupdict().get("part") else None))
    for match in patterns.END_SAID.finditer(one.template):
        statement = shapes.end_said(match, one, text, day)
        if statement is not None and not patterns.inside(patterns.origin(one, match), covered):
            found.append(statement)
            covered.append(patterns.origin(one, match))
    _holdings(one, text, day, found, covered)
    front = patterns.FRONTED.match(one.template)
    for match in patterns.NUMBER.finditer(one.template):
        fronted = front["fd"] if front and match.start() == front.end() else None
        statement = shapes.number(match, one, text, day, fronted)
        if statement is not None:
            found.append(statement)


def _holdings(one: Clause, text: str, day: date, found: list[Statement], covered: list[tuple[int, int]]) -> None:
    """Adds the holdings told without a verb of starting or ending: "X, once O"; "X is (not) O (in D)"."""
    for match in patterns.ONCE_APPOSED.finditer(one.template):
        found.append(shapes.once(match, one, text))
        covered.append(patterns.origin(one, match))
    front = patterns.FRONTED.match(one.template)
    holdings = (
        patterns.COPULA,
        patterns.COPULA_BACK,
        patterns.HELD_BY,
        patterns.IN_CHARGE,
        patterns.RUN_BY,
        patterns.LEADS,
    )
    for pattern in holdings:
        for match in pattern.finditer(one.template):
            fronted = front["fd"] if front and match.start() == front.end() else None
            statement = shapes.copula(match, one, text, day, fronted)
            # From its verb: "X, once O, is P" (or "X, who became P in D, was O") holds a second holding after
            # the one read between its commas.
            told = patterns.origin(one, match, "verb" if pattern in _FROM_THE_VERB else None)
            if statement is not None and not patterns.overlaps(told, covered):
                found.append(statement)


# The holdings whose words count from their verb (the holder before it may be another statement's too).
_FROM_THE_VERB = (patterns.COPULA, patterns.IN_CHARGE, patterns.LEADS)
# "..., and had earlier been O", "... and stepped down on D": a part of a clause that leaves its subject out.
_AND = re.compile(f"(?:,\\s*|\\s+)and\\s+(?={patterns.ONCE}?[a-z])")


def _elided(one: Clause) -> list[Clause]:
    """Each part after "and" that names no subject, as a clause of its own with the clause's first holder put
    back in front: its statements' words run from that holder to the part's end."""
    first = re.search(patterns.HOLDER, one.template)
    if first is None:
        return []
    parts = []
    for match in _AND.finditer(one.template, first.end()):
        head = one.template[first.start() : first.end()]
        template = f"{head} {one.template[match.end() :]}"
        origins = (*one.origins[first.start() : first.end()], one.origins[match.end() - 1], *one.origins[match.end() :])
        parts.append(Clause(sentence=one.sentence, template=template, origins=origins, marked=one.marked))
    return parts


def _key(statement: Statement) -> tuple[object, ...]:
    """What a statement claims, without its words: one claim read twice is one statement."""
    return (
        statement.claimed,
        statement.holder,
        statement.office,
        statement.edge,
        statement.when,
        statement.until,
        statement.other,
        statement.body,
        statement.subject,
        statement.number,
        statement.length,
        statement.negated,
    )


def _says_less(one: Statement, other: Statement) -> bool:
    """Whether a succession says only part of what another says ("Rutte replaced Stoltenberg" beside "Rutte replaced
    Stoltenberg at the head of NATO on 1 October 2024"): the same two people, and no office or day of its own."""
    same = (one.claimed, one.holder, one.other, one.negated) == (
        other.claimed,
        other.holder,
        other.other,
        other.negated,
    )
    mine, theirs = (one.office, one.body, one.when), (other.office, other.body, other.when)
    return (
        one.claimed is Claimed.SUCCESSION
        and same
        and mine != theirs
        and all(value is None or value == their for value, their in zip(mine, theirs, strict=True))
    )


def _from_finding(finding: Finding, one: Clause, text: str, day: date) -> list[Statement]:
    """A finding of the reader as the statements it makes."""
    span = text[finding.start : finding.end]
    negated = bool(patterns.NEGATION.search(span))
    holder, office = shapes.name_of(finding.holder), shapes.name_of(finding.office) if finding.office else None
    tense = Tense.FUTURE if finding.modality is Modality.ANNOUNCED else Tense.PAST
    base = Statement(claimed=Claimed.HOLDING, span=span, holder=holder, office=office, tense=tense, negated=negated)
    dated = shapes.date_of(finding.date, one, day) if finding.date is not None else None
    rule = finding.rule
    if rule in (Rule.START, Rule.APPOINTED, Rule.SINCE):
        if finding.office is None:
            return []
        started = [replace(base, edge=Edge.START, when=dated, tense=_since(base) if rule is Rule.SINCE else base.tense)]
        appointer = finding.org.text if rule is Rule.APPOINTED and finding.org is not None else None
        if appointer is not None and appointer.lower() not in finding.office.text.lower():
            # "The EU chose Rutte as NATO Secretary General": who chose is a claim the term does not make.
            started.append(Statement(claimed=Claimed.CLAIM, span=span, said=span))
        return started
    if rule is Rule.END:
        # "X became O in D and stepped down on D": the clause's one office is the one left.
        offices = [mention for mention in one.marked if mention.mark is Mark.OFFICE]
        left = finding.office or (offices[0] if len(offices) == 1 and dated is not None else None)
        if left is None:
            # "X stepped down on D": of whichever office the base ends (terms.py); undated, nothing to weigh. "X left
            # NATO on D", "X quit Russia on D": of an office at the head of that body, never of another.
            body = shapes.name_of(finding.org) if finding.org is not None else None
            return [replace(base, office=None, body=body, edge=Edge.END, when=dated)] if dated is not None else []
        return [replace(base, office=shapes.name_of(left), edge=Edge.END, when=dated)]
    if rule is Rule.FORMER:
        return [replace(base, edge=Edge.END, when=None)] if finding.office is not None else []
    if rule in (Rule.REPLACING, Rule.SUCCEEDS, Rule.PREDECESSOR, Rule.SUCCESSOR):
        if finding.other is None or finding.holder is finding.other:
            return []
        new, old = (finding.holder, finding.other) if rule is not Rule.SUCCESSOR else (finding.other, finding.holder)
        return [
            replace(base, claimed=Claimed.SUCCESSION, holder=shapes.name_of(new), other=shapes.name_of(old), when=dated)
        ]
    if rule is Rule.LENGTH:
        length = shapes.length_of(finding.date)
        place = finding.office or finding.org
        if length is None:
            return []
        return [replace(base, claimed=Claimed.DURATION, office=shapes.name_of(place) if place else None, length=length)]
    if rule in (Rule.SERVED, Rule.LED):
        return _served(finding, base, one, day)
    if rule is Rule.TITLE and finding.office is not None:
        # "NATO chief Stoltenberg was replaced on D": a clause that tells a day tells of a title held up to it, not
        # on the day asked; as of which day before it, the title does not say.
        dated_clause = any(mention.mark is Mark.POINT for mention in one.marked)
        return [replace(base, edge=Edge.DURING, tense=Tense.PAST if dated_clause else Tense.PRESENT)]
    return []


def _since(base: Statement) -> Tense:
    """ "has been O since D", "X, O since D": begun then, and held still (present); not "had been O since D",
    a holding that may have ended since, nor one told of the future."""
    return base.tense if base.tense is Tense.FUTURE or _PAST_PERFECT.search(base.span) else Tense.PRESENT


# "had been O since D": a start, and a holding that ended before the time told of.
_PAST_PERFECT = re.compile(r"\bhad\b", re.IGNORECASE)


def _served(finding: Finding, base: Statement, one: Clause, day: date) -> list[Statement]:
    """ "X served as O from A to B" (one statement of its span), "X was O until B", "since A"."""
    mention = finding.date
    if finding.office is None and finding.org is None:
        return []
    if finding.office is not None:
        base = replace(base, office=shapes.name_of(finding.office))
    else:  # "X led NATO from 2014 to 2024": a holding of the office that heads the body (bodies.py)
        base = replace(base, office=None, body=shapes.name_of(finding.org))  # type: ignore[arg-type]
    if mention is None or mention.expression is None:
        return [base]
    expression = mention.expression
    tense = tense_at(one.sentence.text, mention.start - one.sentence.start)
    anchor = shapes.anchor(day)
    first = resolution.resolve(expression.first, expression.text, anchor, tense).value if expression.first else None
    second = resolution.resolve(expression.second, expression.text, anchor, tense).value if expression.second else None
    if expression.shape is when.Shape.UNTIL:
        return [replace(base, edge=Edge.END, when=first, through=True)]
    if expression.shape is when.Shape.SINCE:
        return [replace(base, edge=Edge.START, when=first, tense=_since(base))]
    if expression.shape is when.Shape.RANGE:
        return [replace(base, edge=Edge.SPAN, when=first, until=second)]
    return [replace(base, edge=Edge.DURING, when=first)]


def _as_typed(statement: Statement, typed: dict[str, str]) -> Statement:
    """A statement whose names the reader matched despite a typo, with those names as typed."""
    if not typed:
        return statement
    names = {"holder": statement.holder, "other": statement.other, "subject": statement.subject}
    names["speaker"] = statement.speaker
    retyped = {field: typed[value] for field, value in names.items() if value in typed}
    return replace(statement, **retyped) if retyped else statement  # type: ignore[arg-type]
