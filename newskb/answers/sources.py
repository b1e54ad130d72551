"""The evidence behind the facts: the sources, and any fact's quote shown inside its article."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from newskb.answers import declared
from newskb.answers.declared import Declared
from newskb.answers.lookup import remembered
from newskb.base.folder import relative_to_data
from newskb.common.errors import NotFoundError
from newskb.common.fuzzy import did_you_mean
from newskb.common.kinds import Kind
from newskb.common.passage import locate, sentences, surrounding
from newskb.index.build import linked


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRow:
    id: str
    title: str
    publisher: str
    published: str
    cites: list[str]
    terms: int
    events: int
    claims: int
    text: str  # relative to the data folder
    # The keys whose values are inferred rather than printed in the article (`published`, `publisher`).
    inferred: list[str] = field(default_factory=list)
    # Every other key a source declares (its `note`, and any key added to model.py), written beside these.
    more: Declared = field(default_factory=Declared)


@dataclass(frozen=True, slots=True, kw_only=True)
class Citation:
    """A fact's quote and the whole sentence(s) of the article it stands in.

    `quote_start` and `quote_end` are offsets of the quote inside `sentence`, so a renderer can
    highlight it without searching again.
    """

    id: str
    kind: Kind
    source: str
    title: str
    published: str
    quote: str
    sentence: str
    quote_start: int
    quote_end: int
    note: str | None
    # How the source puts the fact, whose words it reports, which agencies it came through, and (a claim)
    # the day it is true as of; an entity's summary has none of them.
    modality: str | None = None
    said_by: list[str] = field(default_factory=list)
    via: list[str] = field(default_factory=list)
    as_of: str | None = None
    # Any other key the fact's kind declares, but for what `CITE_LEAVES_OUT` names.
    more: Declared = field(default_factory=Declared)


# What `cite` leaves out of a fact's keys on purpose: what the fact says (who, what, when), which `show`,
# `who`, `timeline` and the exports give; `cite` gives the evidence behind it. Any other key of the fact's
# kind comes with the citation: a key added to model.py (where on the web the fact was found) reaches it.
CITE_LEAVES_OUT = frozenset(
    {
        *("office", "holder", "start", "end", "replaces", "duration"),  # a term's
        *("date", "title", "involves", "same_as"),  # an event's
        *("about", "text"),  # a claim's
        *("name", "aliases", "wikidata", "summary", "org", "seats"),  # an entity's, for its summary
        "review",  # whether a curator has checked the fact: `show` and the exports say
    }
)


def sources(connection: sqlite3.Connection, data_dir: Path) -> list[SourceRow]:
    """Every source with how many facts it backs, oldest first."""
    cites: dict[str, list[str]] = {}
    for row in connection.execute("SELECT record_id, entity_id FROM cites ORDER BY rowid"):
        cites.setdefault(row["record_id"], []).append(row["entity_id"])
    inferred: dict[str, list[str]] = {}
    for row in connection.execute("SELECT record_id, inferred FROM inferred ORDER BY rowid"):
        inferred.setdefault(row["record_id"], []).append(row["inferred"])
    more = declared.beyond(connection, "source", SourceRow.__dataclass_fields__)
    return [
        SourceRow(
            id=row["id"],
            title=row["title"],
            publisher=row["publisher"],
            published=row["published"],
            cites=cites.get(row["id"], []),
            terms=row["terms"],
            events=row["events"],
            claims=row["claims"],
            text=relative_to_data(row["text"], data_dir),
            inferred=inferred.get(row["id"], []),
            more=declared.values(connection, more, row),
        )
        for row in connection.execute(
            "SELECT s.*, (SELECT count(*) FROM term WHERE source = s.id) AS terms, "
            "(SELECT count(*) FROM event WHERE source = s.id) AS events, "
            "(SELECT count(*) FROM claim WHERE source = s.id) AS claims "
            "FROM source s ORDER BY s.published_earliest, s.id"
        )
    ]


def cite(connection: sqlite3.Connection, fact_id: str) -> Citation:
    """The quote behind a term, event, claim or entity summary, inside its sentence of the article."""
    row = connection.execute(
        "SELECT q.*, s.title, s.published, s.article, coalesce(q.written_as_of, s.published) AS as_of FROM ("
        "SELECT 'term' AS kind, 'term' AS \"table\", id, source, quote, note, modality, NULL AS written_as_of "
        "FROM term WHERE id = :id "
        "UNION ALL SELECT 'event', 'event', id, source, quote, note, modality, NULL FROM event WHERE id = :id "
        "UNION ALL SELECT 'claim', 'claim', id, source, quote, note, modality, as_of FROM claim WHERE id = :id "
        "UNION ALL SELECT kind, 'entity', id, source, quote, note, NULL, NULL FROM entity "
        "WHERE id = :id AND quote IS NOT NULL"
        ") q JOIN source s ON s.id = q.source",
        {"id": fact_id},
    ).fetchone()
    if row is None:
        ids = remembered(connection, ("fact ids",), lambda: _fact_ids(connection))
        raise NotFoundError(f"no quoted fact has the id '{fact_id}'{did_you_mean(fact_id, ids)}")
    text = row["article"] or ""
    where = locate(row["quote"], text)
    if where is None:
        # `check` reports this; show the quote on its own rather than pretend to place it.
        sentence, start, end = row["quote"], 0, len(row["quote"])
    else:
        around = surrounding(where, text)
        sentence = text[around.start : around.end]
        start, end = where.start - around.start, where.end - around.start
    return Citation(
        id=row["id"],
        kind=Kind(row["kind"]),
        source=row["source"],
        title=row["title"],
        published=row["published"],
        quote=row["quote"],
        sentence=sentence,
        quote_start=start,
        quote_end=end,
        note=row["note"],
        modality=row["modality"],
        said_by=linked(connection, "said_by", row["id"]),
        via=linked(connection, "via", row["id"]),
        as_of=row["as_of"] if row["kind"] == Kind.CLAIM else None,
        more=declared.of_record(
            connection, row["table"], row["id"], {*Citation.__dataclass_fields__, *CITE_LEAVES_OUT}
        ),
    )


def _fact_ids(connection: sqlite3.Connection) -> list[str]:
    """The id of every quoted fact, for "did you mean"."""
    return [
        found[0]
        for found in connection.execute(
            "SELECT id FROM term UNION SELECT id FROM event UNION SELECT id FROM claim "
            "UNION SELECT id FROM entity WHERE quote IS NOT NULL"
        )
    ]


@dataclass(frozen=True, slots=True, kw_only=True)
class SentenceRow:
    """One sentence of an article and the facts that quote it (none: the curator's to-do list)."""

    source: str
    number: int
    covered: bool
    facts: list[str]
    sentence: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CoverageShare:
    """How much of one source's text the facts quote."""

    source: str
    covered: int
    sentences: int

    @property
    def percent(self) -> int:
        """Rounded down, so 100 means every sentence."""
        return 100 * self.covered // max(1, self.sentences)


def coverage_shares(rows: list[SentenceRow]) -> list[CoverageShare]:
    """Each source's share of covered sentences, in the order the rows name the sources."""
    shares = []
    for source in dict.fromkeys(row.source for row in rows):
        mine = [row for row in rows if row.source == source]
        shares.append(CoverageShare(source=source, covered=sum(row.covered for row in mine), sentences=len(mine)))
    return shares


def coverage(connection: sqlite3.Connection, source_id: str | None = None) -> list[SentenceRow]:
    """Every sentence of a source's text (or of every source) beside the facts that quote it."""
    known = [row["id"] for row in connection.execute("SELECT id FROM source ORDER BY published_earliest, id")]
    if source_id is not None and source_id not in known:
        raise NotFoundError(f"unknown source '{source_id}'{did_you_mean(source_id, known)}")
    result: list[SentenceRow] = []
    for current in [source_id] if source_id else known:
        text = connection.execute("SELECT article FROM source WHERE id = ?", (current,)).fetchone()["article"] or ""
        quotes = connection.execute(
            "SELECT id, quote FROM term WHERE source = :s UNION ALL SELECT id, quote FROM event WHERE source = :s "
            "UNION ALL SELECT id, quote FROM claim WHERE source = :s "
            "UNION ALL SELECT id, quote FROM entity WHERE source = :s AND quote IS NOT NULL",
            {"s": current},
        ).fetchall()
        places = [(row["id"], where) for row in quotes if (where := locate(row["quote"], text)) is not None]
        for number, sentence in enumerate(sentences(text), start=1):
            facts = sorted(
                {fact for fact, where in places if where.start < sentence.end and sentence.start < where.end}
            )
            result.append(
                SentenceRow(
                    source=current,
                    number=number,
                    covered=bool(facts),
                    facts=facts,
                    sentence=text[sentence.start : sentence.end],
                )
            )
    return result
