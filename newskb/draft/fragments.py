"""The pieces the reader's phrases (phrases.py) are written with: the markers of a clause template's mentions
(`HOLDER`, `OFFICE`, `ORG`, ...) and the words between them (appositives, ages, verbs of starting and ending,
the day a change takes effect), each a regular expression over a template (clauses.py).
"""

from __future__ import annotations

from newskb.draft.capitalised import DESCRIBED_BY
from newskb.draft.clauses import CLOSE, OPEN, marker
from newskb.draft.lexicon import HONORIFICS, ORG_NOUNS

ANY = f"{OPEN}[A-Z]\\d+{CLOSE}"
HOLDER = marker("h", "PR")
PERSON_H = marker("h", "P")
OFFICE = marker("o", "O")
OTHER = marker("r", "PR")  # a pronoun too: "succeeding him" (reading marks one only after such a verb)
ORG = marker("g", "GC")
# Words of courtesy or rank before a name ("Lady Harriet Moore"), not part of it.
COURTESY = "(?:(?:" + "|".join(sorted(word.capitalize() for word in HONORIFICS)) + r")\.?\s+){0,2}"
# An appositive between a name and its verb: ", 53,", ", the provost of Marlow College in St. Paul, Minn.,".
APPOS = r"(?:,[^;]{1,120}?,|,)?\s*"
# An age after a name, before its relative clause: "Pruitt, 58, who was hired in May 2021".
AGE = r"(?:,\s+\d{1,3})?"
# A person's country after the name: "X of Hungary".
OF_COUNTRY = f"(?:\\s+of\\s+{OPEN}C\\d+{CLOSE})?"
# A first verb of the same subject ("X resigned and ..."), tried only when the verb does not follow at once.
# The same, naming no other person ("X, who took office in 2021, succeeds Y, who is leaving to become ...": the
# one leaving is Y).
APPOS_ALONE = f"(?:,(?:(?!{OPEN}[PR])[^;]){{1,120}}?,|,)?\\s*"
COORD = f"(?:(?:(?!{OPEN}[PR])[^.;])*?\\s+(?:and|before|after)\\s+)??"
ADVERB = r"(?:(?:officially|formally|unanimously|finally|also|eventually|then|now|first|later|subsequently)\s+)?"
# A word that describes the holder, not the office: "an independent director" sits on the board.
HOLDER_WORD = r"(?:(?:independent|non-executive|longtime|long-time|long-serving|veteran)\s+)?"
DET = (
    # "the city's police chief", where the phrase is the title alone: the possessive says whose it is.
    r"(?:(?:the|its|their|his|her|a|an)\s+)?(?:[a-z]+['\u2019]s\s+)?"
    r"(?:(?:new|next|permanent|sole|first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|\d+(?:st|nd|rd|th))\s+)?"
    f"{HOLDER_WORD}"
)
POST = f"(?:,?\\s+{marker('d', 'D')})?"
PRE = f"(?:{marker('d0', 'D')},?\\s+)?"
FUTURE = r"(?:will|would|shall|is\s+to|are\s+to|is\s+set\s+to|is\s+due\s+to|is\s+expected\s+to|are\s+expected\s+to)"
BE = (
    r"(?:was|were|is|are|being|has\s+been|have\s+been|had\s+been|will\s+be|would\s+be|is\s+to\s+be"
    r"|is\s+expected\s+to\s+be)"
)
START_VERB = (
    rf"(?P<verb>(?:{FUTURE}\s+|has\s+|had\s+|have\s+)?{ADVERB}(?:(?:take|takes|took|taken)\s+(?:office"
    rf"|the\s+oath(?:\s+of\s+office)?)|(?:assume|assumes|assumed)\s+office)\s+as"
    rf"|{BE}\s+{ADVERB}sworn\s+in\s+as"
    rf"|(?:{FUTURE}\s+|has\s+|had\s+|have\s+)?{ADVERB}(?:become|became|becomes)"
    rf"|{BE}\s+{ADVERB}(?:appointed|named|elected|re-?elected|re-?appointed|chosen|selected|picked|confirmed"
    rf"|installed|declared"
    rf"|promoted\s+to)(?:\s+as)?"
    rf"|(?:{FUTURE}\s+)?{ADVERB}(?:take|takes|took|taken)\s+over\s+as"
    rf"|{FUTURE}\s+{ADVERB}(?:serve|act)\s+as"
    rf"|(?:{FUTURE}\s+)?{ADVERB}(?:assume|assumes|assumed|take\s+up|takes\s+up|took\s+up)\s+the\s+(?:post|office|role"
    rf"|position)\s+of)"
)
END_VERB = (
    rf"(?P<verb>(?:{FUTURE}\s+|had\s+|has\s+|have\s+)?(?:resigned|resigns|resign|stepped\s+down|steps\s+down"
    rf"|step\s+down|left|leaves|leave|quit|quits|retired|retires|retire)"
    rf"|{BE}\s+(?:dismissed|sacked|fired|ousted|removed))"
)
# A second office the same words are said of: "as chief executive and as chair".
AND_AS = f"(?:\\s+and\\s+(?:as\\s+)?{DET}{marker('o2', 'O')})?"
# What an appointee is appointed to do, before the office: "to serve as", "to act as", "to become", "to be".
TO_SERVE = r"to\s+(?:(?:be|become|serve\s+as|act\s+as)\s+)?"
# The day a change takes effect, after its office: "from Sept. 2", "beginning Oct. 1", "effective today".
# A term's length may stand between ("for five years from April 1"): a length is no end, so it is skipped.
TAKES_EFFECT = (
    f"(?:(?:\\s+{OPEN}L\\d+{CLOSE})?,?\\s+(?:(?:from|beginning|starting|effective|as\\s+of)\\s+)?{marker('d', 'DS')})?"
)
# An adverb of the past before a verb of holding: "previously served as", "was previously".
BEFORE = r"(?:(?:previously|formerly|once|earlier|later)\s+)?"
# A verb of holding and its office: "served as finance minister", "was previously deputy minister".
SERVED = (
    f"(?P<verb>served|was|had\\s+been|has\\s+been)\\s+{BEFORE}(?:(?:one|two|three|four|five|six|\\d+)\\s+terms?\\s+)?"
    f"(?:as\\s+)?{DET}{OFFICE}(?:\\s+of\\s+(?:the\\s+)?{OPEN}C\\d+{CLOSE})?"
)
# Words between an office and its dates ("under Prime Minister X", "in Maier's last government").
UNDER = r"\.?(?:\s+(?:under|in|at|for|with)\s+[^.;]{1,80}?)?,?\s+"
# An end told by the term's: "will step down as chief executive (GACI) when his term ends in June 2026".
TERM_ENDS = (
    f"(?:\\s+\\({ANY}\\))?(?:\\s+(?:when|as)\\s+(?:his|her|their)\\s+(?:term|contract|mandate)\\s+"
    f"(?:ends|expires|runs\\s+out))?"
)
# Who removed a holder, before the day: "was ousted as leader by his own MPs on Tuesday".
BY_AGENT = f"(?:\\s+by\\s+(?:(?!{OPEN}[DSFUL])[^,.;]){{1,40}}?(?=\\s+{OPEN}D))?"
# An end told "with immediate effect" before its day.
AT_ONCE = f"(?:\\s+with\\s+immediate\\s+effect|\\s+with\\s+effect(?=\\s+{OPEN}S))?"
# Who appoints: an organization or a country, or a person or an office phrase ("President X appointed").
APPOINTER = f"(?:{marker('g', 'GC')}|{OPEN}[OP]\\d+{CLOSE})(?:['\u2019]s\\s+board)?"
# The verb in the active voice ("the board named X", "voted to appoint X"), not a passive ("was named").
APPOINT_VERB = (
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)(?<!\bbe\s)(?<!\bis\s)(?<!\bare\s)"
    r"(?P<verb>appointed|appoints|appoint|named|names|name|elected|elects|elect|re-elected|re-elects|reelected"
    r"|hired|hires|hire|chose|choose|picked|picks|nominated|nominates|nominate|confirmed|confirms|confirm"
    r"|reappointed|re-appointed|swore\s+in|swears\s+in|promoted|promotes|promote)"
)
# A few words in lower case (or a country's adjective) before a name: "batsman", "Sri Lankan all-rounder".
DESCRIBED = f"(?:(?:[a-z][a-z-]*|{OPEN}C\\d+{CLOSE}|{OPEN}O\\d+{CLOSE},|[A-Z][a-z]*\\.?)\\s+){{0,3}}"
# A country's possessive before a name: "Australia's Karen Doyle".
COUNTRY_S = f"(?:{OPEN}C\\d+{CLOSE}['\u2019]s\\s+)?"
# The same before the one appointed, and a country's possessive or a title: "Brazil's", "former foreign
# minister", "Senior Deputy Governor" (the title is the one the holder had, told by a rule of its own).
APPOINTED = f"(?:(?:[a-z][a-z-]*|{OPEN}C\\d+{CLOSE}(?:['\u2019]s)?|{OPEN}O\\d+{CLOSE}[,.]?|[A-Z][a-z]*\\.?)\\s+){{0,4}}"
# A date, or a bounded stretch of words and dates, between a subject and its verb ("on Wednesday").
BETWEEN = f"(?:{marker('d0', 'D')}\\s+)?"
# A word or a name that qualifies an organization's noun: "the Geneva-based alliance", "the Dutch club".
QUALIFIED = f"(?:(?:{ANY}|(?!central\\s)[a-z0-9][a-z0-9-]+|[A-Z][\\w-]*{DESCRIBED_BY})\\s+)?"
# The nouns that stand for an organization ("has led the federation since 2013"), longest first.
PLACES = "central\\s+bank|" + "|".join(sorted(ORG_NOUNS, key=lambda noun: (-len(noun), noun)))
# A start told by what ended the one before: "since Y's departure (in June)", "since the retirement of Y".
LEAVING = "departure|retirement|resignation|death|dismissal|removal|exit|ouster|sacking|firing|promotion"
SINCE_THEN = (
    f"(?:{marker('d', 'S')}|since\\s+(?:the\\s+(?:{LEAVING})\\s+of\\s+(?:{COURTESY})?{OPEN}[PR]\\d+{CLOSE}"
    f"|{OPEN}[PR]\\d+{CLOSE}['\u2019]s\\s+(?:{LEAVING}))(?:\\s+{marker('d0', 'D')})?)"
)
