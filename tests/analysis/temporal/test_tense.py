"""Tense decides which way a bare weekday or month points from the DCT."""

from __future__ import annotations

from datetime import date

import pytest

from tests.analysis.temporal.conftest import Tag, find

DCT = date(2025, 8, 7)  # Thursday

CASES = [
    ("The trial will begin on Wednesday.", "Wednesday", "2025-08-13"),
    ("The minister said on Wednesday that talks had failed.", "Wednesday", "2025-08-06"),
    ("The minister is going to visit Kyiv on Monday.", "Monday", "2025-08-11"),
    ("The minister visited Kyiv on Monday.", "Monday", "2025-08-04"),
    ("The company plans to announce results on Tuesday.", "Tuesday", "2025-08-12"),
    ("Trading is to resume on Tuesday.", "Tuesday", "2025-08-12"),
    ("Trump issued an ultimatum in July.", "July", "2025-07"),
    ("The summit will be held in October.", "October", "2025-10"),
    ("Inflation peaked in October.", "October", "2024-10"),
    ("Since taking office in January, he has changed course.", "January", "2025-01"),
]


@pytest.mark.parametrize(("sentence", "expression", "value"), CASES)
def test_tense_picks_the_direction(tag: Tag, sentence: str, expression: str,
                                   value: str) -> None:
    t = find(tag(sentence, DCT), expression)
    assert (t.type, t.value) == ("DATE", value)


def test_weekday_with_a_part_of_day_keeps_the_part(tag: Tag) -> None:
    t = find(tag("Protesters gathered on Saturday night.", DCT), "Saturday night")
    assert (t.type, t.value) == ("TIME", "2025-08-02TNI")
