"""Which sentence splitter the reader should use: pysbd, sentencex, or newskb's own rule, by measurement.

    pip install pysbd                     # the rival measured (not a dependency of newskb)
    python benchmarks/sentences.py        # prints the tables of benchmarks/SENTENCES.md

Each splitter is given one line of an article at a time (a headline or a paragraph: a line break always
ends a sentence) and is scored on where it puts sentence ends:

- the tuned articles of tests/fixtures/drafts/ (held-out articles are not used to choose anything): every
  line is one sentence, except the two lines of two sentences listed in TWO_SENTENCES;
- CASES: sentences with the abbreviations, initials and dates that split sentences wrongly in issue 20
  ("Sept. 6", "U.S. President", "Alan M. Garber"), each with the ends it should have.

A line is right when the splitter's ends are exactly its gold ends. Speed: seconds to split all the lines
of the tuned articles a hundred times over, and a 1 MB line with no sentence end, and a 1 MB line of short
sentences (the size where issue 19 found the old reader slow).
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
# First, even if the repository is on the path already: pysbd's wheel installs a top-level package named
# `benchmarks` too, which would shadow this folder.
sys.path.insert(0, str(REPO))

from benchmarks.draft_accuracy import TUNED, articles, split_of  # noqa: E402

# Lines of the tuned articles that hold two sentences, with the end of the first.
TWO_SENTENCES = {
    "Walter Brandt, the longest-serving mayor in the history of Lindenau, died on Tuesday, the city said.",
    "Álvaro Mendes, who served as Portugal's foreign minister in the 1980s and later led the Lusitanian Bank, "
    "has died, his family said on Wednesday.",
}

# Each case is its sentences, in order; the line given to a splitter is them joined by one space.
CASES: tuple[tuple[str, ...], ...] = (
    ("The vote is set for Sept. 6 in the capital.", "The opposition will boycott it."),
    ("He stepped down on Dec. 14, 2023, after a row with the board.", "His deputy took over."),
    ("U.S. President Joe Biden congratulated her.",),
    ("Alan M. Garber became president of Harvard University in 2023.", "He had been provost since 2011."),
    ("The U.S. Senate confirmed Denise Holloway on Wednesday.", "She starts at once."),
    ("She moved to St. Paul, Minn., in 2010.", "There she led a school."),
    ("Dr. Kwame Asante will succeed her on Jan. 1.", "The board was unanimous."),
    ("Gov. Ann Lee named Lt. Col. Ray Diaz as adjutant general.",),
    ("He joined Acme Inc. in 2004.", "He left Acme Corp. in 2009."),
    ("The meeting ended at 5 p.m. on Friday.", "No vote was taken."),
    ("Shares rose 3.5 percent to $12.40 on Monday.", "Analysts were surprised."),
    ("Mr. Ruiz and Ms. Okafor met on Oct. 3.",),
    ("He was No. 2 at the ministry from 2015 to 2019.", "Then he retired."),
    ('"I am honoured," she said.', "The vote was 41 to 29."),
    ('She called it "a new start."', "Her rival did not comment."),
    ("The U.K. and the E.U. signed the pact.", "It takes effect in May."),
    ("Prof. Maria Lind, 56, became rector.", "Her term runs to 2029."),
    ("Sen. Tom Ray (D-Ohio) praised him.", "Rep. Jo Kim did too."),
    ("Who will lead the party?", "Nobody knows yet."),
    ("Vice Adm. James R. Holt took command on Aug. 30.",),
    ("The company, based in Washington, D.C., hired her.", "She starts in June."),
    ("John F. Kennedy Jr. was not among them.",),
    ("Rutte takes office on Tuesday.", "Stoltenberg leaves after ten years."),
)

Splitter = Callable[[str], list[int]]  # a line -> the offsets where its sentences end (the last is its end)


# newskb's own rule before sentencex (newskb/common/passage.py until issue 20): a sentence ends at . ! or ?, with a
# closing quote mark after it, before whitespace.
_STOP = re.compile(r"(?<=[.!?])[\"'\u2019\u201d]?\s+")


def newskb_rule(line: str) -> list[int]:
    ends = [match.start() + (1 if match.group()[0] in "\"'\u2019\u201d" else 0) for match in _STOP.finditer(line)]
    return [*ends, _trimmed(line, len(line))] if line[ends[-1] if ends else 0 :].strip() else ends


def pysbd_splitter() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda line: [_trimmed(line, span.end) for span in segmenter.segment(line) if span.sent.strip()]


def sentencex_splitter() -> Splitter:
    import sentencex

    def split(line: str) -> list[int]:
        return [
            _trimmed(line, boundary["end_index"])
            for boundary in sentencex.get_sentence_boundaries("en", line)
            if boundary["text"].strip()
        ]

    return split


def _trimmed(line: str, end: int) -> int:
    """A sentence's end without the spaces after it."""
    while end > 0 and line[end - 1].isspace():
        end -= 1
    return end


