"""What the data may make newskb read: only regular files inside the fact base, and not too much of them.

A data folder is shared (curators send pull requests; CI checks them), so a path in it is hostile until
shown otherwise: a source's `text` that climbs out of the base (`../../..`), names the process's
environment in /proc, the zero device (endless) or a FIFO (which blocks a reader for ever) is refused
here, before a byte of it is read.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from newskb.base.folder import contained

# An article is a few kilobytes; a file many times the longest news story is not one.
MAX_ARTICLE = 16 * 1024 * 1024


class Refused(Exception):
    """A path the data names that newskb will not read; the message says why (after the path)."""


def read_contained(path: Path, base: Path, limit: int) -> bytes:
    """The bytes of `path`, if it resolves (links followed) to a regular file inside `base`, of at most
    `limit` bytes. Raises Refused otherwise, or OSError (FileNotFoundError) as reading would."""
    if "\x00" in os.fspath(path):
        raise Refused("names no file (it holds a NUL character): not read")
    resolved = os.path.realpath(path)
    if not contained(resolved, os.path.realpath(base)):
        raise Refused(f"is outside the fact base ({display(base)}): not read")
    try:
        return read_regular(Path(resolved), limit)
    except Refused as refusal:
        raise Refused(f"{refusal}: not read") from None


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes: a FIFO or a device is refused instead of
    blocking or reading for ever. Raises Refused, or OSError as reading would."""
    # Opened without blocking, then checked: opening a FIFO for reading would otherwise wait for a writer.
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise Refused("is not a regular file")
        if status.st_size > limit:
            raise Refused(f"is larger than {limit // (1024 * 1024)} MiB")
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:  # it grew while being read
        raise Refused(f"is larger than {limit // (1024 * 1024)} MiB")
    return data


def display(path: Path) -> str:
    from newskb.common.errors import display_path

    return display_path(path)
