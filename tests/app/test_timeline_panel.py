"""The timeline panel: chronological entries, Enter jumps to the sentence, dates step in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.app.conftest import screen_text
from tui.app.app import GlossApp

AppPilot = tuple[GlossApp, Pilot[None]]


async def test_panel_shows_dct_and_date_order_with_their_sources(sample_app: AppPilot) -> None:
    app, _ = sample_app
    shot = screen_text(app)
    assert "Published 2025-08-07 (metadata)" in shot
    assert "DMY (metadata)" in shot
    assert "Wed 6 Aug 2025" in shot


async def test_entries_are_in_calendar_order_with_vague_ones_last(sample_app: AppPilot) -> None:
    app, _ = sample_app
    assert app.reader.analysis is not None
    values = [e.value for e in app.reader.analysis.timeline]
    dated = [v for v in values if v[0].isdigit()]
    assert dated.index("2019-12") < dated.index("2021-06") < dated.index("2025-08-06")
    assert dated.index("2025-08-06") < dated.index("2025-08-08") < dated.index("2025-W33")
    assert values[-1] == "FUTURE_REF"


async def test_enter_on_an_entry_moves_the_article_to_its_sentence(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    await pilot.press("t")  # hides the panel (it starts shown)
    await pilot.press("t")  # shows it again, focused
    timeline = app.reader.side.timeline
    assert timeline.list.has_focus
    target = next(i for i, e in enumerate(app.reader.analysis.timeline)  # type: ignore[union-attr]
                  if e.value == "2021-06")
    timeline.highlight_entry(target)
    assert timeline.selected_entry == target
    await pilot.press("enter")
    text = app.reader.document.text
    # (the sentence also flashes, for 0.8 s: too brief to assert on a loaded machine)
    assert text[app.reader.article.cursor:].startswith("6/2021")
    assert app.reader.article.has_focus


async def test_brackets_step_through_dates_in_calendar_order(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    text = app.reader.document.text
    await pilot.press("right_square_bracket")
    assert text[app.reader.article.cursor:].startswith("12/2019")  # the earliest date comes first
    await pilot.press("right_square_bracket")
    assert text[app.reader.article.cursor:].startswith("6/2021")
    await pilot.press("left_square_bracket")
    assert text[app.reader.article.cursor:].startswith("12/2019")


async def test_T_finds_the_date_under_the_cursor_in_the_panel(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    text = app.reader.document.text
    app.reader.article.move_cursor(text.index("8/8"))
    await pilot.press("T")
    chosen = app.reader.side.timeline.selected_entry
    assert chosen is not None and app.reader.side.timeline.list.has_focus
    entry = app.reader.analysis.timeline[chosen]  # type: ignore[union-attr]
    assert entry.value == "2025-08-08"


async def test_status_line_shows_the_normalized_value_of_a_date(sample_app: AppPilot) -> None:
    app, pilot = sample_app
    app.reader.article.move_cursor(app.reader.document.text.index("6/8"))
    await pilot.pause()
    assert "6/8” → 2025-08-06" in screen_text(app)


async def test_changing_the_date_order_rereads_numeric_dates(sample_app: AppPilot) -> None:
    from tui.app.screens.date_dialog import DateDialog

    app, pilot = sample_app
    await pilot.press("D")
    assert isinstance(app.screen, DateDialog)
    await pilot.press("tab", "down", "down")  # to the order choice, past Automatic and DMY: MDY
    assert app.screen.order == "MDY"
    await pilot.press("ctrl+s")
    for _ in range(400):
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)
        if app.reader.analysis is not None and app.reader.analysis.date_order == "MDY":
            break
    analysis = app.reader.analysis
    assert analysis is not None
    assert analysis.date_order == "MDY" and analysis.date_order_source == "user"
    assert "2025-06-08" in {t.value for t in analysis.timexes}
    assert app.store is not None
    assert app.store.settings(app.reader.document.id)["date_order"] == "MDY"
    assert "MDY (user)" in screen_text(app)


async def test_export_dialog_writes_the_file_and_says_where(sample_app: AppPilot,
                                                            tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            ) -> None:
    from tui.app.screens.export_dialog import ExportDialog

    monkeypatch.chdir(tmp_path)
    app, pilot = sample_app
    await pilot.press("s", "h")  # one highlight to export
    await pilot.press("ctrl+e")
    assert isinstance(app.screen, ExportDialog)
    await pilot.press("ctrl+s")
    await pilot.pause()
    (written,) = list(tmp_path.glob("*.md"))
    assert "There's a good chance" in written.read_text()
    assert str(written.name) in screen_text(app)
