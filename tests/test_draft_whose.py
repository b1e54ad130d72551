"""Whose an office is when a sentence does not say (newskb/draft/whose.py), on sentences of our own: each drafted
office with the note that says how its organization was found (tests/test_draft.py drafts the fixture corpora)."""

from __future__ import annotations

import pytest

from benchmarks.draft_accuracy import known_base
from newskb.common.dates import parse
from newskb.draft import Article, Known, draft


@pytest.fixture(scope="module")
def base() -> Known:
    return known_base()


def offices(text: str, base: Known) -> list[tuple[str | list[str], str]]:
    """Each drafted office's id and the line of its note that says whose it is."""
    result = draft(Article(id="test-source", published=parse("2025-03-04"), text=text), base)
    return [(office.values["id"], str(office.values["note"]).splitlines()[1]) for office in result.offices]


BLANK = (
    "chief-executive",
    "Org: left blank: 'chief executive' is of the sentence's subject, which it does not name; name it (and the "
    "office after it) before accepting.",
)
HARROW = (
    "harrow-bank-chief-executive",
    "Org: 'chief executive' opens its sentence: Harrow Bank's, the subject before it.",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Of two organizations, neither named twice, the one that opens the sentence before: with "its" or "their",
        # and after "The".
        ("Harrow Bank bought Tern Yarns Ltd in 2020.\nIts chief executive, Ann Pike, resigned on Monday.\n", HARROW),
        ("Harrow Bank bought Tern Yarns Ltd in 2020.\nTheir chief executive, Ann Pike, resigned on Monday.\n", HARROW),
        (
            "The Harrow Bank bought Tern Yarns Ltd in 2020.\nIts chief executive, Ann Pike, resigned on Monday.\n",
            HARROW,
        ),
        # Not where "its" does not open the sentence, nor in the first sentence (no sentence before it).
        ("Harrow Bank bought Tern Yarns Ltd in 2020.\nOn Monday its chief executive, Ann Pike, resigned.\n", BLANK),
        ("Its chief executive, Ann Pike, resigned on Monday.\nHarrow Bank bought Tern Yarns Ltd in 2020.\n", BLANK),
        # Nor where the sentence before names no one, up to the end of the article.
        (
            "Harrow Bank bought Tern Yarns Ltd in 2020.\nThe deal closed.\nIts chief executive resigned on Monday.\n",
            BLANK,
        ),
    ],
)
def test_its_office_opening_a_sentence_is_of_the_organization_that_opens_the_sentence_before(
    text: str, expected: tuple[str, str], base: Known
) -> None:
    assert offices(text, base) == [expected]


def test_a_country_named_before_as_a_banks_owner_is_still_the_subject_of_a_sentence_of_its_own(base: Known) -> None:
    """Only the country's mention in the sentence of the title says whether it names a body's owner ("Chile's
    central bank"), not one in a sentence before."""
    text = "Chile's central bank raised its rate on Monday.\nChile named Ana Rojas as finance minister on Tuesday.\n"
    assert offices(text, base) == [
        ("chile-finance-minister", "Org: 'finance minister' is taken for Chile's, the subject of the sentence.")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Delegates elected Brazil\u2019s Paulo Mendes as secretary general on Monday.\n",
        "Delegates elected the Netherlands' Eva Hald as secretary general on Monday.\n",
        "Delegates elected the Netherlands\u2019 Eva Hald as secretary general on Monday.\n",
        # After the person, at the article's second name.
        "Delegates elected Kenji Watanabe of Japan as secretary general on Monday.\n",
    ],
)
def test_a_country_that_says_whose_a_person_is_is_not_the_subject_before_or_after_the_name(
    text: str, base: Known
) -> None:
    assert offices(text, base) == [
        (
            "secretary-general",
            "Org: left blank: 'secretary general' names no organization, and the article does not make clear which; "
            "name it (and the office after it) before accepting.",
        )
    ]


def test_the_subject_is_sought_past_a_name_that_is_another_office_phrases_organization(base: Known) -> None:
    text = "Harrow Bank chief executive Ann Pike said Tern Yarns Ltd had named Ida Holm as its chair.\n"
    assert offices(text, base) == [
        ("harrow-bank-chief-executive", "Org: named in the phrase ('Harrow Bank chief executive')."),
        ("tern-yarns-ltd-chair", "Org: 'chair' is taken for Tern Yarns Ltd's, the subject of the sentence."),
    ]


def test_a_whose_clause_in_the_first_sentence_gives_the_organization(base: Known) -> None:
    text = (
        "Kessel Rovers, whose manager Carl Jessop was appointed in January, won on Saturday.\n"
        "The club is top of the league.\n"
    )
    assert offices(text, base) == [
        ("kessel-rovers-manager", "Org: 'manager' is taken for Kessel Rovers's, named before 'whose'.")
    ]
