"""Where the fact base lives, and which data files it has: the cheap part of every command."""

from __future__ import annotations

import os
from pathlib import Path

from newskb.errors import DataFileError

DATA_VARIABLE = "NEWSKB_DATA"


def bundled_data_dir() -> Path:
    """The fact base shipped with newskb: inside the installed package, else in the source tree."""
    package = Path(__file__).resolve().parent
    installed = package / "_bundled" / "data"
    return installed if installed.is_dir() else package.parent / "data"


def find_data_dir(option: Path | None = None) -> Path:
    """The data folder: `--data`, else $NEWSKB_DATA, else the bundled fact base."""
    chosen = option
    if chosen is None and os.environ.get(DATA_VARIABLE):
        chosen = Path(os.environ[DATA_VARIABLE])
    if chosen is None:
        return bundled_data_dir()
    if not chosen.is_dir():
        raise DataFileError(f"{chosen}: data folder not found (from --data or ${DATA_VARIABLE})")
    return chosen


def data_files(root: Path) -> list[Path]:
    """Every TOML file below the data folder, in a stable order."""
    return sorted(Path(path) for path in data_file_stats(root))


def data_file_stats(root: Path) -> dict[str, tuple[int, int]]:
    """Every TOML file below the data folder (as a path string) with its (size, mtime in ns).

    This runs on every query, so it stays with strings: building a Path per file costs more than the
    stat call itself.
    """
    found: dict[str, tuple[int, int]] = {}
    folders = [os.fspath(root)]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir():
                    folders.append(entry.path)
                elif entry.name.endswith(".toml") and entry.is_file():
                    status = entry.stat()
                    found[entry.path] = (status.st_size, status.st_mtime_ns)
    return found
