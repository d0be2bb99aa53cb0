"""Cluster benchmark: ``gloss analyze --jsonl --scheduler`` against one process, same run.

Figures (each measured in fresh processes, in this run):
  * speed-up of ``local:2`` over one process, in docs/s on short articles (target >= 1.7x on
    this 2-core machine class);
  * overhead of the Dask path with one worker against the plain single-process path, the same
    articles (target <= 1.1x);
  * peak RSS of the driver (the ``gloss`` process: input, output, scheduler) at a small and a
    10x larger input of one-sentence articles (target: within 10%).

Throughput is timed from the first text to the last result: loading spaCy (once per worker,
in parallel) and starting the cluster are left out, as the batch benchmark leaves out the
pipeline load; the note gives the whole run's wall time. The RSS runs are the real CLI, start
to finish.

Run: ``python -m benchmarks.cluster_bench [--quick]``, or as the ``cluster`` section of
``python -m benchmarks``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.book import book_text
from benchmarks.config import Config
from benchmarks.spawn import ROOT, sandbox_env
from benchmarks.table import Row, limit_row, ratio_row, render

SPEEDUP_TARGET = 1.7
OVERHEAD_LIMIT = 1.1
RSS_LIMIT = 1.10
PLACES = ("Paris", "Kyiv", "Nairobi", "Lima", "Osaka", "Denver", "Accra", "Hanoi")
WARM_UP = b'{"id": 0, "text": "Ada Lovelace arrived in Paris on Monday."}\n'
PEOPLE = ("Clara Morales", "David Okafor", "Maria Brennan", "Tim Cook", "Ada Lovelace")


@dataclass(frozen=True)
class Sizes:
    articles: int  # short articles for the throughput figures
    rss_lines: tuple[int, int]  # one-sentence articles for the driver's peak RSS


FULL = Sizes(2_000, (10_000, 100_000))
QUICK = Sizes(400, (1_000, 10_000))
SMOKE = Sizes(40, (100, 1_000))
SIZES = {"full": FULL, "quick": QUICK, "smoke": SMOKE}


def _articles(count: int) -> list[str]:
    """``count`` JSON lines, one book paragraph each (~56 words with names, places, dates)."""
    paragraphs = [p for p in book_text(count * 60).split("\n\n")
                  if p.strip() and not p.startswith("Chapter")]
    while len(paragraphs) < count:
        paragraphs += paragraphs
    return [json.dumps({"id": n, "text": text.strip()})
            for n, text in enumerate(paragraphs[:count])]


def _sentences(count: int) -> list[str]:
    """``count`` JSON lines of one short sentence each, with a name, a place and a date."""
    return [json.dumps({"id": n, "text": f"{PEOPLE[n % 5]} arrived in {PLACES[n % 8]} on "
                                         f"{n % 28 + 1} March {1990 + n % 30}."})
            for n in range(count)]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- measured child processes -------------------------------------------------------------------


def _measure(kind: str, workers: int, source: Path) -> dict[str, Any]:
    """In the child: analyse ``source`` and time it; ``kind`` is single, cluster or rss."""
    started = time.perf_counter()
    if kind == "rss":
        from tui.cli import main

        with source.open("rb") as data, open(os.devnull, "wb") as sink:
            sys.stdin = io.TextIOWrapper(data, encoding="utf-8")
            sys.stdout = io.TextIOWrapper(sink, encoding="utf-8")
            code = main(["analyze", "--jsonl", "--scheduler", f"local:{workers}"])
            sys.stdout.flush()
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        from tui.analysis.nlp import _load_pipeline

        return {"code": code, "peak_mb": peak_kb / 1024, "wall": time.perf_counter() - started,
                "pipelines": _load_pipeline.cache_info().currsize}
    if kind == "single":
        from tui.analysis.batch import run_jsonl
        from tui.analysis.nlp import load_pipeline

        nlp = load_pipeline()
        run_jsonl(nlp, io.BytesIO(WARM_UP), io.BytesIO())
        with source.open("rb") as data, open(os.devnull, "wb") as sink:
            timed = time.perf_counter()
            run_jsonl(nlp, data, sink)
            seconds = time.perf_counter() - timed
        return {"seconds": seconds, "wall": time.perf_counter() - started}
    from tui.analysis.batch import write_results
    from tui.analysis.jsonl import numbered_lines
    from tui.cluster.analyze import AnalyzeJob, analyze_group, cluster_results
    from tui.cluster.connect import connect

    with connect(f"local:{workers}") as client:
        # Every worker loads spaCy and analyses one line before the clock starts, as the
        # single process does: first-use costs (the analysis version hash, lazy imports) are
        # paid once per process, not per document.
        client.run(analyze_group, AnalyzeJob(), [(1, WARM_UP)])
        with source.open("rb") as data, open(os.devnull, "wb") as sink:
            timed = time.perf_counter()
            write_results(cluster_results(client, numbered_lines(data), AnalyzeJob()), data,
                          sink)
            seconds = time.perf_counter() - timed
        worker_mb = max(client.run(_peak_mb).values())
    return {"seconds": seconds, "wall": time.perf_counter() - started, "worker_mb": worker_mb}


def _peak_mb() -> float:
    """This process's peak resident memory (run on each worker)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(home: Path, kind: str, workers: int, source: Path) -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.cluster_bench", "--measure", kind,
               "--workers", str(workers), "--input", str(source)]
    done = subprocess.run(command, env=sandbox_env(home), cwd=ROOT, capture_output=True,
                          text=True, timeout=3_600, check=False)
    if done.returncode != 0:
        tail = " | ".join(done.stderr.strip().splitlines()[-5:])
        raise RuntimeError(f"cluster bench {kind} x{workers} failed: {tail}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# --- the figures --------------------------------------------------------------------------------


def figures(sizes: Sizes, home: Path, log: Callable[[str], None]) -> list[Row]:
    articles = _write(home / "cluster-articles.jsonl", _articles(sizes.articles))
    docs = sizes.articles
    log(f"cluster: one process, {docs} articles")
    single = _child(home, "single", 1, articles)
    log("cluster: local:1")
    one = _child(home, "cluster", 1, articles)
    log("cluster: local:2")
    two = _child(home, "cluster", 2, articles)
    rate = {name: docs / run["seconds"] for name, run in
            (("single", single), ("one", one), ("two", two))}
    speedup = rate["two"] / rate["single"]
    rows = [
        Row("C", "cluster docs/s, local:2 vs one process", rate["two"], "docs/s",
            rate["single"], f">= {SPEEDUP_TARGET:g}x", speedup >= SPEEDUP_TARGET,
            f"{docs} short articles; whole runs {two['wall']:.1f} s vs {single['wall']:.1f} s "
            f"with start-up (cluster start, spaCy loads)", speedup),
        ratio_row("C", "cluster docs/s, Dask with one worker vs one process", rate["one"],
                  rate["single"], OVERHEAD_LIMIT, unit="docs/s", higher_is_better=True,
                  note=f"{docs} short articles; whole run {one['wall']:.1f} s"),
        Row("C", "worker peak RSS, spaCy loaded, local:2", max(two["worker_mb"],
            one["worker_mb"]), "MB", note="the largest worker process after the run"),
    ]
    small, large = sizes.rss_lines
    peaks: list[float] = []
    pipelines = 0
    for count in (small, large):
        log(f"cluster: driver peak RSS, {count:,} lines on local:2")
        path = _write(home / f"cluster-rss-{count}.jsonl", _sentences(count))
        run = _child(home, "rss", 2, path)
        path.unlink()
        if run["code"] != 0:
            raise RuntimeError(f"gloss analyze --scheduler local:2 exited {run['code']}")
        peaks.append(run["peak_mb"])
        pipelines = max(pipelines, run["pipelines"])
        log(f"cluster: {count:,} lines, peak {run['peak_mb']:.0f} MB, {run['wall']:.1f} s")
    rows.append(ratio_row("C", f"driver peak RSS, {large:,} vs {small:,} lines", peaks[1],
                          peaks[0], RSS_LIMIT, unit="MB",
                          note="the gloss process with --scheduler local:2 (scheduler "
                               "included, workers not); one-sentence articles"))
    rows.append(limit_row("C", "driver loads a spaCy pipeline with --scheduler",
                          float(pipelines > 0), 0.0, "yes/no"))
    articles.unlink()
    return rows


def run(config: Config, log: Callable[[str], None]) -> list[Row]:
    """The ``cluster`` section of ``python -m benchmarks``: the sizes of the suite's kind."""
    return figures(SIZES[config.kind], config.home, log)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.cluster_bench",
                                     description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="small inputs (proves it works)")
    parser.add_argument("--smoke", action="store_true", help="tiny inputs; numbers mean nothing")
    parser.add_argument("--measure", choices=("single", "cluster", "rss"), help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.measure:
        result = _measure(options.measure, options.workers, options.input)
        print(json.dumps(result), file=sys.__stdout__, flush=True)
        return 0
    sizes = SMOKE if options.smoke else QUICK if options.quick else FULL
    load = os.getloadavg()[0]
    print(f"Gloss cluster benchmark: {os.cpu_count()} CPUs, load {load:.1f} at start", flush=True)
    with tempfile.TemporaryDirectory(prefix="gloss-cluster-bench-") as scratch:
        rows = figures(sizes, Path(scratch),
                       lambda message: print(f"  … {message}", file=sys.stderr, flush=True))
    print(render(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
