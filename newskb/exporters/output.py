"""Writing an export: to the stream, or to a file or folder whole (newskb/outfile.py). JSON text is made
safe to print without changing its value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO

from newskb.exporters import Request
from newskb.outfile import put_in_place, temporary, write_file
from newskb.printable import json_document, json_line


def json_text(value: object) -> str:
    """A whole JSON document, indented, as every JSON newskb writes (printable.json_document)."""
    return json_document(value)


def json_lines(items: list[object]) -> str:
    """JSON Lines: one item per line."""
    return "".join(json_line(item) for item in items)


def document(request: Request, text: str) -> list[Path]:
    """A text document to `request.output`, or else to the stream; returns the files written."""
    if request.output is None:
        streamed(request.stream, text)
        return []
    write_file(request.output, _text(text))
    return [request.output]


# How much of a document goes to the stream at a time.
CHUNK = 64 * 1024


def streamed(stream: IO[str], text: str) -> None:
    """Write `text` in pieces, each flushed: a reader that stops early (`| head -1`) is found at the next
    piece and the run ends with 141, where one write of the whole document could be cut short by the
    closed pipe without any error, and end as if all was written (exit 0)."""
    for start in range(0, len(text), CHUNK):
        stream.write(text[start : start + CHUNK])
        stream.flush()


def write_folder(folder: Path, files: Mapping[str, str]) -> list[Path]:
    """Text files into `folder`: a new folder appears whole; in an existing one, each file is replaced whole."""
    if folder.is_dir():
        written = []
        for name, text in files.items():
            target = folder / name
            write_file(target, _text(text))
            written.append(target)
        return written
    with temporary(folder, is_folder=True) as built:
        for name, text in files.items():
            (built / name).write_text(text, encoding="utf-8")
        put_in_place(built, folder)
    return [folder / name for name in files]


def _text(text: str) -> Callable[[Path], object]:
    return lambda path: path.write_text(text, encoding="utf-8")
