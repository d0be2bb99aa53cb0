"""The timeline beside the article: normalized dates in order, each with the event it dates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Group
from rich.padding import Padding
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.analysis.model import Analysis, TimelineEntry

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
    """DCT and date order at the top, then one option per timeline entry."""

    class Jump(Message):
        """The reader chose an entry: scroll the article to it."""

        def __init__(self, index: int) -> None:
            self.index = index
            super().__init__()

    def compose(self) -> ComposeResult:
        yield Static(Text("Analysing…", style="dim"), id="timeline-context", markup=False)
        yield OptionList(id="timeline-list")

    def show(self, analysis: Analysis, note_counts: Sequence[int] = ()) -> None:
        self.query_one("#timeline-context", Static).update(context_text(analysis))
        options = self.query_one("#timeline-list", OptionList)
        highlighted = options.highlighted
        items: list[Option] = []
        vague_started = False
        for index, entry in enumerate(analysis.timeline):
            if entry.vague and not vague_started:
                vague_started = True
                items.append(Option(Text("Undated / vague", style="bold dim"),
                                    disabled=True))
            count = note_counts[index] if index < len(note_counts) else 0
            items.append(Option(entry_prompt(entry, count), id=f"t{index}"))
        if not analysis.timeline:
            items.append(Option(Text("No dates found", style="dim"), disabled=True))
        options.set_options(items)  # one refresh, not one per entry
        if highlighted is not None and highlighted < options.option_count:
            options.highlighted = highlighted

    def highlight_entry(self, index: int) -> None:
        options = self.query_one("#timeline-list", OptionList)
        for position in range(options.option_count):
            if options.get_option_at_index(position).id == f"t{index}":
                options.highlighted = position
                options.focus()
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.startswith("t"):
            self.post_message(self.Jump(int(event.option.id[1:])))
