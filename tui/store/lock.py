"""An inter-process lock on the database's directory, with a write counter in ``<db>.lock``.

Two copies of Gloss may run at once. Every write to the notes file happens under the exclusive
lock, after re-reading the file, so no process can drop another's notes. The ``flock`` is
taken on the directory that holds the database, not on a file in it: a lock file can be
deleted by a tidy-up while a copy holds it, and the next copy would lock a new file and write
at the same time; the directory cannot go while the database is in it. (Databases in one
directory share the lock; that only makes them wait for each other.) The ``<db>.lock`` file
holds a counter that each writer bumps before replacing the database: a process whose last
read saw the same counter (and the same file) can skip re-reading a file it already has.
The kernel releases ``flock`` locks when a process dies, so a killed writer never wedges others.
"""

from __future__ import annotations

import fcntl
import os
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tui.errors import GlossError


class StoreBusy(GlossError):
    """Another copy held the lock for longer than this copy was willing to wait.

    The app opens its store with a short timeout and retries off the UI thread on this.
    """

_COUNTER_WIDTH = 20  # decimal digits of each file's write counter, side by side in the lock file


class ProcessLock:
    """Shared/exclusive ``flock`` on ``path``, reentrant within the process (all threads)."""

    def __init__(self, path: Path, timeout: float = 10.0) -> None:
        self.path = path
        self.timeout = timeout
        self._thread_lock = threading.RLock()
        self._depth = 0
        self._mode = 0  # fcntl.LOCK_SH or LOCK_EX while held, 0 when free
        self._dir_fd = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            self._fd = self._open()  # the write counter
        except OSError:
            os.close(self._dir_fd)
            raise
        # A forked child (an analysis worker) must not keep the lock file open: if this
        # process died mid-write, the child's copy would hold the lock for every other copy.
        ref = weakref.ref(self)
        os.register_at_fork(after_in_child=lambda: _drop_in_child(ref))

    def _open(self) -> int:
        return os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)

    @contextmanager
    def shared(self) -> Iterator[None]:
        """Hold the lock for reading: writers wait, other readers do not."""
        with self._held(fcntl.LOCK_SH):
            yield

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the lock for a read-modify-write; nested use inside ``shared`` is an error."""
        with self._held(fcntl.LOCK_EX):
            yield

    @property
    def held_exclusively(self) -> bool:
        return self._mode == fcntl.LOCK_EX and self._depth > 0

    @contextmanager
    def _held(self, mode: int) -> Iterator[None]:
        with self._thread_lock:
            if self._depth == 0:
                self._acquire(mode)
                self._mode = mode
            elif mode == fcntl.LOCK_EX and self._mode != fcntl.LOCK_EX:
                raise RuntimeError("cannot upgrade a shared lock to an exclusive one")
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._mode = 0
                    fcntl.flock(self._dir_fd, fcntl.LOCK_UN)

    def _acquire(self, mode: int) -> None:
        deadline = time.monotonic() + self.timeout
        pause = 0.001
        while True:
            try:
                fcntl.flock(self._dir_fd, mode | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"notes database is busy: another copy of Gloss is using it "
                        f"({self.path.parent})") from None
                time.sleep(pause)
                pause = min(pause * 2, 0.02)
                continue
            if not self._still_linked():
                # Someone removed or replaced the counter file: count in the one at the path.
                os.close(self._fd)
                self._fd = self._open()
            return

    def _still_linked(self) -> bool:
        try:
            on_disk = os.stat(self.path)
        except FileNotFoundError:
            return False
        mine = os.fstat(self._fd)
        return (on_disk.st_ino, on_disk.st_dev) == (mine.st_ino, mine.st_dev)

    def generation(self, slot: int = 0) -> int:
        """The write counter of one file of the store (``slot``); read it under the lock."""
        raw = os.pread(self._fd, _COUNTER_WIDTH, slot * _COUNTER_WIDTH)
        try:
            return int(raw.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            return 0

    def bump(self, slot: int = 0) -> int:
        """Advance a write counter; call it under the exclusive lock before replacing the file."""
        if not self.held_exclusively:
            raise RuntimeError("bump() needs the exclusive lock")
        value = self.generation(slot) + 1
        os.pwrite(self._fd, str(value).zfill(_COUNTER_WIDTH).encode("ascii"),
                  slot * _COUNTER_WIDTH)
        return value

    def close(self) -> None:
        with self._thread_lock:
            for fd in (self._fd, self._dir_fd):
                if fd >= 0:
                    os.close(fd)
            self._fd = self._dir_fd = -1


def _drop_in_child(ref: weakref.ref[ProcessLock]) -> None:
    lock = ref()
    if lock is not None:
        for fd in (lock._fd, lock._dir_fd):
            if fd >= 0:
                os.close(fd)
        lock._fd = lock._dir_fd = -1
