"""The questions: search, who, offices, timeline, chart, show, sources, cite."""

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newskb import folder, render
from newskb.cli.completion import ENTITY_NAME, FACT_ID, OFFICE_NAME, ORG_NAME
from newskb.cli.options import (
    AsOfOption,
    DataOption,
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
from newskb.errors import BadArgumentError
from newskb.render import Column, Format, views

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterator

    from newskb.batch import Answered, Ask

app = typer.Typer()

STDIN = "-"  # as QUERY, OFFICE, NAME or ID: one per line of standard input, all answered in one process

# `who`'s exit code for each outcome (README, "Exit codes"); 4 is kept for `verify`'s "contradicted".
WHO_EXIT = {"found": 0, "nobody": 1, "cannot tell": 3, "last known": 5}


@app.command("search")
def search_command(
    query_text: Annotated[str, typer.Argument(metavar="QUERY", help="Words to look for; typos are forgiven.")],
    kind: Annotated[SearchKind | None, typer.Option(help="Only this kind of record.", show_default=False)] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many hits.")] = 20,
    every: Annotated[
        bool, typer.Option("--all", help="Also the hits scoring under 3/4 of the best one (left out by default).")
    ] = False,
    output_format: FormatOption = None,
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
    from newskb import search
    from newskb.batch import Reply
    from newskb.fuzzy import tokenize
    from newskb.kinds import Kind

    connection = open_index(data)
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
    render.write_rows(reply.rows, views.SEARCH, pick_format(output_format), title=f"Search: {query_text}")
    done(reply.missed is None, reply.missed or "")


@app.command("who")
def who_command(
    office: Annotated[
        str,
        typer.Argument(metavar="OFFICE", click_type=OFFICE_NAME, help="An office name or alias; typos are forgiven."),
    ],
    as_of: AsOfOption = None,
    history: Annotated[bool, typer.Option("--history", help="List every term of the office in order.")] = False,
    known_as_of: KnownAsOfOption = None,
    output_format: FormatOption = None,
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
    from newskb import query
    from newskb.kinds import Outcome

    day = as_of_day(as_of)
    connection, known = open_index(data), known_day(known_as_of)
    if office == STDIN:
        from newskb.batch import Reply

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
    if history:
        title = f"{name}: every known term (status as of {day.isoformat()})"
        render.write_rows(answer.rows, views.HISTORY, pick_format(output_format), title=title)
        done(bool(answer.rows), f"no term of {name} is known")
        return
    render.write_rows(answer.rows, views.WHO, pick_format(output_format), title=f"{name} as of {day.isoformat()}")
    if answer.reason is not None:
        say(answer.reason)
    raise typer.Exit(WHO_EXIT[answer.outcome])


@app.command("offices")
def offices_command(
    as_of: AsOfOption = None,
    org: Annotated[
        str | None,
        typer.Option(click_type=ORG_NAME, help="Only offices of this organization or country.", show_default=False),
    ] = None,
    known_as_of: KnownAsOfOption = None,
    output_format: FormatOption = None,
    data: DataOption = None,
) -> None:
    """List every office with its holder on a day (default today), or its last known holder.

    \b
    Examples:
      newskb offices --org NATO --as-of 2024-10-01
      newskb offices --known-as-of 2024-09-30 --format csv > offices.csv
    """
    from newskb import query

    day = as_of_day(as_of)
    answer = query.offices(open_index(data), day, org=org, known=known_day(known_as_of))
    say_match(answer.match, "organization")
    # A `held` row is the office's last known holder: nobody is known to be in office that day.
    of = f" of {answer.match.name}" if answer.match else ""
    title = f"Offices{of} as of {day.isoformat()} (held: the last known holder, out of office that day)"
    render.write_rows(answer.rows, views.TERMS, pick_format(output_format), title=title)
    done(bool(answer.rows), "no office has a known holder")


@app.command("timeline")
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
    from newskb.timeline import timeline
    from newskb.words import counted

    start, end = range_bounds(from_date, to_date)
    match, rows = timeline(
        open_index(data), entity=entity, start=start, end=end, known=known_day(known_as_of), certain=certain
    )
    say_match(match, "entity")
    dated = [row for row in rows if row.date is not None and row.in_range != "unknown"]
    bounded = [row for row in rows if row.in_range == "unknown"]
    undated = [row for row in rows if row.date is None]
    groups = [("Timeline", dated), ("Dated only by a bound beyond the range: may fall in it, or far from it", bounded)]
    columns = views.TIMELINE_RANGE if start or end else views.TIMELINE
    render.write_groups([*groups, ("Undated", undated)], columns, pick_format(output_format))
    nothing = "nothing in the timeline matches"
    if bounded:
        nothing = f"nothing is known to fall in the range ({counted(len(bounded), 'item')} dated only by a bound may)"
    done(bool(dated or undated), nothing)


@app.command("chart")
def chart_command(
    office: Annotated[
        str | None,
        typer.Argument(
            metavar="[OFFICE]",
            click_type=OFFICE_NAME,
            help="An office name or alias: every term of it; typos are forgiven.",
            show_default=False,
        ),
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(
            click_type=ORG_NAME,
            help="Instead: every office of this organization or country, a lane each.",
            show_default=False,
        ),
    ] = None,
    entity: Annotated[
        str | None,
        typer.Option(
            click_type=ENTITY_NAME, help="Instead: every office this person (or body) held.", show_default=False
        ),
    ] = None,
    from_date: FromOption = None,
    to_date: ToOption = None,
    as_of: AsOfOption = None,
    known_as_of: KnownAsOfOption = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the chart to this .svg or .html file, not to stdout.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="With --output: replace the file if it exists.")] = False,
    output_format: FormatOption = None,
    data: DataOption = None,
) -> None:
    """Draw terms on a time axis: an office's, an organization's offices', or a career.

    Solid: certainly in office; shaded: an imprecise start or end may fall there; dotted: open, after
    the last day a source saw the term; a line marks the --as-of day. A term whose start or end is
    unknown is listed under the chart. In a pipe, or with --format, the same terms print as rows.

    \b
    Examples:
      newskb chart "NATO Secretary General" --as-of 2025-10-01
      newskb chart --org NATO --output nato.svg
      newskb chart --entity Rutte --from 2020 --to today
    """
    from newskb import query

    if [office, org, entity].count(None) != 2:
        raise BadArgumentError("chart one thing: an OFFICE, --org ORG or --entity NAME")
    if output is not None:
        _refuse_to_overwrite(output, force, output_format)
    start, end = range_bounds(from_date, to_date)
    if start is not None and end is not None and start > end:
        raise BadArgumentError(f"--from {from_date} is after --to {to_date}")
    chart = query.chart(
        open_index(data),
        as_of_day(as_of),
        office=office,
        org=org,
        entity=entity,
        first=start,
        last=end,
        known=known_day(known_as_of),
    )
    if office is not None:
        what, drawn = "office", "every known term"
    else:
        what, drawn = ("organization", "every office's terms") if org is not None else ("holder", "every office held")
    say_match(chart.match, what)
    name = chart.match.name if chart.match else ""
    title = f"{name}: {drawn}"
    in_range = " in that range" if start or end else ""
    done(bool(chart.rows), f"no term of {name} is known{in_range}")
    if output is None:
        render.write_chart(chart, title, pick_format(output_format))
        return
    render.save_chart(chart, title, output, replace=force)
    say(f"wrote {output}")


def _refuse_to_overwrite(output: Path, force: bool, output_format: Format | None) -> None:
    """Before anything is read or written: a chart file is .svg or .html, and not one that exists (without --force)."""
    if output.suffix.lower() not in views.CHART_FILES:
        raise BadArgumentError(f"{output}: a chart is written as {' or '.join(views.CHART_FILES)}")
    if output_format is not None:
        raise BadArgumentError("--output writes a chart file; --format is for standard output: give one of them")
    if os.path.lexists(output) and not force:
        raise BadArgumentError(f"{output}: the file exists (--force replaces it)")
    from newskb.outfile import replaceable

    replaceable(output)


@app.command("show")
def show_command(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            click_type=ENTITY_NAME,
            help="A person, organization, country or office; typos are forgiven.",
        ),
    ],
    as_of: AsOfOption = None,
    output_format: FormatOption = None,
    data: DataOption = None,
) -> None:
    """Show the profile of a person, organization, country or office, every fact with its source.

    \b
    Examples:
      newskb show "Peter Bator"
      newskb show nato --as-of 2024-09-01 --format json
    """
    from newskb.profile import show

    connection, day = open_index(data), as_of_day(as_of)
    if name == STDIN:
        from newskb.batch import Reply

        return answer_lines(
            connection, lambda text: Reply(rows=[show(connection, text, day)]), views.PROFILE, output_format
        )
    profile = show(connection, name, day)
    sections = views.profile_sections(profile.kind)
    render.write_document(profile, sections, views.PROFILE_HEADER, pick_format(output_format))


