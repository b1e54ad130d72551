"""Drafting an article into candidate records: core logic with no screen, which never writes data.

`draft(article, known)` reads an article against the fact base's entities and proposes entities,
offices, terms and events, each with its quote (a verbatim span, checked) and a note on how every value
was found; `to_toml` writes them in the schema of data/, for a curator to review and `newskb accept` to
add. The reader is a pipeline of five stages (`assemble` runs them; each module's docstring is its
contract): `sentences`, `reading` (each sentence's `mentions`, with `names`, `titles`, `offices`, `when` and `pronouns`;
`entities` decides which entity each name is, with `cues` for its kind, `orgs` which office each office phrase is,
with `cast` for the article's organizations), `clauses`,
`findings`, and the records: `holdings`, `terms` (with `handovers`: the dates one holding gives another), `quotes`,
`events`, `candidates`. `lexicon` is the English it reads (`timewords` its words of time), `records` what a
draft is made of, `writer` the TOML, `known` the fact base's side, from the index.
"""

from typing import TYPE_CHECKING, Any

from newskb.draft.known import from_index, known
from newskb.draft.records import Article, Candidate, Draft, Known
from newskb.draft.writer import to_toml

if TYPE_CHECKING:
    from newskb.draft.assemble import draft

__all__ = ["Article", "Candidate", "Draft", "Known", "draft", "from_index", "known", "to_toml"]


def __getattr__(name: str) -> Any:
    """`draft` is imported when first asked for: `verify` reads with the stages up to findings and never pays
    for compiling the patterns of the records' stages (events, candidates) it does not run."""
    if name != "draft":
        raise AttributeError(f"module 'newskb.draft' has no attribute {name!r}")
    from newskb.draft.assemble import draft

    return draft
