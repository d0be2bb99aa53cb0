"""The reader: one article with its highlights, a side panel, a legend and a status line.

A Screen, so the app can open it at start-up and a library can push it for any article. It
owns the reading state (the analysis shown, hidden types, search hits, the open notes) and
asks the app for analysis with a message; the app answers by calling ``analysis_progress``,
``apply_analysis`` or ``analysis_failed``. Widgets below talk to it with typed messages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen

from tui.analysis.model import Analysis
from tui.app import navigating, search
from tui.app.annotating import Target, passage_target, subject
from tui.app.dialogs import plain, short_path
from tui.app.highlights import (
    CATEGORIES,
    CATEGORY_NAMES,
    HIDDEN_BY_DEFAULT,
    Highlight,
    highlights_for,
)
from tui.app.notebook import NoteBook
from tui.app.status import describe_position, timeline_labels
from tui.app.store_writer import StoreWriter
from tui.app.story_messages import EntityPageWanted
from tui.app.widgets.article_header import ArticleHeader
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.search_bar import SearchBar
from tui.app.widgets.status_line import StatusLine
from tui.document.model import Document
from tui.errors import GlossError
from tui.store.model import CATEGORIES as NOTE_CATEGORIES
from tui.store.model import Note, TextPositionSelector, TextQuoteSelector

if TYPE_CHECKING:  # the panels load after the first frame
    from tui.app.screens.export_dialog import ExportRequest
    from tui.app.widgets.entity_panel import EntityPanel
    from tui.app.widgets.legend import Legend
    from tui.app.widgets.notes_panel import NotesPanel
    from tui.app.widgets.side_panel import SidePanel, Tab
    from tui.app.widgets.timeline_panel import TimelinePanel
    from tui.store.db import Store

NARROW = 100  # below this many columns the side panel starts hidden
Chunk = tuple[list[Highlight], tuple[tuple[int, int], ...]]  # a chunk's highlights, sentences


class ReaderScreen(Screen[None]):
    """Read one article with its entities, dates, timeline and notes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "back", "Library"),  # when opened from the library (see check_action)
        Binding("q", "app.quit", "Quit"),
        Binding("escape", "back", "Back to the library", show=False),
        Binding("question_mark,f1", "help", "Help"),
        Binding("slash", "search", "Search"),
        Binding("n", "search_next(1)", "Next match", show=False),
        Binding("N", "search_next(-1)", "Previous match", show=False),
        Binding("t", "toggle_panel('timeline')", "Timeline"),
        Binding("c", "toggle_panel('entities')", "Entities"),
        Binding("apostrophe", "toggle_panel('notes')", "Notes"),
        Binding("a", "annotate", "Annotate"),
        Binding("A", "annotate_document", "Note on the whole article", show=False),
        Binding("R", "resume_draft", "Resume a note draft", show=False),
        Binding("D", "change_date", "Publication date / date order", show=False),
        Binding("f5", "retry_analysis", "Analyse again", show=False),
        Binding("f6", "retry_saving", "Save notes again", show=False),
        Binding("ctrl+e", "export", "Export"),
        Binding("o", "entity_page", "Entity page (across articles)", show=False),
        Binding("right_square_bracket", "step_time(1)", "Later in time", show=False),
        Binding("left_square_bracket", "step_time(-1)", "Earlier in time", show=False),
        Binding("T", "jump_to_entry", "Date under cursor in timeline", show=False),
        Binding("h", "highlight", "Highlight selection", show=False),
        Binding("greater_than_sign", "next_note(1)", "Next annotation", show=False),
        Binding("less_than_sign", "next_note(-1)", "Previous annotation", show=False),
        Binding("u", "undo", "Undo", show=False),
        Binding("ctrl+r", "redo", "Redo", show=False),
        Binding("ctrl+left", "resize_panel(1)", "Wider side panel", show=False),
        Binding("ctrl+right", "resize_panel(-1)", "Narrower side panel", show=False),
        *(Binding(str(i), f"number({i})", f"Show/hide {name} (with a selection: "
                  f"highlight as {NOTE_CATEGORIES[i - 1]})", show=False)
          for i, (_, name, _) in enumerate(CATEGORIES, start=1)),
        Binding("8", "number(8)", f"With a selection: highlight as {NOTE_CATEGORIES[7]}",
                show=False),
    ]

    class AnalysisWanted(Message):
        """The reader needs this document analysed with these settings (to the app)."""

        def __init__(self, reader: ReaderScreen, document: Document,
                     settings: dict[str, Any], *, initial: bool = False) -> None:
            self.reader = reader
            self.document = document
            self.settings = dict(settings)
            self.initial = initial  # the first request, on opening (no runner: analysis off)
            super().__init__()

    def __init__(self, document: Document, *, store: Store | None = None,
                 analysis: Analysis | None = None,
                 settings: dict[str, Any] | None = None, start: int = 0,
                 back: bool = False) -> None:
        super().__init__()
        self.document = document
        self.start = start  # where the cursor starts: a search hit, or the reading position
        self.back = back  # esc and q go back to the screen beneath (the library), not quit
        self.store = store
        self.analysis: Analysis | None = None
        self._initial_analysis = analysis
        self.settings: dict[str, Any] = dict(settings or {})
        self._initial_hidden = set(self.settings.get("hidden", HIDDEN_BY_DEFAULT))
        self.writer = StoreWriter(self, self)
        self.notebook: NoteBook | None = (
            NoteBook(store, document, write=self.writer.submit) if store is not None else None)
        self.analysing = False  # an analysis was asked for and has not answered yet
        self.analysis_error: str | None = None
        self._time_order: list[tuple[int, int]] = []  # timeline mentions, chronological
        self._timeline_labels: dict[int, str] = {}
        self._pending_export: ExportRequest | None = None
        self.article = ArticleView(document, id="article")
        self.status = StatusLine(id="status")
        self.side: SidePanel  # with the legend, made after the first frame
        self.legend: Legend
        self.search_bar = SearchBar(id="search")
        self._panels_ready = False
        self._shown_counts: dict[str, int] = {}  # timeline note counts on show

    # The article draws hidden types and search hits, so it holds them; these only read.
    @property
    def hidden(self) -> set[str]:
        """Entity types the reader hid (their highlights are not drawn)."""
        return self.article.hidden

    @property
    def search_hits(self) -> list[tuple[int, int]]:
        return self.article.search_hits

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        """The article and the status line; the panels follow the first frame."""
        with Horizontal(id="main"), Vertical(id="reader"):
            yield ArticleHeader(self.document.meta, id="header")
            yield self.article
        yield self.search_bar
        yield self.status

    def on_mount(self) -> None:
        if self.app.no_color:
            self.article.show_labels = True
        self.article.set_hidden(self._initial_hidden)
        self.article.focus()
        if self._initial_analysis is not None:
            self.apply_analysis(self._initial_analysis)
        else:
            self.status.progress = "Analysing…"
            self.analysing = True
            self.post_message(self.AnalysisWanted(self, self.document, self.settings,
                                                  initial=True))
        if self.start:
            self.call_after_refresh(self.article.move_cursor, self.start, center=True)
        self.call_after_refresh(self._mount_panels)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """``back`` only when there is somewhere to go back to; else q quits."""
        return self.back if action == "back" else True

    def action_back(self) -> None:
        self.dismiss()

    def reading_place(self) -> tuple[int, bool]:
        """The cursor's offset, and whether the article's end is on screen (read to the end)."""
        view = self.article
        return view.cursor, view.scroll_offset.y >= view.max_scroll_y

    async def _mount_panels(self) -> None:
        """Side panel, legend and footer: after the article's first frame."""
        from textual.widgets import Footer

        from tui.app.widgets.legend import Legend
        from tui.app.widgets.side_panel import SidePanel

        self.side = SidePanel(id="side")
        self.legend = Legend(id="legend")
        if self.app.size.width < NARROW:
            self.side.hide()  # the article needs the room; t shows it
        self.side.fit(self.app.size.width)
        await self.query_one("#main", Horizontal).mount(self.side)
        await self.mount(self.legend, before=self.search_bar)
        await self.mount(Footer())
        self.refresh_bindings()  # the footer came after the bindings were first announced
        self._panels_ready = True
        self._show_counts()
        if self.analysis is not None:
            self._shown_counts = self._timeline_note_counts()
            self.side.show_analysis(self.analysis, self._shown_counts)
        if self.notebook is not None:
            self.notebook.on_change = self._notes_changed
            self.notebook.on_refused = self.status.notice
            self.reload_notes()
        self._describe(self.article.cursor, keep_notice=True)

    def reload_notes(self) -> None:
        """Read this article's notes from the store again (at start, or after the store
        set a damaged file aside, so the panel never shows notes that are no longer there)."""
        if self.notebook is not None:
            self.writer.submit("read the notes", self.notebook.load,
                               lambda _: self._notes_loaded())

    def on_resize(self) -> None:
        if self._panels_ready:
            self.side.fit(self.app.size.width)

    @on(ArticleView.Rewrapped)
    def _rewrapped(self) -> None:
        """New rows after a resize: "Line n of m" counts them, without losing a notice."""
        self._describe(self.article.cursor, keep_notice=True)

    # ---------------------------------------------------------------- analysis
    def analysis_progress(self, done: int, total: int, chunks: list[Chunk]) -> None:
        """Highlight each analysed chunk as it arrives; the final analysis replaces them.

        Only the new chunks are indexed and only their rows redrawn, so a book's hundred
        chunks cost no more in total than one whole-document update.
        """
        self.status.progress = f"Analysing… {100 * done // max(1, total)}%"
        for spans, sentences in chunks:
            self.article.add_highlights(spans, sentences)
        self._show_counts()

    def apply_analysis(self, analysis: Analysis, spans: list[Highlight] | None = None) -> None:
        self.status.progress = ""
        self.analysing = False
        self.analysis_error = None
        self.analysis = analysis
        spans = highlights_for(analysis) if spans is None else spans
        self.article.set_highlights(spans, analysis.sentences,
                                    [e.cluster for e in analysis.entities])
        self._show_counts()
        self._time_order = [m for entry in analysis.timeline if not entry.vague
                            for m in entry.mentions]
        self._timeline_labels = timeline_labels(analysis)
        if self._panels_ready:
            self._shown_counts = self._timeline_note_counts()
            self.side.show_analysis(analysis, self._shown_counts)
            self._notes_changed()
        self._describe(self.article.cursor)
        if self._pending_export is not None:
            request, self._pending_export = self._pending_export, None
            self._export_chosen(request)

    def analysis_failed(self, error: str, *, retry: bool = False) -> None:
        """The analysis ended without a result; the text stays readable."""
        self.status.progress = ""
        self.analysing = False
        self.analysis_error = error
        how = "  (F5 to analyse again)" if retry else ""
        self.status.notice(f"Text only: {error}{how}")
        if self._pending_export is not None:
            self._pending_export = None
            self.notify(plain(f"Export not written: the analysis failed ({error})."),
                        title="Export", severity="error", markup=False)

    def analysis_off(self) -> None:
        self.status.progress = ""
        self.analysing = False
        self.status.notice("Analysis is off")

    def _reanalyse(self) -> None:
        self.status.progress = "Analysing…"
        self.analysing = True
        self.post_message(self.AnalysisWanted(self, self.document, self.settings))

    def action_retry_analysis(self) -> None:
        if self.analysing:
            self.status.notice("The analysis is still running")
            return
        self._reanalyse()

    def _show_counts(self) -> None:
        if self._panels_ready:
            self.legend.update_counts(self.article.counts, self.hidden)

    def _waiting_for_analysis(self, what: str) -> bool:
        """Say why ``what`` cannot be done yet; True when there is no analysis."""
        if self.analysis is not None:
            return False
        if self.analysing:
            self.status.notice(f"The analysis is still running: {what} when it is done")
        elif self.analysis_error is not None:
            self.status.notice(f"No analysis ({self.analysis_error}): F5 analyses again")
        else:
            self.status.notice("Analysis is off")
        return True

    # ------------------------------------------------------------ the store
    # The StoreWriter runs store work off the UI thread and tells us how it went.
    def store_busy(self, doing: str) -> None:
        self.status.progress = f"Notes file busy — retrying ({doing})"

    def store_failed(self, doing: str, error: BaseException, waiting: int) -> None:
        self.status.progress = ""
        reason = str(error) or type(error).__name__
        kept = f"{waiting} change{'s' if waiting != 1 else ''} kept in this window"
        self.status.notice(f"Could not {doing}: {kept}; F6 saves again")
        self.notify(plain(f"Could not {doing}: {reason}. Nothing is lost: {kept}; press F6 "
                          "to save again (Gloss also tries with your next change)."),
                    title="Notes file", severity="error", timeout=20, markup=False)

    def store_recovered(self) -> None:
        self.status.progress = ""
        self.status.notice("Notes file available again: changes saved")

    def action_retry_saving(self) -> None:
        if self.writer.retry():
            self.status.notice("Saving again…")
        else:
            self.status.notice("Every change is saved")

    def _setting(self, doing: str, doc_id: str, **values: object) -> None:
        """Keep a per-document choice in the store (off the UI thread)."""
        store = self.store
        if store is not None:
            self.writer.submit(doing, lambda: store.update_settings(doc_id, **values))

    # ---------------------------------------------------------- status line
    def _describe(self, offset: int, *, keep_notice: bool = False) -> None:
        if self.article.is_mounted:
            self.status.show_where(describe_position(
                self.analysis, self.article, offset, self._timeline_labels, self._note_at(offset)),
                offset=offset, keep_notice=keep_notice)

    def _confirm(self, message: str) -> None:
        """A notice about what was just done here: it stays until the cursor moves."""
        self.status.notice(message, at=self.article.cursor)

    def _note_at(self, offset: int) -> Note | None:
        return self.notebook.at(offset) if self.notebook is not None else None

    @on(ArticleView.CursorMoved)
    def _cursor_moved(self, message: ArticleView.CursorMoved) -> None:
        view = self.article
        if (message.offset, message.selection) != (view.cursor, view.selection):
            return  # a later move is on its way (keys typed in a burst)
        self._describe(message.offset)
        if self._panels_ready:
            self.legend.show_categories(message.selection is not None)

    def on_legend_picked(self, message: Legend.Picked) -> None:
        self.action_highlight(message.number)

    @on(ArticleView.Notice)
    def _notice(self, message: ArticleView.Notice) -> None:
        self.status.notice(message.text)

    # ------------------------------------------------------------- categories
    def on_legend_toggled(self, message: Legend.Toggled) -> None:
        self._toggle(message.category)

    def _toggle(self, key: str) -> None:
        self.article.set_hidden(self.hidden ^ {key})
        self._show_counts()
        state = "hidden" if key in self.hidden else "shown"
        self.status.notice(f"{CATEGORY_NAMES[key]} {state}")
        self._setting("keep the legend choice", self.document.id, hidden=sorted(self.hidden))

    def action_number(self, number: int) -> None:
        """Digits pick a highlight category for a selection, else toggle an entity type."""
        if self.article.selection is not None:
            self.action_highlight(number)
        elif number <= len(CATEGORIES):
            self._toggle(CATEGORIES[number - 1][0])

    # ----------------------------------------------------------------- panels
    def action_toggle_panel(self, which: Tab) -> None:
        if self._panels_ready and not self.side.toggle(which):
            self.article.focus()

    def action_resize_panel(self, step: int) -> None:
        if not self._panels_ready or not self.side.display:
            self.status.notice("The side panel is hidden: t, c or ' shows it")
            return
        width = self.side.widen(step, self.app.size.width)
        self.status.notice(f"Side panel {width} columns")

    def on_timeline_panel_jump(self, message: TimelinePanel.Jump) -> None:
        if self.analysis is None:
            return
        entry = self.analysis.timeline[message.index]
        start, _ = entry.mentions[0] if entry.mentions else entry.sentence
        self._go(start, entry.sentence)

    def on_entity_panel_jump(self, message: EntityPanel.Jump) -> None:
        if self.analysis is None:
            return
        for entity in self.analysis.entities:
            if entity.cluster == message.cluster:
                self._go(entity.start, (entity.start, entity.end))
                return

    def action_entity_page(self) -> None:
        """The library page of the entity chosen in the panel, else of the one at the cursor."""
        if self._waiting_for_analysis("entity pages open") or self.analysis is None:
            return
        cluster = self.side.entities.selected_cluster if (
            self._panels_ready and self.side.list_focused == "entities") else None
        if cluster is None:
            cursor = self.article.cursor
            cluster = next((e.cluster for e in self.analysis.entities
                            if e.start <= cursor < e.end), None)
        if cluster is None:
            self.status.notice("Put the cursor on a name (e), or choose one in the panel (c)")
            return
        self.post_message(EntityPageWanted(self.analysis, self.document.text, cluster))

    def go_to(self, offset: int) -> None:
        """Put the cursor at ``offset`` (an entity page or story opened the article there)."""
        self._go(offset, (offset, offset + 1))

    def _go(self, offset: int, flash: tuple[int, int]) -> None:
        self.article.action_cancel_selection()
        self.article.move_cursor(offset, center=True)
        self.article.flash(*flash)
        self.article.focus()

    def action_step_time(self, direction: int) -> None:
        """Move through the article's dates in chronological order."""
        if self._waiting_for_analysis("dates step in time order"):
            return
        if not self._time_order:
            self.status.notice("No dated events")
            return
        index = navigating.step_in_time(self._time_order, self.article.cursor, direction)
        if index is None:
            self.status.notice("No later date" if direction > 0 else "No earlier date")
            return
        start, end = self._time_order[index]
        self.article.move_cursor(start, center=True)
        self.article.flash(start, end)

    def action_jump_to_entry(self) -> None:
        if self._waiting_for_analysis("T finds the date in the timeline"):
            return
        assert self.analysis is not None
        cursor = self.article.cursor
        for index, entry in enumerate(self.analysis.timeline):
            if any(s <= cursor < e for s, e in entry.mentions) and self._panels_ready:
                self.side.open("timeline")
                self.side.timeline.highlight_entry(index)
                return
        self.status.notice("The cursor is not on a date in the timeline")

    # ----------------------------------------------------------------- search
    def action_search(self) -> None:
        self.search_bar.display = True
        self.search_bar.focus()

    @on(SearchBar.Submitted)
    def _search_submitted(self, message: SearchBar.Submitted) -> None:
        query = message.value
        self.article.set_search_hits(search.find_all(self.document.text, query))
        self._close_search()
        if not self.search_hits:
            self.status.notice(f"Not found: {query}")
            return
        self.action_search_next(1)

    @on(SearchBar.Closed)
    def _close_search(self) -> None:
        self.search_bar.display = False
        self.article.focus()

    def action_search_next(self, direction: int) -> None:
        if not self.search_hits:
            self.status.notice("No search; press / to search")
            return
        index = navigating.next_hit(self.search_hits, self.article.cursor, direction)
        self.article.move_cursor(self.search_hits[index][0])
        self.status.notice(f"Match {index + 1} of {len(self.search_hits)}")

    # ----------------------------------------------------------------- notes
    def _notebook(self) -> NoteBook | None:
        if self.notebook is None:
            self.status.notice("Notes are off (no notes database)")
        return self.notebook

    def _target_here(self) -> Target | None:
        """The passage, entity or timeline entry the reader is on, by focus."""
        focused = self.side.list_focused if self._panels_ready else None
        if focused == "entities" and self.analysis is not None:
            cluster = self.side.entities.selected_cluster
            if cluster is not None:
                return Target("entity", self.analysis.clusters[cluster].name)
        if focused == "timeline" and self.analysis is not None:
            index = self.side.timeline.selected_entry
            if index is not None:
                return Target("timeline", self.analysis.timeline[index].value)
        view = self.article
        return passage_target(self.document.text, view.selection, view.cursor,
                              view.sentences or view.paragraphs)

    def action_annotate(self) -> None:
        if self._notebook() is None:
            return
        target = self._target_here()
        if target is None:
            self.status.notice("Nothing to annotate here")
            return
        self._open_editor(target)

    def action_annotate_document(self) -> None:
        if self._notebook() is not None:
            self._open_editor(Target("document"))

    def _open_editor(self, target: Target, note: Note | None = None,
                     draft: dict[str, Any] | None = None) -> None:
        notebook = self._notebook()
        if notebook is None:
            return
        store = notebook.store
        doc_id = self.document.id
        start = draft or (note.to_json() if note else {})
        initial = (start.get("body", ""), tuple(start.get("tags", ())))
        latest: dict[str, Any] = {}

        def save_draft(data: dict[str, Any]) -> None:
            latest.clear()
            latest.update(data)
            record = {**data, "target": target.to_json()}
            self.writer.submit("keep the draft",
                               lambda: store.save_draft(doc_id, target.draft_key, record))

        def discard() -> None:
            self.writer.submit("tidy the draft",
                               lambda: store.discard_draft(doc_id, target.draft_key))

        def closed(result: dict[str, Any] | None) -> None:
            self.article.action_cancel_selection()
            if result is not None:
                self._save_note(target, note, result)
                discard()  # queued after the save: it only runs once the note is stored
                return
            typed = (latest.get("body", initial[0]), tuple(latest.get("tags", initial[1])))
            if not any(typed) or (typed == initial and draft is None):
                # Nothing typed, or an unchanged note: no draft to keep. A resumed draft
                # closed unchanged is still a draft.
                discard()
            else:
                self._confirm("Draft kept: press R to resume it")

        from tui.app.screens.note_editor import NoteEditor  # loaded when first needed

        editor = NoteEditor(subject(target, self.document, self.analysis),
                            body=start.get("body", ""), tags=start.get("tags", ()),
                            category=start.get("category", "highlight"), on_draft=save_draft)
        self.app.push_screen(editor, closed)

    def _save_note(self, target: Target, note: Note | None, result: dict[str, Any]) -> None:
        """Keep what the editor returned (the store write follows off the UI thread)."""
        notebook = self._notebook()
        if notebook is None:
            return
        fields = {"body": result.get("body", ""), "tags": tuple(result.get("tags", ())),
                  "category": result.get("category", "highlight")}
        if note is not None:
            notebook.update(note, **fields)
            self._confirm("Note updated (u to undo)")
        elif target.kind == "passage":
            notebook.add(notebook.passage_note(target.start, target.end, **fields))
            self._confirm("Note saved (u to undo)")
        else:
            notebook.add(notebook.target_note(target.kind, target.key, **fields))
            self._confirm(f"Note on the {target.kind} saved (u to undo)")

    def action_resume_draft(self) -> None:
        notebook = self._notebook()
        if notebook is None:
            return
        self.writer.submit("read the drafts", lambda: notebook.store.drafts(self.document.id),
                           self._resume)

    def _resume(self, drafts: dict[str, dict[str, Any]]) -> None:
        notebook = self.notebook
        if notebook is None:
            return
        if not drafts:
            self.status.notice("No unsaved drafts")
            return
        data = list(drafts.values())[-1]
        target = Target.from_json(data.get("target"))
        note = notebook.get(target.note_id) if target.note_id else None
        if target.note_id and note is None:  # the note was deleted since: write a new one
            target = replace(target, note_id=None)
        self._open_editor(target, note, data)

    def _notes_loaded(self) -> None:
        """The notes are read: mark them, list them, and offer last time's drafts."""
        self._notes_changed()
        self._describe(self.article.cursor, keep_notice=True)
        notebook = self.notebook
        if notebook is not None:
            self.writer.submit("read the drafts", lambda: notebook.store.drafts(self.document.id),
                               self._offer_drafts)

    def _offer_drafts(self, drafts: dict[str, dict[str, Any]]) -> None:
        if drafts:
            self.notify("You have an unsaved note draft from last time: press R to resume it.",
                        title="Draft kept", timeout=15)

    def on_notes_panel_jump(self, message: NotesPanel.Jump) -> None:
        note = self.notebook.get(message.note_id) if self.notebook else None
        if note is None:
            return
        if note.position is not None and note.anchor != "orphaned":
            self._go(note.position.start, (note.position.start, note.position.end))
        elif note.target == "entity" and self.analysis is not None:
            clusters = self.analysis.clusters
            first = next((e for e in self.analysis.entities
                          if clusters[e.cluster].name == note.target_key), None)
            if first is not None:
                self._go(first.start, (first.start, first.end))
        elif note.target == "timeline" and self.analysis is not None:
            entry = next((e for e in self.analysis.timeline if e.value == note.target_key), None)
            if entry is not None:
                self._go(entry.mentions[0][0] if entry.mentions else entry.sentence[0],
                         entry.sentence)
        else:
            self.status.notice("This note is orphaned: select a passage and press r to "
                               "re-attach it" if note.anchor == "orphaned" else
                               "This note is about the whole document")

    def on_notes_panel_edit(self, message: NotesPanel.Edit) -> None:
        note = self.notebook.get(message.note_id) if self.notebook else None
        if note is None:
            return
        start, end = (note.position.start, note.position.end) if note.position else (0, 0)
        self._open_editor(Target(note.target, note.target_key, start, end, note.id), note)

    def on_notes_panel_delete(self, message: NotesPanel.Delete) -> None:
        notebook = self.notebook
        if notebook is not None and notebook.delete(message.note_id) is not None:
            self.status.notice("Note deleted (u to undo)")

    def on_notes_panel_reattach(self, message: NotesPanel.Reattach) -> None:
        notebook = self.notebook
        note = notebook.get(message.note_id) if notebook else None
        selection = self.article.selection
        if notebook is None or note is None:
            return
        if selection is None:
            self.status.notice("Select the passage first (v and motions), then press r here")
            return
        start, end = selection
        notebook.update(note, quote=TextQuoteSelector.from_text(self.document.text, start, end),
                        position=TextPositionSelector(start, end), anchor="exact",
                        doc_id=self.document.id, target="passage")
        self.article.action_cancel_selection()
        self._confirm("Note re-attached (u to undo)")

    def _notes_changed(self) -> None:
        notebook = self.notebook
        if notebook is None or not self._panels_ready:
            return
        self.article.set_notes(notebook.marks() + self._entity_note_marks())
        self.side.show_notes(notebook.notes, self.document.text)
        counts = self._timeline_note_counts()
        if self.analysis is not None and counts != self._shown_counts:
            self._shown_counts = counts
            self.side.show_timeline(self.analysis, counts)

    def _timeline_note_counts(self) -> dict[str, int]:
        """Notes per timeline entry value: the timeline shows them as ✎n."""
        if self.notebook is None:
            return {}
        return dict(Counter(n.target_key for n in self.notebook.notes
                            if n.target == "timeline" and n.target_key))

    def _entity_note_marks(self) -> list[tuple[int, int, str]]:
        """A note on an entity applies to every mention: mark them all."""
        if self.notebook is None or self.analysis is None:
            return []
        noted = {n.target_key for n in self.notebook.notes if n.target == "entity"}
        clusters = {c.id for c in self.analysis.clusters if c.name in noted}
        return [(e.start, e.end, "entity") for e in self.analysis.entities
                if e.cluster in clusters]

    def action_highlight(self, category: int = 1) -> None:
        selection = self.article.selection
        notebook = self._notebook()
        if notebook is None:
            return
        if selection is None:
            self.status.notice("Select a passage first: v, then move")
            return
        name = NOTE_CATEGORIES[category - 1]
        notebook.add(notebook.passage_note(*selection, category=name))
        self.article.action_cancel_selection()
        chars = selection[1] - selection[0]
        self._confirm(f"Highlighted {chars} character{'s' if chars != 1 else ''} "
                      f"as {name} (u to undo)")

    def action_next_note(self, direction: int) -> None:
        notebook = self._notebook()
        if notebook is None:
            return
        note = notebook.next_from(self.article.cursor, direction)
        if note is None or note.position is None:
            self.status.notice("No more annotations" if notebook.passages()
                               else "No annotations yet")
            return
        self._go(note.position.start, (note.position.start, note.position.end))

    def action_undo(self) -> None:
        notebook = self._notebook()
        if notebook is not None:
            what = notebook.undo()
            self.status.notice(f"Undid {what}" if what else "Nothing to undo")

    def action_redo(self) -> None:
        notebook = self._notebook()
        if notebook is not None:
            what = notebook.redo()
            self.status.notice(f"Redid {what}" if what else "Nothing to redo")

    # ------------------------------------------------------------------- date
    def action_change_date(self) -> None:
        from tui.app.screens.date_dialog import DateDialog  # loaded when first needed

        if self._waiting_for_analysis("D changes the date"):
            return
        analysis = self.analysis
        assert analysis is not None
        self.app.push_screen(DateDialog(analysis.dct, analysis.dct_source, analysis.date_order,
                                        analysis.date_order_source), self._date_chosen)

    def _date_chosen(self, choice: tuple[str | None, str | None] | None) -> None:
        if choice is None:
            return
        dct, order = choice
        self.settings.update(dct=dct, date_order=order)
        self._setting("keep the date for next time", self.document.id, dct=dct, date_order=order)
        self._reanalyse()
        self.status.notice(f"Dates now read against {dct or 'the article date'}, "
                           f"{order or 'inferred'} order; re-analysing…")

    # ----------------------------------------------------------------- export
    def action_export(self) -> None:
        from tui.app.screens.export_dialog import ExportDialog  # loaded when first needed

        self.app.push_screen(ExportDialog(self.document, Path.cwd()), self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is None:
            return
        from tui.export import needs_analysis, save_export

        if self.analysis is None and needs_analysis(request.format_key, request.options):
            if self.analysing:
                self._pending_export = request
                self.status.notice("The export waits for the analysis: it is written when "
                                   "the analysis is done")
            else:
                self.status.notice("Export not written: it needs the analysis, which is "
                                   f"{'off' if self.analysis_error is None else 'unavailable'}"
                                   " (untick the timeline and entity sections, or F5)")
            return
        notes = self.notebook.notes if self.notebook else []
        try:
            path = save_export(request.format_key, self.document, notes, self.analysis,
                               request.path, options=request.options, force=request.overwrite)
        except (GlossError, OSError) as error:
            self.status.notice(f"Export failed: {error}")
            return
        self.status.notice(f"Exported to {short_path(path)}")
        self.notify(plain(f"Exported to {path}"), title="Export", markup=False)

    def on_unmount(self) -> None:
        self.writer.flush()  # closing: what is queued is written before the app goes

    # ------------------------------------------------------------------- help
    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen
        from tui.app.screens.note_editor import NoteEditor
        from tui.app.widgets.notes_panel import NotesList

        self.app.push_screen(HelpScreen([
            ("Reading", ArticleView.BINDINGS),
            ("Gloss", self.own_bindings()),
            ("Notes panel", NotesList.BINDINGS),
            ("Note editor", NoteEditor.BINDINGS),
        ]))

    def binding_sources(self) -> Iterable[tuple[Any, list[BindingType]]]:
        """Where the palette finds commands: this screen's keys and the article's."""
        yield self, self.own_bindings()
        yield self.article, ArticleView.BINDINGS

    def own_bindings(self) -> list[BindingType]:
        """This screen's keys as they act here: q goes back or quits, never both."""
        hidden = "app.quit" if self.back else "back"
        return [b for b in self.BINDINGS if not (isinstance(b, Binding) and b.action == hidden)]

