"""Start-up figures: first paint (headless and tmux), time to highlights, cached reopen."""

from __future__ import annotations

import math
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from benchmarks import terminal
from benchmarks.config import Config
from benchmarks.spawn import median, probe, sandbox_env
from benchmarks.table import Row, ratio_row

PAINT_LIMIT = 1.3
HIGHLIGHTS_LIMIT = 1.15

Log = Callable[[str], None]


def fresh_db(config: Config) -> str:
    return str(config.home / f"notes-{uuid.uuid4().hex[:8]}.json")


def first_paint(config: Config, label: str, path: Path, log: Log) -> list[Row]:
    """Gloss (cold: a fresh database, so the analysis process starts too) against the bare app,
    runs interleaved so both see the same machine load."""
    ours, bare = [], []
    for _ in range(config.repeat):
        bare.append(probe(config.home, "bare", str(path)))
        ours.append(probe(config.home, "paint", str(path), "--db", fresh_db(config)))
    paint = median(r["first_paint"] for r in ours)
    paint_bare = median(r["first_paint"] for r in bare)
    log(f"first paint {label}: gloss {paint:.2f}s, bare {paint_bare:.2f}s")
    cpu = median(r["first_paint_cpu"] for r in ours)
    cpu_bare = median(r["first_paint_cpu"] for r in bare)
    return [ratio_row("1", f"first paint, {label} (headless)", paint, paint_bare, PAINT_LIMIT,
                      note=f"CPU time of the app process until then: {cpu:.2f} s vs "
                           f"{cpu_bare:.2f} s")]


def first_paint_tmux(config: Config, label: str, path: Path, log: Log,
                     quit_during_analysis: bool = False) -> list[Row]:
    env = sandbox_env(config.home)
    marker = terminal.marker_for(path.read_text(encoding="utf-8"))
    ours, bare, quits = [], [], []
    for run in range(config.repeat):
        with terminal.Session([sys.executable, "-m", "benchmarks.bare_app", str(path)],
                              env) as session:
            bare.append(session.wait_for(marker, 60))
        command = [sys.executable, "-m", "tui", str(path), "--db", fresh_db(config)]
        with terminal.Session(command, env) as session:
            ours.append(session.wait_for(marker, 60))
            if quit_during_analysis and run == 0:
                time.sleep(config.quit_after)  # the analysis proper is under way by now
                quits.append(session.quit_time("q", 20))
    log(f"tmux first paint {label}: gloss {median(ours):.2f}s, bare {median(bare):.2f}s")
    rows = [ratio_row("1", f"first paint, {label} (tmux)", median(ours), median(bare),
                      PAINT_LIMIT)]
    if quits:
        exit_time = quits[0]
        rows.append(Row("1", f"quit (q) while analysing, {label} (tmux)", exit_time, "s",
                        note=f"q pressed {config.quit_after:g} s after first paint; " + (
                            "exited" if math.isfinite(exit_time) else
                            "still running 20 s after q: exit waits for the analysis")))
    return rows


def highlights(config: Config, path: Path, log: Log) -> tuple[list[Row], str]:
    """Cold time to highlights against spaCy alone; returns the rows and a warmed database."""
    ours, raw = [], []
    db = fresh_db(config)
    for _ in range(config.repeat):
        db = fresh_db(config)
        raw.append(probe(config.home, "rawspacy", str(path))["done"])
        result = probe(config.home, "highlights", str(path), "--db", db)
        ours.append(result["highlights_painted"])
    log(f"highlights cold: gloss {median(ours):.2f}s, spaCy alone {median(raw):.2f}s")
    return [ratio_row("2", "time to highlights, sample, cold", median(ours), median(raw),
                      HIGHLIGHTS_LIMIT)], db


def cached_reopen(config: Config, path: Path, db: str, log: Log) -> list[Row]:
    """Reopen with the analysis cached in ``db``: highlights must come with the first frame,
    and spaCy must never be imported."""
    runs = [probe(config.home, "highlights", str(path), "--db", db)
            for _ in range(config.repeat)]
    bare = [probe(config.home, "bare", str(path))["first_paint"] for _ in range(config.repeat)]
    shown = median(r["highlights_painted"] for r in runs)
    at_first_paint = all(r["highlights_frame"] == r["first_paint_frame"] for r in runs)
    spacy = any(r["spacy_in_app"] or r["spacy_at_highlights"] for r in runs)
    log(f"cached reopen: highlights {shown:.2f}s, at first paint {at_first_paint}, "
        f"spaCy imported {spacy}")
    return [
        Row("3", "cached reopen: start to highlights", shown, "s", median(bare),
            note="baseline: bare app first paint of the same text"),
        Row("3", "cached reopen: highlights in the first frame", float(at_first_paint),
            "yes/no", target="yes", passed=at_first_paint),
        Row("3", "cached reopen: spaCy imported in the app", float(spacy), "yes/no",
            target="no", passed=not spacy),
    ]


def run(config: Config, sample: Path, book: Path, log: Log) -> list[Row]:
    rows = first_paint(config, "sample", sample, log)
    rows += first_paint(config, f"{config.book_words:,}-word book", book, log)
    if config.tmux and terminal.available():
        rows += first_paint_tmux(config, "sample", sample, log)
        rows += first_paint_tmux(config, f"{config.book_words:,}-word book", book, log,
                                 quit_during_analysis=True)
    found, db = highlights(config, sample, log)
    rows += found
    rows += cached_reopen(config, sample, db, log)
    return rows

