"""The open article's notes: edits with undo/redo, and finding notes again in a new version."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tui.app.notebook import NoteBook
from tui.document.model import Block, Document, Metadata
from tui.store.db import Store

TEXT = ("The council met on Monday. Mayor Ada Park proposed a new bridge.\n\n"
        "Critics said the cost was too high. A vote is due next month.")


def doc(text: str = TEXT, path: str = "/news/bridge.txt") -> Document:
    return Document(text, (Block(0, len(text)),), Metadata(path=path))


def test_add_edit_delete_with_undo_and_redo(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "n.json")
    book = NoteBook(store, doc())
    start = TEXT.index("Mayor Ada Park")
    note = book.add(book.passage_note(start, start + 14, body="Who is she?", tags=("people",)))
    edited = book.update(note, body="Elected 2021")
    assert store.get(note.id).body == "Elected 2021"  # type: ignore[union-attr]
    book.delete(edited.id)
    assert store.get(note.id) is None and book.notes == []
    assert book.undo() == "delete note"
    assert store.get(note.id).body == "Elected 2021"  # type: ignore[union-attr]
    assert book.undo() == "edit note"
    assert store.get(note.id).body == "Who is she?"  # type: ignore[union-attr]
    assert book.redo() == "edit note"
    assert [n.body for n in book.notes] == ["Elected 2021"]
    assert book.marks() == [(start, start + 14, "highlight")]


def test_notes_follow_a_new_version_of_the_same_file(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "n.json")
    old = NoteBook(store, doc())
    start = TEXT.index("Critics said")
    note = old.add(old.passage_note(start, start + 12, body="who?"))
    gone = old.add(old.passage_note(TEXT.index("A vote"), len(TEXT), body="when?"))
    new_text = "UPDATE: corrected spelling.\n\n" + TEXT.replace("A vote is due next month.", "")
    book = NoteBook(store, doc(new_text))
    notes = {n.id: n for n in book.load()}
    moved = notes[note.id]
    assert moved.anchor == "moved" and moved.position is not None
    assert new_text[moved.position.start:moved.position.end] == "Critics said"
    assert store.get(note.id).doc_id == doc(new_text).id  # type: ignore[union-attr]
    assert notes[gone.id].anchor == "orphaned"
    assert (moved.position.start, moved.position.end, "highlight") in book.marks()
    assert all(m[0] != 0 for m in book.marks())


def test_imported_notes_without_a_document_are_claimed_by_quote(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "n.json")
    start = TEXT.index("proposed a new bridge")
    loose = NoteBook(store, doc()).passage_note(start, start + 21, body="cost?")
    store.save(replace(loose, doc_id="", path_hint="https://example.org/bridge"))
    book = NoteBook(store, doc())
    (claimed,) = book.load()
    assert claimed.id == loose.id and claimed.doc_id == doc().id
    assert store.notes("") == []


def test_next_from_walks_passages_in_text_order(tmp_path: Path) -> None:
    book = NoteBook(Store.open(tmp_path / "n.json"), doc())
    a = book.add(book.passage_note(4, 11))
    b = book.add(book.passage_note(30, 40))
    assert book.next_from(0, 1) == a
    assert book.next_from(4, 1) == b
    assert book.next_from(30, -1) == a
    assert book.next_from(40, 1) is None
