"""The ``/`` search prompt at the bottom; Enter searches, Escape returns to the article."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    BINDINGS = [Binding("escape", "close", "Close search", show=False)]

    class Closed(Message):
        pass

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search (case-insensitive; Enter to find, Esc to close)",
                         id=id)

    def action_close(self) -> None:
        self.post_message(self.Closed())
