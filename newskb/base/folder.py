"""Where the fact base lives, and which data files it has: the cheap part of every command."""

import os
from pathlib import Path
from typing import NamedTuple

from newskb.common.errors import BadArgumentError, DataFileError

DATA_VARIABLE = "NEWSKB_DATA"
# The file at the root of a fact base (written by `newskb init`): newskb run in that folder or below it uses
# the base's data/, as git finds its repository from the working folder.
MARKER = "newskb.toml"
# How many folders up from the working folder a base is looked for (a folder tree is rarely deeper).
MAX_UP = 64

# The layout of a fact base: data/ with entities.toml, expectations.toml and sources/, and beside it seeds/
# (data/sources/x.toml points at ../../seeds/).
ENTITIES_FILE = "entities.toml"
EXPECTATIONS_FILE = "expectations.toml"
SOURCES_FOLDER = "sources"
SEEDS_FOLDER = "seeds"


def bundled_data_dir() -> Path:
    """The fact base shipped with newskb: inside the installed package, else in the source tree."""
    package = Path(__file__).resolve().parent.parent  # newskb/
    installed = package / "_bundled" / "data"
    return installed if installed.is_dir() else package.parent / "data"


def find_data_dir(option: str | Path | None = None) -> Path:
    """The data folder: `--data`, else $NEWSKB_DATA, else the base the working folder is in (`found_base`),
    else the bundled fact base."""
    if option is not None and not os.fspath(option):
        # Path("") would be the current folder: an empty --data is a mistake, not a choice.
        raise BadArgumentError("--data is empty: give the path of a data folder")
    chosen = Path(option) if option is not None else None
    if chosen is None and os.environ.get(DATA_VARIABLE):
        chosen = Path(os.environ[DATA_VARIABLE])
    if chosen is None:
        return found_base() or bundled_data_dir()
    if not chosen.is_dir():
        raise DataFileError(f"{chosen}: data folder not found (from --data or ${DATA_VARIABLE})")
    if os.path.realpath(chosen) == os.path.realpath(os.sep):
        raise BadArgumentError(f"{chosen}: is the root of the file system, not a data folder")
    return chosen


def found_base(start: str | None = None) -> Path | None:
    """The data folder of the fact base the working folder (or `start`) is in: the nearest folder, it or one
    above it, holding MARKER beside a data/ folder; None outside any. Like git, the search stops where the
    file system does (a mount point), and a marker without data/ beside it is passed over."""
    try:
        folder = os.path.abspath(start if start is not None else os.getcwd())
        device = os.stat(folder).st_dev
    except OSError:  # a working folder deleted under us: no base to find there
        return None
    for _ in range(MAX_UP):
        data = os.path.join(folder, "data")
        if os.path.isfile(os.path.join(folder, MARKER)) and os.path.isdir(data):
            return Path(data)
        parent = os.path.dirname(folder)
        try:
            if parent == folder or os.stat(parent).st_dev != device:
                return None
        except OSError:
            return None
        folder = parent
    return None


def base_setting(data: Path, key: str) -> str | None:
    """A setting of the fact base, from the MARKER file beside its data folder (`author = "..."`): None when
    the base has no such file or the file no such key. A file that is not TOML, or a value that is not a
    string, is an error naming the file."""
    import tomllib

    marker = Path(os.path.realpath(data)).parent / MARKER
    try:
        with marker.open("rb") as stream:
            settings = tomllib.load(stream)
    except FileNotFoundError:
        return None
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DataFileError(f"{marker}: cannot read the fact base's settings: {error}") from None
    value = settings.get(key)
    if value is not None and not isinstance(value, str):
        raise DataFileError(f"{marker}: {key}: must be a string")
    return value


def is_bundled(data: Path) -> bool:
    """Whether `data` is the fact base shipped with newskb."""
    return os.path.realpath(data) == os.path.realpath(bundled_data_dir())


def relative_to_data(path: str, data: Path) -> str:
    """A path the index holds (absolute) as answers and exports write it: relative to the data folder, so that
    no machine's folder layout leaks into them and the base can move."""
    return os.path.relpath(os.path.abspath(path), os.path.abspath(data))


