"""How well `newskb draft` drafts articles it was tuned on and articles it was not, against what a careful
curator takes from them.

    python benchmarks/draft_accuracy.py                  # every split and the seed: benchmarks/DRAFT.md
    python benchmarks/draft_accuracy.py --split tuned    # only the articles the reader was first tuned on
    python benchmarks/draft_accuracy.py --articles DIR   # another folder of NAME.txt and NAME.gold.toml

Each article (NAME.txt) is drafted against the bundled fact base (as `newskb draft` would, once the
article is a source) and compared with its NAME.gold.toml, whose `[source]` table gives the publication
date and, with `held_out = true`, puts it in the held-out split: articles set aside before the reader was
changed for issue 20. Every other article is in the tuned split. The blind splits are the folders
`tests/fixtures/drafts-blind*/`, each written by someone who never saw the reader's code and run once on a
frozen reader before it became development data. A folder given with `--articles` is one split of its own,
whatever its gold files say: the way to run a new blind corpus once.

- terms: a gold term is found when a drafted term has the same holder (by name) and office (by its words
  in any order, "of", "the", "at" and "'s" aside, a country's adjective or short form as its name, "chief
  executive" with or without "officer"); of
  those, with exactly the gold's start, and end (recall). Drafted terms that match a gold term are
  right, the others wrong (precision). A term whose office's organization the draft leaves blank, saying
  the article does not make it clear, claims nothing: it is counted apart ("left blank"), neither found
  nor drafted.
- events: drafted from the sentence of a gold event (their quotes overlap), and of those, with its date;
- quotes: every drafted quote found verbatim in the article (as `check` finds them);
- dates: no drafted date more precise than the gold's (which is the text's): a date inside the gold's and
  finer (a day of the gold's month); a date outside it is another date, counted wrong where it is compared
  (two events of one sentence are matched by their sentence, whatever their days). And no date where the
  text gives none (the gold leaves it out). A bound ("..2024-09-30": on or before that day) is never more precise
  than a date; where it is not the gold's value, it is counted wrong as a start or an end, not as precision.

By default it also drafts the bundled seed article and sets each of its seven hand-curated terms beside
the draft. The targets (issue 20, for articles the reader was not tuned on): at least 60% of gold terms
found, 45% with exactly the right start, 85% of drafted terms right; every quote verbatim; no date more
precise than its text.
"""

from __future__ import annotations

import argparse
import functools
import sys
import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
FIXTURES = REPO / "tests" / "fixtures" / "drafts"
BLIND_FIXTURES = REPO / "tests" / "fixtures" / "drafts-blind"
SEED_SOURCE = "rbc-ukraine-2024-09-30-rutte"
TARGET_FOUND = 0.60
TARGET_STARTS = 0.45
TARGET_RIGHT = 0.85
TUNED, HELD_OUT, BLIND = "tuned", "held-out", "blind"
# The blind corpora, each written by someone who never saw the reader's code and run once on a frozen reader
# before it became development data (its README says when, and what it measured).
BLIND_SPLITS = {
    BLIND: BLIND_FIXTURES,
    "blind-2": REPO / "tests" / "fixtures" / "drafts-blind-2",
    "blind-3": REPO / "tests" / "fixtures" / "drafts-blind-3",
    "blind-4": REPO / "tests" / "fixtures" / "drafts-blind-4",
    "blind-5": REPO / "tests" / "fixtures" / "drafts-blind-5",
    "blind-6": REPO / "tests" / "fixtures" / "drafts-blind-6",
    "blind-7": REPO / "tests" / "fixtures" / "drafts-blind-7",
    "blind-8": REPO / "tests" / "fixtures" / "drafts-blind-8",
    "blind-9": REPO / "tests" / "fixtures" / "drafts-blind-9",
    "blind-10": REPO / "tests" / "fixtures" / "drafts-blind-10",
    "blind-11": REPO / "tests" / "fixtures" / "drafts-blind-11",
    "blind-12": REPO / "tests" / "fixtures" / "drafts-blind-12",
    "blind-13": REPO / "tests" / "fixtures" / "drafts-blind-13",
    "blind-14": REPO / "tests" / "fixtures" / "drafts-blind-14",
    "blind-15": REPO / "tests" / "fixtures" / "drafts-blind-15",
    "blind-16": REPO / "tests" / "fixtures" / "drafts-blind-16",
    "blind-17": REPO / "tests" / "fixtures" / "drafts-blind-17",
    "blind-18": REPO / "tests" / "fixtures" / "drafts-blind-18",
}
SPLITS = (TUNED, HELD_OUT, *BLIND_SPLITS)

