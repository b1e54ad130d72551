"""The phrases news uses to say who holds which office (stage 4 of the reader, `findings`, matches them on a
clause's template): "took/will take office as", "was sworn in as", "became", "was appointed/named/elected",
"X appointed Y as", "replacing/succeeding Y", "X succeeds Y", "her predecessor, Y", "former", "who had held
the post since", "who led ... for the past ten years", "served as ... from ... until ...", "led ... from ...
to ...", a title before a name ("Prime Minister Henrik Vale"), "return to the presidency",
"resigned/stepped down/left". Each is a rule (rules.py) and a regular expression over the markers of a
template: `h` is the holder, `o` the office, `d` the date, `r` the other person, `g` an organization.
"""

from __future__ import annotations

import re

from newskb.draft.clauses import CLOSE, OPEN
from newskb.draft.lexicon import HONORIFICS, ORG_NOUNS
from newskb.draft.rules import Rule


def _marker(name: str, marks: str) -> str:
    return f"{OPEN}[{marks}](?P<{name}>\\d+){CLOSE}"


_ANY = f"{OPEN}[A-Z]\\d+{CLOSE}"
_HOLDER = _marker("h", "PR")
_PERSON_H = _marker("h", "P")
_OFFICE = _marker("o", "O")
_OTHER = _marker("r", "PR")  # a pronoun too: "succeeding him" (reading marks one only after such a verb)
_ORG = _marker("g", "GC")
# Words of courtesy or rank before a name ("Lady Harriet Moore"), not part of it.
_COURTESY = "(?:(?:" + "|".join(sorted(word.capitalize() for word in HONORIFICS)) + r")\.?\s+){0,2}"
# An appositive between a name and its verb: ", 53,", ", the provost of Marlow College in St. Paul, Minn.,".
_APPOS = r"(?:,[^;]{1,120}?,|,)?\s*"
# An age after a name, before its relative clause: "Pruitt, 58, who was hired in May 2021".
_AGE = r"(?:,\s+\d{1,3})?"
# A person's country after the name: "X of Hungary".
_OF_COUNTRY = f"(?:\\s+of\\s+{OPEN}C\\d+{CLOSE})?"
# A first verb of the same subject ("X resigned and ..."), tried only when the verb does not follow at once.
# The same, naming no other person ("X, who took office in 2021, succeeds Y, who is leaving to become ...": the
# one leaving is Y).
_APPOS_ALONE = f"(?:,(?:(?!{OPEN}[PR])[^;]){{1,120}}?,|,)?\\s*"
_COORD = f"(?:(?:(?!{OPEN}[PR])[^.;])*?\\s+(?:and|before|after)\\s+)??"
_ADVERB = r"(?:(?:officially|formally|unanimously|finally|also|eventually|then|now|first|later|subsequently)\s+)?"
_DET = (
    r"(?:(?:the|its|their|his|her|a|an)\s+)?(?:(?:new|next|permanent|sole|first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\s+)?"
)
_POST = f"(?:,?\\s+{_marker('d', 'D')})?"
_PRE = f"(?:{_marker('d0', 'D')},?\\s+)?"
_FUTURE = r"(?:will|would|shall|is\s+to|are\s+to|is\s+set\s+to|is\s+due\s+to|is\s+expected\s+to|are\s+expected\s+to)"
_BE = (
    r"(?:was|were|is|are|being|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be|is\s+to\s+be"
    r"|is\s+expected\s+to\s+be)"
)
_START_VERB = (
    rf"(?P<verb>(?:{_FUTURE}\s+|has\s+|had\s+|have\s+)?{_ADVERB}(?:take|takes|took|taken)\s+office\s+as"
    rf"|{_BE}\s+{_ADVERB}sworn\s+in\s+as"
    rf"|(?:{_FUTURE}\s+|has\s+|had\s+|have\s+)?{_ADVERB}(?:become|became|becomes)"
    rf"|{_BE}\s+{_ADVERB}(?:appointed|named|elected|chosen|confirmed|installed|declared|promoted\s+to)(?:\s+as)?"
    rf"|(?:{_FUTURE}\s+)?{_ADVERB}(?:take|takes|took|taken)\s+over\s+as"
    rf"|{_FUTURE}\s+{_ADVERB}(?:serve|act)\s+as"
    rf"|(?:{_FUTURE}\s+)?{_ADVERB}(?:assume|assumes|assumed|take\s+up|takes\s+up|took\s+up)\s+the\s+(?:post|office|role"
    rf"|position)\s+of)"
)
_END_VERB = (
    rf"(?P<verb>(?:{_FUTURE}\s+|had\s+|has\s+|have\s+)?(?:resigned|resigns|resign|stepped\s+down|steps\s+down"
    rf"|step\s+down|left|leaves|leave|quit|quits|retired|retires|retire)"
    rf"|{_BE}\s+(?:dismissed|sacked|fired|ousted|removed))"
)
# The day a change takes effect, after its office: "from Sept. 2", "beginning Oct. 1", "effective today".
# A term's length may stand between ("for five years from April 1"): a length is no end, so it is skipped.
_TAKES_EFFECT = (
    f"(?:(?:\\s+{OPEN}L\\d+{CLOSE})?,?\\s+(?:(?:from|beginning|starting|effective|as\\s+of)\\s+)?{_marker('d', 'DS')})?"
)
# An adverb of the past before a verb of holding: "previously served as", "was previously".
_BEFORE = r"(?:(?:previously|formerly|once|earlier|later)\s+)?"
# A verb of holding and its office: "served as finance minister", "was previously deputy minister".
_SERVED = (
    f"(?P<verb>served|was|had\\s+been|has\\s+been)\\s+{_BEFORE}(?:(?:one|two|three|four|five|six|\\d+)\\s+terms?\\s+)?"
    f"(?:as\\s+)?{_DET}{_OFFICE}"
)
# Words between an office and its dates ("under Prime Minister X", "in Maier's last government").
_UNDER = r"\.?(?:\s+(?:under|in|at|for|with)\s+[^.;]{1,80}?)?,?\s+"
# An end told by the term's: "will step down as chief executive (GACI) when his term ends in June 2026".
_TERM_ENDS = (
    f"(?:\\s+\\({_ANY}\\))?(?:\\s+(?:when|as)\\s+(?:his|her|their)\\s+(?:term|contract|mandate)\\s+"
    f"(?:ends|expires|runs\\s+out))?"
)
# Who removed a holder, before the day: "was ousted as leader by his own MPs on Tuesday".
_BY_AGENT = f"(?:\\s+by\\s+(?:(?!{OPEN}[DSFUL])[^,.;]){{1,40}}?(?=\\s+{OPEN}D))?"
# An end told "with immediate effect" before its day.
_AT_ONCE = f"(?:\\s+with\\s+immediate\\s+effect|\\s+with\\s+effect(?=\\s+{OPEN}S))?"
# Who appoints: an organization or a country, or a person or an office phrase ("President X appointed").
_APPOINTER = f"(?:{_marker('g', 'GC')}|{OPEN}[OP]\\d+{CLOSE})(?:['\u2019]s\\s+board)?"
# The verb in the active voice ("the board named X", "voted to appoint X"), not a passive ("was named").
_APPOINT_VERB = (
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)"
    r"(?P<verb>appointed|appoints|appoint|named|names|name|elected|elects|elect|re-elected|re-elects|reelected"
    r"|hired|hires|hire|chose|choose|picked|picks|nominated|nominates|nominate|confirmed|confirms"
    r"|reappointed|re-appointed|swore\s+in|swears\s+in|promoted|promotes|promote)"
)
# A few words in lower case (or a country's adjective) before a name: "batsman", "Sri Lankan all-rounder".
_DESCRIBED = f"(?:(?:[a-z][a-z-]*|{OPEN}C\\d+{CLOSE}|{OPEN}O\\d+{CLOSE},|[A-Z][a-z]*\\.?)\\s+){{0,3}}"
# A country's possessive before a name: "Australia's Karen Doyle".
_COUNTRY_S = f"(?:{OPEN}C\\d+{CLOSE}['\u2019]s\\s+)?"
# The same before the one appointed, and a country's possessive or a title: "Brazil's", "former foreign
# minister", "Senior Deputy Governor" (the title is the one the holder had, told by a rule of its own).
_APPOINTED = f"(?:(?:[a-z][a-z-]*|{OPEN}C\\d+{CLOSE}(?:['\u2019]s)?|{OPEN}O\\d+{CLOSE},?|[A-Z][a-z]*\\.?)\\s+){{0,4}}"
# A date, or a bounded stretch of words and dates, between a subject and its verb ("on Wednesday").
_BETWEEN = f"(?:{_marker('d0', 'D')}\\s+)?"
# A word or a name that qualifies an organization's noun: "the Geneva-based alliance", "the Dutch club".
_QUALIFIED = f"(?:(?:{_ANY}|(?!central\\s)[a-z0-9][a-z0-9-]+)\\s+)?"
# The nouns that stand for an organization ("has led the federation since 2013"), longest first.
_PLACES = "central\\s+bank|" + "|".join(sorted(ORG_NOUNS, key=lambda noun: (-len(noun), noun)))

