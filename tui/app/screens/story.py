"""A story: the merged timeline of a set of articles, with a time axis above it.

The same event told by several articles is one entry listing its sources; dates that disagree
are marked; vague and undated entries come last, off the axis. Built off the UI thread from
the library's cached analyses; Enter opens the entry's first source at the event.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.app.screens.story_export import StoryExport, StoryExportDialog, write_export
from tui.app.story_messages import OpenArticleAt
from tui.app.widgets.story_list import StoryList, entry_day
from tui.app.widgets.time_axis import TimeAxis
from tui.corpus.story import StoryEntry, story
from tui.library.cast_source import LibraryCast, notes_on
from tui.resources import styles_dir
from tui.store.model import Note


class StoryScreen(Screen[None]):
    """The merged timeline of ``doc_ids`` (None: every analysed article)."""

    CSS_PATH = str(Path(styles_dir()) / "stories.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("plus,equals_sign", "zoom(-1)", "Zoom in"),
        Binding("minus", "zoom(1)", "Zoom out"),
        Binding("ctrl+e", "export", "Export the story"),
    ]

    def __init__(self, corpus: LibraryCast, doc_ids: tuple[str, ...] | None, title: str,
                 notes: list[Note] | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.doc_ids = doc_ids
        self.title_text = title
        self.notes = notes or []
        self.entries: list[StoryEntry] = []
        self.axis = TimeAxis(id="axis")
        self.timeline = StoryList(id="story-timeline")

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="page-title", markup=False)
        yield self.axis
        yield self.timeline
        yield Footer()

    def on_mount(self) -> None:
        self._build()

    @work(thread=True, exclusive=True, exit_on_error=False, group="story",
          description="Merging the articles' timelines")
    def _build(self) -> None:
        cast = self.corpus.refresh()
        entries = story(cast, self.doc_ids)
        self.app.call_from_thread(self._show, entries)

    def _show(self, entries: list[StoryEntry]) -> None:
        self.entries = entries
        cast = self.corpus.cast
        wanted = cast.analyses.keys() if self.doc_ids is None else \
            [d for d in self.doc_ids if d in cast.analyses]
        articles = len(wanted)
        missing = 0 if self.doc_ids is None else len(self.doc_ids) - articles
        head = Text(f"Story: {self.title_text}", style="bold", no_wrap=True, overflow="ellipsis")
        head.append(f"  {len(entries)} entries from {articles} "
                    f"article{'s' if articles != 1 else ''}")
        conflicts = sum(1 for e in entries if e.conflict)
        if conflicts:
            head.append(f" · {conflicts} with dates that disagree (≠)")
        if missing:
            head.append(f" · {missing} not analysed yet", style="italic")
        self.query_one("#page-title", Static).update(head)
        names = {e.id: e.name for e in cast.entities().values()}
        self.timeline.show(entries, names, notes_on(entries, self.notes))
        self.axis.show([entry_day(e) for e in entries], [len(e.docs) for e in entries])
        self.axis.select(self.timeline.selected_entry)
        self.timeline.focus()

    @on(StoryList.EntryHighlighted)
    def _highlighted(self, message: StoryList.EntryHighlighted) -> None:
        self.axis.select(message.entry)

    @on(StoryList.EntryChosen)
    def _chosen(self, message: StoryList.EntryChosen) -> None:
        first = self.entries[message.entry].sources[0]
        self.post_message(OpenArticleAt(first.doc, first.event.start))

    def action_zoom(self, step: int) -> None:
        self.axis.zoom_by(step)
        self.notify(f"Axis: one cell a {self.axis.zoom}", timeout=2)

    def action_export(self) -> None:
        """Write the timeline as Markdown, iCalendar, TimelineJS or CSV."""
        if not self.entries:
            self.notify("Nothing to export yet", timeout=3)
            return
        title = self.title_text

        def chosen(request: StoryExport | None) -> None:
            if request is not None:
                self._export(request, title, list(self.entries))

        self.app.push_screen(StoryExportDialog(title), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-export",
          description="Writing the timeline")
    def _export(self, request: StoryExport, title: str, entries: list[StoryEntry]) -> None:
        said = write_export(request, title, entries, self.corpus, self.notes)
        self.app.call_from_thread(self.notify, said, markup=False)
