"""The fact base's side of a draft (newskb/draft/known.py): the article of a source, the records its source
already has, and the ids the expectations use, read from a base of our own."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner, Result

from newskb.cli import app
from newskb.curation import add
from newskb.draft.known import expectation_ids

runner = CliRunner()
SOURCE = "rbc-ukraine-2024-09-30-rutte"


def drafted_again(kb: Path, tmp_path: Path, source_id: str, text: str, removed: tuple[str, ...] = ()) -> Result:
    """`newskb draft` of an article of our own, after its whole first draft was accepted and `removed` taken out."""
    article = tmp_path / f"{source_id}.txt"
    article.write_text(text, encoding="utf-8")
    add.new_source(kb, article, source_id=source_id, title="Test", publisher="reuters", published="2025-03-01")
    first = tmp_path / "first.toml"
    assert runner.invoke(app, ["draft", source_id, "--output", str(first)]).exit_code == 0
    accepted = runner.invoke(app, ["accept", str(first), "--unreviewed"])
    assert accepted.exit_code == 0, accepted.stderr
    for record_id in removed:
        result = runner.invoke(app, ["rm", record_id])
        assert result.exit_code == 0, result.stderr
    again = runner.invoke(app, ["draft", source_id])
    assert again.exit_code == 0, again.stderr
    return again


def test_a_source_whose_article_cannot_be_read_is_refused_by_name(kb: Path) -> None:
    (kb.parent / "seeds" / "000_2f614e97bf582ec3.txt").unlink()
    result = runner.invoke(app, ["draft", SOURCE])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "newskb: warning: the data has 1 problem; answers skip what is invalid (run 'newskb check')\n"
        f"newskb: error: the text of source '{SOURCE}' cannot be read (run 'newskb check')\n"
    )


def test_an_event_that_involves_no_one_drafted_again_is_listed_as_known(kb: Path, tmp_path: Path) -> None:
    text = "The old observatory reopened as a public museum on 3 June 2024.\n"
    again = drafted_again(kb, tmp_path, "observatory", text)
    assert again.stderr == (
        "newskb: drafted 0 terms, 0 events, 0 new entities and 0 new offices from 'observatory' (1 of its terms "
        "and events already in the fact base, not proposed again); 0 sentences left to the curator\n"
    )
    known = (
        '#   the-old-observatory-reopened (event): "The old observatory reopened as a public museum on 3 June 2024."'
    )
    assert f"\n# Already in the fact base (their ids are used below, not proposed again):\n{known}\n" in again.stdout


def test_expectations_that_are_not_toml_give_no_ids(kb: Path) -> None:
    (kb / "expectations.toml").write_text('[[expect]]\nid = "half-written\n', encoding="utf-8")
    assert expectation_ids(kb) == frozenset()


def test_expectation_ids_are_read_past_a_byte_that_is_not_utf8_and_only_string_ids_of_tables_count(kb: Path) -> None:
    expectations = kb / "expectations.toml"
    expectations.write_bytes(
        b'# caf\xe9\n[[expect]]\nid = "kept"\n\n[[expect]]\nid = 5\n\n[[expect]]\nname = "no id"\n'
    )
    assert expectation_ids(kb) == frozenset({"kept"})
    expectations.write_text('expect = ["loose", { id = "inline" }]\n', encoding="utf-8")
    assert expectation_ids(kb) == frozenset({"inline"})


def test_a_term_drafted_again_is_known_only_with_the_same_holder_and_the_same_office(kb: Path, tmp_path: Path) -> None:
    text = (
        "Ann Pike became chief executive of Corla Systems in 2016. Ann Pike became chair of Corla Systems in 2019. "
        "Ida Holm succeeded Ann Pike as chief executive of Corla Systems in 2019.\n"
    )
    # Of the three terms, only Ann Pike's as chief executive stays in the base.
    removed = ("ann-pike-corla-systems-chair", "ida-holm-corla-systems-chief-executive")
    again = drafted_again(kb, tmp_path, "corla", text, removed)
    proposed = [line for line in again.stdout.splitlines() if line.startswith(("id = ", "holder = ", "office = "))]
    assert proposed == [
        'id = "ann-pike-corla-systems-chair"',
        'office = "corla-systems-chair"',
        'holder = "ann-pike"',
        'id = "ida-holm-corla-systems-chief-executive"',
        'office = "corla-systems-chief-executive"',
        'holder = "ida-holm"',
    ]
    assert again.stderr == (
        "newskb: drafted 2 terms, 0 events, 0 new entities and 0 new offices from 'corla' (3 of its terms and "
        "events already in the fact base, not proposed again); 0 sentences left to the curator\n"
    )


def test_an_event_drafted_again_is_known_only_on_the_same_day_with_the_same_entities(kb: Path, tmp_path: Path) -> None:
    text = (
        "Ann Pike opened a new factory in Brill on 3 June 2024. Ida Holm opened a new school in Brill on 3 June "
        "2024. Ann Pike opened a new library in Brill on 5 June 2024.\n"
    )
    # Only the factory's opening stays: the school's is of that day with others, the library's of another day
    # ("brill" is an id the base uses already).
    again = drafted_again(
        kb, tmp_path, "brill", text, ("ida-holm-opened-a-new-school", "ann-pike-opened-a-new-library")
    )
    proposed = [line for line in again.stdout.splitlines() if line.startswith(("id = ", "date = ", "involves = "))]
    assert proposed == [
        'id = "ida-holm-opened-a-new-school"',
        'date = "2024-06-03"',
        'involves = ["ida-holm", "brill-2"]',
        'id = "ann-pike-opened-a-new-library"',
        'date = "2024-06-05"',
        'involves = ["ann-pike", "brill-2"]',
    ]
    assert '#   ann-pike-opened-a-new-factory (event): "Ann Pike opened a new factory in Brill on 3 June 2024."\n' in (
        again.stdout
    )
