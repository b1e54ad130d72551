from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newskb.common.dates import (
    FIRST_DAY,
    LAST_DAY,
    DateError,
    Duration,
    Edtf,
    Precision,
    Relation,
    Span,
    Status,
    began,
    days_in_month,
    elapsed,
    parse,
    parse_day,
    parse_duration,
)

# Every row of the README's date table, plus the on-or-before/after marks: written, earliest, latest.
GRAMMAR_ROWS = [
    ("2024-10-01", date(2024, 10, 1), date(2024, 10, 1)),
    ("2024-10", date(2024, 10, 1), date(2024, 10, 31)),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ("2014", date(2014, 1, 1), date(2014, 12, 31)),
    ("2014~", date(2013, 1, 1), date(2015, 12, 31)),
    ("2014?", date(2013, 1, 1), date(2015, 12, 31)),
    ("2014%", date(2012, 1, 1), date(2016, 12, 31)),
    ("2024-10?", date(2024, 9, 1), date(2024, 11, 30)),
    ("2024-10%", date(2024, 8, 1), date(2024, 12, 31)),
    ("2024-10-01?", date(2024, 9, 30), date(2024, 10, 2)),
    ("2024-10-01%", date(2024, 9, 29), date(2024, 10, 3)),
    ("2024-10~", date(2024, 9, 1), date(2024, 11, 30)),
    ("2024-01~", date(2023, 12, 1), date(2024, 2, 29)),
    ("2024-10-01~", date(2024, 9, 30), date(2024, 10, 2)),
    ("..2024-09-30", date.min, date(2024, 9, 30)),
    ("2024..", date(2024, 1, 1), date.max),
]


@pytest.mark.parametrize(("written", "earliest", "latest"), GRAMMAR_ROWS)
def test_bounds_of_every_written_form(written: str, earliest: date, latest: date) -> None:
    value = parse(written)
    assert (value.earliest_day, value.latest_day) == (earliest, latest)
    assert str(value) == written


def test_qualifiers_and_precision() -> None:
    assert parse("2024-10").precision is Precision.MONTH
    assert parse("2014?").uncertain and not parse("2014?").approximate
    assert parse("2014~").approximate and not parse("2014~").uncertain
    assert parse("..2024-09-30").relation is Relation.ON_OR_BEFORE
    assert parse("2024-10-01").is_exact and not parse("2024").is_exact


GRAMMAR = "expected YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~, ? or %, with .. before or after"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2024-02-30", "'2024-02-30' is not a date: February 2024 has no day 30"),
        ("2023-02-29", "'2023-02-29' is not a date: February 2023 has no day 29"),
        ("2024-13", "'2024-13' is not a date: month 13 does not exist"),
        ("2024-13-45", "'2024-13-45' is not a date: month 13 does not exist"),
        ("0000", "'0000' is not a date: there is no year 0000"),
        ("..2024..", "'..2024..' is not a date: '..' may stand before or after a date, not both"),
        (
            "tomorrow",
            f"'tomorrow' is not a date: {GRAMMAR}",
        ),
        (
            "",
            f"'' is not a date: {GRAMMAR}",
        ),
        (
            "24-10-01",
            f"'24-10-01' is not a date: {GRAMMAR}",
        ),
        (
            "2024-1-1",
            f"'2024-1-1' is not a date: {GRAMMAR}",
        ),
        (
            " 2024",
            f"' 2024' is not a date: {GRAMMAR}",
        ),
    ],
)
def test_bad_strings_are_refused_with_a_reason(text: str, message: str) -> None:
    with pytest.raises(DateError) as caught:
        parse(text)
    assert str(caught.value) == message


def test_parse_day_wants_a_single_day() -> None:
    assert parse_day("2024-09-30") == date(2024, 9, 30)
    with pytest.raises(DateError, match="'2024-09' is not a single day: write it as YYYY-MM-DD"):
        parse_day("2024-09")


def _span(start: str | None, end: str | None) -> Span:
    return Span(
        start=parse(start) if start else None,
        end=parse(end) if end and end != ".." else None,
        open_end=end == "..",
    )


