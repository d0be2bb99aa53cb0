"""A bare app that shows one screen or widget, for testing dialogs and panels on their own."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from tui.resources import styles_dir

SIZE = (100, 36)


class Host(App[None]):
    """Pushes ``make_screen()`` on mount and records what it is dismissed with."""

    CSS_PATH: ClassVar[Any] = [Path(styles_dir()) / "gloss.tcss",  # as the app loads them
                               Path(styles_dir()) / "dialogs.tcss"]

    def __init__(self, make_screen: Callable[[], Screen[Any]] | None = None,
                 make_widget: Callable[[], Widget] | None = None) -> None:
        super().__init__()
        self.make_screen = make_screen
        self.make_widget = make_widget
        self.results: list[Any] = []
        self.posted: list[Message] = []

    def compose(self) -> ComposeResult:
        if self.make_widget is not None:
            yield self.make_widget()

    def on_mount(self) -> None:
        if self.make_screen is not None:
            self.push_screen(self.make_screen(), callback=self.results.append)

    def record(self, message: Message) -> None:
        """A ``message_hook`` for ``run_test``."""
        self.posted.append(message)


def screen_text(app: App[Any]) -> str:
    """The screen as plain text, one line per terminal row (read from the SVG export)."""
    rows: dict[int, list[str]] = {}
    pattern = r'<text [^>]*clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>(.*?)</text>'
    for match in re.finditer(pattern, app.export_screenshot()):
        rows.setdefault(int(match[1]), []).append(html.unescape(match[2]).replace("\xa0", " "))
    return "\n".join("".join(rows[r]) for r in sorted(rows))
