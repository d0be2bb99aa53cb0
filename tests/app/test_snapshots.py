"""The look of the app at a fixed size, guarded by SVG snapshots (the README shows one)."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from tests.app.conftest import settle
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
