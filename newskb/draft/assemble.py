"""From what was read to candidate records: `draft` reads an article, finds its phrases, builds its terms
and events (terms.py, events.py), and writes each candidate with an id the fact base does not use and a
note on every value saying how it was found."""

from __future__ import annotations

from newskb.draft.candidates import Candidates
from newskb.draft.findings import Finding, Rule, findings
from newskb.draft.reading import read
from newskb.draft.records import Article, Draft, Known


def draft(article: Article, known: Known) -> Draft:
    """Candidate records for an article: read it, find the phrases, assemble the terms and events."""
    reading = read(article.text, known.entities)
    found: list[Finding] = []
    seen: set[tuple[Rule, int, int]] = set()
    for sentence in reading.sentences:
        for finding in findings(sentence):
            if (finding.rule, finding.start, finding.end) not in seen:
                seen.add((finding.rule, finding.start, finding.end))
                found.append(finding)
    builder = Candidates(article, known, reading)
    builder.terms(found)
    builder.events(found)
    return builder.result()
