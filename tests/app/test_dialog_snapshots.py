"""The look of each dialog at a fixed size, guarded by SVG snapshots."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.pilot import Pilot

from tests.app.dialog_host import SIZE, Host
from tests.app.test_dialogs import DOC, help_sections
from tui.app.screens.date_dialog import DateDialog
from tui.app.screens.export_dialog import ExportDialog
from tui.app.screens.help import HelpScreen
from tui.app.screens.note_editor import NoteEditor

Snap = Callable[..., bool]


def test_note_editor(snap_compare: Snap) -> None:
    app = Host(lambda: NoteEditor("“Steve Witkoff arrived in Moscow”",
                                  body="First envoy visit since spring.\n\x1b]0;title\x07",
                                  tags=("diplomacy", "russia"), category="question"))
    assert snap_compare(app, terminal_size=SIZE)


def test_note_editor_choosing_a_category(snap_compare: Snap) -> None:
    app = Host(lambda: NoteEditor("Whole document: Talks in Moscow"))

    async def choose(pilot: Pilot[None]) -> None:
        await pilot.press(*"A note", "tab", "tab", "6")  # focused: the label says digits choose

    assert snap_compare(app, terminal_size=(80, 24), run_before=choose)


def test_export_dialog(snap_compare: Snap) -> None:
    app = Host(lambda: ExportDialog(DOC, Path("/nonexistent/exports")))

    async def pick(pilot: Pilot[None]) -> None:
        await pilot.press("down", "down")  # CSV: the Markdown-only boxes grey out

    assert snap_compare(app, terminal_size=SIZE, run_before=pick)


def test_date_dialog(snap_compare: Snap) -> None:
    app = Host(lambda: DateDialog("2025-08-07", "user", "MDY", "user"))
    assert snap_compare(app, terminal_size=SIZE)


def test_help_screen(snap_compare: Snap) -> None:
    app = Host(lambda: HelpScreen(help_sections()))
    assert snap_compare(app, terminal_size=SIZE)