@pytest.mark.parametrize(
    ("start", "end", "day", "status"),
    [
        # The seed's handover: Stoltenberg ends 2024-10-01, Rutte starts 2024-10-01.
        ("2014~", "2024-10-01", date(2024, 9, 30), Status.HOLDS),
        ("2014~", "2024-10-01", date(2024, 10, 1), Status.HELD),
        ("2024-10-01", "..", date(2024, 9, 30), Status.NOT_YET),
        ("2024-10-01", "..", date(2024, 10, 1), Status.HOLDS),
        # Inside the imprecise edge of "about 2014": possibly, not a guess.
        ("2014~", "2024-10-01", date(2014, 6, 1), Status.POSSIBLY),
        ("2014~", "2024-10-01", date(2012, 12, 31), Status.NOT_YET),
        ("2014~", "2024-10-01", date(2016, 1, 1), Status.HOLDS),
        # An end known only to the month.
        ("2020", "2024-10", date(2024, 10, 15), Status.POSSIBLY),
        ("2020", "2024-10", date(2024, 10, 31), Status.HELD),
        # Unknown is not open: without an end we cannot say the term still runs.
        ("2020", None, date(2024, 1, 1), Status.UNKNOWN),
        (None, None, date(2024, 1, 1), Status.UNKNOWN),
        (None, "..2024-09-30", date(2024, 9, 30), Status.HELD),
        (None, "..2024-09-30", date(2020, 1, 1), Status.UNKNOWN),
        ("2020", "..2024-09-30", date(2022, 1, 1), Status.POSSIBLY),
    ],
)
def test_status_on_a_day(start: str | None, end: str | None, day: date, status: Status) -> None:
    assert _span(start, end).status_on(day) is status


def test_same_day_handover_is_not_an_overlap() -> None:
    assert not _span("2014~", "2024-10-01").certainly_overlaps(_span("2024-10-01", ".."))
    assert _span("2014~", "2024-10-02").certainly_overlaps(_span("2024-10-01", ".."))


def test_imprecise_edges_are_not_certain_overlaps() -> None:
    assert not _span("2014", "2020").certainly_overlaps(_span("2020", ".."))
    assert not _span(None, "2020").certainly_overlaps(_span("2019", ".."))
    assert not _span("2010", None).certainly_overlaps(_span("2012", ".."))


def test_end_before_start() -> None:
    assert _span("2020-05-01", "2019").ends_before_it_starts()
    assert _span("2020-05-01", "2020-05-01").ends_before_it_starts()
    assert not _span("2014", "2014").ends_before_it_starts()


@st.composite
def written_dates(draw: st.DrawFn) -> str:
    year = draw(st.integers(min_value=2, max_value=9998))
    text = f"{year:04d}"
    if draw(st.booleans()):
        month = draw(st.integers(min_value=1, max_value=12))
        text += f"-{month:02d}"
        if draw(st.booleans()):
            day = draw(st.integers(min_value=1, max_value=28))
            text += f"-{day:02d}"
    return text + draw(st.sampled_from(["", "~", "?", "%"]))


@given(written_dates())
def test_every_date_round_trips_and_has_ordered_bounds(text: str) -> None:
    value = parse(text)
    assert str(value) == text
    assert value.earliest_day <= value.latest_day
    assert parse(str(value)) == value
    widest = Edtf(year=value.year, month=value.month, day=value.day, approximate=True, uncertain=True)
    assert widest.earliest_day <= value.earliest_day <= value.latest_day <= widest.latest_day


# --- Against a peer implementation: python-edtf ---------------------------------------------------


@pytest.mark.parametrize("written", ["2014", "2014~", "2014?", "2014%", "1999?", "2024%"])
def test_year_precision_is_widened_as_python_edtf_widens_it(written: str) -> None:
    """`~` and `?` widen a year by one each side, `%` by two: python-edtf's fuzzy bounds, exactly."""
    import edtf

    peer = edtf.parse_edtf(written)
    value = parse(written)
    assert value.earliest_day == edtf.struct_time_to_date(peer.lower_fuzzy())
    assert value.latest_day == edtf.struct_time_to_date(peer.upper_fuzzy())


