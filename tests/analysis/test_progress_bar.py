"""The progress bar of ``gloss analyze``: drawn on a terminal, absent elsewhere."""

from __future__ import annotations

import io

from tui.analysis.progress_bar import ERASE_LINE, ProgressBar


def test_a_bar_fills_and_is_erased() -> None:
    out = io.StringIO()
    with ProgressBar(out, enabled=True, redraw_seconds=0) as bar:
        bar.status("loading…")
        bar.update(0, 200)
        bar.update(50, 200)
        bar.update(200, 200)
    frames = out.getvalue().split(ERASE_LINE)
    assert frames[0] == "" and frames[-1] == ""
    assert frames[1] == "loading…"
    assert frames[2].startswith("analysing " + "░" * 24 + "   0%  0/200 characters")
    assert frames[3].startswith("analysing " + "█" * 6 + "░" * 18 + "  25%  50/200 characters")
    assert frames[4].startswith("analysing " + "█" * 24 + " 100%  200/200 characters")


def test_an_unknown_total_is_a_count() -> None:
    out = io.StringIO()
    bar = ProgressBar(out, enabled=True, redraw_seconds=0)
    bar.update(1_234, None, "lines")
    assert out.getvalue().startswith(ERASE_LINE + "analysing… 1,234 lines")


def test_frequent_updates_draw_once_until_the_end() -> None:
    out = io.StringIO()
    bar = ProgressBar(out, enabled=True, redraw_seconds=3600)
    for done in range(1, 100):
        bar.update(done, 100)
    bar.update(100, 100)
    assert out.getvalue().count(ERASE_LINE) == 2  # the first update, and the last


def test_nothing_is_written_when_not_a_terminal() -> None:
    out = io.StringIO()  # not a terminal
    with ProgressBar(out) as bar:
        bar.status("loading…")
        bar.update(5, 10)
    assert out.getvalue() == ""
