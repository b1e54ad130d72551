"""Time newskb as whole processes against baselines measured in the same run, and print the targets.

    python benchmarks/run.py --facts 100000
    python benchmarks/run.py --facts 1000000    # takes most of an hour; a progress bar on stderr

Every measurement is the median wall time of --runs runs (5 by default) after one warm-up run, and
the largest peak resident memory of them; ratios against a baseline measured in the same run. The
queries and their baselines (`import typer`, `--version`; each a fraction of a second) run in turn,
for 4 x --runs rounds, and their targets are the median of each round's ratio, so that a noisy
machine slows both sides of a ratio alike. A cold build and the bare parse it is compared with run in
turn too, --runs rounds; jq and the rest run one by one.
Needs `jq` on PATH for the jq baselines (apt-get install jq).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
NEWSKB = [sys.executable, "-m", "newskb"]


@dataclass
class Timing:
    seconds: float
    peak_mib: float
    # Each run's wall time, for commands measured side by side (measure_together), in round order.
    rounds: list[float] = field(default_factory=list)


def paired(numerator: Timing, denominator: Timing) -> float:
    """The ratio of two commands measured side by side: the median of each round's ratio, which a slow
    spell of the machine (it lasts seconds, a round a fraction of one) leaves almost untouched."""
    return statistics.median(top / bottom for top, bottom in zip(numerator.rounds, denominator.rounds, strict=True))


def run_once(
    command: Sequence[str], env: dict[str, str], before: Callable[[], None] | None = None, stdin: Path | None = None
) -> Timing:
    if before is not None:
        before()
    with open(stdin or os.devnull, "rb") as given:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdin=given, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in (0, 1):
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    return Timing(elapsed, usage.ru_maxrss / 1024)


def measure(
    command: Sequence[str],
    env: dict[str, str],
    runs: int,
    before: Callable[[], None] | None = None,
    stdin: Path | None = None,
) -> Timing:
    """Median wall time of `runs` runs after a warm-up; the largest peak memory seen."""
    run_once(command, env, before, stdin)
    timings = [run_once(command, env, before, stdin) for _ in range(runs)]
    return Timing(statistics.median(t.seconds for t in timings), max(t.peak_mib for t in timings))


class Command(NamedTuple):
    """What to run, in which environment, with which standard input, after what preparation."""

    argv: Sequence[str]
    env: dict[str, str]
    stdin: Path | None = None
    before: Callable[[], None] | None = None


def measure_together(commands: Sequence[Command], rounds: int) -> list[Timing]:
    """Every command once in turn, `rounds` times after a warm-up round: each one's median wall time and
    largest peak memory. The targets compare commands some milliseconds apart; run side by side, a
    machine that slows down for a while slows all of them alike."""
    for command in commands:
        run_once(command.argv, command.env, command.before, command.stdin)
    samples: list[list[Timing]] = [[] for _ in commands]
    for _ in range(rounds):
        for taken, command in zip(samples, commands, strict=True):
            taken.append(run_once(command.argv, command.env, command.before, command.stdin))
    return [
        Timing(
            statistics.median(t.seconds for t in taken),
            max(t.peak_mib for t in taken),
            rounds=[t.seconds for t in taken],
        )
        for taken in samples
    ]


@dataclass
class Target:
    number: str
    text: str
    measured: float
    limit: float
    higher_is_better: bool = False

    @property
    def passed(self) -> bool:
        return self.measured >= self.limit if self.higher_is_better else self.measured <= self.limit

    def line(self) -> str:
        verdict = "PASS" if self.passed else "FAIL"
        comparison = ">=" if self.higher_is_better else "<="
        miss = ""
        if not self.passed:
            miss = f" (missed by {abs(self.measured - self.limit) / self.limit:.0%})"
        return f"| {self.number} | {self.text} | {self.measured:.2f} | {comparison} {self.limit:g} | {verdict}{miss} |"


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark newskb against its targets.")
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "newskb-bench")
    arguments = parser.parse_args()
    runs = max(5, arguments.runs)
    if shutil.which("jq") is None:
        raise SystemExit("jq is not on PATH: install it (apt-get install jq) to measure the jq baselines")

    work = arguments.workdir
    big = work / f"kb-{arguments.facts}"
    if not (big / "data" / "entities.toml").exists():
        print(f"generating {arguments.facts} facts in {big} ...", file=sys.stderr)
        # In a child process: this one must stay small, since a child's peak memory (ru_maxrss)
        # includes the parent's pages it was forked with, before it runs its own program.
        generator = [sys.executable, str(HERE / "generate.py"), "--facts", str(arguments.facts), "--out", str(big)]
        subprocess.run(generator, check=True)
    data = big / "data"
    # PYTHONDONTWRITEBYTECODE (set on some machines) would make every run compile newskb's sources
    # again; an installed package ships its bytecode, so the measured runs may write theirs.
    unset = ("NEWSKB_DATA", "NEWSKB_CACHE", "PYTHONDONTWRITEBYTECODE")
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env["XDG_CACHE_HOME"] = str(work / "cache")
    seed_env = dict(env)
    big_env = {**env, "NEWSKB_DATA": str(data)}

    export = work / f"export-{arguments.facts}.json"
    with export.open("w", encoding="utf-8") as stream:
        subprocess.run([*NEWSKB, "export", "--format", "json"], env=big_env, stdout=stream, check=True)
    office, person, surname = "office-3", "person-5", _surname(data, "person-5")
    misspelt = surname[:-2] + surname[-1] + surname[-2]

    seed_export = work / "export-seed.json"
    with seed_export.open("w", encoding="utf-8") as stream:
        subprocess.run([*NEWSKB, "export", "--format", "json"], env=seed_env, stdout=stream, check=True)
    seed_batch = _batch_of_names(seed_export, work / "who-seed.txt")
    big_batch = _batch_of_names(export, work / f"who-{arguments.facts}.txt")
    big_distinct = _batch_of_names(export, work / f"who-{arguments.facts}-distinct.txt", distinct=True)

    results: dict[str, Timing] = {}

    def progress(name: str) -> None:
        done = len(results)
        bar = "#" * (20 * done // MEASUREMENTS) + "-" * (20 - 20 * done // MEASUREMENTS)
        print(f"  [{bar}] {done}/{MEASUREMENTS} {name} ...", end="\r", file=sys.stderr, flush=True)

    def record(name: str, timing: Timing) -> Timing:
        results[name] = timing
        print(f"  {name:<34} {timing.seconds * 1000:8.1f} ms  {timing.peak_mib:6.1f} MiB" + " " * 20, file=sys.stderr)
        return timing

    def time_it(name: str, command: Sequence[str], environment: dict[str, str], **options: object) -> Timing:
        progress(name)
        return record(name, measure(command, environment, runs, **options))  # type: ignore[arg-type]

    rounds = 4 * runs
    print(f"measuring the queries side by side (median of {rounds} rounds after one):", file=sys.stderr)
    together: dict[str, Command] = {
        "python -c 'import typer'": Command([sys.executable, "-c", "import typer"], env),
        "newskb --version": Command([*NEWSKB, "--version"], env),
        "seed: who": Command([*NEWSKB, "who", "NATO Secretary General", "--format", "json"], seed_env),
        "seed: TAB on `who sec`": Command(NEWSKB, {**seed_env, **_completing("newskb who sec")}),
        "seed: 1000 who in one batch": Command(
            [*NEWSKB, "who", "-", "--as-of", "2024-10-01", "--format", "json"], seed_env, seed_batch
        ),
        "seed: timeline --entity": Command([*NEWSKB, "timeline", "--entity", "Rutte", "--format", "json"], seed_env),
        "seed: show": Command([*NEWSKB, "show", "Mark Rutte", "--format", "json"], seed_env),
        "big: who": Command([*NEWSKB, "who", office, "--format", "json"], big_env),
        "big: timeline --entity": Command([*NEWSKB, "timeline", "--entity", person, "--format", "json"], big_env),
        "big: show": Command([*NEWSKB, "show", person, "--format", "json"], big_env),
        "big: 1000 who in one batch": Command([*NEWSKB, "who", "-", "--format", "json"], big_env, big_batch),
        "big: 1000 distinct who in one batch": Command(
            [*NEWSKB, "who", "-", "--format", "json"], big_env, big_distinct
        ),
        f"big: TAB on `show {surname[:3]}`": Command(NEWSKB, {**big_env, **_completing(f"newskb show {surname[:3]}")}),
    }
    progress("queries side by side")
    timings = measure_together(list(together.values()), rounds)
    (
        typer_floor,
        version,
        seed_who,
        seed_completion,
        seed_batch_who,
        seed_timeline,
        seed_show,
        big_who,
        big_timeline,
        big_show,
        big_batch_who,
        big_distinct_who,
        big_completion,
    ) = (record(name, timing) for name, timing in zip(together, timings, strict=True))
    print("measuring the others (median of runs after a warm-up):", file=sys.stderr)
    big_search = time_it("big: search (misspelt name)", [*NEWSKB, "search", misspelt, "--format", "json"], big_env)
    jq_who = time_it("jq: who selection", ["jq", f'[.terms[] | select(.office == "{office}")]', str(export)], env)
    jq_timeline = time_it(
        "jq: timeline selection",
        [
            "jq",
            f'[.events[] | select(.involves | index("{person}"))] + [.terms[] | select(.holder == "{person}")]',
            str(export),
        ],
        env,
    )
    jq_show = time_it(
        "jq: show selection",
        [
            "jq",
            f'{{entity: [.entities[] | select(.id == "{person}")], terms: [.terms[] | select(.holder == "{person}")], '
            f'events: [.events[] | select(.involves | index("{person}"))], '
            f'claims: [.claims[] | select(.about | index("{person}"))]}}',
            str(export),
        ],
        env,
    )
    jq_substring = time_it(
        "jq: substring select",
        ["jq", f'[.entities[] | select(.name | contains("{surname}"))]', str(export)],
        env,
    )
    parse_script = (
        "import pathlib, tomllib\n"
        f"for path in sorted(pathlib.Path({str(data)!r}).rglob('*.toml')): tomllib.loads(path.read_text())\n"
    )
    cache_folder = work / "cache" / "newskb"
    # A cold build and the bare parse it is compared with, in turn: both take seconds, and a slow spell of
    # the machine (it has lasted minutes here) would otherwise fall on one and not the other.
    progress("cold build and bare parse, in turn")
    cold, bare_parse = (
        record(name, timing)
        for name, timing in zip(
            ("big: cold build + who", "bare tomllib parse"),
            measure_together(
                [
                    Command(
                        [*NEWSKB, "who", office, "--format", "json"],
                        big_env,
                        before=lambda: shutil.rmtree(cache_folder, ignore_errors=True),
                    ),
                    Command([sys.executable, "-c", parse_script], env),
                ],
                runs,
            ),
            strict=True,
        )
    )
    touched_file = sorted((data / "sources").glob("*.toml"))[0]
    touched = time_it(
        "big: who after touching one file",
        [*NEWSKB, "who", office, "--format", "json"],
        big_env,
        before=lambda: os.utime(touched_file),
    )
    warm_again = time_it("big: who, warm", [*NEWSKB, "who", office, "--format", "json"], big_env)
    peak = max(t.peak_mib for t in (big_who, big_timeline, big_show, big_search, warm_again))
    assert len(results) == MEASUREMENTS, f"MEASUREMENTS is {MEASUREMENTS}, but {len(results)} were taken"

    targets = [
        Target("1a", "`newskb --version` / `python -c 'import typer'`", paired(version, typer_floor), 1.3),
        Target("1b", "seed `who --format json` / `newskb --version`", paired(seed_who, version), 1.15),
        Target("2a", "big / seed: `who`", paired(big_who, seed_who), 1.5),
        Target("2b", "big / seed: `timeline --entity`", paired(big_timeline, seed_timeline), 1.5),
        Target("2c", "big / seed: `show`", paired(big_show, seed_show), 1.5),
        Target(
            "2d", "jq / newskb, `who` selection (x faster)", jq_who.seconds / big_who.seconds, 5, higher_is_better=True
        ),
        Target(
            "2e",
            "jq / newskb, `timeline` selection (x faster)",
            jq_timeline.seconds / big_timeline.seconds,
            5,
            higher_is_better=True,
        ),
        Target(
            "2f",
            "jq / newskb, `show` selection (x faster)",
            jq_show.seconds / big_show.seconds,
            5,
            higher_is_better=True,
        ),
        Target("3", "`search` misspelt name / jq substring select", big_search.seconds / jq_substring.seconds, 0.5),
        Target("4a", "cold build / bare tomllib parse", paired(cold, bare_parse), 1.5),
        Target("4b", "query after touching one file / warm query", touched.seconds / warm_again.seconds, 3),
        Target("5", f"peak memory of a warm query on {arguments.facts:,} facts (MiB)", peak, 80),
        Target("6a", "seed: 1000 `who` in one batch / one `who`", paired(seed_batch_who, seed_who), 3),
        Target("6b", "big: 1000 `who` in one batch / one `who`", paired(big_batch_who, big_who), 3),
        Target("7a", "seed: one TAB completion / a warm `who`", paired(seed_completion, seed_who), 1.2),
        Target("7b", "big: one TAB completion / a warm `who`", paired(big_completion, big_who), 1.2),
    ]
    print()
    print(f"newskb benchmarks: {arguments.facts} facts, median of {runs} runs after a warm-up")
    print(f"machine: {platform.platform()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print()
    print("| target | measure | measured | limit | result |")
    print("|---|---|---|---|---|")
    for target in targets:
        print(target.line())
    passed = sum(target.passed for target in targets)
    print()
    print(f"{passed} passed, {len(targets) - passed} failed")
    # Not a target: 6b's batch repeats lines (a base has only so many offices), and a repeated line is
    # answered from the batch's memory; this is the cost when every line must be asked.
    print(
        f"big: 1000 distinct `who` lines in one batch / one `who`: {paired(big_distinct_who, big_who):.2f} "
        f"(no line twice; {sum(1 for _ in big_batch.open(encoding='utf-8'))} lines of 6b's batch, "
        f"{len(set(big_batch.read_text(encoding='utf-8').splitlines()))} distinct)"
    )
    # The big base's index is the largest in the cache folder (the seed's is the other).
    index_bytes = max(path.stat().st_size for path in cache_folder.glob("index-*.sqlite"))
    print(
        f"index cache of the big base: {index_bytes / 2**20:.1f} MiB, "
        f"{index_bytes / arguments.facts:.0f} bytes per fact (the data files: "
        f"{sum(path.stat().st_size for path in data.rglob('*.toml')) / 2**20:.1f} MiB)"
    )


# How many measurements main() takes (for the progress bar; it checks the count).
MEASUREMENTS = 22


def _completing(line: str) -> dict[str, str]:
    """The environment bash's completion script sets to ask what TAB completes at the end of `line`."""
    return {"_NEWSKB_COMPLETE": "complete_bash", "COMP_WORDS": line, "COMP_CWORD": str(len(line.split()) - 1)}


