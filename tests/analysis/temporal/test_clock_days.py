"""A clock time takes its day from the date that governs it, not from the publication day."""

from __future__ import annotations

from datetime import date

import pytest

from tests.analysis.temporal.conftest import Tag, find

CASES = [
    # the date right after the time
    ("The jury returns at 3 p.m. on Tuesday.", "3 p.m.", "2025-08-05T15:00"),
    ("Voting closed at 8 p.m., Sunday, in most states.", "8 p.m., Sunday",
     "2025-08-03T20:00"),
    ("Ballots are counted from 6 a.m. on Sunday.", "6 a.m.", "2025-08-03T06:00"),
    # the day named last
    ("The ferry sank on Monday night. Divers reached it at 9:15 p.m.", "9:15 p.m.",
     "2025-08-04T21:15"),
    ("Crews arrived at 11:40 p.m. Saturday night, a spokesman said.",
     "11:40 p.m. Saturday night", "2025-08-02T23:40"),
    # past midnight of a night is the next day
    ("Fans partied on Friday night until well past midnight.", "midnight",
     "2025-08-02T00:00"),
    # with no date at all, the publication day
    ("The market opened at 9:30 a.m.", "9:30 a.m.", "2025-08-07T09:30"),
]


@pytest.mark.parametrize(("sentence", "expression", "value"), CASES)
def test_clock_time_day(tag: Tag, sentence: str, expression: str, value: str) -> None:
    assert find(tag(sentence, date(2025, 8, 7), "MDY"), expression).value == value
