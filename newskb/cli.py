"""The command line: thin commands that read options, call the core, and hand rows to `render`.

This is the only module that imports Typer, and the one place where a `NewskbError` becomes a
message on stderr and an exit code (0 found, 1 nothing found or problems, 2 usage or unreadable
data, 130 interrupted, 141 stdout closed early).
"""

import io
import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

# Only what every command needs is imported here; each command imports the rest when it runs,
# so a query does not pay for the modules that curation or export use (benchmarks/RESULTS.md).
from newskb import __version__, folder, render
from newskb.errors import BadArgumentError, NewskbError, Severity, display_path
from newskb.render import Column, Format

if TYPE_CHECKING:
    import sqlite3

    from newskb.search import Match

EXIT_CODES_HELP = (
    "Exit codes: 0 found (or the data is clean), 1 nothing found (or check found problems), "
    "2 bad usage or unreadable data, 130 interrupted, 141 output pipe closed early, 70 internal error (a bug)."
)


class _Group(TyperGroup):
    """Turns every NewskbError into one line on stderr and its exit code: never a traceback."""

    # Typed Any: the base class takes Typer's private copy of click's Context, which we must not import.
    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NewskbError as error:
            typer.echo(f"newskb: error: {error}", err=True)
            raise typer.Exit(error.exit_code) from None
        except BrokenPipeError:
            raise typer.Exit(_silence_stdout()) from None


