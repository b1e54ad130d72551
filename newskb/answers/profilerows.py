"""The rows a profile (`show`) is made of: the entity, its terms, events and claims.

Row fields are the JSON contract (README, "JSON output"), as rows.py's are: keep them stable; add, never
rename or remove. Apart from rows.py so that a query that shows no profile (`who`, `offices`, `search`) does
not define these classes, and without `from __future__ import annotations` for the reason rows.py gives.
"""

from collections.abc import Sequence
from typing import NamedTuple

from newskb.answers.declared import Declared
from newskb.answers.rows import TermRow
from newskb.answers.timelinerows import TimelineRow
from newskb.common.kinds import Kind, Modality


class ClaimRow(NamedTuple):
    id: str
    text: str
    about: list[str]
    source: str
    quote: str
    # The day the claim is true as of: written, or else its source's publication date.
    as_of: str | None = None
    modality: Modality = Modality.STATED
    said_by: Sequence[str] = ()
    speakers: Sequence[str] = ()  # their names
    via: Sequence[str] = ()
    review: str | None = None
    # Every other key a claim declares (its `note`, and any key added to model.py), written beside these.
    more: Declared = Declared()


class Profile(NamedTuple):
    id: str
    kind: Kind
    name: str
    aliases: list[str]
    summary: str | None
    source: str | None
    quote: str | None
    org: str | None
    terms: Sequence[TermRow] = ()
    events: Sequence[TimelineRow] = ()
    claims: Sequence[ClaimRow] = ()
    org_name: str | None = None  # the name of what an office belongs to
    # Its Wikidata item (`Q7184`), where the data gives one.
    wikidata: str | None = None
    # The day the summary is true as of: written, or else its source's publication date.
    as_of: str | None = None
    # Every other key the entity declares (its `note`, `review`, an office's `seats`, any key added to
    # model.py), written beside these.
    more: Declared = Declared()
