"""Map groups of documents over a Dask cluster: results in input order, memory bounded.

The generic engine of ``--scheduler``. ``gloss analyze --jsonl`` maps groups of JSON lines to
their output lines; a library import maps documents to records the same way; a cross-document
merge (a story timeline) maps each group to a partial merge on the workers and folds the
partials here (``reduce_ordered``), so this process never holds every document's analysis.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol, TypeAlias, TypeVar

from tui.errors import GlossError

if TYPE_CHECKING:
    from distributed import Client, Future

In = TypeVar("In")
Out = TypeVar("Out")
Partial = TypeVar("Partial")
Group_contra = TypeVar("Group_contra", contravariant=True)
# Dask's own retries for a group whose task raised; a worker that *dies* running a group has it
# rescheduled on another worker by the scheduler (up to ``distributed.scheduler.allowed-failures``).
RETRIES = 2
# Groups waiting or running per worker thread: one running, one ready to start at once.
IN_FLIGHT_PER_THREAD = 2
_Slot: TypeAlias = "Future[Out] | BaseException | None"


def in_flight_limit(client: Client) -> int:
    """How many groups may be submitted and not yet written: enough to keep every worker
    thread busy, few enough that memory does not grow with the input."""
    threads = sum(client.nthreads().values())  # type: ignore[no-untyped-call]
    return max(2, IN_FLIGHT_PER_THREAD * threads)


def map_ordered(client: Client, function: Callable[[In], Out], items: Iterable[In], *,
                window: int | None = None, retries: int = RETRIES) -> Iterator[Out]:
    """``function(item)`` for each item, computed on the cluster, yielded in input order.

    A thread reads ``items`` lazily and submits each as a task; at most ``window`` tasks are
    submitted and not yet yielded, so a large input is read as fast as it is computed. A result
    is yielded as soon as it and every result before it are in, even while the next item has
    not arrived. ``function`` must be picklable (a module-level function or a ``partial``).
    """
    slots: queue.Queue[_Slot[Out]] = queue.Queue(maxsize=window or in_flight_limit(client))
    stop = threading.Event()
    feeder = threading.Thread(target=_feed, args=(client, function, items, retries, slots, stop),
                              name="gloss-cluster-feeder", daemon=True)
    feeder.start()
    try:
        while (slot := slots.get()) is not None:
            if isinstance(slot, BaseException):
                raise slot
            yield _result(slot)
    finally:
        stop.set()  # the reader left early (an error, a closed pipe): the feeder stops too
        _cancel_queued(slots)


def _result(future: Future[Out]) -> Out:
    from distributed import KilledWorker

    try:
        return future.result()
    except KilledWorker as error:
        raise GlossError("a group of documents killed every worker that ran it; the workers' "
                         "logs say why (often memory)") from error
    finally:
        _release(future)  # the scheduler forgets the task and its result now


def _release(future: Future[Out]) -> None:
    future.release()  # type: ignore[no-untyped-call]


def _feed(client: Client, function: Callable[[In], Out], items: Iterable[In], retries: int,
          slots: queue.Queue[_Slot[Out]], stop: threading.Event) -> None:
    """Feeder thread: submit each item in input order; then ``None``, or what went wrong."""
    end: BaseException | None = None
    try:
        for item in items:
            future = client.submit(function, item, retries=retries, pure=False)
            if not _put(slots, future, stop):
                _release(future)
                return
    except BaseException as error:  # raised again by the reader, in its own thread
        end = error
    _put(slots, end, stop)


def _put(slots: queue.Queue[_Slot[Out]], slot: _Slot[Out], stop: threading.Event) -> bool:
    """Wait for room in ``slots``, unless the reader has gone."""
    while not stop.is_set():
        try:
            slots.put(slot, timeout=0.1)
        except queue.Full:
            continue
        return True
    return False


def _cancel_queued(slots: queue.Queue[_Slot[Out]]) -> None:
    """Release the tasks nobody will read (the reader stopped early)."""
    while True:
        try:
            slot = slots.get_nowait()
        except queue.Empty:
            return
        if slot is not None and not isinstance(slot, BaseException):
            _release(slot)


class Reduction(Protocol[Group_contra, Partial]):
    """A cross-document merge done as a reduction (the seam for ``gloss timeline --jsonl``).

    ``partial`` runs on a worker over one group of documents, in input order, and returns
    what the merge needs from them (say, a story's entities and events); ``combine`` merges
    two partials, the earlier group's first. ``combine`` must be associative and
    ``combine(partial(a), partial(b))`` must equal ``partial(a + b)``, so the result is the
    same whatever the grouping and the number of workers. Both must be picklable.
    """

    def partial(self, group: Group_contra) -> Partial: ...

    def combine(self, earlier: Partial, later: Partial) -> Partial: ...


def reduce_ordered(client: Client, reduction: Reduction[In, Partial], groups: Iterable[In],
                   empty: Partial, *, window: int | None = None) -> Partial:
    """Fold the partials of ``groups``, computed on the cluster, in input order from ``empty``:
    this process holds the running merge and at most ``window`` partials, never the groups'
    full analyses."""
    merged = empty
    for part in map_ordered(client, reduction.partial, groups, window=window):
        merged = reduction.combine(merged, part)
    return merged
