"""Saving one note, with 100 and 10,000 notes stored, against a raw TinyDB insert
(the measurement itself lives in ``benchmarks.store_bench``)."""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.config import Config
from benchmarks.store_bench import TARGET, bench_size
from benchmarks.table import Row, ratio_row


def run(config: Config, log: Callable[[str], None]) -> list[Row]:
    rows = []
    largest = max(config.store_sizes)
    for size in config.store_sizes:
        directory = config.home / f"store-{size}"
        directory.mkdir()
        ours, reread, raw = bench_size(directory, size, config.store_repeat)
        log(f"store {size:,} notes: save {ours:.2f} ms, raw insert {raw:.2f} ms")
        note = f"{reread:.2f} ms when another process wrote in between"
        name = f"note save with {size:,} notes"
        if size == largest:
            rows.append(ratio_row("6", name, ours, raw, TARGET, unit="ms", note=note))
        else:
            rows.append(Row("6", name, ours, "ms", raw, note=note))
    return rows
