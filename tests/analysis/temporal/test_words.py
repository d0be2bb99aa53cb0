"""Cleaning, numbers in words and TIMEX3 durations."""

from __future__ import annotations

from datetime import date

import pytest

from tests.analysis.temporal.conftest import Tag
from tui.analysis.temporal.words import clean, duration_value, number


@pytest.mark.parametrize(("text", "cleaned"), [
    ("Sept. 30", "sept 30"),
    ("third-quarter", "third quarter"),
    ("Friday's", "friday"),
    ("nineteen ninety-six", "1996"),
    ("the year two thousand and one", "the year 2001"),
    ("10 p.m.", "10 p.m"),
])
def test_clean(text: str, cleaned: str) -> None:
    assert clean(text) == cleaned


@pytest.mark.parametrize(("text", "value"), [
    ("three", 3.0), ("twenty-four", 24.0), ("a", 1.0), ("a two", 2.0), ("12", 12.0),
    ("2.5", 2.5), ("a hundred", 100.0), ("several", None), ("seven a", None),
])
def test_number(text: str, value: float | None) -> None:
    assert number(text) == value


@pytest.mark.parametrize(("amount", "unit", "value"), [
    (3.0, "hour", "PT3H"), (0.5, "hour", "PT30M"), (2.0, "week", "P2W"), (None, "year", "PXY"),
    (2.0, "decade", "P20Y"), (2.0, "quarter", "P2Q"), (2.5, "year", "P2.5Y"),
    (None, "minute", "PTXM"),
])
def test_duration_value(amount: float | None, unit: str, value: str) -> None:
    assert duration_value(amount, unit) == value


def test_extreme_dcts_keep_only_the_direction_of_what_falls_off_the_calendar(tag: Tag) -> None:
    timexes = tag("The plant closed last year and reopens next year.", date(9999, 6, 1))
    assert [(t.text, t.value) for t in timexes] == [("last year", "9998"),
                                                    ("next year", "FUTURE_REF")]
