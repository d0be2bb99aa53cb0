"""Drive the real app: the real article, the real pipeline (in a thread), a tmp TinyDB."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.app.app import GlossApp
from tui.app.runner import AnalysisRunner
from tui.document.load import load_document
from tui.document.model import Document
from tui.store.db import Store

SIZE = (120, 40)


@pytest.fixture(autouse=True)
def _no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTUAL_CURSOR_BLINK", "0")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "notes.json")


@pytest.fixture
def make_app(nlp: object, store: Store) -> Callable[..., GlossApp]:
    """A GlossApp on the sample article (or ``document``) with analysis in a thread."""

    def make(document: Document | None = None, **kwargs: object) -> GlossApp:
        doc = document or load_document(None)
        runner = AnalysisRunner(None, "thread", preload=False)
        return GlossApp(doc, runner=runner, store=store, **kwargs)  # type: ignore[arg-type]

    return make


async def settle(app: GlossApp, pilot: Pilot[None]) -> None:
    """Wait until the analysis has finished, well or not (it starts after the first paint)."""
    for _ in range(600):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not app.reader.status.progress:
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def saved(app: GlossApp, pilot: Pilot[None]) -> None:
    """Wait until the store has every change (the reader writes off the UI thread)."""
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.fixture
async def sample_app(
    make_app: Callable[..., GlossApp],
) -> AsyncIterator[tuple[GlossApp, Pilot[None]]]:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        yield app, pilot


def screen_text(app: GlossApp) -> str:
    """The screen as plain text, one line per terminal row (read from the SVG export)."""
    import html
    import re

    rows: dict[int, list[str]] = {}
    for match in re.finditer(r'<text [^>]*clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>(.*?)</text>',
                             app.export_screenshot()):
        rows.setdefault(int(match[1]), []).append(html.unescape(match[2]).replace("\xa0", " "))
    return "\n".join("".join(rows[r]) for r in sorted(rows))
