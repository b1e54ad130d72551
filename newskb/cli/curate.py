"""Growing and mending the fact base: add, new-source, draft, accept, set, rm, rename, init."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperOption

from newskb.base import folder
from newskb.cli.completion import SOURCE_ID, ids_of
from newskb.cli.options import DataOption, RecordKind, say
from newskb.cli.usage import Command
from newskb.common.errors import BadArgumentError, display_path
from newskb.common.printable import printable
from newskb.common.status import ExitStatus

if TYPE_CHECKING:
    from newskb.base.schema import Key

app = typer.Typer()


class _AddCommand(Command):
    """`add`, whose options are the record keys (model.py), one option per key, grouped by kind in --help.

    They are built the first time `add` parses or shows help, not on every run of newskb: building the
    record classes costs more than a whole query.
    """

    def get_params(self, ctx: Any) -> list[Any]:
        if not any(param.name == "id" for param in self.params):
            self.params[1:1] = [_key_option(key) for key in _add_keys()]
        return list(super().get_params(ctx))

    def invoke(self, ctx: Any) -> Any:
        # The callback takes the record's values as one mapping, not as 22 parameters.
        ctx.meta[_VALUES] = {key.name: ctx.params.pop(key.name) for key in _add_keys()}
        return super().invoke(ctx)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        records = {key.name for key in _add_keys()}
        common = [param.get_help_record(ctx) for param in self.get_params(ctx) if param.name not in records]
        with formatter.section("Options"):
            formatter.write_dl([record for record in common if record is not None])
        # One section per set of kinds with the same keys: "person, organization or country", "office", ...
        from newskb.base import model
        from newskb.common.kinds import Kind

        sections: dict[tuple[tuple[str, str], ...], list[str]] = {}
        for kind in RecordKind:
            rows = tuple((_usage(key), key.doc) for key in model.keys(Kind(kind)))
            sections.setdefault(rows, []).append(kind.value)
        for rows, kinds in sections.items():
            title = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " or " + kinds[-1]
            with formatter.section(f"Keys of {'an' if title[0] in 'aeiou' else 'a'} {title}"):
                formatter.write_dl(list(rows))


_VALUES = "newskb.record"


class _NewSourceCommand(Command):
    """`new-source`: its own options for the keys it asks for, and one option per other key of a source
    (model.py: `--cites`, `--inferred`, and any key added there), built only when it runs or shows help."""

    def get_params(self, ctx: Any) -> list[Any]:
        if not any(param.name == "cites" for param in self.params):
            after = next(number for number, param in enumerate(self.params) if param.name == "note") + 1
            self.params[after:after] = [_key_option(key) for key in _more_source_keys()]
        return list(super().get_params(ctx))

    def invoke(self, ctx: Any) -> Any:
        ctx.meta[_VALUES] = {key.name: ctx.params.pop(key.name) for key in _more_source_keys()}
        return super().invoke(ctx)


# The keys of a source that new-source asks for by its own options (`text` is its FILE argument).
_NEW_SOURCE_OWN = ("id", "title", "publisher", "published", "text", "note")


def _more_source_keys() -> list["Key"]:
    from newskb.base import model
    from newskb.common.kinds import Kind

    return [key for key in model.keys(Kind.SOURCE) if key.name not in _NEW_SOURCE_OWN]


def _add_keys() -> list["Key"]:
    """Every key of the kinds `add` accepts, each once, in the order the kinds declare them."""
    from newskb.base import model
    from newskb.common.kinds import Kind

    found: dict[str, Key] = {}
    for kind in RecordKind:
        for key in model.keys(Kind(kind)):
            found.setdefault(key.name, key)
    return list(found.values())


def _usage(key: "Key") -> str:
    """An option as its help shows it: `--start DATE`, `--alias TEXT...` (repeat it for more)."""
    value = {"id": "ID", "ids": "ID", "count": "N", "end": "DATE|..", "day": "YYYY-MM-DD"}.get(
        key.type.value, key.type.value.upper()
    )
    return f"{key.option} {value}" + ("..." if key.type.is_list else "")


def _key_option(key: "Key") -> TyperOption:
    return TyperOption(
        param_decls=[key.option, key.name],
        # A key that names records completes their ids on TAB.
        type=int if key.type.value == "count" else ids_of(key.refs) if key.refs else str,
        multiple=key.type.is_list,
        default=None,
        help=key.doc,
    )


@app.command("init", short_help="Start a fact base of your own.")
def init_command(
    # A string, not a Path: Path("") is the current folder, and an empty DIR must be refused, not read as ".".
    folder: Annotated[str, typer.Argument(metavar="DIR", help="The folder of the new fact base.")] = ".",
    example: Annotated[
        bool,
        typer.Option("--example", help="Also put the README walkthrough's article in it (guild-2025-03-04.txt)."),
    ] = False,
) -> None:
    """Start a fact base of your own: data/ and seeds/ that pass check, and git files for a team.

    Inside the new folder (or any folder below it), newskb uses the new base without --data.

    \b
    Examples:
      newskb init my-kb && cd my-kb && newskb check
      newskb init .   # in an empty git repository
      newskb init --example harbour-kb   # with the walkthrough's article (README: Curating)
    """
    from newskb.curation import init

    if not folder:
        raise BadArgumentError("DIR is empty: give the folder of the new fact base ('.' for this one)")
    written, kept = init.init(Path(folder), example=example)
    for path in kept:
        say(f"kept {display_path(path)} as it was")
    import shlex  # the hint is pasted into a shell: a folder named `we"ird` must stay one word there

    data_folder = shlex.quote(display_path(Path(folder) / "data"))
    say(
        f"created a fact base in {display_path(Path(folder))} ({len(written)} files): work inside that folder and "
        f"newskb uses it (from elsewhere: --data {data_folder})"
    )


@app.command("new-source", cls=_NewSourceCommand, short_help="Scaffold a new article: seeds/ and data/sources/ID.toml.")
def new_source_command(
    ctx: typer.Context,
    text_file: Annotated[Path, typer.Argument(metavar="FILE", help="The article, as UTF-8 text.")],
    source_id: Annotated[str, typer.Option("--id", metavar="ID", help="The new source's id (kebab-case).")],
    title: Annotated[str, typer.Option(help="The article's headline.")],
    publisher: Annotated[str, typer.Option(metavar="NAME", help="The publishing organization (id or name).")],
    published: Annotated[str, typer.Option(metavar="DATE", help="Publication date (any date of the grammar).")],
    note: Annotated[str | None, typer.Option(help="How anything not printed was inferred.")] = None,
    publisher_name: Annotated[
        str | None,
        typer.Option(help="The name of a publisher not in the base yet: --publisher is then its new id."),
    ] = None,
    data: DataOption = None,
) -> None:
    """Scaffold a new article: copy it into seeds/ and write data/sources/ID.toml with its [source].

    \b
    Examples:
      newskb new-source article.txt --id guild-2025-03-04 --title "..." \\
        --publisher reuters --published 2025-03-04
      newskb new-source gazette.txt --id gazette-2025-03-04 --title "..." \\
        --published 2025-03-04 --publisher harbour-gazette --publisher-name "The Harbour Gazette"
    """
    from newskb.curation import add

    change = add.new_source(
        folder.find_data_dir(data),
        text_file,
        source_id=source_id,
        title=title,
        publisher=publisher,
        published=published,
        note=note,
        publisher_name=publisher_name,
        more=ctx.meta[_VALUES],
    )
    say(f"created {display_path(change.path)}; add its facts with 'newskb add ... --source {source_id}'")


@app.command("draft", short_help="Draft candidate records from an article, as TOML.")
def draft_command(
    source: Annotated[
        str,
        typer.Argument(
            metavar="SOURCE",
            click_type=SOURCE_ID,
            help="The id of the source whose article to draft.",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the draft to this file (refused if it exists).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --output file.")] = False,
    data: DataOption = None,
) -> None:
    """Draft candidate records from a source's article, as TOML for a curator; writes nothing to the fact base.

    Proposes entities (known ones by their ids, new ones), offices, terms and events, each after the
    sentence it came from, with a note saying how every value was found; the sentences it leaves to the
    curator are listed at the end.

    \b
    Examples:
      newskb draft rbc-ukraine-2024-09-30-rutte --output rutte.draft.toml
      newskb draft gazette-2025-03-04 | less
    """
    from newskb import draft
    from newskb.cli.options import open_index
    from newskb.draft import writer

    article, known = draft.from_index(open_index(data), source, folder.find_data_dir(data))
    drafted = draft.draft(article, known)
    text = printable(draft.to_toml(drafted))
    if output is None:
        typer.echo(text, nl=False)
        say(writer.summary(drafted))
    else:
        writer.save(output, text, force=force)
        say(f"{writer.summary(drafted)}; written to {display_path(output)}")


@app.command("accept", short_help="Add the records of a reviewed draft: all or none.")
def accept_command(
    draft: Annotated[Path, typer.Argument(metavar="FILE", help="A reviewed draft (newskb draft SOURCE).")],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check it and list what would land; write nothing.")
    ] = False,
    unreviewed: Annotated[
        bool,
        typer.Option(
            "--unreviewed",
            help='Take a draft nobody edited as it is, each record marked review = "unreviewed draft".',
        ),
    ] = False,
    data: DataOption = None,
) -> None:
    """Add the records of a reviewed draft exactly as add would: all checked first, then all at once, or none.

    Each problem is listed as FILE:LINE: key.path: message, at its line of the draft. A draft nobody has
    edited since newskb draft wrote it is refused (exit 1) unless --unreviewed.

    \b
    Examples:
      newskb accept draft.toml --dry-run --data ./data
      newskb accept draft.toml --data ./data && newskb check --data ./data
    """
    from newskb.curation import accept

    result = accept.accept(folder.find_data_dir(data), draft, dry_run=dry_run, unreviewed=unreviewed)
    for problem in result.problems:
        typer.echo(printable(str(problem), one_line=True))
    for warning in result.warnings:
        say(str(warning))
    if result.problems:
        say(f"error: refused, nothing written: {len(result.problems)} problem(s) in {display_path(draft)}")
        raise typer.Exit(ExitStatus.NOTHING_FOUND)
    for landing in result.landings:
        fields = (landing.kind, landing.id, display_path(landing.file))
        typer.echo("\t".join(printable(field, one_line=True) for field in fields))
    verb = "would add" if dry_run else "added"
    files = ", ".join(display_path(path) for path in result.texts)
    marked = " as an unreviewed draft" if unreviewed else ""
    say(
        f"{verb} {len(result.landings)} record(s){marked} to {files}"
        + (" (dry run: nothing written)" if dry_run else "")
    )


@app.command("add", cls=_AddCommand, short_help="Add one record, validated as check would.")
def add_command(
    ctx: typer.Context,
    kind: Annotated[
        RecordKind,
        typer.Argument(
            metavar="KIND",
            help="The kind of record to add: " + ", ".join(kind.value for kind in RecordKind) + ".",
            show_default=False,
        ),
    ],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Validate and print the TOML; write nothing.")] = False,
    data: DataOption = None,
) -> None:
    """Add one record, validated exactly as check would, appended to the right file atomically.

    One option per key of the record (a fact without --id gets one from its words); see the options of
    each kind below.

    \b
    Examples:
      newskb add person --id ada-lovelace --name "Ada Lovelace" --dry-run
      newskb add claim --source rbc-ukraine-2024-09-30-rutte --about nato \\
        --text "NATO has 32 members." --quote "NATO, which comprises 32 member countries"
    """
    from newskb.base import model
    from newskb.common.kinds import Kind
    from newskb.curation import add

    record_kind = Kind(kind.value)
    given: dict[str, object] = ctx.meta[_VALUES]
    allowed = {key.name for key in model.keys(record_kind)}
    options = {key.name: key.option for key in _add_keys()}
    stray = [options[name] for name, value in given.items() if value not in (None, ()) and name not in allowed]
    if stray:
        raise BadArgumentError(f"{', '.join(stray)} does not apply to a {kind.value} record")
    change = add.add(folder.find_data_dir(data), record_kind, given, dry_run=dry_run)
    for warning in change.warnings:
        say(str(warning))
    if dry_run:
        typer.echo(printable(change.toml), nl=False)
        say(f"valid; would append to {display_path(change.path)} (dry run: nothing written)")
    else:
        typer.echo(change.record_id)  # on stdout, for the next command (`id=$(newskb add ...)`)
        say(f"added {kind.value} '{change.record_id}' to {display_path(change.path)}")