@app.command("sources")
def sources_command(output_format: FormatOption = None, data: DataOption = None) -> None:
    """List every source with how many terms, events and claims it backs.

    \b
    Examples:
      newskb sources
      newskb sources --format json | jq '.[].id'
    """
    from newskb import evidence

    rows = evidence.sources(open_index(data), folder.find_data_dir(data))
    render.write_rows(rows, views.SOURCES, pick_format(output_format), title="Sources")
    done(bool(rows), "the fact base has no sources")


@app.command("cite")
def cite_command(
    fact_id: Annotated[
        str,
        typer.Argument(metavar="ID", click_type=FACT_ID, help="The id of a term, event, claim or summarised entity."),
    ],
    output_format: FormatOption = None,
    data: DataOption = None,
) -> None:
    """Show one fact's quote inside its sentence of the article.

    \b
    Examples:
      newskb cite nato-has-32-members
      newskb cite mark-rutte-takes-office --format json
    """
    from newskb import evidence

    connection = open_index(data)
    if fact_id == STDIN:
        from newskb.batch import Reply

        return answer_lines(
            connection, lambda text: Reply(rows=[evidence.cite(connection, text)]), views.CITATION, output_format
        )
    render.write_citation(evidence.cite(connection, fact_id), pick_format(output_format))


def answer_lines(
    connection: "sqlite3.Connection", ask: "Ask", columns: Sequence[Column], output_format: Format | None
) -> None:
    """Answer one query per line of standard input, in order, in one process: each row with its `query`,
    written (and flushed) before the next line is read, so a reader that stops early (`| head -1`) ends
    the run at once (exit 141); a line nothing answers is named on stderr with its number, and the run goes
    on. Exit 1 if any was, 2 if a line could not be read (not UTF-8). What every line looks up alike on the
    connection (the names of every office, say) is read once for the batch."""
    from newskb import batch
    from newskb.lookup import remembering

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
        raise typer.Exit(2)
    if counts["missed"]:
        raise typer.Exit(1)
