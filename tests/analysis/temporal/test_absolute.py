"""Dates that carry their own year: no anchor needed."""

from __future__ import annotations

import pytest

from tests.analysis.temporal.conftest import Tag, find

CASES = [
    ("The treaty was signed on March 3, 1918.", "March 3, 1918", "DATE", "1918-03-03"),
    ("The treaty was signed on 3 March 1918.", "3 March 1918", "DATE", "1918-03-03"),
    ("Elections were held in November 2006.", "November 2006", "DATE", "2006-11"),
    ("The company was founded in 1987.", "1987", "DATE", "1987"),
    ("Prices rose sharply in the 1980s.", "the 1980s", "DATE", "198X"),
    ("The report was filed on 2025-08-06.", "2025-08-06", "DATE", "2025-08-06"),
    ("Sales fell in the third quarter of 1990.", "the third quarter of 1990", "DATE",
     "1990-Q3"),
    ("The city was founded in the 12th century.", "the 12th century", "DATE", "11"),
    ("The battle took place in 490 BC.", "490 BC", "DATE", "BC0490"),
    ("The harvest failed in the summer of 1816.", "the summer of 1816", "DATE", "1816-SU"),
]


@pytest.mark.parametrize(("sentence", "expression", "type_", "value"), CASES)
def test_absolute_dates(tag: Tag, sentence: str, expression: str, type_: str,
                        value: str) -> None:
    t = find(tag(sentence), expression)
    assert (t.type, t.value) == (type_, value)
    assert t.anchor is None


def test_christmas_takes_the_year_nearest_the_dct(tag: Tag) -> None:
    t = find(tag("The shop closed on Christmas Eve.", order="MDY"), "Christmas Eve")
    assert t.value == "2024-12-24"
