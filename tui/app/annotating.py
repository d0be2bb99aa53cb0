"""Annotating from the app: the note editor, drafts, the notes panel, re-attaching orphans.

A mixin for ``GlossApp``. The editor's every keystroke is saved as a draft in the store, so a
note survives ``esc``, a crash or a closed terminal; the draft is offered back next time.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from textual.widgets import TabbedContent

from tui.app import motions
from tui.app.highlights import CATEGORIES
from tui.app.navigating import Navigating
from tui.app.notebook import NoteBook
from tui.app.widgets.entity_panel import EntityPanel
from tui.app.widgets.notes_panel import NotesPanel
from tui.app.widgets.timeline_panel import TimelinePanel
from tui.document.model import Document
from tui.store.model import CATEGORIES as NOTE_CATEGORIES
from tui.store.model import Note, TextPositionSelector, TextQuoteSelector

SUBJECT_CHARS = 100


@dataclass(frozen=True)
class Target:
    """What a note being written will attach to."""

    kind: str  # passage / entity / timeline / document
    key: str | None = None  # cluster name or timeline value
    start: int = 0
    end: int = 0
    note_id: str | None = None  # set when editing an existing note

    @property
    def draft_key(self) -> str:
        if self.note_id:
            return f"edit:{self.note_id}"
        if self.kind == "passage":
            return f"passage:{self.start}-{self.end}"
        return f"{self.kind}:{self.key or ''}"

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _shorten(text: str, limit: int = SUBJECT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class Annotating(Navigating):
    """Note-taking actions of the app (state lives in ``GlossApp``); jumps come from Navigating."""

    document: Document
    notebook: NoteBook | None
    analysis: Any

    def _toggle(self, category: str) -> None:
        raise NotImplementedError

    # ----------------------------------------------------------------- targets
    def _target_here(self) -> Target | None:
        """The passage, entity or timeline entry the reader is on, by focus."""
        focused = self.focused
        if isinstance(focused, EntityPanel) and self.analysis is not None:
            option = focused.highlighted_option
            if option is not None and option.id:
                cluster = self.analysis.clusters[int(option.id[1:])]
                return Target("entity", cluster.name)
        if focused is not None and focused.id == "timeline-list" and self.analysis is not None:
            option = self.query_one(TimelinePanel).query_one("#timeline-list").highlighted_option  # type: ignore[attr-defined]
            if option is not None and option.id:
                entry = self.analysis.timeline[int(option.id[1:])]
                return Target("timeline", entry.value)
        view = self.article
        selection = view.selection
        if selection is None:
            spans = view.sentences or view.paragraphs
            selection = motions.span_containing(spans, view.cursor)
            if selection is None:
                return None
        start, end = selection
        while end > start and self.document.text[end - 1].isspace():
            end -= 1
        return Target("passage", None, start, end)

    def _subject(self, target: Target) -> str:
        if target.kind == "passage":
            return "“" + _shorten(self.document.text[target.start:target.end]) + "”"
        if target.kind == "entity":
            return f"Entity: {target.key} (every mention)"
        if target.kind == "timeline":
            label = next((e.label for e in self.analysis.timeline if e.value == target.key),
                         target.key) if self.analysis else target.key
            return f"Timeline: {label}"
        return f"Whole document: {self.document.meta.title or 'this article'}"

    # ----------------------------------------------------------------- editor
    def action_annotate(self) -> None:
        if self._notebook() is None:
            return
        target = self._target_here()
        if target is None:
            self.status.notice("Nothing to annotate here")
            return
        self._open_editor(target)

    def action_annotate_document(self) -> None:
        if self._notebook() is not None:
            self._open_editor(Target("document"))

    def _open_editor(self, target: Target, note: Note | None = None,
                     draft: dict[str, Any] | None = None) -> None:
        notebook = self._notebook()
        if notebook is None:
            return
        store = notebook.store
        doc_id = self.document.id
        saved = note.to_json() if note else {}
        start = draft or saved
        initial = (saved.get("body", ""), tuple(saved.get("tags", ())))  # a draft differs from it

        def save_draft(data: dict[str, Any]) -> None:
            store.save_draft(doc_id, target.draft_key, {**data, "target": target.to_json()})

        def closed(result: dict[str, Any] | None) -> None:
            if result is not None:
                self._save_note(target, note, result)
                store.discard_draft(doc_id, target.draft_key)
                return
            kept = store.drafts(doc_id).get(target.draft_key, {})
            typed = (kept.get("body", ""), tuple(kept.get("tags", ())))
            if typed == initial or not any(typed):
                store.discard_draft(doc_id, target.draft_key)
            else:
                self.status.notice("Draft kept: press R to resume it")
            self.article.action_cancel_selection()

        from tui.app.screens.note_editor import NoteEditor  # loaded when first needed

        editor = NoteEditor(self._subject(target), body=start.get("body", ""),
                            tags=start.get("tags", ()),
                            category=start.get("category", "highlight"), on_draft=save_draft)
        self.push_screen(editor, closed)

    def _save_note(self, target: Target, note: Note | None, result: dict[str, Any]) -> None:
        notebook = self._notebook()
        if notebook is None:
            return
        fields = {"body": result.get("body", ""), "tags": tuple(result.get("tags", ())),
                  "category": result.get("category", "highlight")}
        self.article.action_cancel_selection()
        if note is not None:
            notebook.update(note, **fields)
            self.status.notice("Note updated (u to undo)")
        elif target.kind == "passage":
            notebook.add(notebook.passage_note(target.start, target.end, **fields))
            self.status.notice("Note saved (u to undo)")
        else:
            notebook.add(notebook.target_note(target.kind, target.key, **fields))
            self.status.notice(f"Note on the {target.kind} saved (u to undo)")

    def action_resume_draft(self) -> None:
        notebook = self._notebook()
        if notebook is None:
            return
        drafts = notebook.store.drafts(self.document.id)
        if not drafts:
            self.status.notice("No unsaved drafts")
            return
        data = list(drafts.values())[-1]
        target = Target(**data.get("target", {"kind": "document"}))
        note = notebook.get(target.note_id) if target.note_id else None
        if target.note_id and note is None:  # the note was deleted since: write a new one
            target = replace(target, note_id=None)
        self._open_editor(target, note, data)

    def offer_drafts(self) -> None:
        notebook = self.notebook
        if notebook is not None and notebook.store.drafts(self.document.id):
            self.notify("You have an unsaved note draft from last time: press R to resume it.",
                        title="Draft kept", timeout=15)

    def _notebook(self) -> NoteBook | None:
        if self.notebook is None:
            self.status.notice("Notes are off (no notes database)")
        return self.notebook

    # ------------------------------------------------------------ notes panel
    def refresh_notes_panel(self) -> None:
        if self.notebook is not None:
            self.query_one(NotesPanel).show(self.notebook.notes, self.document.text)

    def action_show_notes(self) -> None:
        side = self.query_one("#side", TabbedContent)
        if side.display and side.active == "notes-tab":
            side.display = False
            self.article.focus()
            return
        side.display = True
        side.active = "notes-tab"
        self.query_one(NotesPanel).focus_list()

    def on_notes_panel_jump(self, message: NotesPanel.Jump) -> None:
        note = self.notebook.get(message.note_id) if self.notebook else None
        if note is None:
            return
        if note.position is not None and note.anchor != "orphaned":
            self._go(note.position.start, (note.position.start, note.position.end))
        elif note.target == "entity" and self.analysis is not None:
            first = next((e for e in self.analysis.entities
                          if self.analysis.clusters[e.cluster].name == note.target_key), None)
            if first is not None:
                self._go(first.start, (first.start, first.end))
        elif note.target == "timeline" and self.analysis is not None:
            entry = next((e for e in self.analysis.timeline if e.value == note.target_key), None)
            if entry is not None:
                self._go(entry.mentions[0][0] if entry.mentions else entry.sentence[0],
                         entry.sentence)
        else:
            self.status.notice("This note is orphaned: select a passage and press r to "
                               "re-attach it" if note.anchor == "orphaned" else
                               "This note is about the whole document")

    def on_notes_panel_edit(self, message: NotesPanel.Edit) -> None:
        note = self.notebook.get(message.note_id) if self.notebook else None
        if note is None:
            return
        start, end = (note.position.start, note.position.end) if note.position else (0, 0)
        self._open_editor(Target(note.target, note.target_key, start, end, note.id), note)

    def on_notes_panel_delete(self, message: NotesPanel.Delete) -> None:
        if self.notebook is not None and self.notebook.delete(message.note_id):
            self.status.notice("Note deleted (u to undo)")

    def on_notes_panel_reattach(self, message: NotesPanel.Reattach) -> None:
        notebook = self.notebook
        note = notebook.get(message.note_id) if notebook else None
        selection = self.article.selection
        if notebook is None or note is None:
            return
        if selection is None:
            self.status.notice("Select the passage first (v and motions), then press r here")
            return
        start, end = selection
        notebook.update(note, quote=TextQuoteSelector.from_text(self.document.text, start, end),
                        position=TextPositionSelector(start, end), anchor="exact",
                        doc_id=self.document.id, target="passage")
        self.article.action_cancel_selection()
        self.status.notice("Note re-attached (u to undo)")

    # ------------------------------------------------------- highlights, undo
    def _notes_changed(self) -> None:
        if self.notebook is not None:
            self.article.set_notes(self.notebook.marks() + self._entity_note_marks())
            self.refresh_notes_panel()

    def _entity_note_marks(self) -> list[tuple[int, int, str]]:
        """A note on an entity applies to every mention: mark them all."""
        if self.notebook is None or self.analysis is None:
            return []
        noted = {n.target_key for n in self.notebook.notes if n.target == "entity"}
        clusters = {c.id for c in self.analysis.clusters if c.name in noted}
        return [(e.start, e.end, "entity") for e in self.analysis.entities
                if e.cluster in clusters]

    def action_highlight(self, category: int = 1) -> None:
        selection = self.article.selection
        notebook = self._notebook()
        if notebook is None:
            return
        if selection is None:
            self.status.notice("Select a passage first: v, then move")
            return
        name = NOTE_CATEGORIES[category - 1]
        notebook.add(notebook.passage_note(*selection, category=name))
        self.article.action_cancel_selection()
        self.status.notice(f"Highlighted as {name} (u to undo)")

    def action_number(self, number: int) -> None:
        """Digits pick a highlight category for a selection, else toggle an entity type."""
        if self.article.selection is not None:
            self.action_highlight(number)
        elif number <= len(CATEGORIES):
            self._toggle(CATEGORIES[number - 1][0])

    def action_next_note(self, direction: int) -> None:
        notebook = self._notebook()
        if notebook is None:
            return
        note = notebook.next_from(self.article.cursor, direction)
        if note is None or note.position is None:
            self.status.notice("No more annotations" if notebook.passages()
                               else "No annotations yet")
            return
        self._go(note.position.start, (note.position.start, note.position.end))

    def action_undo(self) -> None:
        notebook = self._notebook()
        if notebook is not None:
            what = notebook.undo()
            self.status.notice(f"Undid {what}" if what else "Nothing to undo")

    def action_redo(self) -> None:
        notebook = self._notebook()
        if notebook is not None:
            what = notebook.redo()
            self.status.notice(f"Redid {what}" if what else "Nothing to redo")
