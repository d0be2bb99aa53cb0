"""Edit an article's tags: one line, comma-separated; Enter saves, Esc cancels."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from tui.resources import styles_dir


def parse_tags(line: str) -> tuple[str, ...]:
    """"war, Ukraine ,, war" → ("war", "Ukraine"): trimmed, no empties, first spelling kept."""
    seen: dict[str, str] = {}
    for part in line.split(","):
        tag = " ".join(part.split())
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return tuple(seen.values())


class TagDialog(ModalScreen[tuple[str, ...] | None]):
    """Returns the new tags, or None when cancelled."""

    CSS_PATH = str(Path(styles_dir()) / "library.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, tags: tuple[str, ...]) -> None:
        super().__init__()
        self.article_title = title
        self.tags = tags

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-dialog"):
            yield Static(Text(f"Tags for \u201c{self.article_title}\u201d"), markup=False)
            yield Input(", ".join(self.tags), placeholder="comma-separated, e.g. ukraine, talks",
                        id="tag-input")
            yield Static(Text("Enter saves \u00b7 Esc cancels"), classes="tag-hint",
                         markup=False)

    @on(Input.Submitted, "#tag-input")
    def _save(self, event: Input.Submitted) -> None:
        self.dismiss(parse_tags(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
