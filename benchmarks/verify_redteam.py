"""How `newskb verify` does on sentences written to break it (tests/fixtures/verify/redteam.toml).

    python benchmarks/verify_redteam.py            # each sentence that is not answered as written, then the totals
    python benchmarks/verify_redteam.py --quiet    # only the totals

Each sentence is read and judged against the repository's fact base as of its `as_of` (and `known_as_of`), as
`newskb verify` does, and its verdicts compared with the codes written for it, one a statement: S supported,
C contradicted, T cannot tell, N not in the base (or nothing to check); "S|T" either; "!S" anything but
supported. A sentence is as
written when it has as many statements and each verdict is one its code allows. **Passed as true** counts the
sentences that would exit 0 (every statement supported) though a code says one of them is not: the error
verify must never make.
"""

import argparse
import sys
import tomllib
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TABLE = REPO / "tests" / "fixtures" / "verify" / "redteam.toml"
CODES = {"supported": "S", "contradicted": "C", "cannot-tell": "T", "not-in-base": "N"}


def allows(code: str, got: str) -> bool:
    """Whether a written code allows a verdict's code."""
    return got != "S" if code == "!S" else got in code.split("|")


def main(argv: list[str] | None = None) -> int:
    from newskb.index.cache import open_index
    from newskb.verify import judge
    from newskb.verify.reading import Reader
    from newskb.verify.terms import Context

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quiet", action="store_true", help="only the totals")
    arguments = parser.parse_args(argv)
    with TABLE.open("rb") as stream:
        rows: list[dict[str, object]] = tomllib.load(stream)["sentence"]
    connection, _ = open_index(REPO / "data")
    reader = Reader(connection)
    as_written = passed = 0
    for row in rows:
        asked = date.fromisoformat(str(row["as_of"]))
        known = date.fromisoformat(str(row["known_as_of"])) if row.get("known_as_of") else None
        text = str(row["text"])
        found = judge(Context(connection, asked, known), reader.statements(text, asked))
        # A text with nothing to check exits as one not in the base.
        got = [CODES[verdict.verdict.value] for verdict in found] or ["N"]
        wanted = [str(code) for code in row["expected"]]  # type: ignore[attr-defined]
        right = len(got) == len(wanted) and all(allows(code, one) for code, one in zip(wanted, got, strict=True))
        false_pass = bool(got) and all(one == "S" for one in got) and any(not allows(code, "S") for code in wanted)
        as_written += right
        passed += false_pass
        if not right and not arguments.quiet:
            mark = "PASSED AS TRUE " if false_pass else ""
            print(f"- {mark}{text[:110]!r} (as of {asked}): wanted {wanted}, got {got}")
    print(
        f"{TABLE.name}: {as_written}/{len(rows)} sentences as written, {passed} passed as true with a statement "
        "written as not supported"
    )
    return 0


if __name__ == "__main__":
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    sys.exit(main())
