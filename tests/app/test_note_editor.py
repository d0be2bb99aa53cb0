"""The note editor: what the reader types comes back on ctrl+s, and esc never loses it."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.app.conftest import SIZE as APP_SIZE
from tests.app.conftest import settle
from tests.app.dialog_host import SIZE, Host, screen_text
from tui.app.app import GlossApp
from tui.app.screens import note_editor
from tui.app.screens.note_editor import NoteEditor, parse_tags
from tui.document.controls import has_controls, show_controls
from tui.resources import sample_article
from tui.store.db import Store
from tui.store.model import CATEGORIES
from tui.store.schema import NOTES


def editor_host(drafts: list[dict[str, Any]] | None = None, **kwargs: Any) -> Host:
    on_draft = drafts.append if drafts is not None else None
    return Host(lambda: NoteEditor("“Steve Witkoff arrived in Moscow”", on_draft=on_draft,
                                   **kwargs))


async def test_ctrl_s_returns_body_tags_and_category() -> None:
    app = editor_host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"Talks in Moscow", "enter", *"second line")
        await pilot.press("tab", *"war, #peace peace Talks  talks")
        await pilot.press("ctrl+t", "3", "ctrl+s")
        await pilot.pause()
    assert app.results == [{"body": "Talks in Moscow\nsecond line",
                            "tags": ("war", "peace", "Talks"), "category": "question"}]


async def test_the_body_is_focused_and_shows_the_hint_and_subject() -> None:
    app = editor_host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.focused, TextArea)
        shown = screen_text(app)
    assert "“Steve Witkoff arrived in Moscow”" in shown
    assert "ctrl+s save · esc close (draft kept)" in shown


async def test_escape_returns_none_and_the_draft_already_reached_the_caller() -> None:
    drafts: list[dict[str, Any]] = []
    app = editor_host(drafts)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"half a thought", "escape")  # closed before the debounce fired
        await pilot.pause()
    assert app.results == [None]
    assert drafts[-1] == {"body": "half a thought", "tags": (), "category": "highlight"}


async def until(pilot: Pilot[Any], condition: Callable[[], bool]) -> None:
    """Let the app run until ``condition`` holds: the pause's timer fires however late."""
    for _ in range(600):
        if condition():
            return
        await pilot.pause(0.1)
    raise AssertionError("the draft never came")


