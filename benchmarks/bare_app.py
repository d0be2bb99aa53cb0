"""The first-paint baseline: the same text in a stock Textual widget, with no analysis, no store.

``Log`` is Textual's cheapest way to put many lines on screen (Line API, only visible lines are
drawn); it does not wrap, so the baseline also leaves out the wrapping that Gloss does.

    python -m benchmarks.bare_app PATH
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Log


class BareApp(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit")]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        yield Log(auto_scroll=False)

    def on_mount(self) -> None:
        self.query_one(Log).write_lines(self.path.read_text(encoding="utf-8").splitlines())


if __name__ == "__main__":
    BareApp(Path(sys.argv[1])).run()
