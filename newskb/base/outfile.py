"""A file the user asked for (an export, a chart, a draft), written whole: wholly old, wholly new, or absent.

It is written to a temporary file beside it, which carries the writer's process id (as every temporary
file newskb writes: see leftovers.py), then put in place at once; an interrupted or failed write removes
its temporary file. Data files are written by lock.py instead, inside the fact base and under its lock.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from newskb.common.errors import BadArgumentError


def write_file(target: Path, write: Callable[[Path], object], *, replace: bool = True) -> None:
    """Have `write` fill a temporary file beside `target`, then put it in place of `target` at once.

    Without `replace`, an existing `target` is kept and FileExistsError raised (nothing is written),
    even if it appeared while the file was being written."""
    with temporary(target) as path:
        write(path)
        put_in_place(path, target, replace=replace)


@contextlib.contextmanager
def temporary(target: Path, *, is_folder: bool = False) -> Iterator[Path]:
    """A temporary file (or folder) beside `target`, removed unless it was put into place."""
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
    except FileExistsError:
        raise
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


def replaceable(target: Path) -> None:
    """Refuse to replace anything but a regular file: `--force` never replaces a device (as root, the null
    device itself), a FIFO, a socket, a folder or a symbolic link (nor writes through one), as git refuses
    to check a file out over them."""
    try:
        mode = os.lstat(target).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISREG(mode):
        return
    kinds = [
        (stat.S_ISLNK, "a symbolic link"),
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
    ]
    what = next((name for test, name in kinds if test(mode)), "a device")
    raise BadArgumentError(f"{target}: is {what}, not a regular file; --force replaces only a regular file")


def put_in_place(made: Path, target: Path, *, replace: bool = True) -> None:
    """Rename a finished temporary file (or folder) to `target`; without `replace`, link it there instead,
    which fails if `target` exists (the temporary file is then removed by `temporary`). Only a regular file
    is ever replaced (`replaceable`)."""
    # mkstemp and mkdtemp make private files; what the user asked for is as readable as any file they write.
    os.chmod(made, 0o755 if made.is_dir() else 0o644)
    replaceable(target)
    if replace or made.is_dir():
        os.replace(made, target)
    else:
        os.link(made, target)


def check_new_file(path: Path, *, force: bool) -> None:
    """Refuse, before anything is read or written, to write the file `path` over a folder, over an existing
    file without `force` (or over anything but a regular file with it), or into a folder that is not
    there: every command that writes a file the user names says it in these words."""
    if path.is_dir() and not path.is_symlink():
        raise BadArgumentError(f"{path}: is a folder; give the name of a file")
    if path.exists() or path.is_symlink():
        if not force:
            raise BadArgumentError(f"{path}: already exists; choose a new file name, or --force to replace it")
        replaceable(path)
    elif not path.absolute().parent.is_dir():
        raise BadArgumentError(f"{path}: cannot write: its folder does not exist")
