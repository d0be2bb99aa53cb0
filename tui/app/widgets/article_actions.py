"""What the reader does in the article: motions, entity jumps, selections, mouse.

A mixin for ``ArticleView`` so drawing and behaviour stay in separate, readable modules.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.scroll_view import ScrollView

from tui.app import motions
from tui.app.highlights import Highlight, SpanIndex
from tui.app.layout import BLANK, Layout

Span = tuple[int, int]


class ArticleActions(ScrollView):
    """Key and mouse behaviour of the article view (state and drawing live in ArticleView)."""

    text: str
    cursor: int
    select_from: int | None
    show_labels: bool
    sentences: list[Span]
    paragraphs: list[Span]
    highlights: SpanIndex
    hidden: set[str]
    clusters: list[int]
    _drag_from: int | None = None

    @property
    def rows(self) -> Layout:
        raise NotImplementedError

    @property
    def selection(self) -> Span | None:
        raise NotImplementedError

    def move_cursor(self, offset: int, *, center: bool = False) -> None:
        raise NotImplementedError

    def select(self, start: int, end: int) -> None:
        raise NotImplementedError

    def offset_at(self, row: int, x: int) -> int:
        raise NotImplementedError

    class CursorMoved(Message):
        def __init__(self, offset: int, selection: Span | None) -> None:
            self.offset = offset
            self.selection = selection
            super().__init__()

    class Notice(Message):
        """Something the reader should be told in the status line."""

        def __init__(self, text: str) -> None:
            self.text = text
            super().__init__()

    def _tell(self, text: str) -> None:
        self.post_message(ArticleActions.Notice(text))

    # --------------------------------------------------------------- scrolling
    def _move_rows(self, delta: int) -> None:
        layout = self.rows
        row = layout.row_of(self.cursor)
        column = self.cursor - layout.starts[row]
        target = max(0, min(len(layout) - 1, row + delta))
        step = 1 if delta > 0 else -1
        while 0 < target < len(layout) - 1 and layout.kinds[target] == BLANK:
            target += step
        start, end = layout.row_span(target)
        self.move_cursor(min(start + column, max(start, end - 1)))

    def action_cursor_down(self) -> None:
        self._move_rows(1)

    def action_cursor_up(self) -> None:
        self._move_rows(-1)

    def _page(self, fraction: float) -> None:
        height = max(1, self.scrollable_content_region.height)
        delta = int(height * fraction) or (1 if fraction > 0 else -1)
        top = max(0, min(self.scroll_offset.y + delta, len(self.rows) - height))
        self.scroll_to(y=top, animate=False, immediate=True)
        self._move_rows(delta)

    def action_page_down(self) -> None:
        self._page(1.0)

    def action_page_up(self) -> None:
        self._page(-1.0)

    def action_half_page(self, direction: int) -> None:
        self._page(0.5 * direction)

    def action_top(self) -> None:
        self.move_cursor(0)

    def action_bottom(self) -> None:
        self.move_cursor(len(self.text) - 1)

    # ----------------------------------------------------------------- motions
    def _growing_selection(self) -> bool:
        """Selecting forward: motions then land on the end of a word or entity, inclusive."""
        return self.select_from is not None and self.cursor >= self.select_from

    def action_word(self, direction: int) -> None:
        if direction > 0 and self._growing_selection():
            self.move_cursor(motions.next_word_end(self.text, self.cursor))
        elif direction > 0:
            self.move_cursor(motions.next_word(self.text, self.cursor))
        else:
            self.move_cursor(motions.previous_word(self.text, self.cursor))

    def _jump_span(self, spans: list[tuple[int, int]], direction: int, what: str) -> None:
        if not spans:
            self._tell(f"No {what}s yet" if what == "sentence" else f"No {what}s")
            return
        if direction > 0:
            found = motions.span_after(spans, self.cursor)
        else:
            found = motions.span_before(spans, self.cursor)
        if found is None:
            self._tell(f"No more {what}s")
            return
        self.move_cursor(found[0])

    def action_sentence(self, direction: int) -> None:
        self._jump_span(self.sentences, direction, "sentence")

    def action_paragraph(self, direction: int) -> None:
        self._jump_span(self.paragraphs, direction, "paragraph")

    def _visible_highlight(self, offset: int, direction: int) -> Highlight | None:
        step = self.highlights.after if direction > 0 else self.highlights.before
        found = step(offset)
        while found is not None and found.category in self.hidden:
            found = step(found.start)
        return found

    def action_entity(self, direction: int) -> None:
        found = self._visible_highlight(self.cursor, direction)
        if found is None:
            self._tell("No more entities" if self.highlights else "No entities yet")
            return
        growing = direction > 0 and self._growing_selection()
        self.move_cursor(found.end - 1 if growing else found.start)

    def action_next_mention(self) -> None:
        """Cycle through the mentions of the entity under the cursor."""
        here = self.highlights.at(self.cursor)
        if here is None or here.is_timex or here.ref >= len(self.clusters):
            self._tell("The cursor is not on a named entity")
            return
        cluster = self.clusters[here.ref]
        mentions = [s for s in self.highlights.spans
                    if not s.is_timex and s.ref < len(self.clusters)
                    and self.clusters[s.ref] == cluster]
        later = [s for s in mentions if s.start > here.start]
        target = (later or mentions)[0]
        index = mentions.index(target) + 1
        self.move_cursor(target.start)
        self._tell(f"Mention {index} of {len(mentions)}")

    def action_toggle_labels(self) -> None:
        self.show_labels = not self.show_labels
        self._tell("Inline labels on" if self.show_labels else "Inline labels off")

    # --------------------------------------------------------------- selection
    def action_visual(self) -> None:
        if self.select_from is None:
            self.select_from = self.cursor
            self._tell("Selecting: move to extend, a to annotate, h to highlight, esc to cancel")
        else:
            self.select_from = None
        self.refresh()
        self.post_message(self.CursorMoved(self.cursor, self.selection))

    def action_cancel_selection(self) -> None:
        if self.select_from is not None:
            self.select_from = None
            self.refresh()
            self.post_message(self.CursorMoved(self.cursor, None))

    def _select_span(self, span: tuple[int, int] | None, what: str) -> None:
        if span is None:
            self._tell(f"No {what} here")
            return
        start, end = span
        while end > start and self.text[end - 1].isspace():
            end -= 1
        self.select(start, end)

    def action_select_sentence(self) -> None:
        spans = self.sentences or self.paragraphs
        self._select_span(motions.span_containing(spans, self.cursor), "sentence")

    def action_select_paragraph(self) -> None:
        self._select_span(motions.span_containing(self.paragraphs, self.cursor), "paragraph")

    def action_select_entity(self) -> None:
        here = self.highlights.at(self.cursor)
        self._select_span((here.start, here.end) if here else None, "entity")

    # ------------------------------------------------------------------- mouse
    def _offset_of_event(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        return self.offset_at(self.scroll_offset.y + offset.y, offset.x)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = self._offset_of_event(event)
        if offset is None:
            return
        self.focus()
        self.select_from = None
        self._drag_from = offset
        self.capture_mouse()
        self.move_cursor(offset)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        start = self._drag_from
        if start is None or not event.button:
            return
        offset = self._offset_of_event(event)
        if offset is not None and offset != start:
            self.select_from = start
            self.move_cursor(offset)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self._drag_from = None
        self.release_mouse()
