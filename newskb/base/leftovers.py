"""Temporary files that interrupted or killed writers left behind, and their removal.

Every temporary file newskb writes (a data file being replaced, an index being built) carries its
writer's process id in its name. A later run removes one whose writer is gone, once it is older than a
grace period (a process id can be reused, and a slow writer must not lose its file).
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

GRACE_SECONDS = 60.0


def remove_stale(folder: Path, pattern: re.Pattern[str], now: float | None = None) -> list[Path]:
    """Remove the files in `folder` whose name matches `pattern` (its group 1 a process id) when that
    process is gone and the file is older than GRACE_SECONDS; returns what was removed."""
    removed = []
    moment = time.time() if now is None else now
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            owner = pattern.match(entry.name)
            if owner is None or alive(int(owner[1])):
                continue
            with contextlib.suppress(OSError):
                if moment - entry.stat(follow_symlinks=False).st_mtime > GRACE_SECONDS:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def alive(pid: int) -> bool:
    """Whether a process with this id runs (one of another user's counts as running)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True
