"""The legend: one chip per entity category with its count; click or press its number to toggle."""

from __future__ import annotations

from collections.abc import Mapping

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget

from tui.app.highlights import CATEGORIES
from tui.app.palette import layered_style
from tui.store.model import CATEGORIES as NOTE_CATEGORIES


class LegendChip(Widget):
    """``1 Person 12``: in the colours of the highlights it names, struck through when hidden.

    The chip has the article's highlight component classes (one stylesheet rule styles both)
    and resolves them the same way, at render time, so a theme switch repaints it too.
    """

    COMPONENT_CLASSES = {f"article--{key}" for key, _, _ in CATEGORIES}

    def __init__(self, key: str, number: int, name: str) -> None:
        super().__init__(classes=f"chip chip--{key}")
        self.key = key
        self.number = number
        self.display_name = name
        self.count = 0
        self.hidden = False

    def update_chip(self, count: int, hidden: bool) -> None:
        if (count, hidden) == (self.count, self.hidden):
            return
        wider = len(str(count)) != len(str(self.count))
        self.count, self.hidden = count, hidden
        self.set_class(hidden, "-hidden")
        self.refresh(layout=wider)  # a new count of the same width need not move the others

    def render(self) -> Text:
        label = f"{self.number} {self.display_name} {self.count}"
        if self.hidden:
            return Text(f" {label} ")
        style = layered_style(self, self.rich_style, (f"article--{self.key}",))
        pad = Style(bgcolor=style.bgcolor)  # no underline under the padding
        return Text.assemble((" ", pad), (label, style), (" ", pad))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(Legend.Toggled(self.key))


class CategoryChip(Widget):
    """``3 question``: a highlight category, shown while a passage is selected."""

    COMPONENT_CLASSES = {"category-chip--label"}

    def __init__(self, number: int, name: str) -> None:
        super().__init__(classes="category-chip")
        self.number = number
        self.label = f" {number} {name} "

    def render(self) -> Text:
        return Text(self.label, layered_style(self, self.rich_style, ("category-chip--label",)))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(Legend.Picked(self.number))


class Legend(Horizontal):
    """Entity categories with counts; while selecting, the highlight categories instead."""

    class Toggled(Message):
        def __init__(self, category: str) -> None:
            self.category = category
            super().__init__()

    class Picked(Message):
        """A highlight category was clicked while a passage is selected."""

        def __init__(self, number: int) -> None:
            self.number = number
            super().__init__()

    def compose(self) -> ComposeResult:
        for number, (key, name, _) in enumerate(CATEGORIES, start=1):
            yield LegendChip(key, number, name)
        for number, name in enumerate(NOTE_CATEGORIES, start=1):
            yield CategoryChip(number, name)

    _selecting: bool | None = None

    def on_mount(self) -> None:
        self._selecting = None
        self.show_categories(False)

    def show_categories(self, selecting: bool) -> None:
        """Digits mean highlight categories while selecting, entity types otherwise.

        Called on every cursor move, so it does nothing unless the mode changes."""
        if selecting == self._selecting:
            return
        self._selecting = selecting
        for chip in self.query(LegendChip):
            chip.display = not selecting
        for category in self.query(CategoryChip):
            category.display = selecting

    def update_counts(self, counts: Mapping[str, int], hidden: set[str]) -> None:
        for chip in self.query(LegendChip):
            chip.update_chip(counts.get(chip.key, 0), chip.key in hidden)
