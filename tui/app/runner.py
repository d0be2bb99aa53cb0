"""Where analysis runs: a worker process made before the app starts, or a thread.

The process keeps spaCy's GIL-heavy work off the UI thread (frames stay smooth), and it must
exist before ``App.run()``: spawning one inside a running Textual app fails (textual#3593).
A warm-up task loads the pipeline in parallel with the app's first paint.
"""

from __future__ import annotations

import multiprocessing
import sys
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from typing import Any, Literal

from tui.analysis import worker
from tui.document.model import Document


class AnalysisRunner:
    def __init__(self, model: str | None, mode: Literal["process", "thread"] = "process",
                 *, preload: bool = True) -> None:
        self.model = model
        self.executor: Executor
        if mode == "process":
            method = "fork" if sys.platform.startswith("linux") else "spawn"
            self.executor = ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context(method))
        else:
            self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="analysis")
        self.warmup: Future[dict[str, Any]] | None = (
            self.executor.submit(worker.preload, model) if preload else None)

    def submit(self, document: Document, dct_flag: str | None, date_order_flag: str | None,
               settings: dict[str, Any]) -> Future[dict[str, Any]]:
        return self.executor.submit(worker.analyze, document.to_json(), self.model,
                                    dct_flag, date_order_flag, settings)

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
