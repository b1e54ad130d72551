"""The exports of the whole fact base, one module per format, found through one table.

Every format is a module here with one function of the same signature, `export(connection, request)`:
it writes the fact base from the index to `request.output`, or to `request.stream` when no output is
given and the format may go to a pipe, and returns the files it wrote. `FORMATS` says, for each format,
its module (imported only when the format is asked for), what `--output` names, and which of the
command's own options apply to it. Adding a format is one new module and one row of `FORMATS`.

`check` refuses a request before anything is read or written: a missing `--output`, an existing file
without `--force`, a folder that is not empty; a refusal is one line and changes no byte.
"""

import importlib
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple

from newskb.common.errors import BadArgumentError

if TYPE_CHECKING:
    import sqlite3
    from typing import Protocol

    class Exporter(Protocol):
        def __call__(self, connection: sqlite3.Connection, request: "Request") -> list[Path]: ...


# Named tuples, not dataclasses, and no `from __future__ import annotations`: the command line reads FORMATS
# on every run (its `--format` choices), and on Python 3.11 a dataclass costs a millisecond to define.


class Request(NamedTuple):
    """What an export is asked for: where to write, and the options of the formats that have their own."""

    data_dir: Path  # paths in an export are relative to it
    output: Path | None = None  # a file, or a folder for csv; None: `stream`
    force: bool = False  # replace an existing output (and metadata) file
    stream: IO[str] | None = None  # None: sys.stdout as it is when the export writes
    say: Callable[[str], None] = lambda message: None  # a message for the person (stderr), never data
    metadata: Path | None = None  # sqlite: a Datasette metadata file beside the database
    day: date | None = None  # sqlite: the day a term's status is as of (default today)
    entity: str | None = None  # timelinejs: only what involves it
    start: date | None = None  # timelinejs: from this day
    end: date | None = None  # timelinejs: up to this day
    table: str | None = None  # csv: only this table (`terms`), as one file or to the stream

    @property
    def out(self) -> IO[str]:
        """Where a format written to no file goes."""
        return self.stream or sys.stdout


class Format(NamedTuple):
    """One export format: its module, what `--output` names (a file or a folder), whether it may be written
    to a pipe without `--output` (and why not), and the command's options that apply to it alone."""

    module: str
    output: str = "FILE"
    to_stream: bool = True
    why_output: str = ""
    options: tuple[str, ...] = ()


FORMATS: dict[str, Format] = {
    "json": Format("newskb.exporters.json"),
    "jsonl": Format("newskb.exporters.jsonl"),
    "sqlite": Format(
        "newskb.exporters.sqlite",
        to_stream=False,
        why_output="a database is not written to a terminal or pipe",
        options=("--metadata", "--as-of"),
    ),
    "popolo": Format("newskb.exporters.popolo"),
    "timelinejs": Format("newskb.exporters.timelinejs", options=("--entity", "--from", "--to")),
    "jsonld": Format("newskb.exporters.jsonld"),
    "csv": Format(
        "newskb.exporters.csv",
        output="DIR",
        to_stream=False,
        why_output="one CSV file per record kind; --table NAME writes one of them to stdout",
        options=("--table",),
    ),
    "parquet": Format(
        "newskb.exporters.parquet",
        output="DIR",
        to_stream=False,
        why_output="one Parquet file per table",
        options=("--as-of",),
    ),
}


def check(name: str, request: Request) -> None:
    """Refuse what cannot be written, before anything is read: one line, and no byte changed."""
    chosen = FORMATS[name]
    output = request.output
    # One table of a format written as a folder of tables is one file: it may go to a file or a pipe.
    one_table = request.table is not None
    if output is None:
        if not chosen.to_stream and not one_table:
            raise BadArgumentError(f"--format {name} needs --output {chosen.output} ({chosen.why_output})")
    elif chosen.output == "DIR" and not one_table:
        _check_folder(output, force=request.force)
    else:
        _check_file(output, force=request.force)
    if request.metadata is not None:
        # Resolved, so that "sub/../kb.sqlite" or a link to the database is the same file too.
        if output is not None and os.path.realpath(request.metadata) == os.path.realpath(output):
            raise BadArgumentError(f"{request.metadata}: --metadata must name another file than --output")
        _check_file(request.metadata, force=request.force)


def export(name: str, connection: "sqlite3.Connection", request: Request) -> list[Path]:
    """Export the fact base in the format `name`; returns the files written ([] for the stream)."""
    check(name, request)
    module = importlib.import_module(FORMATS[name].module)
    exporter: Exporter = module.export
    return exporter(connection, request)


def _check_file(path: Path, *, force: bool) -> None:
    from newskb.base.outfile import check_new_file

    check_new_file(path, force=force)


def _check_folder(path: Path, *, force: bool) -> None:
    if path.exists() or path.is_symlink():
        if not path.is_dir():
            raise BadArgumentError(f"{path}: is not a folder; give a new or empty folder")
        if not force and any(path.iterdir()):
            raise BadArgumentError(
                f"{path}: is not empty; choose a new or empty folder, or --force to replace the files it writes"
            )
    elif not path.absolute().parent.is_dir():
        raise BadArgumentError(f"{path}: cannot write: its folder does not exist")
