"""Every note of the document: filter, jump to a passage, edit, delete, re-attach.

The panel only lists and asks: it posts a message with the note id and the app does the work,
then calls ``show()`` again with the notes as they are now. Note text is untrusted, so every
prompt is a ``Text`` built from plain strings, with control characters made visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist

from tui.app.notes_filter import filter_notes, shorten, sort_notes, target_text
from tui.app.widgets.side_list import VIM_KEYS
from tui.document.controls import show_controls
from tui.store.model import Note

BADGES = {
    "exact": ("● exact", "dim"),
    "moved": ("↷ moved", "italic"),
    "fuzzy": ("≈ fuzzy", "italic yellow"),
    "orphaned": ("⚠ orphaned", "bold red"),
}
EMPTY = "No notes yet — select with v, then a to annotate"
NO_MATCH = "No notes match the filter"
QUOTE_CHARS = 90  # about two lines of the side panel
BODY_LINES = 2
BODY_CHARS = 80


def note_prompt(note: Note, text: str) -> Content:
    """Category and anchoring state, the quote or target, the body's first lines, the tags."""
    parts: list[str | tuple[str, str]] = [(note.category, "bold")]
    if note.target == "passage":
        badge, style = BADGES.get(note.anchor, (note.anchor, ""))
        parts.append((f"  {badge}", style))
    target = show_controls(shorten(target_text(note, text), QUOTE_CHARS))
    parts.append((f"\n“{target}”" if note.target == "passage" else f"\n{target}", "italic"))
    lines = [line for line in note.body.splitlines() if line.strip()]
    parts.extend("\n" + show_controls(shorten(line, BODY_CHARS)) for line in lines[:BODY_LINES])
    if len(lines) > BODY_LINES:
        parts.append((" …", "dim"))
    if note.tags:
        parts.append(("\n" + show_controls(" ".join(f"#{tag}" for tag in note.tags)),
                      "dim bold"))
    return Content.assemble(*parts)


class NotesList(OptionList):
    """The list part of the panel; its keys act on the highlighted note."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *VIM_KEYS,
        Binding("enter", "select", "Jump to the note"),
        Binding("e", "note('edit')", "Edit note"),
        Binding("d,delete", "note('delete')", "Delete note"),
        Binding("r", "note('reattach')", "Re-attach to selection"),
        Binding("o", "toggle_order", "Text order / newest first"),
    ]

    class Requested(Message):
        def __init__(self, action: str, note_id: str) -> None:
            self.action = action
            self.note_id = note_id
            super().__init__()

    class OrderToggled(Message):
        pass

    def action_note(self, action: str) -> None:
        option = self.highlighted_option
        if option is None or option.id is None:
            self.app.bell()
            return
        self.post_message(self.Requested(action, option.id))

    def action_toggle_order(self) -> None:
        self.post_message(self.OrderToggled())


class NotesPanel(Vertical):
    """A filter field above the list of notes, in text order or newest first."""

    class NoteMessage(Message):
        """Something the reader asked to do with one note."""

        def __init__(self, note_id: str) -> None:
            self.note_id = note_id
            super().__init__()

    class Jump(NoteMessage):
        """Enter: scroll the article to the note's passage (or its entity/timeline entry)."""

    class Edit(NoteMessage):
        """``e``: open the note editor on this note."""

    class Delete(NoteMessage):
        """``d`` / delete: remove the note (the app offers undo)."""

    class Reattach(NoteMessage):
        """``r``: attach this passage note to the article's current selection."""

    MESSAGES: ClassVar[dict[str, type[NoteMessage]]] = {
        "edit": Edit, "delete": Delete, "reattach": Reattach,
    }

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._notes: tuple[Note, ...] = ()
        self._text = ""
        self._prompts: dict[Note, Content] = {}  # kept between shows: wrapping is the cost
        self.newest_first = False

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter: words tag: cat: state:",
                    id="notes-filter")
        yield Static(id="notes-summary", markup=False)
        yield NotesList(id="notes-list")

    def on_mount(self) -> None:
        self._refresh_list()

    # ------------------------------------------------------------------ public
    def show(self, notes: Sequence[Note], text: str) -> None:
        """List these notes (``text`` is the document text the passages point into).

        A note id given twice is listed once, as its last version.
        """
        self._notes = tuple({note.id: note for note in notes}.values())
        if text != self._text:
            self._prompts.clear()
        self._text = text
        self._prompts = {note: self._prompts[note] for note in self._notes
                         if note in self._prompts}
        self._refresh_list()

    @property
    def listed(self) -> list[str]:
        """Ids of the notes currently listed, in the order shown."""
        notes_list = self.query_one(NotesList)
        ids = (notes_list.get_option_at_index(i).id for i in range(notes_list.option_count))
        return [note_id for note_id in ids if note_id is not None]

    @property
    def highlighted_note(self) -> str | None:
        option = self.query_one(NotesList).highlighted_option
        return option.id if option is not None else None

    def highlight_note(self, note_id: str) -> bool:
        """Move the list's highlight to this note; False if it is not listed."""
        notes_list = self.query_one(NotesList)
        try:
            notes_list.highlighted = notes_list.get_option_index(note_id)
        except OptionDoesNotExist:
            return False
        return True

    def focus_list(self) -> None:
        self.query_one(NotesList).focus()

    def toggle_order(self) -> None:
        self.newest_first = not self.newest_first
        self._refresh_list()

    # ------------------------------------------------------------------ internals
    def _refresh_list(self) -> None:
        if not self.is_mounted:
            return
        query = self.query_one("#notes-filter", Input).value
        notes_list = self.query_one(NotesList)
        keep_id, keep_index = self.highlighted_note, notes_list.highlighted
        shown = sort_notes(filter_notes(self._notes, query, self._text), self.newest_first)
        notes_list.clear_options()
        options: list[Option | None] = []
        for note in shown:
            options += [Option(self._prompt(note), id=note.id), None]
        notes_list.add_options(options[:-1])  # a divider between notes, none after the last
        if not shown:
            notes_list.add_option(Option(Text(NO_MATCH if self._notes else EMPTY, style="dim"),
                                         disabled=True))
        elif keep_id is None or not self.highlight_note(keep_id):
            notes_list.highlighted = min(keep_index or 0, len(shown) - 1)
        self._update_summary(len(shown))

    def _prompt(self, note: Note) -> Content:
        prompt = self._prompts.get(note)
        if prompt is None:
            prompt = self._prompts[note] = note_prompt(note, self._text)
        return prompt

    def _update_summary(self, shown: int) -> None:
        total = len(self._notes)
        order = "newest first" if self.newest_first else "text order"
        count = f"{total} note{'s' if total != 1 else ''}"
        if shown != total:
            count = f"{shown} of {count}"
        self.query_one("#notes-summary", Static).update(
            Text(f"{count} · {order} (o)", style="dim"))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._refresh_list()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_list()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Jump(event.option.id))

    def on_notes_list_requested(self, event: NotesList.Requested) -> None:
        event.stop()
        if event.action == "reattach" and not self._is_passage(event.note_id):
            self.app.bell()
            return
        self.post_message(self.MESSAGES[event.action](event.note_id))

    def on_notes_list_order_toggled(self, event: NotesList.OrderToggled) -> None:
        event.stop()
        self.toggle_order()

    def _is_passage(self, note_id: str) -> bool:
        return any(n.id == note_id and n.target == "passage" for n in self._notes)
