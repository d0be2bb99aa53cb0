"""The library's list of articles, drawn with the Line API: only visible rows are rendered.

A ``DataTable`` builds and measures every cell of every row; at ten thousand articles that made
the first listing several times a bare app's first paint and a page-down a quarter of a second.
Here the rows are typed records, the column layout is computed once per width (the title takes
the slack), and a row becomes a ``Strip`` only when it is on screen, cached in a bounded LRU that
is forgotten on resize, theme change and new data. The cursor is drawn on top at render time, so
a move redraws two rows. Titles, sources and tags come from outside: they are only ever plain
``Segment`` text, with control characters made visible, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.palette import layered_style
from tui.document.controls import show_controls
from tui.store.library import Article

ROW_CACHE_SIZE = 512  # strips kept: a few screens' worth, bounded whatever the library's size
GAP = 1  # cells between columns, and before the first
MIN_TITLE = 16  # below this, columns are hidden (least useful first) to give the title room
ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class ArticleRow:
    """One article as the list shows it: plain values, no styling."""

    key: str
    title: str
    source: str
    published: str
    added: str
    words: int
    notes: int
    read: bool
    position: int
    length: int
    tags: tuple[str, ...]

    @classmethod
    def of(cls, article: Article, notes: int) -> ArticleRow:
        return cls(article.id, article.title, article.source or "", article.published or "",
                   article.added, article.words, notes, article.read, article.position,
                   article.length, article.tags)

    @property
    def progress(self) -> str:
        """``read``, how far the reader got (``42%``), or ``new``."""
        if self.read:
            return "read"
        if self.position and self.length:
            return f"{min(99, 100 * self.position // self.length)}%"
        return "new"


@dataclass(frozen=True)
class Column:
    """A column: its text for a row, how it sorts, and how it is laid out."""

    key: str
    label: str
    text: Callable[[ArticleRow], str]
    sort: Callable[[ArticleRow], tuple[object, ...]]
    width: int  # cells; 0 for the title, which takes the slack
    right: bool = False  # numbers line up on the right
    fit: bool = False  # as narrow as its widest text (up to ``width``), e.g. mostly-empty tags


COLUMNS: tuple[Column, ...] = (
    Column("title", "Title", lambda r: r.title, lambda r: (r.title.casefold(),), 0),
    Column("source", "Source", lambda r: r.source, lambda r: (r.source.casefold(),), 16,
           fit=True),
    Column("published", "Published", lambda r: r.published, lambda r: (r.published,), 11),
    Column("added", "Added", lambda r: r.added[:10], lambda r: (r.added,), 10),
    Column("words", "Words", lambda r: f"{r.words:,}", lambda r: (r.words,), 8, right=True),
    Column("notes", "Notes", lambda r: str(r.notes) if r.notes else "", lambda r: (r.notes,), 7,
           right=True),
    Column("read", "Read", lambda r: r.progress,
           lambda r: (r.read, r.position / max(1, r.length)), 6),
    Column("tags", "Tags", lambda r: ", ".join(r.tags),
           lambda r: (tuple(t.casefold() for t in r.tags),), 18, fit=True),
)
COLUMN = {c.key: c for c in COLUMNS}
HIDE_ORDER = ("tags", "notes", "added", "source", "words", "published", "read")


def visible_text(text: str) -> str:
    """Outside text on one row: controls shown as symbols, line breaks and tabs as spaces."""
    return show_controls(text).replace("\n", " ").replace("\t", " ")


def fit(text: str, width: int, right: bool = False) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis (wide characters
    counted as two cells)."""
    size = len(text) if text.isascii() else cell_len(text)
    if size > width:
        return set_cell_size(text, width - 1) + ELLIPSIS if width > 0 else ""
    pad = " " * (width - size)
    return pad + text if right else text + pad


def widest(rows: Sequence[ArticleRow]) -> dict[str, int]:
    """The widest text (cells) of each column that fits its content, over ``rows``."""
    return {c.key: max((cell_len(visible_text(c.text(r))) for r in rows), default=0)
            for c in COLUMNS if c.fit}


