"""Vague and market-report language TIMEX3 marks: "recent", "current", "ended the day"."""

from __future__ import annotations

from datetime import date

import pytest

from tests.analysis.temporal.conftest import Tag, find

MARKED = [
    ("A recent survey of growers showed a dip.", "recent", "DATE", "PAST_REF"),
    ("Critics say the current mayor has stalled.", "current", "DATE", "PRESENT_REF"),
    ("Copper fell on Monday and ended the day 2% lower.", "the day", "DATE", "2025-08-04"),
    ("The bourse closed the session flat.", "the session", "DATE", "2025-08-07"),
    ("The fund is up 9% year-to-date.", "year-to-date", "DATE", "2025"),
    ("Bond yields have climbed in recent sessions.", "recent sessions", "DURATION", "PXD"),
    ("The shares rose for six straight sessions.", "six straight sessions", "DURATION", "P6D"),
    ("Pilgrims arrive for the annual festival in spring.", "annual", "SET", "P1Y"),
]


@pytest.mark.parametrize(("sentence", "expression", "type_", "value"), MARKED)
def test_marked(tag: Tag, sentence: str, expression: str, type_: str, value: str) -> None:
    t = find(tag(sentence, date(2025, 8, 7), "MDY"), expression)
    assert (t.type, t.value) == (type_, value)


UNMARKED = [
    "The group reported annual sales of $3 billion.",
    "Their most recent figures disappoint.",
    "An electric current ran through the fence.",
    "Prices rose at an annual rate of 2%.",
]


@pytest.mark.parametrize("sentence", UNMARKED)
def test_not_marked(tag: Tag, sentence: str) -> None:
    texts = [t.text for t in tag(sentence)]
    assert not {"annual", "recent", "current"} & set(texts)