async def test_drafts_wait_for_a_pause_in_typing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys typed without a pause make no draft; closing hands over what was typed, once."""
    monkeypatch.setattr(note_editor, "DRAFT_DELAY", 3600.0)  # no pause this test could reach
    drafts: list[dict[str, Any]] = []
    app = editor_host(drafts)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"abc", "tab", *"x")
        assert drafts == []
        await pilot.press("escape")
        await pilot.pause()
    assert drafts == [{"body": "abc", "tags": ("x",), "category": "highlight"}]


async def test_a_pause_in_typing_hands_over_a_draft() -> None:
    drafts: list[dict[str, Any]] = []
    app = editor_host(drafts)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"abc")
        await until(pilot, lambda: bool(drafts) and drafts[-1]["body"] == "abc")
        await pilot.press("tab", *"x")
        await until(pilot, lambda: drafts[-1]["tags"] == ("x",))
        count = len(drafts)
        await pilot.press("escape")  # nothing new since the last draft
        await pilot.pause()
    assert drafts[-1] == {"body": "abc", "tags": ("x",), "category": "highlight"}
    assert len(drafts) == count


async def test_closing_untouched_hands_over_no_draft() -> None:
    drafts: list[dict[str, Any]] = []
    app = editor_host(drafts, body="kept", tags=("a",), category="idea")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
    assert drafts == [] and app.results == [None]


async def test_an_existing_note_opens_filled_in_and_is_edited_at_the_end() -> None:
    app = editor_host(body="First.", tags=("war", "peace"), category="disputed")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*" More.", "ctrl+s")
        await pilot.pause()
    assert app.results == [{"body": "First. More.", "tags": ("war", "peace"),
                            "category": "disputed"}]


async def test_the_category_can_be_picked_with_tab_and_the_arrows() -> None:
    app = editor_host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "tab", "down", "down", "ctrl+s")
        await pilot.pause()
    assert app.results[0]["category"] == "question"


async def test_after_ctrl_t_and_a_digit_typing_goes_on_where_it_was() -> None:
    app = editor_host()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"one", "ctrl+t", "3", *" two", "tab", *"tag", "ctrl+t", "5", "x")
        await pilot.press("tab", "7", "ctrl+s")  # reached with tab, it keeps the focus
        await pilot.pause()
    assert app.results == [{"body": "one two", "tags": ("tagx",), "category": "quote"}]


async def test_digits_pick_a_category_only_in_the_category_field() -> None:
    drafts: list[dict[str, Any]] = []
    app = editor_host(drafts)
    async with app.run_test(size=SIZE) as pilot:
        shown = screen_text(app)
        await pilot.press(*"point 8", "tab", *"2025", "ctrl+t", "8")
        await pilot.press("ctrl+t", "6", "escape")
        await pilot.pause()
    assert "Category (ctrl+t, then 1…8)" in shown
    assert all(f"{i} {name}" in shown for i, name in enumerate(CATEGORIES, start=1))
    assert drafts[-1] == {"body": "point 8", "tags": ("2025",), "category": "follow-up"}


async def test_markup_in_the_subject_and_body_is_shown_literally() -> None:
    body = "[bold]x[/bold] and [@click=app.quit]y[/]"
    app = Host(lambda: NoteEditor("[@click=app.quit]Quit[/] [red]subject[/red]", body=body))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        await pilot.click("#note-subject")
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert "[@click=app.quit]Quit[/] [red]subject[/red]" in shown
    assert body in shown
    assert app.results == [{"body": body, "tags": (), "category": "highlight"}]


@pytest.mark.parametrize(("typed", "tags"), [
    ("", ()),
    ("war", ("war",)),
    ("war, peace", ("war", "peace")),
    ("#war #peace", ("war", "peace")),
    ("war,,peace ,  talks", ("war", "peace", "talks")),
    ("War war WAR", ("War",)),
    ("##deep  #", ("deep",)),
    ("follow-up ukraine/russia", ("follow-up", "ukraine/russia")),
])
def test_tags_are_split_on_commas_and_spaces_without_hashes_or_repeats(
        typed: str, tags: tuple[str, ...]) -> None:
    assert parse_tags(typed) == tags


async def test_quitting_the_app_mid_edit_hands_over_the_last_keystrokes() -> None:
    drafts: list[dict[str, Any]] = []
    app = editor_host(drafts)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"typed just before quitting")
        app.exit()
        await pilot.pause()
    assert drafts == [{"body": "typed just before quitting", "tags": (), "category": "highlight"}]
    assert app.results == []


async def test_a_resumed_draft_closed_untouched_is_kept(
        make_app: Callable[..., GlossApp], store: Store) -> None:
    app = make_app()
    async with app.run_test(size=APP_SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "a", *"half a thought", "escape")
        await app.workers.wait_for_complete()  # drafts are written off the UI thread
        await pilot.pause()
        drafts = store.drafts(app.reader.document.id).values()
        assert [d["body"] for d in drafts] == ["half a thought"]
        await pilot.press("R")
        await app.workers.wait_for_complete()  # R reads the drafts off the UI thread
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("escape")  # read it, changed nothing
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, NoteEditor)
        drafts = store.drafts(app.reader.document.id).values()
        assert [d["body"] for d in drafts] == ["half a thought"]
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-body", TextArea).text == "half a thought"


HOSTILE = ("\x1b]52;c;bm90ZXB3bmVk\x07 pasted \x1b]0;TITLE\x07 then \x1b[2J cleared\x9b1m\n"
           "second line\tkept")


async def test_control_characters_in_a_stored_note_never_reach_a_widget() -> None:
    app = Host(lambda: NoteEditor("“\x1b]0;subject\x07”", body=HOSTILE,
                                  tags=("war\x1b[31m", "\x1b]52;c;eA==\x07")))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        body = app.screen.query_one("#note-body", TextArea).text
        tags = app.screen.query_one("#note-tags", Input).value
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert not has_controls(body) and not has_controls(tags)
    assert body == show_controls(HOSTILE) and "\n" in body and "\t" in body
    assert tags == "war␛[31m, ␛]52;c;eA==␇"
    saved = app.results[0]
    assert not any(has_controls(text) for text in (saved["body"], *saved["tags"]))


# ------------------------------------------------------------- in a real terminal (tmux)


class Terminal:
    """The real binary in a tmux server of its own: its own socket, so it runs with this
    test's environment (PYTHONPATH) whatever other tmux sessions exist on the machine."""

    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, timeout=30).stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "gloss", *keys)

    def wait_for(self, text: str, seconds: float = 90) -> str:
        deadline = time.monotonic() + seconds
        screen = ""
        while time.monotonic() < deadline:
            screen = self.tmux("capture-pane", "-p", "-t", "gloss")
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; screen was:\n{screen}")


@pytest.fixture
def gloss_in_tmux(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    terminal = Terminal(f"gloss-{uuid.uuid4().hex[:8]}")
    db = tmp_path / "notes.json"
    terminal.tmux("new-session", "-d", "-s", "gloss", "-x", "100", "-y", "36",
                  f"{sys.executable} -m tui --db {db} {sample_article()}")
    terminal.tmux("resize-window", "-t", "gloss", "-x", "100", "-y", "36")
    socket = terminal.tmux("display-message", "-p", "#{socket_path}").strip()
    yield terminal, db
    terminal.tmux("kill-server")
    if socket:
        Path(socket).unlink(missing_ok=True)  # tmux leaves the socket file behind


def saved_notes(db: Path) -> list[dict[str, Any]]:
    """The notes as the TinyDB files hold them (read without the app's code): the notes
    live in shards in ``<db>.notes/``."""
    records: list[dict[str, Any]] = []
    for shard in sorted(db.with_name(f"{db.name}.notes").glob("*.json")):
        tables = json.loads(shard.read_text(encoding="utf-8"))
        records += [r for r in tables.get(NOTES, {}).values() if "body" in r]
    return records


def wait_for_notes(db: Path, seconds: float = 30) -> list[dict[str, Any]]:
    """Poll the file until a note is in it (the status line may already say something else)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if notes := saved_notes(db):
            return notes
        time.sleep(0.2)
    raise AssertionError(f"no note was saved in {db}")


def test_the_category_keys_arrive_through_a_real_terminal(
        gloss_in_tmux: tuple[Terminal, Path]) -> None:
    terminal, db = gloss_in_tmux
    terminal.wait_for("good chance")
    terminal.keys("s", "a")
    screen = terminal.wait_for("Category (ctrl+t, then 1…8)")
    assert "4 disputed" in screen and "8 idea" in screen
    terminal.keys("-l", "sent through tmux")
    terminal.keys("C-t")
    terminal.wait_for("Category: press 1…8")  # digits now choose (a person is never faster)
    terminal.keys("4", "C-s")
    (note,) = wait_for_notes(db)
    assert (note["body"], note["category"]) == ("sent through tmux", "disputed")
