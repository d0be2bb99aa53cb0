"""Vague references and TimeBank extents (prepositions out, determiners and modifiers in)."""

from __future__ import annotations

import pytest

from tests.analysis.temporal.conftest import Tag, find

VAGUE = [
    ("A meeting could happen very soon.", "very soon", "FUTURE_REF"),
    ("We will work toward that goal in the coming days and weeks.",
     "the coming days and weeks", "FUTURE_REF"),
    ("The company is now profitable.", "now", "PRESENT_REF"),
    ("The bank currently holds the shares.", "currently", "PRESENT_REF"),
    ("The agency recently changed its rules.", "recently", "PAST_REF"),
    ("Nobody can predict the future.", "the future", "FUTURE_REF"),
]


@pytest.mark.parametrize(("sentence", "expression", "value"), VAGUE)
def test_vague_references(tag: Tag, sentence: str, expression: str, value: str) -> None:
    t = find(tag(sentence), expression)
    assert (t.type, t.value) == ("DATE", value)


EXTENTS = [
    ("The envoy arrived in Moscow on 6/8.", "6/8"),
    ("They will meet as early as next week.", "next week"),
    ("Sanctions were imposed in July.", "July"),
    ("Rebels held the town for about three hours.", "about three hours"),
    ("Nothing changed since the beginning of the year.", "the beginning of the year"),
    ("The ruling is expected by Friday.", "Friday"),
    ("The deal was struck ten days before the vote.", "ten days"),
]


@pytest.mark.parametrize(("sentence", "expression"), EXTENTS)
def test_extents(tag: Tag, sentence: str, expression: str) -> None:
    assert expression in [t.text for t in tag(sentence)]


def test_spans_are_sorted_non_overlapping_and_match_the_text(tag: Tag) -> None:
    text = ("On Monday, three days after the vote, officials said that by next week, "
            "perhaps in the coming days and weeks, results from 12/2019 would be ready.")
    timexes = tag(text)
    assert timexes
    for a, b in zip(timexes, timexes[1:], strict=False):
        assert a.end <= b.start
    for t in timexes:
        assert text[t.start:t.end] == t.text


def test_ages_are_not_timexes(tag: Tag) -> None:
    assert tag("A 6-year-old girl was rescued.") == []
    assert tag("The man, who is 50 years old, was arrested.") == []
