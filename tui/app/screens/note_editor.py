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
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, RadioSet, Static, TextArea

from tui.app.widgets.choice_set import Choice, ChoiceSet
from tui.document.controls import one_line, show_controls
from tui.store.model import CATEGORIES

DRAFT_DELAY = 0.3  # seconds of quiet before a draft is handed over
HINT = "ctrl+s save · esc close (draft kept) · tab next field"
CATEGORY_KEY = "ctrl+t"  # a control chord every terminal sends intact (alt+digit is not)
CATEGORY_LABEL = f"Category ({CATEGORY_KEY}, then 1…8)"
CATEGORY_LABEL_FOCUSED = "Category: press 1…8, or ←→"
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
        Binding("ctrl+s", "save", "Save note"),
        Binding("escape", "close", "Close (draft kept)"),
        Binding(CATEGORY_KEY, "pick_category", "Category: then 1…8"),
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
        self._return_to: Widget | None = None  # where ctrl+t came from: a digit goes back

    def compose(self) -> ComposeResult:
        with Vertical(id="note-editor", classes="dialog"):
            yield Static(Text(show_controls(self.subject)), id="note-subject", markup=False)
            yield TextArea(self.initial_body, soft_wrap=True, tab_behavior="focus",
                           show_line_numbers=False, id="note-body")
            yield Input(self.initial_tags, placeholder="tags, comma or space separated",
                        id="note-tags", select_on_focus=False)  # back from ctrl+t: append
            yield Static(Text(CATEGORY_LABEL, style="dim"), id="note-category-label",
                         markup=False)
            with ChoiceSet(id="note-category", compact=True):
                for i, name in enumerate(CATEGORIES, start=1):
                    yield Choice(f"{i} {name}", value=name == self.initial_category,
                                      id=f"category-{name}")
            yield Static(Text(HINT), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        body = self.query_one("#note-body", TextArea)
        body.focus()
        body.move_cursor(body.document.end)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self._label_category(isinstance(event.widget, ChoiceSet))

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, ChoiceSet):
            self._label_category(False)
            self._return_to = None

    def on_choice_set_numbered(self, event: ChoiceSet.Numbered) -> None:
        """``ctrl+t 3`` is one gesture: after the digit, typing goes on where it was."""
        event.stop()
        if self._return_to is not None:
            self._return_to.focus()

    def _label_category(self, focused: bool) -> None:
        """Say when digits choose a category, so a reader knows where the next key goes."""
        label = self.query_one("#note-category-label", Static)
        label.update(Text(CATEGORY_LABEL_FOCUSED, style="bold") if focused
                     else Text(CATEGORY_LABEL, style="dim"))

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

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        if event.pressed.id is not None:
            self._category = event.pressed.id.removeprefix("category-")
        self._schedule_draft()

    def _read_fields(self) -> None:
        """Catch up with the fields: keys typed fast reach a binding before the change events."""
        self._body = self.query_one("#note-body", TextArea).text
        self._tags = self.query_one("#note-tags", Input).value
        pressed = self.query_one("#note-category", ChoiceSet).chosen
        if pressed is not None and pressed.id is not None:
            self._category = pressed.id.removeprefix("category-")

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
        self._read_fields()
        self.dismiss(self.draft)

    def action_close(self) -> None:
        self._read_fields()
        self.flush_draft()
        self.dismiss(None)

    def action_pick_category(self) -> None:
        """Focus the categories, where a digit (or an arrow) chooses at once."""
        choices = self.query_one("#note-category", ChoiceSet)
        if self.focused is not choices:
            self._return_to = self.focused
        choices.focus()
