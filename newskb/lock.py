"""Safe writes to the data: one writer at a time, and a file is either wholly old or wholly new.

The lock is a separate file beside the data (never a lock on a data file itself, which an editor
or `git checkout` may replace under us). A write goes to a temporary file in the same folder, is
flushed to disk, then renamed over the original, and the folder is flushed so the rename survives
a crash.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from newskb.errors import DataFileError

LOCK_NAME = ".newskb.lock"


@contextlib.contextmanager
def data_lock(root: Path) -> Iterator[None]:
    """Hold the data folder's write lock (waiting for another writer to finish)."""
    try:
        handle = os.open(root / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise DataFileError(f"{root / LOCK_NAME}: cannot open the lock file: {error.strerror}") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def replace_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically: readers see the old file or the new one, never a mix."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
