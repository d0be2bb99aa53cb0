"""Deictic expressions resolve against the DCT; anaphoric ones against the last date named."""

from __future__ import annotations

from datetime import date

import pytest

from tests.analysis.temporal.conftest import Tag, find

DCT = date(2025, 8, 7)  # a Thursday, ISO week 32

DEICTIC = [
    ("The minister resigned yesterday.", "yesterday", "DATE", "2025-08-06"),
    ("The results are published today.", "today", "DATE", "2025-08-07"),
    ("The court will rule tomorrow.", "tomorrow", "DATE", "2025-08-08"),
    ("Prices fell last week.", "last week", "DATE", "2025-W31"),
    ("The summit opens next week.", "next week", "DATE", "2025-W33"),
    ("Talks may resume as early as next week.", "next week", "DATE", "2025-W33"),
    ("Exports rose this month.", "this month", "DATE", "2025-08"),
    ("The law takes effect next month.", "next month", "DATE", "2025-09"),
    ("Profits doubled last year.", "last year", "DATE", "2024"),
    ("The plant closed two years ago.", "two years ago", "DATE", "2023"),
    ("The ship sank three days ago.", "three days ago", "DATE", "2025-08-04"),
    ("Output fell earlier this year.", "earlier this year", "DATE", "2025"),
    ("The law takes effect later this month.", "later this month", "DATE", "2025-08"),
    ("The factory reopened last November.", "last November", "DATE", "2024-11"),
    ("Storms hit the coast last night.", "last night", "TIME", "2025-08-06TNI"),
    ("The hearing is set for the week of Aug. 18.", "the week of Aug. 18", "DATE", "2025-W34"),
]


@pytest.mark.parametrize(("sentence", "expression", "type_", "value"), DEICTIC)
def test_deictic_expressions_count_from_the_dct(tag: Tag, sentence: str, expression: str,
                                                type_: str, value: str) -> None:
    t = find(tag(sentence, DCT), expression)
    assert (t.type, t.value, t.anchor) == (type_, value, "dct")


ANAPHORIC = [
    ("The war began on 3 March 1918. Three days later the city fell.", "Three days later",
     "1918-03-06"),
    ("The war began on 3 March 1918. The city fell the following day.", "the following day",
     "1918-03-04"),
    ("The war began in 1918. Peace came the following year.", "the following year", "1919"),
    ("The strike began in May 2010. The mine closed the same month.", "the same month",
     "2010-05"),
    ("The bridge opened on 3 March 1918. A year earlier it had been bombed.",
     "A year earlier", "1917"),
    ("The bridge opened on 3 March 1918. Rioting broke out that day.", "that day",
     "1918-03-03"),
]


@pytest.mark.parametrize(("sentence", "expression", "value"), ANAPHORIC)
def test_anaphoric_expressions_count_from_the_last_date(tag: Tag, sentence: str,
                                                        expression: str, value: str) -> None:
    t = find(tag(sentence, DCT), expression)
    assert (t.value, t.anchor) == (value, "previous")


def test_earlier_and_later_this_year_mark_its_start_and_end(tag: Tag) -> None:
    timexes = tag("Output fell earlier this year and will recover later this year.", DCT)
    assert [t.mod for t in timexes] == ["START", "END"]


def test_or_so_makes_an_approximation(tag: Tag) -> None:
    t = find(tag("The deal collapsed a week or so ago.", DCT), "a week or so ago")
    assert (t.value, t.mod) == ("2025-W31", "APPROX")


def test_without_a_dct_deictic_words_stay_unresolved(tag: Tag) -> None:
    timexes = tag("The minister resigned last week and will speak today.", None)
    assert find(timexes, "last week").value == "XXXX-WXX"
    assert find(timexes, "today").value == "PRESENT_REF"


def test_a_history_anchors_bare_months_on_its_own_years(tag: Tag) -> None:
    text = ("The war began in 1914. Fighting spread in 1915 and 1916. The army collapsed in "
            "1917 and the treaty came in 1918. Peace talks ran through 1919 and 1920. "
            "Unrest lasted into 1921, 1922 and 1923. In 1924 the last troops left. "
            "In March the border was fixed.")
    t = find(tag(text, date(2009, 12, 19), "MDY"), "March")
    assert (t.value, t.anchor) == ("1924-03", "previous")
