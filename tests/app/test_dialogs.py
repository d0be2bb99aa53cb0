"""The date dialog and the export dialog: what they return, and what they refuse."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.table import Table
from textual.app import App
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Static

from tests.app.conftest import SIZE as APP_SIZE
from tests.app.conftest import settle
from tests.app.dialog_host import SIZE, Host, screen_text
from tui.app.app import GlossApp
from tui.app.screens.date_dialog import DateDialog, parse_dct
from tui.app.screens.export_dialog import ExportDialog, ExportRequest
from tui.app.screens.help import HelpScreen, key_label
from tui.app.screens.note_editor import NoteEditor
from tui.app.screens.reader import ReaderScreen
from tui.app.widgets.article_view import ArticleView
from tui.app.widgets.notes_panel import NotesList
from tui.document.controls import has_controls, show_controls
from tui.document.model import Document, Metadata
from tui.export import ExportOptions
from tui.store.db import Store

# ---------------------------------------------------------------------- date dialog


def date_host(dct: str | None = "2025-08-07", source: str = "inferred",
              order: str = "DMY", order_source: str = "inferred") -> Host:
    return Host(lambda: DateDialog(dct, source, order, order_source))


async def test_the_date_dialog_says_what_is_in_use_and_how_it_was_found() -> None:
    app = date_host(order_source="assumed")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
    assert "2025-08-07" in shown and "inferred from the text" in shown
    assert "assumed" in shown
    assert "6/8 reads as 6 August (DMY) or June 8 (MDY)" in shown


async def test_a_new_date_is_applied_with_enter() -> None:
    app = date_host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"2025-08-10", "enter")
        await pilot.pause()
    assert app.results == [("2025-08-10", None)]  # the order stays the inferred one


async def test_an_empty_date_means_automatic_and_the_order_can_be_switched() -> None:
    app = date_host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "down", "down", "enter")
        await pilot.pause()
    assert app.results == [(None, "MDY")]


async def test_a_bad_date_is_refused_with_a_message_in_the_dialog() -> None:
    app = date_host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"2025-02-30", "enter")
        await pilot.pause()
        assert app.results == []
        assert "No such day: 2025-02-30" in screen_text(app)
        await pilot.press(*["backspace"] * 10)
        await pilot.press(*"8/7/2025", "ctrl+s")
        await pilot.pause()
        assert app.results == []
        assert "use YYYY-MM-DD" in screen_text(app)
        await pilot.press(*["backspace"] * 8)
        assert "use YYYY-MM-DD" not in screen_text(app)  # the error goes once you edit
        await pilot.press(*"2025-08-07", "enter")
        await pilot.pause()
    assert app.results == [("2025-08-07", None)]


@pytest.mark.parametrize(("order", "source", "keys", "chosen"), [
    ("MDY", "user", ["up", "up"], None),
    ("MDY", "user", ["left"], "DMY"),
    ("MDY", "user", ["down"], None),
    ("YMD", "user", ["down"], None),
    ("YMD", "user", ["up"], "MDY"),
    ("MDY", "inferred", ["down"], "DMY"),
    ("DMY", "metadata", ["up"], "MDY"),
])
async def test_the_arrows_choose_the_order(order: str, source: str, keys: list[str],
                                           chosen: str | None) -> None:
    app = date_host(order=order, order_source=source)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", *keys, "enter")
        await pilot.pause()
    assert app.results == [(None, chosen)]


async def test_escape_cancels_the_date_dialog() -> None:
    app = date_host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"2025-01-01", "escape")
        await pilot.pause()
    assert app.results == [None]


async def test_a_date_the_reader_set_before_is_kept_unless_cleared() -> None:
    app = date_host(source="user", order="MDY", order_source="user")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [("2025-08-07", "MDY")]


async def test_an_order_the_dialog_does_not_offer_is_kept_unless_changed() -> None:
    app = date_host(order="YMD", order_source="user")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [(None, "YMD")]


async def test_an_order_found_in_the_article_stays_automatic() -> None:
    app = date_host(order="YMD", order_source="metadata")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Automatic: the article's own order" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
    assert app.results == [(None, None)]


async def test_ctrl_r_takes_date_and_order_back_to_automatic() -> None:
    app = date_host(source="user", order="MDY", order_source="user")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "ctrl+r all automatic" in screen_text(app)
        await pilot.press("ctrl+r")
        await pilot.pause()
    assert app.results == [(None, None)]


async def test_the_app_forgets_a_saved_date_when_asked_for_automatic(
        make_app: Callable[..., GlossApp], store: Store) -> None:
    app = make_app()
    async with app.run_test(size=APP_SIZE) as pilot:
        await settle(app, pilot)
        analysis = app.reader.analysis
        assert analysis is not None
        own = (analysis.dct, analysis.dct_source, analysis.date_order_source)
        assert own[1] != "user"
        await pilot.press("D", *"2020-01-02", "tab", "down", "down", "enter")
        await settle(app, pilot)
        assert store.settings(app.reader.document.id) == {"dct": "2020-01-02", "date_order": "MDY"}
        chosen = app.reader.analysis
        assert chosen is not None and (chosen.dct, chosen.dct_source) == ("2020-01-02", "user")
        await pilot.press("D", "ctrl+r")
        await settle(app, pilot)
        assert store.settings(app.reader.document.id) == {}
        again = app.reader.analysis
        assert again is not None
        assert (again.dct, again.dct_source, again.date_order_source) == own


async def test_a_date_with_control_characters_is_shown_with_them_made_visible() -> None:
    app = date_host(dct="2025\x1b]0;T\x07-01", source="user", order="D\x1b[2JMY")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = app.screen.query_one("#date-input", Input)
        shown = screen_text(app)
    assert not has_controls(field.value) and not has_controls(str(field.placeholder))
    assert "2025␛]0;T␇-01" in shown and "D␛[2JMY" in shown


@pytest.mark.parametrize(("typed", "expected"), [
    ("", None), ("  ", None), ("2025-08-07", "2025-08-07"), (" 2024-02-29 ", "2024-02-29"),
])
def test_parse_dct_accepts_iso_days_and_empty(typed: str, expected: str | None) -> None:
    assert parse_dct(typed) == expected


@pytest.mark.parametrize("typed", ["2025-13-01", "2023-02-29", "20250807", "7 Aug 2025",
                                   "2025-8-7", "2025-08-07T10:00"])
def test_parse_dct_refuses_anything_else(typed: str) -> None:
    with pytest.raises(ValueError):
        parse_dct(typed)


# ---------------------------------------------------------------------- export dialog

DOC = Document("Talks in Moscow\n\nWitkoff arrived on Wednesday.",
               meta=Metadata(title="Talks in Moscow"))


def export_host(folder: Path, **kwargs: object) -> Host:
    return Host(lambda: ExportDialog(DOC, folder, **kwargs))  # type: ignore[arg-type]


def path_value(app: Host) -> str:
    return app.screen.query_one("#export-path", Input).value


async def test_export_defaults_to_markdown_named_after_the_title(tmp_path: Path) -> None:
    app = export_host(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert path_value(app) == str(tmp_path / "talks-in-moscow-notes.md")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [ExportRequest("md", tmp_path / "talks-in-moscow-notes.md",
                                         ExportOptions(), overwrite=False)]


async def test_the_default_name_follows_the_format(tmp_path: Path) -> None:
    app = export_host(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "down")  # the arrows choose: the iCalendar timeline
        await pilot.pause()
        assert path_value(app) == str(tmp_path / "talks-in-moscow-timeline.ics")
        assert app.screen.query_one("#opt-timeline", Checkbox).disabled
        await pilot.press("enter")
        await pilot.pause()
    assert [(r.format_key, r.path.name) for r in app.results] == [
        ("ics", "talks-in-moscow-timeline.ics")]


async def test_a_path_the_reader_typed_survives_a_format_change(tmp_path: Path) -> None:
    app = export_host(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#export-path", Input).focus()
        await pilot.press("ctrl+u", *"mine.txt")
        app.screen.query_one("#export-format").focus()
        await pilot.press("down")
        await pilot.pause()
        assert path_value(app) == "mine.txt"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [(r.format_key, r.path) for r in app.results] == [("json", tmp_path / "mine.txt")]


async def test_options_are_returned_as_ticked(tmp_path: Path) -> None:
    app = export_host(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#opt-entities")
        await pilot.click("#opt-highlights")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results[0].options == ExportOptions(highlights=False, entities=False)


async def test_an_existing_file_needs_a_second_ctrl_s(tmp_path: Path) -> None:
    existing = tmp_path / "talks-in-moscow-notes.md"
    existing.write_text("keep me", encoding="utf-8")
    app = export_host(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "talks-in-moscow-notes.md exists" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        assert "press enter again to overwrite" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [ExportRequest("md", existing, ExportOptions(), overwrite=True)]
    assert existing.read_text(encoding="utf-8") == "keep me"  # the dialog writes nothing


async def test_changing_the_path_withdraws_the_overwrite_confirmation(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("a", encoding="utf-8")
    (tmp_path / "b.md").write_text("b", encoding="utf-8")
    app = export_host(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#export-path", Input).focus()
        await pilot.press("ctrl+u", *"a.md", "enter")
        await pilot.press("ctrl+u", *"b.md", "enter")
        await pilot.pause()
        assert app.results == []
        await pilot.press("enter")
        await pilot.pause()
    assert [(r.path.name, r.overwrite) for r in app.results] == [("b.md", True)]


async def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    app = export_host(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#export-path", Input).focus()
        await pilot.press("ctrl+u", *"nowhere/x.md", "enter")
        await pilot.pause()
        assert app.results == []
        assert "No such folder" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]



async def test_the_overwrite_warning_names_the_key_that_confirms(tmp_path: Path) -> None:
    (tmp_path / "talks-in-moscow-notes.md").write_text("keep me", encoding="utf-8")
    app = export_host(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "exists: enter twice to overwrite it" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert "press enter again to overwrite it" in screen_text(app)
        assert "ctrl+s again" not in screen_text(app)
        await pilot.press("enter")  # the key the warning names does overwrite
        await pilot.pause()
    assert [r.overwrite for r in app.results] == [True]


@pytest.mark.parametrize("name", ["notes [draft].md", "out[link=a:b]x.md",
                                  "[@click=app.quit]q.md", "a\x1b]0;T\x07b.md"])
async def test_paths_are_shown_literally_and_without_controls(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_text("x", encoding="utf-8")
    app = export_host(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#export-path", Input).focus()
        await pilot.press("ctrl+u")
        app.screen.query_one("#export-path", Input).insert_text_at_cursor(name)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running and app.results == []
        shown = screen_text(app)
    assert show_controls(name) + " exists: press enter again" in shown



async def test_a_default_folder_with_controls_is_shown_safely_and_still_used(
        tmp_path: Path) -> None:
    folder = tmp_path / "in\x1b]0;T\x07box"
    folder.mkdir()
    app = export_host(folder)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = path_value(app)
        await pilot.press("enter")
        await pilot.pause()
    assert not has_controls(shown) and "in␛]0;T␇box" in shown
    assert [r.path for r in app.results] == [folder / "talks-in-moscow-notes.md"]


@pytest.mark.parametrize("name", ["out[link=a:b]x.md", "notes [draft].md"])
async def test_the_app_announces_an_export_path_literally(
        make_app: Callable[..., GlossApp], tmp_path: Path, name: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the status line shows the path relative to here, in full
    app = make_app()
    async with app.run_test(size=APP_SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+e")
        path_input = app.screen.query_one("#export-path", Input)
        path_input.value = str(tmp_path / name)
        path_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        shown = screen_text(app)
    assert (tmp_path / name).is_file()
    assert f"Exported to {name}" in shown



# ---------------------------------------------------------------------- all dialogs


@pytest.mark.parametrize("make", [
    lambda folder: NoteEditor("“Steve Witkoff arrived in Moscow”", body="A note"),
    lambda folder: DateDialog("2025-08-07", "inferred", "DMY", "inferred"),
    lambda folder: ExportDialog(DOC, folder),
])
async def test_every_dialog_fits_a_small_terminal_down_to_its_hint_line(
        make: Callable[[Path], Screen[Any]], tmp_path: Path) -> None:
    app = Host(lambda: make(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lines = screen_text(app).splitlines()
    hint = next(i for i, line in enumerate(lines) if "esc c" in line)
    assert lines[hint].startswith("│") and lines[hint + 2].startswith("╰")  # whole, framed


# ---------------------------------------------------------------------- help


def help_sections() -> list[tuple[str, list[BindingType]]]:
    return [("Reading", ArticleView.BINDINGS), ("Gloss", ReaderScreen.BINDINGS),
            ("Notes panel", NotesList.BINDINGS), ("Note editor", NoteEditor.BINDINGS)]


@pytest.mark.parametrize(("key", "label"), [
    ("apostrophe", "'"), ("right_square_bracket", "]"), ("left_parenthesis", "("),
    ("question_mark", "?"), ("ctrl+s", "ctrl+s"), ("shift+space", "shift+space"),
    ("escape", "esc"), ("enter", "enter"), ("pagedown", "PgDn"), ("G", "G"),
])
def test_keys_are_named_as_they_are_typed(key: str, label: str) -> None:
    assert key_label(key) == label


def help_rows(app: App[Any]) -> list[tuple[str, str]]:
    """The help table as (keys, description) rows, read from the table itself."""
    table = app.screen.query_one("#help-keys", Static).content
    assert isinstance(table, Table)
    keys, descriptions = ([str(cell) for cell in column.cells] for column in table.columns)
    return list(zip(keys, descriptions, strict=True))


async def test_help_lists_every_described_key_in_two_columns() -> None:
    app = Host(lambda: HelpScreen(help_sections()))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        rows = help_rows(app)
        shown = screen_text(app)
    assert ("'", "Notes") in rows and ("]", "Later in time") in rows
    assert ("PgUp, ctrl+b, shift+space", "Page up") in rows
    assert ("e", "Edit note") in rows and ("ctrl+s", "Save note") in rows
    assert ("ctrl+t", "Category: then 1…8") in rows
    assert ("Notes panel", "") in rows and ("Note editor", "") in rows
    assert not any("_" in keys for keys, _ in rows)  # no apostrophe, right_square_bracket
    assert "apostrophe" not in shown and "bracket" not in shown


async def test_help_scrolls_with_the_reading_keys() -> None:
    app = Host(lambda: HelpScreen(help_sections()))
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > 0
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("k")
        assert body.scroll_y == 1
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g", "space")
        assert 1 < body.scroll_y < body.max_scroll_y
        await pilot.press("g")
        assert body.scroll_y == 0
        await pilot.press("question_mark")
        await pilot.pause()
    assert app.results == [None]
