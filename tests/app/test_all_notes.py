"""All notes across the library: grouped by article, filtered like the notes panel, and
Enter opens the reader at the note (the real app, real files)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.app.conftest import screen_text
from tests.app.test_library_app import BRIDGE, FERRY, library_app, library_of, until
from tui.app.app import GlossApp
from tui.app.screens.all_notes import AllNotesScreen
from tui.app.screens.library_export import LibraryExportDialog
from tui.app.screens.reader import ReaderScreen
from tui.store.db import Store
from tui.store.library import Library
from tui.store.model import Note

SIZE = (100, 30)


def with_notes(tmp_path: Path, store: Store) -> Library:
    library = library_of(tmp_path, ferry=FERRY, bridge=BRIDGE)
    ids = {a.title: a.id for a in library.articles()}
    ferry, bridge = ids["Ferry service resumes"], ids["Swing bridge closed"]
    start = FERRY.index("sanctions")
    store.save(Note.on_passage(ferry, FERRY, start, start + len("sanctions on the operator"),
                               body="Who imposed them?", tags=("follow-up",)))
    start = BRIDGE.index("long detour")
    store.save(Note.on_passage(bridge, BRIDGE, start, start + len("long detour"),
                               body="Map the detour", category="idea"))
    for doc_id, body in ((bridge, "Ask the council for the report"),
                         ("f" * 64, "A note from before the library")):
        store.save(Note(doc_id=doc_id, quote=None, position=None, target="document", body=body))
    return library


async def open_all_notes(app: GlossApp, pilot: Pilot[None]) -> None:
    await until(app, pilot, lambda: screen_text(app).count("new") >= 2)
    await pilot.press("N")
    await until(app, pilot, lambda: isinstance(app.screen, AllNotesScreen)
                and app.screen.groups != ())


async def test_every_note_grouped_by_article_filtered_and_opened_at_the_note(
    tmp_path: Path, store: Store,
) -> None:
    library = with_notes(tmp_path, store)
    app = library_app(library, store, None)
    async with app.run_test(size=SIZE) as pilot:
        await open_all_notes(app, pilot)
        text = screen_text(app)
        for line in ("Ferry service resumes", "sanctions on the operator", "Who imposed them?",
                     "Swing bridge closed", "Map the detour", "Ask the council",
                     "Not in the library", "4 notes in 3 articles"):
            assert line in text, line
        await pilot.press("slash", *"tag:follow", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Who imposed them?" in text and "Map the detour" not in text
        assert "1 of 4 notes in 1 article" in text
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.reader.article.cursor == FERRY.index("sanctions")
        await pilot.press("escape")
        await until(app, pilot, lambda: isinstance(app.screen, AllNotesScreen))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, AllNotesScreen)
    library.close()


async def test_a_note_whose_article_is_not_in_the_library_says_so(
    tmp_path: Path, store: Store,
) -> None:
    library = with_notes(tmp_path, store)
    notices: list[str] = []

    class Recording(GlossApp):
        def notify(self, message: str, **kwargs: Any) -> None:
            notices.append(message)
            super().notify(message, **kwargs)

    app = Recording(None, store=store, library=library)
    async with app.run_test(size=SIZE) as pilot:
        await open_all_notes(app, pilot)
        listing = app.screen.query_one("#all-notes-list", OptionList)
        listing.highlighted = listing.option_count - 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AllNotesScreen)
        assert any("not in the library" in notice for notice in notices)
    library.close()


def test_all_notes_snapshot(snap_compare: Callable[..., bool], tmp_path: Path,
                            store: Store) -> None:
    library = with_notes(tmp_path, store)
    app = library_app(library, store, None)

    async def show(pilot: Pilot[None]) -> None:
        await open_all_notes(app, pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=show)
    library.close()


async def test_ctrl_e_in_the_library_exports_every_article_to_a_folder(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch,
) -> None:
    library = with_notes(tmp_path, store)
    monkeypatch.chdir(tmp_path)  # the dialog offers a folder in the working directory
    app = library_app(library, store, None)
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: screen_text(app).count("new") >= 2)
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert "Export the library" in screen_text(app)
        await pilot.press("enter")
        vault = tmp_path / "gloss-library"
        await until(app, pilot, lambda: vault.is_dir() and len(list(vault.iterdir())) == 2)
        ferry = (vault / "ferry-service-resumes-notes.md").read_text(encoding="utf-8")
        assert "Who imposed them?" in ferry
        # Again: the folder holds files, so the first enter only warns
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryExportDialog)
        assert "will be replaced" in screen_text(app)
        await pilot.press("escape")
    library.close()
