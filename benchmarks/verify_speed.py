"""What `newskb verify` costs (issue 21's targets): one sentence <= 1.3x a warm `who`; `verify -` of 1,000
lines <= 5x one call.

Measured in turn for ROUNDS rounds, each a ratio of two runs of the same round (the machine's load comes in
spells, benchmarks/RESULTS.md), on an index already built:

- one: `verify SENTENCE` / `who OFFICE`, both whole processes;
- lines: `verify -` of 1,000 sentences (the table's, repeated, each line distinct) / one `verify SENTENCE`.

    python benchmarks/verify_speed.py              # the seed base
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
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWSKB = [sys.executable, "-m", "newskb"]
SENTENCE = "Mark Rutte became NATO Secretary General on 1 October 2024"


def timed(command: list[str], env: dict[str, str], stdin: Path | None = None) -> float:
    with open(stdin or os.devnull, "rb") as given:
        start = time.perf_counter()
        done = subprocess.run(command, env=env, stdin=given, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
    # Only an answer counts (a verdict's exit code); a crash would be fast and measure nothing.
    if done.returncode not in (0, 1, 3, 4, 5):
        raise SystemExit(f"failed ({done.returncode}): {' '.join(command)}: {done.stderr.decode()}")
    return elapsed


def lines(target: Path, count: int = 1000) -> Path:
    """`count` sentences from the table, each made distinct by a day of its own (a repeated line is answered
    from memory, which would flatter the run)."""
    with (HERE.parent / "tests" / "fixtures" / "verify" / "seed.toml").open("rb") as stream:
        sentences = [str(row["text"]).rstrip(".") for row in tomllib.load(stream)["sentence"]]
    with target.open("w", encoding="utf-8") as out:
        for number in range(count):
            out.write(f"{sentences[number % len(sentences)]} ({number})\n")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=11)
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newskb-verify-"))
    env = {key: value for key, value in os.environ.items() if key not in ("NEWSKB_DATA", "PYTHONDONTWRITEBYTECODE")}
    env["XDG_CACHE_HOME"] = str(work / "cache")
    who = [*NEWSKB, "who", "NATO Secretary General", "--as-of", "2024-10-01", "--format", "json"]
    one = [*NEWSKB, "verify", SENTENCE, "--format", "json"]
    many = [*NEWSKB, "verify", "-", "--format", "jsonl"]
    batch = lines(work / "lines.txt")
    timed(who, env)  # builds the index
    single, batched = [], []
    for _ in range(arguments.rounds):
        warm_who = timed(who, env)
        verify_one = timed(one, env)
        single.append(verify_one / warm_who)
        batched.append(timed(many, env, batch) / verify_one)
    shutil.rmtree(work, ignore_errors=True)
    print(f"the seed base, median of {arguments.rounds} rounds:")
    print(f"  verify one sentence / warm who:   {statistics.median(single):.2f} (target <= 1.3)")
    print(f"  verify - of 1,000 lines / one:    {statistics.median(batched):.2f} (target <= 5)")


if __name__ == "__main__":
    main()