def _silence_stdout() -> int:
    """The Python docs' SIGPIPE recipe: once the reader of stdout is gone, point stdout at devnull
    so no later flush fails again, and exit as a program killed by SIGPIPE would (128 + 13)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141


app = typer.Typer(
    cls=_Group,
    name="newskb",
    epilog=EXIT_CODES_HELP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"newskb {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version and exit."),
    ] = False,
) -> None:
    """A command-line knowledge base of news facts, each with its source and quote."""


DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        help="Data folder to read (default: $NEWSKB_DATA, else the bundled fact base).",
        show_default=False,
    ),
]


@app.command("check")
def check_command(
    data: DataOption = None,
    strict: Annotated[bool, typer.Option(help="Count warnings as problems.")] = False,
) -> None:
    """Validate the fact base: records, references, dates, terms, and every quote against its article.

    Prints one line per problem (file:line: key.path: message) and exits 1 if there is any,
    2 if a file cannot be read or parsed, 0 if all is well.

    Example: newskb check --data ./data
    """
    from newskb import audit

    report = audit.check_folder(folder.find_data_dir(data))
    for problem in report.problems:
        typer.echo(str(problem))
    base = report.base
    counted = ", ".join(
        _count(number, noun)
        for number, noun in (
            (len(base.entities), "entity"),
            (len(base.sources), "source"),
            (len(base.facts), "fact"),
            (report.quotes_checked, "quote"),
            (len(base.expectations), "expectation"),
        )
    )
    warnings = sum(1 for problem in report.problems if problem.severity is Severity.WARNING)
    errors = len(report.problems) - warnings
    also = f" and {_count(warnings, 'warning')}" if warnings else ""
    if errors:
        typer.echo(f"newskb: {_count(errors, 'problem')}{also} in {counted}", err=True)
    elif warnings:
        typer.echo(f"newskb: ok, with {_count(warnings, 'warning')}: {counted} checked", err=True)
    else:
        typer.echo(f"newskb: ok: {counted} checked", err=True)
    raise typer.Exit(report.exit_code_strict() if strict else report.exit_code)


FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format", "-f", help="Output format (default: table at a terminal, plain in a pipe).", show_default=False
    ),
]
KnownAsOfOption = Annotated[
    str | None,
    typer.Option(
        "--known-as-of",
        help="Answer only from sources published by this day, YYYY-MM-DD (what was known then).",
        show_default=False,
    ),
]
AsOfOption = Annotated[
    str | None, typer.Option("--as-of", help="The day to ask about, YYYY-MM-DD (default: today).", show_default=False)
]


# The record kinds `add` and `search` accept, spelled as kinds.Kind spells them (a test keeps them in
# step); written out so that building the command line imports nothing more.
class RecordKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    OFFICE = "office"
    TERM = "term"
    EVENT = "event"
    CLAIM = "claim"
    EXPECT = "expect"


class ExportFormat(StrEnum):
    JSON = "json"
    JSONL = "jsonl"
    SQLITE = "sqlite"


# `who` names the office in its title, so its rows need not repeat it.
WHO_COLUMNS = [
    Column("holder", "Holder", wide=True),
    Column("start", "Start"),
    Column("end", "End"),
    Column("status", "Status"),
    Column("attested", "Attested"),
    Column("quote", "Quote", wide=True),
]
TERM_COLUMNS = [Column("office", "Office", wide=True), *WHO_COLUMNS[:4], WHO_COLUMNS[5]]
SEARCH_COLUMNS = [
    Column("score", "Score"),
    Column("kind", "Kind"),
    Column("id", "Id"),
    Column("label", "Label", wide=True),
    Column("source", "Source", in_table=False),
]
TIMELINE_COLUMNS = [
    Column("date", "Date"),
    Column("kind", "Kind"),
    Column("title", "What", wide=True),
    Column("id", "Id", in_table=False),
]
CLAIM_COLUMNS = [Column("text", "Claim", wide=True), Column("id", "Id"), Column("source", "Source")]
SOURCE_COLUMNS = [
    Column("id", "Id"),
    Column("published", "Published"),
    Column("publisher", "Publisher"),
    Column("title", "Title", wide=True),
    Column("terms", "Terms"),
    Column("events", "Events"),
    Column("claims", "Claims"),
]


def _format(chosen: Format | None) -> Format:
    return chosen or render.default_format(sys.stdout)


def _open(data: Path | None) -> "sqlite3.Connection":
    """The index of the data folder; invalid records are skipped with one warning on stderr."""
    from newskb import cache

    with render.BuildProgress() as progress:
        connection, problems = cache.open_index(folder.find_data_dir(data), progress)
    if problems:
        typer.echo(
            f"newskb: warning: the data has {_count(len(problems), 'problem')}; answers skip what is invalid "
            "(run 'newskb check')",
            err=True,
        )
    return connection


def _day(as_of: str | None) -> date:
    from newskb.dates import parse_day

    return parse_day(as_of) if as_of else date.today()


def _known(known_as_of: str | None) -> date | None:
    from newskb.dates import parse_day

    return parse_day(known_as_of) if known_as_of else None


def _say_match(match: "Match | None", what: str) -> None:
    """Name the entity a fuzzy match chose, so a person sees what was answered (stderr: not data)."""
    if match is not None and not match.exact:
        typer.echo(f"newskb: matched {what}: {match.name} ({match.id})", err=True)


def _done(found: bool, nothing: str) -> None:
    if not found:
        typer.echo(f"newskb: {nothing}", err=True)
        raise typer.Exit(1)


@app.command("search")
def search_command(
    query_text: Annotated[str, typer.Argument(metavar="QUERY", help="Words to look for; typos are forgiven.")],
    kind: Annotated[
        RecordKind | None, typer.Option(help="Only this kind of record (not expect).", show_default=False)
    ] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many hits.")] = 20,
    output_format: FormatOption = None,
    data: DataOption = None,
) -> None:
    """Search names, aliases, titles, claims and quotes; best first, scored 0-100.

    Example: newskb search "stoltenbreg" --kind person
    """
    from newskb import search
    from newskb.kinds import Kind

    if kind is RecordKind.EXPECT:
        raise BadArgumentError("expectations are not searched: they state answers, not facts")
    connection = _open(data)
    hits = search.search(connection, query_text, kind=Kind(kind.value) if kind else None, limit=limit)
    render.write_rows(hits, SEARCH_COLUMNS, _format(output_format), title=f"Search: {query_text}")
    _done(bool(hits), f"nothing matches '{query_text}'")


@app.command("who")
def who_command(
    office: Annotated[str, typer.Argument(help="An office name or alias; typos are forgiven.")],
    as_of: AsOfOption = None,
    history: Annotated[bool, typer.Option("--history", help="List every term of the office in order.")] = False,
    known_as_of: KnownAsOfOption = None,
    output_format: FormatOption = None,
    data: DataOption = None,
) -> None:
    """Show who holds an office on a day (default today), with the quote that says so.

    Example: newskb who "NATO Secretary General" --as-of 2024-09-30
    """
    from newskb import query

    day = _day(as_of)
    answer = query.who(_open(data), office, day, history=history, known=_known(known_as_of))
    _say_match(answer.match, "office")
    name = answer.match.name if answer.match else office
    render.write_rows(answer.rows, WHO_COLUMNS, _format(output_format), title=f"{name} as of {day.isoformat()}")
    _done(bool(answer.rows), f"nobody is known to hold {name} on {day.isoformat()} (try --history)")


@app.command("offices")
def offices_command(
    as_of: AsOfOption = None,
    org: Annotated[
        str | None, typer.Option(help="Only offices of this organization or country.", show_default=False)
    ] = None,
    known_as_of: KnownAsOfOption = None,
    output_format: FormatOption = None,
    data: DataOption = None,
) -> None:
    """List every office with its holder on a day (default today), or its last known holder.

    Example: newskb offices --org NATO --as-of 2024-10-01
    """
    from newskb import query

    day = _day(as_of)
    answer = query.offices(_open(data), day, org=org, known=_known(known_as_of))
    _say_match(answer.match, "organization")
    render.write_rows(answer.rows, TERM_COLUMNS, _format(output_format), title=f"Offices as of {day.isoformat()}")
    _done(bool(answer.rows), "no office has a known holder")


@app.command("timeline")
def timeline_command(
    entity: Annotated[
        str | None, typer.Option(help="Only what involves this person, organization, country or office.")
    ] = None,
    from_date: Annotated[
        str | None, typer.Option("--from", help="From this date (any date of the grammar).", show_default=False)
    ] = None,
    to_date: Annotated[
        str | None, typer.Option("--to", help="Up to this date (any date of the grammar).", show_default=False)
    ] = None,
    known_as_of: KnownAsOfOption = None,
    output_format: FormatOption = None,
    data: DataOption = None,
) -> None:
    """List events and term starts and ends in date order; undated items follow, listed apart.

    Example: newskb timeline --entity Rutte --from 2024-09
    """
    from newskb import query
    from newskb.dates import parse

    start = parse(from_date).earliest_day if from_date else None
    end = parse(to_date).latest_day if to_date else None
    match, rows = query.timeline(_open(data), entity=entity, start=start, end=end, known=_known(known_as_of))
    _say_match(match, "entity")
    dated = [row for row in rows if row.date is not None]
    undated = [row for row in rows if row.date is None]
    render.write_groups([("Timeline", dated), ("Undated", undated)], TIMELINE_COLUMNS, _format(output_format))
    _done(bool(rows), "nothing in the timeline matches")


@app.command("show")
def show_command(
    name: Annotated[str, typer.Argument(help="A person, organization, country or office; typos are forgiven.")],
    as_of: AsOfOption = None,
    output_format: FormatOption = None,
    data: DataOption = None,
) -> None:
    """Show the profile of a person, organization, country or office, every fact with its source.

    Example: newskb show "Peter Bator"
    """
    from newskb import query

    profile = query.show(_open(data), name, _day(as_of))
    sections = [
        ("terms", "Terms", TERM_COLUMNS),
        ("events", "Events", TIMELINE_COLUMNS),
        ("claims", "Claims", CLAIM_COLUMNS),
    ]
    header = [
        ("name", "Name"),
        ("kind", "Kind"),
        ("id", "Id"),
        ("aliases", "Aliases"),
        ("org", "Part of"),
        ("summary", "Summary"),
        ("quote", "Quote"),
        ("source", "Source"),
    ]
    render.write_document(profile, sections, header, _format(output_format))


@app.command("sources")
def sources_command(output_format: FormatOption = None, data: DataOption = None) -> None:
    """List every source with how many terms, events and claims it backs.

    Example: newskb sources --format json
    """
    from newskb import evidence

    rows = evidence.sources(_open(data))
    render.write_rows(rows, SOURCE_COLUMNS, _format(output_format), title="Sources")
    _done(bool(rows), "the fact base has no sources")


@app.command("cite")
def cite_command(
    fact_id: Annotated[str, typer.Argument(metavar="ID", help="The id of a term, event, claim or summarised entity.")],
    output_format: FormatOption = None,
    data: DataOption = None,
) -> None:
    """Show one fact's quote inside its sentence of the article.

    Example: newskb cite nato-has-32-members
    """
    from newskb import evidence

    render.write_citation(evidence.cite(_open(data), fact_id), _format(output_format))


@app.command("export")
def export_command(
    output_format: Annotated[ExportFormat, typer.Option("--format", "-f", help="json, jsonl or sqlite.")] = (
        ExportFormat.JSON
    ),
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (required for sqlite).")
    ] = None,
    data: DataOption = None,
) -> None:
    """Export the whole fact base for jq, pandas or Datasette.

    Example: newskb export --format jsonl | jq -c 'select(.record == "term")'
    """
    from newskb import export

    connection = _open(data)
    if output_format is ExportFormat.SQLITE:
        written = export.to_sqlite(connection, output)
        typer.echo(f"newskb: wrote {written}", err=True)
        return
    records: object = export.lines(connection) if output_format is ExportFormat.JSONL else export.records(connection)
    target_format = Format.JSONL if output_format is ExportFormat.JSONL else Format.JSON
    if output is None:
        render.write_object(records, target_format)
        return
    with _open_output(output) as stream:
        render.write_object(records, target_format, stream=stream)
    typer.echo(f"newskb: wrote {output}", err=True)


def _open_output(path: Path) -> IO[str]:
    try:
        return path.open("w", encoding="utf-8")
    except OSError as error:
        raise BadArgumentError(f"{path}: cannot write: {error.strerror}") from None


# Each record key and the option that sets it (most are spelled alike).
_KEY_OPTIONS = {"aliases": "--alias", "same_as": "--same-as", "search": "--search"}


def _option(key: str) -> str:
    return _KEY_OPTIONS.get(key, "--" + key.replace("_", "-"))


@app.command("add")
def add_command(
    kind: Annotated[RecordKind, typer.Argument(help="The kind of record to add.")],
    record_id: Annotated[str | None, typer.Option("--id", help="Its id (facts get one from their words).")] = None,
    name: Annotated[str | None, typer.Option(help="Name (person, organization, country, office).")] = None,
    alias: Annotated[list[str] | None, typer.Option(help="Another name; repeat for more.")] = None,
    summary: Annotated[str | None, typer.Option(help="One-line summary (needs --source and --quote).")] = None,
    org: Annotated[str | None, typer.Option(help="Organization or country an office belongs to.")] = None,
    seats: Annotated[int | None, typer.Option(help="Seats of an office (default 1).")] = None,
    source: Annotated[str | None, typer.Option(help="Id of the source the fact or summary comes from.")] = None,
    quote: Annotated[str | None, typer.Option(help="Verbatim words of the source that support it.")] = None,
    office: Annotated[str | None, typer.Option(help="Office id (term, expect).")] = None,
    holder: Annotated[str | None, typer.Option(help="Holder id (term, expect).")] = None,
    start: Annotated[str | None, typer.Option(help="Start date of a term.")] = None,
    end: Annotated[str | None, typer.Option(help="End date of a term ('..' for open).")] = None,
    replaces: Annotated[str | None, typer.Option(help="The previous holder of the office.")] = None,
    date_text: Annotated[str | None, typer.Option("--date", help="Date of an event, or day of an expect.")] = None,
    title: Annotated[str | None, typer.Option(help="Title of an event.")] = None,
    involves: Annotated[list[str] | None, typer.Option(help="Entity an event involves; repeat for more.")] = None,
    same_as: Annotated[str | None, typer.Option(help="Id of the same event told by another source.")] = None,
    about: Annotated[list[str] | None, typer.Option(help="Entity a claim is about; repeat for more.")] = None,
    text: Annotated[str | None, typer.Option(help="The claim, in your words.")] = None,
    note: Annotated[str | None, typer.Option(help="How anything not printed in the source was inferred.")] = None,
    search_text: Annotated[str | None, typer.Option("--search", help="Query of a search expectation.")] = None,
    first: Annotated[str | None, typer.Option(help="Id a search expectation must find first.")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and print the TOML; write nothing.")] = False,
    data: DataOption = None,
) -> None:
    """Add one record, validated exactly as check would, appended to the right file atomically.

    Example: newskb add claim --source rbc-ukraine-2024-09-30-rutte --about nato
    --text "NATO has 32 members." --quote "NATO, which comprises 32 member countries"
    """
    given: dict[str, object] = {
        "id": record_id,
        "name": name,
        "aliases": alias,
        "summary": summary,
        "org": org,
        "seats": seats,
        "source": source,
        "quote": quote,
        "office": office,
        "holder": holder,
        "start": start,
        "end": end,
        "replaces": replaces,
        "date": date_text,
        "title": title,
        "involves": involves,
        "same_as": same_as,
        "about": about,
        "text": text,
        "note": note,
        "search": search_text,
        "first": first,
    }
    from newskb import curation, store
    from newskb.kinds import Kind

    record_kind = Kind(kind.value)
    allowed = store.RECORD_KEYS[record_kind]
    stray = [_option(key) for key, value in given.items() if value not in (None, []) and key not in allowed]
    if stray:
        raise BadArgumentError(f"{', '.join(stray)} does not apply to a {kind.value} record")
    change = curation.add(folder.find_data_dir(data), record_kind, given, dry_run=dry_run)
    for warning in change.warnings:
        typer.echo(f"newskb: {warning}", err=True)
    if dry_run:
        typer.echo(change.toml, nl=False)
        typer.echo(f"newskb: valid; would append to {display_path(change.path)} (dry run: nothing written)", err=True)
    else:
        typer.echo(f"newskb: added {kind.value} '{change.record_id}' to {display_path(change.path)}", err=True)


@app.command("new-source")
def new_source_command(
    text_file: Annotated[Path, typer.Argument(help="The article, as UTF-8 text.")],
    source_id: Annotated[str, typer.Option("--id", help="The new source's id (kebab-case).")],
    title: Annotated[str, typer.Option(help="The article's headline.")],
    publisher: Annotated[str, typer.Option(help="The publishing organization (id or name).")],
    published: Annotated[str, typer.Option(help="Publication date (any date of the grammar).")],
    note: Annotated[str | None, typer.Option(help="How anything not printed was inferred.")] = None,
    data: DataOption = None,
) -> None:
    """Scaffold a new article: copy it into seeds/ and write data/sources/ID.toml with its [source].

    Example: newskb new-source article.txt --id guild-2025-03-04 --title "..." --publisher reuters
    --published 2025-03-04
    """
    from newskb import curation

    change = curation.new_source(
        folder.find_data_dir(data),
        text_file,
        source_id=source_id,
        title=title,
        publisher=publisher,
        published=published,
        note=note,
    )
    typer.echo(
        f"newskb: created {display_path(change.path)}; add its facts with 'newskb add ... --source {source_id}'",
        err=True,
    )


COVERAGE_COLUMNS = [
    Column("source", "Source", in_table=False),
    Column("number", "#"),
    Column("covered", "Covered"),
    Column("facts", "Facts", wide=True),
    Column("sentence", "Sentence", wide=True),
]


@app.command("coverage")
def coverage_command(
    source: Annotated[str | None, typer.Argument(help="A source id (default: every source).")] = None,
    uncovered: Annotated[bool, typer.Option("--uncovered", help="Only sentences no fact quotes.")] = False,
    output_format: FormatOption = None,
    data: DataOption = None,
) -> None:
    """Show every sentence of a source beside the facts that quote it: the curator's to-do list.

    Example: newskb coverage rbc-ukraine-2024-09-30-rutte --uncovered
    """
    from newskb import evidence

    rows = evidence.coverage(_open(data), source)
    for source_id in dict.fromkeys(row.source for row in rows):
        mine = [row for row in rows if row.source == source_id]
        covered = sum(row.covered for row in mine)
        typer.echo(
            f"newskb: {source_id}: {covered} of {len(mine)} sentences covered ({100 * covered // max(1, len(mine))}%)",
            err=True,
        )
    shown = [row for row in rows if not row.covered] if uncovered else rows
    render.write_rows(shown, COVERAGE_COLUMNS, _format(output_format), title="Coverage")
    _done(bool(shown), "every sentence is covered" if uncovered else "no sentences")


def _count(number: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{number} {noun if number == 1 else plural}"


def main() -> None:
    """The console script: run the app, then end quietly if stdout was closed early."""
    for stream in (sys.stdout, sys.stderr):
        # A terminal or locale that cannot show a character gets an escape, never a crash.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    try:
        app()
    except SystemExit as exit_request:
        code = exit_request.code
    except Exception as error:
        # The last line of defence against a bug: one line, never a traceback (promise 3).
        print(f"newskb: internal error: {type(error).__name__}: {error} (please report it)", file=sys.stderr)
        code = 70
    else:
        code = 0
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        code = _silence_stdout()
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)
