"""The panel beside the article: timeline, entities and notes as tabs.

The panel owns its tabs: the reader screen asks it typed questions (which timeline entry,
which cluster is selected) and hears typed messages from the lists; it never reaches in. Its
width follows the terminal (a share of it, kept within bounds) and can be changed from the keys.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal

from textual.widgets import TabbedContent, TabPane

from tui.analysis.model import Analysis
from tui.app.widgets.entity_panel import EntityPanel
from tui.app.widgets.notes_panel import NotesPanel
from tui.app.widgets.timeline_panel import TimelinePanel
from tui.store.model import Note

Tab = Literal["timeline", "entities", "notes"]
SHARE = 0.35  # of the terminal width, at first
SHARE_STEP = 0.05
MIN_SHARE, MAX_SHARE = 0.2, 0.6
MIN_WIDTH = 30  # columns: below this an entry's date and event no longer fit
MIN_ARTICLE = 40  # columns the article keeps whatever the share


def panel_width(terminal: int, share: float) -> int:
    """The panel's columns for a terminal width: the share, clamped so both sides stay usable."""
    wanted = round(terminal * share)
    return max(MIN_WIDTH, min(wanted, max(MIN_WIDTH, terminal - MIN_ARTICLE)))


class SidePanel(TabbedContent):
    """Three tabs; a tab's list is filled when it is first shown (a book has thousands)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(initial="timeline-tab", id=id)
        self.timeline = TimelinePanel(id="timeline")
        self.entities = EntityPanel(id="entities")
        self.notes = NotesPanel(id="notes")
        self.share = SHARE
        self.compose_add_child(TabPane("Timeline", self.timeline, id="timeline-tab"))
        self.compose_add_child(TabPane("Entities", self.entities, id="entities-tab"))
        self.compose_add_child(TabPane("Notes", self.notes, id="notes-tab"))

    # ------------------------------------------------------------------ showing
    def showing(self, tab: Tab) -> bool:
        return bool(self.display) and self.active == f"{tab}-tab"

    def open(self, tab: Tab) -> None:
        """Show the panel on this tab and focus its list."""
        self.display = True
        self.active = f"{tab}-tab"
        self._fill(tab)
        if tab == "notes":
            self.notes.focus_list()
            return
        options = self.timeline.list if tab == "timeline" else self.entities
        if options.highlighted is None:
            options.action_first()  # a key acts on an entry at once: a, Enter
        options.focus()

    def hide(self) -> None:
        self.display = False

    def toggle(self, tab: Tab) -> bool:
        """Open this tab, or hide the panel if it is already showing; True when now shown."""
        if self.showing(tab):
            self.hide()
            return False
        self.open(tab)
        return True

    @property
    def list_focused(self) -> Tab | None:
        """Which tab's list has the focus, if any."""
        focused = self.screen.focused if self.is_attached else None
        if focused is None:
            return None
        if focused is self.timeline.list:
            return "timeline"
        if focused is self.entities:
            return "entities"
        if self.notes in focused.ancestors_with_self:
            return "notes"
        return None

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id is not None:
            self._fill(event.pane.id.removesuffix("-tab"))

    def _fill(self, tab: str) -> None:
        if tab == "timeline":
            self.timeline.fill()
        elif tab == "entities":
            self.entities.fill()

    # --------------------------------------------------------------------- data
    def show_analysis(self, analysis: Analysis, note_counts: Mapping[str, int]) -> None:
        self.timeline.show(analysis, note_counts)
        self.entities.show(analysis.clusters)
        if self.display and self.active:
            self._fill(self.active.removesuffix("-tab"))

    def show_timeline(self, analysis: Analysis, note_counts: Mapping[str, int]) -> None:
        """The timeline again (its note counts changed); the entities stay as they are."""
        self.timeline.show(analysis, note_counts)
        if self.showing("timeline"):
            self.timeline.fill()

    def show_notes(self, notes: Sequence[Note], text: str) -> None:
        self.notes.show(notes, text)

    # -------------------------------------------------------------------- width
    def fit(self, terminal: int) -> None:
        """Size the panel for a terminal this wide."""
        self.styles.width = panel_width(terminal, self.share)

    def widen(self, step: int, terminal: int) -> int:
        """Change the share by ``step`` steps; returns the new width in columns."""
        self.share = min(MAX_SHARE, max(MIN_SHARE, self.share + step * SHARE_STEP))
        self.fit(terminal)
        return panel_width(terminal, self.share)
