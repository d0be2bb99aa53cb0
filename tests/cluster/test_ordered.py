"""``map_ordered`` and ``reduce_ordered`` on a real ``LocalCluster``: input order, a bounded
read-ahead, and a fold of partials equal to the merge of everything at once."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass

import cloudpickle
from distributed import Client

from tui.cluster.ordered import map_ordered, reduce_ordered

# Workers unpickle this module's functions by value: they need not import the tests package.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


def square(n: int) -> int:
    return n * n


def test_results_come_in_input_order_with_a_bounded_read_ahead(client: Client) -> None:
    read: list[int] = []

    def items() -> Iterator[int]:
        for n in range(60):
            read.append(n)
            yield n

    window, ahead = 3, []
    for done, result in enumerate(map_ordered(client, square, items(), window=window), 1):
        ahead.append(len(read) - done)
        assert result == (done - 1) ** 2
    assert len(read) == 60
    # Queued (window) + the one the feeder holds while it waits for room + the one just taken.
    assert max(ahead) <= window + 1


@dataclass(frozen=True)
class WordCounts:
    """A toy cross-document merge: words per document id, in first-seen order."""

    def partial(self, group: list[tuple[str, str]]) -> tuple[tuple[str, int], ...]:
        return tuple((ident, len(text.split())) for ident, text in group)

    def combine(self, earlier: tuple[tuple[str, int], ...],
                later: tuple[tuple[str, int], ...]) -> tuple[tuple[str, int], ...]:
        return earlier + later


def test_reduce_folds_partials_in_input_order(client: Client) -> None:
    docs = [(f"d{n}", "word " * (n % 7)) for n in range(50)]
    groups = [docs[start:start + 4] for start in range(0, len(docs), 4)]
    merged = reduce_ordered(client, WordCounts(), groups, (), window=2)
    assert merged == WordCounts().partial(docs)
