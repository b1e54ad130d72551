"""search.py: a typed name resolved to one entity, and ranked word-by-word search, each cut-off on its boundary."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newskb.answers import search
from newskb.answers.search import SearchHit
from newskb.common.errors import BadArgumentError
from newskb.common.kinds import Kind
from newskb.index.cache import open_index
from newskb.render.plain import as_dict
from tests.conftest import TinyBase


@pytest.fixture
def db(kb: Path) -> sqlite3.Connection:
    connection, problems = open_index(kb)
    assert problems == []
    return connection


def tiny_db(base: TinyBase) -> sqlite3.Connection:
    connection, _ = open_index(base.data)
    return connection


def ids(hits: list[SearchHit]) -> list[str]:
    return [hit.id for hit in hits]


def ranked(hits: list[SearchHit]) -> list[tuple[str, str, int]]:
    return [(hit.kind.value, hit.id, hit.score) for hit in hits]


OFFICE = [Kind.OFFICE]

# --- search: what it finds ---------------------------------------------------------------------------


def test_search_forgives_typos_accents_and_word_order(db: sqlite3.Connection) -> None:
    assert ids(search.search(db, "stoltenbreg"))[0] == "jens-stoltenberg"
    assert ids(search.search(db, "Oana Lungéscu"))[0] == "oana-lungescu"
    assert ids(search.search(db, "Lungesku"))[0] == "oana-lungescu"
    assert ids(search.search(db, "general secretary nato"))[0] == "nato-secretary-general"
    assert ids(search.search(db, "nato chief"))[0] == "nato-secretary-general"
    hit = search.search(db, "rutte", kind=Kind.PERSON)[:1]
    assert [as_dict(found) for found in hit] == [
        {
            "kind": "person",
            "id": "mark-rutte",
            "label": "Mark Rutte",
            "score": 100,
            "source": "rbc-ukraine-2024-09-30-rutte",
            # An entity is not a stated fact: no modality, speaker, agency or as-of day.
            "modality": None,
            "said_by": [],
            "via": [],
            "as_of": None,
            # A person with a summary: as of its source's day, and the quote behind it.
            "when": "2024-09-30",
            "quote": "the former Dutch Prime Minister Mark Rutte was chosen as the new NATO Secretary General",
        }
    ]


def test_search_finds_claims_by_their_words(db: sqlite3.Connection) -> None:
    assert ranked(search.search(db, "troops doubled")) == [("claim", "nato-eastern-troops-doubled", 89)]
    assert ids(search.search(db, "32 member countries"))[0] == "nato-has-32-members"


def test_search_scores_are_0_to_100_best_first(db: sqlite3.Connection) -> None:
    hits = search.search(db, "eastern flank", every=True)
    assert ranked(hits) == [
        ("claim", "bator-eastern-flank-ambitions", 91),
        ("claim", "eastern-flank-central-to-agenda", 91),
        ("claim", "nato-eastern-troops-doubled", 46),
        ("claim", "rutte-eastern-flank-pressure", 46),
        ("claim", "rutte-challenge-trump-and-eastern-allies", 45),
    ]
    # Without every=True, hits under CUT (three quarters) of the best score are left out.
    assert search.CUT == 0.75
    assert search.search(db, "eastern flank") == hits[:2]
    scores = [hit.score for hit in hits]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= score <= 100 for score in scores)


def test_search_with_nothing_to_find(db: sqlite3.Connection) -> None:
    assert search.search(db, "zzqxv") == []
    with pytest.raises(BadArgumentError, match=r"^search needs a word to look for, not '\u2014'$"):
        search.search(db, "\u2014")
    with pytest.raises(BadArgumentError, match=r"^search needs a word to look for, not ''$"):
        search.search(db, "")


def test_each_hit_is_labelled_as_its_kind_reads(db: sqlite3.Connection) -> None:
    hits = {hit.id: hit for hit in search.search(db, "stoltenberg", limit=100)}
    assert as_dict(hits["jens-stoltenberg-nato-secretary-general"]) == {
        "kind": "term",
        "id": "jens-stoltenberg-nato-secretary-general",
        "label": "Jens Stoltenberg \u2014 NATO Secretary General",
        "score": 92,
        "source": "rbc-ukraine-2024-09-30-rutte",
        "modality": "announced",
        "said_by": [],
        "via": ["reuters"],
        "as_of": None,
        "when": "2014~/2024-10-01",
        "quote": "On Tuesday, October 1, Mark Rutte will officially take office as NATO Secretary General, replacing "
        "Jens Stoltenberg, who led the alliance for the past ten years",
    }
    assert (hits["mark-rutte-takes-office"].kind, hits["mark-rutte-takes-office"].label) == (
        Kind.EVENT,
        "Mark Rutte takes office as NATO Secretary General, replacing Jens Stoltenberg",
    )
    assert (hits["stoltenberg-wished-to-step-down"].kind, hits["stoltenberg-wished-to-step-down"].label) == (
        Kind.CLAIM,
        "Stoltenberg repeatedly expressed his desire to step down, "
        "but a suitable replacement proved difficult to find.",
    )
    office = search.search(db, "nato chief")[0]
    assert (office.kind, office.label, office.source) == (Kind.OFFICE, "NATO Secretary General", None)


def test_a_term_whose_holder_is_unknown_is_labelled_by_its_id(tiny: TinyBase) -> None:
    tiny.append(
        tiny.source,
        '[[term]]\nid = "ghost-chair"\noffice = "society-chair"\nholder = "nobody"\nquote = "The society   meets"\n',
    )
    hit = search.search(tiny_db(tiny), "society meets")[0]
    assert (hit.kind, hit.id, hit.label, hit.score) == (Kind.TERM, "ghost-chair", "ghost-chair", 97)


# --- search: ranking, kind, limit ----------------------------------------------------------------------


def test_ties_rank_by_kind_then_id(db: sqlite3.Connection) -> None:
    # "natp" is a 4-letter typo of "nato" (ratio exactly 75: WORD_CUTOFF); at an equal rounded score, a person
    # (here by a summary that names NATO) comes before an office before a term before a claim, whatever their ids.
    assert ranked(search.search(db, "natp", limit=9)) == [
        ("organization", "nato", 78),
        ("office", "nato-secretary-general", 72),
        ("office", "nato-spokesperson", 72),
        ("person", "oana-lungescu", 71),
        ("person", "peter-bator", 70),
        ("office", "slovakia-ambassador-to-nato", 70),
        ("term", "oana-lungescu-nato-spokesperson", 70),
        ("claim", "nato-has-32-members", 70),
        ("term", "peter-bator-slovakia-ambassador-to-nato", 69),
    ]


def test_the_kind_filter_keeps_every_hit_of_that_kind(db: sqlite3.Connection) -> None:
    assert ranked(search.search(db, "nato", kind=Kind.OFFICE)) == [
        ("office", "nato-secretary-general", 95),
        ("office", "nato-spokesperson", 95),
        ("office", "slovakia-ambassador-to-nato", 92),
    ]
    assert ranked(search.search(db, "nato", kind=Kind.ORGANIZATION)) == [("organization", "nato", 100)]
    assert search.search(db, "nato", kind=Kind.SOURCE) == []


def test_the_limit_cuts_the_ranked_list(db: sqlite3.Connection) -> None:
    everything = search.search(db, "nato", limit=1000)
    assert len(everything) == 29
    assert search.search(db, "nato") == everything[:20]  # 20 by default
    assert search.search(db, "nato", limit=2) == everything[:2]
    assert ranked(everything[:2]) == [("organization", "nato", 100), ("office", "nato-secretary-general", 95)]
    assert search.search(db, "nato", limit=0) == []


def test_more_candidates_than_one_sql_statement_takes_are_all_ranked(tiny: TinyBase) -> None:
    # Candidates are looked up 500 at a time: 1001 members make three chunks, the last of one.
    members = "".join(
        f'[[person]]\nid = "member-{number:04d}"\nname = "Member {number:04d}"\n\n' for number in range(1001)
    )
    tiny.append(tiny.entities, members)
    hits = search.search(tiny_db(tiny), "member", limit=5000)
    assert [hit.id for hit in hits] == [f"member-{number:04d}" for number in range(1001)]
    assert {hit.score for hit in hits} == {95}


# --- search: the scores, each cut-off on its boundary ------------------------------------------------


def test_a_whole_name_matched_scores_100_and_a_longer_text_less(db: sqlite3.Connection) -> None:
    # 0.9 x how well the words matched + 10 x the share of the text they cover.
    assert ranked(search.search(db, "mark rutte", limit=4)) == [
        ("person", "mark-rutte", 100),
        # The query names Mark Rutte whole: his terms and what names him (Stoltenberg's summary) match it all.
        ("term", "mark-rutte-netherlands-prime-minister", 93),
        ("person", "jens-stoltenberg", 91),
        ("term", "mark-rutte-nato-secretary-general", 91),
    ]


def test_a_query_word_repeated_does_not_push_a_score_past_100(db: sqlite3.Connection) -> None:
    assert ranked(search.search(db, "rutte rutte", limit=2)) == [
        ("person", "mark-rutte", 100),
        ("term", "mark-rutte-netherlands-prime-minister", 92),
    ]


def test_half_the_words_matched_is_exactly_enough(db: sqlite3.Connection) -> None:
    # "rutte" names Mark Rutte (weighing 2) and "zzqxv" matches nothing (weighing 1): two thirds of the question.
    assert search.MIN_SCORE == 50.0
    hits = search.search(db, "rutte zzqxv")
    assert ranked(hits)[:3] == [
        ("person", "mark-rutte", 70),
        ("term", "mark-rutte-netherlands-prime-minister", 63),
        ("person", "jens-stoltenberg", 61),
    ]
    assert len(hits) == 18
    # Two thirds is enough, a half exactly enough (MIN_SCORE), less is not: "rutte" is two of four.
    assert ids(search.search(db, "rutte zzqxv qqxzv"))[0] == "mark-rutte"
    assert search.search(db, "rutte zzqxv qqxzv wwxzq") == []


def test_a_four_letter_word_matches_by_edit_distance_at_the_word_cutoff(db: sqlite3.Connection) -> None:
    # ratio("natp", "nato") is exactly 75 (WORD_CUTOFF); "nato" alone then scores 0.9 x 75 + 10.
    assert search.WORD_CUTOFF == 75.0
    assert ranked(search.search(db, "natp", limit=1)) == [("organization", "nato", 78)]
    # Just below the cut-off: ratio("natpq", "nato") is 66.7, and no indexed word starts with "natpq".
    assert search.search(db, "natpq") == []


def test_a_three_letter_word_matches_by_prefix_only(db: sqlite3.Connection) -> None:
    # "rut" is too short for edit distance but starts "rutte": a prefix match scores PREFIX_SCORE (90).
    assert search.PREFIX_SCORE == 90.0
    assert ranked(search.search(db, "rut", limit=2)) == [
        ("person", "mark-rutte", 91),
        ("person", "jens-stoltenberg", 82),
    ]
    # "ruz" starts no word and is too short to be a typo of one.
    assert search.search(db, "ruz") == []


def test_a_prefix_never_lowers_a_better_edit_distance_match(db: sqlite3.Connection) -> None:
    # "stoltenber" is both a prefix of "stoltenberg" (90) and one letter from it (ratio 95.2): the better counts.
    assert ranked(search.search(db, "stoltenber", limit=2)) == [
        ("person", "jens-stoltenberg", 96),
        ("event", "mark-rutte-takes-office", 87),
    ]


def test_a_short_word_matches_only_itself(db: sqlite3.Connection) -> None:
    # Two letters: no edit distance, no prefix; an indexed word equal to it still matches fully.
    assert ranked(search.search(db, "us", limit=3)) == [
        ("country", "united-states", 100),
        # "US" names the United States: the office that belongs to it matches as its alias "US President" does.
        ("office", "us-president", 100),
        ("person", "ben-wallace", 91),
    ]
    assert search.search(db, "uz") == []


def test_a_word_expands_to_every_indexed_word_within_the_cutoff(tiny: TinyBase) -> None:
    # "carx" is one letter from each of seven names (ratio 75 each): all seven are found, not the best five.
    names = ["cart", "card", "care", "cars", "carp", "cary", "carl"]
    tiny.append(tiny.entities, "".join(f'[[person]]\nid = "{name}"\nname = "{name.title()}"\n\n' for name in names))
    hits = search.search(tiny_db(tiny), "carx")
    assert ranked(hits) == [("person", name, 78) for name in sorted(names)]


def test_a_text_matching_a_word_two_ways_counts_the_better(tiny: TinyBase) -> None:
    # "chair" expands to "chair" (100) and, as a prefix, "chaired" (90); a text holding both counts 100.
    tiny.append(
        tiny.source,
        '[[claim]]\nid = "chair-chaired"\nabout = ["ada-lovelace"]\ntext = "The chair chaired."\n'
        'quote = "Ada Lovelace succeeded him"\n',
    )
    assert ranked(search.search(tiny_db(tiny), "chair", kind=Kind.CLAIM)) == [("claim", "chair-chaired", 93)]


def test_a_word_the_index_does_not_hold_is_not_looked_up_as_written(tiny: TinyBase) -> None:
    # U+19B0 is a letter to Python, so "babbage\u19b0chaired" is one query word, but a separator to SQLite's
    # tokenizer, which would read it as the phrase "babbage chaired". Only indexed words are looked up.
    assert search.search(tiny_db(tiny), "Babbage\u19b0chaired") == []
    assert ids(search.search(tiny_db(tiny), "Babbage chaired"))[0] == "babbage-chair"


def test_a_text_two_query_words_match_is_covered_once(tiny: TinyBase) -> None:
    # Both typos match the alias "Babbage", a text of one word: ratio 85.7 each, and the text is covered once
    # (10 x at most all of it), not twice: 0.9 x 85.7 + 10.
    assert ranked(search.search(tiny_db(tiny), "babbaje babbagr")) == [
        ("person", "charles-babbage", 87),
        ("term", "babbage-chair", 79),
    ]


def test_a_word_form_never_lowers_a_better_edit_distance_match(db: sqlite3.Connection) -> None:
    # "stoltenbergs" is one letter from "stoltenberg" (ratio 95.65) and has its stem (95): the better counts.
    # Ben Wallace's summary, of 17 words, names Stoltenberg: 0.9 x 95.65 + 10 / 17 = 86.7 (with 95, 86.1).
    assert ranked(search.search(db, "stoltenbergs", limit=2)) == [
        ("person", "jens-stoltenberg", 96),
        ("person", "ben-wallace", 87),
    ]


# --- search that answers questions: question words, word forms, numbers, successors, the cut ----------


def found(hits: list[search.SearchHit]) -> list[tuple[str, int]]:
    return [(hit.id, hit.score) for hit in hits]


def _claims(base: TinyBase, texts: dict[str, str]) -> None:
    """Claims about the society, each with the words given (their quote is the article's)."""
    for claim_id, text in texts.items():
        base.append(
            base.source,
            f'[[claim]]\nid = "{claim_id}"\nabout = ["analytical-society"]\ntext = "{text}"\n'
            'quote = "The society   meets"\n',
        )


def test_a_number_counts_as_an_answer_only_with_what_is_counted_just_after_it(tiny: TinyBase) -> None:
    # A number followed within two words by what the question counts earns 10, any other number 5: "40 new
    # members" answers, "40 new young members" and "members: 40" only give a number.
    _claims(
        tiny,
        {
            "forty-members": "The society has 40 members.",
            "forty-new-members": "The society has 40 new members.",
            "forty-new-young-members": "The society has 40 new young members.",
            "members-then-forty": "The society counts its members: 40.",
            "members-no-number": "The society has members.",
        },
    )
    assert ranked(search.search(tiny_db(tiny), "how many members does the society have", kind=Kind.CLAIM)) == [
        ("claim", "forty-members", 100),
        ("claim", "forty-new-members", 100),
        ("claim", "forty-new-young-members", 98),
        ("claim", "members-then-forty", 98),
        ("claim", "members-no-number", 95),
    ]


def test_a_question_about_a_number_finds_the_claim_that_gives_it(db: sqlite3.Connection) -> None:
    # The claim and NATO's summary give a number of members ("32 member countries"): both first.
    assert found(search.search(db, "how many members does NATO have"))[:3] == [
        ("nato-has-32-members", 100),
        ("nato", 100),
        ("successor-candidates-considered", 92),
    ]


def test_question_words_do_not_count_against_a_record(db: sqlite3.Connection) -> None:
    # Without them the words are "members" and "nato": the same hits as the question.
    assert found(search.search(db, "members nato"))[:3] == [
        ("nato-has-32-members", 93),
        ("nato", 92),
        ("successor-candidates-considered", 92),
    ]
    # A query of question words only is searched as typed: "who led the alliance" is in a quote.
    assert search.search(db, "who")[0].id == "jens-stoltenberg-nato-secretary-general"


def test_a_plural_finds_the_singular_and_back(db: sqlite3.Connection) -> None:
    assert search.search(db, "member countries")[0].id == "nato-has-32-members"
    assert search.search(db, "doubles troop")[0].id == "nato-eastern-troops-doubled"


def test_who_came_after_a_holder_is_the_term_that_replaces_them(db: sqlite3.Connection) -> None:
    for question in ("who came after Stoltenberg", "successor of Stoltenberg", "who replaced stoltenbreg"):
        hits = search.search(db, question)
        assert (hits[0].id, hits[0].score, hits[0].kind) == ("mark-rutte-nato-secretary-general", 100, "term")
    before = search.search(db, "predecessor of Rutte")
    assert (before[0].id, before[0].score) == ("jens-stoltenberg-nato-secretary-general", 100)


def test_a_relation_word_without_a_holder_is_searched_as_a_word(db: sqlite3.Connection) -> None:
    # "succeed" names nobody here: the event whose title holds "succeed" is found as usual.
    assert search.search(db, "succeed candidates")[0].id == "successor-candidates-considered"
    # Asked for another kind, the successor's term is not forced in.
    assert {hit.kind for hit in search.search(db, "who came after Stoltenberg", kind=Kind.PERSON)} == {Kind.PERSON}


def test_hits_far_below_the_best_are_left_out_unless_all(db: sqlite3.Connection) -> None:
    cut = search.search(db, "eastern flank")
    every = search.search(db, "eastern flank", every=True, limit=3)
    assert found(cut) == [("bator-eastern-flank-ambitions", 91), ("eastern-flank-central-to-agenda", 91)]
    assert len(every) == 3  # the limit still applies
    assert every[:2] == cut
    assert every[2].score < 0.75 * 91


def test_a_hit_at_exactly_three_quarters_of_the_best_is_kept(tiny: TinyBase) -> None:
    # "vane" matches a text of three words whole (0.9 x 100 + 10 / 3 = 93.33) and "vine" (ratio 75) in a text
    # of four: 0.9 x 75 + 10 / 4 = 70, exactly CUT of the best.
    _claims(tiny, {"vane-turned": "The vane turned.", "vine-grew": "The vine grew tall."})
    assert ranked(search.search(tiny_db(tiny), "vane")) == [("claim", "vane-turned", 93), ("claim", "vine-grew", 70)]


# Otto Quorn, whom Vera Lind succeeded as the society's secretary; a namesake, and words like his name.
_QUORN_ENTITIES = """\
[[person]]
id = "otto-quorn"
name = "Otto Quorn"
aliases = ["Quorn"]

[[person]]
id = "vera-lind"
name = "Vera Lind"

[[person]]
id = "quornby"
name = "Quornby"

[[office]]
id = "society-secretary"
name = "Secretary of the Analytical Society"
org = "analytical-society"
"""
_QUORN_TERM = """\
[[term]]
id = "lind-secretary"
office = "society-secretary"
holder = "vera-lind"
start = "1840"
replaces = "otto-quorn"
quote = "Lind succeeded Quorn"
"""


def _quorn(base: TinyBase) -> sqlite3.Connection:
    base.append(base.entities, _QUORN_ENTITIES)
    base.append(base.source, _QUORN_TERM)
    base.append(
        base.source,
        '[[claim]]\nid = "quorn-letters"\nabout = ["otto-quorn"]\n'
        'text = "Letters from the society were kept in a box by the door for many years"\n'
        'quote = "The society   meets"\n',
    )
    _claims(base, {"quarn-fields": "Quarn fields flooded."})
    return tiny_db(base)


def test_a_successor_scores_100_and_hits_down_to_three_quarters_of_it_stay(tiny: TinyBase) -> None:
    # "Quarn fields flooded." scores 0.9 x 80 + 10 / 3 = 75.3 ("quarn" is one letter from "quorn"): three
    # quarters of the successor's 100 and a little more.
    assert ranked(search.search(_quorn(tiny), "who succeeded Quorn")) == [
        ("term", "lind-secretary", 100),
        ("person", "otto-quorn", 100),
        ("claim", "quorn-letters", 93),
        ("person", "quornby", 91),
        ("claim", "quarn-fields", 75),
    ]


@pytest.mark.parametrize(
    ("query", "rows"),
    [
        # The successor's term is a hit by its words too (its quote names Quorn): shown once, the list needs one
        # more of the others.
        (
            "who succeeded Quorn",
            [
                ("term", "lind-secretary", 100),
                ("person", "otto-quorn", 100),
                ("claim", "quorn-letters", 93),
                ("person", "quornby", 91),
                ("claim", "quarn-fields", 75),
            ],
        ),
        # The quill claim (read first: it holds "quill") ties the person Quillon ("quill" begins it: 90, and a
        # name of one word); a text that could still tie the last hit is read, and ties go by kind.
        ("quill", [("person", "quillon", 91), ("claim", "lovelace-quill", 91)]),
        # A text read later, that gives a number of what is counted, may outrank one read earlier by 10.
        (
            "how many notes did lovelace write",
            [
                ("claim", "lovelace-seven-notes", 100),
                ("claim", "lovelace-seven-long-notes", 99),
                ("claim", "lovelace-notes", 96),
                ("claim", "lovelace-quill", 89),
            ],
        ),
    ],
)
def test_the_best_hits_are_the_same_when_fewer_are_asked_for_one_text_at_a_time(
    tiny: TinyBase, monkeypatch: pytest.MonkeyPatch, query: str, rows: list[tuple[str, str, int]]
) -> None:
    _quorn(tiny)
    tiny.append(tiny.entities, '[[person]]\nid = "quillon"\nname = "Quillon"\n')
    _claims(
        tiny,
        {
            "lovelace-quill": "Ada Lovelace wrote her notes with a quill every night",
            "lovelace-notes": "Lovelace wrote notes.",
            "lovelace-seven-notes": "Lovelace wrote 7 notes on the engine.",
            "lovelace-seven-long-notes": "Lovelace wrote 7 long notes on the engine in 1843.",
        },
    )
    connection = tiny_db(tiny)
    every = search.search(connection, query, limit=100, every=True)
    assert ranked(every) == rows
    # Read one text at a time, search stops as soon as no text left could reach the last hit asked for.
    monkeypatch.setattr(search, "READ_AT_ONCE", 1)
    for limit in range(1, len(rows) + 1):
        assert search.search(connection, query, limit=limit, every=True) == every[:limit], limit


def test_a_claim_hit_says_who_said_it_and_as_of_when(db: sqlite3.Connection) -> None:
    (hit,) = [hit for hit in search.search(db, "primary tasks eastern flank") if hit.kind is Kind.CLAIM][:1]
    assert (hit.id, hit.label, hit.said_by, hit.as_of, hit.modality, hit.via) == (
        "bator-eastern-flank-ambitions",
        "Peter Bator: One of Rutte's primary tasks will be deciding NATO's future ambitions on the eastern flank.",
        ["peter-bator"],
        "2024-09-30",
        "stated",
        [],
    )


def test_a_claim_whose_source_is_missing_is_skipped_not_answered(tiny: TinyBase) -> None:
    # Found by the Hypothesis test of hostile records (search failed on it once): check reports the missing
    # source and quote, and answers skip the claim rather than answer it unsourced.
    loose = tiny.data / "loose.toml"
    loose.write_text('[[claim]]\nid = "lovelace-remark"\ntext = "Ada writes notes"\n', encoding="utf-8")
    assert search.search(tiny_db(tiny), "notes") == []
    assert search.search(tiny_db(tiny), "Lovelace")  # the rest of the base is answered


def test_a_speaker_the_base_does_not_hold_is_named_by_id(tiny: TinyBase) -> None:
    # check reports the unknown speaker; search still answers, with the id where the name would be.
    tiny.append(
        tiny.source,
        '[[claim]]\nid = "weekly-meetings"\nabout = ["analytical-society"]\nsaid_by = ["nobody"]\n'
        'text = "The society meets weekly"\nquote = "The society   meets"\n',
    )
    [hit] = search.search(tiny_db(tiny), "weekly")
    assert (hit.id, hit.label, hit.said_by) == ("weekly-meetings", "nobody: The society meets weekly", ["nobody"])


# --- the vocabulary's indexes: a typed word finds its neighbours without reading every word ------------------


def _expanded_over_every_word(connection: sqlite3.Connection, word: str) -> dict[str, float]:
    """What a word expanded to when it was compared with every indexed word (before vocab.py)."""
    from rapidfuzz import fuzz, process

    from newskb.common.words import stem

    vocabulary = [row[0] for row in connection.execute("SELECT term FROM doc_vocab")]
    expansions: dict[str, float] = {}
    if len(word) >= 4:
        matches = process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=search.WORD_CUTOFF, limit=None)
        expansions.update((token, score) for token, score, _ in matches)
    if len(word) >= 3:
        root = stem(word)
        for token in vocabulary:
            if token.startswith(word):
                expansions[token] = max(expansions.get(token, 0.0), search.PREFIX_SCORE)
            if token[:3] == root[:3] and stem(token) == root:
                expansions[token] = max(expansions.get(token, 0.0), search.STEM_SCORE)
    if word in expansions or word in vocabulary:
        expansions[word] = 100.0
    return expansions


