"""The Gloss app: start-up, the analysis lifecycle, the theme and the store.

Reading happens in ``ReaderScreen``, pushed at start-up for ``gloss PATH``; ``gloss`` alone
starts on the ``LibraryScreen``, which asks the app to open an article (a reader on its
snapshot, with a cached analysis when there is one) and to analyse what was added to it. The
app answers a reader's ``AnalysisWanted`` by running the analysis off the UI thread and
calling the reader back with progress, the result, or why there is none.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
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
from tui.app.screens.library import LibraryScreen
from tui.app.screens.reader import ReaderScreen
from tui.app.screens.story import StoryScreen
from tui.app.store_writer import STORE_ERRORS
from tui.app.stories import Stories
from tui.app.story_messages import EntityPageWanted, OpenArticleAt, StoryWanted
from tui.document.model import Document
from tui.errors import GlossError
from tui.resources import styles_dir

if TYPE_CHECKING:
    from tui.store.db import Store
    from tui.store.library import Library

PROGRESS_INTERVAL = 0.2  # seconds between progress updates while analysing
APP_SETTINGS = "gloss:app"  # settings key for choices that are not about one document
BROKEN = "the analysis process stopped unexpectedly"


class GlossApp(App[None]):
    """Read one article with its entities, dates and timeline."""

    TITLE = "Gloss"
    CSS_PATH: ClassVar[Any] = [Path(styles_dir()) / "gloss.tcss",
                               Path(styles_dir()) / "dialogs.tcss"]

    reader: ReaderScreen  # the reader opened last (at start-up, or from the library)

    def __init__(self, document: Document | None, *, runner: AnalysisRunner | None = None,
                 analysis: Analysis | None = None, store: Store | None = None,
                 model: str | None = None, dct_flag: str | None = None,
                 date_order_flag: str | None = None,
                 settings: dict[str, Any] | None = None,
                 library: Library | None = None) -> None:
        """``document`` opens the reader on it; None (with a ``library``) the library."""
        super().__init__()
        self.document = document
        self.runner = runner
        self.store = store
        self.library = library
        self.model = model
        self.dct_flag = dct_flag
        self.date_order_flag = date_order_flag
        self.library_screen: LibraryScreen | None = None
        self._reading: ReaderScreen | None = None  # open, its place not yet kept
        if document is not None:
            self.reader = self._reading = ReaderScreen(document, store=store,
                                                       analysis=analysis, settings=settings)
        elif library is not None:
            self.library_screen = LibraryScreen(library, store)
        else:
            raise ValueError("GlossApp needs a document or a library")
        self._unsaved_cache: tuple[str, str, dict[str, Any]] | None = None
        self.stories = Stories(store, model) if store is not None else None

    def on_mount(self) -> None:
        self._restore_theme()
        if self.store is not None:
            if self.store.notice is not None:  # a recovery at open or in an earlier session
                self.call_after_refresh(self._store_notice, self.store.notice)
            self.store.on_notice = self._store_notice_from_any_thread
        if self.library_screen is not None:
            self.push_screen(self.library_screen)
        else:
            self.push_screen(self.reader)

    # ------------------------------------------------------------------ store
    def _store_notice_from_any_thread(self, line: str) -> None:
        """The store set a damaged file aside mid-session (often in a writer thread)."""
        try:
            self.call_from_thread(self._store_notice, line)
        except RuntimeError:  # already on the UI thread
            self._store_notice(line)

    def _store_notice(self, line: str) -> None:
        """Say at once what happened to the notes file and where the copy is; re-read."""
        self.notify(plain(line), title="Notes database", severity="warning", timeout=30,
                    markup=False)
        if self._reading is not None:
            self._reading.reload_notes()

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
                    self._tell(reader, reader.analysis_progress, done, total, ready)
                continue
            except (BrokenExecutor, CancelledError):
                if not runner.closed:  # not us stopping it on quit: it died
                    runner.broken = True
                    self._tell(reader, reader.analysis_failed, BROKEN, retry=True)
                return
            if "error" in result:
                self._tell(reader, reader.analysis_failed, str(result["error"]))
                return
            analysis = Analysis.from_json(result)
            self._tell(reader, reader.apply_analysis, analysis, highlights_for(analysis))
            key = key_for(self.model, self.dct_flag, self.date_order_flag, settings)
            if key is not None:
                self._unsaved_cache = (document.id, key, result)
                self._write_cache()  # still off the UI thread: megabytes of JSON for a book
            return

    def _tell(self, reader: ReaderScreen, method: Callable[..., None], *args: Any,
              **kwargs: Any) -> None:
        """Call the reader on the UI thread, unless it was closed meanwhile (back to the
        library): its analysis is still cached, for the next open."""
        def call() -> None:
            if reader.is_attached:
                method(*args, **kwargs)

        self.call_from_thread(call)

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

    # ---------------------------------------------------------------- library
    @on(LibraryScreen.OpenArticle)
    def _open_article(self, message: LibraryScreen.OpenArticle) -> None:
        self._load_article(message.doc_id, message.offset)

    @work(thread=True, exclusive=True, exit_on_error=False, group="open-article",
          description="Opening the article")
    def _load_article(self, doc_id: str, offset: int) -> None:
        """The snapshot, its settings and a cached analysis, read off the UI thread."""
        from tui.app.run import cached

        assert self.library is not None
        document = self.library.document(doc_id)
        if document is None:
            self.call_from_thread(
                self.notify, "The library's copy of this article is missing or damaged.",
                title="Library", severity="error", markup=False)
            return
        settings: dict[str, Any] = {}
        analysis = None
        if self.store is not None:
            with contextlib.suppress(*STORE_ERRORS):  # the reader reports a store in trouble
                settings = self.store.settings(doc_id)
                key = key_for(self.model, self.dct_flag, self.date_order_flag, settings)
                analysis = cached(self.store, document, key)
        self.call_from_thread(self._show_reader, document, analysis, settings, offset)

    def _show_reader(self, document: Document, analysis: Analysis | None,
                     settings: dict[str, Any], offset: int) -> None:
        reader = ReaderScreen(document, store=self.store, analysis=analysis,
                              settings=settings, start=offset, back=True)
        self.reader = self._reading = reader
        self.push_screen(reader, lambda _: self._reader_closed(reader))

    def _reader_closed(self, reader: ReaderScreen) -> None:
        """Back in the library: keep the reading position and read state, then re-list."""
        library, screen = self.library, self.library_screen
        self._reading = None
        if library is None:
            return
        doc_id = reader.document.id
        offset, finished = reader.reading_place()

        def keep() -> None:
            try:
                library.set_position(doc_id, offset)
                if finished:
                    library.mark_read(doc_id)
            except GlossError as error:
                self.call_from_thread(self.notify, plain(f"The reading position is not kept: "
                                                         f"{error}"), title="Library",
                                      severity="warning", markup=False)
            if screen is not None:
                self.call_from_thread(screen.refresh_listing)

        self.run_worker(keep, thread=True, group="library-write", exit_on_error=False,
                        description="Keeping the reading position")

    @on(LibraryScreen.ArticlesAdded)
    def _articles_added(self, message: LibraryScreen.ArticlesAdded) -> None:
        if self._runner(first=True) is not None and self.store is not None:
            self._analyse_added(message.doc_ids)

    @work(thread=True, exit_on_error=False, group="library-analysis",
          description="Analysing the added articles")
    def _analyse_added(self, doc_ids: tuple[str, ...]) -> None:
        """Analyse, cache (under the reader's key) and mark each added article, one at a
        time on the app's runner, so a reader opened meanwhile waits behind one at most."""
        from tui.library.analyse import entity_names, jobs

        library, store, screen = self.library, self.store, self.library_screen
        assert library is not None and store is not None and screen is not None
        documents = {d.id: d for d in map(library.document, doc_ids) if d is not None}
        todo, possible = jobs(list(documents.values()), store, library, self.model,
                              self.dct_flag, self.date_order_flag)
        if not possible:
            self.call_from_thread(self.notify, "No spaCy pipeline is installed: added "
                                  "articles are not analysed.", title="Analysis",
                                  severity="warning", markup=False)
            return
        failed = 0
        for done, job in enumerate(todo):
            self.call_from_thread(screen.show_analysis, done, len(todo), failed)
            runner = self._runner(first=True)
            if runner is None or runner.broken:
                break
            try:
                result = runner.submit(documents[job.doc_id], self.dct_flag,
                                       self.date_order_flag, job.settings,
                                       background=True).result()
            except (BrokenExecutor, CancelledError, RuntimeError):
                if not runner.closed:
                    runner.broken = True
                failed = len(todo) - done
                break
            if "error" in result:
                failed += 1
                continue
            with contextlib.suppress(*STORE_ERRORS, GlossError):  # a cache and a mark only
                store.cache_analysis(job.doc_id, job.key, result)
                library.set_analysed(job.doc_id, entity_names(result))
        self.call_from_thread(screen.show_analysis, len(todo), len(todo), failed)
        self.call_from_thread(screen.refresh_listing)

    # -------------------------------------------------------------- commands
    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        if isinstance(screen, ReaderScreen | LibraryScreen):
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
        if self.library is not None and self._reading is not None:  # quit while reading
            offset, finished = self._reading.reading_place()
            with contextlib.suppress(GlossError):  # only a bookmark
                self.library.set_position(self._reading.document.id, offset)
                if finished:
                    self.library.mark_read(self._reading.document.id)
        self._write_cache()  # quit right after the highlights came