@pytest.mark.parametrize(
    ("written", "ours", "theirs"),
    [
        # python-edtf pads an uncertain month by a year and a month (PADDING_MONTH_PRECISION plus the year's):
        # newskb widens by one unit of the precision the source gave, so "October 2024, unsure" stays in 2024.
        ("2024-10?", (date(2024, 9, 1), date(2024, 11, 30)), (date(2023, 9, 1), date(2025, 11, 30))),
        # and a day by a year, a month and a day; newskb by one day each side.
        ("2024-10-01~", (date(2024, 9, 30), date(2024, 10, 2)), (date(2023, 8, 31), date(2025, 11, 2))),
        ("2024-10-01%", (date(2024, 9, 29), date(2024, 10, 3)), (date(2022, 7, 30), date(2026, 12, 3))),
    ],
)
def test_month_and_day_precision_differ_from_python_edtf_on_purpose(
    written: str, ours: tuple[date, date], theirs: tuple[date, date]
) -> None:
    import edtf

    peer = edtf.parse_edtf(written)
    assert (edtf.struct_time_to_date(peer.lower_fuzzy()), edtf.struct_time_to_date(peer.upper_fuzzy())) == theirs
    value = parse(written)
    assert (value.earliest_day, value.latest_day) == ours


def test_the_first_possible_day_of_an_imprecise_end_is_possibly() -> None:
    # An end known to the month may fall on its first day: from then on the term is only possibly held.
    assert _span("2020", "2024-10").status_on(date(2024, 9, 30)) is Status.HOLDS
    assert _span("2020", "2024-10").status_on(date(2024, 10, 1)) is Status.POSSIBLY
    # By the last possible day of an imprecise start the term has certainly begun; the day before, maybe not.
    assert _span("2020", "..").status_on(date(2020, 12, 30)) is Status.POSSIBLY
    assert _span("2020", "..").status_on(date(2020, 12, 31)) is Status.HOLDS


@pytest.mark.parametrize(
    ("first", "second", "could"),
    [
        # A same-day handover: the first stops covering on the day the second starts.
        (("2014~", "2024-10-01"), ("2024-10-01", ".."), False),
        (("2014~", "2024-10-02"), ("2024-10-01", ".."), True),
        # An imprecise end may reach into the other's start year.
        (("2014", "2020"), ("2020", ".."), True),
        (("2014", "2020"), ("2021", ".."), False),
        # Unknown starts could be any time before; unknown and open ends any time after.
        ((None, "2020"), ("2019", ".."), True),
        ((None, "2010"), ("2012", ".."), False),
        (("2010", None), ("2012", ".."), True),
        ((None, None), ("2012", "2013"), True),
        (("2030", ".."), ("2012", "2013"), False),
        (("..2024-09-30", "2025"), ("2024-09-30", "2024-10-01"), True),
    ],
)
def test_could_overlap_weighs_what_is_unknown_or_imprecise(
    first: tuple[str | None, str | None], second: tuple[str | None, str | None], could: bool
) -> None:
    assert _span(*first).could_overlap(_span(*second)) is could
    assert _span(*second).could_overlap(_span(*first)) is could


def test_an_asked_range_of_days_as_a_span() -> None:
    september = Span.of_days(date(2024, 9, 1), date(2024, 9, 30))
    assert [september.status_on(day) for day in (date(2024, 8, 31), date(2024, 9, 30), date(2024, 10, 1))] == [
        Status.NOT_YET,
        Status.HOLDS,
        Status.HELD,
    ]
    # An end is the first day out of office: "on or before 2024-09-02" may reach 1 September, "..2024-09-01" not.
    assert september.could_overlap(Span.from_written(None, "..2024-09-02"))
    assert not september.could_overlap(Span.from_written(None, "..2024-09-01"))
    assert not september.could_overlap(Span.from_written("2024-10-01", ".."))
    # Without bounds, or up to the last day there is, it reaches every date.
    assert Span.of_days(None, None).could_overlap(Span.from_written("0001", "0002"))
    assert Span.of_days(None, date.max).could_overlap(Span.from_written("9999..", ".."))


def test_days_in_month_counts_as_the_calendar_module_does() -> None:
    import calendar

    years = [1, 4, 100, 400, 1900, 2000, 2023, 2024, 9999]
    assert [days_in_month(year, month) for year in years for month in range(1, 13)] == [
        calendar.monthrange(year, month)[1] for year in years for month in range(1, 13)
    ]


