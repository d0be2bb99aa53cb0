"""A one-line progress bar on stderr for ``gloss analyze``, drawn only on a terminal.

A long text takes minutes to analyse; on a terminal the user sees what is happening (loading,
then a bar), while a pipe or a log file gets nothing but the results and real errors.
"""

from __future__ import annotations

import os
import shutil
import time
from types import TracebackType
from typing import TextIO

BAR_CELLS = 24
ERASE_LINE = "\r\x1b[K"
REDRAW_SECONDS = 0.1  # a stream of short texts must not spend its time drawing


class ProgressBar:
    """``status("loading…")``, then ``update(done, total)``; the line is erased on close."""

    def __init__(self, stream: TextIO, *, enabled: bool | None = None,
                 redraw_seconds: float = REDRAW_SECONDS) -> None:
        self.stream = stream
        self.enabled = _is_terminal(stream) if enabled is None else enabled
        self.redraw_seconds = redraw_seconds
        self._drawn_at: float | None = None
        self._started = time.monotonic()

    def status(self, text: str) -> None:
        """A line of text in place of the bar, e.g. while the pipeline loads."""
        self._draw(text, force=True)

    def update(self, done: int, total: int | None, unit: str = "characters") -> None:
        """``done`` of ``total`` (``None`` when the size is unknown: a count alone)."""
        if not self.enabled:
            return
        elapsed = _clock(time.monotonic() - self._started)
        if not total:
            self._draw(f"analysing… {done:,} {unit}  {elapsed}", force=False)
            return
        share = min(max(done / total, 0.0), 1.0)
        filled = round(share * BAR_CELLS)
        bar = "█" * filled + "░" * (BAR_CELLS - filled)
        self._draw(f"analysing {bar} {int(share * 100):3d}%  {done:,}/{total:,} {unit}  "
                   f"{elapsed}", force=done >= total)

    def close(self) -> None:
        """Erase the line, so the results (or an error) start on a clean line."""
        if self.enabled and self._drawn_at is not None:
            self.stream.write(ERASE_LINE)
            self.stream.flush()
            self._drawn_at = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def _draw(self, line: str, *, force: bool) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and self._drawn_at is not None and now - self._drawn_at < self.redraw_seconds:
            return
        width = _width(self.stream)
        self.stream.write(ERASE_LINE + line[:max(width - 1, 0)])
        self.stream.flush()
        self._drawn_at = now


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


def _width(stream: TextIO) -> int:
    """The terminal's width (a line longer than it would wrap and never be erased)."""
    try:
        columns = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        columns = shutil.get_terminal_size().columns
    return columns or 80


def _clock(seconds: float) -> str:
    minutes, seconds = divmod(int(seconds), 60)
    return f"{minutes}:{seconds:02d}"
