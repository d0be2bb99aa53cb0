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
        self._notice_at: int | None = None

    def show_where(self, text: Text, *, offset: int | None = None,
                   keep_notice: bool = False) -> None:
        """Describe the cursor at ``offset``; a move clears the notice, a re-wrap keeps it.

        A notice given ``at`` an offset stays while the cursor is there.
        """
        self._where = text
        if not keep_notice and (self._notice_at is None or offset != self._notice_at):
            self._notice = None
        self._redraw()

    def notice(self, message: str, *, at: int | None = None) -> None:
        """Say ``message`` until the cursor moves (from ``at``, when given)."""
        self._notice = Text(message, style="italic")
        self._notice_at = at
        self._redraw()

    def watch_progress(self) -> None:
        self._redraw()

    def _redraw(self) -> None:
        line = Text(no_wrap=True, overflow="ellipsis")
        if self.progress:
            line.append(f"{self.progress}  ", style="bold")
        line.append_text(self._notice or self._where)
        self.update(line, layout=False)  # one fixed-height line: no screen re-layout
