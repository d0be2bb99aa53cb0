"""Candidates no rule reads keep a partial TIMEX3 value; what TIMEX3 never marks is dropped."""

from __future__ import annotations

from datetime import date

import pytest

from tests.analysis.temporal.conftest import Tag, find
from tui.analysis.temporal.partial import partial_reading
from tui.analysis.temporal.periods import Period

PARTIAL = [
    ("the waning hours", 0, ("DURATION", "PTXH")),
    ("dozens of centuries", 0, ("DURATION", "PXCE")),
    ("countless weeks", 0, ("DURATION", "PXW")),
    ("the decade", 0, ("DATE", "XXX")),
    ("the quarter", 0, ("DATE", "XXXX-QX")),
    ("that day", 0, ("DATE", "XXXX-XX-XX")),
    ("a single day", 0, ("DURATION", "P1D")),
    ("that very evening", 0, ("TIME", "XXXX-XX-XXTEV")),
    ("some happier future", 0, ("DATE", "FUTURE_REF")),
    ("the bygone era of old", 0, ("DATE", "PAST_REF")),
    ("the present moment", 0, ("DATE", "PRESENT_REF")),
    ("a spell", -1, None),  # no word of time at all
]


@pytest.mark.parametrize(("expression", "direction", "expected"), PARTIAL)
def test_partial_values_say_only_what_is_known(expression: str, direction: int,
                                               expected: tuple[str, str] | None) -> None:
    reading = partial_reading(expression, direction)
    assert ((reading.type, reading.value) if reading else None) == expected


@pytest.mark.parametrize("expression", ["44", "80486", "the age of 61", "1,200", "3.5"])
def test_what_timex3_does_not_mark_is_refused(expression: str) -> None:
    assert partial_reading(expression) is None


def test_the_story_day_settles_that_day_and_its_parts() -> None:
    day = Period(date(2024, 3, 12), "day")
    values = [getattr(partial_reading(*args), "value", None) for args in (
        ("that very evening", 0, day, "previous"),
        ("the same day", 0, day, "previous"),
        ("that day", 0, Period(date(2024, 1, 1), "year")),  # a year does not say which day
    )]
    assert values == ["2024-03-12TEV", "2024-03-12", "XXXX-XX-XX"]


def test_a_candidate_the_rules_cannot_read_is_kept(tag: Tag) -> None:
    t = find(tag("The strike ended in the waning hours of the session, the union said."),
             "the waning hours")
    assert (t.type, t.value) == ("DURATION", "PTXH")


def test_a_modifier_before_a_readable_date_keeps_its_value(tag: Tag) -> None:
    timexes = tag("Ministers met barely a month after the vote.")
    assert [(t.type, t.value) for t in timexes if "month" in t.text] == [("DURATION", "P1M")]


def test_an_age_spacy_calls_a_date_is_still_dropped(tag: Tag) -> None:
    assert tag("Police said the suspect, 52, was arrested after a chase.") == []
