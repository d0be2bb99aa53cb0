"""The look of the app at a fixed size, guarded by SVG snapshots (the README shows one)."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from tests.app.conftest import saved, settle
from tui.app.app import GlossApp


def test_sample_article_with_timeline(
    snap_compare: Callable[..., bool], make_app: Callable[..., GlossApp]
) -> None:
    app = make_app()

    async def ready(pilot: Pilot[None]) -> None:
        await settle(app, pilot)
        await pilot.press("e", "e")

    assert snap_compare(app, terminal_size=(130, 40), run_before=ready)


def test_inline_labels_for_monochrome_terminals(
    snap_compare: Callable[..., bool], make_app: Callable[..., GlossApp]
) -> None:
    app = make_app()

    async def ready(pilot: Pilot[None]) -> None:
        await settle(app, pilot)
        await pilot.press("t", "L")

    assert snap_compare(app, terminal_size=(100, 30), run_before=ready)


def test_narrow_terminal_hides_the_side_panel(
    snap_compare: Callable[..., bool], make_app: Callable[..., GlossApp]
) -> None:
    app = make_app()

    async def ready(pilot: Pilot[None]) -> None:
        await settle(app, pilot)
        await pilot.press("e")

    assert snap_compare(app, terminal_size=(80, 24), run_before=ready)


def test_wide_terminal_gives_the_panel_its_share(
    snap_compare: Callable[..., bool], make_app: Callable[..., GlossApp]
) -> None:
    app = make_app()

    async def ready(pilot: Pilot[None]) -> None:
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(200, 50), run_before=ready)


def test_light_theme(
    snap_compare: Callable[..., bool], make_app: Callable[..., GlossApp]
) -> None:
    app = make_app()

    async def ready(pilot: Pilot[None]) -> None:
        await settle(app, pilot)
        app.theme = "textual-light"
        await pilot.press("e", "e", "e")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(130, 40), run_before=ready)


def test_entity_panel(
    snap_compare: Callable[..., bool], make_app: Callable[..., GlossApp]
) -> None:
    app = make_app()

    async def ready(pilot: Pilot[None]) -> None:
        await settle(app, pilot)
        await pilot.press("c", "j", "j")

    assert snap_compare(app, terminal_size=(130, 40), run_before=ready)


def test_notes_panel_with_a_note_and_the_note_under_the_cursor(
    snap_compare: Callable[..., bool], make_app: Callable[..., GlossApp]
) -> None:
    app = make_app()

    async def ready(pilot: Pilot[None]) -> None:
        await settle(app, pilot)
        await pilot.press("right_parenthesis", "s", "a", *"Who confirmed this?", "tab",
                          *"sources")
        await pilot.press("ctrl+s")
        await saved(app, pilot)
        await pilot.press("right_parenthesis", "right_parenthesis", "s", "3")
        await saved(app, pilot)
        notebook = app.reader.notebook
        assert notebook is not None
        first = notebook.passages()[0].position
        assert first is not None
        app.reader.article.move_cursor(first.start + 4)  # on the note, without a flash
        await pilot.press("apostrophe")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(130, 40), run_before=ready)


def test_selecting_shows_the_highlight_categories(
    snap_compare: Callable[..., bool], make_app: Callable[..., GlossApp]
) -> None:
    app = make_app()

    async def ready(pilot: Pilot[None]) -> None:
        await settle(app, pilot)
        await pilot.press("v", "w", "w", "w")

    assert snap_compare(app, terminal_size=(100, 30), run_before=ready)
