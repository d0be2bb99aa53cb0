"""The page of one library entity: its timeline across articles, every mention, the articles.

The page is computed off the UI thread (reading cached analyses and article snapshots), then
shown. Enter on a mention, an article or a timeline entry asks the app to open that article
in the reader at that place. ``M`` merges another entity into this one and ``X`` splits the
selected mention's article cluster off it; both decisions are kept in the store.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from tui.app.screens.entity_pick import EntityPick
from tui.app.screens.story_export import StoryExport, StoryExportDialog, write_export
from tui.app.store_writer import STORE_ERRORS
from tui.app.story_messages import OpenArticleAt
from tui.app.widgets.story_list import StoryList, entry_day
from tui.app.widgets.time_axis import TimeAxis
from tui.corpus.cast import Merge, Split
from tui.corpus.pages import EntityPage, entity_page
from tui.corpus.story import StoryEntry
from tui.library.cast_source import LibraryCast, notes_on
from tui.resources import styles_dir
from tui.store.model import Note


class EntityPageScreen(Screen[None]):
    """One entity across the library."""

    CSS_PATH = str(Path(styles_dir()) / "stories.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back"),
        Binding("t", "show_tab('timeline')", "Timeline"),
        Binding("m", "show_tab('mentions')", "Mentions"),
        Binding("a", "show_tab('articles')", "Articles"),
        Binding("plus,equals_sign", "zoom(-1)", "Zoom in"),
        Binding("minus", "zoom(1)", "Zoom out"),
        Binding("M", "merge", "Merge with another entity"),
        Binding("X", "split", "Split the mention's alias off"),
        Binding("ctrl+e", "export", "Export the timeline"),
    ]

    def __init__(self, corpus: LibraryCast, entity_id: str | None = None,
                 notes: list[Note] | None = None, *,
                 origin: tuple[str, int] | None = None) -> None:
        """The page of ``entity_id``, or of the entity article cluster ``origin`` (doc id,
        cluster id) belongs to, found once the cast is built."""
        super().__init__()
        self.corpus = corpus
        self.entity_id = entity_id or ""
        self.origin = origin
        self.notes = notes or []
        self.page: EntityPage | None = None
        self.axis = TimeAxis(id="axis")
        self.timeline = StoryList(id="entity-timeline")

    def compose(self) -> ComposeResult:
        yield Static("Loading…", id="page-title", markup=False)
        yield self.axis
        with TabbedContent(id="page-tabs", initial="timeline"):
            with TabPane("Timeline", id="timeline"):
                yield self.timeline
            with TabPane("Mentions", id="mentions"):
                yield OptionList(id="entity-mentions")
            with TabPane("Articles", id="articles"):
                yield OptionList(id="entity-articles")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        self._build()

    @work(thread=True, exclusive=True, exit_on_error=False, group="entity-page",
          description="Gathering the entity's mentions and events")
    def _build(self) -> None:
        cast = self.corpus.refresh()
        if not self.entity_id and self.origin is not None:
            self.entity_id = cast.entity_of(*self.origin) or ""
        if not self.entity_id:
            self.app.call_from_thread(self._no_page)
            return
        page = entity_page(cast, self.entity_id, self.corpus.text_of)
        self.app.call_from_thread(self._show, page)

    def _no_page(self) -> None:
        self.app.notify("Only names (people, places, organisations…) have a page")
        self.dismiss()

    def _show(self, page: EntityPage | None) -> None:
        self.page = page
        title = self.query_one("#page-title", Static)
        if page is None:
            title.update(Text("This entity is no longer in the library"))
            return
        entity = page.entity
        head = Text(entity.name, style="bold", no_wrap=True, overflow="ellipsis")
        head.append(f"  {entity.label} · {len(page.mentions)} mentions in "
                    f"{len(page.articles)} article{'s' if len(page.articles) != 1 else ''}")
        others = [a for a in entity.aliases if a != entity.name]
        if others:
            head.append("  also " + ", ".join(others[:6]), style="italic")
        title.update(head)
        names = {e.id: e.name for e in self.corpus.cast.entities().values()}
        entries = list(page.events)
        self.timeline.show(entries, names, notes_on(entries, self.notes))
        self.axis.show([entry_day(e) for e in entries], [len(e.docs) for e in entries])
        self.axis.select(self.timeline.selected_entry)
        mentions = self.query_one("#entity-mentions", OptionList)
        mentions.clear_options()
        for m in page.mentions:
            row = Text(f"{self.corpus.title_of(m.doc)[:24]:<24} ", style="italic", no_wrap=True,
                       overflow="ellipsis")
            row.append(m.before)
            row.append(m.text, style="bold reverse")
            row.append(m.after)
            mentions.add_option(Option(row))
        articles = self.query_one("#entity-articles", OptionList)
        articles.clear_options()
        for doc, count in page.articles:
            row = Text(self.corpus.title_of(doc))
            row.append(f"  ×{count}", style="italic")
            articles.add_option(Option(row))
        self.timeline.focus()

    # -- following the list -------------------------------------------------------------------

    @on(StoryList.EntryHighlighted)
    def _highlighted(self, message: StoryList.EntryHighlighted) -> None:
        self.axis.select(message.entry)

    @on(StoryList.EntryChosen)
    def _entry_chosen(self, message: StoryList.EntryChosen) -> None:
        first = self.timeline.entries[message.entry].sources[0]
        self.post_message(OpenArticleAt(first.doc, first.event.start))

    @on(OptionList.OptionSelected, "#entity-mentions")
    def _mention_chosen(self, event: OptionList.OptionSelected) -> None:
        if self.page is not None:
            mention = self.page.mentions[event.option_index]
            self.post_message(OpenArticleAt(mention.doc, mention.start))

    @on(OptionList.OptionSelected, "#entity-articles")
    def _article_chosen(self, event: OptionList.OptionSelected) -> None:
        if self.page is None:
            return
        doc = self.page.articles[event.option_index][0]
        first = next((m.start for m in self.page.mentions if m.doc == doc), 0)
        self.post_message(OpenArticleAt(doc, first))

    # -- actions ------------------------------------------------------------------------------

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        target = {"timeline": "#entity-timeline", "mentions": "#entity-mentions",
                  "articles": "#entity-articles"}[tab]
        self.query_one(target).focus()

    def action_zoom(self, step: int) -> None:
        self.axis.zoom_by(step)
        self.notify(f"Axis: one cell a {self.axis.zoom}", timeout=2)

    def action_merge(self) -> None:
        if self.page is None:
            return
        others = [e for e in self.corpus.cast.entities().values() if e.id != self.entity_id]

        def chosen(other: str | None) -> None:
            if other is not None:
                self._decide(Merge(self.entity_id, other), "Merged")

        self.app.push_screen(EntityPick(f"Merge into {self.page.entity.name}:", others), chosen)

    def action_split(self) -> None:
        if self.page is None:
            return
        mentions = self.query_one("#entity-mentions", OptionList)
        if self.query_one(TabbedContent).active != "mentions" or mentions.highlighted is None:
            self.notify("Choose a mention in the Mentions tab (m) to split its alias off",
                        timeout=4)
            return
        mention = self.page.mentions[mentions.highlighted]
        analysis = self.corpus.cast.analyses.get(mention.doc)
        cluster = next((e.cluster for e in analysis.entities
                        if (e.start, e.end) == (mention.start, mention.end)), None) \
            if analysis is not None else None
        if cluster is None:
            return
        if len(self.page.entity.members) < 2:
            self.notify("This entity has only one alias group; nothing to split off", timeout=4)
            return
        self._decide(Split(self.entity_id, (mention.doc, cluster)), "Split off")

    def _decide(self, decision: Merge | Split, done: str) -> None:
        try:
            self.corpus.decide(decision)
        except STORE_ERRORS as error:
            self.notify(f"The decision was not kept: {error}", severity="error")
            return
        self.notify(done, timeout=2)
        self.reload()

    def action_export(self) -> None:
        """Write the timeline as Markdown, iCalendar, TimelineJS or CSV."""
        if not self.timeline.entries:
            self.notify("Nothing to export yet", timeout=3)
            return
        title = self.page.entity.name if self.page is not None else ""

        def chosen(request: StoryExport | None) -> None:
            if request is not None:
                self._export(request, title, list(self.timeline.entries))

        self.app.push_screen(StoryExportDialog(title), chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="story-export",
          description="Writing the timeline")
    def _export(self, request: StoryExport, title: str, entries: list[StoryEntry]) -> None:
        said = write_export(request, title, entries, self.corpus, self.notes)
        self.app.call_from_thread(self.notify, said, markup=False)
