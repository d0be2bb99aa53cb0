"""One line under the article: what is under the cursor, progress, and notices."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class StatusLine(Static):
    """Shows a notice when there is one, else a description of the span under the cursor."""

    progress: reactive[str] = reactive("")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._where = Text()
        self._notice: Text | None = None

    def show_where(self, text: Text, *, keep_notice: bool = False) -> None:
        """Describe the cursor position; a move clears the notice, a re-wrap keeps it."""
        self._where = text
        if not keep_notice:
            self._notice = None
        self._redraw()

    def notice(self, message: str) -> None:
        self._notice = Text(message, style="italic")
        self._redraw()

    def watch_progress(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        line = Text(no_wrap=True, overflow="ellipsis")
        if self.progress:
            line.append(f"{self.progress}  ", style="bold")
        line.append_text(self._notice or self._where)
        self.update(line, layout=False)  # one fixed-height line: no screen re-layout
