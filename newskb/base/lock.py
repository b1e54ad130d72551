"""Safe writes to the data: one writer at a time, and a file is either wholly old or wholly new.

The lock is a separate file beside the data (never a lock on a data file itself, which an editor
or `git checkout` may replace under us), opened without following a link, so a planted link cannot make
newskb create or lock a file elsewhere. A write goes to a temporary file in the same folder, is flushed
to disk, then renamed over the original, and the folder is flushed so the rename survives a crash.

A data file that is a symbolic link is written through to its target (which must lie inside the fact
base); one with other hard links is refused, since the atomic rename would silently split it from them.
A temporary file carries its writer's process id, so one that an interrupted or killed writer left
behind is removed by the next writer once that process is gone.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from newskb.base.folder import fact_base_root
from newskb.base.leftovers import remove_stale
from newskb.common.errors import DataFileError

LOCK_NAME = ".newskb.lock"
# The journal of a write to several files (journal.py), named here: every reader looks for one, and one that
# finds none (nearly every query) need not load the module that reads it.
JOURNAL_NAME = ".newskb.journal"
# `.entities.toml.<pid>.<random>.tmp`: the writer's process id, for leftovers.remove_stale.
_TEMPORARY = re.compile(r"^\..+\.(\d+)\.[^.]+\.tmp$")


@contextlib.contextmanager
def data_lock(root: Path) -> Iterator[None]:
    """Hold the data folder's write lock (waiting for another writer to finish)."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        handle = os.open(root / LOCK_NAME, flags, 0o644)
    except OSError as error:
        raise DataFileError(f"{root / LOCK_NAME}: cannot open the lock file: {error.strerror}") from None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


@contextlib.contextmanager
def reading(root: Path) -> Iterator[list[Path]]:
    """While a reader reads the data files: no writer renames a file under it (a shared lock on the lock
    file, where there is one), and a write a killed writer left half done is finished first, under the
    write lock, as the next writer would finish it; yields the files so completed.

    A reader never answers from a half-renamed base: one that cannot finish the write (it may not write the
    data folder) stops with one line naming the journal, as SQLite's readers do with a hot journal on a
    read-only medium. A malformed or uncontained journal is refused the same way (journal.pending)."""
    handle = _open_existing(root / LOCK_NAME)
    finished: list[Path] = []
    try:
        if handle is not None:
            fcntl.flock(handle, fcntl.LOCK_SH)
        if os.path.lexists(root / JOURNAL_NAME):
            from newskb.base import journal

            journal.pending(root)  # a malformed journal is refused before any lock is taken for it
            if handle is not None:
                fcntl.flock(handle, fcntl.LOCK_UN)
            try:
                with data_lock(root):
                    finished = journal.finish(root)
            except OSError as error:
                raise DataFileError(
                    f"{journal.path(root)}: a write to several files was interrupted, and finishing it needs "
                    f"the right to write the data folder ({error.strerror}); nothing read"
                ) from None
            if handle is not None:
                fcntl.flock(handle, fcntl.LOCK_SH)
        yield finished
    finally:
        if handle is not None:
            os.close(handle)


def _open_existing(lock: Path) -> int | None:
    """The lock file, opened for a shared lock without following a link; None where there is none (no
    writer ever wrote here) or it cannot be opened (a reader goes on as before there was a lock)."""
    try:
        return os.open(lock, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return None


def replace_file(path: Path, data: bytes, *, root: Path) -> None:
    """Write `data` to `path` atomically: readers see the old file or the new one, never a mix.

    A link is written through to its target, which must lie inside the fact base of the data folder
    `root`; a file with other hard links is refused. Either refusal changes nothing.
    """
    replace_files({path: data}, root=root)


def replace_files(changes: Mapping[Path, bytes], *, root: Path) -> None:
    """Write several files as one step: all of them, or (on any refusal or error before the first rename)
    none. Each is first written whole to a temporary file beside it; with more than one, a journal naming
    every rename to do is written before the first, so a writer killed halfway is completed by the next
    (journal.finish), never left half done."""
    from newskb.base import journal

    targets = {writable_target(path, fact_base_root(root)): data for path, data in changes.items()}
    written: list[tuple[str, Path]] = []
    try:
        for target, data in targets.items():
            remove_stale_temporaries(target.parent)
            written.append((write_temporary(target, data), target))
        journaled = len(written) > 1
        if journaled:
            journal.write(root, [journal.Rename(Path(temporary), target) for temporary, target in written])
    except BaseException:
        for temporary, _ in written:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        raise
    renamed = 0
    try:
        for temporary, target in written:
            os.replace(temporary, target)
            renamed += 1
    except BaseException:
        if renamed == 0:  # nothing changed yet: leave nothing behind either
            for temporary, _ in written:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(temporary)
            if journaled:
                journal.path(root).unlink()
        # Else the journal and the remaining temporary files let the next writer finish (recover).
        raise
    for folder in dict.fromkeys(target.parent for _, target in written):
        sync_folder(folder)
    if journaled:
        journal.path(root).unlink()


def write_temporary(target: Path, data: bytes) -> str:
    import tempfile  # imported here: every query takes the read lock, and only a writer needs it (~1 ms)

    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        mode = target.stat().st_mode & 0o7777 if target.exists() else 0o644
        os.chmod(temporary, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    return temporary


def writable_target(path: Path, inside: Path) -> Path:
    """The file a write to `path` must replace: itself, or the target of the link it is."""
    if not path.is_symlink():
        target = path
    else:
        target = Path(os.path.realpath(path))
        base = os.path.realpath(inside)
        if os.path.commonpath([str(target), base]) != base:
            raise DataFileError(f"{path}: is a link to a file outside the fact base; not written")
    with contextlib.suppress(FileNotFoundError):
        if target.stat().st_nlink > 1:
            raise DataFileError(
                f"{path}: has other hard links, which replacing it atomically would split from it; not written "
                "(make it a single file, or a symbolic link)"
            )
    return target


def clean_leftovers(root: Path) -> list[Path]:
    """Under the lock: finish a multi-file write a killed writer journaled, then remove the temporary files
    that interrupted or killed writers left anywhere in the data folder and in seeds/; returns what was
    removed."""
    from newskb.base import journal

    journal.finish(root)
    removed = []
    for folder in (root.parent / "seeds", *_folders(root)):
        removed.extend(remove_stale_temporaries(folder))
    return removed


def _folders(root: Path) -> list[Path]:
    found = [root]
    for folder in found:
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            found.extend(Path(entry.path) for entry in entries if entry.is_dir(follow_symlinks=False))
    return found


def remove_stale_temporaries(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files of writers that were interrupted or killed (see leftovers.py)."""
    return remove_stale(folder, _TEMPORARY, now)


def sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
