"""Histories: dates follow the story, not the date the text was written."""

from __future__ import annotations

from datetime import date

from tests.analysis.temporal.conftest import Tag, find

WRITTEN = date(2009, 12, 19)
STORY = ("The war broke out in 1914. Losses mounted through 1915 and 1916, mutinies followed "
         "in 1917, and the armistice came in 1918. ")


def test_a_month_of_that_year(tag: Tag) -> None:
    t = find(tag(STORY + "In August of that year the front collapsed.", WRITTEN, "DMY"),
             "August of that year")
    assert (t.value, t.anchor) == ("1918-08", "previous")


def test_day_and_month_follow_the_last_year_named(tag: Tag) -> None:
    timexes = tag(STORY + "On 8 August the offensive began. The next day it stalled.",
                  WRITTEN, "DMY")
    assert find(timexes, "8 August").value == "1918-08-08"
    assert find(timexes, "The next day").value == "1918-08-09"


def test_clock_times_belong_to_the_day_named_last(tag: Tag) -> None:
    timexes = tag(STORY + "The guns fell silent on 11 November at 11 a.m.", WRITTEN, "DMY")
    assert find(timexes, "11 a.m.").value == "1918-11-11T11:00"


def test_the_long_march_is_not_a_month(tag: Tag) -> None:
    timexes = tag("The army began the Long March in 1934.", WRITTEN, "MDY")
    assert [t.text for t in timexes] == ["1934"]


def test_years_before_christ(tag: Tag) -> None:
    timexes = tag("The fleet sailed in August 480 BC and won in the spring of 479 BC.", WRITTEN)
    assert find(timexes, "August 480 BC").value == "BC0480-08"
    assert find(timexes, "the spring of 479 BC").value == "BC0479-SP"


def test_a_year_range_keeps_its_first_year(tag: Tag) -> None:
    timexes = tag("Throughout 1915-17, the blockade tightened.", WRITTEN)
    assert find(timexes, "1915").value == "1915"


def test_a_day_in_a_range_borrows_the_month_and_year(tag: Tag) -> None:
    timexes = tag("The battle raged on 22-24 August 1914.", WRITTEN)
    assert find(timexes, "22").value == "1914-08-22"
    assert find(timexes, "24 August 1914").value == "1914-08-24"
    timexes = tag("Talks were held August 22-24, 1989, in Geneva.", WRITTEN, "MDY")
    assert find(timexes, "August 22").value == "1989-08-22"
    assert find(timexes, "24").value == "1989-08-24"
