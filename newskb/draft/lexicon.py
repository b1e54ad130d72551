"""The English the drafter reads: the grammar of titles, and the small words that tell a name from the start
of a sentence (calendar words and numbers: timewords.py). Rules of the language only, never names of anything.
"""

from __future__ import annotations

# --- Titles ------------------------------------------------------------------------------------
# A title is a run of these words holding at least one head noun: "deputy governor", "chief financial
# officer", "Prime Minister", "secretary general". Some heads are heads only in company (see offices.py).
TITLE_HEADS = frozenset(
    (
        *("minister", "premier", "president", "chancellor", "secretary", "secretary-general", "spokesperson"),
        *("spokespeople", "spokespersons", "co-spokespeople", "co-leaders", "co-chairs"),
        *("spokesman", "spokeswoman", "ambassador", "envoy", "governor", "mayor", "chair", "chairman"),
        *("chairwoman", "chairperson", "director", "director-general", "manager", "coach", "rector", "dean"),
        *("provost", "vice-chancellor", "commissioner", "representative", "speaker", "editor"),
        *("editor-in-chief", "treasurer", "captain", "leader", "head", "chief", "executive", "officer"),
        *("general", "ceo", "cfo", "coo", "cto", "md", "registrar", "superintendent", "ombudsman", "president-elect"),
        *("controller", "comptroller", "counsel", "auditor", "vice-president", "chief-executive", "premier-elect"),
        *("commandant", "marshal", "constable", "prosecutor", "justice", "bishop", "archbishop", "senator"),
        *("gov", "sen", "supt", "organiser", "organizer"),
    )
)
TITLE_MODIFIERS = frozenset(
    (
        *("prime", "deputy", "vice", "acting", "interim", "first", "foreign", "finance", "defence", "defense", "lt"),
        *("interior", "justice", "health", "education", "economy", "economic", "trade", "transport", "energy"),
        *("environment", "culture", "agriculture", "labour", "labor", "home", "chief", "executive", "managing"),
        *("senior", "top", "high", "permanent", "supreme", "state", "assistant", "technical", "sporting"),
        *("artistic", "operating", "financial", "technology", "press", "principal", "associate", "general"),
        *("secretary", "head", "foreign-affairs", "affairs", "national"),
        *("forwards", "backs", "goalkeeping", "batting", "bowling", "fitness", "attack", "scrum"),
        # Portfolios and departments written before a head: "budget director", "Transportation Secretary".
        *("budget", "transportation", "housing", "commerce", "treasury", "security", "science", "tourism"),
        *("sport", "sports", "communications", "infrastructure", "development", "industry", "planning"),
        *("marketing", "sales", "operations", "investment", "research", "legal", "compliance", "risk"),
        *("strategy", "digital", "information", "climate", "immigration", "welfare", "city", "county"),
        *("second", "third", "co", "medical", "public", "works", "fisheries", "forestry", "mines", "petroleum"),
        *("borough", "lord"),
        *("accounting", "corporate", "human", "resources", "people", "product", "creative", "commercial"),
        *("customer", "data", "academic", "administrative", "scientific", "editorial", "news", "political"),
        *("district", "attorney", "solicitor", "auditor", "inspector", "lieutenant", "majority", "minority"),
        *("parliamentary", "cabinet", "provincial", "federal", "defense", "treasury", "team"),
        *("water", "youth", "women", "family", "social", "employment", "pensions", "regional", "rural"),
    )
)
# Heads that are heads only after one of these words: "secretary general", "chief executive".
HEAD_AFTER = {
    "general": frozenset(
        ("secretary", "director", "attorney", "governor", "surgeon", "inspector", "auditor", "solicitor", "accountant")
    ),
    "executive": frozenset(("chief",)),
    "officer": frozenset(
        (
            *("chief", "executive", "financial", "operating", "technology", "technical", "press", "accounting"),
            *("compliance", "risk", "legal", "information", "data", "marketing", "people", "medical", "investment"),
            *("commercial", "security", "digital", "administrative", "communications", "customer", "product"),
        )
    ),
}
# Titles written as initials, and the words they stand for (the first the article also writes, else the
# first here): "CEO" is the "chief executive" of an article that writes that, else "chief executive officer".
TITLE_INITIALS = {
    "ceo": ("chief executive officer", "chief executive"),
    "cfo": ("chief financial officer",),
    "coo": ("chief operating officer",),
    "cto": ("chief technology officer",),
    "md": ("managing director",),
    # Abbreviations of titles before a name ("Gov. Dana Whitcombe", "Sen. Ana Ruiz").
    "gov": ("governor",),
    "sen": ("senator",),
    "supt": ("superintendent",),
    "lt": ("lieutenant",),
}
# Verbs that stand before a title in lower case ("became chief", "remains chairman").
VERBS_BEFORE_TITLES = frozenset(
    ("became", "become", "becomes", "becoming", "remains", "remain", "remained", "make", "makes", "made", "serve")
)
# Heads that are also modifiers, which a noun of an agent may follow: "chief economist", "chief climate
# negotiator" are titles of their own, not a "chief".
OPEN_HEADS = frozenset(("chief", "head"))
AGENT_ENDINGS = ("or", "er", "ist", "ian", "ant", "ent", "eer")
# A field in lower case after a title ("director of strategy", "vice president for academic affairs") is
# part of it; these words end it or are none of it.
FIELD_JOINERS = frozenset(("of", "for"))
NOT_FIELD = frozenset(
    (
        *("the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our", "my", "your"),
        *("and", "or", "but", "to", "in", "on", "at", "of", "for", "from", "by", "with", "since", "until", "as"),
        *("between",),
        *("who", "which", "whom", "whose", "when", "where", "after", "before", "under", "over", "about", "than"),
        *("is", "was", "were", "are", "be", "been", "will", "would", "has", "had", "have", "said", "says", "not"),
        *("year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades", "time"),
        *("season", "seasons", "term", "terms", "life", "now", "then", "only", "more", "less", "most", "all"),
    )
)
# A head that needs "of" after it to be a title: "head of", not "the head" of a body.
HEAD_NEEDS_OF = frozenset(("head",))
# Titles of a state's offices: an unknown name they belong to ("Finance Minister of X") is a country.
STATE_HEADS = frozenset(("minister", "premier", "ambassador", "envoy", "president", "chancellor", "king", "queen"))
# Of those, the heads only a state has: alone, they are the country's ("Finance Minister X" in an article
# about one country). A president may be a club's or a university's, so a bare one is the country's only
# when the article names no organization at all.
STATE_ONLY_HEADS = frozenset(("minister", "premier", "ambassador", "envoy", "king", "queen"))
# Whole titles that are a state's alone, whatever organization the article is about: its law officers.
STATE_ONLY_TITLES = frozenset(("attorney general", "solicitor general"))
# Words in the name of a country's central bank ("Bank of Korea", "Czech National Bank"): "the central
# bank" is the organization whose name holds one and "bank".
CENTRAL_BANK_WORDS = frozenset(("central", "national", "reserve", "federal", "bundesbank"))
# A title's complement that names the organization it belongs to ("of X", "at X") or is part of it ("to X").
OF_WORDS = frozenset(("of", "at"))
TO_HEADS = frozenset(("ambassador", "envoy", "representative"))

