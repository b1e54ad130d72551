"""Writing an export: to the stream, or to a file or folder atomically (wholly old or wholly new).

A file is written to a temporary file beside it, which carries the writer's process id (as every
temporary file newskb writes: see leftovers.py), then renamed over the target; an interrupted write
removes its temporary file. JSON text is made safe to print without changing its value.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from newskb.errors import BadArgumentError
from newskb.exporters import Request
from newskb.printable import json_safe


def json_text(value: object) -> str:
    """A whole JSON document, indented, as `newskb export --format json` has always written it."""
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2)) + "\n"


def json_lines(items: list[object]) -> str:
    """JSON Lines: one item per line."""
    return "".join(json_safe(json.dumps(item, ensure_ascii=False)) + "\n" for item in items)


def document(request: Request, text: str) -> list[Path]:
    """A text document to `request.output`, or else to the stream; returns the files written."""
    if request.output is None:
        request.stream.write(text)
        return []
    write_file(request.output, _text(text))
    return [request.output]


def write_file(target: Path, write: Callable[[Path], object]) -> None:
    """Have `write` fill a temporary file beside `target`, then put it in place of `target` at once."""
    with temporary(target) as path:
        write(path)
        _replace(path, target)


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
        _replace(built, folder)
    return [folder / name for name in files]


@contextlib.contextmanager
def temporary(target: Path, *, is_folder: bool = False) -> Iterator[Path]:
    """A temporary file (or folder) beside `target`, removed unless it was renamed into place."""
    prefix = f".{target.name}.{os.getpid()}."
    try:
        if is_folder:
            made = Path(tempfile.mkdtemp(dir=target.absolute().parent, prefix=prefix, suffix=".tmp"))
        else:
            descriptor, name = tempfile.mkstemp(dir=target.absolute().parent, prefix=prefix, suffix=".tmp")
            os.close(descriptor)
            made = Path(name)
    except OSError as error:
        raise BadArgumentError(f"{target}: cannot write: {error.strerror}") from None
    try:
        yield made
    except OSError as error:
        raise BadArgumentError(f"{target}: cannot write: {error.strerror}") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            if made.is_dir():
                for child in made.iterdir():
                    child.unlink()
                made.rmdir()
            else:
                made.unlink()


def _text(text: str) -> Callable[[Path], object]:
    return lambda path: path.write_text(text, encoding="utf-8")


def _replace(made: Path, target: Path) -> None:
    # mkstemp and mkdtemp make private files; an export is as readable as any file the user writes.
    os.chmod(made, 0o755 if made.is_dir() else 0o644)
    os.replace(made, target)
