"""Functions run in the analysis process (or thread): plain data in, plain data out.

They return JSON-ready dicts, or ``{"error": message}``, so nothing unpicklable or
Textual-specific crosses the process boundary. Progress (with the highlights of each chunk
just analysed) goes back through a queue: a process inherits it from ``init_process``
(a multiprocessing queue cannot be passed to a pool task), a thread gets it as an argument.
"""

from __future__ import annotations

import contextlib
import os
from typing import Any, Protocol

from tui.errors import GlossError


class ProgressQueue(Protocol):
    def put(self, item: Any) -> None: ...


_inherited: ProgressQueue | None = None
UI_FIRST_NICENESS = 5


def init_process(queue: ProgressQueue) -> None:
    """Pool initializer: report progress on ``queue``, and yield the CPU to the reader's UI.

    On a busy machine the UI's frames matter more than finishing the analysis a little sooner.
    """
    global _inherited
    _inherited = queue
    with contextlib.suppress(OSError, AttributeError):
        os.nice(UI_FIRST_NICENESS)


def preload(model: str | None) -> dict[str, Any]:
    """Import spaCy and load the pipeline while the app paints the text."""
    from tui.analysis.nlp import ModelNotFound, load_pipeline, model_id

    try:
        name, version = model_id(load_pipeline(model))
    except ModelNotFound as error:
        return {"error": str(error)}
    return {"model": name, "version": version}


def analyze(document_json: dict[str, Any], model: str | None, dct_flag: str | None,
            date_order_flag: str | None, settings: dict[str, Any], run: int = 0,
            progress: ProgressQueue | None = None,
            chunk_chars: int | None = None) -> dict[str, Any]:
    """The whole analysis; after each chunk, ``(run, done, total, partial)`` on the queue.
    ``chunk_chars`` overrides the pipeline's chunk size (tests make many small chunks)."""
    from tui.analysis.nlp import ModelNotFound, load_pipeline
    from tui.analysis.pipeline import analyze_document_chunks
    from tui.document.model import Document

    queue = progress or _inherited
    try:
        nlp = load_pipeline(model)
        sizes = {} if chunk_chars is None else {"chunk_chars": chunk_chars}
        for step in analyze_document_chunks(
                Document.from_json(document_json), nlp, dct_flag=dct_flag,
                date_order_flag=date_order_flag, user_settings=settings, **sizes):
            if step.final is not None:
                return step.final.to_json()
            if queue is not None:
                queue.put((run, step.done, step.total, step.partial.to_json()))
    except (ModelNotFound, GlossError) as error:
        return {"error": str(error)}
    return {"error": "the analysis produced no result"}