if str(REPO) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(REPO))

from newskb.common import dates  # noqa: E402
from newskb.common.fuzzy import normalise  # noqa: E402
from newskb.common.passage import Extent, locate  # noqa: E402
from newskb.common.words import counted  # noqa: E402
from newskb.draft import Article, Draft, Known, draft, known  # noqa: E402

_GLUE = {"of", "the", "at", "s"}


@dataclass
class Score:
    """One article's counts (or a split's)."""

    article: str
    articles: int = 1
    terms: int = 0
    holder_office: int = 0
    start: int = 0
    end: int = 0
    drafted_terms: int = 0
    blank_terms: int = 0
    events: int = 0
    event_found: int = 0
    event_date: int = 0
    extra_events: int = 0
    quotes: int = 0
    verbatim: int = 0
    dates_compared: int = 0
    too_precise: int = 0
    invented: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def extra_terms(self) -> int:
        return self.drafted_terms - self.holder_office

    def add(self, other: Score) -> None:
        for counter in fields(self):
            if counter.type == "int":
                setattr(self, counter.name, getattr(self, counter.name) + getattr(other, counter.name))


def known_base() -> Known:
    """The bundled fact base, as `newskb draft` sees it through the index."""
    from newskb.base import store
    from newskb.draft.known import expectation_ids
    from newskb.index import build

    base, _ = store.load(REPO / "data")
    return known(build.build(base), expectation_ids(REPO / "data"))


def articles(folder: Path = FIXTURES) -> list[Path]:
    return sorted(folder.glob("*.txt"))


def gold_of(article: Path) -> dict[str, object]:
    return tomllib.loads(article.with_name(article.stem + ".gold.toml").read_text(encoding="utf-8"))


def source_of(article: Path) -> dict[str, object]:
    source = gold_of(article)["source"]
    assert isinstance(source, dict)
    return source


def split_of(article: Path) -> str:
    """Which split a fixture article is in: held out (never tuned on) or tuned."""
    return HELD_OUT if source_of(article).get("held_out") is True else TUNED


def draft_fixture(article: Path, base: Known) -> Draft:
    source = source_of(article)
    text = article.read_text(encoding="utf-8")
    return draft(Article(id=str(source["id"]), published=dates.parse(str(source["published"])), text=text), base)


def words(text: str) -> tuple[str, ...]:
    """A name or an office as a bag of words: "Rector of the University of Kessel" and "University of Kessel
    rector" are the same office, and so are "French Foreign Minister" and "Foreign Minister of France" (a
    country's adjective or short form counts as its name), and "Chief Executive" and "Chief Executive Officer"
    (the reader writes the article's own form; the gold files name the office either way)."""
    tokens = normalise(text).split()
    forms = _country_forms()
    found: list[str] = []
    position = 0
    while position < len(tokens):
        for size in (3, 2, 1):
            name = forms.get(tuple(tokens[position : position + size]))
            if name is not None:
                found.extend(name)
                position += size
                break
        else:
            found.append(tokens[position])
            position += 1
    kept = [word for word in found if word not in _GLUE]
    if "chief" in kept and "executive" in kept and "officer" in kept:
        kept.remove("officer")  # a "chief executive" and a "chief executive officer" are one office's names
    return tuple(sorted(kept))


