"""The analysis version follows the analysis code: an edited rule misses the cache."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import tui.analysis
from tui.analysis.cache_key import analysis_cache_key
from tui.analysis.version import PLUMBING, analysis_version, source_fingerprint

ANALYSIS_DIR = Path(tui.analysis.__file__).resolve().parent


def _copy(tmp_path: Path) -> Path:
    root = tmp_path / "analysis"
    shutil.copytree(ANALYSIS_DIR, root, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_editing_a_rule_changes_the_version(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    before = source_fingerprint(root)
    assert before == source_fingerprint(ANALYSIS_DIR)
    rule = root / "temporal" / "lexicon.py"
    rule.write_bytes(rule.read_bytes() + b"\n# one more rule\n")
    assert source_fingerprint(root) != before


def test_a_new_or_moved_module_changes_the_version(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    before = source_fingerprint(root)
    (root / "temporal" / "extra.py").write_text("X = 1\n")
    added = source_fingerprint(root)
    assert added != before
    (root / "temporal" / "extra.py").rename(root / "extra.py")
    assert source_fingerprint(root) not in (before, added)


def test_plumbing_edits_keep_the_cache(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    before = source_fingerprint(root)
    for name in PLUMBING:
        if (root / name).exists():
            (root / name).write_text("# rewritten\n")
    assert source_fingerprint(root) == before


def test_version_is_stable_and_in_the_cache_key() -> None:
    version = analysis_version()
    assert version == analysis_version() == source_fingerprint(ANALYSIS_DIR)
    assert len(version) == 16
    assert f";a{version}" in analysis_cache_key("en_core_web_sm")


def test_code_that_shapes_an_analysis_never_imports_plumbing() -> None:
    """Otherwise an edit to a module left out of the hash could change analyses unnoticed
    (the version itself is only recorded in an Analysis, not used to make one)."""
    plumbing = {f"tui.analysis.{name.removesuffix('.py')}" for name in PLUMBING} - {
        "tui.analysis.version"}
    for path in ANALYSIS_DIR.rglob("*.py"):
        if path.relative_to(ANALYSIS_DIR).as_posix() in PLUMBING:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not plumbing.intersection(names), f"{path.name} imports plumbing"
