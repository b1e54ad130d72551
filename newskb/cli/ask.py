"""The questions: search, who, offices, timeline; and how a batch of them is answered."""

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated

import typer

from newskb import render
from newskb.cli.completion import ENTITY_NAME, OFFICE_NAME, ORG_NAME
from newskb.cli.options import (
    AsOfOption,
    DataOption,
    FieldsOption,
    FormatOption,
    FromOption,
    KnownAsOfOption,
    SearchKind,
    ToOption,
    as_of_day,
    done,
    known_day,
    match_note,
    open_index,
    pick_format,
    range_bounds,
    say,
    say_match,
)
from newskb.common.errors import BadArgumentError
from newskb.common.kinds import Outcome
from newskb.common.status import ExitStatus
from newskb.render import Column, Format, views

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterator

    from newskb.answers.batch import Answered, Ask

app = typer.Typer()

STDIN = "-"  # as QUERY, OFFICE, NAME or ID: one per line of standard input, all answered in one process

# `who`'s exit status for each outcome (README, "Exit codes").
WHO_EXIT = {
    Outcome.FOUND: ExitStatus.FOUND,
    Outcome.NOBODY: ExitStatus.NOTHING_FOUND,
    Outcome.CANNOT_TELL: ExitStatus.CANNOT_TELL,
    Outcome.LAST_KNOWN: ExitStatus.LAST_KNOWN,
}


@app.command("search", short_help="Search names, titles, claims and quotes; best first.")
def search_command(
    query_text: Annotated[str, typer.Argument(metavar="QUERY", help="Words to look for; typos are forgiven.")],
    kind: Annotated[SearchKind | None, typer.Option(help="Only this kind of record.", show_default=False)] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many hits.")] = 20,
    every: Annotated[
        bool, typer.Option("--all", help="Also the hits scoring under 3/4 of the best one (left out by default).")
    ] = False,
    output_format: FormatOption = None,
    fields: FieldsOption = None,
    data: DataOption = None,
) -> None:
    """Search names, aliases, titles, claims and quotes; best first, scored 0-100.

    Question words ("how many ... does") do not count; "successor of NAME" or "who came after NAME" is
    answered first by the term that replaces them.

    \b
    Examples:
      newskb search "stoltenbreg" --kind person
      newskb search "how many members does NATO have"
      printf 'Rutte\\nLungescu\\n' | newskb search - --format tsv
    """
    from newskb.answers import search
    from newskb.answers.batch import Reply
    from newskb.common.fuzzy import tokenize
    from newskb.common.kinds import Kind

    connection = open_index(data, articles=False)
    wanted = Kind(kind.value) if kind else None

    def ask(text: str) -> Reply:
        hits = search.search(connection, text, kind=wanted, limit=limit, every=every)
        words = len(tokenize(text))
        cut = f"warning: the query has {words} words; only the first {search.MAX_WORDS} are looked for"
        return Reply(
            rows=hits,
            missed=None if hits else f"nothing matches '{text}'",
            note=cut if words > search.MAX_WORDS else None,
        )

    if query_text == STDIN:
        return answer_lines(connection, ask, views.SEARCH, output_format)
    reply = ask(query_text)
    if reply.note:
        say(reply.note)
    shown, title = pick_format(output_format), f"Search: {query_text}"
    render.write_rows(reply.rows, views.SEARCH, shown, title=title, fields=search.SearchHit._fields)
    done(reply.missed is None, reply.missed or "")


