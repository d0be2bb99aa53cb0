"""The open article's notes: loading with re-anchoring, edits, and undo/redo.

No Textual here: the app calls these methods and redraws. Every change goes to the store
at once, so quitting at any moment loses nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, Protocol

from tui.document.model import Document
from tui.store.db import Store
from tui.store.model import Note

NEARBY = 64  # passages looked back through for one covering an offset


@dataclass(frozen=True)
class Change:
    """One undoable step: the note before (None: did not exist) and after (None: deleted)."""

    before: Note | None
    after: Note | None
    what: str


class Write(Protocol):
    """Runs ``op`` (what it does: ``doing``) after every earlier one; ``done(result)`` after."""

    def __call__(self, doing: str, op: Callable[[], Any],
                 done: Callable[[Any], None] | None = None) -> None: ...


def write_now(doing: str, op: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
    """Run the store operation at once (scripts and tests; the app queues them off-thread)."""
    result = op()
    if done is not None:
        done(result)


@dataclass(frozen=True)
class Stored:
    """What the store made of one change: refused (another copy got there first) or not, and
    the note as it now stands there (None: not there)."""

    ok: bool
    note_id: str
    note: Note | None


REFUSED = "nothing: another copy changed or deleted that note since"


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
        self.on_refused: Callable[[str], None] | None = None  # an undo another copy overtook
        # The revision this copy last stored, per note; read and written only by the store
        # operations, which run one at a time in the order they were asked for.
        self._revisions: dict[str, int] = {}
        self._passages: list[Note] = []  # anchored passage notes, by start
        self._starts: list[int] = []

    # ------------------------------------------------------------------ loading
    def load(self) -> list[Note]:
        """Notes of this text, plus notes that belong to it but were keyed elsewhere.

        Those are notes of earlier versions of the same file (same path) and imported notes
        that had no document yet (matched by URL, path or quote). Re-found, they move to
        this document's id; orphans stay where they were and are listed for re-attaching.
        """
        meta = self.document.meta
        notes = self.store.document_notes(self.document.id, self.document.text,
                                          (meta.path, meta.url))
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
        """Edit ``note``; merged into the stored note, so another copy's other fields stay."""
        new = note.edited(**changes)
        self._apply(Change(note, new, "edit note"))
        return new

    def delete(self, note_id: str) -> Note | None:
        note = self.get(note_id)
        if note is not None:
            self._apply(Change(note, None, "delete note"))
        return note

    def _apply(self, change: Change, *, undoing: bool = False) -> bool | None:
        """Show ``change`` at once and hand it to the store; True/False once the store has
        taken or refused it (at once with ``write_now``), None while it is queued.

        ``undoing`` (undo/redo) touches only what this copy did: a note another copy changed
        since keeps that change, and a note another copy deleted stays deleted.
        """
        before, after = change.before, change.after
        self._show({c.id for c in (before, after) if c}, after)
        if not undoing:
            self._undo.append(change)
            self._redo.clear()
        if self.on_change:
            self.on_change()
        outcome: list[bool] = []

        def stored(result: Stored) -> None:
            outcome.append(result.ok)
            self._show({result.note_id}, result.note)
            if not result.ok and self.on_refused:
                self.on_refused(REFUSED)
            if self.on_change:
                self.on_change()

        self.write(change.what, lambda: self._store(before, after, undoing), stored)
        return outcome[0] if outcome else None

    def _store(self, before: Note | None, after: Note | None, undoing: bool) -> Stored:
        """The store operation of one change (runs in the writer's order, maybe off-thread)."""
        subject = after or before
        assert subject is not None, "a change has a note before it or after it"
        note_id = subject.id
        if after is None and before is not None:
            revision = self._revisions.get(note_id, before.revision) if undoing else None
            gone = self.store.delete(note_id, revision=revision)
            if gone is None:
                return Stored(False, note_id, self.store.get(note_id))
            return Stored(True, note_id, None)
        assert after is not None
        if before is None:
            note = self.store.restore(after) if undoing else self.store.add(after)
        else:
            base = replace(before, revision=self._revisions.get(note_id, before.revision))
            note = self.store.edit(base, after, keep_newer=undoing)
        if note is None:
            return Stored(False, note_id, self.store.get(note_id))
        self._revisions[note_id] = note.revision
        return Stored(True, note_id, replace(note, anchor=after.anchor))

    def _show(self, ids: set[str], note: Note | None) -> None:
        notes = [n for n in self.notes if n.id not in ids]
        if note is not None:
            notes.append(note)
        self._set(notes)

    def undo(self) -> str | None:
        """Revert the last change this copy made; returns what was undone, or None.

        Another copy's later work wins: if it changed or deleted the note, the undo does what
        it can without overwriting that, and says so (at once, or through ``on_refused``).
        """
        if not self._undo:
            return None
        change = self._undo.pop()
        if self._apply(Change(change.after, change.before, change.what), undoing=True) is False:
            return REFUSED
        self._redo.append(change)
        return change.what

    def redo(self) -> str | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        if self._apply(change, undoing=True) is False:
            return REFUSED
        self._undo.append(change)
        return change.what
