"""Durations, sets and modifiers."""

from __future__ import annotations

import pytest

from tests.analysis.temporal.conftest import Tag, find

DURATIONS = [
    ("They talked for about three hours.", "about three hours", "PT3H", "APPROX"),
    ("The siege lasted two weeks.", "two weeks", "P2W", None),
    ("He served ten years in prison.", "ten years", "P10Y", None),
    ("The war went on for years.", "years", "PXY", None),
    ("Prices rose over the past two months.", "the past two months", "P2M", None),
    ("The talks lasted more than four hours.", "more than four hours", "PT4H", "MORE_THAN"),
    ("The rescue took less than 30 minutes.", "less than 30 minutes", "PT30M", "LESS_THAN"),
    ("The project took nearly two and a half years.", "nearly two and a half years", "P2.5Y",
     "LESS_THAN"),
    ("Several years passed before the trial.", "Several years", "PXY", None),
    ("Repairs will take two to three weeks.", "two to three weeks", "P2W", None),
]


@pytest.mark.parametrize(("sentence", "expression", "value", "mod"), DURATIONS)
def test_durations(tag: Tag, sentence: str, expression: str, value: str,
                   mod: str | None) -> None:
    t = find(tag(sentence), expression)
    assert (t.type, t.value, t.mod) == ("DURATION", value, mod)


def test_minutes_later_is_a_duration_not_a_date(tag: Tag) -> None:
    timexes = tag("However, minutes later, an official denied the report.")
    assert [(t.text, t.type, t.value) for t in timexes] == [("minutes", "DURATION", "PTXM")]


SETS = [
    ("The paper is published weekly.", "weekly", "P1W"),
    ("Patients receive the drug daily.", "daily", "P1D"),
    ("The committee meets every Tuesday.", "every Tuesday", "XXXX-WXX-2"),
    ("The market opens on Sundays.", "Sundays", "XXXX-WXX-7"),
    ("Inspectors visit every month.", "every month", "P1M"),
]


@pytest.mark.parametrize(("sentence", "expression", "value"), SETS)
def test_sets(tag: Tag, sentence: str, expression: str, value: str) -> None:
    t = find(tag(sentence), expression)
    assert (t.type, t.value) == ("SET", value)


MODS = [
    ("Talks have stalled since the beginning of the year.", "the beginning of the year",
     "2025", "START"),
    ("The deal should close by the end of the month.", "the end of the month", "2025-08",
     "END"),
    ("Troops withdrew in early 1989.", "early 1989", "1989", "START"),
    ("Prices peaked in the mid-1990s.", "the mid-1990s", "199X", "MID"),
    ("Rates will rise in late September.", "late September", "2025-09", "END"),
]


@pytest.mark.parametrize(("sentence", "expression", "value", "mod"), MODS)
def test_point_modifiers(tag: Tag, sentence: str, expression: str, value: str,
                         mod: str) -> None:
    t = find(tag(sentence), expression)
    assert (t.type, t.value, t.mod) == ("DATE", value, mod)
