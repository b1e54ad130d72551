"""The commands that change one record where it is written: `set`, `rm`, `rename` (the rest of curating is
curate.py's). Each is validated as `check` would see the base after it, and `--dry-run` prints the diff."""

from typing import TYPE_CHECKING, Annotated

import typer

from newskb.base import folder
from newskb.cli.completion import RECORD_ID
from newskb.cli.options import DataOption, say
from newskb.common.errors import display_path
from newskb.common.printable import printable

if TYPE_CHECKING:
    from newskb.curation.mend import Edit

app = typer.Typer()


DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="Validate and print the change as a diff; write nothing.")
]


def _report(edit: "Edit", done: str, dry_run: bool) -> None:
    if dry_run:
        typer.echo(printable(edit.diff), nl=False)
        say(f"valid; would change {', '.join(display_path(path) for path in edit.texts)} (dry run: nothing written)")
    else:
        say(f"{done} in {', '.join(display_path(path) for path in edit.texts)}")


@app.command("set", short_help="Change or clear keys of one record.")
def set_command(
    record_id: Annotated[
        str, typer.Argument(metavar="ID", click_type=RECORD_ID, help="The id of the record to change.")
    ],
    assignments: Annotated[
        list[str], typer.Argument(metavar="KEY=VALUE...", help="Keys to change; KEY= clears one.", show_default=False)
    ],
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> None:
    """Change or clear keys of one record, touching only its own lines, validated as check would.

    A list key takes a TOML array (aliases='["A", "B"]') or one item; a count takes a number.

    \b
    Examples:
      newskb set ben-wallace-uk-defence-secretary note="The article dates neither end." --data ./data
      newskb set mark-rutte aliases='["Rutte", "PM Rutte"]' summary= --dry-run
    """
    from newskb.curation import add, mend

    change = add.change(
        folder.find_data_dir(data),
        lambda base: mend.set_keys(base, mend.record_of(base, record_id), assignments),
        dry_run=dry_run,
    )
    _report(change, f"changed '{record_id}'", dry_run)


@app.command("rm", short_help="Remove one record that nothing references.")
def rm_command(
    record_id: Annotated[
        str, typer.Argument(metavar="ID", click_type=RECORD_ID, help="The id of the record to remove.")
    ],
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> None:
    """Remove one record, refused while anything references it (every reference is listed).

    \b
    Examples:
      newskb rm us-did-not-back-wallace --dry-run
      newskb rm reuters   # refused: the source cites it, and facts came through it
    """
    from newskb.curation import add, mend

    change = add.change(
        folder.find_data_dir(data), lambda base: mend.remove(base, mend.record_of(base, record_id)), dry_run=dry_run
    )
    _report(change, f"removed '{record_id}'", dry_run)


@app.command("rename", short_help="Rename an id and every reference to it.")
def rename_command(
    record_id: Annotated[str, typer.Argument(metavar="ID", click_type=RECORD_ID, help="The id to change.")],
    new_id: Annotated[str, typer.Argument(metavar="NEW-ID", help="Its new id (kebab-case, unused).")],
    dry_run: DryRunOption = False,
    data: DataOption = None,
) -> None:
    """Rename an id and rewrite every reference to it, across all files, in one atomic step.

    \b
    Examples:
      newskb rename ben-wallace sir-ben-wallace --dry-run
      newskb rename us-president us-presidency --data ./data
    """
    from newskb.curation import add, mend

    change = add.change(
        folder.find_data_dir(data),
        lambda base: mend.rename(base, mend.record_of(base, record_id), new_id),
        dry_run=dry_run,
    )
    _report(change, f"renamed '{record_id}' to '{new_id}'", dry_run)
