"""Ranges and their parts, and extents that keep "earlier"/"later" before today."""

from __future__ import annotations

from datetime import date

import pytest

from tests.analysis.temporal.conftest import Tag

CASES = [
    ("Hail fell on 6/14-15 across the plains.", "MDY",
     [("6/14", "2025-06-14"), ("15", "2025-06-15")]),
    ("Hail fell on 14-15/6 across the plains.", "DMY",
     [("14", "2025-06-14"), ("15/6", "2025-06-15")]),
    ("The regatta runs June 9 to 11 on the lake.", "MDY",
     [("June 9", "2025-06-09"), ("11", "2025-06-11")]),
    ("The mayor resigned earlier today.", "MDY", [("earlier today", "2025-08-07")]),
    ("The jury will return later this afternoon.", "MDY",
     [("later this afternoon", "2025-08-07TAF")]),
]


@pytest.mark.parametrize(("sentence", "order", "expected"), CASES)
def test_ranges_and_extents(tag: Tag, sentence: str, order: str,
                            expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in tag(sentence, date(2025, 8, 7), order)] == expected


def test_a_fraction_of_people_is_not_a_date(tag: Tag) -> None:
    assert tag("Turnout rose and 2/3 of members voted.", date(2025, 8, 7), "MDY") == []