@functools.cache
def _country_forms() -> dict[tuple[str, ...], tuple[str, ...]]:
    from newskb.draft.countries import countries

    forms: dict[tuple[str, ...], tuple[str, ...]] = {}
    for country in countries():
        name = tuple(normalise(country.name.removeprefix("the ")).split())
        for form in country.forms:
            forms.setdefault(tuple(normalise(form.removeprefix("the ")).split()), name)
    return forms


def names_of(drafted: Draft, base: Known) -> dict[str, str]:
    """Every id a draft uses, with the name it stands for."""
    found = {entity.id: entity.name for entity in base.entities}
    for candidate in (*drafted.entities, *drafted.offices):
        found[str(candidate.values["id"])] = str(candidate.values["name"])
    return found


def score(article: Path, base: Known) -> Score:
    """Draft one article and count what it got right."""
    gold = gold_of(article)
    text = article.read_text(encoding="utf-8")
    drafted = draft_fixture(article, base)
    names = names_of(drafted, base)
    result = Score(article=article.stem)
    # A term whose office's organization the draft leaves blank (for the curator to name) is no claim to
    # be right or wrong: it is counted apart, as not drafted.
    blank = {str(office.values["id"]) for office in drafted.offices if "org" not in office.values}
    terms = [candidate.values for candidate in drafted.terms if str(candidate.values["office"]) not in blank]
    result.blank_terms = len(drafted.terms) - len(terms)
    result.drafted_terms = len(terms)
    gold_terms = gold.get("term", [])
    assert isinstance(gold_terms, list)
    matched: set[int] = set()
    for expected in gold_terms:
        result.terms += 1
        label = f"{expected['holder']} / {expected['office']}"
        found = next(
            (
                (position, values)
                for position, values in enumerate(terms)
                if position not in matched
                and words(names.get(str(values["holder"]), "")) == words(expected["holder"])
                and words(names.get(str(values["office"]), "")) == words(expected["office"])
            ),
            None,
        )
        if found is None:
            result.misses.append(f"term not drafted: {label}")
            continue
        position, values = found
        matched.add(position)
        result.holder_office += 1
        for key in ("start", "end"):
            want, got = expected.get(key), values.get(key)
            if want == got:
                setattr(result, key, getattr(result, key) + 1)
            else:
                result.misses.append(f"term {label}: {key} {got or 'absent'}, not {want or 'absent'}")
            _precision(result, want, got)
    for position, values in enumerate(terms):
        if position not in matched:
            holder, office = names.get(str(values["holder"]), "?"), names.get(str(values["office"]), "?")
            result.misses.append(f"term drafted that the gold does not have: {holder} / {office}")
    gold_events = gold.get("event", [])
    assert isinstance(gold_events, list)
    places = [locate(str(candidate.values["quote"]), text) for candidate in drafted.events]
    used: set[int] = set()
    hits: dict[int, int] = {}
    # Two events told in one sentence: a drafted event is first the match of the gold event with its date, then
    # of any gold event its quote overlaps (gold events in order).
    for same_date in (True, False):
        for number, expected in enumerate(gold_events):
            if number in hits:
                continue
            where = locate(expected["quote"], text)
            assert where is not None, expected["quote"]
            choices = [
                position
                for position, place in enumerate(places)
                if position not in used
                and place is not None
                and _overlap(place, where)
                and (not same_date or drafted.events[position].values.get("date") == expected.get("date"))
            ]
            if choices:
                hits[number] = choices[0]
                used.add(choices[0])
    for number, expected in enumerate(gold_events):
        result.events += 1
        hit = hits.get(number)
        if hit is None:
            result.misses.append(f"event not drafted: {expected['title']}")
            continue
        result.event_found += 1
        got = drafted.events[hit].values.get("date")
        if got == expected.get("date"):
            result.event_date += 1
        else:
            result.misses.append(f"event {expected['title']}: date {got or 'absent'}, not {expected.get('date')}")
        _precision(result, expected.get("date"), got)
    result.extra_events = len(drafted.events) - len(used)
    for candidate in (*drafted.terms, *drafted.events):
        result.quotes += 1
        result.verbatim += locate(str(candidate.values["quote"]), text) is not None
    return result


