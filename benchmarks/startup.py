"""Start-up before and after a change: run.py's targets 1a-1f for two checkouts, side by side in the same rounds.

A change that only moves code (a module into a folder, a class into another module) must not make the
start-up worse; run.py measures one checkout against its baselines, and a slow spell of the machine
moves a ratio by more than the change does. Here every round runs both checkouts' commands in turn, on
the seed base, so both sides of each comparison see the same machine.

    python benchmarks/startup.py BEFORE AFTER [--rounds 20]

BEFORE and AFTER are checkouts of newskb (e.g. `git worktree add /tmp/before HEAD~3`); each is put first on
PYTHONPATH, so both run with this interpreter's dependencies.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # first: pysbd's wheel installs a `benchmarks` too

from benchmarks.run import NEWSKB, Command, measure_together, paired

QUERIES = {
    "1b who": ["who", "NATO Secretary General"],
    "1c search": ["search", "stoltenbreg"],
    "1d timeline": ["timeline", "--entity", "Rutte"],
    "1e show": ["show", "Mark Rutte"],
    "1f offices": ["offices"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description="Compare newskb's start-up in two checkouts.")
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rounds", type=int, default=20)
    arguments = parser.parse_args()
    # `python -m newskb` looks in the working folder before PYTHONPATH: run from a checkout, both sides would
    # run that checkout. The commands run from an empty folder instead (the paths given made absolute first).
    arguments.before, arguments.after = arguments.before.resolve(), arguments.after.resolve()
    os.chdir(tempfile.mkdtemp())
    unset = ("NEWSKB_DATA", "NEWSKB_CACHE", "NEWSKB_WORKERS", "PYTHONDONTWRITEBYTECODE")
    base = {key: value for key, value in os.environ.items() if key not in unset}
    commands = {"typer": Command([sys.executable, "-c", "import typer"], base)}
    for side in ("before", "after"):
        # A cache of its own for each side: the two index layouts may differ.
        env = {**base, "PYTHONPATH": str(getattr(arguments, side)), "XDG_CACHE_HOME": tempfile.mkdtemp()}
        commands[f"{side} version"] = Command([*NEWSKB, "--version"], env)
        for name, words in QUERIES.items():
            commands[f"{side} {name}"] = Command([*NEWSKB, *words, "--format", "json"], env)
    timings = dict(zip(commands, measure_together(list(commands.values()), arguments.rounds), strict=True))
    print(f"median of {arguments.rounds} per-round ratios")
    print(f"{'target':<34}{'before':>8}{'after':>8}{'after / before':>16}")
    targets = [("1a --version / import typer", "version", "typer")]
    targets += [(f"{name} / --version", name, "version") for name in QUERIES]
    for label, top, bottom in targets:
        before, after = (
            paired(timings[f"{side} {top}"], timings["typer" if bottom == "typer" else f"{side} {bottom}"])
            for side in ("before", "after")
        )
        print(f"{label:<34}{before:>8.3f}{after:>8.3f}{after / before:>16.3f}")


if __name__ == "__main__":
    main()
