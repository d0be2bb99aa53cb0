"""``python -m benchmarks [--quick] [--only SECTION ...]``: run the suite, print one table."""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from benchmarks import cluster_bench, scrolling, startup, storage, throughput
from benchmarks import config as configs
from benchmarks.book import write_book
from benchmarks.table import Row, render

SECTIONS = ("startup", "scrolling", "batch", "store", "library", "cluster")
# The cluster section starts Dask clusters (about a minute even on tiny inputs): the smoke run
# the test suite makes leaves it out; tests/cluster covers that path.
SMOKE_SECTIONS = ("startup", "scrolling", "batch", "store", "library")


def _log(message: str) -> None:
    print(f"  … {message}", file=sys.stderr, flush=True)


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    parts = [f"Python {platform.python_version()}"]
    for name in ("textual", "spacy", "tinydb"):
        try:
            parts.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            continue
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return f"{', '.join(parts)}; {os.cpu_count()} CPUs, load {load:.1f} at start"


def run(options: argparse.Namespace, log: Callable[[str], None] = _log) -> list[Row]:
    from tui.resources import sample_article

    with tempfile.TemporaryDirectory(prefix="gloss-bench-") as scratch:
        home = Path(scratch)
        config = (configs.smoke if options.smoke else configs.quick if options.quick
                  else configs.full)(home)
        if options.book_words:
            config = replace(config, book_words=options.book_words)
        if options.analysis_timeout:
            config = replace(config, analysis_timeout=options.analysis_timeout)
        if options.no_tmux:
            config = replace(config, tmux=False)
        book = write_book(home, config.book_words)
        sample = sample_article()
        rows: list[Row] = []
        for section in options.only or (SMOKE_SECTIONS if options.smoke else SECTIONS):
            log(f"{section}")
            if section == "startup":
                rows += startup.run(config, sample, book, log)
            elif section == "scrolling":
                rows += scrolling.run(config, book, log)
            elif section == "batch":
                rows += throughput.run(config, log)
            elif section == "library":
                from benchmarks import library_bench

                rows += library_bench.run(config.library_articles, config.library_added, log=False)
            elif section == "cluster":
                rows += cluster_bench.run(config, log)
            else:
                rows += storage.run(config, log)
        return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="one run of each figure on small inputs (proves the suite works)")
    parser.add_argument("--smoke", action="store_true",
                        help="tiny inputs, one run each: checks every figure is produced "
                             "(its numbers mean nothing)")
    parser.add_argument("--only", nargs="+", choices=SECTIONS, metavar="SECTION",
                        help=f"run only these sections: {', '.join(SECTIONS)}")
    parser.add_argument("--book-words", type=int, metavar="N", help="size of the long book")
    parser.add_argument("--analysis-timeout", type=float, metavar="SECONDS",
                        help="how long to wait for the long book's analysis")
    parser.add_argument("--no-tmux", action="store_true", help="skip the tmux runs")
    options = parser.parse_args(argv)
    started = time.perf_counter()
    kind = "smoke" if options.smoke else "quick" if options.quick else "full"
    print(f"Gloss benchmarks ({kind}): {_versions()}", flush=True)
    rows = run(options)
    print(render(rows))
    failed = sum(1 for row in rows if row.passed is False)
    print(f"\n{len(rows)} figures, {failed} targets failed, "
          f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