# Verbs whose object names the organization whose head the subject is ("chaired the guild": its chair).
VERB_TITLES = {"chaired": "chair", "managed": "manager", "coached": "coach"}
# Verbs that say the subject was an organization's head without naming the title ("led the university"), and
# the titles of a head: the one such office the article names for that organization is it.
LEADING_VERBS = frozenset(("led", "leads", "headed", "heads", "ran", "runs", "run"))
LEADING_TITLES = frozenset(
    (
        *("president", "chair", "chairman", "chairwoman", "chairperson", "chancellor", "vice chancellor"),
        *("rector", "principal", "governor", "mayor", "leader", "director general", "secretary general"),
        *("general secretary", "chief executive", "chief executive officer", "managing director", "manager"),
        *("head coach", "editor", "commissioner", "superintendent", "police chief", "chief constable"),
    )
)

# Heads that are one title however written: a "chairman" and a "chair" of one organization are one office.
HEAD_VARIANTS = (
    frozenset(("chair", "chairman", "chairwoman", "chairperson")),
    frozenset(("spokesperson", "spokesman", "spokeswoman")),
)
# Words that make a title another office than its head's: a deputy governor is not the governor.
RANK_WORDS = frozenset(
    ("deputy", "vice", "assistant", "associate", "co", "under", "junior", "senior", "first", "second", "third")
)
# Words that say a holder is not yet (or not fully) the office's own: a note on the term, not its title.
INTERIM_WORDS = frozenset(("interim", "acting", "caretaker"))
# The same, in a phrase that names no office ("took interim charge", "on an acting basis"), as a pattern.
INTERIM_CHARGE = r"(?:interim|acting|temporary|caretaker)"

