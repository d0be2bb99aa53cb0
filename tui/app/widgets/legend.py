"""The legend: one chip per entity category with its count; click or press its number to toggle."""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual import events
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Static

from tui.app.highlights import CATEGORIES


class LegendChip(Static):
    """``1 Person 12``: styled like the highlights it names, struck through when hidden."""

    def __init__(self, key: str, number: int, name: str) -> None:
        super().__init__("", classes=f"chip chip--{key}", markup=False)
        self.key = key
        self.number = number
        self.display_name = name
        self.count = 0
        self.hidden = False

    def update_chip(self, count: int, hidden: bool) -> None:
        self.count, self.hidden = count, hidden
        self.set_class(hidden, "-hidden")
        self.update(Text(f"{self.number} {self.display_name} {count}"))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(Legend.Toggled(self.key))


class Legend(Horizontal):
    """Entity categories, their counts, and whether each is shown."""

    class Toggled(Message):
        def __init__(self, category: str) -> None:
            self.category = category
            super().__init__()

    def compose(self):  # type: ignore[no-untyped-def]
        for number, (key, name, _) in enumerate(CATEGORIES, start=1):
            yield LegendChip(key, number, name)

    def update_counts(self, counts: Mapping[str, int], hidden: set[str]) -> None:
        for chip in self.query(LegendChip):
            chip.update_chip(counts.get(chip.key, 0), chip.key in hidden)
