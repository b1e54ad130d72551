"""Checking a text against the sources: verify."""

import re
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newskb import render
from newskb.cli.options import (
    AsOfOption,
    DataOption,
    KnownAsOfOption,
    PublishedOption,
    as_of_day,
    known_day,
    open_index,
    say,
)
from newskb.common.errors import BadArgumentError
from newskb.common.status import ExitStatus
from newskb.render import Format, views

if TYPE_CHECKING:
    from newskb.verify.reading import Reader
    from newskb.verify.terms import Context
    from newskb.verify.verdicts import Verdict

app = typer.Typer()

STDIN = "-"
# An article to verify is read whole; past this it is not an article (the drafting reader's own limit).
MAX_ARTICLE = 1024 * 1024


class VerifyFormat(StrEnum):
    """The output formats of every command, and schema.org's ClaimReview for fact-checkers."""

    TABLE = "table"
    PLAIN = "plain"
    TSV = "tsv"
    CSV = "csv"
    JSON = "json"
    JSONL = "jsonl"
    CLAIMREVIEW = "claimreview"


@app.command("verify")
def verify_command(
    text: Annotated[
        str | None,
        typer.Argument(metavar="[TEXT]", help="A sentence to check; '-' reads one a line.", show_default=False),
    ] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", metavar="FILE", help="Instead: check every sentence of an article.", show_default=False),
    ] = None,
    as_of: AsOfOption = None,
    known_as_of: KnownAsOfOption = None,
    published: PublishedOption = None,
    output_format: Annotated[
        VerifyFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format (default: table at a terminal, plain in a pipe); claimreview: schema.org JSON-LD.",
            show_default=False,
        ),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(metavar="URL", help="ClaimReview: where the text checked appeared.", show_default=False),
    ] = None,
    author: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="ClaimReview: who reviews (default: the base's newskb.toml `author`, else 'newskb').",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
) -> None:
    """Check a sentence against the sources, with the evidence.

    Each statement of the text is supported, contradicted, not in the base, or cannot be told, with the
    evidence behind it (ids, sources, verbatim quotes) and why. An undated present tense ("X is NATO
    chief") is judged as of --as-of (default today); past what the sources reach, it cannot be told.
    Exits 0 when every statement is supported, 4 when any is contradicted, else 3 when any cannot be
    told, else 1 when any is not in the base.

    \b
    Examples:
      newskb verify "Mark Rutte became NATO Secretary General on 1 October 2024"
      newskb verify "NATO has 30 members" --as-of 2024-09-30
      newskb verify --file article.txt --format claimreview --url https://example.org/story
    """
    from newskb.base import folder
    from newskb.verify import verdicts
    from newskb.verify.reading import Reader
    from newskb.verify.terms import Context

    if (text is None) == (file is None):
        raise BadArgumentError("verify one thing: a TEXT, '-' for one a line, or --file FILE")
    if url is not None and output_format is not VerifyFormat.CLAIMREVIEW:
        raise BadArgumentError("--url says where the text appeared in a ClaimReview: give --format claimreview")
    if url is not None and not re.fullmatch(r"https?://[^\s/$.?#][^\s]*", url):
        raise BadArgumentError(f"--url {url}: not a web address (http:// or https://)")
    data_dir = folder.find_data_dir(data)
    connection = open_index(data)
    context = Context(connection, as_of_day(as_of), known_day(known_as_of))
    chosen = Format(output_format.value) if output_format and output_format is not VerifyFormat.CLAIMREVIEW else None
    written_on = known_day(published) or context.day
    if text == STDIN:
        return _lines(context, chosen, output_format, written_on)
    written = text if text is not None else _article(file)
    found = verdicts_of(context, Reader(connection), written, written_on)
    if output_format is VerifyFormat.CLAIMREVIEW:
        from newskb.verify import claimreview

        reviewer = author or folder.base_setting(data_dir, "author") or "newskb"
        # Published the day it is written: --as-of is the day the statements are judged of, not the review's.
        document = claimreview.reviews(found, author=reviewer, day=date.today(), url=url)
        render.write_object(document, Format.JSON, one=True)
    else:
        title = f"Verify (as of {context.day.isoformat()})"
        shown = chosen or render.default_format(sys.stdout)
        render.write_rows(found, views.VERIFY, shown, title=title, fields=verdicts.Verdict._fields)
    if not found:
        say("nothing in the text reads as a statement newskb can check")
        raise typer.Exit(ExitStatus.NOTHING_FOUND)
    raise typer.Exit(verdicts.exit_code(verdict.verdict for verdict in found))


def verdicts_of(context: "Context", reader: "Reader", text: str, written_on: date) -> "list[Verdict]":
    """Every statement of `text`, judged; its relative dates ("tomorrow") count from the day it was written."""
    from newskb.verify import judge

    return judge(context, reader.statements(text, written_on))


def _lines(context: "Context", chosen: Format | None, output_format: VerifyFormat | None, written_on: date) -> None:
    """`verify -`: one text a line, each answered before the next is read; exit as the worst of them."""
    from newskb.answers.batch import Reply
    from newskb.cli.ask import answer_lines
    from newskb.verify import verdicts
    from newskb.verify.reading import Reader

    if output_format is VerifyFormat.CLAIMREVIEW:
        raise BadArgumentError("--format claimreview checks one text (a TEXT or --file), not lines")
    seen: set[verdicts.Word] = set()
    reader = Reader(context.connection)  # once for every line: the base's names are read once

    def ask(line: str) -> Reply:
        found = verdicts_of(context, reader, line, written_on)
        # A line with nothing to check counts as one not in the base: exit 1 unless another is worse.
        seen.update([verdict.verdict for verdict in found] or [verdicts.Word.NOT_IN_BASE])
        return Reply(rows=found, missed=None if found else "nothing here reads as a statement newskb can check")

    answer_lines(context.connection, ask, views.VERIFY, chosen, own_exit=True)
    if not seen:  # no line at all (or blank ones only): nothing was checked, which is not "all supported"
        say("nothing in the input reads as a statement newskb can check")
        raise typer.Exit(ExitStatus.NOTHING_FOUND)
    raise typer.Exit(verdicts.exit_code(seen))


def _article(file: Path | None) -> str:
    """An article's text: a regular UTF-8 file of at most MAX_ARTICLE bytes."""
    import os
    import stat

    if file is None:
        raise BadArgumentError("--file names no file")
    try:
        status = os.stat(file)
    except OSError as error:
        raise BadArgumentError(f"{file}: cannot read it: {error.strerror}") from None
    if not stat.S_ISREG(status.st_mode):
        raise BadArgumentError(f"{file}: is not a regular file")
    if status.st_size > MAX_ARTICLE:
        raise BadArgumentError(f"{file}: is larger than {MAX_ARTICLE // 1024 // 1024} MiB, which no article is")
    try:
        return file.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise BadArgumentError(f"{file}: is not UTF-8 text") from None
