"""Writing an export to disk: never a half-written file, never a silent overwrite.

``--force`` replaces a regular file and nothing else: a symlink is written through (its target
is replaced atomically and the link stays a link), while a device, FIFO, socket or folder is
refused, since renaming over ``/dev/null`` or a pipe would destroy something that is not ours.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from tui.errors import GlossError

_KINDS = ((stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"))


def check_target(target: Path, *, force: bool) -> None:
    """Fail early (before any analysis) when the file cannot or must not be written."""
    real = _writable(target)
    if os.path.lexists(target) and not force:
        raise GlossError(f"{target} already exists; use --force to overwrite it")
    if not real.parent.is_dir():
        raise GlossError(f"cannot write {target}: the folder {real.parent} does not exist")


def _writable(target: Path) -> Path:
    """The file a write to ``target`` lands in (a symlink's final target), refused unless it
    is a regular file or absent."""
    real = Path(os.path.realpath(target))
    try:
        mode = real.stat().st_mode
    except FileNotFoundError:
        return real
    except OSError as error:
        raise GlossError(f"cannot write {target}: {error.strerror or error}") from None
    if stat.S_ISDIR(mode):
        raise GlossError(f"{target} is a folder; give a file name")
    for test, kind in _KINDS:
        if test(mode):
            raise GlossError(f"{target} is {kind}, not a regular file; it is never replaced "
                             "(leave out -o to write to standard output)")
    if not stat.S_ISREG(mode):
        raise GlossError(f"{target} is not a regular file; it is never replaced")
    return real


def write_atomically(target: Path, data: bytes, *, force: bool) -> None:
    """Write via a temp file in the same folder, fsync, then rename into place.

    Without ``force`` the final step is ``os.link``, which fails rather than replace a file
    that appeared meanwhile. A new file gets the usual permissions (0666 less the umask); an
    overwritten one keeps its own. With ``force`` a symlink's target is what is replaced.
    """
    real = _writable(target)
    if not force:
        real = target  # nothing is there to follow; a link appearing now must fail the link
    try:
        mode = real.stat().st_mode & 0o777 if real.exists() else _default_mode()
        fd, temp = tempfile.mkstemp(dir=real.parent, prefix=f".{real.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, mode)
            if force:
                os.replace(temp, real)
            else:
                _link_no_clobber(temp, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)
        _fsync_dir(real.parent)
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