def _overlap(one: Extent, other: Extent) -> bool:
    return one.start < other.end and other.start < one.end


_RANK = {dates.Precision.YEAR: 1, dates.Precision.MONTH: 2, dates.Precision.DAY: 3}


def _precision(result: Score, want: object, got: object) -> None:
    """A drafted date more precise than the text's, or one where the text gives none."""
    if got is None or got == dates.OPEN:
        return
    if want is None:
        result.invented += 1
        result.misses.append(f"a date the text does not give: {got}")
        return
    if want == dates.OPEN:
        return
    drafted = dates.parse(str(got))
    if drafted.relation is not dates.Relation.ON:
        return  # a bound ("..2024-09-30", on or before that day) claims less than any date, not more
    result.dates_compared += 1
    gold = dates.parse(str(want))
    if not gold.earliest_day <= drafted.earliest_day <= drafted.latest_day <= gold.latest_day:
        return  # another day than the gold's, not a finer one: counted wrong as a start, an end or a date
    if _RANK[drafted.precision] > _RANK[gold.precision]:
        result.too_precise += 1
        result.misses.append(f"{got} is more precise than the text's {want}")


def _percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part // max(1, whole)}%)"


def total(name: str, scores: Sequence[Score]) -> Score:
    summed = Score(article=name, articles=0)
    for each in scores:
        summed.add(each)
    return summed


