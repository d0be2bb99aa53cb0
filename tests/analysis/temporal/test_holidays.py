"""One holiday table: every name the finder finds, the normalizer reads."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.analysis.temporal.conftest import Tag, find
from tui.analysis.temporal import holidays
from tui.analysis.temporal.normalize import Context, Normalizer

CASES = [
    ("Unions marched through the capital on Labour Day.", "Labour Day", "2025-05-01"),
    ("Offices shut on St. Patrick's Day.", "St. Patrick's Day", "2025-03-17"),
    ("Florists expect record sales before Mother's Day.", "Mother's Day", "2025-05-11"),
    ("Crowds gathered downtown on New Year's Eve.", "New Year's Eve", "2024-12-31"),
    ("The law took effect on Juneteenth.", "Juneteenth", "2025-06-19"),
]


@pytest.mark.parametrize(("sentence", "expression", "value"), CASES)
def test_holidays_are_found_and_read(tag: Tag, sentence: str, expression: str,
                                     value: str) -> None:
    t = find(tag(sentence, date(2025, 8, 7), "DMY"), expression)
    assert (t.type, t.value) == ("DATE", value)


def _written(name: str) -> str:
    """A holiday name as news writes it: capitalized, possessive where the table drops it."""
    words = [w if w in ("of", "the") else w.capitalize() for w in name.split()]
    return " ".join(words)


@pytest.mark.parametrize("name", sorted(holidays.HOLIDAYS))
def test_every_name_in_the_table_is_found_and_read(name: str) -> None:
    written = _written(name)
    assert re.fullmatch(holidays.name_pattern(), written, re.IGNORECASE), written
    reading = Normalizer(Context(date(2025, 8, 7), None)).read(written)
    assert reading is not None and reading.type == "DATE", written
