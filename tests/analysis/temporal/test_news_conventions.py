"""Conventions of business and broadcast news: reported quarters, spoken years, deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from tests.analysis.temporal.conftest import Tag, find

DCT = date(1989, 10, 26)  # in the fourth quarter; results reported are the third quarter's

QUARTERS = [
    ("Net income rose 5% in the quarter.", "the quarter", "1989-Q3"),
    ("Earnings for the latest quarter fell.", "the latest quarter", "1989-Q3"),
    ("Sales slipped in the third quarter.", "the third quarter", "1989-Q3"),
    ("Profit fell from the year-ago quarter.", "the year-ago quarter", "1988-Q3"),
    ("Profit fell from last year's quarter.", "last year's quarter", "1988-Q3"),
    ("The fourth quarter of 1990 will be weaker.", "The fourth quarter of 1990", "1990-Q4"),
    ("Margins improved in its fourth quarter ended Sept. 30.", "fourth quarter", "1989-Q4"),
    ("Its third-quarter profit rose.", "third-quarter", "1989-Q3"),
]


@pytest.mark.parametrize(("sentence", "expression", "value"), QUARTERS)
def test_quarters(tag: Tag, sentence: str, expression: str, value: str) -> None:
    t = find(tag(sentence, DCT, "MDY"), expression)
    assert (t.type, t.value) == ("DATE", value)


def test_a_year_ago_after_a_quarter_is_that_quarter_a_year_back(tag: Tag) -> None:
    timexes = tag("Third-quarter profit rose to $5 million from $4 million a year ago.", DCT,
                  "MDY")
    assert find(timexes, "a year ago").value == "1988-Q3"


SPOKEN = [
    ("The plant opened in nineteen ninety-six.", "nineteen ninety-six", "1996"),
    ("Jobs will be cut by the year two thousand.", "the year two thousand", "2000"),
]


@pytest.mark.parametrize(("sentence", "expression", "value"), SPOKEN)
def test_spoken_years(tag: Tag, sentence: str, expression: str, value: str) -> None:
    assert find(tag(sentence, DCT, "MDY"), expression).value == value


def test_a_deadline_lies_ahead_even_in_a_past_clause(tag: Tag) -> None:
    t = find(tag("The lenders extended the loan until February.", DCT, "MDY"), "February")
    assert t.value == "1990-02"


def test_a_clock_time_takes_the_day_that_follows_it(tag: Tag) -> None:
    t = find(tag("Bids are due by 5 p.m. EST Nov. 9.", DCT, "MDY"), "5 p.m. EST Nov. 9")
    assert (t.type, t.value) == ("TIME", "1989-11-09T17:00")


def test_holidays_resolve_to_their_day(tag: Tag) -> None:
    t = find(tag("Stores will be crowded before Thanksgiving.", DCT, "MDY"), "Thanksgiving")
    assert t.value == "1989-11-23"


def test_repeated_year_ago_comparisons_compare_with_the_period_reported(tag: Tag) -> None:
    text = ("Third-quarter profit rose 5% from a year earlier. Sales climbed 8% from a year "
            "earlier.")
    values = [t.value for t in tag(text, DCT, "MDY") if t.text == "a year earlier"]
    assert values == ["1988-Q3", "1988-Q3"]


def test_day_anaphora_chains_in_news(tag: Tag) -> None:
    timexes = tag("The strike began on Oct. 2. The next day talks failed. Two days later the "
                  "plant closed.", DCT, "MDY")
    assert find(timexes, "The next day").value == "1989-10-03"
    assert find(timexes, "Two days later").value == "1989-10-05"