def layout(width: int, content: dict[str, int]) -> list[tuple[Column, int, int]]:
    """Each shown column with its first cell and width, for a list ``width`` cells wide;
    ``content`` is :func:`widest` of the rows."""
    widths: dict[str, int] = {}
    for column in COLUMNS[1:]:
        size = column.width
        if column.fit:
            size = min(size, max(content.get(column.key, 0), len(column.label) + 2))
        widths[column.key] = size
    shown = [c for c in COLUMNS[1:]]
    for key in HIDE_ORDER:
        if width - sum(widths[c.key] + GAP for c in shown) - GAP >= MIN_TITLE:
            break
        shown = [c for c in shown if c.key != key]
    widths["title"] = max(1, width - sum(widths[c.key] + GAP for c in shown) - GAP)
    placed: list[tuple[Column, int, int]] = []
    x = GAP
    for column in (COLUMNS[0], *shown):
        placed.append((column, x, widths[column.key]))
        x += widths[column.key] + GAP
    return placed


class ArticleList(ScrollView, can_focus=True):
    """Articles in rows under a pinned header, with a cursor; sortable by any column."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--header", "article-list--sorted", "article-list--cursor",
        "article-list--unread", "article-list--stripe",
    }  # styled with theme variables in styles/library.tcss
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", show=False),
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("pagedown,space", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("g,home", "first", "First", show=False),
        Binding("G,end", "last", "Last", show=False),
        Binding("s", "next_sort", "Sort by next column"),
        Binding("S", "reverse_sort", "Reverse the order"),
    ]

    class RowMessage(Message):
        """About ``row``, at ``index`` in the shown order."""

        def __init__(self, article_list: ArticleList, row: ArticleRow, index: int) -> None:
            super().__init__()
            self.article_list = article_list
            self.row = row
            self.index = index

        @property
        def control(self) -> ArticleList:
            return self.article_list

    class Highlighted(RowMessage):
        """The cursor moved to ``row``."""

    class Selected(RowMessage):
        """``row`` was chosen: Enter, or a click on the cursor row."""

    class Sorted(Message):
        """The order changed: by ``column``, descending if ``reverse``."""

        def __init__(self, article_list: ArticleList, column: str, reverse: bool) -> None:
            super().__init__()
            self.article_list = article_list
            self.column = column
            self.reverse = reverse

        @property
        def control(self) -> ArticleList:
            return self.article_list

    def __init__(self, *, sort_column: str = "added", sort_reverse: bool = True,
                 name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.sort_column = sort_column
        self.sort_reverse = sort_reverse
        self.rows: tuple[ArticleRow, ...] = ()
        self.cursor_row = 0
        self._cache: LRUCache[tuple[int, int], Strip] = LRUCache(ROW_CACHE_SIZE)
        self._layout: list[tuple[Column, int, int]] = []
        self._layout_width = -1
        self._widest: dict[str, int] | None = None  # per data, not per width
        self._styles: dict[tuple[str, ...], Style] = {}

    # ------------------------------------------------------------------- data
    def set_rows(self, rows: Sequence[ArticleRow], keep: str | None = None) -> None:
        """Show ``rows`` in the current order; the cursor stays on ``keep`` if it is there."""
        self.rows = tuple(sorted(rows, key=COLUMN[self.sort_column].sort,
                                 reverse=self.sort_reverse))
        self._widest = None
        self._forget()
        self.virtual_size = Size(0, len(self.rows) + 1)  # rows fit the width: no sideways scroll
        index = self.index_of(keep) if keep is not None else None
        self.move_cursor(index or 0, force=True)

    def sort_by(self, column: str, reverse: bool) -> None:
        """Order by ``column``; the cursor stays on its article."""
        keep = self.current.key if self.current else None
        self.sort_column, self.sort_reverse = column, reverse
        self.set_rows(self.rows, keep)
        self.post_message(self.Sorted(self, column, reverse))

    def index_of(self, key: str) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.key == key), None)

    def row(self, key: str) -> ArticleRow | None:
        index = self.index_of(key)
        return None if index is None else self.rows[index]

    @property
    def current(self) -> ArticleRow | None:
        """The row under the cursor, if there are rows."""
        return self.rows[self.cursor_row] if 0 <= self.cursor_row < len(self.rows) else None

    @staticmethod
    def cell(row: ArticleRow, column: str) -> str:
        """The text shown for ``row`` in ``column`` (before fitting to the column's width)."""
        return visible_text(COLUMN[column].text(row))

    # ----------------------------------------------------------------- cursor
    def move_cursor(self, index: int, force: bool = False) -> None:
        index = max(0, min(index, len(self.rows) - 1))
        if index == self.cursor_row and not force:
            return
        old, self.cursor_row = self.cursor_row, index
        self.refresh_line(old + 1)
        self.refresh_line(index + 1)
        self.scroll_to_cursor()
        if self.current is not None:
            self.post_message(self.Highlighted(self, self.current, index))

    def scroll_to_cursor(self) -> None:
        """Scroll as little as needed for the cursor row to be on screen, under the header."""
        page = self._page()
        top = self.scroll_offset.y
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + page:
            self.scroll_to(y=self.cursor_row - page + 1, animate=False, immediate=True)

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_page_down(self) -> None:
        page = self._page()
        self.scroll_to(y=self.scroll_offset.y + page, animate=False, immediate=True)
        self.move_cursor(self.cursor_row + page)

    def action_page_up(self) -> None:
        page = self._page()
        self.scroll_to(y=self.scroll_offset.y - page, animate=False, immediate=True)
        self.move_cursor(self.cursor_row - page)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.rows) - 1)

    def action_select(self) -> None:
        if self.current is not None:
            self.post_message(self.Selected(self, self.current, self.cursor_row))

    def action_next_sort(self) -> None:
        keys = [c.key for c in COLUMNS]
        self.sort_by(keys[(keys.index(self.sort_column) + 1) % len(keys)], False)

    def action_reverse_sort(self) -> None:
        self.sort_by(self.sort_column, not self.sort_reverse)

    # ------------------------------------------------------------------ mouse
    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if offset.y == 0:
            column = self.column_at(offset.x)
            if column is not None:
                reverse = not self.sort_reverse if column == self.sort_column else False
                self.sort_by(column, reverse)
            return
        index = self.scroll_offset.y + offset.y - 1
        if 0 <= index < len(self.rows):
            if index == self.cursor_row:
                self.action_select()
            else:
                self.move_cursor(index)

    def column_at(self, x: int) -> str | None:
        """The column whose cells include ``x``, or ``None`` in a gap."""
        for column, start, width in self._columns():
            if start <= x < start + width:
                return column.key
        return None

    # -------------------------------------------------------------- rendering
    def _forget(self) -> None:
        self._cache.clear()
        self._layout_width = -1
        self.refresh()

    def notify_style_update(self) -> None:
        """A theme switch (or any CSS change): every cached strip has stale colours."""
        super().notify_style_update()
        self._cache.clear()
        self._styles.clear()

    def _style(self, layers: tuple[str, ...]) -> Style:
        """The component classes ``layers`` over the list's own style, blended and readable."""
        style = self._styles.get(layers)
        if style is None:
            style = self._styles[layers] = layered_style(self, self.rich_style, layers)
        return style

    def on_resize(self, event: events.Resize) -> None:
        self._forget()
        self.call_after_refresh(self.scroll_to_cursor)

    def _columns(self) -> list[tuple[Column, int, int]]:
        width = self.scrollable_content_region.width
        if width != self._layout_width:
            if self._widest is None:
                self._widest = widest(self.rows)
            self._layout = layout(width, self._widest)
            self._layout_width = width
        return self._layout

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._header(width)
        index = self.scroll_offset.y + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        if index == self.cursor_row:
            return self._row(index, width, cursor=True)
        strip = self._cache.get((index, width))
        if strip is None:
            strip = self._cache[(index, width)] = self._row(index, width, cursor=False)
        return strip

    def _header(self, width: int) -> Strip:
        base = self._style(("article-list--header",))
        sorted_style = self._style(("article-list--header", "article-list--sorted"))
        segments = []
        for column, _start, size in self._columns():
            label = column.label
            style = base
            if column.key == self.sort_column:
                label += " \u25bc" if self.sort_reverse else " \u25b2"
                style = sorted_style
            segments.append(Segment(" " * GAP, base))
            segments.append(Segment(fit(label, size, column.right), style))
        return Strip(segments).adjust_cell_length(width, base)

    def _row(self, index: int, width: int, cursor: bool) -> Strip:
        row = self.rows[index]
        layers: tuple[str, ...] = ("article-list--stripe",) if index % 2 else ()
        if cursor:
            layers += ("article-list--cursor",)
        base = self._style(layers)
        title = self._style((*layers, "article-list--unread")) if not row.read else base
        (first, _, title_width), *rest = self._columns()
        gap = " " * GAP
        cells = gap.join(fit(self.cell(row, c.key), size, c.right) for c, _, size in rest)
        # Three segments a row, not two per column: fewer for the compositor to cut and crop.
        segments = [Segment(gap, base),
                    Segment(fit(self.cell(row, first.key), title_width), title),
                    Segment(gap + cells, base)]
        return Strip(segments).adjust_cell_length(width, base)