@app.command("who", short_help="Show who holds an office on a day, with the quote.")
def who_command(
    office: Annotated[
        str,
        typer.Argument(metavar="OFFICE", click_type=OFFICE_NAME, help="An office name or alias; typos are forgiven."),
    ],
    as_of: AsOfOption = None,
    history: Annotated[bool, typer.Option("--history", help="List every term of the office in order.")] = False,
    known_as_of: KnownAsOfOption = None,
    output_format: FormatOption = None,
    fields: FieldsOption = None,
    data: DataOption = None,
) -> None:
    """Show who holds an office on a day (default today), with the quote that says so.

    Exits 0 when someone holds or possibly holds it that day; 5 when the holder is only last known (the
    evidence stops before that day); 3 when the sources cannot tell (unknown dates, or a day before or
    after all they say); 1 when they establish a vacancy, or name no such office.

    \b
    Examples:
      newskb who "NATO Secretary General" --as-of 2024-09-30
      newskb who "nato chief" --history
      newskb who "NATO Secretary General" --as-of today --known-as-of 2024-09-30
      printf 'NATO chief\\nNATO spokesperson\\n' | newskb who - --as-of 2024-09-15
    """
    from newskb.answers import query
    from newskb.answers.declared import row_keys
    from newskb.answers.rows import TermRow
    from newskb.common.kinds import Outcome

    day = as_of_day(as_of)
    connection, known = open_index(data, articles=False), known_day(known_as_of)
    if office == STDIN:
        from newskb.answers.batch import Reply

        def ask(text: str) -> Reply:
            answer = query.who(connection, text, day, history=history, known=known)
            notes = [match_note(answer.match, "office", prefix=text)]
            if answer.outcome is Outcome.LAST_KNOWN:  # answered, with how old the answer is
                notes.append(f"'{text}': {answer.reason}")
            missed = None if history or answer.outcome in (Outcome.FOUND, Outcome.LAST_KNOWN) else answer.reason
            if history and not answer.rows:
                missed = "no term is known"
            return Reply(rows=answer.rows, missed=missed, note="; ".join(note for note in notes if note) or None)

        return answer_lines(connection, ask, views.HISTORY if history else views.WHO, output_format)
    answer = query.who(connection, office, day, history=history, known=known)
    say_match(answer.match, "office")
    name = answer.match.name if answer.match else office
    keys = row_keys(connection, TermRow, "term")
    if history:
        title = f"{name}: every known term (status as of {day.isoformat()})"
        render.write_rows(answer.rows, views.HISTORY, pick_format(output_format), title=title, fields=keys)
        done(bool(answer.rows), f"no term of {name} is known")
        return
    title = f"{name} as of {day.isoformat()}"
    render.write_rows(answer.rows, views.WHO, pick_format(output_format), title=title, fields=keys)
    if answer.reason is not None:
        say(answer.reason)
    raise typer.Exit(WHO_EXIT[answer.outcome])


@app.command("offices", short_help="List every office with its holder on a day.")
def offices_command(
    as_of: AsOfOption = None,
    org: Annotated[
        str | None,
        typer.Option(click_type=ORG_NAME, help="Only offices of this organization or country.", show_default=False),
    ] = None,
    known_as_of: KnownAsOfOption = None,
    output_format: FormatOption = None,
    fields: FieldsOption = None,
    data: DataOption = None,
) -> None:
    """List every office with its holder on a day (default today), or its last known holder.

    \b
    Examples:
      newskb offices --org NATO --as-of 2024-10-01
      newskb offices --known-as-of 2024-09-30 --format csv > offices.csv
    """
    from newskb.answers import query
    from newskb.answers.declared import row_keys
    from newskb.answers.rows import TermRow

    day = as_of_day(as_of)
    connection = open_index(data, articles=False)
    answer = query.offices(connection, day, org=org, known=known_day(known_as_of))
    say_match(answer.match, "organization")
    # A `held` row is the office's last known holder: nobody is known to be in office that day.
    of = f" of {answer.match.name}" if answer.match else ""
    title = f"Offices{of} as of {day.isoformat()} (held: the last known holder, out of office that day)"
    keys = row_keys(connection, TermRow, "term")
    render.write_rows(answer.rows, views.TERMS, pick_format(output_format), title=title, fields=keys)
    done(bool(answer.rows), "no office has a known holder")