PATTERNS: tuple[tuple[Rule, re.Pattern[str]], ...] = tuple(
    (rule, re.compile(pattern))
    for rule, pattern in (
        (
            Rule.START,
            f"{_PRE}{_HOLDER}{_OF_COUNTRY}{_APPOS}{_COORD}{_START_VERB}\\s+{_DET}{_OFFICE}{_TAKES_EFFECT}",
        ),
        (
            # Whoever appoints (an organization, a person, "the board", "lawmakers"): the appointed holds it.
            Rule.APPOINTED,
            f"(?:(?:{_APPOINTER}|\\b(?:it|they))\\s+(?:has\\s+|have\\s+|had\\s+)?)?{_BETWEEN}{_ADVERB}{_APPOINT_VERB}\\s+"
            # "named X, a deputy chief, as the next chief", "elected X, as its next director-general", "named X
            # chief"; not "named X, the college's vice president, to succeed her" (a title X has).
            f"{_APPOINTED}{_PERSON_H}(?:\\s+of\\s+{_ANY})?(?:,[^,;]{{1,90}}?,\\s+(?:as\\s+|to\\s+(?:be\\s+)?)?|,\\s+as\\s+"
            f"|\\s+(?:as\\s+|to\\s+(?:be\\s+)?)?)"
            f"{_DET}{_OFFICE}"
            f"(?:\\s+and\\s+(?:as\\s+)?{_DET}{_marker('o2', 'O')})?{_TAKES_EFFECT}",
        ),
        (
            # Two appointed to one office: "have elected X and Y as the party's co-spokespeople".
            Rule.APPOINTED,
            f"{_BETWEEN}{_APPOINT_VERB}\\s+{_APPOINTED}{_PERSON_H}\\s+and\\s+{_marker('h2', 'P')}\\s+as\\s+{_DET}"
            f"{_OFFICE}{_TAKES_EFFECT}",
        ),
        (
            # Two appointed in one sentence: "appointed Maria Costa as chairwoman and Peter Wahl as chief
            # executive" (the first is read by the rule above).
            Rule.APPOINTED,
            f"{_BETWEEN}{_APPOINT_VERB}\\s+{_APPOINTED}{_ANY}\\s+as\\s+{_DET}{_ANY}\\s+and\\s+{_PERSON_H}\\s+as\\s+{_DET}"
            f"{_OFFICE}{_TAKES_EFFECT}",
        ),
        (
            # Someone removed from an office: "X removed Y as head coach on Monday", "ousted Y as chief".
            Rule.END,
            f"{_BETWEEN}(?:to\\s+)?(?P<verb>ousted|removed|sacked|fired|dismissed|oust|remove|sack|fire|dismiss)\\s+"
            f"{_COURTESY}{_DESCRIBED}{_PERSON_H}\\s+as\\s+{_DET}{_OFFICE}{_POST}",
        ),
        (
            # ... with the title before the name: "Brennock sacked manager Kieran Dunne on Sunday", "on
            # Wednesday removed Finance Minister Sofia Barreto from his government".
            Rule.END,
            f"{_BETWEEN}(?P<verb>ousted|removed|sacked|fired|dismissed)\\s+{_DET}{_OFFICE}\\s+{_PERSON_H}{_POST}",
        ),
        (
            # A start whose office is told elsewhere: "She will take up the post on July 1" (not of a body "to
            # which he was appointed in 2024", told in a relative clause of its own).
            Rule.START,
            f"(?<!which\\s)(?<!whom\\s){_HOLDER}{_APPOS}(?P<verb>(?:{_FUTURE}\\s+)?(?:take\\s+up\\s+(?:the|her|his|their)\\s+(?:new\\s+)?(?:post|job|role)"
            f"|take\\s+office|start(?:\\s+work)?|be\\s+sworn\\s+in|take\\s+charge)|took\\s+office|was\\s+sworn\\s+in"
            f"|took\\s+charge|took\\s+over"
            # "was first elected in November 2017": the start of an office the article names elsewhere.
            f"|(?:was|were)\\s+(?:first\\s+)?(?:elected|appointed|named))"
            # "at the Ministry of Economy and Finance", "at Carrow": where, before when.
            f"(?:\\s+at\\s+(?:the\\s+)?{_ANY}(?:\\s+and\\s+{_ANY})?)?\\s+{_marker('d', 'D')}",
        ),
        (
            # "X, who took office in July,": the same, in a relative clause.
            Rule.START,
            f"{_HOLDER}{_AGE},\\s+who\\s+(?P<verb>took\\s+office|was\\s+sworn\\s+in|took\\s+over|took\\s+charge"
            f"|(?:was|were)\\s+(?:first\\s+)?(?:elected|appointed|named|hired))\\s+{_marker('d', 'D')}",
        ),
        (
            # "X, who was named France's ambassador to the WTO last month", "who became chair in 2019".
            Rule.START,
            f"{_PERSON_H}{_AGE},\\s+who\\s+{_START_VERB}\\s+{_DET}{_OFFICE}{_TAKES_EFFECT}",
        ),
        (
            # "X, who is leaving to become president of Y", "is stepping down to become chairman of Y".
            Rule.START,
            f"{_PERSON_H}{_AGE},\\s+who\\s+(?:[^.;,{OPEN}]{{0,60}}?\\s)?to\\s+(?P<verb>become)\\s+{_DET}{_OFFICE}",
        ),
        (
            # "X, director of the museum since 2015, will leave in September to become director of Y".
            Rule.START,
            f"{_HOLDER}{_APPOS_ALONE}(?:(?:[^.;,{OPEN}]|{OPEN}D\\d+{CLOSE}){{0,60}}?\\s)?to\\s+(?P<verb>become)\\s+{_DET}"
            f"{_OFFICE}",
        ),
        (
            # "Onslow will join the Treasury as second permanent secretary in October".
            Rule.START,
            f"{_HOLDER}{_APPOS}(?:who\\s+)?(?:{_FUTURE}\\s+)?(?P<verb>join|joins|joined|rejoin|rejoins|rejoined)\\s+"
            f"(?:the\\s+)?{_ANY}"
            f"\\s+as\\s+{_DET}{_OFFICE}{_TAKES_EFFECT}",
        ),
        (
            # "its board had approved the appointment of X as managing director and chief executive officer".
            Rule.START,
            f"\\b(?:approved|announced|confirmed|ratified|endorsed)\\s+(?:the\\s+)?(?P<verb>appointment|election"
            f"|nomination)\\s+of\\s+{_APPOINTED}{_PERSON_H}\\s+as\\s+{_DET}{_OFFICE}"
            f"(?:\\s+and\\s+{_DET}{_marker('o2', 'O')})?{_TAKES_EFFECT}",
        ),
        (
            # "Kamau's appointment as defence minister takes effect on Jan. 15".
            Rule.START,
            f"{_PERSON_H}['\u2019]s\\s+(?P<verb>appointment|election|nomination|promotion)\\s+as\\s+{_DET}{_OFFICE}"
            f"(?:\\s+(?:takes|took|will\\s+take)\\s+effect)?(?:\\s+{_marker('d', 'D')})?",
        ),
        (
            # "X has served as interim CEO since Y's ouster": held now, since a day the reader cannot date.
            Rule.TITLE,
            f"{_PERSON_H}{_APPOS}(?:,\\s+who\\s+)?(?:has|have)\\s+(?P<verb>served\\s+as|been)\\s+{_DET}{_OFFICE}"
            f"\\s+since\\s+(?!{OPEN}[SD])",
        ),
        (
            # "X remains chairman": the title, held on the day.
            Rule.TITLE,
            f"{_HOLDER}{_APPOS}(?P<verb>remains|stays\\s+on\\s+as)\\s+{_DET}{_OFFICE}",
        ),
        (
            # "X had been in charge since June 2022", "had held the post since": in a main clause.
            Rule.SINCE,
            f"{_HOLDER}{_APPOS}(?:has|have|had)\\s+(?P<verb>held\\s+the\\s+(?:[a-z]+\\s+)?(?:post|job|position|role|office|portfolio)"
            f"|been\\s+in\\s+(?:charge|office|post))\\s+{_marker('d', 'S')}",
        ),
        (
            Rule.REPLACING,
            f"(?P<verb>replacing|succeeding|taking\\s+over\\s+from|in\\s+place\\s+of|to\\s+replace|to\\s+succeed)\\s+"
            f"{_DESCRIBED}{_COUNTRY_S}{_OTHER}",
        ),
        (
            Rule.SUCCEEDS,
            # ("The 58-year-old Nigerian replaces Australia's Karen Doyle").
            f"{_HOLDER}(?:\\s+{OPEN}C\\d+{CLOSE})?{_APPOS}(?:{_FUTURE}\\s+)?(?P<verb>succeeds|succeeded|succeed|replaces"
            f"|replaced|replace"
            f"|takes\\s+over\\s+from|took\\s+over\\s+from|take\\s+over\\s+from)\\s+{_DESCRIBED}{_COUNTRY_S}{_OTHER}(?:\\s+as\\s+{_DET}{_OFFICE})?"
            f"(?:\\s+of\\s+{_ANY})?(?:(?:\\s+in\\s+|,?\\s+){_marker('d', 'D')})?",
        ),
        (
            # A succession after another verb of the subject: "X served under Y until 1995, before succeeding
            # him as chancellor in March 1995".
            Rule.SUCCEEDS,
            f"{_HOLDER}{_APPOS}[^.;]{{0,200}}?\\b(?:before|after|when|then)\\s+(?P<verb>succeeding|replacing)\\s+{_OTHER}"
            f"(?:\\s+as\\s+{_DET}{_OFFICE})?(?:\\s+{_marker('d', 'D')})?",
        ),
        (
            # Named to succeed: "The board named X, its vice president, to succeed her on July 1".
            Rule.SUCCEEDS,
            f"{_APPOINT_VERB}\\s+{_APPOINTED}{_PERSON_H}(?:,[^;]{{1,120}}?,|,)?\\s+to\\s+(?:succeed|replace)\\s+{_COURTESY}"
            f"{_OTHER}(?:\\s+as\\s+{_DET}{_OFFICE})?(?:,?\\s+(?:effective\\s+)?{_marker('d', 'D')})?",
        ),
        (
            # The passive: "X was succeeded as chancellor by Y", "X was sacked and replaced by his assistant, Y",
            # "X resigned in 1999 after his coalition collapsed and was succeeded as chancellor by Y".
            Rule.SUCCEEDS,
            f"{_HOLDER}{_OF_COUNTRY}{_APPOS}(?:(?:[^.;{OPEN}]|{OPEN}[DSFUL]\\d+{CLOSE}){{0,100}}?\\s+and\\s+)?"
            f"(?:was|were|had\\s+been|has\\s+been|will\\s+be|is\\s+to\\s+be|would\\s+be)\\s+(?:[^.;]{{0,60}}?\\s+and\\s+)?"
            f"(?P<verb>succeeded|replaced)(?:\\s+as\\s+{_DET}{_OFFICE})?(?:\\s+{_marker('d0', 'D')})?\\s+by\\s+"
            f"(?:(?:his|her|its|their)\\s+[^,]{{1,40}},\\s+)?{_DESCRIBED}{_OTHER}(?P<passive>)"
            f"(?:,?\\s+{_marker('d', 'D')})?",
        ),
        (Rule.PREDECESSOR, f"\\b(?P<verb>[Hh]is|[Hh]er)\\s+predecessor,?\\s+{_OTHER}"),
        (Rule.SUCCESSOR, f"\\b(?P<verb>[Hh]is|[Hh]er)\\s+successor,?\\s+{_OTHER}"),
        # "The company named its chief operating officer, Sam Ito, as her successor".
        (Rule.SUCCESSOR, f"{_OTHER}(?:,[^,;]{{1,90}}?,)?,?\\s+as\\s+(?P<verb>his|her)\\s+successor"),
        (
            # "X, who has led the agency since 2019", "X, a Kenyan economist who has led the agency since".
            Rule.SINCE,
            f"{_PERSON_H}{_AGE},\\s+(?:(?:a|an|the)\\s+[^,;.]{{1,60}}?\\s+)?who\\s+(?:has|have|had)\\s+(?P<verb>held\\s+the\\s+(?:[a-z]+\\s+)?(?:post|job|position|role|office|portfolio)"
            f"|been\\s+in\\s+(?:charge|office|post|the\\s+(?:post|job|role))|been\\s+{_DET}{_OFFICE}"
            f"|(?:chaired|led|headed|run|managed|coached)\\s+(?:(?:the\\s+)?{_ORG}|the\\s+{_QUALIFIED}(?P<noun>{_PLACES})))"
            f"\\s+{_marker('d', 'S')}",
        ),
        (
            Rule.SINCE,
            f"{_HOLDER}{_APPOS}(?:who\\s+)?(?P<verb>(?:has|have|had)\\s+(?:been|served\\s+as|acted\\s+as|(?:run|led|headed)\\s+(?:it|them"
            f"|the\\s+[a-z-]+|{_ANY})\\s+as))\\s+{_DET}{_OFFICE}\\s+"
            f"{_marker('d', 'S')}",
        ),
        (
            # A second verb of the subject: "X was ambassador to Japan from 2018 to 2022 and has been the
            # Commission's deputy director-general since 2023".
            Rule.SINCE,
            f"{_HOLDER}{_APPOS}(?:(?!{OPEN}[PR])[^.;])*?\\s+and\\s+(?P<verb>(?:has|have|had)\\s+been)\\s+{_DET}{_OFFICE}"
            f"\\s+{_marker('d', 'S')}",
        ),
        (
            # "X has coached Spanish side Y since 2021": the verb says the title.
            Rule.SINCE,
            f"{_HOLDER}{_APPOS}(?:has|have|had)\\s+(?P<verb>chaired|led|headed|run|managed|coached|governed)\\s+"
            f"{_DESCRIBED}(?:{_ORG}|the\\s+{_QUALIFIED}(?P<noun>{_PLACES}))\\s+{_marker('d', 'S')}",
        ),
        (
            # An appositive: "X, prime minister since April 2024,", "Governor X, in office since 2019,".
            Rule.SINCE,
            f"{_PERSON_H},\\s+(?P<verb>in\\s+office|{_DET}{_OFFICE})\\s+{_marker('d', 'S')},",
        ),
        (
            Rule.LENGTH,
            f"{_PERSON_H}{_AGE},\\s+who\\s+(?:has\\s+|have\\s+|had\\s+)?(?P<verb>led|headed|run|ran|chaired|managed|coached"
            f"|held\\s+the\\s+(?:post|job|position|role)|been\\s+in\\s+(?:charge|office))"
            f"\\s+(?:{_ORG}\\s+|the\\s+(?P<noun>\\w+)\\s+)?{_marker('d', 'L')}",
        ),
        (
            Rule.LENGTH,
            # "X, who announced in March that he would leave after seven years as president".
            f"{_PERSON_H}{_AGE},\\s+who\\s+(?P<loose>(?:[^.;{OPEN}]|{OPEN}[DSFUR]\\d+{CLOSE})*?)\\s*{_marker('d', 'L')}"
            f"(?:\\s+as\\s+{_DET}{_OFFICE})?",
        ),
        (
            Rule.LENGTH,
            f"{_HOLDER}{_APPOS}(?P<loose>(?:is|was|has|had|will)\\b[^.;{OPEN}]*?)\\s*{_marker('d', 'L')}"
            f"(?:\\s+as\\s+{_DET}{_OFFICE})?",
        ),
        (
            Rule.SERVED,
            f"{_HOLDER}{_APPOS}{_COORD}{_BEFORE}{_SERVED}"
            # Coordinated offices ("as finance minister and vice chancellor").
            f"(?:\\s+and\\s+(?P<as2>as\\s+)?{_DET}{_marker('o2', 'O')})?{_UNDER}{_marker('d', 'FSU')}",
        ),
        (
            # "before being elected mayor in November 1979, a post she held until 1987".
            Rule.SERVED,
            f"{_OFFICE}(?:\\s+{OPEN}D\\d+{CLOSE})?,\\s+a\\s+(?:post|job|position|role|office|seat)\\s+{_HOLDER}\\s+"
            f"(?P<verb>held|kept|would\\s+hold)\\s+{_marker('d', 'FU')}",
        ),
        (
            # "She is also chair of X, a post she has held since 2019".
            Rule.SINCE,
            f"{_OFFICE},\\s+a\\s+(?:post|job|position|role|office|seat)\\s+{_HOLDER}\\s+(?P<verb>has\\s+held|had\\s+held)\\s+"
            f"{_marker('d', 'S')}",
        ),
        (
            # "X, who was premier of Kessland from 1976 to 1984": the same, in a relative clause.
            Rule.SERVED,
            f"{_PERSON_H}{_AGE},\\s+who\\s+{_BEFORE}{_SERVED}{_UNDER}{_marker('d', 'FU')}",
        ),
        (
            Rule.LED,
            # (also in a relative clause: "X, who coached the club from 2008 to 2014").
            f"{_HOLDER}{_APPOS}(?:who\\s+)?(?P<verb>led|headed|ran|chaired|managed|coached|governed)\\s+"
            f"(?:{_ORG}|the\\s+(?P<noun>\\w+))"
            f"(?:\\s+{_ANY})?,?\\s+{_marker('d', 'FS')}",
        ),
        (Rule.FORMER, f"(?P<verb>[Ff]ormer)\\s+{_OFFICE}\\s+{_PERSON_H}"),
        (Rule.FORMER, f"{_PERSON_H},(?:\\s*\\d{{1,3}},)?\\s+(?:the|a|an)\\s+(?P<verb>former)\\s+{_OFFICE}"),
        (Rule.FORMER, f"{_HOLDER}\\s+(?:is|was)\\s+(?:a|an|the)\\s+(?P<verb>former)\\s+{_OFFICE}"),
        (
            Rule.FORMER,
            f"{_HOLDER}{_APPOS}{_COORD}(?:was|had\\s+been|is)\\s+(?P<verb>previously|formerly)\\s+{_DET}{_OFFICE}",
        ),
        (
            # "X was appointed vice-chancellor in 2013, having previously served as dean of medicine at Y".
            Rule.FORMER,
            f"{_HOLDER}{_APPOS}[^.;]{{0,160}}?,\\s+having\\s+(?P<verb>(?:previously\\s+)?served)\\s+as\\s+{_DET}{_OFFICE}",
        ),
        (
            # "... and previously served as Kenya's ambassador to the African Union".
            Rule.FORMER,
            f"{_HOLDER}{_APPOS}{_COORD}(?P<verb>previously|formerly|once)\\s+served\\s+as\\s+{_DET}{_OFFICE}",
        ),
        (Rule.RETURN, f"(?P<verb>return)\\s+of\\s+{_PERSON_H}\\s+to\\s+(?:the\\s+)?{_OFFICE}"),
        (Rule.RETURN, f"{_PERSON_H}(?:['\u2019]s)?\\s+(?P<verb>return)\\s+to\\s+(?:the\\s+)?{_OFFICE}"),
        (Rule.TITLE, f"{_OFFICE}\\s+{_PERSON_H}"),
        # "X, currently the provost of Y,": the title held now.
        (Rule.TITLE, f"{_PERSON_H}{_AGE},\\s+(?:(?:currently|now|also)\\s+)?(?:the\\s+|an?\\s+)?{_OFFICE},"),
        # "Northfield's chancellor, Lady Harriet Moore,": a courtesy title between.
        (Rule.TITLE, f"{_OFFICE},\\s+{_COURTESY}{_PERSON_H}{_OF_COUNTRY},"),
        (
            # "X, who resigned in June", "X, who retired on Dec. 1 after 12 years in the job".
            Rule.END,
            f"{_PERSON_H}{_AGE},\\s+who\\s+(?:had\\s+|has\\s+)?{_END_VERB}(?:\\s+as\\s+{_DET}{_OFFICE})?"
            f"(?:,?\\s+{_marker('d', 'DU')})?",
        ),
        (
            Rule.END,
            f"{_HOLDER}{_APPOS}{_COORD}{_END_VERB}(?:\\s+as\\s+{_DET}{_OFFICE}|\\s+{_ORG}|\\s+the\\s+(?P<noun>{_PLACES}"
            f"|post|job|role|office)|\\s+office)?{_BY_AGENT}{_AT_ONCE}{_TERM_ENDS}(?:,?\\s+{_marker('d', 'DUS')})?",
        ),
        (
            # "a post left vacant by the death of Governor X in April": the holder's end.
            Rule.END,
            f"\\b(?P<verb>death)\\s+of\\s+(?:{_OFFICE}\\s+)?{_PERSON_H}(?:,?\\s+{_marker('d', 'DU')})?",
        ),
        (
            # "X notified the board of his decision to resign as chief financial officer, effective March 31".
            Rule.END,
            f"{_HOLDER}(?:(?!{OPEN}[PR])[^;]){{0,120}}?\\b(?:his|her|their)\\s+(?:decision|intention|plans?)\\s+to\\s+"
            f"(?P<verb>resign|step\\s+down|retire|leave)(?:\\s+as\\s+{_DET}{_OFFICE})?"
            f"(?:,?\\s+(?:effective\\s+)?{_marker('d', 'DU')})?",
        ),
    )
)
VIA = re.compile(f"(?:citing|according\\s+to)\\s+{_marker('g', 'G')}|{_marker('g2', 'G')}\\s+(?:reported|reports)")
# Case matters: "May 2021" is a month, "may" a hedge.
HEDGED = re.compile(r"\b(?:may|[Mm]ight|[Cc]ould|[Pp]otential|[Pp]ossible|[Pp]ossibly)\b")
# A nomination starts nothing yet: the nominee is expected to take office, on a day not told.
NOMINATED = re.compile(r"\bnominat(?:ed|es|e|ion)\b")
EXPECTED = re.compile(r"\b(?:is|are)\s+expected\s+to\b", re.IGNORECASE)
AHEAD = re.compile(_FUTURE)