# --- Past the evidence, lengths, and dates in words ---------------------------------------------------------


def test_an_open_term_after_its_horizon_is_only_last_known() -> None:
    open_term = Span.from_written("2024-10-01", "..")
    # The horizon is the later of the day a source saw it open and the start it announced.
    assert open_term.horizon(date(2024, 9, 30)) == date(2024, 10, 1)
    assert open_term.horizon(date(2025, 1, 1)) == date(2025, 1, 1)
    assert open_term.horizon(None) is None
    assert Span.from_written("2014", "2024").horizon(date(2025, 1, 1)) is None  # not open: its end decides
    horizon = open_term.horizon(date(2024, 9, 30))
    assert open_term.status_on(date(2024, 10, 1), horizon) is Status.HOLDS
    assert open_term.status_on(date(2024, 10, 2), horizon) is Status.LAST_KNOWN
    assert open_term.status_on(date(2024, 9, 30), horizon) is Status.NOT_YET
    assert open_term.status_on(date(2030, 1, 1)) is Status.HOLDS  # no horizon given: as before
    # A closed term is held after its end, whatever the horizon.
    assert Span.from_written("2014", "2024").status_on(date(2030, 1, 1), date(2020, 1, 1)) is Status.HELD


@pytest.mark.parametrize(
    ("earlier", "later", "said"),
    [
        (date(2024, 9, 30), date(2030, 1, 1), "5 years"),
        (date(2024, 9, 30), date(2025, 9, 29), "11 months"),
        (date(2024, 9, 30), date(2025, 9, 30), "1 year"),
        (date(2024, 9, 30), date(2024, 10, 30), "1 month"),
        (date(2024, 9, 30), date(2024, 10, 29), "29 days"),
        (date(2024, 9, 30), date(2024, 10, 1), "1 day"),
    ],
)
def test_elapsed_in_the_largest_whole_unit(earlier: date, later: date, said: str) -> None:
    assert elapsed(earlier, later) == said


@pytest.mark.parametrize(
    ("written", "length", "said"),
    [
        ("P14Y", Duration(years=14), "14 years"),
        ("P1Y6M~", Duration(years=1, months=6, approximate=True), "about 1 year 6 months"),
        ("P10D", Duration(days=10), "10 days"),
        ("P1M", Duration(months=1), "1 month"),
    ],
)
def test_a_length_as_a_source_gives_it(written: str, length: Duration, said: str) -> None:
    assert parse_duration(written) == length
    assert length.in_words() == said


@pytest.mark.parametrize("written", ["P", "P~", "14Y", "P14", "P1.5Y", "p14y", "P14Y~~", "PT14H"])
def test_anything_else_is_not_a_length(written: str) -> None:
    with pytest.raises(DateError, match=f"^'{re.escape(written)}' is not a length: write it as P14Y"):
        parse_duration(written)


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("2014~", "about 2014"),
        ("2014?", "2014, uncertain"),
        ("..2024-09-30", "on or before 2024-09-30"),
        ("2024-10..", "on or after 2024-10"),
        ("2024-10-01", "2024-10-01"),
    ],
)
def test_a_date_in_words(written: str, said: str) -> None:
    assert parse(written).in_words() == said


def test_a_length_to_an_end_bounds_its_start_a_unit_either_way() -> None:
    # A length a source gives is rounded: "14 years" to an end on or before a day began a year short of it at most.
    assert began(parse("..2024-09-30"), parse_duration("P14Y")) == (FIRST_DAY, date(2011, 9, 30))
    assert began(parse("2024-10-01"), parse_duration("P10Y")) == (date(2013, 10, 1), date(2015, 10, 1))
    assert began(parse("2024"), parse_duration("P6M")) == (date(2023, 6, 1), date(2024, 7, 31))
    assert began(parse("2024-03-31"), parse_duration("P1M")) == (date(2024, 1, 31), date(2024, 3, 31))
    assert began(parse("2024-03-10"), parse_duration("P9D")) == (date(2024, 2, 29), date(2024, 3, 2))
    assert began(parse("2020.."), parse_duration("P1Y")) == (date(2018, 1, 1), LAST_DAY)
