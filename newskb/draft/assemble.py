"""The reader as a pipeline: an article passes through five stages, each a module whose docstring is its
contract, each handing the next frozen records.

1. `sentences`: the article into sentences.
2. `reading`: each sentence's mentions (names, office phrases, dates, pronouns), and the entities and
   offices they stand for (`entities`, `orgs`).
3. `clauses`: each sentence as a template of its mentions.
4. `findings`: the phrases that say who holds which office, matched on the templates.
5. the records: `holdings` (which holder in which office each finding is about), `terms` (their dates),
   `events`, and `candidates` (ids and notes): the `Draft`.
"""

from __future__ import annotations

from dataclasses import replace

from newskb.common.errors import BadArgumentError
from newskb.draft.candidates import candidates
from newskb.draft.clauses import clause
from newskb.draft.events import events
from newskb.draft.findings import Finding, Rule, findings, via
from newskb.draft.holdings import group
from newskb.draft.reading import read
from newskb.draft.records import Article, Candidate, Draft, Known, same
from newskb.draft.sentences import LONGEST_ARTICLE, split
from newskb.draft.terms import build


def draft(article: Article, known: Known) -> Draft:
    """Candidate records for an article: read it, find the phrases, assemble the terms and events.
    BadArgumentError for an article longer than LONGEST_ARTICLE, before any work is done."""
    if len(article.text) > LONGEST_ARTICLE:
        raise BadArgumentError(
            f"source '{article.id}': its article is {len(article.text):,} characters long, more than the "
            f"{LONGEST_ARTICLE:,} newskb draft reads; nothing drafted"
        )
    reading = read(article.text, split(article.text), known.entities)
    clauses = [clause(told) for told in reading.sentences]
    found: list[Finding] = []
    seen: set[tuple[Rule, int, int, str, str]] = set()
    for each in clauses:
        for finding in findings(each):
            office = finding.office.ref if finding.office else ""
            told = (finding.rule, finding.start, finding.end, office, finding.holder.ref)
            if told not in seen:
                seen.add(told)
                found.append(finding)
    cited = {each.sentence.number: via(each) for each in clauses}
    terms = build(group(found, reading), reading, article.published)
    items = events(terms, found, reading, article.published, cited)
    return _not_again(candidates(article, known, reading, terms, items, cited), known)


def _not_again(drafted: Draft, known: Known) -> Draft:
    """The draft without the terms and events its source already has (records.same): an article drafted again
    after its draft was accepted proposes only what is new, and lists the rest as known."""
    held = {key: record_id for record_id, key in known.held}
    listed: list[tuple[str, str, list[str], str]] = []

    def new(candidates: list[Candidate]) -> list[Candidate]:
        kept = []
        for candidate in candidates:
            key = same(candidate.kind, candidate.values)
            if key in held:
                listed.append((held[key], candidate.kind.value, [str(candidate.values.get("quote", ""))], ""))
            else:
                kept.append(candidate)
        return kept

    terms, events = new(drafted.terms), new(drafted.events)
    return replace(drafted, terms=terms, events=events, known=[*drafted.known, *listed]) if listed else drafted
