"""A progress bar on stderr for a long index build."""

from __future__ import annotations

import sys
from typing import IO, Any


class BuildProgress:
    """A progress bar on stderr for a long index build: only on a terminal, only after `delay` seconds.

    Called as (files done, files in all) by the index refresh; used as a context manager so the bar
    is taken down however the build ends.
    """

    def __init__(self, stream: IO[str] | None = None, *, delay: float = 1.0) -> None:
        import time

        self._stream = stream or sys.stderr
        self._clock = time.monotonic
        self._started = self._clock()
        self._delay = delay
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if not self._stream.isatty() or self._clock() - self._started < self._delay:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            from newskb.render import tables

            self._bar = Progress(
                TextColumn("indexing data files"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=tables.console(self._stream),
                transient=True,
            )
            self._task = self._bar.add_task("index", total=total)
            self._bar.start()
        self._bar.update(self._task, completed=done, total=total)

    def __enter__(self) -> BuildProgress:
        return self

    def __exit__(self, *exception: object) -> None:
        if self._bar is not None:
            self._bar.stop()
