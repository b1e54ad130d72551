"""How well `newskb verify` judges sentences whose verdicts were written down before it existed.

    python benchmarks/verify_accuracy.py                       # the tuned split of tests/fixtures/verify/seed.toml
    python benchmarks/verify_accuracy.py --split held-out      # the sentences set aside, never tuned on
    python benchmarks/verify_accuracy.py --sentences FILE      # another table of the same form

Each sentence is read and judged against the repository's fact base as of its `as_of` (2026-01-01 when it
gives none, standing for "today"), and compared statement by statement with the verdicts written for it:
a sentence counts as right when it has as many statements as written and each has its verdict and cites its
evidence. Per verdict, precision is the share of the statements judged so that were written so, and recall
the share of those written so that were judged so. **False support** is a statement judged `supported` whose
written verdict is another: the one error verify must never make.
"""

import argparse
import itertools
import sys
import tomllib
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TABLE = REPO / "tests" / "fixtures" / "verify" / "seed.toml"
TODAY = date(2026, 1, 1)
VERDICTS = ("supported", "contradicted", "cannot-tell", "not-in-base")


def sentences(path: Path, split: str) -> list[dict[str, object]]:
    with path.open("rb") as stream:
        rows: list[dict[str, object]] = tomllib.load(stream)["sentence"]
    if split == "all":
        return rows
    return [row for row in rows if bool(row.get("held_out")) == (split == "held-out")]


def main(argv: list[str] | None = None) -> int:
    from newskb.index.cache import open_index
    from newskb.verify import judge
    from newskb.verify.reading import Reader
    from newskb.verify.terms import Context

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("tuned", "held-out", "all"), default="tuned")
    parser.add_argument("--sentences", type=Path, default=TABLE)
    parser.add_argument("--quiet", action="store_true", help="only the totals")
    arguments = parser.parse_args(argv)
    split = "all" if arguments.sentences != TABLE and arguments.split == "tuned" else arguments.split
    connection, _ = open_index(REPO / "data")
    reader = Reader(connection)
    right = statements = statements_right = false_support = 0
    pairs: list[tuple[str, str]] = []  # (written, judged) for each statement, in order; "" where one is missing
    rows = sentences(arguments.sentences, split)
    for row in rows:
        asked = date.fromisoformat(str(row["as_of"])) if row.get("as_of") else TODAY
        text = str(row["text"])
        found = judge(Context(connection, asked), reader.statements(text, asked))
        wanted = [str(verdict) for verdict in row["verdicts"]]  # type: ignore[attr-defined]
        evidence = {str(item) for item in row["evidence"]}  # type: ignore[attr-defined]
        got = [verdict.verdict.value for verdict in found]
        cited = {item.id for verdict in found for item in verdict.evidence}
        statements += len(wanted)
        pairs += itertools.zip_longest(wanted, got, fillvalue="")
        statements_right += sum(1 for one, other in zip(got, wanted, strict=False) if one == other)
        false_support += sum(1 for one, other in zip(got, wanted, strict=False) if one == "supported" != other)
        false_support += sum(1 for one in got[len(wanted) :] if one == "supported")
        ok = got == wanted and evidence <= cited
        right += ok
        if not ok and not arguments.quiet:
            print(
                f"- {text!r} (as of {asked}): wanted {wanted} citing {sorted(evidence)};"
                f" got {got} citing {sorted(cited)}"
            )
            for verdict in found:
                print(f"    {verdict.verdict.value}: {verdict.statement!r}: {verdict.why}")
    print(
        f"{arguments.sentences.name} [{split}]: {right}/{len(rows)} sentences right, "
        f"{statements_right}/{statements} statements with their verdict, {false_support} false support"
    )
    for word in VERDICTS:
        written = sum(1 for one, _ in pairs if one == word)
        judged = sum(1 for _, other in pairs if other == word)
        both = sum(1 for one, other in pairs if one == other == word)
        print(f"  {word:<13} precision {_share(both, judged)}  recall {_share(both, written)}")
    return 0


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({part / whole:.0%})" if whole else "0/0 (-)"


if __name__ == "__main__":
    sys.exit(main())
