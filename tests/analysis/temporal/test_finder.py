"""The word-triggered pattern scan finds exactly what a full scan finds."""

from __future__ import annotations

from pathlib import Path

from tests.analysis.temporal.test_properties import FRAGMENTS
from tui.analysis.temporal import finder


def test_triggered_scan_equals_full_scan(sample_path: Path) -> None:
    texts = [sample_path.read_text(encoding="utf-8"),
             "Officials said the talks, " + ", then ".join(FRAGMENTS) + ", would go on.",
             "Mondays and Sundays; mid-1990s; the fiscal first half; Christmas Eve; 22-24 June.",
             "In the final two weeks and the remaining three days, per day, at 5 p.m. EST."]
    for text in texts:
        full = [(m.start(), m.end()) for m in finder._PATTERN.finditer(text)]
        assert list(finder.pattern_candidates(text)) == full
