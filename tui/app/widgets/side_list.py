"""The side panel's lists move with the article's keys: j/k a row, g/G the first/last."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList

VIM_KEYS: list[BindingType] = [
    Binding("j", "cursor_down", "Down", show=False),
    Binding("k", "cursor_up", "Up", show=False),
    Binding("g", "first", "First", show=False),
    Binding("G", "last", "Last", show=False),
]


class SideList(OptionList):
    """An ``OptionList`` with the vim keys."""

    BINDINGS: ClassVar[list[BindingType]] = VIM_KEYS
