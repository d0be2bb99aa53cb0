"""The benchmark suite runs end to end (``--smoke``: tiny inputs) and prints its table; no
timings are judged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks.book import book_text
from benchmarks.table import Row, ratio_row, render

ROOT = Path(__file__).resolve().parent.parent

FIGURES = (
    "first paint, sample (headless)",
    "first paint, 600-word book (headless)",
    "time to highlights, sample, cold",
    "cached reopen: highlights in the first frame",
    "cached reopen: spaCy imported in the app",
    "page-down mean, 600-word book, during analysis",
    "page-down max, 600-word book, after analysis",
    "resize: to first frame at the new width",
    "batch docs/s, --processes 1",
    "batch docs/s, --processes 2",
    "note save with 1,000 notes",
    "peak RSS, 600-word book (app + analysis process)",
    "FTS search median",
    "gloss add, 3 articles, vs analysis alone",
)


def _checkout(root: Path) -> set[str]:
    """The checkout's visible entries (other tests running at once may make tool caches,
    ``.hypothesis/`` or ``.pytest_cache/``, beside them)."""
    return {p.name for p in root.iterdir() if not p.name.startswith(".")}


def test_smoke_run_prints_every_figure_with_a_verdict(tmp_path: Path) -> None:
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("GLOSS_DB", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    cwd = tmp_path / "cwd"  # where a stray relative path would land
    cwd.mkdir()
    before = _checkout(ROOT)
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--smoke"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    table = done.stdout
    for figure in FIGURES:
        line = next((row for row in table.splitlines() if figure in row), None)
        assert line is not None, f"{figure!r} missing from:\n{table}"
    targeted = [row for row in table.splitlines() if "<=" in row and not row.startswith("  [")]
    assert targeted and all(row.rstrip().endswith(("PASS", "FAIL", "n/a")) for row in targeted)
    # Scratch files (books, databases, caches) never land in the checkout or the user's dirs.
    assert _checkout(ROOT) == before and not list(cwd.iterdir())
    assert not (tmp_path / "data" / "gloss").exists()
    assert not (tmp_path / "cache" / "gloss").exists()


def test_book_is_deterministic_prose_with_names_and_dates() -> None:
    text = book_text(3_000)
    assert text == book_text(3_000)
    assert 3_000 <= len(text.split()) < 3_300
    assert "Chapter 1" in text
    assert any(month in text for month in ("January", "June", "December"))
    assert "\n\n" in text  # paragraphs, as a reader sees them


def test_table_marks_each_target() -> None:
    rows = [
        ratio_row("1", "fast enough", 1.0, 1.0, 1.3),
        ratio_row("1", "too slow", 2.0, 1.0, 1.3),
        Row("4", "informational", 5.0, "ms"),
    ]
    lines = render(rows).splitlines()
    assert lines[2].endswith("PASS") and "1.00x" in lines[2]
    assert lines[3].endswith("FAIL") and "2.00x" in lines[3]
    assert not lines[4].endswith(("PASS", "FAIL"))
