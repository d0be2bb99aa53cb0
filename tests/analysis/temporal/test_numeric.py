"""Numeric dates read with the document's date order, the year nearest the DCT."""

from __future__ import annotations

from datetime import date

import pytest

from tests.analysis.temporal.conftest import Tag, find

CASES = [
    ("Talks were held in Moscow on 6/8.", "DMY", "6/8", "2025-08-06"),
    ("Talks were held in Moscow on 6/8.", "MDY", "6/8", "2025-06-08"),
    ("Sanctions will take effect on 8/8.", "DMY", "8/8", "2025-08-08"),
    ("A ceasefire must be agreed by 8/8.", "DMY", "8/8", "2025-08-08"),
    ("They last met in 6/2021.", "DMY", "6/2021", "2021-06"),
    ("They have not met since 12/2019.", "MDY", "12/2019", "2019-12"),
    ("The vote took place on 25/7/2024.", "DMY", "25/7/2024", "2024-07-25"),
    ("The vote took place on 7/25/2024.", "MDY", "7/25/2024", "2024-07-25"),
]


@pytest.mark.parametrize(("sentence", "order", "expression", "value"), CASES)
def test_numeric_dates(tag: Tag, sentence: str, order: str, expression: str,
                       value: str) -> None:
    t = find(tag(sentence, order=order), expression)
    assert (t.type, t.value) == ("DATE", value)


def test_a_component_above_twelve_settles_the_order(tag: Tag) -> None:
    # 25 cannot be a month, so the MDY reading swaps to day 25 of July.
    t = find(tag("The vote took place on 25/7/2024.", order="MDY"), "25/7/2024")
    assert t.value == "2024-07-25"


def test_numeric_day_and_month_in_january_reaches_back_a_year(tag: Tag) -> None:
    t = find(tag("The deal was signed on 28/12.", date(2025, 1, 3)), "28/12")
    assert t.value == "2024-12-28"