def _typos(word: str) -> list[str]:
    """The word with one letter changed, removed, added or two swapped, at its middle."""
    middle = len(word) // 2
    return [
        word[:middle] + "x" + word[middle + 1 :],
        word[:middle] + word[middle + 1 :],
        word[:middle] + "x" + word[middle:],
        word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :],
    ]


def test_a_word_finds_every_word_one_edit_away_and_nothing_the_whole_vocabulary_would_not(tmp_path: Path) -> None:
    from rapidfuzz.distance import OSA

    from benchmarks.generate import generate

    generate(2000, tmp_path / "gen")
    connection, _ = open_index(tmp_path / "gen" / "data")
    words = [
        row[0]
        for row in connection.execute(
            "SELECT * FROM (SELECT term FROM doc_vocab WHERE length(term) > 3 AND term GLOB '*[a-z]*' LIMIT 250) "
            "UNION ALL SELECT * FROM (SELECT term FROM doc_vocab WHERE length(term) > 3 AND term < 'a' LIMIT 50)"
        )
    ]
    assert {len(word) for word in words} >= {4, 5, 6, 7}
    for typed in {typo for word in words for typo in [word, *_typos(word)]}:
        expanded = search._expand(connection, typed)
        every = _expanded_over_every_word(connection, typed)
        assert expanded.items() <= every.items(), typed
        one_edit = {token: score for token, score in every.items() if OSA.distance(typed, token) <= 1}
        assert one_edit.items() <= expanded.items(), typed


