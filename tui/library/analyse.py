"""Analyse added articles with the app's own analysis, and cache it under the app's key.

The reader opening an added article then finds its analysis ready. With ``processes`` > 1 the
work runs in forked worker processes that inherit the loaded pipeline (as ``gloss analyze
--jsonl --processes`` does); with one, in this process, so adding costs little beyond the
analysis itself.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from tui.analysis import worker
from tui.analysis.cache_key import key_for, usable_analysis
from tui.document.model import Document
from tui.store.db import Store
from tui.store.library import Library

MAX_ENTITIES = 60  # names kept per article for the library's entity: filter
MARK_EVERY = 25  # analysed articles marked in the library per write


@dataclass(frozen=True)
class Job:
    doc_id: str
    key: str
    document: dict[str, Any]
    model: str | None
    settings: dict[str, Any]


def jobs(documents: Sequence[Document], store: Store, library: Library,
         model: str | None, dct_flag: str | None = None,
         date_order_flag: str | None = None) -> tuple[list[Job], bool]:
    """What still needs analysing; False as second value when no pipeline is installed.

    An article whose analysis is already cached (the reader opened it) is only marked. The
    flags are the app's ``--date``/``--date-order``, so the key is the one its reader uses.
    """
    todo: list[Job] = []
    for document in documents:
        settings = store.settings(document.id)
        key = key_for(model, dct_flag, date_order_flag, settings)
        if key is None:
            return [], False
        cached = usable_analysis(store.cached_analysis(document.id, key))
        if cached is not None:
            library.set_analysed(document.id, entity_names(cached.to_json()))
            continue
        todo.append(Job(document.id, key, document.to_json(), model, settings))
    return todo, True


def entity_names(analysis: dict[str, Any]) -> list[str]:
    """The names of the analysis's entities, most mentioned first."""
    clusters = [c for c in analysis.get("clusters", ()) if isinstance(c, dict)]
    clusters.sort(key=lambda c: -int(c.get("mentions", 0) or 0))
    return [str(c["name"]) for c in clusters[:MAX_ENTITIES] if c.get("name")]


def _run(job: Job) -> tuple[Job, dict[str, Any]]:
    return job, worker.analyze(job.document, job.model, None, None, job.settings)


def results(todo: Sequence[Job], processes: int) -> Iterator[tuple[Job, dict[str, Any]]]:
    """Each job with its analysis JSON (or ``{"error": ...}``), as they finish."""
    if processes <= 1 or len(todo) <= 1:
        yield from map(_run, todo)
        return
    worker.preload(todo[0].model)  # loaded once here; the forked workers inherit it
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(min(processes, len(todo))) as pool:
        yield from pool.imap_unordered(_run, todo)


def analyse(todo: Sequence[Job], store: Store, library: Library, processes: int,
            on_done: Callable[[Job, str | None], None]) -> None:
    """Analyse, cache and mark each job; ``on_done(job, error)`` after each.

    The cache entry is written at once (the reader may open the article any moment); the
    library's "analysed" marks are written in groups, as they only serve filtering.
    """
    marks: dict[str, list[str]] = {}
    try:
        for job, result in results(todo, processes):
            error = result.get("error")
            if isinstance(error, str):
                on_done(job, error)
                continue
            store.cache_analysis(job.doc_id, job.key, result)
            marks[job.doc_id] = entity_names(result)
            if len(marks) >= MARK_EVERY:
                library.set_analysed_many(dict(marks))
                marks.clear()
            on_done(job, None)
    finally:
        library.set_analysed_many(dict(marks))
