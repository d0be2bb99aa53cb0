"""The error boundary: a failing store, a busy lock or a dead analysis is a message, not a crash."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from concurrent.futures import BrokenExecutor
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from tests.app.conftest import SIZE, saved, screen_text, settle
from tui.app.app import GlossApp
from tui.app.runner import AnalysisRunner
from tui.app.screens.note_editor import NoteEditor
from tui.document.load import load_document
from tui.store.db import Store
from tui.store.files import shard_of, shard_path
from tui.store.lock import ProcessLock


async def wait_for(pilot: Pilot[None], condition: Callable[[], bool]) -> bool:
    """Let the app run until ``condition`` holds (it is an event, not a duration)."""
    for _ in range(1200):
        if condition():
            return True
        await pilot.pause(0.05)
    return condition()


async def test_an_unwritable_notes_file_is_a_message_and_nothing_typed_is_lost(
    make_app: Callable[..., GlossApp], store: Store
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await saved(app, pilot)
        shards = store.path.with_name(f"{store.path.name}.notes")  # where notes are written
        aside = store.path.with_name("moved-away")
        if shards.exists():
            shards.rename(aside)
        shards.write_text("")  # a file where the notes folder was: every note write fails
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"a thought worth keeping")
        await pilot.press("ctrl+s")
        await saved(app, pilot)
        assert app.is_running
        shown = screen_text(app)
        assert "Could not" in shown and "F6" in shown
        reader = app.reader
        assert reader.notebook is not None
        assert [n.body for n in reader.notebook.notes] == ["a thought worth keeping"]
        shards.unlink()
        if aside.exists():
            aside.rename(shards)
        await pilot.press("f6")
        await saved(app, pilot)
        assert [n.body for n in store.notes(app.reader.document.id)] == ["a thought worth keeping"]
        assert store.drafts(app.reader.document.id) == {}


async def test_a_busy_lock_does_not_freeze_the_reader_and_the_change_is_saved_after(
    make_app: Callable[..., GlossApp], store: Store
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await saved(app, pilot)
        other_copy = ProcessLock(store.path.with_name(f"{store.path.name}.lock"))
        with other_copy.exclusive():
            await pilot.press("s", "h")
            assert await wait_for(pilot, lambda: "busy" in screen_text(app))
            cursor = app.reader.article.cursor
            await pilot.press("right_parenthesis")  # the reader still answers keys
            assert app.reader.article.cursor > cursor
            assert app.reader.notebook is not None and len(app.reader.notebook.notes) == 1
        await saved(app, pilot)
        assert len(store.notes(app.reader.document.id)) == 1
        assert "busy" not in screen_text(app)
        other_copy.close()


async def test_a_resumed_draft_closed_unchanged_is_kept(
    make_app: Callable[..., GlossApp], store: Store
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "a", *"half a thought")
        await pilot.press("escape")
        await saved(app, pilot)
        await pilot.press("R")
        await saved(app, pilot)
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one("#note-body", TextArea).text == "half a thought"
        await pilot.press("escape")
        await saved(app, pilot)
        assert "Draft kept" in screen_text(app)
    assert [d["body"] for d in store.drafts(app.reader.document.id).values()] == ["half a thought"]


def _kill_analysis_processes() -> None:
    for child in multiprocessing.active_children():
        os.kill(child.pid or 0, signal.SIGKILL)


def _pool_is_broken(runner: AnalysisRunner) -> bool:
    try:
        runner.executor.submit(int)
    except BrokenExecutor:
        return True
    return False


async def test_a_dead_analysis_process_is_reported_and_f5_analyses_again(
    nlp: object, store: Store
) -> None:
    runner = AnalysisRunner(None, "process")  # made before the app, as `gloss` does
    runner.executor.submit(time.sleep, 600)  # the analysis waits behind this until the kill
    app = GlossApp(load_document(None), runner=runner, store=store)
    async with app.run_test(size=SIZE) as pilot:
        # Kill it once the analysis was handed to it (a pool found dead before that is
        # replaced quietly, which another test covers).
        assert await wait_for(pilot, lambda: any(w.group == "analysis" for w in app.workers))
        _kill_analysis_processes()
        assert await wait_for(pilot, lambda: "stopped unexpectedly" in screen_text(app))
        assert not app.reader.status.progress  # not "Analysing…" forever
        await pilot.press("f5")
        await settle(app, pilot)
        assert app.reader.analysis is not None
        assert app.runner is not None and app.runner.mode == "thread"


async def test_d_after_the_analysis_process_died_starts_a_fresh_runner(
    nlp: object, store: Store
) -> None:
    runner = AnalysisRunner(None, "process")
    app = GlossApp(load_document(None), runner=runner, store=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.reader.analysis is not None
        _kill_analysis_processes()
        assert await wait_for(pilot, lambda: _pool_is_broken(runner))  # as after a while idle
        await pilot.press("D")
        await pilot.press("tab", "down", "down", "ctrl+s")  # past Automatic and DMY: MDY
        assert await wait_for(pilot, lambda: app.reader.analysis is not None
                              and app.reader.analysis.date_order == "MDY")
        assert app.is_running


async def test_paths_in_export_messages_are_shown_literally(
    sample_app: tuple[GlossApp, Pilot[None]], tmp_path: Path
) -> None:
    app, pilot = sample_app
    for name in ("notes [draft].md", "out[link=a:b]x.md", "[@click=app.quit]y.md"):
        await pilot.press("ctrl+e")
        app.screen.query_one("#export-path", Input).value = str(tmp_path / name)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.is_running
        assert (tmp_path / name).is_file()
        assert name in screen_text(app)


async def test_a_notes_file_damaged_while_reading_is_said_at_once_and_the_list_reread(
    make_app: Callable[..., GlossApp], store: Store
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(app, pilot)
        await pilot.press("s", "h")  # a highlight: a note in a shard file
        await saved(app, pilot)
        reader = app.reader
        assert reader.notebook is not None
        (note,) = reader.notebook.notes
        shard_path(store.path, shard_of(note.id)).write_text("<<< merge conflict >>>")
        await pilot.press("u")  # undoing the highlight reads that file: the damage is found
        await saved(app, pilot)
        assert await wait_for(pilot, lambda: store.notice is not None)
        notice = store.notice
        assert notice is not None and "\n" not in notice
        assert await wait_for(pilot, lambda: "Notes database" in screen_text(app))
        assert await wait_for(pilot, lambda: reader.notebook is not None
                              and note.id not in {n.id for n in reader.notebook.notes})
