"""Export a story or entity timeline: a format and a file name; the screen writes the file.

An existing file is never replaced by one keystroke: the first Enter says so, a second Enter
on the same path replaces it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, RadioButton, Static

from tui.app.widgets.choice_set import ChoiceSet
from tui.corpus.story import StoryEntry
from tui.document.controls import show_controls
from tui.errors import GlossError
from tui.export.common import slug
from tui.export.files import write_atomically
from tui.export.story_items import STORY_FORMATS, render_story, story_items
from tui.library.cast_source import LibraryCast
from tui.store.model import Note

LABELS = {"md": "Markdown", "ics": "Calendar (iCalendar)", "timelinejs": "TimelineJS (JSON)",
          "csv": "CSV"}


@dataclass(frozen=True)
class StoryExport:
    format_key: str
    path: Path
    overwrite: bool


class StoryExportDialog(ModalScreen[StoryExport | None]):
    """Asks for the format and the file; returns the choice, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss", "Cancel")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.base = slug(title) or "story"
        self.format_key = "md"
        self._warned: Path | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="story-export"):
            yield Static("Export the timeline (enter export · esc cancel)", markup=False)
            with ChoiceSet(id="story-export-format"):
                for key, name in LABELS.items():
                    yield RadioButton(name, value=key == "md", id=f"format-{key}")
            yield Input(self._file_name("md"), id="story-export-path")
            yield Static("", id="story-export-problem", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def _file_name(self, key: str) -> str:
        return f"{self.base}-timeline{STORY_FORMATS[key]}"

    @on(ChoiceSet.Changed)
    def _format(self, event: ChoiceSet.Changed) -> None:
        key = (event.pressed.id or "format-md").removeprefix("format-")
        path = self.query_one(Input)
        if path.value == self._file_name(self.format_key):
            path.value = self._file_name(key)
        self.format_key = key

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            return
        path = Path(value).expanduser()
        if path.exists() and self._warned != path:
            self._warned = path
            self.query_one("#story-export-problem", Static).update(
                f"{show_controls(str(path))} exists: Enter again to replace it")
            return
        self.dismiss(StoryExport(self.format_key, path, overwrite=path.exists()))


def write_export(request: StoryExport, title: str, entries: Sequence[StoryEntry],
                 corpus: LibraryCast, notes: Sequence[Note]) -> str:
    """Render and write the file (off the UI thread); the line to tell the reader."""
    names = {e.id: e.name for e in corpus.cast.entities().values()}

    def url_of(doc: str) -> str | None:
        article = corpus.library.get(doc)
        return article.url if article is not None else None

    items = story_items(entries, names, corpus.title_of, notes, url_of)
    data = render_story(request.format_key, title, items).encode("utf-8")
    try:
        write_atomically(request.path, data, force=request.overwrite)
    except (OSError, GlossError) as error:
        return f"Not exported: {error}"
    return f"Exported {len(items)} entries to {show_controls(str(request.path))}"
