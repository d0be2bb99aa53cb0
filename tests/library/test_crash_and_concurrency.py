"""A killed ``gloss add`` leaves every completed article; two at once lose nothing."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from tui.store.library import Library

ADDER = Path(__file__).with_name("adder.py")


def _adder(db: Path, prefix: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, str(ADDER), str(db), prefix, str(count)],
                            stdout=subprocess.PIPE, text=True)


def _check(db: Path, acknowledged: set[str]) -> None:
    with Library.open(db) as library:
        ids = {a.id for a in library.articles(every_version=True)}
        assert acknowledged <= ids
        for doc_id in ids:  # every listed article has its text and is searchable
            assert library.document(doc_id) is not None
        assert library.index.article_ids() == ids


def test_killing_an_adder_at_any_moment_keeps_every_completed_article(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    Library.open(db).close()
    rng = random.Random(11)
    acknowledged: set[str] = set()
    for round_ in range(12):
        proc = _adder(db, f"r{round_}", 10_000)
        assert proc.stdout is not None
        for _ in range(rng.randint(1, 4)):
            acknowledged.add(proc.stdout.readline().split()[1])
        time.sleep(rng.uniform(0, 0.02))  # to vary where the kill lands, not to wait for it
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate()
        acknowledged.update(line.split()[1] for line in rest.splitlines() if line.strip())
        _check(db, acknowledged)


def test_two_adders_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "notes.json"
    Library.open(db).close()
    procs = [_adder(db, name, 60) for name in ("alpha", "beta")]
    acknowledged: set[str] = set()
    for proc in procs:
        out, _ = proc.communicate(timeout=120)
        assert proc.returncode == 0
        acknowledged.update(line.split()[1] for line in out.splitlines())
    assert len(acknowledged) == 120
    _check(db, acknowledged)
