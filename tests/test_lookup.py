"""lookup.py: a typed name resolves to the entity it names, up to typos and word order, and never to another.

The two tables below were written before the word-by-word rule: offices the seed base does not hold, which
must all be refused (a fuzzy scorer answered several of them from another office), and typos, aliases and
variants of the base's own offices, which must all still be found.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newskb.answers import lookup
from newskb.answers.lookup import Match
from newskb.common.errors import AmbiguousNameError, NotFoundError, UnknownNameError
from newskb.common.kinds import Kind
from newskb.index.cache import open_index
from tests.conftest import TinyBase


@pytest.fixture
def db(kb: Path) -> sqlite3.Connection:
    connection, problems = open_index(kb)
    assert problems == []
    return connection


def tiny_db(base: TinyBase) -> sqlite3.Connection:
    connection, _ = open_index(base.data)
    return connection


OFFICE = [Kind.OFFICE]
BODY = [Kind.ORGANIZATION, Kind.COUNTRY]

# Offices the seed base does not hold: heads of state and government, the UN, NATO's deputy and military posts,
# ministers of other countries. Each shares words with an office the base holds.
NOT_IN_THE_BASE = [
    "President of Ukraine",
    "NATO Deputy Secretary General",
    "UN Secretary General",
    "US Secretary of State",
    "Russian president",
    "NATO Supreme Allied Commander",
    "Prime Minister of the United Kingdom",
    "UK Prime Minister",
    "President of Russia",
    "Prime Minister of Ukraine",
    "Prime Minister of Russia",
    "Ukrainian Defence Minister",
    "Russian Defence Minister",
    "US Defense Secretary",
    "Secretary General of the United Nations",
    "NATO Military Committee Chairman",
    "European Commission President",
    "President of the European Council",
    "German Chancellor",
    "French President",
    "Vice President of the United States",
    "US Vice President",
    "Dutch Foreign Minister",
    "Minister of Defence of the Netherlands",
    "President of the Netherlands",
    "Slovak Prime Minister",
    "Slovak President",
    "British Foreign Secretary",
    "NATO Deputy Spokesperson",
    "US Ambassador to NATO",
    "Ukrainian Ambassador to NATO",
    "Dutch Ambassador to NATO",
    "Acting NATO Secretary General",
    "White House Press Secretary",
    "Chairman of the Joint Chiefs of Staff",
    "IMF Managing Director",
    "Head of the Russian Federation",
]

# Typos, case, accents, hyphens, word order, spelling variants and aliases of the base's own offices.
THE_BASE_OFFICES = [
    ("secretary genral of nato", "nato-secretary-general"),
    ("general secretary nato", "nato-secretary-general"),
    ("NATO Secretery Generel", "nato-secretary-general"),
    ("Nato's Secretary General", "nato-secretary-general"),
    ("NATÓ secretary—genral", "nato-secretary-general"),
    ("nato cheif", "nato-secretary-general"),
    ("Secretary General of the alliance", "nato-secretary-general"),
    ("North Atlantic Treaty Organization Secretary General", "nato-secretary-general"),
    ("dutch prime minster", "netherlands-prime-minister"),
    ("Prime Minister of Netherlands", "netherlands-prime-minister"),
    ("Netherlands PM", "netherlands-prime-minister"),
    ("Slovakia ambassador to NATO", "slovakia-ambassador-to-nato"),
    ("NATO spokeswomen", "nato-spokesperson"),
    ("spokesperson of NATO", "nato-spokesperson"),
    ("British Defense Secretary", "uk-defence-secretary"),
    ("Defence Secretary of the United Kingdom", "uk-defence-secretary"),
    ("uk defense secretery", "uk-defence-secretary"),
    ("President of the USA", "us-president"),
    ("US presidnet", "us-president"),
    ("Prezident of the United States", "us-president"),
]


@pytest.mark.parametrize("typed", NOT_IN_THE_BASE)
def test_an_office_the_base_does_not_hold_is_refused(db: sqlite3.Connection, typed: str) -> None:
    with pytest.raises(UnknownNameError, match=f"^no office named '{typed}' in the fact base"):
        lookup.resolve(db, typed, OFFICE, "office")


def test_the_tables_are_as_large_as_promised() -> None:
    assert len(NOT_IN_THE_BASE) >= 30
    assert len(THE_BASE_OFFICES) >= 15


@pytest.mark.parametrize(("typed", "office_id"), THE_BASE_OFFICES)
def test_a_typo_alias_or_variant_of_an_office_is_found(db: sqlite3.Connection, typed: str, office_id: str) -> None:
    match = lookup.resolve(db, typed, OFFICE, "office")
    assert (match.id, match.kind, match.exact) == (office_id, Kind.OFFICE, False)


def test_refusals_suggest_the_offices_that_know_most_of_the_words(db: sqlite3.Connection) -> None:
    def refusal(typed: str) -> str:
        with pytest.raises(UnknownNameError) as caught:
            lookup.resolve(db, typed, OFFICE, "office")
        return str(caught.value)

    assert refusal("President of Ukraine") == (
        "no office named 'President of Ukraine' in the fact base (did you mean 'President of the United States'?)"
    )
    assert refusal("UN Secretary General") == (
        "no office named 'UN Secretary General' in the fact base "
        "(did you mean 'NATO Secretary General' or 'UK Defence Secretary'?)"
    )
    # A body's name alone names none of its offices.
    assert refusal("NATO") == (
        "no office named 'NATO' in the fact base "
        "(did you mean 'NATO Secretary General', 'Slovak Ambassador to NATO' or 'NATO spokesperson'?)"
    )
    assert refusal("Netherlands") == (
        "no office named 'Netherlands' in the fact base (did you mean 'Prime Minister of the Netherlands'?)"
    )
    assert refusal("xyzzy") == "no office named 'xyzzy' in the fact base"
    assert refusal("\u2014") == "no office named '\u2014' in the fact base"


def test_an_id_a_name_or_an_alias_is_found_exactly(db: sqlite3.Connection) -> None:
    nsg = Match(id="nato-secretary-general", kind=Kind.OFFICE, name="NATO Secretary General", score=100.0, exact=True)
    for typed in ("nato-secretary-general", "NATO Secretary General", "Nato Secretary-General", "NATO   CHIEF"):
        assert lookup.resolve(db, typed, OFFICE, "office") == nsg, typed
    rutte = lookup.resolve(db, "rutte", [Kind.PERSON], "person")
    assert (rutte.id, rutte.kind, rutte.name, rutte.exact) == ("mark-rutte", Kind.PERSON, "Mark Rutte", True)


def test_among_several_kinds_the_kind_found_is_given(db: sqlite3.Connection) -> None:
    dutch = lookup.resolve(db, "Dutch", BODY, "organization or country")
    assert (dutch.id, dutch.kind, dutch.exact) == ("netherlands", Kind.COUNTRY, True)
    nato = lookup.resolve(db, "OTAN", BODY, "organization or country")
    assert (nato.id, nato.kind) == ("nato", Kind.ORGANIZATION)


def test_people_and_bodies_follow_the_same_rule(db: sqlite3.Connection) -> None:
    found = {
        typed: lookup.resolve(db, typed, kinds, "name").id
        for typed, kinds in (
            ("Stoltenbreg", [Kind.PERSON]),
            ("Jens Stoltenburg", [Kind.PERSON]),
            ("Rutte Mark", [Kind.PERSON]),
            ("Netherland", BODY),
            ("Atlantic alliance", BODY),
        )
    }
    assert found == {
        "Stoltenbreg": "jens-stoltenberg",
        "Jens Stoltenburg": "jens-stoltenberg",
        "Rutte Mark": "mark-rutte",
        "Netherland": "netherlands",
        "Atlantic alliance": "nato",
    }
    for typed, kinds, refusal in (
        ("Zelensky", [Kind.PERSON], "no person named 'Zelensky' in the fact base"),
        ("Mark", [Kind.PERSON], "no person named 'Mark' in the fact base (did you mean 'Mark Rutte'?)"),
        ("UN", BODY, "no organization or country named 'UN' in the fact base"),
        ("Holland", BODY, "no organization or country named 'Holland' in the fact base"),
        ("European Union", BODY, "no organization or country named 'European Union' in the fact base"),
    ):
        with pytest.raises(UnknownNameError) as caught:
            lookup.resolve(db, typed, kinds, kinds[0].value if len(kinds) == 1 else "organization or country")
        assert str(caught.value) == refusal


def test_a_fuzzy_match_says_it_was_not_exact_with_its_score(db: sqlite3.Connection) -> None:
    typo = lookup.resolve(db, "secretary genral of nato", OFFICE, "office")
    assert (typo.id, typo.exact, round(typo.score, 2)) == ("nato-secretary-general", False, 97.96)
    person = lookup.resolve(db, "Stoltenbreg", [Kind.PERSON], "person")
    assert (person.id, person.name, person.exact, round(person.score, 2)) == (
        "jens-stoltenberg",
        "Jens Stoltenberg",
        False,
        90.91,
    )


def test_only_the_kinds_asked_for_are_looked_among(db: sqlite3.Connection) -> None:
    with pytest.raises(NotFoundError) as caught:
        lookup.resolve(db, "NATO", [Kind.PERSON], "person")
    assert str(caught.value) == "no person named 'NATO' in the fact base"
    with pytest.raises(NotFoundError) as caught:
        lookup.resolve(db, "mark-rutte", OFFICE, "office")  # an id of another kind is not an exact match
    assert str(caught.value) == "no office named 'mark-rutte' in the fact base"


def test_a_base_with_no_entity_of_the_kind_suggests_nothing(tiny: TinyBase) -> None:
    with pytest.raises(NotFoundError) as caught:
        lookup.resolve(tiny_db(tiny), "Ada", [Kind.COUNTRY], "country")
    assert str(caught.value) == "no country named 'Ada' in the fact base"


def test_a_title_without_its_body_names_the_one_office_that_has_it(kb: Path) -> None:
    found = {
        typed: lookup.resolve(open_index(kb)[0], typed, OFFICE, "office").id
        for typed in ("Secretary General", "Prime Minister", "defence secretary", "President")
    }
    assert found == {
        "Secretary General": "nato-secretary-general",
        "Prime Minister": "netherlands-prime-minister",
        "defence secretary": "uk-defence-secretary",
        "President": "us-president",
    }
    # Where two bodies have the title, it is refused, not guessed between; the body's name decides.
    with (kb / "entities.toml").open("a", encoding="utf-8") as entities:
        entities.write(
            '\n[[organization]]\nid = "un"\nname = "United Nations"\naliases = ["UN"]\n\n'
            '[[office]]\nid = "un-secretary-general"\nname = "UN Secretary General"\norg = "un"\nseats = 1\n'
        )
    connection, _ = open_index(kb)
    with pytest.raises(UnknownNameError) as caught:
        lookup.resolve(connection, "Secretary General", OFFICE, "office")
    assert str(caught.value) == (
        "'Secretary General' may name more than one office in the fact base: "
        "'NATO Secretary General', 'UN Secretary General'"
    )
    assert lookup.resolve(connection, "secretary general of the united nations", OFFICE, "office").id == (
        "un-secretary-general"
    )
    assert lookup.resolve(connection, "Secretary Generl of NATO", OFFICE, "office").id == "nato-secretary-general"


def test_two_entities_named_alike_are_refused_as_ambiguous(tiny: TinyBase) -> None:
    tiny.append(
        tiny.entities,
        '[[person]]\nid = "ada-byron"\nname = "Ada Byron"\n\n[[person]]\nid = "ada-byrne"\nname = "Ada Byrne"\n',
    )
    with pytest.raises(UnknownNameError) as caught:
        lookup.resolve(tiny_db(tiny), "Ada Byrn", [Kind.PERSON], "person")
    assert str(caught.value) == "'Ada Byrn' may name more than one person in the fact base: 'Ada Byrne', 'Ada Byron'"


def test_a_name_two_entities_share_exactly_is_refused_and_their_ids_are_not(tiny: TinyBase) -> None:
    # People may share a name: which one is meant is never guessed (the ids tell them apart).
    tiny.append(tiny.entities, '[[person]]\nid = "ada-lovelace-2"\nname = "Ada Lovelace"\n')
    connection = tiny_db(tiny)
    with pytest.raises(AmbiguousNameError) as caught:
        lookup.resolve(connection, "ada lovelace", [Kind.PERSON], "person")
    assert str(caught.value) == (
        "'ada lovelace' names more than one person in the fact base: 'Ada Lovelace' (ada-lovelace), "
        "'Ada Lovelace' (ada-lovelace-2); give its id"
    )
    with pytest.raises(AmbiguousNameError):  # asked again: the same refusal, remembered
        lookup.resolve(connection, "ada lovelace", [Kind.PERSON], "person")
    assert [
        lookup.resolve(connection, typed, [Kind.PERSON], "person").id for typed in ("ada-lovelace-2", "Lovelace")
    ] == [
        "ada-lovelace-2",
        "ada-lovelace",
    ]


@pytest.mark.parametrize(
    ("typed", "known", "same"),
    [
        ("us", "us", True),
        ("us", "uk", False),  # a known word of three letters or fewer: equal, or not the same word
        ("clb", "club", True),
        ("usa", "us", False),
        ("nato", "naton", True),
        ("genral", "general", True),
        ("defense", "defence", True),
        ("cheif", "chief", True),  # two letters swapped: one edit
        ("austria", "australia", False),  # two edits for a word of seven letters
        ("stoltenbreg", "stoltenberg", True),
        ("secratery", "secretary", True),  # two edits for a longer word
        ("secrtry", "secretary", False),
    ],
)
def test_a_word_is_the_same_word_up_to_one_typo_or_two_in_a_long_one(typed: str, known: str, same: bool) -> None:
    assert lookup.same_word(typed, known) is same


def test_did_you_mean_lists_names_as_a_sentence() -> None:
    assert lookup.did_you_mean([]) == ""
    assert lookup.did_you_mean(["A"]) == " (did you mean 'A'?)"
    assert lookup.did_you_mean(["A", "B", "C"]) == " (did you mean 'A', 'B' or 'C'?)"


# --- a batch reads the names once ------------------------------------------------------------------------------


def test_within_remembering_the_names_are_read_once_per_connection(kb: Path) -> None:
    connection, _ = open_index(kb)
    other, _ = open_index(kb)
    statements: list[str] = []
    for traced in (connection, other):
        traced.set_trace_callback(statements.append)

    def names_read() -> int:
        """How many times the words of every name were read (a typo's candidates are found through them)."""
        return sum("SELECT DISTINCT word FROM name_word" in statement for statement in statements)

    typos = ["secretary genral of nato", "NATO spokeswomen", "dutch prime minster"]
    answers = [lookup.resolve(connection, typed, OFFICE, "office").id for typed in typos]
    assert names_read() == 3
    statements.clear()
    with lookup.remembering(connection):
        assert [lookup.resolve(connection, typed, OFFICE, "office").id for typed in typos] == answers
        assert names_read() == 1
        lookup.resolve(other, typos[0], OFFICE, "office")  # another connection: not from the memory
        assert names_read() == 2
        lookup.resolve(connection, "nato alliancee", BODY, "organization or country")  # the same words, any kind
        assert names_read() == 2
    lookup.resolve(connection, typos[0], OFFICE, "office")  # the batch is over: read again
    assert names_read() == 3


# --- a typo's candidates come from the index of the names' words -------------------------------------------------


def _outcome(connection: sqlite3.Connection, typed: str, kinds: list[Kind]) -> str:
    try:
        return lookup.resolve(connection, typed, kinds, "name").id
    except NotFoundError as error:
        return f"{type(error).__name__}: {error}"


def test_a_typo_finds_what_judging_every_name_would(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.test_hostile import generate

    connection, _ = open_index(generate(tmp_path / "kb", 3000))
    kinds = [Kind.PERSON, Kind.ORGANIZATION, Kind.COUNTRY, Kind.OFFICE]
    ids, names = zip(*connection.execute("SELECT id, name FROM entity ORDER BY id"), strict=True)
    # Each name with two letters of its last word swapped, and with a letter of its first word dropped.
    typos = [f"{name[:-3]}{name[-2]}{name[-3]}{name[-1]}" for name in names]
    typos += [name[1:] for name in names]
    found = [_outcome(connection, typed, kinds) for typed in typos]
    # Every name judged, not only those the index of words offers.
    monkeypatch.setattr(lookup, "CANDIDATES", len(names) * 4)
    monkeypatch.setattr(lookup, "_nearby", lambda connection, typed, kinds: lookup._names(connection, kinds))
    assert found == [_outcome(connection, typed, kinds) for typed in typos]
    # Of the 600 typos of 300 names, all but 9 find their own entity (5 find none, 4 more than one).
    assert sum(outcome == entity for outcome, entity in zip(found, ids + ids, strict=True)) == 591


def test_a_word_no_name_holds_reads_no_name_before_the_hints(db: sqlite3.Connection) -> None:
    statements: list[str] = []
    db.set_trace_callback(statements.append)
    with pytest.raises(UnknownNameError, match="no office named 'NATO Secretary Zzyzx'"):
        lookup.resolve(db, "NATO Secretary Zzyzx", OFFICE, "office")
    # The candidates: none (no name holds a word like "zzyzx"); every name is read once, for the hints only.
    assert sum("SELECT id, kind, name, name_norm FROM entity" in statement for statement in statements) == 1
    assert not any("WITH chosen" in statement for statement in statements)
