"""The notes panel: order, filter, the keys that act on a note, and untrusted note text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.app.dialog_host import SIZE, Host, screen_text
from tui.app.notes_filter import matches, shorten, sort_notes
from tui.app.widgets.notes_panel import NotesList, NotesPanel
from tui.store.model import Note, TextQuoteSelector

TEXT = ("Alpha beta gamma. Witkoff arrived in Moscow on Wednesday. "
        "Putin met him for about three hours.")
DOC = "d" * 64


def passage(quote: str, **kw: object) -> Note:
    start = TEXT.index(quote)
    return Note.on_passage(DOC, TEXT, start, start + len(quote), **kw)


MARKUP = "[bold]x[/bold] and [@click=app.quit]y[/]"
WITKOFF = passage("Witkoff arrived in Moscow", body="Who sent him?\nSecond line",
                  tags=("russia", "envoy"), category="question", id="witkoff",
                  created="2025-08-01T10:00:00+00:00", modified="2025-08-03T10:00:00+00:00")
ALPHA = passage("Alpha beta", body=MARKUP, tags=("markup",), id="alpha",
                created="2025-08-02T10:00:00+00:00", modified="2025-08-02T10:00:00+00:00")
WHOLE = Note(DOC, None, None, body="Overall a careful piece", category="important",
             target="document", id="whole",
             created="2025-08-01T09:00:00+00:00", modified="2025-08-01T09:00:00+00:00")
TRUMP = Note(DOC, None, None, body="Check his statements", target="entity",
             target_key="Donald Trump", id="trump",
             created="2025-08-04T09:00:00+00:00", modified="2025-08-04T09:00:00+00:00")
LOST = replace(Note(DOC, TextQuoteSelector("a paragraph that was deleted"), None,
                    body="gone", tags=("lost",), id="lost",
                    created="2025-08-05T09:00:00+00:00", modified="2025-08-05T09:00:00+00:00"),
               anchor="orphaned")
NOTES = [LOST, WITKOFF, TRUMP, ALPHA, WHOLE]
TEXT_ORDER = ["whole", "trump", "alpha", "witkoff", "lost"]


def panel_of(app: Host) -> NotesPanel:
    return app.query_one(NotesPanel)


def note_messages(app: Host) -> list[tuple[str, str]]:
    """Each message once, although the hook sees it at every widget it bubbles through."""
    unique = {id(m): m for m in app.posted if isinstance(m, NotesPanel.NoteMessage)}
    return [(type(m).__name__, m.note_id) for m in unique.values()]


async def shown_panel(app: Host, notes: list[Note] = NOTES) -> NotesPanel:
    panel = panel_of(app)
    panel.show(notes, TEXT)
    panel.focus_list()
    return panel


async def test_notes_are_in_text_order_and_o_toggles_newest_first() -> None:
    app = Host(make_widget=NotesPanel)
    async with app.run_test(size=SIZE) as pilot:
        panel = await shown_panel(app)
        await pilot.pause()
        assert panel.listed == TEXT_ORDER
        await pilot.press("o")
        assert panel.listed == ["lost", "trump", "witkoff", "alpha", "whole"]
        assert "newest first" in screen_text(app)
        await pilot.press("o")
        assert panel.listed == TEXT_ORDER


async def test_each_note_shows_category_state_quote_body_and_tags() -> None:
    app = Host(make_widget=NotesPanel)
    async with app.run_test(size=SIZE) as pilot:
        await shown_panel(app)
        await pilot.pause()
        shown = screen_text(app)
    for expected in ("question  ● exact", "“Witkoff arrived in Moscow”", "Who sent him?",
                     "Second line", "#russia #envoy", "⚠ orphaned",
                     "“a paragraph that was deleted”", "Entity: Donald Trump",
                     "Whole document", "5 notes · text order"):
        assert expected in shown, expected


async def test_keys_post_jump_edit_delete_and_reattach_for_the_highlighted_note() -> None:
    app = Host(make_widget=NotesPanel)
    async with app.run_test(size=SIZE, message_hook=app.record) as pilot:
        await shown_panel(app)
        await pilot.press("end")  # the orphan
        await pilot.press("r", "enter", "up", "e", "d", "delete")
        await pilot.press("home", "r")  # a whole-document note cannot be re-attached
        await pilot.pause()
    assert note_messages(app) == [("Reattach", "lost"), ("Jump", "lost"), ("Edit", "witkoff"),
                                  ("Delete", "witkoff"), ("Delete", "witkoff")]


async def test_the_filter_narrows_by_words_tag_category_and_state() -> None:
    app = Host(make_widget=NotesPanel)
    async with app.run_test(size=SIZE, message_hook=app.record) as pilot:
        panel = await shown_panel(app)
        panel.query_one("#notes-filter").focus()
        await pilot.press(*"moscow")
        assert panel.listed == ["witkoff"]
        assert "1 of 5 notes" in screen_text(app)
        await pilot.press(*["backspace"] * 6, *"tag:lo")
        assert panel.listed == ["lost"]
        await pilot.press(*["backspace"] * 6, *"cat:imp")
        assert panel.listed == ["whole"]
        await pilot.press(*["backspace"] * 7, *"state:orph")
        assert panel.listed == ["lost"]
        await pilot.press(*["backspace"] * 10, *"nothing like this")
        assert panel.listed == []
        assert "No notes match the filter" in screen_text(app)
        await pilot.press(*["backspace"] * 17, *"#russia who", "enter", "enter")
        await pilot.pause()
    assert note_messages(app) == [("Jump", "witkoff")]


async def test_the_highlighted_note_stays_highlighted_when_the_list_changes() -> None:
    app = Host(make_widget=NotesPanel)
    async with app.run_test(size=SIZE) as pilot:
        panel = await shown_panel(app)
        assert panel.highlight_note("witkoff")
        edited = replace(WITKOFF, body="Edited")
        panel.show([n for n in NOTES if n.id not in ("alpha", "witkoff")] + [edited], TEXT)
        await pilot.pause()
        assert panel.highlighted_note == "witkoff"
        panel.show([n for n in NOTES if n.id not in ("alpha", "witkoff")], TEXT)
        await pilot.pause()
        assert panel.highlighted_note == "lost"  # the same row, now the next note


async def test_an_empty_document_says_how_to_make_a_note() -> None:
    app = Host(make_widget=NotesPanel)
    async with app.run_test(size=SIZE, message_hook=app.record) as pilot:
        await shown_panel(app, [])
        await pilot.press("enter", "e", "d")
        await pilot.pause()
        assert "No notes yet — select with v, then a to annotate" in screen_text(app)
    assert note_messages(app) == []


async def test_markup_in_notes_is_shown_literally_and_does_nothing() -> None:
    app = Host(make_widget=NotesPanel)
    async with app.run_test(size=SIZE, message_hook=app.record) as pilot:
        panel = await shown_panel(app, [ALPHA])
        await pilot.pause()
        assert MARKUP in screen_text(app)
        assert "#markup" in screen_text(app)
        notes_list = panel.query_one(NotesList)
        prompt = notes_list.get_option_at_index(0).prompt
        rows = [strip.text for strip in notes_list.render_lines(notes_list.region.reset_offset)]
        row = next(i for i, line in enumerate(rows) if MARKUP in line)
        column = rows[row].index("y[/]")
        await pilot.click(notes_list, offset=(column, row))  # on the "y" of the click markup
        await pilot.pause()
        assert app.is_running
    assert str(prompt).count("[@click=app.quit]") == 1
    assert note_messages(app) == [("Jump", "alpha")]  # the click selects the note, no more


async def test_control_characters_in_a_note_are_made_visible() -> None:
    hostile = replace(ALPHA, body="title\x1b]0;pwned\x07 bell", tags=("a\x1bb",))
    app = Host(make_widget=NotesPanel)
    async with app.run_test(size=SIZE) as pilot:
        await shown_panel(app, [hostile])
        await pilot.pause()
        shown = screen_text(app)
    assert "title␛]0;pwned␇ bell" in shown and "#a␛b" in shown
    assert "\x1b" not in shown


# ---------------------------------------------------------------------- pure functions


@pytest.mark.parametrize(("query", "expected"), [
    ("", TEXT_ORDER),
    ("MOSCOW", ["witkoff"]),  # the quote, case-insensitively
    ("who sent", ["witkoff"]),  # the body
    ("envoy", ["witkoff"]),  # a tag as a free word
    ("trump", ["trump"]),  # the entity
    ("deleted", ["lost"]),  # an orphan's stored quote
    ("tag:russia", ["witkoff"]),
    ("tag:#rus", ["witkoff"]),
    ("#envoy", ["witkoff"]),
    ("tag:", TEXT_ORDER),
    ("cat:question", ["witkoff"]),
    ("cat:highlight", ["trump", "alpha", "lost"]),
    ("state:exact", ["alpha", "witkoff"]),  # notes on the document or an entity have no state
    ("state:orphaned", ["lost"]),
    ("cat:question tag:lost", []),
    ("who nobody", []),
    ("[bold]", ["alpha"]),
])
def test_matches(query: str, expected: list[str]) -> None:
    ordered = sort_notes(NOTES)
    assert [n.id for n in ordered if matches(n, query, TEXT)] == expected


def test_a_moved_passage_is_quoted_as_it_reads_now() -> None:
    moved = replace(passage("Putin met him"), anchor="moved",
                    quote=TextQuoteSelector("Putin meets him"))
    assert matches(moved, "met", TEXT) and matches(moved, "meets", TEXT)


def test_sort_orders_by_text_or_by_modification() -> None:
    assert [n.id for n in sort_notes(NOTES)] == TEXT_ORDER
    assert [n.id for n in sort_notes(NOTES, newest_first=True)] == [
        "lost", "trump", "witkoff", "alpha", "whole"]


@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("short", 10, "short"),
    ("  many\n\nspaces   here ", 40, "many spaces here"),
    ("one two three four five six", 15, "one two three…"),
    ("abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"),
])
def test_shorten(text: str, limit: int, expected: str) -> None:
    assert shorten(text, limit) == expected
