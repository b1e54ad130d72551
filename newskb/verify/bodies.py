"""The office a holding told of a body stands for ("X is in charge of NATO", "NATO was run by X", "X leads the
Netherlands"): the body's office whose title says it heads the body (the reader's titles of a head,
draft/lexicon.LEADING_TITLES, and a state's), the one of them the holder held if they held any (part of the
judges of terms.py).

Never a guess: a body with no such office, or with several of which the holder held none or more than one,
gives no office, and the reason why.
"""

import sqlite3

from newskb.answers.lookup import Match
from newskb.common.kinds import Kind
from newskb.draft.known import entities
from newskb.draft.lexicon import LEADING_TITLES
from newskb.draft.names import KnownEntity
from newskb.draft.offices import known_keys

# Beside an organization's heads, a state's: "X led the Netherlands" was its prime minister, president or monarch.
HEAD_TITLES = LEADING_TITLES | {"prime minister", "premier", "king", "queen"}


def head_office(connection: sqlite3.Connection, body: Match, held: set[str]) -> tuple[Match | None, str]:
    """The office that heads `body`, of those the holder held (the ids `held`) if any, else of all; or None
    and why not."""
    # The body and its offices, with their aliases (what offices.known_keys strips a title from).
    found = entities(connection, "id = ? OR (kind = 'office' AND org = ?)", (body.id, body.id))
    offices = [entity for entity in found if entity.kind is Kind.OFFICE]
    titled = known_keys(offices, found)
    heads = sorted({office.id: office for key, office in titled.items() if key.title in HEAD_TITLES}.values(), key=_id)
    if not heads:
        return None, f"the base holds no office that heads {body.name}"
    chosen = [office for office in heads if office.id in held] or heads
    if len(chosen) > 1:
        names = " and ".join(office.name for office in chosen)
        return None, f"more than one office heads {body.name} in the base ({names}), and the statement names none"
    (office,) = chosen
    return Match(id=office.id, kind=Kind.OFFICE, name=office.name, score=100.0, exact=True), ""


def _id(entity: KnownEntity) -> str:
    return entity.id
