"""Where analysis runs: a worker process made before the app starts, or a thread.

The process keeps spaCy's GIL-heavy work off the UI thread (frames stay smooth), and it must
exist before ``App.run()``: spawning one inside a running Textual app fails (textual#3593).
A warm-up task loads the pipeline in parallel with the app's first paint. Progress and the
highlights of each analysed chunk come back on ``progress`` while the analysis runs.
"""

from __future__ import annotations

import multiprocessing
import queue
import sys
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from itertools import count
from typing import Any, Literal

from tui.analysis import worker
from tui.document.model import Document


class AnalysisRunner:
    def __init__(self, model: str | None, mode: Literal["process", "thread"] = "process",
                 *, preload: bool = True, chunk_chars: int | None = None) -> None:
        self.model = model
        self.mode = mode
        self.chunk_chars = chunk_chars  # None: the pipeline's own chunk size
        self.executor: Executor
        self.progress: Any
        if mode == "process":
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            context = multiprocessing.get_context(method)
            self.progress = context.Queue()
            self.executor = ProcessPoolExecutor(
                max_workers=1, mp_context=context,
                initializer=worker.init_process, initargs=(self.progress,))
        else:
            self.progress = queue.Queue()
            self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="analysis")
        self.closed = False  # shut down by us (quitting): a cancelled wait is no failure
        self.broken = False  # the executor died: submit nothing more to it
        self._runs = count(1)
        self.run = 0  # the latest submitted run: progress of older runs is stale
        self.warmup: Future[dict[str, Any]] | None = (
            self.executor.submit(worker.preload, model) if preload else None)

    def submit(self, document: Document, dct_flag: str | None, date_order_flag: str | None,
               settings: dict[str, Any], *, background: bool = False
               ) -> Future[dict[str, Any]]:
        """Analyse ``document``; a ``background`` run (the library's) reports no progress
        (run 0 is never current), so a reader waiting meanwhile sees only its own chunks."""
        run = 0 if background else next(self._runs)
        if not background:
            self.run = run
        local_queue = self.progress if self.mode == "thread" else None
        return self.executor.submit(worker.analyze, document.to_json(), self.model,
                                    dct_flag, date_order_flag, dict(settings), run,
                                    local_queue, self.chunk_chars)

    def progress_updates(self) -> list[tuple[int, int, dict[str, Any]]]:
        """(done, total, partial analysis) of the current run received so far."""
        updates: list[tuple[int, int, dict[str, Any]]] = []
        while True:
            try:
                run, done, total, partial = self.progress.get_nowait()
            except queue.Empty:
                return updates
            if run == self.run:
                updates.append((done, total, partial))

    def shutdown(self) -> None:
        """Stop at once: a book's analysis must not keep the reader waiting after ``q``."""
        self.closed = True
        if isinstance(self.executor, ProcessPoolExecutor):
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.terminate()
        self.executor.shutdown(wait=False, cancel_futures=True)
