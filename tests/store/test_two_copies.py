"""Two running copies of Gloss on one notes file never lose each other's edits."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tui.app.notebook import NoteBook
from tui.document.model import Block, Document, Metadata
from tui.export.cli import save_imported
from tui.store.db import Store
from tui.store.model import Note

TEXT = "The council met on Monday. Mayor Ada Park proposed a new bridge over the river."
DOCUMENT = Document(TEXT, (Block(0, len(TEXT)),), Metadata(path="/news/bridge.txt"))


@pytest.fixture
def copies(tmp_path: Path) -> Iterator[tuple[NoteBook, NoteBook]]:
    first, second = Store.open(tmp_path / "n.json"), Store.open(tmp_path / "n.json")
    try:
        yield NoteBook(first, DOCUMENT), NoteBook(second, DOCUMENT)
    finally:
        first.close()
        second.close()


def _get(book: NoteBook, note_id: str) -> Note:
    note = book.get(note_id)
    assert note is not None
    return note


def _shared_note(a: NoteBook, b: NoteBook) -> str:
    note = a.add(a.passage_note(27, 40, body="who?", tags=("people",)))
    b.load()
    return note.id


def test_a_stale_edit_keeps_the_other_copys_tags(copies: tuple[NoteBook, NoteBook]) -> None:
    a, b = copies
    note_id = _shared_note(a, b)
    a.update(_get(a, note_id), tags=("people", "council"))
    b.update(_get(b, note_id), body="the mayor")  # b still has the old tags
    stored = a.store.get(note_id)
    assert stored is not None
    assert (stored.body, stored.tags) == ("the mayor", ("people", "council"))


def test_tags_added_in_both_copies_are_all_kept(copies: tuple[NoteBook, NoteBook]) -> None:
    a, b = copies
    note_id = _shared_note(a, b)
    a.update(_get(a, note_id), tags=("people", "x"))
    b.update(_get(b, note_id), tags=())
    stored = a.store.get(note_id)
    assert stored is not None and stored.tags == ("x",)


def test_undo_reverts_only_this_copys_edit(copies: tuple[NoteBook, NoteBook]) -> None:
    a, b = copies
    note_id = _shared_note(a, b)
    a.update(_get(a, note_id), body="first idea", category="question")
    b.load()
    b.update(_get(b, note_id), body="better idea")
    assert a.undo() == "edit note"
    stored = a.store.get(note_id)
    assert stored is not None
    assert (stored.body, stored.category) == ("better idea", "highlight")


def test_undoing_an_add_spares_a_note_another_copy_edited(
        copies: tuple[NoteBook, NoteBook]) -> None:
    a, b = copies
    note_id = _shared_note(a, b)
    b.update(_get(b, note_id), body="keep me")
    assert a.undo() is not None
    stored = a.store.get(note_id)
    assert stored is not None and stored.body == "keep me"


def test_a_stale_edit_does_not_undo_a_delete(copies: tuple[NoteBook, NoteBook]) -> None:
    a, b = copies
    note_id = _shared_note(a, b)
    a.delete(note_id)
    b.update(_get(b, note_id), body="too late")
    assert a.store.get(note_id) is None
    assert b.load() == []


def test_undo_of_a_delete_restores_it_once(copies: tuple[NoteBook, NoteBook]) -> None:
    a, b = copies
    note_id = _shared_note(a, b)
    a.delete(note_id)
    assert a.undo() == "delete note"
    assert [n.id for n in b.load()] == [note_id]
    assert a.redo() == "delete note" and a.store.get(note_id) is None


def test_each_copy_keeps_its_own_draft_of_a_passage(tmp_path: Path) -> None:
    with Store.open(tmp_path / "n.json") as a, Store.open(tmp_path / "n.json") as b:
        a.save_draft("doc", "new:27-40", {"body": "from a"})
        b.save_draft("doc", "new:27-40", {"body": "from b"})
        assert a.drafts("doc") == {"new:27-40": {"body": "from a"}}
        assert b.drafts("doc") == {"new:27-40": {"body": "from b"}}
        b.discard_draft("doc", "new:27-40")
        assert a.drafts("doc") == {"new:27-40": {"body": "from a"}}


def test_a_draft_left_by_a_copy_that_quit_is_resumed_and_then_discarded(tmp_path: Path) -> None:
    with Store.open(tmp_path / "n.json") as gone:
        gone.save_draft("doc", "k", {"body": "half"})
    with Store.open(tmp_path / "n.json") as store:
        assert store.drafts("doc") == {"k": {"body": "half"}}
        store.save_draft("doc", "k", {"body": "half done"})
        store.discard_draft("doc", "k")
        assert store.drafts("doc") == {}


def test_an_import_does_not_bring_back_a_note_deleted_since(tmp_path: Path) -> None:
    with Store.open(tmp_path / "n.json") as store:
        book = NoteBook(store, DOCUMENT)
        note = book.add(book.passage_note(27, 40, body="who?"))
        book.delete(note.id)
        assert save_imported(store, [note])["kept"] == 1
        assert store.get(note.id) is None
        newer = replace(note, body="edited elsewhere", modified="2999-01-01T00:00:00+00:00")
        assert save_imported(store, [newer])["new"] == 1
        assert store.get(note.id) is not None
