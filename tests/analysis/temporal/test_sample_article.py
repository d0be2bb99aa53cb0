"""The sample news article, read with its DCT and day-first dates, gives the expected values."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tui.analysis.temporal import tag_timexes


def test_sample_article_values(nlp, sample_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = sample_path.read_text(encoding="utf-8")
    timexes = tag_timexes(nlp(text), date(2025, 8, 7), "DMY")
    found = [(t.text, t.type, t.value, t.mod) for t in timexes]
    expected = [
        ("very soon", "DATE", "FUTURE_REF", None),
        ("6/8", "DATE", "2025-08-06", None),
        ("next week", "DATE", "2025-W33", None),
        ("6/8", "DATE", "2025-08-06", None),
        ("6/8", "DATE", "2025-08-06", None),
        ("about three hours", "DURATION", "PT3H", "APPROX"),
        ("the coming days and weeks", "DATE", "FUTURE_REF", None),
        ("minutes", "DURATION", "PTXM", None),
        ("8/8", "DATE", "2025-08-08", None),
        ("July", "DATE", "2025-07", None),
        ("January", "DATE", "2025-01", None),
        ("8/8", "DATE", "2025-08-08", None),
        ("the beginning of the year", "DATE", "2025", "START"),
        ("6/2021", "DATE", "2021-06", None),
        ("12/2019", "DATE", "2019-12", None),
    ]
    assert found == expected
