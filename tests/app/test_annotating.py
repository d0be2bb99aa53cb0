"""Annotating from the keyboard: select, write, save, reopen, edit, delete, undo."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Input, TextArea

from tests.app.conftest import SIZE, saved, screen_text, settle
from tui.app.app import GlossApp
from tui.app.screens.note_editor import NoteEditor
from tui.app.widgets.notes_panel import NotesPanel
from tui.store.db import Store

PASSAGE = "Steve Witkoff arrived in Moscow"


async def test_select_annotate_reopen_edit_delete_undo(
    make_app: Callable[..., GlossApp], store: Store
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        text = app.reader.document.text
        start = text.index(PASSAGE)
        app.reader.article.move_cursor(start)
        await pilot.press("v", "w", "w", "w")  # grows word by word: "Steve Witkoff arrived"
        selection = app.reader.article.selection
        assert selection is not None and text[slice(*selection)] == "Steve Witkoff arrived"
        await pilot.press("e")  # to the end of the next entity, "Moscow"
        selection = app.reader.article.selection
        assert selection is not None and text[slice(*selection)] == PASSAGE
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"First envoy visit since spring")
        await pilot.press("tab")
        assert app.screen.query_one("#note-tags", Input).has_focus
        await pilot.press(*"diplomacy, russia")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
    (note,) = store.notes(app.reader.document.id)
    assert note.body == "First envoy visit since spring"
    assert note.tags == ("diplomacy", "russia")
    assert note.quote is not None and note.quote.exact == PASSAGE

    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await settle(again, pilot)
        notebook = again.reader.notebook
        assert notebook is not None and [n.id for n in notebook.notes] == [note.id]
        assert (note.position.start, note.position.end, "highlight") in again.reader.article.notes
        await pilot.press("apostrophe")
        panel = again.reader.query_one(NotesPanel)
        assert panel.listed == [note.id]
        assert "First envoy visit" in screen_text(again)
        await pilot.press("e")
        assert isinstance(again.screen, NoteEditor)
        body = again.screen.query_one("#note-body", TextArea)
        body.select_all()
        await pilot.press(*"Edited body")
        await pilot.press("ctrl+s")
        await saved(again, pilot)
        assert store.get(note.id).body == "Edited body"
        panel.focus_list()
        await pilot.press("d")
        await saved(again, pilot)
        assert store.get(note.id) is None and panel.listed == []
        await pilot.press("u")
        await saved(again, pilot)
        assert store.get(note.id).body == "Edited body"
        assert panel.listed == [note.id]


async def test_h_and_a_category_number_make_highlights(make_app: Callable[..., GlossApp],
                                                       store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "h")  # the first sentence, plain highlight
        await pilot.press("right_parenthesis", "s", "3")  # next sentence, category 3
        await saved(app, pilot)
        notes = store.notes(app.reader.document.id)
        assert [n.category for n in notes] == ["highlight", "question"]
        assert all(n.is_highlight for n in notes)
        assert app.reader.article.selection is None
        app.reader.article.move_cursor(0)
        await pilot.press("greater_than_sign")
        assert app.reader.article.cursor == notes[1].position.start  # type: ignore[union-attr]


async def test_a_closed_editor_keeps_the_draft_and_offers_it_back(
    make_app: Callable[..., GlossApp], store: Store
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "a")
        await pilot.press(*"half a thought")
        await pilot.press("escape")  # the editor hands over the draft as it closes
        await pilot.pause()
    assert store.notes(app.reader.document.id) == []
    again = make_app()
    async with again.run_test(size=SIZE, notifications=True) as pilot:
        await settle(again, pilot)
        assert "unsaved note draft" in screen_text(again)
        await pilot.press("R")
        await saved(again, pilot)  # the drafts are read off the UI thread
        assert isinstance(again.screen, NoteEditor)
        assert again.screen.query_one("#note-body", TextArea).text == "half a thought"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (note,) = store.notes(app.reader.document.id)
    assert note.body == "half a thought"
    assert store.drafts(app.reader.document.id) == {}


async def test_note_on_an_entity_from_the_entity_panel(make_app: Callable[..., GlossApp],
                                                        store: Store) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "down", "a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"key figure")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (note,) = store.notes(app.reader.document.id)
    assert note.target == "entity" and note.target_key
    assert note.target_key in {c.name for c in app.reader.analysis.clusters}  # type: ignore[union-attr]
