"""A new, empty fact base (`newskb init`): the folders and files a base needs, passing `check` as it is,
and the git files that let a team curate it together.

Two curators who each append records to the same data file merge without a conflict: a record is a whole
table appended at the end of its file, so git's union merge keeps both sides' lines, and `newskb check`
(run on every commit by pre-commit) verifies what the merge made.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from newskb.base.folder import ENTITIES_FILE, EXPECTATIONS_FILE, MARKER, SEEDS_FOLDER, SOURCES_FOLDER
from newskb.common.errors import RecordError

ENTITIES = """\
# People, organizations, countries and offices, shared by every article of this fact base.
#
# One record per table ([[person]], [[organization]], [[country]], [[office]]); an id is a kebab-case
# slug unique across the base. `newskb add person --id ... --name ...` appends one, checked.
"""

EXPECTATIONS = """\
# Answers that must stay true, asked again by every `newskb check`: "this office, on this day, is held by
# this holder" (or gets this outcome: nobody, cannot tell), or "this search finds this id first".
"""

GITATTRIBUTES = """\
# Curators who each append records to the same data file merge without a conflict: records are whole
# tables appended at the end of a file, and a union merge keeps both sides' lines. `newskb check` (run by
# pre-commit on every commit) verifies what the merge made.
data/**/*.toml merge=union
"""

GITIGNORE = """\
# newskb's lock and write journal: per machine, never shared.
data/.newskb.lock
data/.newskb.journal
"""

MARKER_TEXT = """\
# This folder is a newskb fact base: newskb run here or in any folder below uses data/ and seeds/ beside
# this file (as git finds its repository), unless --data or $NEWSKB_DATA names another.
"""

PRE_COMMIT = """\
# Check the fact base on every commit that touches it (https://pre-commit.com; newskb must be installed).
repos:
  - repo: local
    hooks:
      - id: newskb-check
        name: newskb check
        entry: newskb check --data data
        language: system
        pass_filenames: false
        files: ^(data|seeds)/
"""

# What `init` writes, relative to the new base's folder.
FILES = {
    MARKER: MARKER_TEXT,
    f"data/{ENTITIES_FILE}": ENTITIES,
    f"data/{EXPECTATIONS_FILE}": EXPECTATIONS,
    f"data/{SOURCES_FOLDER}/.gitkeep": "",
    f"{SEEDS_FOLDER}/.gitkeep": "",
    ".gitattributes": GITATTRIBUTES,
    ".gitignore": GITIGNORE,
    ".pre-commit-config.yaml": PRE_COMMIT,
}


# The README walkthrough's article (invented news), shipped in the package: `init --example` puts it in the
# new base's folder, beside data/ (not in seeds/: the walkthrough's `new-source` copies it there).
EXAMPLE_ARTICLE = "guild-2025-03-04.txt"


def example_files() -> dict[str, str]:
    """What `init --example` writes besides the base: the walkthrough's article."""
    return {EXAMPLE_ARTICLE: (Path(__file__).parent.parent / "examples" / EXAMPLE_ARTICLE).read_text(encoding="utf-8")}


def init(folder: Path, *, example: bool = False) -> tuple[list[Path], list[Path]]:
    """Create an empty fact base in `folder` (made if needed), with the walkthrough's article beside it if
    `example`; returns (written, kept): the files written, and the files that were already there and are
    left as they were. A folder that already holds a data or seeds folder is refused, and nothing is
    written; a write that fails half-way (a full disk, Ctrl-C) removes what it made, so that `init` can be
    run again."""
    for existing in (folder / "data", folder / SEEDS_FOLDER):
        if existing.exists():
            raise RecordError(f"{existing}: already exists; a new fact base needs a folder without one")
    written: list[Path] = []
    kept: list[Path] = []
    made: list[Path] = []
    try:
        for relative, text in {**FILES, **(example_files() if example else {})}.items():
            path = folder / relative
            if path.exists() or path.is_symlink():  # a dangling link too: never write through it
                kept.append(path)
                continue
            for parent in reversed(path.parents):
                if not parent.exists():
                    parent.mkdir()
                    made.append(parent)
            # Counted before it is written: a write that fails half-way (a full disk) leaves a file that is
            # removed with the rest, so that `init` can run again.
            written.append(path)
            path.write_text(text, encoding="utf-8")
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        for directory in reversed(made):
            with contextlib.suppress(OSError):  # not empty: someone else wrote there meanwhile
                directory.rmdir()
        raise
    return written, kept