# --- Names -------------------------------------------------------------------------------------
# Words of courtesy or rank before a name, not part of it: "Professor Sir Malcolm Greaves", "Dr. Asante".
HONORIFICS = frozenset(
    (
        *("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lady", "lord", "rev"),
        *("reverend", "cllr", "judge", "officer", "sergeant", "sgt", "detective", "trooper", "capt", "lt", "cmdr"),
        *("deputy", "col", "colonel", "maj", "gen", "brig", "adm", "cpl", "insp"),
    )
)
# Letters written after a name, not part of it (in capitals): a seat ("MP", "MEP", "TD"), a rank at the bar
# ("KC"), an honour ("OBE").
POSTNOMINALS = frozenset(
    (*("mp", "mep", "msp", "mla", "mpp", "ms", "td", "qc", "kc", "sc", "obe", "mbe", "cbe", "kbe", "dbe", "frs"),)
)
# Words that make a name's possessive part of a longer name: "King Edward's College", "Guy's Hospital".
POSSESSIVE_NAMES = frozenset(("college", "university", "school", "hospital", "academy", "institute", "cathedral"))
# Words that join the parts of one name: "University of Kessel", "Ludwig van Beethoven".
NAME_CONNECTORS = frozenset(
    (
        *("of", "for", "on", "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del", "bin", "dos"),
        *("das", "do", "ter", "zu"),
    )
)
# Of those, the ones that join an organization's name to a place or a field, not the parts of a person's.
OF_CONNECTORS = frozenset(("of", "for", "on"))
# Words that make a name an organization's.
ORG_WORDS = frozenset(
    (
        *("ministry", "bank", "university", "college", "school", "academy", "institute", "club", "town", "city"),
        *("united", "fc", "company", "corporation", "corp", "group", "holdings", "freight", "logistics", "airlines"),
        *("airways", "mining", "energy", "motors", "partners", "inc", "ltd", "plc", "gmbh", "party", "council"),
        *("parliament", "assembly", "senate", "board", "committee", "commission", "agency", "authority", "court"),
        *("foundation", "fund", "association", "federation", "union", "league", "guild", "society", "church"),
        *("museum", "observatory", "hospital", "police", "army", "navy", "government", "news", "press", "times"),
        *("gazette", "herald", "tribune", "radio", "television", "tv", "alliance", "organization", "organisation"),
        *("office", "service", "services", "bureau", "trust", "institution", "department", "forum", "network"),
        # The trade of a company, the last word of a club: "Tidewater Shipping", "Carrow Athletic".
        *("shipping", "lines", "textiles", "pharma", "pharmaceuticals", "biotech", "telecom", "software", "foods"),
        *("media", "capital", "industries", "systems", "technologies", "steel", "insurance", "investments"),
        *("brewery", "airport", "railways", "athletic", "rovers", "wanderers", "rangers", "regulator"),
        *("chemicals", "polymers", "materials", "electronics", "solutions", "resources", "ventures", "labs"),
        *("studios", "entertainment", "brands", "retail", "stores", "bancorp", "securities", "petroleum", "oil"),
        *("power", "utilities", "automotive", "aerospace", "construction", "engineering", "healthcare", "works"),
        *("werke", "enterprises", "manufacturing", "logistics", "semiconductors", "therapeutics", "robotics"),
        # Legal forms of companies in other countries ("Norrvik Energi AB", "Nordvik Shipping ASA").
        *("ab", "asa", "oy", "oyj", "nv", "bv", "spa", "srl", "sarl", "llc", "llp", "pty", "kgaa", "energi", "hf"),
    )
)
# The last words of a city's local bodies, after the city's name: "Harlan Falls City Council".
LOCAL_BODIES = frozenset(
    (
        *(("city", "council"), ("town", "council"), ("borough", "council"), ("county", "council")),
        *(("district", "council"), ("police", "department"), ("fire", "department"), ("city", "hall")),
        *(("police", "service"), ("school", "board"), ("school", "district"), ("police",)),
    )
)
# Words of a city's titles ("mayor", "city manager"): a bare one is the city's, where the article names one.
CITY_TITLE_WORDS = frozenset(("mayor", "city", "town"))
# Nouns that stand for an organization named before: "the club", "the university", "Club chairman".
ORG_NOUNS = frozenset(
    (
        *("club", "company", "firm", "group", "university", "bank", "party", "government", "ministry", "board"),
        *("council", "guild", "society", "academy", "alliance", "league", "federation", "union", "agency", "city"),
        *("town", "team", "organisation", "organization", "institute", "college", "school", "museum", "police"),
        *("parliament", "assembly", "regulator", "department", "commission", "committee", "authority"),
        *("chamber", "squad", "side", "body", "bloc", "secretariat", "court", "tribunal", "paper", "newspaper"),
        *("broadcaster", "magazine"),
    )
)
# Of those, bodies that are not the organization an article is about when none is named by them: "the
# police chief" in a story about a company is not the company's.
BODY_NOUNS = frozenset(
    (
        *("board", "police", "government", "ministry", "parliament", "assembly", "council", "department"),
        *("commission", "committee", "authority"),
    )
)
# The words of an organization's governing body ("Board of Directors", "Supervisory Board", "Board of
# Regents"): a body of the organization, never the organization whose officers it names or whose offices exist.
GOVERNING_WORDS = frozenset(
    ("board", "directors", "trustees", "regents", "governors", "supervisory", "management", "executive", "of", "the")
)
# The first words of a university's units ("Faculty of Medicine", "College of Engineering"): a dean's or a
# head's office of the unit is the university's.
UNIT_WORDS = frozenset(("faculty", "college", "school", "department", "division", "institute", "centre", "center"))
# Words of a state's bodies, which a country's possessive before them makes that country's ("Colombia's
# Constitutional Court": the Constitutional Court of Colombia).
STATE_BODY_WORDS = frozenset(
    (
        *("court", "tribunal", "senate", "parliament", "assembly", "congress", "ministry", "commission"),
        *("agency", "representatives"),
    )
)
# The words of a state body's name that says only what it is ("the Supreme Court", "the Court of Appeal", "the
# National Assembly"): in an article that names one country, that country's.
GENERIC_BODY_WORDS = frozenset(
    (
        *("court", "tribunal", "senate", "parliament", "assembly", "congress", "supreme", "high", "federal"),
        *("constitutional", "appeal", "appeals", "national", "house", "representatives", "of", "the", "upper"),
        *("lower", "chamber", "deputies", "cassation", "administrative", "electoral"),
    )
)
# Words of a club's name, which "the club" or "the team" stands for: "Ashby Rovers", "Tema Lions FC".
CLUB_WORDS = frozenset(("club", "team", "fc", "united", "rovers", "athletic", "wanderers", "rangers", "albion"))
# The words of a regulator's name: "the regulator" is the one organization named with one ("Capital Markets
# Authority", "Securities Commission").
REGULATOR_WORDS = frozenset(("regulator", "authority", "commission", "agency"))
# Verbs that make the name after them the one appointed ("names Delgado police chief"), and the name before
# them an organization or a person who appoints.
APPOINTING = frozenset(
    (
        *("appointed", "appoints", "named", "names", "elected", "elects", "hired", "hires", "chose", "picked"),
        *("picks", "nominated", "nominates", "name", "appoint", "elect", "hire", "pick", "nominate"),
    )
)
# Words that start sentences without being names: "When Marta Lind ...", "Among Rutte's ...".
STARTERS = frozenset(
    (
        *("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"),
        *("he", "she", "it", "they", "we", "i", "you", "but", "and", "or", "so", "yet", "when", "while", "after"),
        *("before", "since", "until", "as", "at", "in", "on", "of", "for", "from", "by", "with", "without"),
        *("under", "over", "about", "according", "among", "additionally", "also", "however", "meanwhile", "during"),
        *("ultimately", "although", "though", "if", "once", "then", "there", "here", "what", "who", "which"),
        *("where", "why", "how", "former", "new", "last", "next", "earlier", "later", "today", "yesterday"),
        *("tomorrow", "both", "each", "every", "some", "many", "most", "all", "no", "not", "only", "still"),
        # Plural people that open a sentence: "Members of the X Union have elected ...".
        *("members", "officials", "delegates", "lawmakers", "shareholders", "voters", "senators", "employees"),
    )
)
SUBJECT_PRONOUNS = frozenset(("he", "she"))
# "him" or "her" is a person only after a verb of succeeding ("before succeeding him"): elsewhere "her" is
# often a possessive ("her post").
OBJECT_PRONOUNS = frozenset(("him", "her"))
SUCCEEDING = frozenset(
    ("succeed", "succeeds", "succeeded", "succeeding", "replace", "replaces", "replaced", "replacing")
)
# The last word of a company's or a club's full name, which news often leaves out: "Orchard Foods (Group)".
ORG_SUFFIXES = frozenset(
    (
        *("club", "group", "fc", "inc", "ltd", "plc", "company", "corp", "corporation", "holdings", "llc", "ag"),
        *("sa", "rovers", "rangers", "athletic", "wanderers", "albion", "university", "college", "party", "town"),
        *("united", "city", "county", "ab", "asa", "gmbh", "ik", "hc", "sc"),
    )
)
# A company's legal form, which may follow its name after a comma ("Brixley Industries, Inc.").
LEGAL_FORMS = frozenset(
    (
        *("inc", "ltd", "llc", "plc", "corp", "co", "lp", "llp", "ag", "sa", "nv", "bv", "gmbh", "ab", "asa", "oy"),
        *("oyj", "hf"),
    )
)
# Of those, the ones news writes in lower case after the name: "Corran Energy plc", "Hafnar Bank hf.".
LOWER_CASE_FORMS = frozenset(("plc", "hf"))
# Nouns that stand before an organization's name: "Spanish side Baloncesto Arenal", "rival Nordlys Lines".
ORG_BEFORE_NAME = frozenset(
    (
        *("side", "club", "team", "outfit", "rival", "rivals", "firm", "company", "group", "lender", "carrier"),
        *("insurer", "party", "maker", "broadcaster", "retailer", "airline", "miner", "bank"),
    )
)
# Verbs whose object is an organization ("managed Harrow Vale", "joined Brightline").
ORG_OBJECT_VERBS = frozenset(
    ("managed", "coached", "led", "ran", "run", "runs", "chaired", "headed", "joined", "governed", "leads", "coaches")
)

