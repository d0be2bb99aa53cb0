"""Writing an export file: complete or absent, and never over someone else's file."""

from __future__ import annotations

import os
from collections.abc import Callable
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


def test_force_writes_through_a_symlink_and_keeps_the_link(tmp_path: Path) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "notes.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "notes.md"
    link.symlink_to(real)
    with pytest.raises(GlossError, match="already exists"):
        check_target(link, force=False)
    check_target(link, force=True)
    write_atomically(link, b"new", force=True)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes() == b"new"
    assert sorted(p.name for p in synced.iterdir()) == ["notes.md"]


def test_dangling_symlink_is_written_through_with_force(tmp_path: Path) -> None:
    link = tmp_path / "out.md"
    link.symlink_to(tmp_path / "target.md")
    write_atomically(link, b"x", force=True)
    assert link.is_symlink() and (tmp_path / "target.md").read_bytes() == b"x"


@pytest.mark.parametrize("via_link", [False, True])
def test_fifo_is_refused_even_with_force(tmp_path: Path, via_link: bool) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    target = fifo
    if via_link:
        target = tmp_path / "link.md"
        target.symlink_to(fifo)
    checks: tuple[Callable[[], object], ...] = (
        lambda: check_target(target, force=True),
        lambda: write_atomically(target, b"x", force=True))
    for check in checks:
        with pytest.raises(GlossError, match=r"is a FIFO \(named pipe\), not a regular file"):
            check()
    assert fifo.exists() and not fifo.is_file()  # still the FIFO, not replaced


def test_socket_and_folder_behind_a_link_are_refused(tmp_path: Path) -> None:
    import socket

    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(GlossError, match="is a socket"):
            write_atomically(path, b"x", force=True)
    finally:
        server.close()
    link = tmp_path / "dir-link"
    link.symlink_to(tmp_path)
    with pytest.raises(GlossError, match="is a folder"):
        check_target(link, force=True)


def test_export_to_a_fifo_is_one_line_and_exit_2(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    from tui.cli import main

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code = main(["export", "--format", "json", "-o", str(fifo), "--force",
                 "--db", str(tmp_path / "notes.json")])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.splitlines() == [f"gloss: {fifo} is a FIFO (named pipe), not a regular file; it "
                                "is never replaced (leave out -o to write to standard output)"]
