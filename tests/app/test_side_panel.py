"""The side panel: vim keys in its lists, a width that follows the terminal, note counts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.app.conftest import saved, screen_text, settle
from tui.app.app import GlossApp
from tui.app.widgets.side_panel import MIN_WIDTH, panel_width


async def test_j_k_g_G_move_in_the_timeline_and_entity_lists(
    make_app: Callable[..., GlossApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        side = app.reader.side
        await pilot.press("t", "t")  # hide, then show focused
        assert side.timeline.selected_entry == 0
        await pilot.press("j", "j")
        assert side.timeline.selected_entry == 2
        await pilot.press("G")
        last = side.timeline.selected_entry
        assert app.reader.analysis is not None
        assert last == len(app.reader.analysis.timeline) - 1
        await pilot.press("k")
        assert side.timeline.selected_entry == last - 1
        await pilot.press("g")
        assert side.timeline.selected_entry == 0
        await pilot.press("c", "j")
        cluster = side.entities.selected_cluster
        await pilot.press("j")
        assert side.entities.selected_cluster not in (None, cluster)


@pytest.mark.parametrize(("terminal", "expected"), [(80, 30), (120, 42), (200, 70), (400, 140)])
def test_the_panel_takes_a_share_of_the_terminal_within_bounds(
    terminal: int, expected: int,
) -> None:
    assert panel_width(terminal, 0.35) == max(MIN_WIDTH, expected)


async def test_the_panel_follows_the_terminal_and_ctrl_arrows_resize_it(
    make_app: Callable[..., GlossApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        side = app.reader.side
        assert side.outer_size.width == 70
        await pilot.press("ctrl+left")
        await pilot.pause()
        assert side.outer_size.width == 80
        assert "Side panel 80 columns" in screen_text(app)
        await pilot.press("ctrl+right", "ctrl+right")
        await pilot.pause()
        assert side.outer_size.width == 60
        await pilot.resize_terminal(150, 40)
        await pilot.pause()
        assert side.outer_size.width == panel_width(150, side.share)


async def test_a_note_on_a_timeline_entry_is_counted_in_the_timeline(
    make_app: Callable[..., GlossApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(app, pilot)
        assert "✎1" not in screen_text(app)
        await pilot.press("t", "t", "j", "a", *"check this date")
        await pilot.press("ctrl+s")
        await saved(app, pilot)
        assert "✎1" in screen_text(app)
