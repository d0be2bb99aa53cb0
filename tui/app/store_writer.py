"""Store work off the UI thread, one operation at a time, in the order it was asked for.

The notes file is shared with other copies of Gloss and with ``gloss import``: a write may wait
for the lock for seconds. Waiting on the UI thread froze the reader, and a lock timeout ended in
a traceback. Here each operation runs in a thread worker; when one takes long the reader is
told the file is busy, a failed one is retried, and one that keeps failing stops the queue
(so later changes never overtake it) until the reader asks again or makes another change.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from textual.widget import Widget

from tui.errors import GlossError

STORE_ERRORS = (GlossError, OSError)
BUSY_AFTER = 0.5  # seconds before a waiting operation is reported as busy
ATTEMPTS = 3  # tries of one operation before it is reported as failed
FLUSH_WAIT = 60.0  # seconds closing waits for an operation under way


class Reporter(Protocol):
    """What the writer tells the reader (all called on the UI thread)."""

    def store_busy(self, doing: str) -> None: ...

    def store_failed(self, doing: str, error: BaseException, waiting: int) -> None: ...

    def store_recovered(self) -> None: ...


@dataclass(eq=False)
class Job:
    doing: str
    op: Callable[[], Any]
    done: Callable[[Any], None] | None = None
    finished: threading.Event = field(default_factory=threading.Event)


class StoreWriter:
    """A FIFO of store operations drained by one thread worker at a time."""

    def __init__(self, host: Widget, reporter: Reporter) -> None:
        self._host = host
        self._reporter = reporter
        self._jobs: deque[Job] = deque()
        self._failed: list[Job] = []  # stopped after a failure, in order, for the next try
        self._lock = threading.Lock()
        self._running = False
        self._busy_told = False
        self._current: Job | None = None

    @property
    def unsaved(self) -> int:
        """Operations that failed and wait for another try."""
        return len(self._failed)

    def submit(self, doing: str, op: Callable[[], Any],
               done: Callable[[Any], None] | None = None) -> None:
        """Run ``op`` after everything submitted before it; ``done(result)`` on the UI thread."""
        job = Job(doing, op, done)
        with self._lock:
            self._jobs.extend(self._failed)
            self._failed.clear()
            self._jobs.append(job)
        self._start()
        self._host.set_timer(BUSY_AFTER, lambda: self._check(job))

    def retry(self) -> bool:
        """Try the failed operations again; False if there were none."""
        with self._lock:
            if not self._failed:
                return False
            self._jobs.extend(self._failed)
            self._failed.clear()
        self._start()
        return True

    def flush(self) -> None:
        """Run what is queued on this thread (the app is closing: nothing may be dropped)."""
        current = self._current
        if current is not None:
            current.finished.wait(timeout=FLUSH_WAIT)  # let the worker finish its operation
        with self._lock:
            jobs = [*self._failed, *self._jobs]
            self._jobs.clear()
            self._failed.clear()
        for job in jobs:
            try:
                job.op()
            except STORE_ERRORS:
                continue

    def _start(self) -> None:
        with self._lock:
            if self._running or not self._jobs:
                return
            self._running = True
        self._host.run_worker(self._drain, thread=True, group="store", exit_on_error=False,
                              description="Saving to the notes file")

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    self._running = False
                    return
                job = self._current = self._jobs.popleft()
            if not self._run(job):
                with self._lock:  # stop here: later changes must not overtake this one
                    self._failed = [job, *self._jobs]
                    self._jobs.clear()
                    self._running = False
                return

    def _run(self, job: Job) -> bool:
        error: BaseException | None = None
        for _attempt in range(ATTEMPTS):
            try:
                result = job.op()
            except STORE_ERRORS as failure:
                error = failure
                continue
            job.finished.set()
            if self._busy_told:
                self._busy_told = False
                self._call(self._reporter.store_recovered)
            if job.done is not None:
                self._call(job.done, result)
            return True
        job.finished.set()
        assert error is not None
        with self._lock:
            waiting = 1 + len(self._jobs)
        self._call(self._reporter.store_failed, job.doing, error, waiting)
        return False

    def _call(self, callback: Callable[..., Any], *args: Any) -> None:
        """Call on the UI thread; nothing to tell once the app has closed."""
        with contextlib.suppress(RuntimeError):
            self._host.app.call_from_thread(callback, *args)

    def _check(self, job: Job) -> None:
        if not job.finished.is_set():
            self._busy_told = True
            self._reporter.store_busy(job.doing)