@app.command("timeline", short_help="List events, term starts and ends in date order.")
def timeline_command(
    entity: Annotated[
        str | None,
        typer.Option(
            click_type=ENTITY_NAME,
            help="Only what involves this person, organization, country or office.",
            show_default=False,
        ),
    ] = None,
    from_date: FromOption = None,
    to_date: ToOption = None,
    certain: Annotated[
        bool, typer.Option("--certain", help="With --from/--to: only items certainly in the range.")
    ] = False,
    known_as_of: KnownAsOfOption = None,
    output_format: FormatOption = None,
    fields: FieldsOption = None,
    data: DataOption = None,
) -> None:
    """List events and term starts and ends in date order; undated items follow, listed apart.

    With --from/--to, an item whose date only may fall in the range (an imprecise or open-bounded
    date that overlaps it) is marked "possibly" in the In range column.

    \b
    Examples:
      newskb timeline --entity Rutte --from 2024-09
      newskb timeline --from 2024-09 --to 2024-10 --certain
    """
    from newskb.answers.timeline import timeline
    from newskb.common.words import counted

    start, end = range_bounds(from_date, to_date)
    match, rows = timeline(
        open_index(data, articles=False),
        entity=entity,
        start=start,
        end=end,
        known=known_day(known_as_of),
        certain=certain,
    )
    say_match(match, "entity")
    from newskb.answers.timelinerows import InRange, TimelineRow

    dated = [row for row in rows if row.date is not None and row.in_range is not InRange.UNKNOWN]
    bounded = [row for row in rows if row.in_range is InRange.UNKNOWN]
    undated = [row for row in rows if row.date is None]
    groups = [("Timeline", dated), ("Dated only by a bound beyond the range: may fall in it, or far from it", bounded)]
    columns = views.TIMELINE_RANGE if start or end else views.TIMELINE
    shown = pick_format(output_format)
    render.write_groups([*groups, ("Undated", undated)], columns, shown, fields=TimelineRow._fields)
    nothing = "nothing in the timeline matches"
    if bounded:
        nothing = f"nothing is known to fall in the range ({counted(len(bounded), 'item')} dated only by a bound may)"
    done(bool(dated or undated), nothing)


def answer_lines(
    connection: "sqlite3.Connection",
    ask: "Ask",
    columns: Sequence[Column],
    output_format: Format | None,
    *,
    own_exit: bool = False,
) -> None:
    """Answer one query per line of standard input, in order, in one process: each row with its `query`,
    written (and flushed) before the next line is read, so a reader that stops early (`| head -1`) ends
    the run at once (exit 141); a line nothing answers is named on stderr with its number, and the run goes
    on. Exit 1 if any was (unless `own_exit`: the caller weighs such a line with the others), 2 if a line
    could not be read (not UTF-8). What every line looks up alike on the connection (the names of every
    office, say) is read once for the batch."""
    from newskb.answers import batch
    from newskb.answers.lookup import remembering

    if sys.stdin is None:  # started with stdin closed (`<&-`)
        raise BadArgumentError("standard input is closed: '-' reads one query per line of it")
    counts = {"missed": 0, "unreadable": 0}

    def answered() -> "Iterator[Answered]":
        for answer in batch.each_line(batch.read_lines(sys.stdin.buffer), ask):
            if answer.reply.note is not None:
                say(answer.reply.note)
            if answer.reply.missed is not None:
                counts["unreadable" if answer.reply.unreadable else "missed"] += 1
                say(f"line {answer.number}: {answer.reply.missed}")
            yield answer

    with remembering(connection):
        render.write_answers(answered(), columns, pick_format(output_format))
    if counts["unreadable"]:
        raise typer.Exit(ExitStatus.BAD_USAGE)
    if counts["missed"] and not own_exit:
        raise typer.Exit(ExitStatus.NOTHING_FOUND)
