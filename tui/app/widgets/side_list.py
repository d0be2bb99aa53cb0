"""The side panel's lists: vim keys, and options built a batch per frame.

A book's timeline has thousands of entries; building and measuring every option at once
blocked the UI for seconds when the analysis arrived. The first batch shows at once and the
rest follow one batch per refresh, so keys and scrolling stay live meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

VIM_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
]
BATCH = 200  # options built per refresh


class SideList(OptionList):
    """An ``OptionList`` with the vim keys, filled in batches."""

    BINDINGS: ClassVar[list[BindingType]] = VIM_KEYS

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rest: Sequence[Any] = ()
        self._make: Callable[[Any], Option] = Option
        self._done = 0
        self._generation = 0

    def show_items(self, items: Sequence[Any], make: Callable[[Any], Option]) -> None:
        """Replace the options with ``make(item)`` for each item, the first batch at once."""
        self._generation += 1
        self._rest, self._make, self._done = items, make, min(BATCH, len(items))
        highlighted = self.highlighted
        self.set_options([make(item) for item in items[:BATCH]])
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted
        if self._done < len(items):
            self.call_after_refresh(self._more, self._generation)

    def _more(self, generation: int) -> None:
        if generation != self._generation or self._done >= len(self._rest):
            return
        batch = self._rest[self._done:self._done + BATCH]
        self._done += len(batch)
        self.add_options([self._make(item) for item in batch])
        if self._done < len(self._rest):
            self.call_after_refresh(self._more, generation)

    def complete(self) -> None:
        """Build every remaining option now (a jump to an entry far down needs it)."""
        if self._done < len(self._rest):
            rest = self._rest[self._done:]
            self._done = len(self._rest)
            self.add_options([self._make(item) for item in rest])

    def action_last(self) -> None:
        self.complete()
        super().action_last()
