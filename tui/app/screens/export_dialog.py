"""The export dialog: a format, what to include, and where the file goes.

The dialog only asks; the app renders and writes the file. An existing file is never
overwritten by one keystroke: the first ``enter`` (or ``ctrl+s``) warns, a second one on the
same path confirms. Paths are outside text: shown with their control characters made visible.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, RadioButton, RadioSet, Static

from tui.app.widgets.choice_set import ChoiceSet
from tui.document.controls import one_line, show_controls
from tui.document.model import Document
from tui.export import FORMATS, ExportOptions, default_filename

HINT = "enter export · esc cancel · ↑↓ format · space ticks a box"
OPTION_LABELS = (
    ("notes", "Notes"), ("highlights", "Highlights"),
    ("timeline", "Timeline section"), ("entities", "Entity index"),
)
MARKDOWN_ONLY = ("timeline", "entities")  # options only the Markdown export uses


@dataclass(frozen=True)
class ExportRequest:
    """What the reader asked for; ``overwrite`` is True only after an explicit confirmation."""

    format_key: str
    path: Path
    options: ExportOptions
    overwrite: bool = False


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Pick a format and a path; returns an ``ExportRequest``, or ``None`` when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "export", "Export"),
        Binding("enter", "export", "Export", show=False),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, document: Document, default_dir: Path, *, format_key: str = "md",
                 options: ExportOptions | None = None) -> None:
        super().__init__()
        self.document = document
        self.default_dir = default_dir
        self.format_key = format_key if format_key in FORMATS else next(iter(FORMATS))
        self.initial_options = options or ExportOptions()
        self._auto_path = self._default_path(self.format_key)  # as shown, controls made visible
        self._auto_target = self._default_target(self.format_key)  # the real path behind it
        self._confirmed: Path | None = None  # the existing file the reader agreed to replace

    def _default_target(self, key: str) -> Path:
        return self.default_dir / default_filename(self.document, key)

    def _default_path(self, key: str) -> str:
        return show_controls(str(self._default_target(key)))

    def compose(self) -> ComposeResult:
        options = self.initial_options
        with Vertical(id="export-dialog", classes="dialog"):
            yield Static(Text("Export", style="bold"), classes="dialog-title", markup=False)
            with ChoiceSet(id="export-format", compact=True):
                for key, fmt in FORMATS.items():
                    yield RadioButton(fmt.label, value=key == self.format_key,
                                      id=f"format-{key}")
            with Grid(id="export-options"):
                for name, label in OPTION_LABELS:
                    yield Checkbox(label, getattr(options, name), id=f"opt-{name}", compact=True)
            yield Static(Text("Save to", style="dim"), markup=False)
            yield Input(self._auto_path, id="export-path")
            yield Static(id="export-warning", classes="dialog-error", markup=False)
            yield Static(Text(HINT), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self._sync_options()
        self._check_path()
        self.query_one("#export-format", RadioSet).focus()

    # ------------------------------------------------------------------ state
    @property
    def options(self) -> ExportOptions:
        def ticked(name: str) -> bool:
            return self.query_one(f"#opt-{name}", Checkbox).value

        return ExportOptions(notes=ticked("notes"), highlights=ticked("highlights"),
                             timeline=ticked("timeline"), entities=ticked("entities"),
                             now=self.initial_options.now)

    @property
    def path(self) -> Path | None:
        """The path typed, with ``~`` expanded; relative paths are under ``default_dir``."""
        value = self.query_one("#export-path", Input).value.strip()
        if value == self._auto_path:  # a folder whose name holds controls is still found
            return self._auto_target
        if not value:
            return None
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.default_dir / path

    def _sync_options(self) -> None:
        """Notes and highlights mean nothing to a timeline; sections only to Markdown."""
        timeline_only = FORMATS[self.format_key].suffix == "timeline"
        for name in ("notes", "highlights"):
            self.query_one(f"#opt-{name}", Checkbox).disabled = timeline_only
        for name in MARKDOWN_ONLY:
            self.query_one(f"#opt-{name}", Checkbox).disabled = self.format_key != "md"

    def _warn(self, message: str) -> None:
        warning = self.query_one("#export-warning", Static)
        warning.update(Text(one_line(message)))
        warning.display = bool(message)

    def _check_path(self) -> None:
        path = self.path
        if path is not None and path.is_file() and path != self._confirmed:
            self._warn(f"{path.name} exists: enter twice to overwrite it")
        else:
            self._warn("")

    # ------------------------------------------------------------------ events
    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.pressed.id is None:
            return
        self.format_key = event.pressed.id.removeprefix("format-")
        path_input = self.query_one("#export-path", Input)
        if path_input.value == self._auto_path:  # not edited by the reader: follow the format
            self._auto_path = self._default_path(self.format_key)
            self._auto_target = self._default_target(self.format_key)
            path_input.value = self._auto_path
        self._sync_options()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._confirmed = None
        self._check_path()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def action_export(self) -> None:
        path = self.path
        if path is None:
            self._warn("Type a file name to export to")
            return
        if path.is_dir():
            self._warn(f"{path} is a folder: add a file name")
            return
        if not path.parent.is_dir():
            self._warn(f"No such folder: {path.parent}")
            return
        overwrite = path.exists()
        if overwrite and path != self._confirmed:
            self._confirmed = path
            self._warn(f"{path.name} exists: press enter again to overwrite it")
            return
        self.dismiss(ExportRequest(self.format_key, path, self.options, overwrite))

    def action_cancel(self) -> None:
        self.dismiss(None)
