"""The note editor: body, tags and category for one selection, entity, date or document.

Nothing typed is ever lost: every change reaches ``on_draft`` (debounced, and flushed when the
editor closes), so the caller can persist a draft that survives ``esc`` and even a crash.
``ctrl+s`` returns the note; ``esc`` returns ``None`` and leaves the draft with the caller.
A stored body or tag may come from an import: its control characters are made visible before
any widget holds it, or the terminal would obey them (OSC 52 writes the clipboard).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Select, Static, TextArea

from tui.document.controls import one_line, show_controls
from tui.store.model import CATEGORIES

DRAFT_DELAY = 0.3  # seconds of quiet before a draft is handed over
HINT = "ctrl+s save · esc close (draft kept) · alt+1…8 category"
Draft = dict[str, Any]  # {"body": str, "tags": tuple[str, ...], "category": str}


def parse_tags(value: str) -> tuple[str, ...]:
    """Tags typed as ``war, #peace talks`` → ``("war", "peace", "talks")``: no ``#``, no repeats.

    Repeats are found case-insensitively; the first spelling wins.
    """
    tags: list[str] = []
    seen: set[str] = set()
    for raw in re.split(r"[,\s]+", value):
        tag = raw.lstrip("#")
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            tags.append(tag)
    return tuple(tags)


class NoteEditor(ModalScreen[Draft | None]):
    """A modal editor: multi-line body, a tags field and a category picker."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save note", priority=True),
        Binding("escape", "close", "Close (draft kept)"),
        *(Binding(f"alt+{i}", f"category({i - 1})", f"Category: {name}", show=False,
                  priority=True)
          for i, name in enumerate(CATEGORIES, start=1)),
    ]

    def __init__(self, subject: str, *, body: str = "", tags: Sequence[str] = (),
                 category: str = CATEGORIES[0],
                 on_draft: Callable[[Draft], None] | None = None) -> None:
        super().__init__()
        self.subject = subject
        body = show_controls(body)
        self.initial_body = body
        self.initial_tags = ", ".join(one_line(tag) for tag in tags)
        self.initial_category = category if category in CATEGORIES else CATEGORIES[0]
        self.on_draft = on_draft
        self._body = body
        self._tags = self.initial_tags
        self._category = self.initial_category
        self._sent: Draft = self.draft
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor", classes="dialog"):
            yield Static(Text(show_controls(self.subject)), id="note-subject", markup=False)
            yield TextArea(self.initial_body, soft_wrap=True, tab_behavior="focus",
                           show_line_numbers=False, id="note-body")
            with Horizontal(id="note-fields"):
                yield Input(self.initial_tags, placeholder="tags, comma or space separated",
                            id="note-tags")
                yield Select([(f"{name}  alt+{i}", name)
                              for i, name in enumerate(CATEGORIES, start=1)], allow_blank=False,
                             value=self.initial_category, id="note-category")
            yield Static(Text(HINT), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        body = self.query_one("#note-body", TextArea)
        body.focus()
        body.move_cursor(body.document.end)

    @property
    def draft(self) -> Draft:
        """The note as it stands in the editor (kept from change events, so it outlives them)."""
        return {"body": self._body, "tags": parse_tags(self._tags), "category": self._category}

    # ------------------------------------------------------------------ drafts
    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._body = event.text_area.text
        self._schedule_draft()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._tags = event.value
        self._schedule_draft()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, str):
            self._category = event.value
        self._schedule_draft()

    def _schedule_draft(self) -> None:
        if self.on_draft is None:
            return
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DRAFT_DELAY, self.flush_draft)

    def flush_draft(self) -> None:
        """Hand the current draft to ``on_draft`` if it differs from the last one handed."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.on_draft is None:
            return
        draft = self.draft
        if draft != self._sent:
            self._sent = draft
            self.on_draft(dict(draft))

    def on_unmount(self) -> None:
        """The app is closing under the editor: hand over what the timer had not yet."""
        if self._timer is not None:
            self.flush_draft()

    # ------------------------------------------------------------------ actions
    def action_save(self) -> None:
        if self._timer is not None:  # the saved note supersedes any pending draft
            self._timer.stop()
            self._timer = None
        self.dismiss(self.draft)

    def action_close(self) -> None:
        self.flush_draft()
        self.dismiss(None)

    def action_category(self, index: int) -> None:
        self.query_one("#note-category", Select).value = CATEGORIES[index]
