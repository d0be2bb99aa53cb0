"""The library: every article in a sortable list, a filter line, and search hits in context.

The list is an ``ArticleList`` (Line API: only visible rows are drawn, outside text never parsed
as markup); hit contexts are ``Text`` built from plain strings. Filtering and full-text search
run in a thread worker, so typing never waits for them; the list is refilled from their result.
Choosing an article or a hit posts ``LibraryScreen.OpenArticle``; the app decides how to open
the reader.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.screens.add_dialog import AddDialog
from tui.app.screens.tag_dialog import TagDialog
from tui.app.story_messages import StoryWanted
from tui.app.widgets.article_list import COLUMN, ArticleList, ArticleRow
from tui.document.model import Document
from tui.errors import GlossError
from tui.library.query import Query, matches, parse_query
from tui.resources import styles_dir
from tui.store.db import Store
from tui.store.library import Article, Library
from tui.store.search_index import Hit

if TYPE_CHECKING:
    from tui.app.screens.library_export import LibraryExportRequest

HIT_LIMIT = 100
_TABLE_KEYS: list[BindingType] = [  # the table's and hit list's own keys, for the help
    Binding("enter", "open", "Open the article (or the search hit) in the reader"),
    Binding("up,down,pageup,pagedown", "move", "Move through the list"),
    Binding("tab", "focus_next", "Between the filter line, the table and the hits"),
    Binding("escape", "back", "From the filter line back to the table"),
]


@dataclass(frozen=True)
class Listing:
    """What the table shows for one query: the articles in order, and the search hits."""

    query: Query
    articles: tuple[Article, ...]
    hits: tuple[Hit, ...]
    notes: Counter[str]


class LibraryScreen(Screen[None]):
    """All articles; ``/`` filters and searches, Enter opens."""

    CSS_PATH = str(Path(styles_dir()) / "library.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark,f1", "help", "Help"),
        # A priority binding runs as the key arrives, before the keys typed after it are
        # passed on; so they reach the filter line, not the table, where d removes.
        Binding("slash", "focus_filter", "Filter / search", priority=True),
        Binding("a", "add_articles", "Add"),
        Binding("N", "all_notes", "All notes"),
        Binding("ctrl+e", "export", "Export"),
        Binding("s", "next_sort", "Sort by next column"),
        Binding("S", "reverse_sort", "Reverse the order"),
        Binding("m", "toggle_read", "Mark read / unread"),
        Binding("t", "edit_tags", "Tags"),
        Binding("d", "remove_article", "Remove from library"),
        Binding("u", "undo_remove", "Undo remove"),
        Binding("T", "story", "Story timeline of the listed articles"),
        Binding("tab", "focus_next", "Next list", show=False),
    ]

    class OpenArticle(Message):
        """Open the reader on ``doc_id`` at ``offset`` (a hit, or the reading position)."""

        def __init__(self, doc_id: str, offset: int) -> None:
            super().__init__()
            self.doc_id = doc_id
            self.offset = offset

    class ArticlesAdded(Message):
        """Articles new to the library, for the app to analyse in its worker processes."""

        def __init__(self, doc_ids: tuple[str, ...]) -> None:
            super().__init__()
            self.doc_ids = doc_ids

    def __init__(self, library: Library, store: Store | None = None, *,
                 name: str | None = None) -> None:
        super().__init__(name=name)
        self.library = library
        self.store = store
        self.table = ArticleList(id="library-table")  # the sort order lives in the list
        self.listing: Listing | None = None
        self.removed: list[Article] = []
        self._asked = 0  # how many listings were asked for: only the latest is shown
        self._chosen: str | None = None  # the article the reader last moved to in the table
        self._analysing = ""  # the background analysis's progress, for the status line

    def compose(self) -> ComposeResult:
        yield Input(placeholder='Filter: words, tag:x source:x before:2025-08 after:2025 '
                                'is:unread has:notes entity:"Name"', id="library-filter")
        yield Static(id="library-problems", markup=False)
        yield self.table
        yield OptionList(id="library-hits")
        yield Static(id="library-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.table.focus()
        self.refresh_listing()

    # -- listing ----------------------------------------------------------------------------

    def refresh_listing(self) -> None:
        """Re-read the library and apply the filter line (in a worker)."""
        self._list(self.query_one("#library-filter", Input).value)

    def _list(self, line: str) -> None:
        self._asked += 1
        self._list_in_thread(line, self._asked)

    @work(thread=True, exclusive=True, exit_on_error=False, group="library-list",
          description="filter and search the library")
    def _list_in_thread(self, line: str, asked: int) -> None:
        listing = self.build_listing(line)
        # A cancelled thread worker still runs to the end: only the latest listing is shown.
        self.app.call_from_thread(self._show_latest, listing, asked)

    def _show_latest(self, listing: Listing, asked: int) -> None:
        if asked == self._asked:
            self._show(listing)

    def build_listing(self, line: str) -> Listing:
        """The articles and hits for ``line``: filters on the records, words on the index."""
        query = parse_query(line)
        notes = self._notes()
        articles = [a for a in self.library.articles() if matches(a, query, notes)]
        hits: list[Hit] = []
        if query.words:
            hits = self.library.search(query.text, HIT_LIMIT, {a.id for a in articles})
            found = {h.doc_id for h in hits}
            articles = [a for a in articles if a.id in found]
        return Listing(query, tuple(self._sorted(articles, notes)), tuple(hits), notes)

    def _notes(self) -> Counter[str]:
        """Notes per article, and the index's copy of the notes brought up to date."""
        if self.store is None:
            return Counter()
        notes = self.store.all_notes()
        stamp = hashlib.sha256("\n".join(sorted(f"{n.id} {n.modified}" for n in notes))
                               .encode()).hexdigest()
        self.library.index_notes(notes, stamp)
        return Counter(n.doc_id for n in notes)

    @property
    def sort_column(self) -> str:
        return self.table.sort_column

    @sort_column.setter
    def sort_column(self, key: str) -> None:
        self.table.sort_column = key

    @property
    def sort_reverse(self) -> bool:
        return self.table.sort_reverse

    @sort_reverse.setter
    def sort_reverse(self, reverse: bool) -> None:
        self.table.sort_reverse = reverse

    def _sorted(self, articles: Sequence[Article], notes: Counter[str]) -> list[Article]:
        """In the list's order, so ``listing.articles`` reads as the screen shows it."""
        sort = COLUMN[self.sort_column].sort
        return sorted(articles, key=lambda a: sort(ArticleRow.of(a, notes[a.id])),
                      reverse=self.sort_reverse)

    def _show(self, listing: Listing) -> None:
        self.listing = listing
        self.table.set_rows([ArticleRow.of(a, listing.notes[a.id]) for a in listing.articles],
                            keep=self._chosen)
        hits = self.query_one("#library-hits", OptionList)
        hits.clear_options()
        titles = {a.id: a.title for a in listing.articles}
        hits.add_options([Option(_hit_line(h, titles.get(h.doc_id, "")), id=str(i))
                          for i, h in enumerate(listing.hits)])
        hits.display = bool(listing.query.words)
        if listing.hits:
            hits.highlighted = 0
        problems = self.query_one("#library-problems", Static)
        problems.update(Text("; ".join(listing.query.problems)))
        problems.display = bool(listing.query.problems)
        self._show_status()

    def _show_status(self) -> None:
        status = _status(self.listing) if self.listing is not None else Text()
        if self._analysing:
            status.append(f" \u00b7 {self._analysing}")
        self.query_one("#library-status", Static).update(status)

    def show_analysis(self, done: int, total: int, failed: int = 0) -> None:
        """The app's background analysis of added articles: how far it is."""
        if done >= total:
            self._analysing = (f"{failed} of {total} not analysed" if failed else "")
        else:
            self._analysing = f"analysing {done + 1} of {total}\u2026"
        if self.is_mounted:
            self._show_status()

    # -- events -----------------------------------------------------------------------------

    @on(Input.Changed, "#library-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self._list(event.value)

    @on(Input.Submitted, "#library-filter")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        words = parse_query(event.value).words
        self.set_focus(self.query_one("#library-hits" if words else "#library-table"))

    @on(ArticleList.Selected, "#library-table")
    def _row_selected(self, event: ArticleList.Selected) -> None:
        article = self._article(event.row.key)
        if article is not None:
            self.post_message(self.OpenArticle(article.id, article.position))

    @on(ArticleList.Highlighted, "#library-table")
    def _row_highlighted(self, event: ArticleList.Highlighted) -> None:
        if event.article_list.has_focus:  # the reader's own move, not a re-listing
            self._chosen = event.row.key

    @on(ArticleList.Sorted, "#library-table")
    def _list_sorted(self, event: ArticleList.Sorted) -> None:
        """A header click or the list's own key: the listing follows the new order."""
        if self.listing is not None:
            listing = self.listing
            articles = self._sorted(listing.articles, listing.notes)
            self.listing = Listing(listing.query, tuple(articles), listing.hits, listing.notes)

    @on(OptionList.OptionSelected, "#library-hits")
    def _hit_selected(self, event: OptionList.OptionSelected) -> None:
        if self.listing is None or event.option.id is None:
            return
        hit = self.listing.hits[int(event.option.id)]
        self.post_message(self.OpenArticle(hit.doc_id, hit.offset))

    def key_escape(self) -> None:
        """Escape in the filter line goes back to the table (the app may bind it elsewhere)."""
        if self.focused is self.query_one("#library-filter", Input):
            self.set_focus(self.query_one("#library-table"))

    # -- actions ----------------------------------------------------------------------------

    def action_story(self) -> None:
        """The merged timeline of the articles the filter lists now."""
        if self.listing is None or not self.listing.articles:
            self.notify("No articles listed", timeout=3)
            return
        line = self.query_one("#library-filter", Input).value.strip()
        self.post_message(StoryWanted(tuple(a.id for a in self.listing.articles),
                                      line or "the library"))

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen([("Library", self.BINDINGS),
                                         ("Table", _TABLE_KEYS)]))

    def binding_sources(self) -> Iterable[tuple[Widget, list[BindingType]]]:
        """Where the palette finds commands: this screen's keys."""
        yield self, self.BINDINGS

    def action_all_notes(self) -> None:
        if self.store is None:
            self.notify("No notes database is open.", markup=False)
            return
        from tui.app.screens.all_notes import AllNotesScreen

        self.app.push_screen(AllNotesScreen(self.library, self.store))

    def action_export(self) -> None:
        from tui.app.screens.library_export import LibraryExportDialog

        if self.store is None:
            self.notify("No notes database is open.", markup=False)
            return
        self.app.push_screen(LibraryExportDialog(Path.cwd()), self._export_chosen)

    def _export_chosen(self, request: LibraryExportRequest | None) -> None:
        if request is not None:
            self.notify("Exporting the library\u2026", markup=False)
            self._export_in_thread(request)

    @work(thread=True, exclusive=True, exit_on_error=False, group="library-export",
          description="export the library")
    def _export_in_thread(self, request: LibraryExportRequest) -> None:
        from tui.export.many import gather, write_all

        assert self.store is not None
        try:
            items = gather(self.library, self.store)
            written = write_all(request.format_key, items, request.path,
                                force=request.overwrite)
        except GlossError as error:
            self.app.call_from_thread(self.notify, f"Export not written: {error}",
                                      title="Export", severity="error", markup=False)
            return
        files = len(written.paths)
        where = (f"{files} file{'s' if files != 1 else ''} in {request.path}"
                 if request.format_key == "md" else str(request.path))
        self.app.call_from_thread(
            self.notify, f"Exported {written.notes} note{'s' if written.notes != 1 else ''} "
            f"from {len(items)} article{'s' if len(items) != 1 else ''} to {where}",
            title="Export", markup=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In the filter line / is a character to type (``source:example.com/news``)."""
        if action == "focus_filter":
            return not isinstance(self.focused, Input)
        return True

    def action_focus_filter(self) -> None:
        self.set_focus(self.query_one("#library-filter", Input))  # at once, see BINDINGS

    def action_next_sort(self) -> None:
        self.table.action_next_sort()

    def action_reverse_sort(self) -> None:
        self.table.action_reverse_sort()

    def action_toggle_read(self) -> None:
        article = self.current_article()
        if article is not None:
            self.library.mark_read(article.id, not article.read)
            self.refresh_listing()

    def action_add_articles(self) -> None:
        def add(inputs: list[str] | None) -> None:
            if inputs:
                self.notify("Adding…", markup=False)
                self._add_in_thread(inputs)

        self.app.push_screen(AddDialog(), add)

    @work(thread=True, exit_on_error=False, group="library-add",
          description="add articles to the library")
    def _add_in_thread(self, inputs: list[str]) -> None:
        from tui.library.sources import outcomes

        added: list[str] = []
        problems: list[str] = []
        for _where, outcome in outcomes(inputs):
            if isinstance(outcome, Document):
                result = self.library.add(outcome)
                if result.status != "known":
                    added.append(result.article.id)
            else:
                problems.append(str(outcome))
        self.app.call_from_thread(self._added, tuple(added), problems)

    def _added(self, added: tuple[str, ...], problems: list[str]) -> None:
        for problem in problems:
            self.notify(problem, severity="warning", markup=False)
        count = len(added)
        self.notify(f"{count} article{'s' if count != 1 else ''} added", markup=False)
        self.refresh_listing()
        if added:
            self.post_message(self.ArticlesAdded(added))

    def action_edit_tags(self) -> None:
        article = self.current_article()
        if article is None:
            return

        def save(tags: tuple[str, ...] | None) -> None:
            if tags is not None:
                self.library.set_tags(article.id, tags)
                self.refresh_listing()

        self.app.push_screen(TagDialog(_plain(article.title), article.tags), save)

    def action_remove_article(self) -> None:
        article = self.current_article()
        if article is None:
            return
        removed = self.library.remove(article.id)
        if removed is not None:
            self.removed.append(removed)
            self.notify(f"Removed \u201c{_plain(removed.title)}\u201d; its notes are kept. "
                        "u undoes.", markup=False)
            self.refresh_listing()

    def action_undo_remove(self) -> None:
        if self.removed:
            self.library.restore(self.removed.pop())
            self.refresh_listing()

    def current_article(self) -> Article | None:
        row = self.table.current
        return None if row is None else self._article(row.key)

    def _article(self, key: str) -> Article | None:
        if self.listing is None:
            return None
        return next((a for a in self.listing.articles if a.id == key), None)


def _plain(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _hit_line(hit: Hit, title: str) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(_plain(title, 30), style="bold")
    line.append(" \u00b7 note: " if hit.kind == "note" else " \u00b7 ", style="dim")
    line.append(hit.context.replace("\n", " "))
    offset = len(line) - len(hit.context)
    if hit.end > hit.start:
        line.stylize("reverse", offset + hit.start, offset + hit.end)
    return line


def _status(listing: Listing) -> Text:
    count = len(listing.articles)
    unread = sum(1 for a in listing.articles if not a.read)
    parts = [f"{count} article{'s' if count != 1 else ''}", f"{unread} unread"]
    if listing.query.words:
        parts.append(f"{len(listing.hits)} hit{'s' if len(listing.hits) != 1 else ''}")
    return Text(" \u00b7 ".join(parts))
