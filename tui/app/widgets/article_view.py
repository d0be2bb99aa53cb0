"""The article, drawn with the Line API: only visible rows are rendered.

Rows come from ``tui.app.layout`` (recomputed per width, debounced on resize); styles come from
bisecting sorted span indexes. Base strips are cached per row (an LRU: a book has far more rows
than anyone reads at once); cursor, selection, search hits and flashes are drawn on top at
render time so moving the cursor re-renders one or two rows. Colours are resolved per stack of
component classes by ``tui.app.palette`` (blended, readable) and forgotten on any style change,
a theme switch included.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.strip import Strip
from textual.timer import Timer

from tui.app.highlights import CATEGORIES, Highlight, Intervals, SpanIndex, category_counts
from tui.app.layout import BLANK, CAPTION, HEADING, Layout, build_layout
from tui.app.palette import layered_style
from tui.app.widgets.article_actions import ArticleActions
from tui.document.model import Block, Document

READING_WIDTH = 88  # a comfortable measure, even on a wide terminal
LABEL_OPEN, LABEL_CLOSE = "⟨", "⟩"
RESIZE_DEBOUNCE = 0.1  # seconds: a drag-resize re-wraps once, at its end
ROW_CACHE_SIZE = 1024  # rows of base segments kept, as Textual's Log keeps lines
ROW_LAYERS: dict[int, tuple[str, ...]] = {
    CAPTION: ("article--caption",), HEADING: ("article--heading",)}
CATEGORY_LAYER = {key: f"article--{key}" for key, _, _ in CATEGORIES}

Span = tuple[int, int]


class ArticleView(ArticleActions, can_focus=True):
    """The article body with highlights, a cursor and an optional selection."""

    COMPONENT_CLASSES = {
        "article--caption", "article--heading", "article--cursor", "article--selection",
        "article--note", "article--search", "article--flash", "article--label",
        *(f"article--{key}" for key, _, _ in CATEGORIES),
    }

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("space,pagedown,ctrl+f", "page_down", "Page down", show=False),
        Binding("pageup,ctrl+b,shift+space", "page_up", "Page up", show=False),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
        Binding("w,right", "word(1)", "Next word", show=False),
        Binding("b,left", "word(-1)", "Previous word", show=False),
        Binding("right_parenthesis", "sentence(1)", "Next sentence", show=False),
        Binding("left_parenthesis", "sentence(-1)", "Previous sentence", show=False),
        Binding("right_curly_bracket", "paragraph(1)", "Next paragraph", show=False),
        Binding("left_curly_bracket", "paragraph(-1)", "Previous paragraph", show=False),
        Binding("e", "entity(1)", "Next entity"),
        Binding("E", "entity(-1)", "Previous entity", show=False),
        Binding("m", "next_mention", "Next mention", show=False),
        Binding("L", "toggle_labels", "Inline labels", show=False),
        Binding("v", "visual", "Select"),
        Binding("s", "select_sentence", "Select sentence", show=False),
        Binding("S", "select_paragraph", "Select paragraph", show=False),
        Binding("x", "select_entity", "Select entity", show=False),
        Binding("escape", "cancel_selection", "Cancel selection", show=False),
    ]

    cursor: var[int] = var(0, init=False)
    select_from: var[int | None] = var(None, init=False)  # where the selection began, or None
    show_labels: var[bool] = var(False, init=False)

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.text = document.text
        self.blocks: Sequence[Block] = document.blocks or (Block(0, len(self.text)),)
        self.paragraphs: list[Span] = [(b.start, b.end) for b in self.blocks]
        self.sentences: list[Span] = []
        self.highlights = SpanIndex(())
        self.hidden: set[str] = set()
        self.clusters: list[int] = []  # per highlight ref: cluster id (entities only)
        self.counts: Counter[str] = Counter()  # highlights per category, kept as they come
        self.notes: list[tuple[int, int, str]] = []  # (start, end, category)
        self._noted = Intervals(())
        self.search_hits: list[Span] = []
        self._hits = Intervals(())
        self.flash_span: Span | None = None
        self._layout: Layout | None = None
        self._margin = 1
        self._cache: LRUCache[int, list[Segment]] = LRUCache(ROW_CACHE_SIZE)
        self._styles: dict[tuple[str, ...], Style] = {}  # resolved per stack of components
        self._resize_timer: Timer | None = None
        self._sized = False
        self._labels: dict[int, str] = {}  # inline labels of the current layout
        self._label_offsets: list[int] = []  # their offsets, sorted for bisecting

    class Rewrapped(Message):
        """The rows were recomputed (a new width): what counts rows must look again."""

    # ----------------------------------------------------------------- layout
    @property
    def rows(self) -> Layout:
        """The current rows; after a resize the old ones serve until the debounced re-wrap."""
        if self._layout is None:
            self._relayout()
        assert self._layout is not None
        return self._layout

    def _wrap_width(self) -> int:
        return max(20, min(READING_WIDTH, self.scrollable_content_region.width - 2))

    def _label_insertions(self) -> dict[int, str]:
        if not self.show_labels:
            return {}
        return {
            span.end: f"{LABEL_OPEN}{span.label}{LABEL_CLOSE}"
            for span in self.highlights.spans if span.category not in self.hidden
        }

    def _relayout(self) -> None:
        width = self._wrap_width()
        top = self._layout.starts[self.scroll_offset.y] if self._layout and len(
            self._layout) > self.scroll_offset.y else None
        self._labels = self._label_insertions()  # rows and rendering share one copy
        self._label_offsets = sorted(self._labels)
        self._layout = build_layout(self.text, self.blocks, width, self._labels)
        self._cache.clear()
        self.virtual_size = Size(width + self._margin, len(self._layout))
        if top is not None:
            self.scroll_to(y=self._layout.row_of(top), animate=False, immediate=True)
        self.post_message(self.Rewrapped())

    def on_resize(self, event: events.Resize) -> None:
        if self._resize_timer is not None:
            self._resize_timer.stop()
        if self._layout is None or not self._sized:
            self._sized = True  # the first real size: wrap now, there is nothing to keep
            self._relayout()
        else:
            self._resize_timer = self.set_timer(RESIZE_DEBOUNCE, self._rewrap)

    def _rewrap(self) -> None:
        if self._layout is None or self._layout.width != self._wrap_width():
            self._relayout()
            self.refresh()

    # ------------------------------------------------------------- data input
    def set_highlights(self, spans: Iterable[Highlight], sentences: Sequence[Span],
                       clusters: Sequence[int]) -> None:
        self.highlights = SpanIndex(spans)
        self.counts = category_counts(self.highlights.spans)
        self.sentences = list(sentences)
        self.clusters = list(clusters)
        self._restyle(relayout=self.show_labels)

    def add_highlights(self, spans: Sequence[Highlight], sentences: Sequence[Span]) -> None:
        """Highlights of one more analysed chunk (in text order): redraw only its rows."""
        if not spans and not sentences:
            return
        self.highlights.extend(spans)
        self.counts.update(category_counts(spans))
        self.sentences.extend(sentences)
        if self.show_labels:
            self._restyle(relayout=True)
            return
        lo = min([s.start for s in spans] + [s for s, _ in sentences])
        hi = max([s.end for s in spans] + [e for _, e in sentences])
        first, last = self.rows.row_of(lo), self.rows.row_of(hi)
        cached = list(self._cache.keys())
        stale = range(first, last + 1) if last - first < len(cached) else [
            row for row in cached if first <= row <= last]
        for row in stale:
            self._cache.discard(row)
        top = self.scroll_offset.y
        if first < top + self.scrollable_content_region.height and last >= top:
            self.refresh()

    def set_hidden(self, hidden: Iterable[str]) -> None:
        self.hidden = set(hidden)
        self._restyle(relayout=self.show_labels)

    def set_notes(self, notes: Iterable[tuple[int, int, str]]) -> None:
        self.notes = sorted(notes)
        self._noted = Intervals((start, end) for start, end, _ in self.notes)
        self._restyle()

    def set_search_hits(self, hits: Sequence[Span]) -> None:
        self._hits = Intervals(hits)
        self.search_hits = self._hits.spans
        self.refresh()

    def flash(self, start: int, end: int) -> None:
        self.flash_span = (start, end)
        self.refresh()
        self.set_timer(0.8, self._end_flash)

    def _end_flash(self) -> None:
        self.flash_span = None
        self.refresh()

    def _restyle(self, relayout: bool = False) -> None:
        if relayout:
            self._layout = None
        self._cache.clear()
        self.refresh()

    def watch_show_labels(self) -> None:
        self._restyle(relayout=True)

    def notify_style_update(self) -> None:
        """A theme switch (or any CSS change): resolve colours again, redraw every row."""
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    @property
    def _plain(self) -> Style:
        """The unhighlighted text style; ``rich_style`` walks every ancestor on each call."""
        plain = self._styles.get(())
        if plain is None:
            plain = self._styles[()] = self.rich_style
        return plain

    def _style(self, layers: tuple[str, ...]) -> Style:
        style = self._styles.get(layers)
        if style is None:
            style = self._styles[layers] = layered_style(self, self._plain, layers)
        return style

    # -------------------------------------------------------------- rendering
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        row = self.scroll_offset.y + y
        layout = self.rows
        if row >= len(layout) or layout.kinds[row] == BLANK:
            return Strip.blank(width, self._plain)
        segments = self._cache.get(row)
        if segments is None:
            segments = self._cache[row] = list(self._row_segments(row, overlays=False))
        start, end = layout.row_span(row)
        if self._has_overlay(start, end):
            segments = list(self._row_segments(row, overlays=True))
        plain = self._plain
        return Strip([Segment(" " * self._margin, plain), *segments]).adjust_cell_length(
            width, plain)

    def _has_overlay(self, start: int, end: int) -> bool:
        end = max(end, start + 1)
        if start <= self.cursor < end:
            return True
        for span in (self.selection, self.flash_span):
            if span and span[0] < end and span[1] > start:
                return True
        return bool(self._hits.overlapping(start, end))

    def _row_segments(self, row: int, overlays: bool) -> Iterable[Segment]:
        start, end = self.rows.row_span(row)
        stop = max(end, start + 1)  # an empty row still shows the cursor
        base: tuple[str, ...] = ROW_LAYERS.get(self.rows.kinds[row], ())
        hidden = self.hidden
        spans = [h for h in self.highlights.overlapping(start, end) if h.category not in hidden]
        notes = self._noted.overlapping(start, end)
        labels = self._labels
        at = bisect_right(self._label_offsets, start)
        labelled = self._label_offsets[at:bisect_right(self._label_offsets, end, lo=at)]
        on_top = self._overlay_spans(start, stop) if overlays else []
        cuts = {start, end, *labelled}
        edges: list[Span] = [(h.start, h.end) for h in spans]
        edges += notes
        edges += [(s, e) for s, e, _ in on_top]
        for s, e in edges:
            cuts.update((max(start, s), min(stop, e)))
        points = sorted(cuts)
        text = self.text
        for a, b in zip(points, points[1:], strict=False):
            piece = text[a:b].replace("\t", " ").replace("\n", " ")
            layers = base
            for h in spans:
                if h.start <= a < h.end:
                    layers = layers + (CATEGORY_LAYER[h.category],)
                    break
            if any(s <= a < e for s, e in notes):
                layers = layers + ("article--note",)
            if on_top:
                layers = layers + tuple(name for s, e, name in on_top if s <= a < e)
                piece = piece or " "  # the cursor on an empty row
            if piece:
                yield Segment(piece, self._style(layers))
            if b in labels:
                yield Segment(labels[b], self._style(base + ("article--label",)))

    def _overlay_spans(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """What is drawn on top of the text in ``[start, end)``, bottom layer first."""
        spans = [(s, e, "article--search") for s, e in self._hits.overlapping(start, end)]
        if (sel := self.selection) is not None:
            spans.append((*sel, "article--selection"))
        if self.flash_span is not None:
            spans.append((*self.flash_span, "article--flash"))
        if self.has_focus:
            spans.append((self.cursor, self.cursor + 1, "article--cursor"))
        return [(s, e, name) for s, e, name in spans if s < end and e > start]

    # ---------------------------------------------------------------- mapping
    def offset_at(self, row: int, x: int) -> int:
        """The character under cell ``x`` of screen row ``row`` (content coordinates)."""
        layout = self.rows
        row = max(0, min(row, len(layout) - 1))
        start, end = layout.row_span(row)
        cells = x - self._margin
        labels = self._labels
        offset = start
        while offset < end and cells > 0:
            cells -= cell_len(self.text[offset]) + cell_len(labels.get(offset + 1, ""))
            if cells >= 0:
                offset += 1
        return min(offset, max(start, end - 1))

    def scroll_to_offset(self, offset: int, *, center: bool = False) -> None:
        row = self.rows.row_of(offset)
        height = self.scrollable_content_region.height
        top = self.scroll_offset.y
        if center:
            self.scroll_to(y=max(0, row - height // 3), animate=False)
        elif row < top:
            self.scroll_to(y=row, animate=False)
        elif row >= top + height:
            self.scroll_to(y=row - height + 1, animate=False)

    def _refresh_rows(self, *offsets: int | None) -> None:
        top = self.scroll_offset.y
        height = self.scrollable_content_region.height
        for offset in offsets:
            if offset is None:
                continue
            row = self.rows.row_of(offset) - top
            if 0 <= row < height:
                self.refresh(Region(0, row, self.size.width, 1))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape with nothing selected is not ours: it goes on to the screen (back)."""
        return not (action == "cancel_selection" and self.select_from is None)

    # ---------------------------------------------------------------- cursor
    def move_cursor(self, offset: int, *, center: bool = False) -> None:
        offset = max(0, min(offset, max(0, len(self.text) - 1)))
        old = self.cursor
        self.cursor = offset
        self.scroll_to_offset(offset, center=center)
        if self.select_from is not None:
            self.refresh()
        else:
            self._refresh_rows(old, offset)
        self.post_message(self.CursorMoved(offset, self.selection))

    @property
    def selection(self) -> Span | None:
        """The selected span (end exclusive), or None."""
        if self.select_from is None:
            return None
        lo, hi = sorted((self.select_from, self.cursor))
        return lo, min(len(self.text), hi + 1)

    def select(self, start: int, end: int) -> None:
        self.select_from = start
        self.move_cursor(max(start, end - 1))

    def on_focus(self) -> None:
        self._refresh_rows(self.cursor)

    def on_blur(self) -> None:
        self._refresh_rows(self.cursor)
