"""The Gloss app: article in the middle, legend and status below, panels at the side."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from concurrent.futures import BrokenExecutor, CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, TabbedContent, TabPane
from textual.worker import get_current_worker

from tui.analysis.cache_key import key_for
from tui.analysis.model import Analysis
from tui.app.annotating import Annotating
from tui.app.commands import binding_commands
from tui.app.dialogs import Dialogs
from tui.app.highlights import (
    CATEGORIES,
    CATEGORY_NAMES,
    HIDDEN_BY_DEFAULT,
    Highlight,
    category_counts,
    highlights_for,
)
from tui.app.notebook import NoteBook
from tui.app.runner import AnalysisRunner
from tui.app.screens.help import HelpScreen
from tui.app.status import describe_position, timeline_labels
from tui.app.widgets.article_header import ArticleHeader
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.entity_panel import EntityPanel
from tui.app.widgets.legend import Legend
from tui.app.widgets.notes_panel import NotesPanel
from tui.app.widgets.search_bar import SearchBar
from tui.app.widgets.status_line import StatusLine
from tui.app.widgets.timeline_panel import TimelinePanel
from tui.document.model import Document
from tui.resources import styles_dir
from tui.store.model import CATEGORIES as NOTE_CATEGORIES

PROGRESS_INTERVAL = 0.2  # seconds between progress updates while analysing
NARROW = 100  # below this many columns the side panel starts hidden
APP_SETTINGS = "gloss:app"  # settings key for choices that are not about one document


class GlossApp(Annotating, Dialogs):
    """Read one article with its entities, dates and timeline."""

    TITLE = "Gloss"
    CSS_PATH: ClassVar[Any] = [Path(styles_dir()) / "gloss.tcss",
                               Path(styles_dir()) / "dialogs.tcss"]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark,f1", "help", "Help"),
        Binding("slash", "search", "Search"),
        Binding("n", "search_next(1)", "Next match", show=False),
        Binding("N", "search_next(-1)", "Previous match", show=False),
        Binding("t", "toggle_panel('timeline')", "Timeline"),
        Binding("c", "toggle_panel('entities')", "Entities"),
        Binding("apostrophe", "show_notes", "Notes"),
        Binding("a", "annotate", "Annotate"),
        Binding("A", "annotate_document", "Note on the whole article", show=False),
        Binding("R", "resume_draft", "Resume a note draft", show=False),
        Binding("D", "change_date", "Publication date / date order", show=False),
        Binding("ctrl+e", "export", "Export"),
        Binding("right_square_bracket", "step_time(1)", "Later in time", show=False),
        Binding("left_square_bracket", "step_time(-1)", "Earlier in time", show=False),
        Binding("T", "jump_to_entry", "Date under cursor in timeline", show=False),
        Binding("h", "highlight", "Highlight selection", show=False),
        Binding("greater_than_sign", "next_note(1)", "Next annotation", show=False),
        Binding("less_than_sign", "next_note(-1)", "Previous annotation", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("ctrl+r", "redo", "Redo", show=False),
        *(Binding(str(i), f"number({i})", f"Show/hide {name} (with a selection: "
                  f"highlight as {NOTE_CATEGORIES[i - 1]})", show=False)
          for i, (_, name, _) in enumerate(CATEGORIES, start=1)),
        Binding("8", "number(8)", f"With a selection: highlight as {NOTE_CATEGORIES[7]}",
                show=False),
    ]

    def __init__(self, document: Document, *, runner: AnalysisRunner | None = None,
                 analysis: Analysis | None = None, store: Any = None,
                 model: str | None = None, dct_flag: str | None = None,
                 date_order_flag: str | None = None,
                 settings: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.document = document
        self.runner = runner
        self.analysis = analysis
        self.store = store
        self.model = model
        self.dct_flag = dct_flag
        self.date_order_flag = date_order_flag
        self.settings: dict[str, Any] = dict(settings or {})
        self.hidden: set[str] = set(self.settings.get("hidden", HIDDEN_BY_DEFAULT))
        self.search_hits: list[tuple[int, int]] = []
        self.notebook: NoteBook | None = NoteBook(store, document) if store is not None else None
        self._time_order: list[tuple[int, int]] = []  # timeline mentions, chronological
        self._partial_counts: Counter[str] = Counter()  # highlights of chunks analysed so far
        self._timeline_labels: dict[int, str] = {}
        self._unsaved_cache: dict[str, Any] | None = None

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="reader"):
                yield ArticleHeader(self.document.meta, id="header")
                yield ArticleView(self.document, id="article")
            with TabbedContent(id="side", initial="timeline-tab"):
                with TabPane("Timeline", id="timeline-tab"):
                    yield TimelinePanel(id="timeline")
                with TabPane("Entities", id="entities-tab"):
                    yield EntityPanel(id="entities")
                with TabPane("Notes", id="notes-tab"):
                    yield NotesPanel(id="notes")
        yield Legend(id="legend")
        yield SearchBar(id="search")
        yield StatusLine(id="status")
        yield Footer()

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def on_mount(self) -> None:
        self._restore_theme()
        if self.store is not None and self.store.recovered_from is not None:
            self.call_after_refresh(
                self.notify, f"The notes database was unreadable and was moved to "
                f"{self.store.recovered_from}; a new one was started.", title="Notes database",
                severity="warning", timeout=30)
        if self.no_color:
            self.article.show_labels = True
        if self.size.width < NARROW:
            self.query_one("#side").display = False  # the article needs the room; t shows it
        self.article.set_hidden(self.hidden)
        self.query_one(Legend).update_counts({}, self.hidden)
        self.article.focus()
        if self.notebook is not None:
            self.notebook.on_change = self._notes_changed
            self.notebook.load()
            self._notes_changed()
            self.call_after_refresh(self.offer_drafts)
        if self.analysis is not None:
            self.apply_analysis(self.analysis)
        elif self.runner is not None:
            self.status.progress = "Analysing…"
            self.call_after_refresh(self.start_analysis)
        else:
            self.status.notice("Analysis is off")

    def _restore_theme(self) -> None:
        """The theme chosen in the palette last time, kept in the store's app settings."""
        if self.store is None:
            return
        saved = self.store.settings(APP_SETTINGS).get("theme")
        if saved in self.available_themes:
            self.theme = saved
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Any) -> None:
        if self.store is not None:
            self.store.update_settings(APP_SETTINGS, theme=theme.name)

    # ---------------------------------------------------------------- analysis
    def start_analysis(self) -> None:
        assert self.runner is not None
        self._partial_counts = Counter()
        future = self.runner.submit(self.document, self.dct_flag, self.date_order_flag,
                                    self.settings)
        self._await_analysis(future)

    @work(thread=True, exclusive=True, exit_on_error=False, group="analysis",
          description="Waiting for the analysis")
    def _await_analysis(self, future: Future[dict[str, Any]]) -> None:
        """Waits in a thread (no GIL held while blocked), relaying progress to the UI.

        Parsing the results and indexing their highlights happen here too, so the UI thread
        only swaps in what is ready.
        """
        assert self.runner is not None
        worker = get_current_worker()
        while not worker.is_cancelled:
            try:
                result = future.result(timeout=PROGRESS_INTERVAL)
            except FutureTimeout:
                if updates := self.runner.progress_updates():
                    done, total = updates[-1][0], updates[-1][1]
                    chunks = [Analysis.from_json(data) for _, _, data in updates]
                    ready = [(highlights_for(c), c.sentences) for c in chunks]
                    self.call_from_thread(self._analysis_progress, done, total, ready)
                continue
            except (BrokenExecutor, CancelledError):
                return  # the app is closing and stopped the analysis process
            if "error" in result:
                self.call_from_thread(self._analysis_failed, str(result["error"]))
                return
            analysis = Analysis.from_json(result)
            self.call_from_thread(self.apply_analysis, analysis, highlights_for(analysis))
            self._unsaved_cache = result
            self._write_cache(result)  # still off the UI thread: megabytes of JSON for a book
            return

    def _analysis_progress(self, done: int, total: int,
                           chunks: list[tuple[list[Highlight], tuple[tuple[int, int], ...]]],
                           ) -> None:
        """Highlight each analysed chunk as it arrives; the final analysis replaces them.

        Only the new chunks are indexed and only their rows redrawn, so a book's hundred
        chunks cost no more in total than one whole-document update.
        """
        self.status.progress = f"Analysing… {100 * done // max(1, total)}%"
        for spans, sentences in chunks:
            self._partial_counts.update(category_counts(spans))
            self.article.add_highlights(spans, sentences)
        self.query_one(Legend).update_counts(self._partial_counts, self.hidden)

    def _analysis_failed(self, error: str) -> None:
        self.status.progress = ""
        self.status.notice(f"Text only: {error}")

    def _write_cache(self, result: dict[str, Any]) -> None:
        """Cache the analysis so the next open shows highlights in its first frame."""
        key = key_for(self.model, self.dct_flag, self.date_order_flag, self.settings)
        if self.store is not None and key is not None:
            self.store.cache_analysis(self.document.id, key, result)
        self._unsaved_cache = None

    def apply_analysis(self, analysis: Analysis, spans: list[Highlight] | None = None) -> None:
        self.status.progress = ""
        self.analysis = analysis
        spans = highlights_for(analysis) if spans is None else spans
        self.article.set_highlights(spans, analysis.sentences,
                                    [e.cluster for e in analysis.entities])
        self.query_one(Legend).update_counts(category_counts(spans), self.hidden)
        self.query_one(TimelinePanel).show(analysis)
        self.query_one(EntityPanel).show(analysis.clusters)
        self._time_order = [m for entry in analysis.timeline if not entry.vague
                            for m in entry.mentions]
        self._timeline_labels = timeline_labels(analysis)
        self._notes_changed()
        self._describe(self.article.cursor)

    def reanalyse(self) -> None:
        """Analyse again (after the reader changed the date); a thread if no process exists."""
        if self.runner is None:
            from tui.app.runner import AnalysisRunner

            # A process cannot be started inside a running app (textual#3593).
            self.runner = AnalysisRunner(self.model, "thread", preload=False)
        self.status.progress = "Analysing…"
        self.start_analysis()

    # ---------------------------------------------------------- status line
    def _describe(self, offset: int) -> None:
        self.status.show_where(describe_position(self.analysis, self.article, offset,
                                                 self._timeline_labels))

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        self._describe(message.offset)
        self.query_one(Legend).show_categories(message.selection is not None)

    @on(Legend.Picked)
    def _category_picked(self, message: Legend.Picked) -> None:
        self.action_highlight(message.number)

    @on(ArticleView.Notice)
    def _notice(self, message: ArticleView.Notice) -> None:
        self.status.notice(message.text)

    # ------------------------------------------------------------- categories

    @on(Legend.Toggled)
    def _legend_toggled(self, message: Legend.Toggled) -> None:
        self._toggle(message.category)

    def _toggle(self, key: str) -> None:
        self.hidden ^= {key}
        self.article.set_hidden(self.hidden)
        if self.store is not None:
            self.store.update_settings(self.document.id, hidden=sorted(self.hidden))
        self.query_one(Legend).update_counts(self.article.counts, self.hidden)
        state = "hidden" if key in self.hidden else "shown"
        self.status.notice(f"{CATEGORY_NAMES[key]} {state}")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from binding_commands(self, self.BINDINGS)
        yield from binding_commands(self.article, ArticleView.BINDINGS)

    # ------------------------------------------------------------------- help
    def action_help(self) -> None:
        from tui.app.screens.note_editor import NoteEditor
        from tui.app.widgets.notes_panel import NotesList

        self.push_screen(HelpScreen([
            ("Reading", ArticleView.BINDINGS),
            ("Gloss", self.BINDINGS),
            ("Notes panel", NotesList.BINDINGS),
            ("Note editor", NoteEditor.BINDINGS),
        ]))

    def on_unmount(self) -> None:
        if self.runner is not None:
            self.runner.shutdown()
        if self._unsaved_cache is not None:  # quit right after the highlights came
            self._write_cache(self._unsaved_cache)
