"""The timeline beside the article: normalized dates in order, each with the event it dates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.analysis.model import Analysis, TimelineEntry
from tui.app.widgets.side_list import SideList

VAGUE = "Undated / vague"
NO_DATES = "No dates found"
RELATION_MARK = {"past": "◀ past", "present": "● now", "future": "▶ future"}


def entry_prompt(entry: TimelineEntry, notes: int = 0) -> Group:
    """Date and relation, then the event and the wordings, indented under it."""
    head = Text()
    head.append(entry.label, style="bold")
    head.append(f"  {RELATION_MARK.get(entry.relation, entry.relation)}", style="dim")
    if notes:
        head.append(f"  ✎{notes}", style="italic")
    lines: list[Padding | Text] = [head]
    if entry.event:
        lines.append(Padding(Text(entry.event), (0, 0, 0, 2)))
    wordings = Counter(entry.expressions)
    quoted = ", ".join(f"“{w}”" + (f" ×{n}" if n > 1 else "") for w, n in wordings.items())
    if quoted:
        lines.append(Padding(Text(quoted, style="dim"), (0, 0, 0, 2)))
    return Group(*lines)


def context_text(analysis: Analysis) -> Text:
    text = Text()
    text.append("Published ", style="dim")
    text.append(analysis.dct or "unknown", style="bold")
    text.append(f" ({analysis.dct_source})", style="dim")
    text.append("  ·  Dates ", style="dim")
    text.append(analysis.date_order, style="bold")
    text.append(f" ({analysis.date_order_source})", style="dim")
    return text


class TimelinePanel(Vertical):
    """DCT and date order at the top, then one option per timeline entry.

    The list is filled when first shown: a book's thousands of entries cost nothing while the
    panel is hidden.
    """

    class Jump(Message):
        """The reader chose an entry: scroll the article to it."""

        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.list = SideList(id="timeline-list")
        self._entry_at: list[int | None] = []  # option position → timeline index
        self._pending: tuple[Analysis, Mapping[str, int]] | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Analysing…", style="dim"), id="timeline-context", markup=False)
        yield self.list

    def show(self, analysis: Analysis, note_counts: Mapping[str, int] | None = None) -> None:
        """Take the analysis' timeline; ``fill`` lists it (the side panel calls it when shown).

        ``note_counts`` maps an entry's value to the number of notes on it.
        """
        self.query_one("#timeline-context", Static).update(context_text(analysis))
        self._pending = (analysis, note_counts or {})

    def fill(self) -> None:
        """Build the options of the last ``show`` if not built yet."""
        if self._pending is None:
            return
        analysis, note_counts = self._pending
        self._pending = None
        rows: list[int | str] = []  # a timeline index, or a heading
        vague_started = False
        for index, entry in enumerate(analysis.timeline):
            if entry.vague and not vague_started:
                vague_started = True
                rows.append(VAGUE)
            rows.append(index)
        if not analysis.timeline:
            rows.append(NO_DATES)
        timeline = analysis.timeline

        def make(row: int | str) -> Option:
            if isinstance(row, str):
                return Option(Text(row, style="bold dim" if row == VAGUE else "dim"),
                              disabled=True)
            entry = timeline[row]
            return Option(entry_prompt(entry, note_counts.get(entry.value, 0)))

        self._entry_at = [row if isinstance(row, int) else None for row in rows]
        self.list.show_items(rows, make)

    @property
    def selected_entry(self) -> int | None:
        """The timeline index of the highlighted entry, or None."""
        self.fill()
        position = self.list.highlighted
        if position is None or position >= len(self._entry_at):
            return None
        return self._entry_at[position]

    def highlight_entry(self, index: int) -> None:
        self.fill()
        self.list.complete()
        if index in self._entry_at:
            self.list.highlighted = self._entry_at.index(index)
        self.list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = self._entry_at[event.option_index] if event.option_index < len(
            self._entry_at) else None
        if index is not None:
            self.post_message(self.Jump(index))
