"""The long book: frame times while the analysis runs and after, resize re-wrap, peak memory."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.config import Config
from benchmarks.spawn import maximum, mean, median, probe
from benchmarks.startup import fresh_db
from benchmarks.table import Row, limit_row

PAGE_MEAN_MS = 16.0
PAGE_MAX_MS = 50.0
MEMORY_MB = 1536.0


def _series(section: str, label: str, figures: dict[str, Any] | None, note: str) -> list[Row]:
    nan = math.nan
    downs = figures["page_down_ms"] if figures else [nan]
    jumps = figures["jump_ms"] if figures else [nan]
    cpu = figures["page_down_cpu_ms"] if figures else [nan]
    jump_cpu = figures["jump_cpu_ms"] if figures else [nan]
    if figures:
        note = "; ".join(filter(None, [note, f"UI-thread CPU per page-down: mean "
                                             f"{mean(cpu):.1f} ms, max {maximum(cpu):.1f} ms"]))
    return [
        limit_row(section, f"page-down mean, {label}", mean(downs), PAGE_MEAN_MS, "ms", note),
        limit_row(section, f"page-down max, {label}", maximum(downs), PAGE_MAX_MS, "ms"),
        Row(section, f"jump to middle mean, {label}", mean(jumps), "ms",
            note=f"max {maximum(jumps):.1f} ms; UI-thread CPU mean {mean(jump_cpu):.1f} ms"
            if figures else ""),
    ]


def run(config: Config, book: Path, log: Callable[[str], None]) -> list[Row]:
    result = probe(config.home, "book", str(book), "--db", fresh_db(config),
                   options=("--timeout", str(config.analysis_timeout),
                            "--pages", str(config.pages), "--burst-gap", str(config.burst_gap)),
                   timeout=config.analysis_timeout * 2 + 300)
    analysed = bool(result.get("analysed"))
    label = f"{config.book_words:,}-word book"
    running = result["during"].get("analysis_running")
    progress = result.get("progress_ms") or []
    log(f"book: {result['rows']:,} rows, analysed={analysed} after {result['waited_s']:.0f}s")
    not_done = f"the analysis had not finished {config.analysis_timeout:g} s after start"
    during_note = "the analysis had already finished" if not running else (
        f"{result['during']['bursts']} bursts of scrolling")
    if progress:
        during_note += (f"; {len(progress)} progress batches took the UI thread "
                        f"{sum(progress) / 1000:.1f} s in all, {max(progress):.0f} ms at most; "
                        f"first chunk highlighted {result['first_partial']:.1f} s after start")
    rows = _series("4", f"{label}, during analysis", result["during"], during_note)
    rows += _series("4", f"{label}, after analysis", result.get("after"),
                    "" if analysed else not_done)
    wraps = result.get("wrap_ms", [])
    rows.append(Row("4", "resize: to first frame at the new width", median(result["resize_ms"]),
                    "ms", note=f"re-wraps per resize {result['wraps_per_resize']}, one re-wrap "
                               f"takes {median(wraps[1:] or wraps):.0f} ms"))
    if analysed:
        rows.append(Row("4", f"{label}: start to analysis shown", result["waited_s"], "s",
                        note=f"the UI thread was blocked {result['result_stall_ms']:.0f} ms "
                             "applying the result"))
    total = result["app_peak_mb"] + result["analysis_peak_mb"]
    rows.append(limit_row("7", f"peak RSS, {label} (app + analysis process)", total, MEMORY_MB,
                          "MB", note=(f"app {result['app_peak_mb']:.0f} MB, analysis process "
                                      f"{result['analysis_peak_mb']:.0f} MB"
                                      + ("" if analysed else f"; {not_done}"))))
    if not analysed:
        rows[-1] = Row(rows[-1].section, rows[-1].name, total, "MB", target=rows[-1].target,
                       passed=None, note=rows[-1].note)
    return rows