def _batch_of_names(export: Path, target: Path, count: int = 1000, *, distinct: bool = False) -> Path:
    """`count` office names to ask `who` about, one per line: each office's name, its aliases, and its name
    with two letters swapped (a typo), over and over. `distinct`: no line twice (after the names and
    aliases, typos swapping other pairs of letters), so that no answer can come from the batch's memory."""
    offices = [
        json.loads(line)
        for line in subprocess.run(
            ["jq", "-c", '.entities[] | select(.kind == "office") | [.name] + .aliases', str(export)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    ]
    names: list[str] = []
    for written in offices:
        names += [*written, _swapped(written[0], len(written[0]) // 2)]
    if not distinct:
        lines = [names[number % len(names)] for number in range(count)]
    else:
        lines = list(dict.fromkeys(names))
        longest = max(len(written[0]) for written in offices)
        for position in range(1, longest):
            lines += [_swapped(written[0], position) for written in offices if position < len(written[0])]
            lines = list(dict.fromkeys(lines))
            if len(lines) >= count:
                break
        lines = lines[:count]
    target.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return target


def _swapped(name: str, position: int) -> str:
    """`name` with the letters at `position` - 1 and `position` swapped: a typo."""
    return name[: position - 1] + name[position] + name[position - 1] + name[position + 1 :]


def _surname(data: Path, person: str) -> str:
    """The surname of `person`, read line by line: this process must stay small (see `main`)."""
    with (data / "entities.toml").open(encoding="utf-8") as lines:
        for line in lines:
            if line == f'id = "{person}"\n':
                break
        for line in lines:
            if line.startswith("name = "):
                return line.split("name = ", 1)[1].strip().strip('"').split()[-1]
    raise SystemExit(f"{person} is not in {data / 'entities.toml'}")


if __name__ == "__main__":
    main()
