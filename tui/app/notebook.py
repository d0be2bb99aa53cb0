"""The open article's notes: loading with re-anchoring, edits, and undo/redo.

No Textual here: the app calls these methods and redraws. Every change goes to the store
at once, so quitting at any moment loses nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from tui.document.model import Document
from tui.store.anchoring import reanchor_all
from tui.store.db import Store
from tui.store.model import Note

NEARBY = 64  # passages looked back through for one covering an offset


@dataclass(frozen=True)
class Change:
    """One undoable step: the note before (None: did not exist) and after (None: deleted)."""

    before: Note | None
    after: Note | None
    what: str


Write = Callable[[str, Callable[[], object]], None]  # (what it does, the store operation)


def write_now(doing: str, op: Callable[[], object]) -> None:
    """Run the store operation at once (scripts and tests; the app queues them off-thread)."""
    op()


class NoteBook:
    """The notes in memory change at once; ``write`` carries each change to the store."""

    def __init__(self, store: Store, document: Document, write: Write = write_now) -> None:
        self.store = store
        self.document = document
        self.write = write
        self.notes: list[Note] = []
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self.on_change: Callable[[], None] | None = None
        self._passages: list[Note] = []  # anchored passage notes, by start
        self._starts: list[int] = []

    # ------------------------------------------------------------------ loading
    def load(self) -> list[Note]:
        """Notes of this text, plus notes that belong to it but were keyed elsewhere.

        Those are notes of earlier versions of the same file (same path) and imported notes
        that had no document yet (matched by URL, path or quote). Re-found, they move to
        this document's id; orphans stay where they were and are listed for re-attaching.
        """
        from tui.export.importer import claim_unbound  # only needed once, after first paint

        doc_id = self.document.id
        own = self.store.notes(doc_id)
        path = self.document.meta.path
        adopted = [n for n in self.store.all_notes()
                   if path and n.doc_id not in (doc_id, "") and n.path_hint == path]
        adopted += claim_unbound(self.store.notes(""), self.document)
        adopted_ids = {n.id for n in adopted}
        notes = []
        changed = []
        for note in reanchor_all(own + adopted, self.document.text):
            if note.anchor != "orphaned" and (note.id in adopted_ids
                                             or note.anchor in ("moved", "fuzzy")):
                note = replace(note, doc_id=doc_id)
                changed.append(note)
            notes.append(note)
        if changed:
            self.store.save_many(changed)  # one write, however many notes moved
        self._set(notes)
        return self.notes

    def _set(self, notes: list[Note]) -> None:
        """Replace the notes and their index in one step (``load`` may run in a thread)."""
        notes.sort(key=lambda n: (n.position.start if n.position else -1, n.created))
        passages = [n for n in notes if n.position is not None and n.anchor != "orphaned"]
        self._passages, self._starts, self.notes = (
            passages, [n.position.start for n in passages if n.position], notes)

    # ------------------------------------------------------------------ queries
    def get(self, note_id: str) -> Note | None:
        return next((n for n in self.notes if n.id == note_id), None)

    def passages(self) -> list[Note]:
        return list(self._passages)

    def marks(self) -> list[tuple[int, int, str]]:
        return [(n.position.start, n.position.end, n.category)
                for n in self.passages() if n.position]

    def at(self, offset: int) -> Note | None:
        """The passage note covering ``offset`` (the latest starting one when they overlap)."""
        first = bisect_right(self._starts, offset) - 1
        for i in range(first, max(-1, first - NEARBY), -1):  # a passage rarely spans many
            position = self._passages[i].position
            if position is not None and offset < position.end:
                return self._passages[i]
        return None

    def on_target(self, target: str, key: str) -> list[Note]:
        return [n for n in self.notes if n.target == target and n.target_key == key]

    def next_from(self, offset: int, direction: int) -> Note | None:
        passages, starts = self._passages, self._starts
        if direction > 0:
            i = bisect_right(starts, offset)
            return passages[i] if i < len(passages) else None
        i = bisect_right(starts, offset - 1) - 1
        return passages[i] if i >= 0 else None

    # ------------------------------------------------------------------ changes
    def passage_note(self, start: int, end: int, **fields: Any) -> Note:
        return Note.on_passage(self.document.id, self.document.text, start, end,
                               path_hint=self.document.meta.path, **fields)

    def target_note(self, target: str, key: str | None, **fields: Any) -> Note:
        return Note(doc_id=self.document.id, quote=None, position=None, target=target,  # type: ignore[arg-type]
                    target_key=key, path_hint=self.document.meta.path, **fields)

    def add(self, note: Note) -> Note:
        self._apply(Change(None, note, "add note" if note.body else "highlight"))
        return note

    def update(self, note: Note, **changes: Any) -> Note:
        new = note.edited(**changes)
        self._apply(Change(note, new, "edit note"))
        return new

    def delete(self, note_id: str) -> Note | None:
        note = self.get(note_id)
        if note is not None:
            self._apply(Change(note, None, "delete note"))
        return note

    def _apply(self, change: Change, *, record: bool = True) -> None:
        before, after = change.before, change.after
        if after is None and before is not None:
            self.write(change.what, lambda: self.store.delete(before.id))
        elif after is not None:
            self.write(change.what, lambda: self.store.save(after))
        notes = [n for n in self.notes if n.id not in {c.id for c in (before, after) if c}]
        if after is not None:
            notes.append(after)
        self._set(notes)
        if record:
            self._undo.append(change)
            self._redo.clear()
        if self.on_change:
            self.on_change()

    def undo(self) -> str | None:
        """Revert the last change; returns what was undone, or None."""
        if not self._undo:
            return None
        change = self._undo.pop()
        self._apply(Change(change.after, change.before, change.what), record=False)
        self._redo.append(change)
        return change.what

    def redo(self) -> str | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        self._apply(change, record=False)
        self._undo.append(change)
        return change.what
