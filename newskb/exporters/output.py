"""Writing an export: to the stream, or to a file or folder whole (newskb/base/outfile.py). JSON text is made
safe to print without changing its value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, NamedTuple

from newskb.base.outfile import put_in_place, temporary, write_file
from newskb.common.printable import json_document, json_line
from newskb.exporters import Request


def json_text(value: object) -> str:
    """A whole JSON document, indented, as every JSON newskb writes (printable.json_document)."""
    return json_document(value)


class Items(NamedTuple):
    """A JSON array in a document written by `json_pieces`: its items are written as they are read."""

    items: Iterable[object]


def json_pieces(document: Mapping[str, object]) -> Iterator[str]:
    """A JSON object written a piece at a time, an `Items` value one item at a time: the same text as
    `json_text` of the object with each `Items` read into a list, in the memory of one item."""
    yield "{"
    for number, (key, value) in enumerate(document.items()):
        yield ("\n" if number == 0 else ",\n") + "  " + json_line(key).rstrip("\n") + ": "
        if not isinstance(value, Items):
            yield _indented(json_document(value).rstrip("\n"), "  ")
            continue
        empty = True
        for item in value.items:
            yield ("[\n" if empty else ",\n") + "    " + _indented(json_document(item).rstrip("\n"), "    ")
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}\n" if document else "}\n"


def _indented(text: str, prefix: str) -> str:
    """JSON text nested one level deeper: every line after its first indented by `prefix` (JSON writes no line
    break inside a string)."""
    return text.replace("\n", "\n" + prefix)


def json_lines(items: Iterable[object]) -> Iterator[str]:
    """JSON Lines: one item per line, written as it is read."""
    for item in items:
        yield json_line(item)


def document(request: Request, pieces: str | Iterable[str]) -> list[Path]:
    """A text document (whole, or in pieces written as they come) to `request.output`, or else to the stream;
    returns the files written."""
    if request.output is None:
        streamed(request.out, [pieces] if isinstance(pieces, str) else pieces)
        return []
    write_file(request.output, _written([pieces] if isinstance(pieces, str) else pieces))
    return [request.output]


# How much of a document goes to the stream at a time.
CHUNK = 64 * 1024


def streamed(stream: IO[str], pieces: Iterable[str]) -> None:
    """Write the pieces in chunks of about CHUNK characters, each flushed: a reader that stops early (`| head
    -1`) is found at the next chunk and the run ends with 141, where one write of the whole document could be
    cut short by the closed pipe without any error, and end as if all was written (exit 0)."""
    waiting: list[str] = []
    size = 0
    for piece in pieces:
        waiting.append(piece)
        size += len(piece)
        while size >= CHUNK:
            text = "".join(waiting)
            stream.write(text[:CHUNK])
            stream.flush()
            waiting, size = [text[CHUNK:]], len(text) - CHUNK
    if size:
        stream.write("".join(waiting))
        stream.flush()


def write_folder(folder: Path, files: Mapping[str, Iterable[str]]) -> list[Path]:
    """Text files, each given in pieces written as they come, into `folder`: a new folder appears whole; in an
    existing one, each file is replaced whole."""
    if folder.is_dir():
        written = []
        for name, pieces in files.items():
            target = folder / name
            write_file(target, _written(pieces))
            written.append(target)
        return written
    with temporary(folder, is_folder=True) as built:
        for name, pieces in files.items():
            _written(pieces)(built / name)
        put_in_place(built, folder)
    return [folder / name for name in files]


def _written(pieces: Iterable[str]) -> Callable[[Path], object]:
    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8") as file:
            for piece in pieces:
                file.write(piece)

    return write
