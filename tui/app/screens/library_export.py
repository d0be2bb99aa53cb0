"""The library's export dialog: Markdown into a folder, or one W3C / Readwise file of all.

It only asks; the library screen writes through ``tui.export.many`` (the single-article
renderers). As in the reader's export dialog, nothing is replaced by one keystroke: when the
file exists, or the folder already holds files, the first ``enter`` warns and a second one on
the same path confirms.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, RadioSet, Static

from tui.app.widgets.choice_set import ChoiceSet
from tui.document.controls import one_line, show_controls
from tui.export import FORMATS
from tui.export.many import LIBRARY_FORMATS
from tui.resources import styles_dir

FOLDER = "gloss-library"  # the default Markdown folder (a vault to drop in)
HINT = "enter export · esc cancel · ↑↓ format"


@dataclass(frozen=True)
class LibraryExportRequest:
    format_key: str
    path: Path
    overwrite: bool = False


def default_target(directory: Path, key: str) -> Path:
    if key == "md":
        return directory / FOLDER
    return directory / f"{FOLDER}-notes{FORMATS[key].extension}"


class LibraryExportDialog(ModalScreen[LibraryExportRequest | None]):
    """Pick a format and where it goes; returns a request, or None when cancelled."""

    CSS_PATH = str(Path(styles_dir()) / "library.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export"),
        Binding("enter", "export", "Export", show=False),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, default_dir: Path) -> None:
        super().__init__()
        self.default_dir = default_dir
        self.format_key = "md"
        self._auto = show_controls(str(default_target(default_dir, "md")))
        self._confirmed: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="export-dialog", classes="dialog"):
            yield Static(Text("Export the library", style="bold"), classes="dialog-title",
                         markup=False)
            with ChoiceSet(id="export-format", compact=True):
                for key in LIBRARY_FORMATS:
                    label = FORMATS[key].label + (", a file per article" if key == "md"
                                                  else ", every note in one file")
                    yield RadioButton(label, value=key == self.format_key, id=f"format-{key}")
            yield Static(Text("Save to", style="dim"), markup=False)
            yield Input(self._auto, id="export-path")
            yield Static(id="export-warning", classes="dialog-error", markup=False)
            yield Static(Text(HINT), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self._warn("")
        self.query_one("#export-format", RadioSet).focus()

    @property
    def path(self) -> Path | None:
        value = self.query_one("#export-path", Input).value.strip()
        if value == self._auto:
            return default_target(self.default_dir, self.format_key)
        if not value:
            return None
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.default_dir / path

    def _warn(self, message: str) -> None:
        warning = self.query_one("#export-warning", Static)
        warning.update(Text(one_line(message)))
        warning.display = bool(message)

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.pressed.id is None:
            return
        self.format_key = event.pressed.id.removeprefix("format-")
        path_input = self.query_one("#export-path", Input)
        if path_input.value == self._auto:  # not edited: follow the format
            self._auto = show_controls(str(default_target(self.default_dir, self.format_key)))
            path_input.value = self._auto

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._confirmed = None
        self._warn("")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def action_export(self) -> None:
        path = self.path
        if path is None:
            self._warn("Type where to export to")
            return
        if not path.parent.is_dir():
            self._warn(f"No such folder: {path.parent}")
            return
        folder = self.format_key == "md"
        if folder and path.exists() and not path.is_dir():
            self._warn(f"{path.name} is a file: Markdown goes into a folder")
            return
        if not folder and path.is_dir():
            self._warn(f"{path} is a folder: add a file name")
            return
        occupied = any(path.iterdir()) if folder and path.is_dir() else path.exists()
        if occupied and path != self._confirmed:
            self._confirmed = path
            what = "holds files: files of the same name" if folder else "exists: it"
            self._warn(f"{path.name} {what} will be replaced; press enter again")
            return
        self.dismiss(LibraryExportRequest(self.format_key, path, occupied))

    def action_cancel(self) -> None:
        self.dismiss(None)
