"""A killed writer never breaks the file; two running copies never lose each other's notes."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tui.store.db import Store
from tui.store.files import shards_dir
from tui.store.model import Note
from tui.store.schema import NOTES, empty_tables
from tui.store.storage import encode, write_atomic

WRITER = Path(__file__).with_name("writer.py")
TEXT = "Talks resumed in Geneva on Monday after a week of silence from both delegations."


def _writer(db: Path, prefix: str, count: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db), prefix, str(count), *extra],
        stdout=subprocess.PIPE, text=True)


def _prefill(db: Path, count: int) -> set[str]:
    """A database big enough that a save takes a while, so kills land inside saves."""
    tables = empty_tables()
    notes = [Note.on_passage("other", TEXT, 0, 12, body=f"old {i}") for i in range(count)]
    tables[NOTES] = {n.id: n.to_json() for n in notes}
    write_atomic(db, encode(tables))
    return {n.id for n in notes}


def _kill_when_writing(proc: subprocess.Popen[str], directory: Path, timeout: float) -> bool:
    """SIGKILL ``proc`` as soon as its temp file appears (mid-write); False if none appeared."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(True for _ in directory.rglob("*.tmp")):
            proc.send_signal(signal.SIGKILL)
            return True
    proc.send_signal(signal.SIGKILL)
    return False


def test_killing_a_writer_mid_save_never_loses_an_acknowledged_note(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    expected = _prefill(db, 3000)
    rng = random.Random(7)
    killed_mid_write = 0
    for round_ in range(30):
        proc = _writer(db, f"r{round_:02d}", 10_000, "--slow-sync", "0.02")
        assert proc.stdout is not None
        acknowledged = [proc.stdout.readline().split()[1] for _ in range(rng.randint(1, 3))]
        if round_ % 2:
            killed_mid_write += _kill_when_writing(proc, tmp_path, timeout=2.0)
        else:
            time.sleep(rng.uniform(0, 0.03))
            proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate()
        acknowledged += [line.split()[1] for line in rest.splitlines()]
        expected.update(acknowledged)

        json.loads(db.read_bytes())  # every file valid JSON, whatever the kill hit
        stored = set()
        for shard in shards_dir(db).glob("*.json"):
            stored |= set(json.loads(shard.read_bytes()).get(NOTES, {}))
        assert expected <= stored
        with Store.open(db) as store:
            assert store.recovered_from is None
            assert {n.id for n in store.notes("doc")} >= set(acknowledged)
        assert not list(tmp_path.glob("**/.*.tmp")), "reopening cleans up temp files"
    assert killed_mid_write >= 10


def test_two_processes_writing_200_notes_each_lose_none(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    Store.open(db).close()
    procs = [_writer(db, name, 200, "--delete-every", "10") for name in ("alpha", "beta")]
    saved: set[str] = set()
    deleted: set[str] = set()
    for proc in procs:
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0
        for line in out.splitlines():
            action, note_id = line.split()
            (saved if action == "saved" else deleted).add(note_id)
    assert len(saved) == 400 and len(deleted) == 40
    with Store.open(db) as store:
        assert {n.id for n in store.notes("doc")} == saved - deleted


def test_a_note_deleted_by_one_copy_is_not_resurrected_by_another(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    first, second = Store.open(db), Store.open(db)
    try:
        kept = Note.on_passage("doc", TEXT, 0, 12)
        gone = Note.on_passage("doc", TEXT, 13, 20)
        first.save(kept)
        first.save(gone)
        assert {n.id for n in second.notes("doc")} == {kept.id, gone.id}
        first.delete(gone.id)
        added = Note.on_passage("doc", TEXT, 24, 30)
        second.save(added)
        assert {n.id for n in first.notes("doc")} == {kept.id, added.id}
        assert second.get(gone.id) is None
    finally:
        first.close()
        second.close()


HOLD_AND_DIE = """
import os, signal, sys, time
from pathlib import Path
from tui.store.lock import ProcessLock
lock = ProcessLock(Path(sys.argv[1]))
if os.fork() == 0:  # an analysis worker forked from Gloss, outliving it
    time.sleep(30)
    os._exit(0)
with lock.exclusive():
    print("locked", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_forked_worker_does_not_keep_a_dead_copys_lock(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    Store.open(db).close()
    proc = subprocess.Popen([sys.executable, "-c", HOLD_AND_DIE, str(db) + ".lock"],
                            stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "locked"
        assert proc.wait(timeout=30) == -signal.SIGKILL
        t0 = time.monotonic()
        with Store.open(db) as store:
            store.save(Note.on_passage("doc", TEXT, 0, 5))
        assert time.monotonic() - t0 < 5
    finally:
        os.killpg(proc.pid, signal.SIGKILL)


DELETER = """
import os, sys
lock, stop = sys.argv[1], sys.argv[2]
for _ in range(5_000_000):  # bounded: the test stops it long before
    if os.path.exists(stop):
        break
    try:
        os.unlink(lock)
    except FileNotFoundError:
        pass
"""


def test_deleting_the_lock_file_while_two_copies_write_loses_nothing(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    _prefill(db, 300)  # saves take long enough for the deleter to strike inside them
    stop = tmp_path / "stop"
    deleter = subprocess.Popen([sys.executable, "-c", DELETER, f"{db}.lock", str(stop)])
    try:
        procs = [_writer(db, name, 150) for name in ("alpha", "beta")]
        saved: set[str] = set()
        for proc in procs:
            out, _ = proc.communicate(timeout=300)
            assert proc.returncode == 0
            saved.update(line.split()[1] for line in out.splitlines())
    finally:
        stop.touch()
        deleter.wait(timeout=60)
    assert len(saved) == 300
    with Store.open(db) as store:
        assert {n.id for n in store.notes("doc")} == saved
