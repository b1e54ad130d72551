"""Growing the fact base: add, new-source."""

from pathlib import Path
from typing import Annotated

import typer

from newskb import folder
from newskb.cli.options import DataOption, RecordKind, say
from newskb.errors import BadArgumentError, display_path
from newskb.printable import printable

app = typer.Typer()

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
        say(str(warning))
    if dry_run:
        typer.echo(printable(change.toml), nl=False)
        say(f"valid; would append to {display_path(change.path)} (dry run: nothing written)")
    else:
        say(f"added {kind.value} '{change.record_id}' to {display_path(change.path)}")


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
    say(f"created {display_path(change.path)}; add its facts with 'newskb add ... --source {source_id}'")
