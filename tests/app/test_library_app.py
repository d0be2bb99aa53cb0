"""The real app opened on the library: open an article from it, come back, add and analyse."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from tests.app.conftest import screen_text
from tui.analysis.cache_key import key_for, usable_analysis
from tui.app.app import GlossApp
from tui.app.runner import AnalysisRunner
from tui.app.screens.library import LibraryScreen
from tui.app.screens.reader import ReaderScreen
from tui.document.load import load_document
from tui.store.db import Store
from tui.store.library import Library

SIZE = (110, 30)
FERRY = ("Ferry service resumes\n\nThe ferry to Alder Island resumed on Wednesday after "
         "storm damage.\n\nOfficials said sanctions on the operator were lifted on Tuesday.\n")
BRIDGE = ("Swing bridge closed\n\nEngineers closed the swing bridge over the estuary on "
          "Monday.\n\nDrivers face a long detour until repairs end in March.\n")


def library_of(tmp_path: Path, **texts: str) -> Library:
    library = Library.open(tmp_path / "notes.json")
    for name, text in texts.items():
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        library.add(load_document(path))
    return library


def library_app(library: Library, store: Store, runner: AnalysisRunner | None) -> GlossApp:
    return GlossApp(None, runner=runner, store=store, library=library)


async def until(app: GlossApp, pilot: Pilot[None], done: Callable[[], bool]) -> None:
    """Let workers and messages run until ``done()`` (a bounded number of rounds)."""
    for _ in range(600):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("the app never got there")


async def test_search_opens_the_reader_at_the_hit_and_esc_comes_back_keeping_the_place(
    tmp_path: Path, store: Store, nlp: object,
) -> None:
    library = library_of(tmp_path, ferry=FERRY, bridge=BRIDGE)
    ferry = next(a for a in library.articles() if a.title == "Ferry service resumes")
    app = library_app(library, store, AnalysisRunner(None, "thread", preload=False))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("slash", *"sanctions", "enter")
        await until(app, pilot, lambda: "1 hit" in screen_text(app))
        await pilot.press("enter")
        await until(app, pilot, lambda: isinstance(app.screen, ReaderScreen)
                    and app.reader.analysis is not None)
        reader = app.reader
        assert reader.document.id == ferry.id
        assert reader.article.cursor == FERRY.index("sanctions")
        assert "Library" in screen_text(app)  # the footer offers the way back on q
        await pilot.press("escape")
        await until(app, pilot, lambda: isinstance(app.screen, LibraryScreen))
        kept = library.get(ferry.id)
        assert kept is not None
        assert kept.position == FERRY.index("sanctions")
        assert kept.read  # the whole article was on screen
        await until(app, pilot, lambda: "1 article · 0 unread" in screen_text(app))
        # q goes back too; in the library, q quits
        await pilot.press("escape", "down", "enter")
        await until(app, pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("q")
        await until(app, pilot, lambda: isinstance(app.screen, LibraryScreen))
        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    library.close()


async def test_added_articles_are_analysed_in_the_background_and_open_highlighted(
    tmp_path: Path, store: Store, nlp: object,
) -> None:
    library = library_of(tmp_path, ferry=FERRY)
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    app = library_app(library, store, AnalysisRunner(None, "thread", preload=False))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: isinstance(app.screen, LibraryScreen))
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*str(folder), "enter")
        bridge = load_document(folder / "bridge.txt")

        def analysed() -> bool:
            article = library.get(bridge.id)
            return article is not None and article.analysed

        await until(app, pilot, analysed)
        key = key_for(None, None, None, store.settings(bridge.id))
        assert key is not None
        cached = usable_analysis(store.cached_analysis(bridge.id, key))
        assert cached is not None and cached.doc_id == bridge.id
        article = library.get(bridge.id)
        assert article is not None and "Monday" in article.entities  # for entity: filters
        await until(app, pilot, lambda: "analysing" not in screen_text(app))
        # Opened now, the reader shows the cached analysis at once: it asks for none.
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        screen.post_message(LibraryScreen.OpenArticle(bridge.id, 0))
        await until(app, pilot, lambda: isinstance(app.screen, ReaderScreen))
        assert app.reader.analysis is not None
        assert not app.reader.analysing
    library.close()


async def test_help_and_palette_list_the_library_keys(tmp_path: Path, store: Store) -> None:
    library = library_of(tmp_path, ferry=FERRY)
    app = library_app(library, store, None)
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: isinstance(app.screen, LibraryScreen))
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Mark read / unread" in commands and "Remove from library" in commands
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        assert "Mark read / unread" in text and "Open the article" in text
    library.close()


async def test_gloss_path_keeps_the_article_and_its_place_in_the_library(
    tmp_path: Path, store: Store,
) -> None:
    path = tmp_path / "bridge.txt"
    path.write_text(BRIDGE, encoding="utf-8")
    document = load_document(path)
    library = Library.open(tmp_path / "notes.json")
    library.add(document)
    app = GlossApp(document, store=store, library=library)
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: isinstance(app.screen, ReaderScreen))
        await pilot.press("escape")  # nothing beneath: esc does not close the reader
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert "Quit" in screen_text(app)
        app.reader.article.move_cursor(BRIDGE.index("Drivers"))
        await pilot.press("q")
        await pilot.pause()
    kept = library.get(document.id)
    assert kept is not None and kept.position == BRIDGE.index("Drivers")
    library.close()
