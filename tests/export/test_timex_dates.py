"""TIMEX3 values placed on the calendar: the first day of the period and its granularity."""

from __future__ import annotations

from datetime import date, time

import pytest

from tui.export.timex_dates import DatePoint, parse_value


@pytest.mark.parametrize("value, expected", [
    ("2025-08-06", DatePoint(date(2025, 8, 6), "day")),
    ("2025-08-06T14:30", DatePoint(date(2025, 8, 6), "time", time(14, 30))),
    ("2025-08-06TEV", DatePoint(date(2025, 8, 6), "day", part_of_day="evening")),
    ("2025-08", DatePoint(date(2025, 8, 1), "month")),
    ("2025", DatePoint(date(2025, 1, 1), "year")),
    ("2025-W33", DatePoint(date(2025, 8, 11), "week")),
    ("2025-W33-WE", DatePoint(date(2025, 8, 16), "weekend")),
    ("2025-SU", DatePoint(date(2025, 6, 1), "season")),
    ("2025-WI", DatePoint(date(2025, 12, 1), "season")),
    ("2025-Q3", DatePoint(date(2025, 7, 1), "quarter")),
    ("2025-H2", DatePoint(date(2025, 7, 1), "half")),
    ("201", DatePoint(date(2010, 1, 1), "decade")),
    ("19", DatePoint(date(1900, 1, 1), "century")),
    ("2025-08-XX", DatePoint(date(2025, 8, 1), "month")),
    ("2025-XX-XX", DatePoint(date(2025, 1, 1), "year")),
    ("2025-WXX", DatePoint(date(2025, 1, 1), "year")),
    ("2025-QX", DatePoint(date(2025, 1, 1), "year")),
    ("2025-08-06TXX:XX", DatePoint(date(2025, 8, 6), "day")),
])
def test_dated_values(value: str, expected: DatePoint) -> None:
    assert parse_value(value) == expected


@pytest.mark.parametrize("value", [
    "PRESENT_REF", "FUTURE_REF", "XXXX-07-04", "XXXX-XX", "2025-02-30", "2025-W54", "P3D", "",
    "BC0044", "BC0044-03-15",
])
def test_values_without_a_fixed_date(value: str) -> None:
    assert parse_value(value) is None
