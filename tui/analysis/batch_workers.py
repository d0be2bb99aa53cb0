"""Worker processes for ``gloss analyze --jsonl --processes N``.

Each worker parses *and* analyses its share of the lines, so this process only reads, hands
out and writes: with spaCy alone in the workers, the per-document analysis left here became
the bottleneck. Workers run the same ``results`` as the single-process path on consecutive
groups of lines, so the output is byte for byte the same.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeAlias

from tui.analysis.jsonl import results

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult, Pool

    from spacy.language import Language

Lines = list[tuple[int, bytes]]
# Input bytes per task, about half a second of parsing with a small pipeline: handing a group
# to a worker costs nothing beside that, and no worker idles long at the end while another
# finishes a big group (tasks of a fixed 16 news articles left one of two workers idle for a
# third of a 47-article run).
GROUP_BYTES = 10_000
# A submitted group's results; ``None`` once the input is exhausted; or the input's error.
_Task: TypeAlias = "AsyncResult[list[str]] | BaseException | None"


@dataclass(frozen=True)
class _Job:
    """What every group of lines is analysed with; set once per worker."""

    nlp: Language
    batch_size: int
    dct_flag: str | None
    date_order_flag: str | None


_job: _Job | None = None


def _start(job: _Job) -> None:
    """Pool initializer: with fork the pipeline is inherited, not loaded or copied again."""
    global _job
    _job = job


def _analyze(lines: Lines) -> list[str]:
    """One group of lines in a worker: their JSON results, in input order."""
    assert _job is not None, "the worker was not started with _start"
    return list(results(_job.nlp, lines, batch_size=_job.batch_size, dct_flag=_job.dct_flag,
                        date_order_flag=_job.date_order_flag))


def groups(lines: Iterable[tuple[int, bytes]], size: int,
           group_bytes: int = GROUP_BYTES) -> Iterator[Lines]:
    """Consecutive groups of non-blank lines (blank lines give no output anyway): ``size``
    lines, or fewer once they hold ``group_bytes`` of input, so a group is about as much work
    whether the lines are tweets or long articles."""
    group: Lines = []
    held = 0
    for number, raw in lines:
        if not raw.strip():
            continue
        group.append((number, raw))
        held += len(raw)
        if len(group) >= size or held >= group_bytes:
            yield group
            group, held = [], 0
    if group:
        yield group


def pooled_results(nlp: Language, lines: Iterable[tuple[int, bytes]], *, processes: int,
                   batch_size: int = 16, dct_flag: str | None = None,
                   date_order_flag: str | None = None) -> Iterator[str]:
    """``results`` computed by ``processes`` workers, yielded in input order.

    Each group of lines (see ``groups``) is one task. A thread reads the input and hands out
    tasks, so a result is yielded as soon as it and every result before it are in, even while
    the next line has not arrived; at most two tasks per worker wait, so a large input is read
    as fast as it is analysed rather than all at once.
    """
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    job = _Job(nlp, batch_size, dct_flag, date_order_flag)
    tasks: queue.Queue[_Task] = queue.Queue(maxsize=2 * processes)
    stop = threading.Event()
    with context.Pool(processes, initializer=_start, initargs=(job,)) as pool:
        feeder = threading.Thread(target=_feed, args=(pool, groups(lines, batch_size), tasks, stop),
                                  name="gloss-jsonl-feeder", daemon=True)
        feeder.start()
        try:
            while (task := tasks.get()) is not None:
                if isinstance(task, BaseException):
                    raise task
                yield from task.get()
        finally:
            stop.set()  # the reader left early (an error, a closed pipe): the feeder stops too


def _feed(pool: Pool, work: Iterator[Lines], tasks: queue.Queue[_Task],
          stop: threading.Event) -> None:
    """Feeder thread: submit each group in input order; then ``None``, or what went wrong."""
    end: BaseException | None = None
    try:
        for group in work:
            if not _put(tasks, pool.apply_async(_analyze, (group,)), stop):
                return
    except BaseException as error:  # raised again by the reader, in its own thread
        end = error
    _put(tasks, end, stop)


def _put(tasks: queue.Queue[_Task], task: _Task, stop: threading.Event) -> bool:
    """Wait for room in ``tasks``, unless the reader has gone."""
    while not stop.is_set():
        try:
            tasks.put(task, timeout=0.1)
        except queue.Full:
            continue
        return True
    return False
