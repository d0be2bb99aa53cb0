"""Ask what to add to the library: files, folders, URLs or feeds, on one line."""

from __future__ import annotations

import shlex
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


def parse_inputs(line: str) -> list[str]:
    """Shell-like words, so a path with spaces can be quoted; unbalanced quotes split on spaces."""
    try:
        words = shlex.split(line)
    except ValueError:
        words = line.split()
    return [str(Path(w).expanduser()) if w.startswith("~") else w for w in words]


class AddDialog(ModalScreen[list[str] | None]):
    """Returns the inputs to add, or None when cancelled."""

    CSS_PATH = str(Path(styles_dir()) / "library.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="add-dialog"):
            yield Static(Text("Add to the library"), markup=False)
            yield Input(placeholder="files, folders, URLs or feeds (quote paths with spaces)",
                        id="add-input")
            yield Static(Text("Enter adds \u00b7 Esc cancels"), classes="tag-hint",
                         markup=False)

    @on(Input.Submitted, "#add-input")
    def _add(self, event: Input.Submitted) -> None:
        inputs = parse_inputs(event.value)
        self.dismiss(inputs or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