def test_a_word_added_since_the_first_build_is_found_with_a_typo(tiny: TinyBase) -> None:
    connection = tiny_db(tiny)
    assert search.search(connection, "quartermian") == []
    tiny.append(tiny.entities, '[[person]]\nid = "zenobia-quartermain"\nname = "Zenobia Quartermain"\n')
    connection = tiny_db(tiny)
    assert ids(search.search(connection, "quartermian")) == ["zenobia-quartermain"]
    assert ids(search.search(connection, "zenbia")) == ["zenobia-quartermain"]
    indexed = {row[0] for row in connection.execute("SELECT term FROM doc_vocab")}
    assert indexed <= {row[0] for row in connection.execute("SELECT word FROM vocab")}


def test_the_best_hits_are_the_same_when_fewer_are_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Asked for 20, search stops reading texts that could no longer reach the 20th hit: the 20 it gives are the
    # first 20 of every hit, scores and order alike. (Ten texts at a time, so that a small base has many.)
    from benchmarks.generate import generate

    monkeypatch.setattr(search, "READ_AT_ONCE", 10)
    generate(3000, tmp_path / "gen")
    connection, _ = open_index(tmp_path / "gen" / "data")
    statements: list[str] = []
    connection.set_trace_callback(statements.append)
    surname = connection.execute("SELECT alias FROM alias WHERE record_id = 'person-5'").fetchone()[0]
    typo = surname[:-2] + surname[-1] + surname[-2]
    pruned = 0
    asked = [(surname, None), (typo, None), (typo, Kind.PERSON), (typo, Kind.EVENT), ("budget", Kind.CLAIM)]
    asked += [("opens the council summit", None), ("how many plans", None)]
    for query, kind in asked:
        statements.clear()
        every = search.search(connection, query, kind=kind, limit=100_000, every=True)
        read_every = sum("FROM doc WHERE id IN" in statement for statement in statements)
        assert len(every) > 3, query
        for limit in (1, 3, 20):
            statements.clear()
            assert search.search(connection, query, kind=kind, limit=limit, every=True) == every[:limit]
            read = sum("FROM doc WHERE id IN" in statement for statement in statements)
            assert read <= read_every
            pruned += read < read_every
    assert pruned >= 5  # most of the 21 questions read fewer texts