# --- Verbs -------------------------------------------------------------------------------------
REPORTING_VERBS = frozenset(
    ("said", "says", "told", "added", "announced", "announces", "reported", "reports", "stated", "wrote")
)
# What marks a clause as looking ahead ("will take office") and as told in the past ("took office").
FUTURE = (
    r"\b(?:will|shall|would|'ll|(?:is|are|was|were)\s+(?:to|due\s+to|set\s+to|expected\s+to|scheduled)"
    r"|plans?\s+to|intends?\s+to)\b"
)
# A handover in the present tense is one scheduled ("She takes over on Monday", "who retires on Nov. 5"): news
# tells a past one in the past tense.
SCHEDULED = r"\b(?:takes\s+(?:over|office|charge|up)|starts|begins|joins|steps\s+down|retires|leaves)\b"
PAST_IRREGULAR = frozenset(
    (
        *("was", "were", "had", "did", "said", "took", "left", "became", "won", "ran", "led", "held", "met"),
        *("began", "chose", "came", "went", "rose", "fell", "quit", "gave", "made", "told", "saw", "got"),
        *("sold", "lost", "kept", "stood", "spoke", "wrote", "brought", "bought", "paid", "swore", "grew"),
    )
)
# Words ending in -ed that are not past tenses.
# The endings of words that name a people or a place's things ("European", "Varnian", "Japanese"): before a
# word in lower case they qualify it ("European security") and are not names.
DEMONYM_ENDINGS = ("ean", "ian", "ese", "ish")
NOT_PAST = frozenset(("need", "feed", "seed", "speed", "proceed", "exceed", "succeed", "indeed", "bed", "red", "shed"))