def gold_lines() -> list[tuple[str, list[int]]]:
    """Every line to split, with the offsets where its sentences end."""
    lines: list[tuple[str, list[int]]] = []
    for article in articles():
        if split_of(article) != TUNED:
            continue
        for line in article.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            first = next((sentence for sentence in TWO_SENTENCES if line.startswith(sentence)), None)
            ends = [len(first), len(line)] if first is not None else [len(line)]
            lines.append((line, ends))
    for case in CASES:
        line = " ".join(case)
        ends, position = [], 0
        for sentence in case:
            position += len(sentence)
            ends.append(position)
            position += 1
        lines.append((line, ends))
    return lines


def main() -> None:
    splitters = {"newskb's rule": newskb_rule, "pysbd": pysbd_splitter(), "sentencex": sentencex_splitter()}
    lines = gold_lines()
    articles_lines = len(lines) - len(CASES)
    print("| splitter | article lines right | cases right | wrong |")
    print("|---|---|---|---|")
    for name, split in splitters.items():
        wrong = [line for line, ends in lines if split(line) != ends]
        in_articles = sum(1 for line, ends in lines[:articles_lines] if split(line) == ends)
        in_cases = sum(1 for line, ends in lines[articles_lines:] if split(line) == ends)
        shown = "; ".join(f"`{line[:60]}`" for line in wrong) or "none"
        print(f"| {name} | {in_articles}/{articles_lines} | {in_cases}/{len(CASES)} | {shown} |")
    print()
    sizes = (10_000, 100_000, 1_000_000)
    print(
        "| splitter | the article lines x 100 | "
        + " | ".join(f"{size // 1000} KB of short sentences" for size in sizes)
        + " | 1 MB with no sentence end |"
    )
    print("|---|---|" + "---|" * len(sizes) + "---|")
    for name, split in splitters.items():
        print(f"| {name} | " + " | ".join(_speeds(split, lines, sizes)) + " |")


def _speeds(split: Splitter, lines: list[tuple[str, list[int]]], sizes: tuple[int, ...]) -> list[str]:
    """A splitter's times: the article lines a hundred times, lines of short sentences of each size (a size
    is skipped once the one before it took over two seconds), and a line with no sentence end."""
    cells = [f"{_timed(lambda: [split(line) for _ in range(100) for line, _ in lines]):.2f} s"]
    previous: float | None = None
    for size in sizes:
        if (previous is None and size > sizes[0]) or (previous is not None and previous > 2):
            cells.append("-")  # grows faster than its input: this size would take minutes
            previous = None
            continue
        previous = _timed(partial(split, "He left. " * (size // 9)))
        cells.append(f"{previous:.2f} s")
    cells.append(f"{_timed(lambda: split('and the chair of the board ' * 37_000)):.2f} s")
    return cells


def _timed(run: Callable[[], object]) -> float:
    began = time.perf_counter()
    run()
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
