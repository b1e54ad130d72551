"""How long `newskb draft` takes: every fixture article (the slowest must stay under a second), and
articles of half a megabyte and a megabyte made of the fixtures, whose ratio says whether the work grows
with the text (2.0) or faster; and a megabyte-long single sentence, which is not read as prose.

    python benchmarks/draft_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # first: pysbd's wheel installs a top-level `benchmarks` too

from benchmarks.draft_accuracy import articles, draft_fixture, known_base  # noqa: E402
from newskb.common.dates import parse  # noqa: E402
from newskb.draft import Article, draft  # noqa: E402


def main() -> None:
    base = known_base()
    slowest = max(
        (_timed(lambda article=article: draft_fixture(article, base)), article.stem) for article in articles()
    )
    print(f"slowest fixture article: {slowest[1]}, {slowest[0]:.3f} s (target: under 1 s)")
    text = "".join(article.read_text(encoding="utf-8") + "\n" for article in articles())
    half = (text * (512 * 1024 // len(text) + 1))[: 512 * 1024]
    whole = (text * (1024 * 1024 // len(text) + 1))[: 1024 * 1024]
    published = parse("2024-06-01")
    seconds = [
        _timed(lambda body=body: draft(Article(id="x", published=published, text=body), base)) for body in (half, whole)
    ]
    ratio = seconds[1] / seconds[0]
    print(f"512 KiB of articles: {seconds[0]:.2f} s; 1 MiB: {seconds[1]:.2f} s; ratio {ratio:.2f} (linear: 2)")
    one = "and the chair of the board " * 38_000
    sentence = _timed(lambda: draft(Article(id="x", published=published, text=one), base))
    print(f"a 1 MB sentence: {sentence:.2f} s")


def _timed(run: object) -> float:
    assert callable(run)
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
