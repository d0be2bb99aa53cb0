"""Writing an export file: complete or absent, and never over someone else's file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.errors import GlossError
from tui.export.files import check_target, write_atomically


def test_new_file_is_written_whole_with_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    write_atomically(target, b"# Notes\n", force=False)
    assert target.read_text(encoding="utf-8") == "# Notes\n"
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]  # no temp file left


def test_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("mine", encoding="utf-8")
    target.chmod(0o600)
    with pytest.raises(GlossError, match="already exists; use --force"):
        write_atomically(target, b"new", force=False)
    assert target.read_text(encoding="utf-8") == "mine"
    write_atomically(target, b"new", force=True)
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o600  # an overwritten file keeps its mode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


def test_targets_that_cannot_be_written_fail_early(tmp_path: Path) -> None:
    with pytest.raises(GlossError, match="is a folder"):
        check_target(tmp_path, force=True)
    with pytest.raises(GlossError, match="does not exist"):
        check_target(tmp_path / "missing" / "notes.md", force=False)
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    with pytest.raises(GlossError, match="already exists"):
        check_target(tmp_path / "notes.md", force=False)
    check_target(tmp_path / "notes.md", force=True)
