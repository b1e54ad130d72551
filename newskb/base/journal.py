"""The journal of a write to several files: the renames still to do, so that a killed writer is finished.

A change to several files (a rename, an `accept`) writes each file whole beside its original, then this
journal, then does the renames, then removes the journal. A writer killed among the renames leaves the
journal; whoever next holds the data lock finishes them (`finish`), from any working folder.

A journal is data in someone else's folder like any other file, so it is contained as the data is: it names
each file by its path inside the fact base (the folder holding data/ and seeds/), and a rename is done only
if its target resolves inside the base to a regular file (or to nothing yet), not through a link, and its
temporary file is one newskb writes beside that target. Anything else (a path outside the base, `..`, a
link, a journal that is not JSON of this shape) is refused in one line naming the journal, which is left
for the user: nothing is renamed.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from newskb.base.folder import contained, fact_base_root

# The journal's name is lock.py's: every reader looks for a journal there, without loading this module.
from newskb.base.lock import JOURNAL_NAME as JOURNAL_NAME
from newskb.base.lock import sync_folder, write_temporary
from newskb.common.errors import DataFileError

# The one shape newskb writes: {"newskb_journal": 1, "renames": [{"temporary": NAME, "target": PATH}, ...]}.
_VERSION = 1
_ADVICE = "nothing renamed; if no newskb write was interrupted here, remove it"


class Rename(NamedTuple):
    """One rename still to do: a temporary file to the target beside it (both absolute)."""

    temporary: Path
    target: Path


def path(root: Path) -> Path:
    """The journal of the data folder `root`."""
    return root / JOURNAL_NAME


def encode(renames: Sequence[Rename], root: Path) -> bytes:
    """The journal of `renames` (targets already resolved, inside the base of `root`)."""
    import json  # here, like in `pending`: every query looks for a journal, and most never meet one

    base = os.path.realpath(fact_base_root(root))
    # The target's folder resolved, as `pending` checks it: a data folder reached through a link still
    # names its files by their place in the base.
    entries = [
        {
            "temporary": rename.temporary.name,
            "target": os.path.relpath(os.path.join(os.path.realpath(rename.target.parent), rename.target.name), base),
        }
        for rename in renames
    ]
    return json.dumps({"newskb_journal": _VERSION, "renames": entries}, indent=1).encode("utf-8")


def pending(root: Path) -> list[Rename]:
    """The renames the journal of `root` names, each checked (see the module's note); [] without a journal.

    Raises DataFileError, naming the journal, for one that is malformed or names anything newskb would not
    write."""
    import json  # here, not at start-up: every query looks for a journal (lock.reading), and most find none

    journal = path(root)
    try:
        raw = journal.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as error:
        raise DataFileError(f"{journal}: cannot read the journal: {error.strerror}") from None
    try:
        written = json.loads(raw.decode("utf-8"))
        entries = written["renames"]
        if written.get("newskb_journal") != _VERSION or not isinstance(entries, list) or not entries:
            raise ValueError
        named = [(entry["temporary"], entry["target"]) for entry in entries]
        if not all(isinstance(name, str) and isinstance(target, str) for name, target in named):
            raise ValueError
    except (ValueError, UnicodeDecodeError, TypeError, KeyError, AttributeError):
        raise DataFileError(f"{journal}: not a journal of a newskb write (malformed); {_ADVICE}") from None
    base = os.path.realpath(fact_base_root(root))
    return [_checked(journal, base, name, target) for name, target in named]


def _checked(journal: Path, base: str, name: str, target: str) -> Rename:
    import json

    def refuse(why: str) -> DataFileError:
        shown = json.dumps(target, ensure_ascii=True)
        return DataFileError(f"{journal}: names {shown}, {why}; {_ADVICE}")

    if not target or "\x00" in target or os.path.isabs(target) or ".." in Path(target).parts:
        raise refuse("not a path inside the fact base")
    where = os.path.join(base, target)
    folder = os.path.dirname(where)
    if not contained(os.path.realpath(folder), base) or os.path.realpath(folder) != os.path.normpath(folder):
        raise refuse("whose folder is outside the fact base or reached through a link")
    try:
        mode: int | None = os.lstat(where).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise refuse("which is not a regular file")
    temporary = os.path.join(folder, name)
    if re.fullmatch(rf"\.{re.escape(os.path.basename(where))}\.\d+\.[^./]+\.tmp", name) is None:
        raise refuse(f"with a temporary file newskb does not write ({json.dumps(name, ensure_ascii=True)})")
    try:
        if not stat.S_ISREG(os.lstat(temporary).st_mode):
            raise refuse("whose temporary file is not a regular file")
    except FileNotFoundError:
        pass  # already renamed before the writer was killed
    return Rename(Path(temporary), Path(where))


def write(root: Path, renames: Sequence[Rename]) -> None:
    """Write the journal whole and durably (a temporary file renamed into place): a journal is there entire
    or not at all, so a malformed one is never newskb's own."""
    journal = path(root)
    temporary = write_temporary(journal, encode(renames, root))
    try:
        os.replace(temporary, journal)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    sync_folder(root)


def finish(root: Path) -> list[Path]:
    """Under the data lock: do the renames the journal names (those not done yet), then remove it; returns the
    files completed. A journal that is malformed or uncontained raises DataFileError and is left."""
    renames = pending(root)
    completed = []
    for rename in renames:
        if os.path.lexists(rename.temporary):
            os.replace(rename.temporary, rename.target)
            completed.append(rename.target)
    if renames:
        for folder in dict.fromkeys(rename.target.parent for rename in renames):
            sync_folder(folder)
        path(root).unlink()
    return completed
