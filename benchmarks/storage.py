"""Saving one note, with 100 and 10,000 notes stored, against a raw TinyDB insert; opening
and saving with 100,000 notes (the measurement itself lives in ``benchmarks.store_bench``)."""

from __future__ import annotations

from collections.abc import Callable

from benchmarks.config import Config
from benchmarks.store_bench import (
    OPEN_LIMIT_S,
    SAVE_LIMIT_MS,
    SCALE,
    TARGET,
    bench_scale,
    bench_size,
)
from benchmarks.table import Row, limit_row, ratio_row


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
    count = SCALE if largest >= 10_000 else 2_000  # --quick: a smoke run of the same code
    directory = config.home / "store-scale"
    directory.mkdir()
    scale = bench_scale(directory, count, config.store_repeat)
    log(f"store {count:,} notes: open {scale.open_s:.2f} s, save {scale.save_ms:.1f} ms")
    rows.append(limit_row("6", f"open a store of {count:,} notes", scale.open_s,
                          OPEN_LIMIT_S, "s", baseline=scale.base_open_s,
                          note="baseline: open + list one document, stock TinyDB file"))
    rows.append(Row("6", f"first listing of one document, {count:,} notes", scale.list_s, "s",
                    scale.base_open_s, note="reads every shard once"))
    rows.append(limit_row("6", f"note save with {count:,} notes", scale.save_ms, SAVE_LIMIT_MS,
                          "ms", baseline=scale.base_save_ms,
                          note=f"draft save {scale.draft_ms:.1f} ms, "
                               f"import of one note {scale.import_ms:.1f} ms"))
    return rows
