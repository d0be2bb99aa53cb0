"""The timeline: calendar order, merging, labels, past/future, and the event each date dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.analysis.model import TimelineEntry, Timex
from tui.analysis.timeline import build_timeline, label, place, sort_anchor

AUG_7 = date(2025, 8, 7)
Mark = tuple[str, str, str, str | None]  # wording, type, value, mod


def timexes(text: str, marks: list[Mark]) -> list[Timex]:
    """Timexes over the given wordings, each found after the previous one."""
    out: list[Timex] = []
    position = 0
    for wording, kind, value, mod in marks:
        start = text.index(wording, position)
        out.append(Timex(start, start + len(wording), wording, kind, value, mod))
        position = start + len(wording)
    return out


def timeline(nlp: Any, text: str, marks: list[Mark], dct: date | None = AUG_7
             ) -> list[TimelineEntry]:
    return build_timeline(nlp(text), timexes(text, marks), dct)


def dated(value: str, mod: str | None = None) -> Mark:
    return (value, "DATE", value, mod)


# --- order ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("marks", "expected"),
    [
        # A month sorts before its days, a day before its times, a year before its months.
        ([dated("2025-08-06T15:00"), dated("2025-08-06"), dated("2025-08"), dated("2025")],
         ["2025", "2025-08", "2025-08-06", "2025-08-06T15:00"]),
        # Weeks sort by their Monday (2025-W33 starts on 11 August).
        ([dated("2025-08-12"), dated("2025-W33"), dated("2025-08-10")],
         ["2025-08-10", "2025-W33", "2025-08-12"]),
        # Seasons, quarters and halves by their start; decades and centuries too.
        ([dated("2025-07"), dated("2025-SU"), dated("2025-Q3"), dated("2025-H2"), dated("198"),
          dated("19")],
         ["19", "198", "2025-SU", "2025-H2", "2025-Q3", "2025-07"]),
        # A fuzzy part of a period comes after the precise periods beginning with it:
        # January, then "the start of the year"; December, then "the end of the year".
        ([dated("2025", "START"), dated("2025-01"), dated("2025-12"), dated("2025", "END"),
          dated("2025-07"), dated("2025", "MID"), dated("2025")],
         ["2025", "2025-01", "2025 START", "2025-07", "2025 MID", "2025-12", "2025 END"]),
        # A value with open parts sits at what is known, after the precise period there.
        ([dated("1998-10-XX"), dated("1998-10-02"), dated("1998-10"), dated("1998-XX")],
         ["1998-XX", "1998-10", "1998-10-XX", "1998-10-02"]),
        # Vague references come last: past, present, future, then what cannot be placed.
        ([dated("FUTURE_REF"), dated("XXXX-07-04"), dated("PAST_REF"), dated("PRESENT_REF"),
          dated("1999")],
         ["1999", "PAST_REF", "PRESENT_REF", "FUTURE_REF", "XXXX-07-04"]),
    ],
)
def test_chronological_and_granularity_aware(
    nlp: Any, marks: list[Mark], expected: list[str]
) -> None:
    text = " ".join(f"It happened at {m[0]}." for m in marks)
    entries = timeline(nlp, text, marks)
    assert [f"{e.value} {e.mod}" if e.mod else e.value for e in entries] == expected


def test_vague_entries_are_marked(nlp: Any) -> None:
    marks = [dated("2025-08-06"), dated("FUTURE_REF")]
    entries = timeline(nlp, "It happened at 2025-08-06. It happened at FUTURE_REF.", marks)
    assert [(e.vague, e.granularity) for e in entries] == [(False, "day"), (True, "vague")]


# --- merging --------------------------------------------------------------------------------

def test_same_value_merges_and_keeps_every_wording(nlp: Any) -> None:
    text = ("Washington will impose sanctions on 8/8. Trump warned of sanctions if Russia does "
            "not reach a ceasefire by 8/8. Talks began on Monday.")
    entries = timeline(nlp, text, [
        ("8/8", "DATE", "2025-08-08", None),
        ("8/8", "DATE", "2025-08-08", "ON_OR_BEFORE"),
        ("Monday", "DATE", "2025-08-04", None),
    ])
    assert [e.value for e in entries] == ["2025-08-04", "2025-08-08"]
    deadline = entries[1]
    assert deadline.expressions == ("8/8", "8/8")
    assert deadline.mentions == ((36, 39), (text.rindex("8/8"), text.rindex("8/8") + 3))
    assert deadline.mod is None and deadline.label == "Fri 8 Aug 2025"
    assert len(deadline.events) == 2
    assert deadline.event == "Washington will impose sanctions"


def test_a_part_of_a_period_is_its_own_entry(nlp: Any) -> None:
    text = "Talks began at the start of 2025. Prices rose in 2025."
    entries = timeline(nlp, text, [("the start of 2025", "DATE", "2025", "START"),
                                   ("2025", "DATE", "2025", None)])
    assert [(e.value, e.mod, e.label) for e in entries] == [
        ("2025", None, "2025"), ("2025", "START", "start of 2025")]


def test_durations_join_the_date_of_their_clause(nlp: Any) -> None:
    text = ("The envoy arrived in Moscow on 6/8 and held talks with Putin for about three hours. "
            "Minutes later, an official said sanctions would follow.")
    entries = timeline(nlp, text, [
        ("6/8", "DATE", "2025-08-06", None),
        ("about three hours", "DURATION", "PT3H", "APPROX"),
        ("Minutes", "DURATION", "PTXM", None),
    ])
    assert len(entries) == 1
    assert entries[0].expressions == ("6/8", "about three hours")


def test_sets_and_lone_durations_are_not_points(nlp: Any) -> None:
    text = "The committee meets every week. The hearing lasted three hours."
    entries = timeline(nlp, text, [("every week", "SET", "P1W", None),
                                   ("three hours", "DURATION", "PT3H", None)])
    assert entries == []


# --- labels ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "mod", "expected"),
    [
        ("2025-08-06", None, "Wed 6 Aug 2025"),
        ("2025-07", None, "July 2025"),
        ("2025", None, "2025"),
        ("2025", "START", "start of 2025"),
        ("2025-07", "MID", "mid-July 2025"),
        ("2025", "END", "end of 2025"),
        ("2020", "APPROX", "about 2020"),
        ("2025-08-08", "ON_OR_BEFORE", "by Fri 8 Aug 2025"),
        ("2025-W33", None, "week of 11 Aug 2025"),
        ("2025-W33-WE", None, "weekend of 16 Aug 2025"),
        ("2025-SU", None, "summer 2025"),
        ("2025-Q3", None, "Q3 2025"),
        ("2025-H1", None, "first half of 2025"),
        ("198", None, "1980s"),
        ("198X", None, "1980s"),
        ("19", None, "1900s"),
        ("2025-08-06T15:00", None, "6 Aug 2025, 15:00"),
        ("2025-08-06TNI", None, "6 Aug 2025, night"),
        ("FUTURE_REF", None, "the future"),
        ("PAST_REF", None, "the past"),
        ("PRESENT_REF", None, "now"),
        ("XXXX-07-04", None, "4 July, year unknown"),
        ("XXXX-WI", None, "winter, year unknown"),
        ("1998-10-XX", None, "October 1998, day unknown"),
        ("1989-WXX", None, "1989, week unknown"),
        ("1915-XX-XX", None, "1915, date unknown"),
        ("2025-08-06TXX:XX", None, "Wed 6 Aug 2025, time unknown"),
        ("FY2007", None, "fiscal year 2007"),
        ("BC0499", None, "499 BC"),
    ],
)
def test_human_date_labels(value: str, mod: str | None, expected: str) -> None:
    assert label(value, mod) == expected


# --- relation to the DCT --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("value", "mod", "relation"),
    [
        ("2025-08-06", None, "past"),
        ("2025-08-07", None, "present"),
        ("2025-08-07T09:00", None, "present"),
        ("2025-08-08", None, "future"),
        ("2025-08", None, "present"),  # August contains the DCT
        ("2025-07", None, "past"),
        ("2025", None, "present"),
        ("2025", "START", "past"),  # the opening months of the year are over by August
        ("2025", "END", "future"),
        ("2025-W32", None, "present"),  # 4-10 August
        ("2025-W33", None, "future"),
        ("2025-Q3", None, "present"),
        ("198", None, "past"),
        ("FUTURE_REF", None, "future"),
        ("PAST_REF", None, "past"),
        ("PRESENT_REF", None, "present"),
    ],
)
def test_relation_to_the_dct(nlp: Any, value: str, mod: str | None, relation: str) -> None:
    entries = timeline(nlp, f"It happened at {value}.", [dated(value, mod)])
    assert entries[0].relation == relation


@pytest.mark.parametrize(
    ("text", "relation"),
    [("The talks ended on Tuesday.", "past"), ("The talks will end on Tuesday.", "future")],
)
def test_without_a_dct_tense_decides(nlp: Any, text: str, relation: str) -> None:
    entries = timeline(nlp, text, [("Tuesday", "DATE", "XXXX-WXX-2", None)], dct=None)
    assert entries[0].relation == relation


# --- events ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "wording", "event"),
    [
        ("US envoy Steve Witkoff arrived in Moscow on 6/8 and held talks with President Putin "
         "for about three hours.", "6/8",
         "Steve Witkoff arrived in Moscow and held talks with President Putin"),
        ('"It will happen soon," US President Donald Trump told reporters at the White House '
         "on 6/8, when asked about the summit.", "6/8",
         "Donald Trump told reporters at the White House"),
        ("A senior official said Washington would still impose secondary sanctions on 8/8, "
         "according to an ultimatum.", "8/8", "Washington would still impose secondary sanctions"),
        ("The company announced on Monday that it would cut 500 jobs.", "Monday",
         "The company announced that it would cut 500 jobs"),
        ("The meeting took place in 6/2021, when Putin met with Joe Biden in Geneva.", "6/2021",
         "Putin met with Joe Biden in Geneva"),
        ("The talks stalled after an ultimatum Trump issued in July.", "July",
         "an ultimatum Trump issued"),
        ("Since taking office in January, Trump has reopened channels with Russia.", "January",
         "Trump taking office"),
        ("Voters in Chile elected a new president in December, the first leftist to win.",
         "December", "Voters in Chile elected a new president"),
        ("The minister, who resigned last week, denied any wrongdoing.", "last week",
         "The minister resigned"),
        ("The meeting on Monday was cancelled.", "Monday", "The meeting was cancelled"),
        ("The president plans to meet with Putin as early as next week.", "next week",
         "The president plans to meet with Putin"),
        ("Shares rose 3% on Friday.", "Friday", "Shares rose 3%"),
        ("The union was pushed out of the talks in March but it is back, its leader said.",
         "March", "The union was pushed out of the talks"),
        ("The mayor said on Friday that she had no objection to the plan, as long as the city "
         "kept its budget.", "Friday", "The mayor said that she had no objection to the plan"),
        ("The ministry issued an updated ``travel warning'' on Sunday.", "Sunday",
         "The ministry issued an updated travel warning"),
        ("The ceasefire that took effect on Monday was broken within hours.", "Monday",
         "The ceasefire took effect"),
        # Too long: the sentence's last phrase goes first, here "in the capital".
        ("Rescuers pulled 12 survivors from the rubble on Tuesday and flew them to hospitals in "
         "the capital.", "Tuesday",
         "Rescuers pulled 12 survivors from the rubble and flew them to hospitals"),
    ],
)
def test_event_is_the_clause_the_date_modifies(
    nlp: Any, text: str, wording: str, event: str
) -> None:
    entries = timeline(nlp, text, [(wording, "DATE", "2025-08-04", None)])
    assert entries[0].event == event


def test_long_events_are_shortened_from_the_sentence_words(nlp: Any) -> None:
    text = ("The Kremlin leader and the Ukrainian president have not met since 12/2019 and have "
            "repeatedly attacked and criticized each other in speeches.")
    event = timeline(nlp, text, [("12/2019", "DATE", "2019-12", None)])[0].event
    assert event == "The Kremlin leader and the Ukrainian president have not met"


def test_entry_points_at_its_sentence_within_the_paragraph(nlp: Any) -> None:
    text = "Photo: AFP\nPlans were discussed in a call on 6/8. Nothing else happened."
    entry = timeline(nlp, text, [("6/8", "DATE", "2025-08-06", None)])[0]
    start, end = entry.sentence
    assert text[start:end] == "Plans were discussed in a call on 6/8."
    assert entry.event == "Plans were discussed in a call"


def test_entries_survive_json(nlp: Any) -> None:
    text = "Trump told reporters on 6/8. The envoy arrived in Moscow on 6/8."
    entries = timeline(nlp, text, [("6/8", "DATE", "2025-08-06", None)] * 2)
    assert [TimelineEntry.from_json(e.to_json()) for e in entries] == entries
    assert entries[0].events == ("Trump told reporters", "The envoy arrived in Moscow")


# --- the sample article, end to end ---------------------------------------------------------

def test_sample_article_timeline(nlp: Any, sample_path: Path) -> None:
    from tui.analysis.temporal import tag_timexes

    doc = nlp(sample_path.read_text())
    entries = build_timeline(doc, tag_timexes(doc, AUG_7, "DMY"), AUG_7)
    assert [(e.value, e.mod) for e in entries] == [
        ("2019-12", None), ("2021-06", None), ("2025-01", None), ("2025", "START"),
        ("2025-07", None), ("2025-08-06", None), ("2025-08-08", None), ("2025-W33", None),
        ("FUTURE_REF", None),
    ]
    by_value = {e.value: e for e in entries}
    assert [e.relation for e in entries] == ["past"] * 6 + ["future"] * 3
    assert by_value["2025-08-06"].label == "Wed 6 Aug 2025"
    assert len(by_value["2025-08-06"].events) == 3
    assert "Witkoff arrived in Moscow" in " ".join(by_value["2025-08-06"].events)
    assert len(by_value["2025-08-08"].mentions) == 2
    assert "Putin met with Joe Biden" in by_value["2021-06"].event
    assert "about three hours" not in {e.label for e in entries}


# --- properties -----------------------------------------------------------------------------

@given(st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)),
       st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)))
def test_days_sort_like_the_calendar_and_inside_their_periods(a: date, b: date) -> None:
    def key(value: str, mod: str | None = None) -> tuple[object, ...]:
        placement = place(value)
        assert placement is not None
        return sort_anchor(placement, mod)

    day_a, day_b = a.isoformat(), b.isoformat()
    assert (key(day_a) < key(day_b)) == (a < b)
    year, month = f"{a.year:04d}", f"{a.year:04d}-{a.month:02d}"
    iso = a.isocalendar()
    week = f"{iso.year:04d}-W{iso.week:02d}"
    assert key(year) <= key(month) <= key(day_a) < key(f"{day_a}T12:00")
    assert key(week) <= key(day_a)
    assert key(year) < key(year, "START") < key(year, "END")
    assert label(day_a) == f"{a:%a} {a.day} {a:%b} {a.year}"
