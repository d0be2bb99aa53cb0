"""A notes file damaged while Gloss runs is reported at once, to every copy, and at next start."""

from __future__ import annotations

from pathlib import Path

from tui.store.db import Store
from tui.store.files import shard_of, shard_path
from tui.store.model import Note

DOC = "d" * 64
TEXT = "Steve Witkoff arrived in Moscow on Thursday."


def test_damage_during_a_session_is_said_at_once_and_at_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    heard: list[str] = []
    with Store.open(path) as store, Store.open(path) as other:
        other_heard: list[str] = []
        store.on_notice, other.on_notice = heard.append, other_heard.append
        note = store.save(Note.on_passage(DOC, TEXT, 0, 5))
        assert other.notes(DOC) and store.notice is None
        shard = shard_path(path, shard_of(note.id))
        shard.write_text("<<< merge conflict >>>")  # a sync tool, mid-session
        assert store.notes(DOC) == []
        assert store.recovered_from is not None
        assert len(heard) == 1 and str(store.recovered_from) in heard[0]
        assert store.notice == heard[0] and "\n" not in heard[0]
        assert other.notes(DOC) == []  # the other copy re-reads the new file...
        assert other_heard == heard  # ...and is told where the old one went
    with Store.open(path) as store:
        assert store.notice is not None and str(tmp_path) in store.notice
    with Store.open(path) as store:
        assert store.notice is None  # said once


def test_records_damaged_during_a_session_are_set_aside_before_the_next_write(
        tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    heard: list[str] = []
    with Store.open(path) as store:
        store.on_notice = heard.append
        good = store.save(Note.on_passage(DOC, TEXT, 0, 5))
        shard = shard_path(path, shard_of(good.id))
        shard.write_text(shard.read_text()[:-1] + ', "deleted": [1]}')
        store.edit(good, good.edited(body="edited"))  # the next write of that file
        assert len(heard) == 1 and store.set_aside_to is not None
        assert good.id in {n.id for n in store.notes(DOC)}
    with Store.open(path) as store:
        assert store.notice == heard[0]
