"""`newskb verify --format claimreview`: the verdicts as schema.org ClaimReview, the JSON-LD fact-checkers
publish and search engines read.

One `ClaimReview` a statement: `claimReviewed` (the words checked), `reviewRating` (a `Rating` from 1,
contradicted, to 4, supported, with `alternateName` the verdict in words), `itemReviewed` (a `Claim`, with its
`appearance` when `--url` gives where the text appeared), `author`, `datePublished` (the day of the review),
and each piece of evidence as a `citation`: a `Quotation` of the record (`urn:newskb:ID`) in its article. The
context is written out, so nothing is fetched to read it.
"""

from collections.abc import Sequence
from datetime import date

from newskb.verify.verdicts import Verdict, Word

CONTEXT = {"@vocab": "http://schema.org/", "newskb": "urn:newskb:vocab:"}
# A rating a search engine can order: contradicted worst, supported best; the other two between.
RATINGS = {Word.CONTRADICTED: 1, Word.NOT_IN_BASE: 2, Word.CANNOT_TELL: 3, Word.SUPPORTED: 4}
URN = "urn:newskb:"


def reviews(verdicts: Sequence[Verdict], *, author: str, day: date, url: str | None = None) -> dict[str, object]:
    """The JSON-LD document: one ClaimReview a verdict."""
    graph = []
    for verdict in verdicts:
        claim: dict[str, object] = {"@type": "Claim", "text": verdict.statement}
        if url:
            claim["appearance"] = {"@type": "CreativeWork", "url": url}
        review: dict[str, object] = {
            "@type": "ClaimReview",
            "claimReviewed": verdict.statement,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": RATINGS[verdict.verdict],
                "worstRating": 1,
                "bestRating": 4,
                "alternateName": verdict.verdict.value,
                "ratingExplanation": verdict.why,
            },
            "itemReviewed": claim,
            "author": {"@type": "Organization", "name": author},
            "datePublished": day.isoformat(),
        }
        citations = [
            {
                "@type": "Quotation",
                "@id": URN + evidence.id,
                "text": evidence.quote,
                **({"isPartOf": {"@id": URN + evidence.source}} if evidence.source else {}),
                **({"newskb:modality": evidence.modality} if evidence.modality else {}),
            }
            for evidence in verdict.evidence
        ]
        if citations:
            review["citation"] = citations
        graph.append(review)
    return {"@context": CONTEXT, "@graph": graph}
