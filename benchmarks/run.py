"""Time newskb as whole processes against baselines measured in the same run, and print the targets.

    python benchmarks/run.py --facts 100000
    python benchmarks/run.py --facts 1000000    # takes most of an hour; a progress bar on stderr

Every measurement is the median wall time of --runs runs (5 by default) after one warm-up run, and
the largest peak resident memory of them; ratios against a baseline measured in the same run. The
queries and their baselines (`import typer`, `--version`; each a fraction of a second) run in turn,
for 4 x --runs rounds, and their targets are the median of each round's ratio, so that a noisy
machine slows both sides of a ratio alike. The cold builds (two workers and one) and the bare parse
they are compared with run in turn too, --build-rounds rounds (default --runs), compared by wall and
CPU time; the exports run once; jq and the rest run one by one.
Needs `jq` on PATH for the jq baselines (apt-get install jq), and pyarrow for the Parquet export
(the parquet extra).
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
    # CPU time (user and system) of the process and the workers it waited for: the median, and each round's.
    cpu: float = 0.0
    cpu_rounds: list[float] = field(default_factory=list)


def paired(numerator: Timing, denominator: Timing) -> float:
    """The ratio of two commands measured side by side: the median of each round's ratio, which a slow
    spell of the machine (it lasts seconds, a round a fraction of one) leaves almost untouched."""
    return statistics.median(top / bottom for top, bottom in zip(numerator.rounds, denominator.rounds, strict=True))


def paired_cpu(numerator: Timing, denominator: Timing) -> float:
    """As `paired`, of CPU time."""
    pairs = zip(numerator.cpu_rounds, denominator.cpu_rounds, strict=True)
    return statistics.median(top / bottom for top, bottom in pairs)


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
    # 0 found, 1 nothing or a line missed, 5 last known (an open term asked about today).
    if process.returncode not in (0, 1, 5):
        raise SystemExit(f"failed ({process.returncode}): {' '.join(command)}")
    return Timing(elapsed, usage.ru_maxrss / 1024, cpu=usage.ru_utime + usage.ru_stime)


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
            cpu=statistics.median(t.cpu for t in taken),
            cpu_rounds=[t.cpu for t in taken],
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
    parser.add_argument(
        "--build-rounds", type=int, default=0, help="rounds of the cold builds and the bare parse (default: --runs)"
    )
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "newskb-bench")
    arguments = parser.parse_args()
    runs = max(5, arguments.runs)
    build_rounds = arguments.build_rounds or runs
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
    unset = ("NEWSKB_DATA", "NEWSKB_CACHE", "NEWSKB_WORKERS", "PYTHONDONTWRITEBYTECODE")
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env["XDG_CACHE_HOME"] = str(work / "cache")
    seed_env = dict(env)
    big_env = {**env, "NEWSKB_DATA": str(data)}

    export = work / f"export-{arguments.facts}.json"
    with export.open("w", encoding="utf-8") as stream:
        subprocess.run([*NEWSKB, "export", "--format", "json"], env=big_env, stdout=stream, check=True)
    office, person, surname = "office-3", "person-5", _surname(data, "person-5")
    misspelt = surname[:-2] + surname[-1] + surname[-2]
    # A month of the big base's years, and of the seed's (each a handful of events and term edges a month,
    # plus the imprecise dates, a year or three wide, that may fall in it).
    big_range, seed_range = ["--from", "1900-01", "--to", "1900-01"], ["--from", "2024-09", "--to", "2024-10"]

    seed_export = work / "export-seed.json"
    with seed_export.open("w", encoding="utf-8") as stream:
        subprocess.run([*NEWSKB, "export", "--format", "json"], env=seed_env, stdout=stream, check=True)
    seed_batch = _batch_of_names(seed_export, work / "who-seed.txt")
    big_distinct = _batch_of_names(export, work / f"who-{arguments.facts}-distinct.txt", distinct=True)
    big_people = _batch_of_people(export, work / f"show-{arguments.facts}.txt")

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

    def json_of(*words: str) -> list[str]:
        return [*NEWSKB, *words, "--format", "json"]

    rounds = 4 * runs
    print(f"measuring the queries side by side (median of {rounds} rounds after one):", file=sys.stderr)
    together: dict[str, Command] = {
        "python -c 'import typer'": Command([sys.executable, "-c", "import typer"], env),
        "newskb --version": Command([*NEWSKB, "--version"], env),
        "seed: who": Command(json_of("who", "NATO Secretary General"), seed_env),
        "seed: TAB on `who sec`": Command(NEWSKB, {**seed_env, **_completing("newskb who sec")}),
        "seed: 1000 who in one batch": Command(json_of("who", "-", "--as-of", "2024-10-01"), seed_env, seed_batch),
        "seed: timeline --entity": Command(json_of("timeline", "--entity", "Rutte"), seed_env),
        "seed: show": Command(json_of("show", "Mark Rutte"), seed_env),
        "seed: search": Command(json_of("search", "stoltenbreg"), seed_env),
        "seed: timeline --from/--to": Command(json_of("timeline", *seed_range), seed_env),
        "seed: offices": Command(json_of("offices"), seed_env),
        "big: who": Command(json_of("who", office), big_env),
        "big: timeline --entity": Command(json_of("timeline", "--entity", person), big_env),
        "big: show": Command(json_of("show", person), big_env),
        "big: search (misspelt name)": Command(json_of("search", misspelt), big_env),
        "big: timeline --from/--to": Command(json_of("timeline", *big_range), big_env),
        "big: 1000 distinct who lines": Command(json_of("who", "-"), big_env, big_distinct),
        "big: 1000 show lines": Command(json_of("show", "-"), big_env, big_people),
        f"big: TAB on `show {surname[:3]}`": Command(NEWSKB, {**big_env, **_completing(f"newskb show {surname[:3]}")}),
    }
    progress("queries side by side")
    timings = dict(zip(together, measure_together(list(together.values()), rounds), strict=True))
    for name, timing in timings.items():
        record(name, timing)
    t = timings  # the side-by-side measurements, by name
    print("measuring the others (median of runs after a warm-up):", file=sys.stderr)
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
    # One run each (a warm index; the exports take seconds to a minute at a million facts).
    progress("big: JSON export")
    json_export = record("big: JSON export", run_once([*NEWSKB, "export", "--format", "json"], big_env))
    parquet = work / f"parquet-{arguments.facts}"
    progress("big: Parquet export")
    parquet_export = record(
        "big: Parquet export",
        run_once(
            [*NEWSKB, "export", "--format", "parquet", "--output", str(parquet), "--force"],
            big_env,
            before=lambda: shutil.rmtree(parquet, ignore_errors=True),
        ),
    )
    parse_script = (
        "import pathlib, tomllib\n"
        f"for path in sorted(pathlib.Path({str(data)!r}).rglob('*.toml')): tomllib.loads(path.read_text())\n"
    )
    cache_folder = work / "cache" / "newskb"

    def cold() -> None:
        shutil.rmtree(cache_folder, ignore_errors=True)

    # The cold builds and the bare parse they are compared with, in turn: each takes seconds to minutes, and a
    # slow spell of the machine (it has lasted minutes here) would otherwise fall on one and not the other.
    progress("cold builds and bare parse, in turn")
    cold_two, cold_one, bare_parse = (
        record(name, timing)
        for name, timing in zip(
            ("big: cold build + who (2 workers)", "big: cold build + who (1 worker)", "bare tomllib parse"),
            measure_together(
                [
                    Command(json_of("who", office), {**big_env, "NEWSKB_WORKERS": "2"}, before=cold),
                    Command(json_of("who", office), {**big_env, "NEWSKB_WORKERS": "1"}, before=cold),
                    Command([sys.executable, "-c", parse_script], env),
                ],
                build_rounds,
            ),
            strict=True,
        )
    )
    # The warm query first: a file touched within three seconds is hashed again by every query (freshness.py's
    # racy window), so a warm query timed just after the touched ones would time that instead.
    warm_again = time_it("big: who, warm", json_of("who", office), big_env)
    touched_file = sorted((data / "sources").glob("*.toml"))[0]
    touched = time_it(
        "big: who after touching one file", json_of("who", office), big_env, before=lambda: os.utime(touched_file)
    )
    warm_queries = ("big: who", "big: timeline --entity", "big: show", "big: search (misspelt name)")
    peak = max(t[name].peak_mib for name in warm_queries)
    assert len(results) == MEASUREMENTS, f"MEASUREMENTS is {MEASUREMENTS}, but {len(results)} were taken"

    version = t["newskb --version"]
    targets = [
        Target(
            "1a", "`newskb --version` / `python -c 'import typer'`", paired(version, t["python -c 'import typer'"]), 1.3
        ),
        Target("1b", "seed `who` / `newskb --version`", paired(t["seed: who"], version), 1.15),
        Target("1c", "seed `search` / `newskb --version`", paired(t["seed: search"], version), 1.2),
        Target(
            "1d",
            "seed `timeline --from/--to` / `newskb --version`",
            paired(t["seed: timeline --from/--to"], version),
            1.2,
        ),
        Target("1e", "seed `show` / `newskb --version`", paired(t["seed: show"], version), 1.2),
        Target("1f", "seed `offices` / `newskb --version`", paired(t["seed: offices"], version), 1.2),
        Target("2a", "big / seed: `who`", paired(t["big: who"], t["seed: who"]), 1.5),
        Target(
            "2b",
            "big / seed: `timeline --entity`",
            paired(t["big: timeline --entity"], t["seed: timeline --entity"]),
            1.5,
        ),
        Target("2c", "big / seed: `show`", paired(t["big: show"], t["seed: show"]), 1.5),
        Target(
            "2d", "big / seed: `search` (misspelt name)", paired(t["big: search (misspelt name)"], t["seed: search"]), 2
        ),
        Target(
            "2e",
            "big / seed: `timeline --from/--to` (a month)",
            paired(t["big: timeline --from/--to"], t["seed: timeline --from/--to"]),
            1.5,
        ),
        Target("2f", "peak memory of big `timeline --from/--to` (MiB)", t["big: timeline --from/--to"].peak_mib, 80),
        Target(
            "2g",
            "jq / newskb, `who` selection (x faster)",
            jq_who.seconds / t["big: who"].seconds,
            5,
            higher_is_better=True,
        ),
        Target(
            "2h",
            "jq / newskb, `timeline` selection (x faster)",
            jq_timeline.seconds / t["big: timeline --entity"].seconds,
            5,
            higher_is_better=True,
        ),
        Target(
            "2i",
            "jq / newskb, `show` selection (x faster)",
            jq_show.seconds / t["big: show"].seconds,
            5,
            higher_is_better=True,
        ),
        Target(
            "3",
            "`search` misspelt name / jq substring select",
            t["big: search (misspelt name)"].seconds / jq_substring.seconds,
            0.5,
        ),
        Target("4a", "cold build CPU (2 workers) / bare tomllib parse CPU", paired_cpu(cold_two, bare_parse), 2),
        Target("4b", "query after touching one file / warm query", touched.seconds / warm_again.seconds, 3),
        Target("5", f"peak memory of a warm query on {arguments.facts:,} facts (MiB)", peak, 80),
        Target("5b", "peak memory of the big JSON export (MiB)", json_export.peak_mib, 200),
        Target(
            "6a",
            "seed: 1000 `who` in one batch / one `who`",
            paired(t["seed: 1000 who in one batch"], t["seed: who"]),
            3,
        ),
        Target(
            "6b",
            "big: 1000 distinct `who` lines in one batch / one `who`",
            paired(t["big: 1000 distinct who lines"], t["big: who"]),
            3,
        ),
        Target(
            "6c",
            "big: 1000 `show` lines in one batch / one `show`",
            paired(t["big: 1000 show lines"], t["big: show"]),
            3,
        ),
        Target(
            "7a", "seed: one TAB completion / a warm `who`", paired(t["seed: TAB on `who sec`"], t["seed: who"]), 1.2
        ),
        Target(
            "7b",
            "big: one TAB completion / a warm `who`",
            paired(t[f"big: TAB on `show {surname[:3]}`"], t["big: who"]),
            1.2,
        ),
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
    print()
    print(
        f"cold build, wall / CPU: 2 workers {cold_two.seconds:.1f} s / {cold_two.cpu:.1f} s, 1 worker "
        f"{cold_one.seconds:.1f} s / {cold_one.cpu:.1f} s; "
        f"bare parse {bare_parse.seconds:.1f} s / {bare_parse.cpu:.1f} s "
        f"(1 worker / parse: wall {paired(cold_one, bare_parse):.2f}, CPU {paired_cpu(cold_one, bare_parse):.2f}; "
        f"2 workers / parse: wall {paired(cold_two, bare_parse):.2f}; {build_rounds} rounds)"
    )
    print(
        f"exports of the big base: JSON {json_export.seconds:.1f} s, {json_export.peak_mib:.1f} MiB; Parquet "
        f"{parquet_export.seconds:.1f} s, {parquet_export.peak_mib:.1f} MiB, "
        f"{sum(path.stat().st_size for path in parquet.glob('*.parquet')) / 2**20:.1f} MiB of files"
    )
    print(
        f"big: 1000 distinct `who` lines, {_typos(big_distinct, export)} of them typos; the `show` lines: exact names"
    )
    # The big base's index is the largest in the cache folder (the seed's is the other).
    index_bytes = max(path.stat().st_size for path in cache_folder.glob("index-*.sqlite"))
    print(
        f"index cache of the big base: {index_bytes / 2**20:.1f} MiB, "
        f"{index_bytes / arguments.facts:.0f} bytes per fact (the data files: "
        f"{sum(path.stat().st_size for path in data.rglob('*.toml')) / 2**20:.1f} MiB)"
    )


# How many measurements main() takes (for the progress bar; it checks the count).
MEASUREMENTS = 29


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


def _batch_of_people(export: Path, target: Path, count: int = 1000) -> Path:
    """The names of `count` people, one per line, each once (for `show -`)."""
    names = subprocess.run(
        ["jq", "-r", f'[.entities[] | select(.kind == "person") | .name][:{count}][]', str(export)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    target.write_text(names, encoding="utf-8")
    return target


def _typos(batch: Path, export: Path) -> int:
    """How many lines of a batch of office names are typos: neither a name nor an alias of an office."""
    written = subprocess.run(
        ["jq", "-r", '.entities[] | select(.kind == "office") | .name, .aliases[]', str(export)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return sum(1 for line in batch.read_text(encoding="utf-8").splitlines() if line not in set(written))


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
