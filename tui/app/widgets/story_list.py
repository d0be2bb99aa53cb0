"""A merged timeline as a list: one row per entry, the vague and undated grouped at the end.

Each row: the date as a reader says it, the event word, who takes part, how many articles tell
it, a mark when their dates disagree, and how many notes touch it. Names and words come from
articles, so rows are ``Text`` built from plain strings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.analysis.date_labels import label
from tui.corpus.story import StoryEntry, place

GROUP_HEADINGS = {"before": "Before publication, no date", "after": "After publication, no date",
                  "undated": "Undated"}
DATE_WIDTH = 18
CONFLICT = "≠"


def entry_day(entry: StoryEntry) -> date | None:
    """Where an entry sits on the time axis: the first day of its anchor; None when vague."""
    if entry.group != "dated" or entry.anchor is None:
        return None
    placement = place(entry.anchor)
    return placement.lo.date() if placement is not None else None


def entry_row(entry: StoryEntry, names: Mapping[str, str], notes: int) -> Text:
    when = label(entry.anchor) if entry.group == "dated" and entry.anchor else "—"
    row = Text(f"{when[:DATE_WIDTH]:<{DATE_WIDTH}} ", style="bold", no_wrap=True,
               overflow="ellipsis")
    row.append(entry.text)
    who = [names[p] for p in entry.participants if p in names]
    if who:
        row.append("  " + ", ".join(who[:3]) + (" …" if len(who) > 3 else ""), style="italic")
    count = len(entry.docs)
    row.append(f"  {count} article{'s' if count != 1 else ''}", style="italic")
    if notes:
        row.append(f"  ✎{notes}", style="bold")
    if entry.conflict:
        row.append(f"  {CONFLICT} " + " / ".join(label(d) for d in entry.dates), style="bold")
    if entry.superseded:
        row.append("  was " + ", ".join(label(d) for d in entry.superseded), style="italic")
    return row


class StoryList(OptionList):
    """The entries of a story or entity timeline; posts which entry is highlighted/chosen."""

    class EntryHighlighted(Message):
        def __init__(self, entry: int | None) -> None:
            super().__init__()
            self.entry = entry

    class EntryChosen(Message):
        def __init__(self, entry: int) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[StoryEntry] = []
        self._entry_at: list[int | None] = []  # option position → entry index

    def show(self, entries: Sequence[StoryEntry], names: Mapping[str, str],
             notes: Sequence[int]) -> None:
        self.entries = list(entries)
        options: list[Option] = []
        self._entry_at = []
        group = "dated"
        for index, entry in enumerate(self.entries):
            if entry.group != group and entry.group in GROUP_HEADINGS:
                group = entry.group
                options.append(Option(Text(GROUP_HEADINGS[group], style="bold underline"),
                                      disabled=True))
                self._entry_at.append(None)
            options.append(Option(entry_row(entry, names, notes[index])))
            self._entry_at.append(index)
        if not options:
            options.append(Option(Text("No events", style="italic"), disabled=True))
            self._entry_at.append(None)
        self.clear_options()
        self.add_options(options)
        if self.entries:
            self.highlighted = self._entry_at.index(0)

    @property
    def selected_entry(self) -> int | None:
        position = self.highlighted
        if position is None or position >= len(self._entry_at):
            return None
        return self._entry_at[position]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.EntryHighlighted(self.selected_entry))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        entry = self.selected_entry
        if entry is not None:
            self.post_message(self.EntryChosen(entry))