def table(scores: Sequence[Score], name: str) -> str:
    """One split's articles, a row each, and its total."""
    rows = [
        "| article | terms found (holder and office) | ... and exact start | ... and exact end | drafted terms right "
        "| left blank | events found | ... with the right date | extra events | quotes verbatim | dates too precise "
        "| dates the text does not give |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for each in [*scores, total(f"**{name}**", scores)]:
        rows.append(
            f"| {each.article} | {_percent(each.holder_office, each.terms)} | {_percent(each.start, each.terms)} "
            f"| {_percent(each.end, each.terms)} | {_percent(each.holder_office, each.drafted_terms)} "
            f"| {each.blank_terms} | {_percent(each.event_found, each.events)} "
            f"| {_percent(each.event_date, each.events)} "
            f"| {each.extra_events} | {_percent(each.verbatim, each.quotes)} "
            f"| {each.too_precise} of {each.dates_compared} | {each.invented} |"
        )
    return "\n".join(rows) + "\n"


def summary(splits: Mapping[str, Sequence[Score]]) -> str:
    """The splits side by side, with the targets for articles the reader was not tuned on."""
    rows = [
        "| split | articles | gold terms | found (holder and office) | ... with exact start | drafted terms "
        "| ... right | left blank | quotes verbatim | dates too precise | dates the text does not give |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    verdicts: list[str] = []
    for name, scores in splits.items():
        each = total(name, scores)
        rows.append(
            f"| {name} | {each.articles} | {each.terms} | {_percent(each.holder_office, each.terms)} "
            f"| {_percent(each.start, each.terms)} | {each.drafted_terms} "
            f"| {_percent(each.holder_office, each.drafted_terms)} | {each.blank_terms} "
            f"| {_percent(each.verbatim, each.quotes)} "
            f"| {each.too_precise} of {each.dates_compared} | {each.invented} |"
        )
        met = (
            each.holder_office >= TARGET_FOUND * each.terms
            and each.start >= TARGET_STARTS * each.terms
            and each.holder_office >= TARGET_RIGHT * each.drafted_terms
            and each.verbatim == each.quotes
            and each.too_precise == 0
        )
        verdicts.append(f"- {name}: **{'met' if met else 'not met'}**")
    targets = (
        f"Targets: at least {TARGET_FOUND:.0%} of gold terms found, {TARGET_STARTS:.0%} with exactly the right start, "
        f"{TARGET_RIGHT:.0%} of drafted terms right, every quote verbatim, no date more precise than its text.\n\n"
    )
    return "\n".join(rows) + "\n\n" + targets + "\n".join(verdicts) + "\n"


def misses(scores: Sequence[Score]) -> str:
    lines: list[str] = []
    for each in scores:
        lines.extend(f"- {each.article}: {miss}" for miss in each.misses)
    return "\n".join(lines or ["- none"]) + "\n"


def seed_comparison(base: Known) -> str:
    """The seed article's seven hand-curated terms beside what the draft proposes for the same holding."""
    from newskb.base import store
    from newskb.index import build

    fact_base, _ = store.load(REPO / "data")
    connection = build.build(fact_base)
    from newskb.draft import from_index

    article, _ = from_index(connection, SEED_SOURCE, REPO / "data")
    drafted = draft(article, base)
    by_holding = {(str(term.values["holder"]), str(term.values["office"])): term.values for term in drafted.terms}
    rows = [
        "| curated term | holder | office | curated start | drafted start | curated end | drafted end | found |",
        "|---|---|---|---|---|---|---|---|",
    ]
    tally: Counter[str] = Counter()
    for term in fact_base.terms:
        if term.source != SEED_SOURCE:
            continue
        values = by_holding.get((term.holder, term.office))
        start, end = str(term.start or ""), str(term.end or "")
        if values is None:
            verdict = "no"
            got_start = got_end = "—"
        else:
            got_start, got_end = str(values.get("start", "")), str(values.get("end", ""))
            verdict = "yes, exactly" if (got_start, got_end) == (start, end) else "yes, dates differ"
        tally[verdict] += 1
        rows.append(
            f"| {term.id} | {term.holder} | {term.office} | {start or '(absent)'} | {got_start or '(absent)'} "
            f"| {end or '(absent)'} | {got_end or '(absent)'} | {verdict} |"
        )
    found = tally["yes, exactly"] + tally["yes, dates differ"]
    every = sum(tally.values())
    return (
        "\n".join(rows)
        + f"\n\nFound {found} of {every} curated terms, {tally['yes, exactly']} with exactly the curated start and "
        f"end; the draft proposes {counted(len(drafted.terms), 'term')} and {counted(len(drafted.events), 'event')} "
        "in all.\n"
    )


def report(splits: Mapping[str, Sequence[Score]], seed: str | None) -> str:
    """The whole page: the splits side by side, then each split's articles and what the draft missed."""
    parts = ["## The splits side by side\n", summary(splits)]
    for name, scores in splits.items():
        parts += [f"\n## {name}: every article\n", table(scores, name)]
        parts += [f"\n### {name}: what the draft missed or got wrong\n", misses(scores)]
    if seed is not None:
        parts += ["\n## The seed article beside its hand-curated terms\n", seed]
    return "\n".join(parts)


def split_articles(name: str) -> list[Path]:
    """The articles of one split: a blind corpus's folder, or the fixtures of the tuned or held-out split."""
    if name in BLIND_SPLITS:
        return articles(BLIND_SPLITS[name])
    return [article for article in articles() if split_of(article) == name]


def measured(split: str = "all", folder: Path | None = None) -> str:
    """What the script prints: the fixture articles of `split` (both, or one) and the seed article, or the
    articles of another folder."""
    base = known_base()
    if folder is not None:
        return report({folder.name: [score(article, base) for article in articles(folder)]}, None)
    chosen = SPLITS if split == "all" else (split,)
    splits = {name: [score(article, base) for article in split_articles(name)] for name in chosen}
    return report(splits, seed_comparison(base))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Measure newskb draft against gold files.")
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all", help="which fixture split")
    parser.add_argument("--articles", type=Path, help="another folder of NAME.txt and NAME.gold.toml")
    options = parser.parse_args(argv)
    folder = options.articles.resolve() if options.articles is not None else None
    print(measured(options.split, folder), end="")


if __name__ == "__main__":
    main()
