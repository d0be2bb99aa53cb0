"""What the status line says: the right line count, the note under the cursor, the
analysis still running, and words that agree with their numbers."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.app.conftest import SIZE, saved, screen_text, settle
from tui.app.app import GlossApp
from tui.app.runner import AnalysisRunner
from tui.app.screens.export_dialog import ExportDialog
from tui.document.load import load_document
from tui.store.db import Store

AppPilot = tuple[GlossApp, Pilot[None]]


@pytest.fixture
async def analysing_app(store: Store) -> AsyncIterator[tuple[GlossApp, Pilot[None],
                                                             threading.Event]]:
    """The sample opened while its analysis waits behind a gate the test opens."""
    runner = AnalysisRunner(None, "thread", preload=False)
    gate = threading.Event()
    runner.executor.submit(gate.wait)  # the analysis queues behind this
    app = GlossApp(load_document(None), runner=runner, store=store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            yield app, pilot, gate
    finally:
        gate.set()


def status_text(app: GlossApp) -> str:
    return str(app.reader.status.render())


async def test_line_count_is_the_one_on_screen_after_open_and_after_resize(
    sample_app: AppPilot,
) -> None:
    app, pilot = sample_app
    app.reader.article.move_cursor(0)  # "There's …": not on a highlight
    await pilot.pause()
    rows = len(app.reader.article.rows)
    assert f"Line 1 of {rows}" in status_text(app)
    await pilot.resize_terminal(70, 24)
    for _ in range(200):
        await pilot.pause(0.05)
        if len(app.reader.article.rows) != rows:
            break
    await pilot.pause()
    assert len(app.reader.article.rows) > rows
    assert f"Line 1 of {len(app.reader.article.rows)}" in status_text(app)


async def test_brackets_during_the_analysis_say_it_is_still_running(
    analysing_app: tuple[GlossApp, Pilot[None], threading.Event],
) -> None:
    app, pilot, gate = analysing_app
    await pilot.press("right_square_bracket")
    assert "still running" in status_text(app)
    assert "No dated events" not in status_text(app)
    gate.set()
    await settle(app, pilot)
    await pilot.press("right_square_bracket")
    assert app.reader.document.text[app.reader.article.cursor:].startswith("12/2019")


async def test_an_export_asked_for_during_the_analysis_waits_for_it(
    analysing_app: tuple[GlossApp, Pilot[None], threading.Event],
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    app, pilot, gate = analysing_app
    await pilot.press("ctrl+e")
    assert isinstance(app.screen, ExportDialog)
    await pilot.press("ctrl+s")  # Markdown with its timeline and entity sections
    await pilot.pause()
    assert "waits for the analysis" in status_text(app)
    assert list(tmp_path.glob("*.md")) == []  # nothing partial written
    gate.set()
    await settle(app, pilot)
    (written,) = list(tmp_path.glob("*.md"))
    assert "12/2019" in written.read_text() or "2019" in written.read_text()
    assert "Exported to" in status_text(app)


async def test_selection_and_highlight_counts_agree_with_their_nouns(
    sample_app: AppPilot,
) -> None:
    app, pilot = sample_app
    await pilot.press("v")
    assert "Selected 1 character " in status_text(app) + " "
    assert "characters" not in status_text(app)
    await pilot.press("h")
    assert "Highlighted 1 character as highlight" in status_text(app)


async def test_the_note_under_the_cursor_is_shown_and_on_next_annotation(
    make_app: Callable[..., GlossApp],
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("right_parenthesis", "s", "a", *"Who said this first?")
        await pilot.press("ctrl+s")
        await saved(app, pilot)
        await pilot.press("g")
        assert "Who said this first?" not in status_text(app)
        await pilot.press("greater_than_sign")
        assert "✎ highlight: Who said this first?" in status_text(app)
        await pilot.press("w")  # still inside the passage
        assert "Who said this first?" in status_text(app)
        assert "Who said this first?" in screen_text(app)
