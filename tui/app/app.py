"""The Gloss app: start-up, the analysis lifecycle, the theme and the store.

Reading happens in ``ReaderScreen``, pushed at start-up (a library screen can push it too).
The app answers a reader's ``AnalysisWanted`` by running the analysis off the UI thread and
calling the reader back with progress, the result, or why there is none.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from concurrent.futures import BrokenExecutor, CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, SystemCommand
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import get_current_worker

from tui.analysis.cache_key import key_for
from tui.analysis.model import Analysis
from tui.app.commands import binding_commands
from tui.app.dialogs import plain
from tui.app.highlights import highlights_for
from tui.app.runner import AnalysisRunner
from tui.app.screens.entity_page import EntityPageScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.screens.story import StoryScreen
from tui.app.store_writer import STORE_ERRORS
from tui.app.stories import Stories
from tui.app.story_messages import EntityPageWanted, OpenArticleAt, StoryWanted
from tui.document.model import Document
from tui.resources import styles_dir

if TYPE_CHECKING:
    from tui.store.db import Store

PROGRESS_INTERVAL = 0.2  # seconds between progress updates while analysing
APP_SETTINGS = "gloss:app"  # settings key for choices that are not about one document
BROKEN = "the analysis process stopped unexpectedly"


class GlossApp(App[None]):
    """Read one article with its entities, dates and timeline."""

    TITLE = "Gloss"
    CSS_PATH: ClassVar[Any] = [Path(styles_dir()) / "gloss.tcss",
                               Path(styles_dir()) / "dialogs.tcss"]

    def __init__(self, document: Document, *, runner: AnalysisRunner | None = None,
                 analysis: Analysis | None = None, store: Store | None = None,
                 model: str | None = None, dct_flag: str | None = None,
                 date_order_flag: str | None = None,
                 settings: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.document = document
        self.runner = runner
        self.store = store
        self.model = model
        self.dct_flag = dct_flag
        self.date_order_flag = date_order_flag
        self.reader = ReaderScreen(document, store=store, analysis=analysis,
                                   settings=settings)
        self._unsaved_cache: tuple[str, str, dict[str, Any]] | None = None
        self.stories = Stories(store, model) if store is not None else None

    def on_mount(self) -> None:
        self._restore_theme()
        if self.store is not None and self.store.recovered_from is not None:
            self.call_after_refresh(
                self.notify, plain(f"The notes database was unreadable and was moved to "
                                   f"{self.store.recovered_from}; a new one was started."),
                title="Notes database", severity="warning", timeout=30, markup=False)
        self.push_screen(self.reader)

    # ------------------------------------------------------------------ theme
    def _restore_theme(self) -> None:
        """The theme chosen in the palette last time, kept in the store's app settings."""
        if self.store is None:
            return
        try:
            saved = self.store.settings(APP_SETTINGS).get("theme")
        except STORE_ERRORS:
            saved = None  # the default theme will do; the store's trouble shows elsewhere
        if saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        store = self.store
        if store is None:
            return

        def keep() -> None:  # off the UI thread: the notes file may be locked for a while
            try:
                store.update_settings(APP_SETTINGS, theme=theme.name)
            except STORE_ERRORS as error:
                self.call_from_thread(
                    self.notify, plain(f"The theme is not kept for next time: {error}"),
                    title="Notes file", severity="warning", markup=False)

        self.run_worker(keep, thread=True, group="settings", exit_on_error=False,
                        description="Keeping the theme")

    # --------------------------------------------------------------- analysis
    @on(ReaderScreen.AnalysisWanted)
    def _analysis_wanted(self, message: ReaderScreen.AnalysisWanted) -> None:
        reader = message.reader
        runner = self._runner(first=message.initial)
        if runner is None:  # opened without a runner: analysis was turned off
            reader.analysis_off()
            return
        args = (message.document, self.dct_flag, self.date_order_flag, message.settings)
        try:
            future = runner.submit(*args)
        except (BrokenExecutor, RuntimeError):  # it died while idle: start afresh
            runner.broken = True
            runner = self._runner(first=False)
            assert runner is not None
            future = runner.submit(*args)
        self._await_analysis(reader, message.document, message.settings, future)

    def _runner(self, *, first: bool) -> AnalysisRunner | None:
        """The runner to submit to: a broken one is replaced (by a thread: a process cannot
        be started inside a running app, textual#3593); none at first means analysis is off."""
        if self.runner is not None and self.runner.broken:
            self.runner.shutdown()
            self.runner = None
        if self.runner is None and not first:
            self.runner = AnalysisRunner(self.model, "thread", preload=False)
        return self.runner

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis",
          description="Waiting for the analysis")
    def _await_analysis(self, reader: ReaderScreen, document: Document,
                        settings: dict[str, Any], future: Future[dict[str, Any]]) -> None:
        """Waits in a thread (no GIL held while blocked), relaying progress to the reader.

        Parsing the results and indexing their highlights happen here too, so the UI thread
        only swaps in what is ready.
        """
        runner = self.runner
        assert runner is not None
        worker = get_current_worker()
        while not worker.is_cancelled:
            try:
                result = future.result(timeout=PROGRESS_INTERVAL)
            except FutureTimeout:
                if updates := runner.progress_updates():
                    done, total = updates[-1][0], updates[-1][1]
                    chunks = [Analysis.from_json(data) for _, _, data in updates]
                    ready = [(highlights_for(c), c.sentences) for c in chunks]
                    self.call_from_thread(reader.analysis_progress, done, total, ready)
                continue
            except (BrokenExecutor, CancelledError):
                if not runner.closed:  # not us stopping it on quit: it died
                    runner.broken = True
                    self.call_from_thread(reader.analysis_failed, BROKEN, retry=True)
                return
            if "error" in result:
                self.call_from_thread(reader.analysis_failed, str(result["error"]))
                return
            analysis = Analysis.from_json(result)
            self.call_from_thread(reader.apply_analysis, analysis, highlights_for(analysis))
            key = key_for(self.model, self.dct_flag, self.date_order_flag, settings)
            if key is not None:
                self._unsaved_cache = (document.id, key, result)
                self._write_cache()  # still off the UI thread: megabytes of JSON for a book
            return

    def _write_cache(self) -> None:
        """Cache the analysis so the next open shows highlights in its first frame."""
        if self._unsaved_cache is None or self.store is None:
            return
        doc_id, key, result = self._unsaved_cache
        self._unsaved_cache = None
        with contextlib.suppress(*STORE_ERRORS):  # only a cache: the next open analyses again
            self.store.cache_analysis(doc_id, key, result)

    # ---------------------------------------------------------------- stories
    @on(EntityPageWanted)
    @on(StoryWanted)
    @on(OpenArticleAt)
    def _story_screen(self, message: EntityPageWanted | StoryWanted | OpenArticleAt) -> None:
        """Push the entity page, story or reader a story message asks for."""
        if self.stories is None:
            self.notify("Stories need the notes database and library", severity="warning")
            return
        try:
            if isinstance(message, EntityPageWanted):
                screen: Screen[Any] | str = self.stories.entity_page(message)
            elif isinstance(message, StoryWanted):
                screen = self.stories.story(message)
            else:
                screen = self.stories.reader(message)
        except STORE_ERRORS as error:
            self.notify(plain(str(error)), severity="error", markup=False)
            return
        if isinstance(screen, str):
            self.notify(screen, markup=False)
            return
        self.push_screen(screen)
        if isinstance(message, OpenArticleAt) and isinstance(screen, ReaderScreen):
            reader, offset = screen, message.offset
            self.call_after_refresh(reader.go_to, offset)

    # -------------------------------------------------------------- commands
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ReaderScreen):
            for node, bindings in screen.binding_sources():
                yield from binding_commands(node, bindings)
        elif isinstance(screen, EntityPageScreen | StoryScreen):
            yield from binding_commands(screen, screen.BINDINGS)
        if self.stories is not None:
            yield SystemCommand("Story timeline of the whole library",
                                "Every analysed article's events, merged",
                                lambda: self.post_message(StoryWanted(None, "the library")))

    def on_unmount(self) -> None:
        if self.runner is not None:
            self.runner.shutdown()
        self._write_cache()  # quit right after the highlights came
