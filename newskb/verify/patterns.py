"""The shapes of sentence `verify` reads beyond what the drafting reader finds, as regular expressions
over a clause's template (newskb/draft/clauses.py: each mention a marker, the words between as written).

reading.py matches them and makes each match a statement; their order there is their priority.
"""

import re

from newskb.common.words import HEDGE_WORDS, NUMBER_VALUES
from newskb.draft.clauses import OPEN, Clause, marker
from newskb.draft.fragments import PLACES
from newskb.draft.timewords import WEEKDAYS

HOLDER = marker("h", "PGC")
OFFICE = marker("o", "O")
WHEN = marker("d", "DSU")
BODY = marker("b", "PGCO")
NOT = r"(?P<not>\s+(?:not(?:\s+yet)?|never|no\s+longer))?"
# "prime minister of the Netherlands": an office phrase with its body after it.
OF_BODY = f"(?:\\s+of\\s+(?:the\\s+)?{marker('ob', 'GC')})?"
DET = r"(?:(?:the|a|an)\s+)?"
# A holder and an aside after it that the statement passes over ("X, who ..., is O"; reading.py reads the aside
# apart).
HOLDER_ASIDE = f"{HOLDER}(?:,[^,]{{1,90}},)?"
# "had earlier been", "was once": a past holding, told with an adverb of time.
ONCE = r"(?:(?:earlier|previously|once|formerly|also|later)\s+)"
# "X is already O": an adverb that leaves a holding's time as the verb tells it.
NOW = r"(?:already|currently|now|officially|still|indeed)"
# "X is the sitting O": an adjective that says no more than the verb's tense.
SITTING = r"(?:(?:sitting|current|incumbent|serving)\s+)?"
# "X is (not) NATO chief (since 2019)"; "the NATO chief is X".
COPULA = re.compile(
    f"{HOLDER_ASIDE}\\s+(?P<verb>is|was|has\\s+been|had\\s+been|remains|remained|will\\s+be|"
    f"would\\s+be|became|is\\s+still|was\\s+still|had\\s+{ONCE}been|has\\s+{ONCE}been|{ONCE}was|"
    f"(?P<never>did\\s+not\\s+become|didn't\\s+become|never\\s+became)|"
    f"(?P<held_never>never\\s+served\\s+as|never\\s+held)){NOT}(?:\\s+{NOW})?\\s+{DET}{SITTING}{OFFICE}"
    f"{OF_BODY}(?:\\s+{WHEN})?"
)
# "On 1 October 2024, X was still O", "As of 30 September 2024, NATO had 32 members": a date told before the
# holding or number it dates.
# "On 1 October 2024, X ...", "As of June, the alliance ...": a date told before the subject.
FRONT_DATE = f"(?:(?i:as\\s+of)\\s+)?{marker('fd', 'DSU')},?\\s+"
FRONTED = re.compile(f"^{FRONT_DATE}(?={OPEN}[PGC])")
# "X, once O": a past holding, told in apposition (the reader reads "X, the former O").
ONCE_APPOSED = re.compile(f"{HOLDER},\\s+(?:once|formerly|previously)\\s+{DET}{OFFICE}")
COPULA_BACK = re.compile(f"(?i:the\\s+)?{OFFICE}\\s+(?P<verb>is|was){NOT}\\s+{HOLDER}")
# A holding told of the body it heads, not of an office (terms.py takes the body's head): "X is (no longer) in
# charge of NATO", "X was at the helm of B in D"; "B was run by X"; "X leads B", "X headed B in D" (a length,
# "for ten years", is LENGTH's).
HEADED = marker("hb", "GC")
IN_CHARGE = re.compile(
    f"{HOLDER_ASIDE}\\s+(?P<verb>is|was|has\\s+been|had\\s+been|remains|remained|will\\s+be|"
    f"became|is\\s+still|was\\s+still){NOT}(?:\\s+{NOW})?\\s+(?:in\\s+charge|at\\s+the\\s+helm)\\s+of\\s+"
    f"{HEADED}(?:\\s+{WHEN})?"
)
RUN_BY = re.compile(
    f"{HEADED}\\s+(?P<verb>is|was|has\\s+been|had\\s+been|will\\s+be){NOT}\\s+(?:run|led|headed)\\s+by\\s+"
    f"{HOLDER}(?:\\s+{WHEN})?"
)
LEADS = re.compile(
    f"{HOLDER_ASIDE}\\s+(?:{NOW}\\s+)?(?P<verb>leads|heads|runs|led|headed|ran)\\s+{HEADED}(?:\\s+{WHEN})?"
    f"(?!\\s*{OPEN}L)"
)
NUMBER = re.compile(
    f"(?:{BODY}|(?:^(?:{FRONT_DATE})?|,?\\s+and\\s+)(?P<subject>(?i:the\\s+)?[A-Za-z][\\w'-]*(?:\\s+[A-Za-z][\\w'-]*){{0,3}}?))"
    f"(?:\\s+{marker('nd', 'D')})?\\s+(?:{NOW}\\s+)?(?P<verb>has|had|have|comprises|comprised|counts|counted|"
    r"includes|included|numbers|numbered|is\s+made\s+up\s+of|was\s+made\s+up\s+of|consists\s+of|consisted\s+of)\s+"
    r"(?:(?:some|about|around|exactly|only|just)\s+)?(?P<n>\d{1,3}(?:,\d{3})+|\d+|[a-z]+(?:-[a-z]+)?)"
    r"\s+(?P<measure>(?:[\w-]+\s+){0,2}?[\w-]+?)(?=[\s.,;:]|$)"
)
# "X led NATO for ten years", "X, who governed B for ten years, ...", "X led the alliance for ten years" (a body
# a noun stands for: the one body of X's terms, terms.py), "X was O for ten years".
LENGTH = re.compile(
    f"(?P<set_off>(?<=, ))?{HOLDER}(?:,\\s+who|(?(set_off),)|,[^,]{{1,90}},)?\\s+(?:(?:(?:has|had|did\\s+not|didn't|"
    f"never)\\s+)?(?:lead|led|ran|run|headed|head|ruled|governed|chaired|coached|managed)\\s+(?:(?:the\\s+)?{BODY}"
    f"(?:\\s+government)?|the\\s+(?P<noun>{PLACES})\\b)|(?:was|served\\s+as)\\s+{DET}{marker('b2', 'O')}{OF_BODY})\\s+"
    f"{marker('l', 'L')}"
)
# "X took office ... after 14 years as O": a length of X's term as O (the length mention holds its "after").
AFTER_AS = re.compile(f"{HOLDER}.*?{marker('l', 'L')}\\s*as\\s+{DET}{marker('b2', 'O')}")
# "X spent 14 years as O": a length of X's term as O, told in years.
SPENT = re.compile(
    f"{HOLDER}\\s+(?:has\\s+|had\\s+)?spent\\s+(?P<n>\\d+|[a-z]+)\\s+years\\s+as\\s+{DET}{marker('b2', 'O')}{OF_BODY}"
)
# "X's term as O ended (began) on D", "X's tenure at B began in D" (of the office that heads B).
TERM_OF = re.compile(
    f"{HOLDER}['\u2019]s\\s+(?:term|tenure|time)\\s+(?:as\\s+{DET}{OFFICE}{OF_BODY}|at\\s+{HEADED})\\s+"
    f"(?P<verb>ended|began|started)(?:\\s+{WHEN})?"
)
# "X left the Dutch premiership in D", "X took over the NATO leadership": the office that heads a body, told
# by a noun of heading it; a start or an end by the verb (ENDING).
HEADSHIP = re.compile(
    f"{HOLDER}\\s+(?P<verb>took\\s+over|took|assumed|won|left|quit|gave\\s+up|resigned\\s+from|stepped\\s+down\\s+from)"
    f"\\s+the\\s+{HEADED}\\s+(?:leadership|premiership|presidency|chairmanship|helm)(?:\\s+{WHEN})?"
)
ENDING = {"ended", "left", "quit", "gave up", "resigned from", "stepped down from"}
# "X took up the post of O (in D)": a start.
TOOK_POST = re.compile(
    f"{HOLDER}\\s+(?:took\\s+up|took\\s+over|assumed|took|entered)\\s+(?:the\\s+)?(?:post|office|role|job|position|"
    f"duties)\\s+of\\s+{DET}{OFFICE}{OF_BODY}(?:\\s+{WHEN})?"
)
# "X did not succeed Y (as O)": a succession, denied (a plain one is the reader's).
NOT_SUCCEED = re.compile(
    f"{HOLDER}\\s+(?:did\\s+not|didn't|never|has\\s+not|hasn't)\\s+(?:succeed|replace)\\s+"
    f"{marker('p', 'PGC')}(?:\\s+as\\s+{DET}{OFFICE})?"
)
# "X handed (over) the post of O (over) to Y": Y succeeded X.
HANDED = re.compile(
    f"{HOLDER_ASIDE}\\s+(?:handed|passed)\\s+(?:(?:over\\s+)?(?:(?:the\\s+)?(?:post|office|role|job|"
    f"position|reins)\\s+of\\s+{DET}{OFFICE}|{HEADED}['\u2019]s\\s+top\\s+(?:job|post))\\s+(?:over\\s+)?|over\\s+)to\\s+"
    f"{marker('p', 'PGC')}(?:,?\\s+{WHEN})?"
)
# "(In D) the post of O was held by X": a holding, told in the passive.
HELD_BY = re.compile(
    f"^(?:{WHEN},?\\s+)?(?i:the\\s+)?(?:(?:post|office|role|job|position)\\s+of\\s+)?{DET}{OFFICE}\\s+"
    f"(?P<verb>is|was|has\\s+been){NOT}\\s+held\\s+by\\s+{HOLDER}"
)
# "X took the helm at NATO on D", "X took office at B", "X took over at B", "X will take up NATO's top job": a start
# of the office that heads B.
_STARTING = (
    r"(?P<verb>(?:(?:will|would|is\s+to)\s+)?(?:(?:officially|formally|finally|first)\s+)?"
    r"(?:took|take|takes|assumed|assume|assumes))"
)
HEAD_START = re.compile(
    f"{HOLDER}\\s+{_STARTING}\\s+(?:the\\s+(?:helm|reins)\\s+(?:at|of)|(?:office|over|charge)\\s+at)\\s+{HEADED}"
    f"(?:,?\\s+{WHEN})?"
)
TOP_JOB = re.compile(
    f"{HOLDER}\\s+{_STARTING}\\s+(?:up\\s+)?{HEADED}['\u2019]s\\s+top\\s+(?:job|post)(?:,?\\s+{WHEN})?"
)
# "X was chosen (tapped, picked) to lead NATO (in D)": a start of the office that heads B, by a choice.
CHOSEN_TO_LEAD = re.compile(
    f"{HOLDER}\\s+(?:was|had\\s+been|has\\s+been)\\s+(?:\\w+ly\\s+)?(?:chosen|tapped|picked|selected|named|elected|"
    f"appointed)\\s+to\\s+(?:lead|head|run)\\s+{HEADED}(?:,?\\s+{WHEN})?"
)
# "X will take over NATO on D from Y": a succession as the body's head (the day may stand after Y too).
TOOK_OVER = re.compile(
    f"{HOLDER}\\s+(?:(?:will|would|is\\s+to|has|had)\\s+)?(?:take|takes|took|taken|taking)\\s+over\\s+{HEADED}"
    f"(?:,?\\s+{WHEN})?,?\\s+from\\s+{marker('p', 'P')}(?:,?\\s+{marker('d2', 'DSU')})?"
)
# "X replaced Y at the head of NATO (on D)": a succession as the body's head (or as an office the reader knows
# "head of NATO" to be).
REPLACED_AT = re.compile(
    f"{HOLDER_ASIDE}\\s+(?:replaced|succeeded)\\s+{marker('p', 'P')}\\s+(?:(?:at\\s+the\\s+head|as\\s+"
    f"(?:the\\s+)?head)\\s+of\\s+{HEADED}|at\\s+the\\s+{OFFICE})(?:,?\\s+{WHEN})?"
)
# "X took over at NATO in D, replacing Y (as O, at the head of B)": a succession, told by a participle of the
# clause's one person before it; its words are the participle's alone (what stands between is another statement's,
# or unread).
PARTICIPLE = re.compile(
    f"^(?:(?!{OPEN}[PR]).)*?{HOLDER}(?:(?!{OPEN}[PR]).)*?,\\s+(?P<part>replacing|succeeding)\\s+{marker('p', 'P')}"
    f"(?:\\s+(?:(?:as|at)\\s+(?:the\\s+)?{OFFICE}|at\\s+the\\s+head\\s+of\\s+{HEADED}))?"
)
# "X's successor (as O) is Y", "Y's predecessor was X": a succession told with a copula (or in apposition:
# "Rutte's predecessor, Jens Stoltenberg, ...").
SUCCESSOR_IS = re.compile(
    f"{HOLDER}['\u2019]s\\s+(?P<which>successor|predecessor)(?:\\s+as\\s+{DET}{OFFICE})?"
    f"(?:\\s+(?:is|was|will\\s+be){NOT}|,)\\s+{marker('p', 'P')}"
)
# "After a 14-year run as O, X ...": a length of X's term, told before X is named.
RUN_AS = re.compile(
    f"(?<![\\w-])(?P<n>\\d+|[a-z]+)-year\\s+(?:run|term|tenure|stint|spell|career)\\s+as\\s+{DET}{marker('b2', 'O')}"
    f"{OF_BODY},\\s+{HOLDER}"
)
# "X's 14-year leadership of B": a length of X's term, told as a noun.
YEARS_OF = re.compile(
    f"{HOLDER}['\u2019]s\\s+(?P<n>\\d+|[a-z]+)-year\\s+(?:run|term|tenure|stint|spell|leadership|rule|premiership|"
    f"presidency|reign)(?:\\s+(?:of|at|as)\\s+{DET}(?:{BODY}|{marker('b2', 'O')}{OF_BODY}))?"
)
# "X left office as O on D", "X stepped down": an end.
END_SAID = re.compile(
    f"{HOLDER}\\s+(?:(?:has|had|will)\\s+)?(?P<verb>left\\s+office|left|leaves|stepped\\s+down|steps\\s+down|"
    f"resigned|resigns|retired|retires|quit|quits)(?:\\s+(?:as\\s+)?{DET}{OFFICE})?(?:,?\\s+{WHEN})?"
)
ACCORDING = re.compile(f"^(?i:according\\s+to)\\s+(?:the\\s+)?{marker('s', 'PG')}\\s*,\\s*(?P<said>.+)$")
SAID = re.compile(
    f"^{marker('s', 'PG')}(?:\\s+officials)?(?P<who>,[^,]{{1,90}},)?\\s+(?P<verb>said|says|told\\s+\\w+|stated|"
    f"believes|believed|expects?|expected)\\s+(?:that\\s+)?(?P<said>.+)$"
)
SAID_AFTER = re.compile(f"^(?P<said>.+?),\\s+{marker('s', 'PG')}\\s+(?:said|says)\\.?$")
# An aside between commas ("Stoltenberg, 65, led ..."), which a statement of the main clause passes over.
ASIDE = re.compile(r",\s[^,;]{1,90},")
# "not" turns what a statement says, but not "not only ... but" (which adds to it).
NEGATION = re.compile(r"\b(?:not(?!\s+(?:only|just|merely)\b)|never|no\s+longer|\w+n't)\b", re.IGNORECASE)
# A word that turns what a statement says where no statement read it: a number, a negation, a hedge.
# ... and a span of time no date of the clause reads ("next week", "in a month"): the day it counts to is unknown.
# ... and words no date reads that move or widen the day: a decade ("the 1990s"), a part of a period told before
# it ("at the start of 2024"), a day counted on from another ("Tuesday week", "Tuesday after next"), a half more
# ("a decade and a half"); a comparison ("later than Rutte"); an obligation ("should").
TURNING = re.compile(
    f"\\b(?:\\d[\\d,.]*(?:'?s)?|{'|'.join(sorted(NUMBER_VALUES))}|not|never|\\w+n't|no\\s+longer|{'|'.join(sorted(HEDGE_WORDS))}"
    "|(?:next|last|this|coming|past|following|previous)\\s+(?:day|week|fortnight|month|year|decade)"
    "|(?:a|an|one|\\w+)\\s+(?:days?|weeks?|fortnights?|months?)\\s+(?:later|earlier|from\\s+now|from\\s+today|on)"
    "|in\\s+(?:a|an|one|\\w+)\\s+(?:days?|weeks?|fortnights?|months?|years?)"
    "|(?:start|beginning|end|middle|turn|close|dawn|spring|summer|autumn|fall|winter)\\s+of"
    "(?=\\s+(?:the\\s+)?(?:\\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
    f"|(?:{'|'.join(sorted(WEEKDAYS))}|today|tomorrow|yesterday)\\s+(?:week|fortnight|year)|after\\s+next"
    "|and\\s+a\\s+half|(?:earlier|later|sooner|longer|shorter|older|younger|more|less|fewer|greater)\\s+than"
    "|should|ought\\s+to|(?:a|an|one|\\w+)\\s+(?:weeks?|years?|decades?)\\s+ago|or\\s+did\\s+\\w+|or\\s+not"
    "|(?<=[a-z])\\s+or\\s+(?=[A-Z]))\\b",
    re.IGNORECASE,
)
# A word that says more of a holding than any term can vouch for, wherever it stands: "the first NATO chief",
# "unanimously chosen", "the only secretary general", "the 14th", "the permanent".
QUALIFYING = re.compile(
    r"\b(?:(?<!\bnot )only|sole|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|last(?!\s+(?:day|week|fortnight|month|year|decade))"
    r"|\d+(?:st|nd|rd|th)|unanimously|secretly|permanent|permanently|youngest|oldest)\b",
    re.IGNORECASE,
)
PAST_NUMBER = {"had", "comprised", "counted", "included", "numbered", "was", "consisted"}
PRESENT = {"is", "remains", "is still", "has been", "leads", "heads", "runs"}
FUTURE = {"will be", "would be"}


# Where a match lies in the text it was read from (a clause's template maps back to it), and against
# what other statements already read.
def span(one: Clause, match: re.Match[str], text: str) -> str:
    return text[one.origins[match.start()] : one.origins[match.end() - 1] + 1]


def origin(one: Clause, match: re.Match[str], group: str | None = None) -> tuple[int, int]:
    """Where a match lies in the text, from its start or from one of its groups' start."""
    return one.origins[match.start(group or 0)], one.origins[match.end() - 1] + 1


def overlaps(span: tuple[int, int], covered: list[tuple[int, int]]) -> bool:
    """Whether a copula's words share any with what another statement already read ("was Dutch prime minister
    for 10 years" is a length, not also a holding)."""
    return any(start < span[1] and span[0] < end for start, end in covered)


def inside(span: tuple[int, int], covered: list[tuple[int, int]]) -> bool:
    """Whether a copula's words are already a finding's (the reader read them first)."""
    return any(start <= span[0] and span[1] <= end for start, end in covered)
