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

from newskb.draft.clauses import CLOSE, OPEN, marker
from newskb.draft.fragments import (
    ADVERB,
    AGE,
    AND_AS,
    ANY,
    APPOINT_VERB,
    APPOINTED,
    APPOINTER,
    APPOS,
    APPOS_ALONE,
    AT_ONCE,
    BE,
    BEFORE,
    BETWEEN,
    BY_AGENT,
    COORD,
    COUNTRY_S,
    COURTESY,
    DESCRIBED,
    DET,
    END_VERB,
    FUTURE,
    HOLDER,
    HOLDER_WORD,
    OF_COUNTRY,
    OFFICE,
    ORG,
    OTHER,
    PERSON_H,
    PLACES,
    POST,
    PRE,
    QUALIFIED,
    SERVED,
    SINCE_THEN,
    START_VERB,
    TAKES_EFFECT,
    TERM_ENDS,
    TO_SERVE,
    UNDER,
)
from newskb.draft.lexicon import INTERIM_CHARGE, SCHEDULED
from newskb.draft.rules import Rule

PATTERNS: tuple[tuple[Rule, re.Pattern[str]], ...] = tuple(
    (rule, re.compile(pattern))
    for rule, pattern in (
        (
            Rule.START,
            f"{PRE}{HOLDER}{OF_COUNTRY}{APPOS}{COORD}{START_VERB}\\s+{DET}{OFFICE}{TAKES_EFFECT}",
        ),
        (
            # Whoever appoints (an organization, a person, "the board", "lawmakers"): the appointed holds it.
            Rule.APPOINTED,
            f"(?:(?:{APPOINTER}|\\b(?:it|they))\\s+(?:has\\s+|have\\s+|had\\s+)?)?{BETWEEN}{ADVERB}{APPOINT_VERB}\\s+"
            # "named X, a deputy chief, as the next chief", "elected X, as its next director-general", "named X
            # chief"; not "named X, the college's vice president, to succeed her" (a title X has).
            f"{APPOINTED}{PERSON_H}(?:\\s+of\\s+{ANY})?(?:,[^,;]{{1,90}}?,\\s+(?:as\\s+|{TO_SERVE})?|,\\s+as\\s+"
            f"|\\s+(?:as\\s+|{TO_SERVE})?)"
            f"{DET}{OFFICE}"
            f"{AND_AS}{TAKES_EFFECT}",
        ),
        (
            # Two appointed to one office: "have elected X and Y as the party's co-spokespeople".
            Rule.APPOINTED,
            f"{BETWEEN}{APPOINT_VERB}\\s+{APPOINTED}{PERSON_H}\\s+and\\s+{marker('h2', 'P')}\\s+as\\s+{DET}"
            f"{OFFICE}{TAKES_EFFECT}",
        ),
        (
            # Two appointed in one sentence: "appointed Maria Costa as chairwoman and Peter Wahl as chief
            # executive" (the first is read by the rule above).
            Rule.APPOINTED,
            f"{BETWEEN}{APPOINT_VERB}\\s+{APPOINTED}{ANY}\\s+as\\s+{DET}{ANY}\\s+and\\s+{PERSON_H}\\s+as\\s+{DET}"
            f"{OFFICE}{TAKES_EFFECT}",
        ),
        (
            # Someone removed from an office: "X removed Y as head coach on Monday", "ousted Y as chief".
            Rule.END,
            f"{BETWEEN}(?:to\\s+)?(?P<verb>ousted|removed|sacked|fired|dismissed|oust|remove|sack|fire|dismiss)\\s+"
            f"{COURTESY}{DESCRIBED}{PERSON_H}\\s+as\\s+{DET}{OFFICE}{POST}",
        ),
        (
            # ... with the title before the name: "Brennock sacked manager Kieran Dunne on Sunday", "on
            # Wednesday removed Finance Minister Sofia Barreto from his government".
            Rule.END,
            f"{BETWEEN}(?P<verb>ousted|removed|sacked|fired|dismissed)\\s+{DET}{OFFICE}\\s+{PERSON_H}{POST}",
        ),
        (
            # A start whose office is told elsewhere: "She will take up the post on July 1" (not of a body "to
            # which he was appointed in 2024", told in a relative clause of its own).
            Rule.START,
            f"(?<!which\\s)(?<!whom\\s){HOLDER}{APPOS}(?P<verb>(?:{FUTURE}\\s+)?(?:take\\s+up\\s+(?:the|her|his|their)\\s+(?:new\\s+)?(?:post|job|role)"
            f"|take\\s+office|start(?:\\s+work)?|be\\s+sworn\\s+in|take\\s+charge|join)|joins|takes\\s+(?:over|office|charge)|took\\s+office|was\\s+sworn\\s+in"
            f"|took\\s+charge|took\\s+over"
            # "was first elected in November 2017": the start of an office the article names elsewhere.
            f"|(?:was|were)\\s+(?:first\\s+)?(?:elected|appointed|named))"
            # "at the Ministry of Economy and Finance", "at Carrow": where, before when.
            f"(?:\\s+at\\s+(?:the\\s+)?{ANY}(?:\\s+and\\s+{ANY})?)?\\s+{marker('d', 'D')}",
        ),
        (
            # "X, who took office in July,": the same, in a relative clause.
            Rule.START,
            f"{HOLDER}{AGE},\\s+who\\s+(?P<verb>took\\s+office|was\\s+sworn\\s+in|took\\s+over|took\\s+charge"
            f"|(?:was|were)\\s+(?:first\\s+)?(?:elected|appointed|named|hired))\\s+{marker('d', 'D')}",
        ),
        (
            # "X, who was named France's ambassador to the WTO last month", "who became chair in 2019".
            Rule.START,
            f"{PERSON_H}{AGE},\\s+who\\s+{START_VERB}\\s+{DET}{OFFICE}{TAKES_EFFECT}",
        ),
        (
            # "X, who is leaving to become president of Y", "is stepping down to become chairman of Y".
            Rule.START,
            f"{PERSON_H}{AGE},\\s+who\\s+(?:[^.;,{OPEN}]{{0,60}}?\\s)?to\\s+(?P<verb>become)\\s+{DET}{OFFICE}",
        ),
        (
            # "X, director of the museum since 2015, will leave in September to become director of Y".
            Rule.START,
            f"{HOLDER}{APPOS_ALONE}(?:(?:[^.;,{OPEN}]|{OPEN}D\\d+{CLOSE}){{0,60}}?\\s)?to\\s+(?P<verb>become)\\s+{DET}"
            f"{OFFICE}",
        ),
        (
            # "Onslow will join the Treasury as second permanent secretary in October".
            Rule.START,
            f"{HOLDER}{APPOS}(?:who\\s+)?(?:{FUTURE}\\s+)?(?P<verb>join|joins|joined|rejoin|rejoins|rejoined)\\s+"
            f"(?:the\\s+)?{ANY}"
            f"\\s+as\\s+{DET}{OFFICE}{TAKES_EFFECT}",
        ),
        (
            # "its board had approved the appointment of X as managing director and chief executive officer".
            Rule.START,
            f"\\b(?:approved|announced|confirmed|ratified|endorsed)\\s+(?:the\\s+)?(?P<verb>appointment|election"
            f"|nomination)\\s+of\\s+{APPOINTED}{PERSON_H}\\s+as\\s+{DET}{OFFICE}"
            f"(?:\\s+and\\s+{DET}{marker('o2', 'O')})?{TAKES_EFFECT}",
        ),
        (
            # "Kamau's appointment as defence minister takes effect on Jan. 15".
            Rule.START,
            f"{PERSON_H}['\u2019]s\\s+(?P<verb>appointment|election|nomination|promotion)\\s+as\\s+{DET}{OFFICE}"
            f"(?:\\s+(?:takes|took|will\\s+take)\\s+effect)?(?:\\s+{marker('d', 'D')})?",
        ),
        (
            # "X has served as interim CEO since Y's ouster": held now, since a day the reader cannot date.
            Rule.TITLE,
            f"{PERSON_H}{APPOS}(?:,\\s+who\\s+)?(?:has|have)\\s+(?P<verb>served\\s+as|been)\\s+{DET}{OFFICE}"
            f"\\s+since\\s+(?!{OPEN}[SD])",
        ),
        (
            # "X remains chairman": the title, held on the day.
            Rule.TITLE,
            f"{HOLDER}{APPOS}(?P<verb>remains|stays\\s+on\\s+as)\\s+{DET}{OFFICE}",
        ),
        (
            # "X had been in charge since June 2022", "had held the post since": in a main clause.
            Rule.SINCE,
            f"{HOLDER}{APPOS}(?:has|have|had)\\s+(?P<verb>held\\s+the\\s+(?:[a-z]+\\s+)?(?:post|job|position|role|office|portfolio)"
            f"|been\\s+in\\s+(?:charge|office|post))\\s+{marker('d', 'S')}",
        ),
        (
            # Interim charge of an office the article tells someone left or was named to (holdings.py finds
            # which): "X took interim charge the same day", "X was placed in interim charge on Sunday", "X took
            # over on an interim basis".
            Rule.START,
            f"{HOLDER}{APPOS}{COORD}(?:who\\s+)?(?P<verb>(?:{FUTURE}\\s+|has\\s+|had\\s+)?(?:take|takes|took|taken)\\s+"
            f"{INTERIM_CHARGE}\\s+charge|(?:{BE}\\s+(?:placed|put)|will\\s+be|is|are|was|were)\\s+in\\s+"
            f"{INTERIM_CHARGE}\\s+charge"
            f"|(?:{FUTURE}\\s+)?(?:take|takes|took)\\s+(?:over|charge(?:\\s+of\\s+the\\s+[a-z]+(?:\\s+[a-z]+)?)?)"
            f"\\s+on\\s+an?\\s+{INTERIM_CHARGE}\\s+basis)(?:\\s+of\\s+the\\s+(?:first\\s+team|side|team|squad))?"
            f"(?:\\s+{marker('d', 'D')})?",
        ),
        (
            # "X, who has been in interim charge since Y's dismissal in January", "X has led the party on an
            # acting basis since March".
            Rule.SINCE,
            f"{HOLDER}{APPOS}(?:who\\s+)?(?P<verb>(?:has|have|had)\\s+(?:been\\s+in\\s+{INTERIM_CHARGE}\\s+charge"
            f"|(?:led|run|headed|edited|managed|chaired|coached)\\s+(?:(?:the\\s+)?{ORG}|the\\s+{QUALIFIED}"
            f"(?P<noun>{PLACES})|it|them)\\s+on\\s+an?\\s+{INTERIM_CHARGE}\\s+basis))\\s+{SINCE_THEN}",
        ),
        (
            Rule.REPLACING,
            f"(?P<verb>replacing|succeeding|taking\\s+over\\s+from|in\\s+place\\s+of|to\\s+replace|to\\s+succeed)\\s+"
            f"{DESCRIBED}{COUNTRY_S}{OTHER}",
        ),
        (
            Rule.SUCCEEDS,
            # ("The 58-year-old Nigerian replaces Australia's Karen Doyle").
            f"{HOLDER}(?:\\s+{OPEN}C\\d+{CLOSE})?{APPOS}(?:{FUTURE}\\s+)?(?P<verb>succeeds|succeeded|succeed|replaces"
            f"|replaced|replace"
            f"|takes\\s+over\\s+from|took\\s+over\\s+from|take\\s+over\\s+from)\\s+{DESCRIBED}{COUNTRY_S}{OTHER}(?:\\s+as\\s+{DET}{OFFICE})?"
            f"(?:\\s+of\\s+{ANY})?(?:(?:\\s+in\\s+|,?\\s+){marker('d', 'D')})?",
        ),
        (
            # A succession after another verb of the subject: "X served under Y until 1995, before succeeding
            # him as chancellor in March 1995".
            Rule.SUCCEEDS,
            f"{HOLDER}{APPOS}[^.;]{{0,200}}?\\b(?:before|after|when|then)\\s+(?P<verb>succeeding|replacing)\\s+{OTHER}"
            f"(?:\\s+as\\s+{DET}{OFFICE})?(?:\\s+{marker('d', 'D')})?",
        ),
        (
            # Named to succeed: "The board named X, its vice president, to succeed her on July 1".
            Rule.SUCCEEDS,
            f"{APPOINT_VERB}\\s+{APPOINTED}{PERSON_H}(?:,[^;]{{1,120}}?,|,)?\\s+to\\s+(?:succeed|replace)\\s+{COURTESY}"
            f"{OTHER}(?:\\s+as\\s+{DET}{OFFICE})?(?:,?\\s+(?:effective\\s+)?{marker('d', 'D')})?",
        ),
        (
            # The passive: "X was succeeded as chancellor by Y", "X was sacked and replaced by his assistant, Y",
            # "X resigned in 1999 after his coalition collapsed and was succeeded as chancellor by Y".
            Rule.SUCCEEDS,
            f"{HOLDER}{OF_COUNTRY}{APPOS}(?:(?:[^.;{OPEN}]|{OPEN}[DSFUL]\\d+{CLOSE}){{0,100}}?\\s+and\\s+)?"
            f"(?:was|were|had\\s+been|has\\s+been|will\\s+be|is\\s+to\\s+be|would\\s+be)\\s+(?:[^.;]{{0,60}}?\\s+and\\s+)?"
            f"(?P<verb>succeeded|replaced)(?:\\s+as\\s+{DET}{OFFICE})?(?:\\s+{marker('d0', 'D')})?\\s+by\\s+"
            f"(?:(?:his|her|its|their)\\s+[^,]{{1,40}},\\s+)?{DESCRIBED}{OTHER}(?P<passive>)"
            f"(?:,?\\s+{marker('d', 'D')})?",
        ),
        (Rule.PREDECESSOR, f"\\b(?P<verb>[Hh]is|[Hh]er)\\s+predecessor,?\\s+{OTHER}"),
        (Rule.SUCCESSOR, f"\\b(?P<verb>[Hh]is|[Hh]er)\\s+successor,?\\s+{OTHER}"),
        # "The company named its chief operating officer, Sam Ito, as her successor".
        (Rule.SUCCESSOR, f"{OTHER}(?:,[^,;]{{1,90}}?,)?,?\\s+as\\s+(?P<verb>his|her)\\s+successor"),
        (
            # "X, who has led the agency since 2019", "X, a Kenyan economist who has led the agency since".
            Rule.SINCE,
            f"{PERSON_H}{AGE},\\s+(?:(?:a|an|the)\\s+[^,;.]{{1,60}}?\\s+)?who\\s+(?:has|have|had)\\s+(?P<verb>held\\s+the\\s+(?:[a-z]+\\s+)?(?:post|job|position|role|office|portfolio)"
            f"|been\\s+in\\s+(?:charge|office|post|the\\s+(?:post|job|role))|been\\s+{DET}{OFFICE}"
            f"|(?:chaired|led|headed|run|managed|coached)\\s+(?:(?:the\\s+)?{ORG}|the\\s+{QUALIFIED}(?P<noun>{PLACES})))"
            f"\\s+{SINCE_THEN}",
        ),
        (
            Rule.SINCE,
            f"{HOLDER}{APPOS}(?:who\\s+)?(?P<verb>(?:has|have|had)\\s+(?:been|served\\s+as|acted\\s+as|(?:run|led|headed)\\s+(?:it|them"
            f"|the\\s+[a-z-]+|{ANY})\\s+as))\\s+{DET}{OFFICE}\\s+"
            f"{marker('d', 'S')}",
        ),
        (
            # A second verb of the subject: "X was ambassador to Japan from 2018 to 2022 and has been the
            # Commission's deputy director-general since 2023".
            Rule.SINCE,
            f"{HOLDER}{APPOS}(?:(?!{OPEN}[PR])[^.;])*?\\s+and\\s+(?P<verb>(?:has|have|had)\\s+been)\\s+{DET}{OFFICE}"
            f"\\s+{marker('d', 'S')}",
        ),
        (
            # "X has coached Spanish side Y since 2021": the verb says the title.
            Rule.SINCE,
            f"{HOLDER}{APPOS}(?:has|have|had)\\s+(?P<verb>chaired|led|headed|run|managed|coached|governed)\\s+"
            f"{DESCRIBED}(?:{ORG}|the\\s+{QUALIFIED}(?P<noun>{PLACES}))\\s+{marker('d', 'S')}",
        ),
        (
            # An appositive: "X, prime minister since April 2024,", "Governor X, in office since 2019,".
            Rule.SINCE,
            f"{PERSON_H},\\s+(?P<verb>in\\s+office|{DET}{OFFICE})\\s+{marker('d', 'S')},",
        ),
        (
            Rule.LENGTH,
            f"{PERSON_H}{AGE},\\s+who\\s+(?:has\\s+|have\\s+|had\\s+)?(?P<verb>led|headed|run|ran|chaired|managed|coached"
            f"|held\\s+the\\s+(?:post|job|position|role)|been\\s+in\\s+(?:charge|office))"
            f"\\s+(?:{ORG}\\s+|the\\s+(?P<noun>\\w+)\\s+)?{marker('d', 'L')}",
        ),
        (
            Rule.LENGTH,
            # "X, who announced in March that he would leave after seven years as president".
            f"{PERSON_H}{AGE},\\s+who\\s+(?P<loose>(?:[^.;{OPEN}]|{OPEN}[DSFUR]\\d+{CLOSE})*?)\\s*{marker('d', 'L')}"
            f"(?:\\s+as\\s+{DET}{OFFICE})?",
        ),
        (
            Rule.LENGTH,
            f"{HOLDER}{APPOS}(?P<loose>(?:is|was|has|had|will)\\b[^.;{OPEN}]*?)\\s*{marker('d', 'L')}"
            f"(?:\\s+as\\s+{DET}{OFFICE})?",
        ),
        (
            Rule.SERVED,
            f"{HOLDER}{APPOS}{COORD}{BEFORE}{SERVED}"
            # Coordinated offices ("as finance minister and vice chancellor").
            f"(?:\\s+and\\s+(?P<as2>as\\s+)?{DET}{marker('o2', 'O')})?{UNDER}{marker('d', 'FSU')}",
        ),
        (
            # "was appointed ambassador in 1995 and held the post until 2000": the end of the office told before.
            Rule.END,
            f"{HOLDER}{APPOS}{COORD}(?:had\\s+)?(?P<verb>held|kept)\\s+(?:the|that|this)\\s+"
            f"(?:post|job|position|role|office|portfolio|seat)\\s+{marker('d', 'U')}",
        ),
        (
            # "before being elected mayor in November 1979, a post she held until 1987".
            Rule.SERVED,
            f"{OFFICE}(?:\\s+{OPEN}D\\d+{CLOSE})?,\\s+a\\s+(?:post|job|position|role|office|seat)\\s+{HOLDER}\\s+"
            f"(?P<verb>held|kept|would\\s+hold)\\s+{marker('d', 'FU')}",
        ),
        (
            # "She is also chair of X, a post she has held since 2019".
            Rule.SINCE,
            f"{OFFICE},\\s+a\\s+(?:post|job|position|role|office|seat)\\s+{HOLDER}\\s+(?P<verb>has\\s+held|had\\s+held)\\s+"
            f"{marker('d', 'S')}",
        ),
        (
            # "X, who was premier of Kessland from 1976 to 1984": the same, in a relative clause.
            Rule.SERVED,
            f"{PERSON_H}{AGE},\\s+who\\s+{BEFORE}{SERVED}"
            f"(?:\\s+and\\s+(?P<as2>as\\s+)?{DET}{marker('o2', 'O')})?{UNDER}{marker('d', 'FU')}",
        ),
        (
            Rule.LED,
            # (also in a relative clause: "X, who coached the club from 2008 to 2014").
            f"{HOLDER}{APPOS}(?:who\\s+)?(?P<verb>led|headed|ran|chaired|managed|coached|governed)\\s+"
            f"(?:{ORG}|the\\s+(?:[a-z][a-z-]*\\s+)?(?P<noun>\\w+))"
            f"(?:\\s+{ANY})?,?\\s+{marker('d', 'FS')}",
        ),
        (Rule.FORMER, f"(?P<verb>[Ff]ormer)\\s+{OFFICE}\\s+{PERSON_H}"),
        (Rule.FORMER, f"{PERSON_H},(?:\\s*\\d{{1,3}},)?\\s+(?:the|a|an)\\s+(?P<verb>former)\\s+{OFFICE}"),
        (Rule.FORMER, f"{HOLDER}\\s+(?:is|was)\\s+(?:a|an|the)\\s+(?P<verb>former)\\s+{OFFICE}"),
        (
            Rule.FORMER,
            f"{HOLDER}{APPOS}{COORD}(?:was|had\\s+been|is)\\s+(?P<verb>previously|formerly)\\s+{DET}{OFFICE}",
        ),
        (
            # "X was appointed vice-chancellor in 2013, having previously served as dean of medicine at Y".
            Rule.FORMER,
            f"{HOLDER}{APPOS}[^.;]{{0,160}}?,\\s+having\\s+(?P<verb>(?:previously\\s+)?served)\\s+as\\s+{DET}{OFFICE}",
        ),
        (
            # "... and previously served as Kenya's ambassador to the African Union".
            Rule.FORMER,
            f"{HOLDER}{APPOS}{COORD}(?P<verb>previously|formerly|once)\\s+served\\s+as\\s+{DET}{OFFICE}",
        ),
        (Rule.RETURN, f"(?P<verb>return)\\s+of\\s+{PERSON_H}\\s+to\\s+(?:the\\s+)?{OFFICE}"),
        (Rule.RETURN, f"{PERSON_H}(?:['\u2019]s)?\\s+(?P<verb>return)\\s+to\\s+(?:the\\s+)?{OFFICE}"),
        (Rule.TITLE, f"{OFFICE}\\.?\\s+{PERSON_H}"),  # "Gov. Ana Ruiz": a point may stand between
        # "X, currently the provost of Y,": the title held now.
        # "X, chief executive of Y, said"; at the end of its sentence too ('"...," said X, chief executive of Y.').
        (
            Rule.TITLE,
            f"{PERSON_H}{AGE},\\s+(?:(?:currently|now|also)\\s+)?(?:the\\s+|an?\\s+)?{HOLDER_WORD}{OFFICE}(?:,|\\.?\\s*$)",
        ),
        # "Northfield's chancellor, Lady Harriet Moore,": a courtesy title between.
        (Rule.TITLE, f"{OFFICE},\\s+{COURTESY}{PERSON_H}{OF_COUNTRY},"),
        (
            # "X, who resigned in June", "X, who retired on Dec. 1 after 12 years in the job".
            Rule.END,
            f"{PERSON_H}{AGE},\\s+who\\s+(?:had\\s+|has\\s+)?{END_VERB}(?:\\s+as\\s+{DET}{OFFICE})?"
            f"(?:,?\\s+{marker('d', 'DU')})?",
        ),
        (
            Rule.END,
            f"{HOLDER}{APPOS}{COORD}{END_VERB}(?:\\s+as\\s+{DET}{OFFICE}{AND_AS}|\\s+{ORG}|\\s+the\\s+(?P<noun>{PLACES}"
            f"|post|job|role|office)|\\s+office)?{BY_AGENT}{AT_ONCE}{TERM_ENDS}"
            f"(?:,?\\s+(?:effective\\s+)?{marker('d', 'DUS')})?",
        ),
        (
            # "replaces X, whose second term as chairperson ends on Tuesday": the term's end is the holder's.
            Rule.END,
            f"{PERSON_H}{AGE},\\s+whose\\s+(?:[a-z-]+\\s+){{0,2}}(?:term|mandate|contract)\\s+(?:as\\s+{DET}{OFFICE}\\s+)?"
            f"(?P<verb>ends|ended|will\\s+end|expires|expired|will\\s+expire)(?:,?\\s+{marker('d', 'DU')})?",
        ),
        (
            # "a post left vacant by the death of Governor X in April": the holder's end.
            Rule.END,
            f"\\b(?P<verb>death)\\s+of\\s+(?:{OFFICE}\\s+)?{PERSON_H}(?:,?\\s+{marker('d', 'DU')})?",
        ),
        (
            # "X notified the board of his decision to resign as chief financial officer, effective March 31".
            Rule.END,
            f"{HOLDER}(?:(?!{OPEN}[PR])[^;]){{0,120}}?\\b(?:his|her|their)\\s+(?:decision|intention|plans?)\\s+to\\s+"
            f"(?P<verb>resign|step\\s+down|retire|leave)(?:\\s+as\\s+{DET}{OFFICE}{AND_AS})?"
            f"(?:,?\\s+(?:effective\\s+)?{marker('d', 'DU')})?",
        ),
        (
            # "... of her resignation as chief executive and as chair, effective Sept. 30": the office said, and
            # only a day it takes effect ("announced his retirement in March" dates the announcement).
            Rule.END,
            f"{HOLDER}(?:(?!{OPEN}[PR])[^;]){{0,120}}?\\b(?:his|her|their)\\s+(?P<verb>resignation|retirement)\\s+as\\s+"
            f"{DET}{OFFICE}{AND_AS}(?:,?\\s+effective\\s+{marker('d', 'DU')})?",
        ),
    )
)
VIA = re.compile(f"(?:citing|according\\s+to)\\s+{marker('g', 'G')}|{marker('g2', 'G')}\\s+(?:reported|reports)")
# Case matters: "May 2021" is a month, "may" a hedge.
HEDGED = re.compile(r"\b(?:may|[Mm]ight|[Cc]ould|[Pp]otential|[Pp]ossible|[Pp]ossibly)\b")
# A nomination starts nothing yet: the nominee is expected to take office, on a day not told.
NOMINATED = re.compile(r"\bnominat(?:ed|es|e|ion)\b")
EXPECTED = re.compile(r"\b(?:is|are)\s+expected\s+to\b", re.IGNORECASE)
AHEAD = re.compile(f"{FUTURE}|{SCHEDULED}")  # "will take office"; "takes over on Monday" (when.py: a day to come)
