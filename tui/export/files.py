"""Writing an export to disk: never a half-written file, never a silent overwrite."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from tui.errors import GlossError


def check_target(target: Path, *, force: bool) -> None:
    """Fail early (before any analysis) when the file cannot or must not be written."""
    if target.is_dir():
        raise GlossError(f"{target} is a folder; give a file name")
    if target.exists() and not force:
        raise GlossError(f"{target} already exists; use --force to overwrite it")
    if not target.parent.is_dir():
        raise GlossError(f"cannot write {target}: the folder {target.parent} does not exist")


def write_atomically(target: Path, data: bytes, *, force: bool) -> None:
    """Write via a temp file in the same folder, fsync, then rename into place.

    Without ``force`` the final step is ``os.link``, which fails rather than replace a file
    that appeared meanwhile. A new file gets the usual permissions (0666 less the umask); an
    overwritten one keeps its own.
    """
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, mode)
            if force:
                os.replace(temp, target)
            else:
                _link_no_clobber(temp, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        _fsync_dir(target.parent)
    except FileExistsError:
        raise GlossError(f"{target} already exists; use --force to overwrite it") from None
    except OSError as error:
        raise GlossError(f"cannot write {target}: {error.strerror or error}") from None


def _link_no_clobber(temp: str, target: Path) -> None:
    """Put the file in place unless the target exists (FileExistsError then)."""
    try:
        os.link(temp, target)
    except FileExistsError:
        raise
    except OSError as error:  # no hard links here (FAT, some network file systems)
        if error.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV):
            raise
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.replace(temp, target)


def _default_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
