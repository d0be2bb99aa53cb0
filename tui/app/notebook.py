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
from tui.store.db import Store
from tui.store.model import Note


@dataclass(frozen=True)
class Change:
    """One undoable step: the note before (None: did not exist) and after (None: deleted)."""

    before: Note | None
    after: Note | None
    what: str


class NoteBook:
    def __init__(self, store: Store, document: Document) -> None:
        self.store = store
        self.document = document
        self.notes: list[Note] = []
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self.on_change: Callable[[], None] | None = None

    # ------------------------------------------------------------------ loading
    def load(self) -> list[Note]:
        """Notes of this text, plus notes that belong to it but were keyed elsewhere.

        Those are notes of earlier versions of the same file (same path) and imported notes
        that had no document yet (matched by URL, path or quote). Re-found, they move to
        this document's id; orphans stay where they were and are listed for re-attaching.
        """
        meta = self.document.meta
        self.notes = self.store.document_notes(self.document.id, self.document.text,
                                               (meta.path, meta.url))
        self._sort()
        return self.notes

    def _sort(self) -> None:
        self.notes.sort(key=lambda n: (n.position.start if n.position else -1, n.created))

    # ------------------------------------------------------------------ queries
    def get(self, note_id: str) -> Note | None:
        return next((n for n in self.notes if n.id == note_id), None)

    def passages(self) -> list[Note]:
        return [n for n in self.notes if n.position is not None and n.anchor != "orphaned"]

    def marks(self) -> list[tuple[int, int, str]]:
        return [(n.position.start, n.position.end, n.category)
                for n in self.passages() if n.position]

    def on_target(self, target: str, key: str) -> list[Note]:
        return [n for n in self.notes if n.target == target and n.target_key == key]

    def next_from(self, offset: int, direction: int) -> Note | None:
        passages = self.passages()
        starts = [n.position.start for n in passages if n.position]
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
        change = self._apply(Change(None, note, "add note" if note.body else "highlight"))
        return change.after if change and change.after else note

    def update(self, note: Note, **changes: Any) -> Note:
        """Edit ``note``; merged into the stored note, so another copy's other fields stay."""
        new = note.edited(**changes)
        change = self._apply(Change(note, new, "edit note"))
        return change.after if change and change.after else new

    def delete(self, note_id: str) -> Note | None:
        note = self.get(note_id)
        if note is not None:
            self._apply(Change(note, None, "delete note"))
        return note

    def _apply(self, change: Change, *, undoing: bool = False) -> Change | None:
        """Apply ``change`` to the store; returns it as stored, None if the store refused.

        ``undoing`` (undo/redo) touches only what this copy did: a note another copy changed
        since keeps that change, and a note another copy deleted stays deleted.
        """
        before, after = change.before, change.after
        if after is None and before is not None:
            gone = self.store.delete(before.id,
                                     revision=before.revision if undoing else None)
            done = Change(replace(gone, anchor=before.anchor) if gone else None, None,
                          change.what)
            ok = gone is not None
        elif before is None and after is not None:
            stored = self.store.restore(after) if undoing else self.store.add(after)
            done, ok = Change(None, stored, change.what), stored is not None
        elif before is not None and after is not None:
            stored = self.store.edit(before, after, keep_newer=undoing)
            done, ok = Change(before, stored, change.what), stored is not None
        else:
            return None
        self._refresh({c.id for c in (before, after) if c}, done.after)
        if not undoing and ok:
            self._undo.append(done)
            self._redo.clear()
        if self.on_change:
            self.on_change()
        return done if ok else None

    def _refresh(self, ids: set[str], note: Note | None) -> None:
        self.notes = [n for n in self.notes if n.id not in ids]
        if note is not None:
            self.notes.append(note)
        self._sort()

    def undo(self) -> str | None:
        """Revert the last change this copy made; returns what was undone, or None.

        Another copy's later work wins: if it changed or deleted the note, the undo does what
        it can without overwriting that, and says so.
        """
        if not self._undo:
            return None
        change = self._undo.pop()
        done = self._apply(Change(change.after, change.before, change.what), undoing=True)
        if done is None:
            return "nothing: another copy changed or deleted that note since"
        self._redo.append(Change(done.after, done.before, change.what))
        return change.what

    def redo(self) -> str | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        done = self._apply(change, undoing=True)
        if done is None:
            return "nothing: another copy changed or deleted that note since"
        self._undo.append(done)
        return change.what
