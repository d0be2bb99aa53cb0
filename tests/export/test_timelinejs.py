"""TimelineJS JSON: one slide per dated entry, only the date parts the value knows."""

from __future__ import annotations

import json

from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.export import timelinejs
from tui.export.options import ExportOptions
from tui.store.model import Note


def test_slides_carry_the_known_date_parts(document: Document, notes: list[Note],
                                           analysis: Analysis, options: ExportOptions) -> None:
    data = json.loads(timelinejs.render(document, notes, analysis, options))
    assert data["title"]["text"]["headline"] == "Harbour bridge reopens after repairs"
    dates = [(s["start_date"], s["display_date"]) for s in data["events"]]
    assert dates == [
        ({"year": 2024}, "2024"),
        ({"year": 2025, "month": 8, "day": 5}, "Tue 5 Aug 2025"),
        ({"year": 2025, "month": 8, "day": 6}, "Wed 6 Aug 2025"),
        ({"year": 2025, "month": 9}, "September 2025"),
        ({"year": 2026, "month": 3}, "spring 2026"),
    ]  # the vague FUTURE_REF entry has no slide


def test_text_is_html_escaped_and_includes_notes(document: Document, notes: list[Note],
                                                 analysis: Analysis,
                                                 options: ExportOptions) -> None:
    slides = json.loads(timelinejs.render(document, notes, analysis, options))["events"]
    assert slides[4]["text"]["headline"] == (
        "Engineers &lt;from&gt; Castell &amp; Partners will inspect")
    assert "<p>=SUM(A1) ramp schedule</p>" in slides[3]["text"]["text"]
    assert len({s["unique_id"] for s in slides}) == len(slides)
