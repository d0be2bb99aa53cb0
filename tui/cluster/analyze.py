"""``gloss analyze --jsonl --scheduler ...``: the JSON-lines stream analysed on a Dask cluster.

Workers run the same ``results`` as the single-process path on consecutive groups of lines
(the groups ``--processes`` uses), and this process writes the groups' lines in input order,
so the output is byte for byte the same. This process never loads spaCy: each worker process
loads the pipeline on its first group and keeps it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING, BinaryIO, TextIO

from tui.analysis.batch import write_results
from tui.analysis.batch_workers import Lines, groups
from tui.analysis.jsonl import numbered_lines, results
from tui.analysis.nlp import ModelNotFound, load_pipeline
from tui.analysis.pipeline import document_dct
from tui.cluster.connect import connect
from tui.cluster.ordered import map_ordered
from tui.document.model import Metadata
from tui.errors import GlossError

if TYPE_CHECKING:
    from distributed import Client

    from tui.analysis.progress_bar import ProgressBar

# One group of lines runs at a time in a worker process: a worker started with several threads
# loads the pipeline once and never runs it from two threads at once (spaCy holds the GIL,
# so extra threads would not add throughput anyway).
_worker_lock = threading.Lock()


# Lines and input bytes per task: about two seconds of parsing, four to eight times the groups
# of ``--processes``, so Dask's cost per task (scheduling, messages, a record in the scheduler's
# event logs) stays small beside the work, while a corpus still makes many tasks to balance.
GROUP_LINES = 128
GROUP_BYTES = 40_000


@dataclass(frozen=True)
class AnalyzeJob:
    """What every group of lines is analysed with, and how big a group is; sent with each task
    (it is small). The grouping never changes the output, only how the work is cut."""

    model: str | None = None
    batch_size: int = 16
    dct_flag: str | None = None
    date_order_flag: str | None = None
    group_lines: int = GROUP_LINES
    group_bytes: int = GROUP_BYTES


def analyze_group(job: AnalyzeJob, lines: Lines) -> list[str]:
    """On a worker: one group of lines' JSON results, in input order. ``load_pipeline``
    keeps the pipeline for the life of the worker process, so only the first group loads it."""
    with _worker_lock:
        nlp = load_pipeline(job.model)
        return list(results(nlp, lines, batch_size=job.batch_size, dct_flag=job.dct_flag,
                            date_order_flag=job.date_order_flag))


def cluster_results(client: Client, lines: Iterable[tuple[int, bytes]],
                    job: AnalyzeJob) -> Iterator[str]:
    """``results`` for every non-blank numbered line, computed on the cluster, in input order."""
    work = groups(lines, job.group_lines, job.group_bytes)
    done = map_ordered(client, partial(analyze_group, job), work)
    try:
        yield from chain.from_iterable(done)
    except ModelNotFound as error:  # raised on a worker, which lacks the pipeline
        raise GlossError(f"on a Dask worker: {error}") from error


def run_jsonl_on_cluster(scheduler: str, stdin: BinaryIO | TextIO, stdout: BinaryIO,
                         job: AnalyzeJob, progress: ProgressBar | None = None) -> None:
    """``run_jsonl`` with the analysis on the cluster ``scheduler`` names (see ``connect``)."""
    if job.dct_flag is not None:
        document_dct(Metadata(), "", job.dct_flag)  # a malformed --date fails once, up front
    with connect(scheduler) as client:
        write_results(cluster_results(client, numbered_lines(stdin), job), stdin, stdout,
                      progress)
