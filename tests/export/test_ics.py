"""The timeline as iCalendar: parses back with the library, with the right all-day dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from icalendar import Calendar

from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.export import ics
from tui.export.options import ExportOptions
from tui.store.model import Note


def events(text: str) -> dict[str, object]:
    calendar = Calendar.from_ical(text)
    return {str(e["X-GLOSS-VALUE"]): e for e in calendar.walk("VEVENT")}


def test_calendar_parses_with_all_day_events_on_the_right_dates(
        document: Document, notes: list[Note], analysis: Analysis,
        options: ExportOptions) -> None:
    text = ics.render(document, notes, analysis, options)
    found = events(text)
    expected = {"2024": date(2024, 1, 1), "2025-08-05": date(2025, 8, 5),
                "2025-08-06": date(2025, 8, 6), "2025-09": date(2025, 9, 1),
                "2026-SP": date(2026, 3, 1)}
    assert {k: e["DTSTART"].dt for k, e in found.items()} == expected  # type: ignore[index]
    assert text.count("DTSTART;VALUE=DATE:") == len(expected)
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")


def test_periods_are_marked_and_days_are_not(document: Document, notes: list[Note],
                                             analysis: Analysis, options: ExportOptions) -> None:
    found = events(ics.render(document, notes, analysis, options))
    day, month = found["2025-08-06"], found["2025-09"]
    assert str(day["SUMMARY"]) == "The Riverside Harbour Bridge reopened"  # type: ignore[index]
    assert str(day["X-GLOSS-GRANULARITY"]) == "day"  # type: ignore[index]
    assert str(month["SUMMARY"]) == (  # type: ignore[index]
        "[September 2025] work on the eastern ramp would continue")
    assert str(month["X-GLOSS-GRANULARITY"]) == "month"  # type: ignore[index]


def test_description_has_wordings_and_the_users_notes(
        document: Document, notes: list[Note], analysis: Analysis,
        options: ExportOptions) -> None:
    found = events(ics.render(document, notes, analysis, options))
    description = str(found["2025-09"]["DESCRIPTION"])  # type: ignore[index]
    assert "As written: “in September 2025”" in description
    assert "=SUM(A1) ramp schedule" in description
    merged = str(found["2025-08-06"]["DESCRIPTION"])  # type: ignore[index]
    assert "ramp schedule" not in merged
    assert "Also: three months of repairs ended" in merged  # a second clause on the same day


def test_vague_entries_are_not_events_but_are_listed(
        document: Document, notes: list[Note], analysis: Analysis,
        options: ExportOptions) -> None:
    text = ics.render(document, notes, analysis, options)
    assert "FUTURE_REF" not in events(text)
    calendar = Calendar.from_ical(text)
    assert "in the future: traffic will improve" in str(calendar["DESCRIPTION"])


def test_uids_are_stable_and_clock_times_are_timed(
        document: Document, analysis: Analysis, options: ExportOptions) -> None:
    first = events(ics.render(document, [], analysis, options))
    again = events(ics.render(document, [], analysis, ExportOptions()))
    assert {k: str(e["UID"]) for k, e in first.items()} == {  # type: ignore[index]
        k: str(e["UID"]) for k, e in again.items()}  # type: ignore[index]
    timed = replace(analysis, timeline=(replace(analysis.timeline[2], value="2025-08-06T14:30",
                                                granularity="time"),))
    (event,) = events(ics.render(document, [], timed, options)).values()
    assert event["DTSTART"].dt == datetime(2025, 8, 6, 14, 30)  # type: ignore[index]
