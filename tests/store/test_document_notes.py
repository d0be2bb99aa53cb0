"""One rule decides the notes of a document: the app's notebook and ``gloss export`` agree."""

from __future__ import annotations

import argparse
from dataclasses import replace
from pathlib import Path

import pytest

from tui.app.notebook import NoteBook
from tui.document.load import load_document
from tui.export.cli import main_export
from tui.store.db import Store
from tui.store.model import Note

TEXT = ("The council met on Monday. Mayor Ada Park proposed a new bridge over the river.\n\n"
        "Critics said the cost was too high. A vote is due next month.\n")


def _export(article: Path, db: Path, out: Path) -> str:
    args = argparse.Namespace(path=str(article), format="json", output=str(out), force=True,
                              db=str(db), model=None, date=None, date_order=None)
    assert main_export(args) == 0
    return out.read_text()


def test_a_note_survives_an_edited_word_in_the_app_and_in_export(tmp_path: Path) -> None:
    article, db = tmp_path / "bridge.txt", tmp_path / "notes.json"
    article.write_text(TEXT)
    document = load_document(str(article))
    start = document.text.index("Critics said")
    with Store.open(db) as store:
        book = NoteBook(store, document)
        book.load()
        note = book.add(book.passage_note(start, start + 12, body="which critics?"))
    article.write_text(TEXT.replace("Monday", "Tuesday"))  # a new version: a new document id
    exported = _export(article, db, tmp_path / "out.json")
    assert "which critics?" in exported
    edited = load_document(str(article))
    with Store.open(db) as store:
        (found,) = NoteBook(store, edited).load()
        assert found.id == note.id and found.doc_id == edited.id
        assert [n.id for n in store.document_notes(edited.id, edited.text)] == [note.id]


def test_unbound_and_other_documents_notes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "notes.json") as store:
        start = TEXT.index("proposed a new bridge")
        loose = Note.on_passage("", TEXT, start, start + 21, body="cost?")
        elsewhere = Note.on_passage("other", TEXT, start, start + 21, path_hint="/elsewhere")
        store.save_many([loose, elsewhere])
        (claimed,) = store.document_notes("doc", TEXT, ["/news/bridge.txt"])
        assert claimed.id == loose.id and claimed.doc_id == "doc"
        assert store.notes("") == [] and store.notes("doc")[0].id == loose.id
        assert [n.id for n in store.document_notes("doc2", "unrelated", ["/elsewhere"])] == [
            elsewhere.id]


@pytest.mark.parametrize("hint", [["x"], 5])
def test_a_strange_hint_never_reaches_the_store(tmp_path: Path, hint: object) -> None:
    """A note is checked when it is built, so no record with such a hint is ever written;
    one already in a file is set aside when read (tests/store/test_model_fields.py)."""
    with Store.open(tmp_path / "notes.json") as store:
        note = Note.on_passage("doc", TEXT, 0, 11)
        store.save(note)
        with pytest.raises((TypeError, ValueError)):
            store.save(replace(Note.on_passage("x", TEXT, 0, 3), path_hint=hint))  # type: ignore[arg-type]
        assert [n.id for n in store.document_notes("doc", TEXT, ["/a"])] == [note.id]
