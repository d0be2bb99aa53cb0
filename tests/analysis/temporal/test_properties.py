"""Properties that hold for any DCT: arithmetic agrees with the calendar, values are TIMEX3."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.analysis.temporal.conftest import Tag, find
from tui.analysis.temporal.periods import well_formed

DCTS = st.dates(min_value=date(1900, 1, 1), max_value=date(2090, 12, 31))
NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(dct=DCTS, n=st.integers(min_value=2, max_value=10), words=st.booleans())
def test_n_days_ago_is_dct_minus_n(tag: Tag, dct: date, n: int, words: bool) -> None:
    amount = NUMBER_WORDS[n - 2] if words else str(n)
    t = find(tag(f"The bridge collapsed {amount} days ago.", dct), f"{amount} days ago")
    assert t.value == (dct - timedelta(days=n)).isoformat()
    assert t.anchor == "dct"


@SETTINGS
@given(dct=DCTS)
def test_yesterday_and_tomorrow_straddle_the_dct(tag: Tag, dct: date) -> None:
    timexes = tag("The talks ended yesterday and will resume tomorrow.", dct)
    assert find(timexes, "yesterday").value == (dct - timedelta(days=1)).isoformat()
    assert find(timexes, "tomorrow").value == (dct + timedelta(days=1)).isoformat()


@SETTINGS
@given(dct=DCTS)
def test_next_week_is_the_iso_week_after_the_dct(tag: Tag, dct: date) -> None:
    t = find(tag("The minister will visit next week.", dct), "next week")
    iso = (dct + timedelta(weeks=1)).isocalendar()
    assert t.value == f"{iso.year:04d}-W{iso.week:02d}"


SENTENCES = [
    "On Monday, officials said the plan agreed last month would run for three years.",
    "The company, founded in 1987, reported third-quarter results yesterday.",
    "Talks resumed on 6/8 and may end by the end of the year or early next week.",
    "Shares rose 5% this morning after a weekly meeting at 10 a.m.",
    "The war ended two years later, in the spring of 1918, after four long winters.",
]


@SETTINGS
@given(dct=st.one_of(st.none(), DCTS), sentence=st.sampled_from(SENTENCES),
       order=st.sampled_from(["DMY", "MDY"]))
def test_values_are_well_formed_timex3(tag: Tag, dct: date | None, sentence: str,
                                       order: str) -> None:
    timexes = tag(sentence, dct, order)
    assert timexes
    for t in timexes:
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert well_formed(t.value), t
        assert sentence[t.start:t.end] == t.text
    for a, b in zip(timexes, timexes[1:], strict=False):
        assert a.end <= b.start


FRAGMENTS = [
    "on 6/8", "by 8/8", "in 12/2019", "on 31/12/1999", "last week", "next month", "yesterday",
    "two years ago", "three days later", "the following year", "that day", "in July",
    "on Wednesday", "on Saturday night", "the beginning of the year", "about three hours",
    "the coming days and weeks", "very soon", "in the third quarter", "a year earlier",
    "in the 1990s", "in 490 BC", "every Tuesday", "weekly", "at 5 p.m. EST", "at midnight",
    "on Christmas Eve", "in the spring of 1918", "the week of March 6", "a week or so ago",
    "22-24 August 1914", "nineteen ninety-six", "for two to three weeks", "since January",
    "until February", "the same month", "earlier this year", "in mid-2011",
]


@SETTINGS
@given(dct=st.one_of(st.none(), DCTS), order=st.sampled_from(["DMY", "MDY"]),
       parts=st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=4))
def test_any_mix_of_expressions_gives_clean_timexes(tag: Tag, dct: date | None, order: str,
                                                    parts: list[str]) -> None:
    sentence = "Officials said the talks, " + ", then ".join(parts) + ", would go on."
    timexes = tag(sentence, dct, order)
    for t in timexes:
        assert well_formed(t.value), t
        assert sentence[t.start:t.end] == t.text
        assert t.anchor in (None, "dct", "previous")
    for a, b in zip(timexes, timexes[1:], strict=False):
        assert a.end <= b.start
