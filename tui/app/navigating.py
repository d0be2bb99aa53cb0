"""Moving around: the side panels, jumps from them, chronological steps, and search.

A mixin for ``GlossApp``; the state it reads (analysis, hits) lives there.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import App
from textual.widgets import TabbedContent

from tui.app import search
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.entity_panel import EntityPanel
from tui.app.widgets.search_bar import SearchBar
from tui.app.widgets.status_line import StatusLine
from tui.app.widgets.timeline_panel import TimelinePanel
from tui.document.model import Document


class Navigating(App[None]):
    """Panels, jumps and search (state lives in ``GlossApp``)."""

    document: Document
    analysis: Any
    search_hits: list[tuple[int, int]]
    _time_order: list[tuple[int, int]]

    @property
    def article(self) -> ArticleView:
        raise NotImplementedError

    @property
    def status(self) -> StatusLine:
        raise NotImplementedError

    # ----------------------------------------------------------------- panels
    def action_toggle_panel(self, which: str) -> None:
        side = self.query_one("#side", TabbedContent)
        tab = f"{which}-tab"
        if side.display and side.active == tab:
            side.display = False
            self.article.focus()
            return
        side.display = True
        side.active = tab
        target = self.query_one("#timeline-list") if which == "timeline" else self.query_one(
            EntityPanel)
        target.focus()

    @on(TimelinePanel.Jump)
    def _timeline_jump(self, message: TimelinePanel.Jump) -> None:
        if self.analysis is None:
            return
        entry = self.analysis.timeline[message.index]
        start, end = entry.mentions[0] if entry.mentions else entry.sentence
        self._go(start, entry.sentence)

    @on(EntityPanel.Jump)
    def _entity_jump(self, message: EntityPanel.Jump) -> None:
        if self.analysis is None:
            return
        for entity in self.analysis.entities:
            if entity.cluster == message.cluster:
                self._go(entity.start, (entity.start, entity.end))
                return

    def _go(self, offset: int, flash: tuple[int, int]) -> None:
        self.article.action_cancel_selection()
        self.article.move_cursor(offset, center=True)
        self.article.flash(*flash)
        self.article.focus()

    def action_step_time(self, direction: int) -> None:
        """Move through the article's dates in chronological order."""
        if not self._time_order:
            self.status.notice("No dated events")
            return
        cursor = self.article.cursor
        here = next((i for i, (s, e) in enumerate(self._time_order) if s <= cursor < e), None)
        if here is None:
            index = 0 if direction > 0 else len(self._time_order) - 1
        else:
            index = here + direction
        if not 0 <= index < len(self._time_order):
            self.status.notice("No later date" if direction > 0 else "No earlier date")
            return
        start, end = self._time_order[index]
        self.article.move_cursor(start, center=True)
        self.article.flash(start, end)

    def action_jump_to_entry(self) -> None:
        if self.analysis is None:
            return
        cursor = self.article.cursor
        for index, entry in enumerate(self.analysis.timeline):
            if any(s <= cursor < e for s, e in entry.mentions):
                side = self.query_one("#side", TabbedContent)
                side.display = True
                side.active = "timeline-tab"
                self.query_one(TimelinePanel).highlight_entry(index)
                return
        self.status.notice("The cursor is not on a date in the timeline")

    # ----------------------------------------------------------------- search
    def action_search(self) -> None:
        bar = self.query_one(SearchBar)
        bar.display = True
        bar.focus()

    @on(SearchBar.Submitted)
    def _search_submitted(self, message: SearchBar.Submitted) -> None:
        query = message.value
        self.search_hits = search.find_all(self.document.text, query)
        self.article.set_search_hits(self.search_hits)
        self._close_search()
        if not self.search_hits:
            self.status.notice(f"Not found: {query}")
            return
        self.action_search_next(1)

    @on(SearchBar.Closed)
    def _close_search(self) -> None:
        self.query_one(SearchBar).display = False
        self.article.focus()

    def action_search_next(self, direction: int) -> None:
        if not self.search_hits:
            self.status.notice("No search; press / to search")
            return
        cursor = self.article.cursor
        if direction > 0:
            ahead = [h for h in self.search_hits if h[0] > cursor]
            hit = ahead[0] if ahead else self.search_hits[0]
        else:
            behind = [h for h in self.search_hits if h[0] < cursor]
            hit = behind[-1] if behind else self.search_hits[-1]
        self.article.move_cursor(hit[0])
        number = self.search_hits.index(hit) + 1
        self.status.notice(f"Match {number} of {len(self.search_hits)}")
