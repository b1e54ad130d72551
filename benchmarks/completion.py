"""TAB completion against a query, warm and cold (issue 23's target: <= 1.2x a warm query).

Completion opens the index as a query does (built when absent, refreshed when a data file changed), so a
TAB pressed before any query has run builds it. Measured, in turn for ROUNDS rounds, each a ratio of two
runs of the same round (the machine's load comes in spells, README of benchmarks/RESULTS.md):

- warm: one TAB (`who sec`) / one warm `who`, both on an index already built;
- after check: one TAB after the Quickstart's `newskb check` alone (which indexes the base) / one warm `who`;
- cold: one TAB on a base no command has indexed / one warm `who` (the target's denominator), and the same
  TAB / one cold `who` (both building the index) for scale.

    python benchmarks/completion.py              # the seed base
    python benchmarks/completion.py --facts 10000
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWSKB = [sys.executable, "-m", "newskb"]


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=0, help="a generated base of this many facts (0: the seed)")
    parser.add_argument("--rounds", type=int, default=15)
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newskb-tab-"))
    env = {key: value for key, value in os.environ.items() if key not in ("NEWSKB_DATA", "PYTHONDONTWRITEBYTECODE")}
    office = "NATO Secretary General"
    typed = "newskb who sec"
    if arguments.facts:
        base = work / "kb"
        generator = [sys.executable, str(HERE / "generate.py"), "--facts", str(arguments.facts), "--out", str(base)]
        subprocess.run(generator, check=True, stdout=subprocess.DEVNULL)
        env["NEWSKB_DATA"] = str(base / "data")
        office, typed = "office-3", "newskb who off"
    tab = {"_NEWSKB_COMPLETE": "complete_bash", "COMP_WORDS": typed, "COMP_CWORD": str(len(typed.split()) - 1)}
    who = [*NEWSKB, "who", office, "--as-of", "2024-10-01", "--format", "json"]
    warm_env = {**env, "XDG_CACHE_HOME": str(work / "warm")}
    timed(who, warm_env)  # builds the warm index
    check = [*NEWSKB, "check"]
    warm, after_check, cold, cold_vs_cold = [], [], [], []
    for round_number in range(arguments.rounds):
        warm_who = timed(who, warm_env)
        warm.append(timed(NEWSKB, {**warm_env, **tab}) / warm_who)
        fresh = work / f"cold-{round_number}"
        timed(check, {**env, "XDG_CACHE_HOME": str(fresh / "check")})
        after_check.append(timed(NEWSKB, {**env, **tab, "XDG_CACHE_HOME": str(fresh / "check")}) / warm_who)
        cold.append(timed(NEWSKB, {**env, **tab, "XDG_CACHE_HOME": str(fresh / "tab")}) / warm_who)
        cold_who = timed(who, {**env, "XDG_CACHE_HOME": str(fresh / "who")})
        cold_vs_cold.append(timed(NEWSKB, {**env, **tab, "XDG_CACHE_HOME": str(fresh / "tab2")}) / cold_who)
    shutil.rmtree(work, ignore_errors=True)
    size = f"{arguments.facts} facts" if arguments.facts else "the seed base"
    print(f"{size}, median of {arguments.rounds} rounds:")
    print(f"  warm TAB / warm who:                 {statistics.median(warm):.2f} (target <= 1.2)")
    print(f"  TAB after check / warm who:          {statistics.median(after_check):.2f} (target <= 1.2)")
    print(f"  TAB before any command / warm who:   {statistics.median(cold):.2f}")
    print(f"  TAB before any command / cold who:   {statistics.median(cold_vs_cold):.2f}")


if __name__ == "__main__":
    main()
