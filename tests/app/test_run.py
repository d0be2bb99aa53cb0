"""Opening from the command line: bad input is one line and exit 2; a cache is trusted rightly."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from tui.analysis.model import Analysis
from tui.app.run import cached
from tui.document.load import load_document
from tui.store.db import Store


def gloss(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120, stdin=subprocess.DEVNULL)


def test_bad_paths_give_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    for target in ("missing.txt", str(tmp_path), "empty.txt", "bin.txt"):
        result = gloss("--db", str(tmp_path / "n.json"), target, cwd=tmp_path)
        assert result.returncode == 2, target
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("gloss: "), result.stderr
        assert "Traceback" not in result.stderr


def test_a_bad_date_flag_is_one_line(tmp_path: Path) -> None:
    result = gloss("analyze", "--date", "2025-13-45", cwd=tmp_path)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_cached_analysis_is_used_unless_its_date_was_only_assumed(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "n.json")
    document = load_document(None)
    analysis = Analysis(doc_id=document.id, dct="2025-08-07", dct_source="metadata")
    store.cache_analysis(document.id, "k", analysis.to_json())
    assert cached(store, document, "k") == analysis
    assumed = replace(analysis, dct="2001-01-01", dct_source="assumed")
    store.cache_analysis(document.id, "k", assumed.to_json())
    assert cached(store, document, "k") is None
    assert cached(store, document, "other key") is None