def fact_base_root(data: Path) -> Path:
    """The folder holding `data/` and `seeds/`: every path the data names must resolve inside it."""
    return Path(os.path.realpath(data)).parent


Stat = tuple[int, int, int, int]
"""A file's (size, mtime_ns, ctime_ns, inode): what tells that it changed (freshness.py)."""


class Walk(NamedTuple):
    """The TOML files of a data folder, with their stats, and what the walk did not read."""

    paths: list[str]  # in the order walked
    stats: list[int]  # each file's Stat, one after another: a query compares them at once (freshness.py)
    skipped: list[tuple[str, str]]  # (path, why it was not read)

    @property
    def files(self) -> dict[str, Stat]:
        """Each file's stat, by path."""
        stats = iter(self.stats)
        return {path: (next(stats), next(stats), next(stats), next(stats)) for path in self.paths}


# A data folder is a few levels deep; this bounds a walk pointed at a pseudo or huge file system.
MAX_DEPTH = 16


def walk(root: Path) -> Walk:
    """Every TOML file below the data folder, never following a link to a folder (so never looping), not
    reading a link to a file outside the fact base, and staying on the data folder's file system.

    This runs on every query, so it stays with strings (building a Path per file costs more than the stat
    call itself), and stats each file by its name in its open folder: the kernel then looks up one name, not
    every folder of the path again.
    """
    paths: list[str] = []
    stats: list[int] = []
    skipped: list[tuple[str, str]] = []
    top = os.fspath(root)
    try:
        device = os.stat(top).st_dev
    except OSError as error:
        raise DataFileError(f"{root}: cannot read the data folder: {error.strerror}") from None
    inside = os.path.realpath(os.path.dirname(os.path.realpath(top)))
    folders = [(top, 0)]
    while folders:
        folder, depth = folders.pop()
        try:
            descriptor = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        except OSError as error:
            raise DataFileError(f"{folder}: cannot read the folder: {error.strerror}") from None
        try:
            prefix = os.path.join(folder, "")
            for entry in os.scandir(descriptor):  # each entry's stat is then relative to the open folder
                path = prefix + entry.name
                try:
                    if entry.is_dir(follow_symlinks=False):
                        if depth + 1 > MAX_DEPTH:
                            skipped.append((path, f"more than {MAX_DEPTH} folders deep; not read"))
                        elif entry.stat(follow_symlinks=False).st_dev != device:
                            skipped.append((path, "on another file system; not read"))
                        else:
                            folders.append((path, depth + 1))
                        continue
                    if entry.is_symlink():
                        why = _link_refusal(path, inside)
                        if why is not None:
                            if entry.name.endswith(".toml") or "folder" in why or "loop" in why:
                                skipped.append((path, why))
                            continue
                        status = entry.stat() if entry.name.endswith(".toml") else None
                    elif entry.name.endswith(".toml") and entry.is_file(follow_symlinks=False):
                        status = entry.stat(follow_symlinks=False)
                    else:
                        continue
                except FileNotFoundError:  # removed since the folder was listed: not a data file any more
                    continue
                if status is not None:
                    paths.append(path)
                    stats += (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
        except OSError as error:
            raise DataFileError(f"{folder}: cannot read the folder: {error.strerror}") from None
        finally:
            os.close(descriptor)
    return Walk(paths, stats, skipped)


def _link_refusal(path: str, inside: str) -> str | None:
    """Why a symbolic link in the data folder is not read, or None for a link to a file in the fact base."""
    target = os.path.realpath(path)
    if os.path.isdir(target):
        return "a link to a folder; not followed"
    if not os.path.exists(path):  # os.path swallows ELOOP: a loop, or a target that is gone
        return "a link in a loop, or to nothing; not followed"
    if not contained(target, inside):
        return "a link to a file outside the fact base; not read"
    if not os.path.isfile(target):
        return "a link to nothing readable; not read"
    return None


def contained(path: str, folder: str) -> bool:
    """Whether `path` (already resolved) lies inside `folder` (already resolved)."""
    return os.path.commonpath([path, folder]) == folder
