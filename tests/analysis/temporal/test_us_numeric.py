"""Bare numeric dates in US copy, told from fractions; the date order read from the text."""

from __future__ import annotations

from datetime import date

import pytest

from tests.analysis.temporal.conftest import Tag
from tui.analysis.temporal.context import resolve_date_order
from tui.document.model import Metadata

DATES = [
    ("Members will vote at the 9/18 meeting of the board.", "9/18", "2025-09-18"),
    ("The filing deadline is 4/15.", "4/15", "2026-04-15"),
    ("On Tuesday, 3/5, the council approved the budget.", "3/5", "2025-03-05"),
    ("The fair opens Friday 10/3 downtown.", "10/3", "2025-10-03"),
]


@pytest.mark.parametrize(("sentence", "expression", "value"), DATES)
def test_bare_numeric_dates_in_us_copy(tag: Tag, sentence: str, expression: str,
                                       value: str) -> None:
    found = {t.text: t.value for t in tag(sentence, date(2025, 8, 7), "MDY")}
    assert expression in found
    assert found[expression][:4] in ("2025", "2026")
    assert found[expression][5:] == value[5:]


FRACTIONS = [
    "Sales rose 3/4 of a point.",
    "The shares gained 1/2 after the report.",
    "Add 2/3 cup of flour and stir.",
]


@pytest.mark.parametrize("sentence", FRACTIONS)
def test_fractions_are_not_dates(tag: Tag, sentence: str) -> None:
    assert [t.text for t in tag(sentence, date(2025, 8, 7), "MDY")] == []


ORDERS = [
    # written-out dates say how the writer orders numbers
    ("The mayor spoke on Sept. 12 and the vote is set for 10/11.", ("MDY", "inferred")),
    ("The mayor spoke on 12 September and the vote is set for 10/11.", ("DMY", "inferred")),
    # American house style: "a.m." and "Sept." are evidence too
    ("Polls open at 7 a.m., close at 8 p.m., and the count is due by 10/11.",
     ("MDY", "inferred")),
    # with truly nothing to go on, the order is only assumed
    ("The count is due by 10/11.", ("DMY", "assumed")),
]


@pytest.mark.parametrize(("text", "expected"), ORDERS)
def test_date_order_is_read_from_the_text(nlp, text: str,  # type: ignore[no-untyped-def]
                                          expected: tuple[str, str]) -> None:
    assert resolve_date_order(Metadata(), nlp(text), None, None) == expected
