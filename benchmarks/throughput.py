"""Batch throughput: ``gloss analyze --jsonl`` against raw ``nlp.pipe`` on the same texts.

Both run in fresh processes and are timed from the first text to the last result, so loading
the pipeline (the same for both) is left out and the ratio is the cost of our layers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks.book import book_text
from benchmarks.config import Config
from benchmarks.spawn import ROOT, median, probe
from benchmarks.table import Row, ratio_row

DEV_SET = ROOT.parent / "shared" / "eval" / "dev" / "tbaq.jsonl"
LIMIT = 1.15


def _dev_records(words: int) -> Iterator[str]:
    total = 0
    with DEV_SET.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip() or total >= words:
                continue
            record = json.loads(line)
            total += len(record["text"].split())
            yield json.dumps({"id": record["id"], "text": record["text"],
                              "dct": record.get("dct", "")[:10] or None})


def _generated_records(words: int) -> Iterator[str]:
    paragraphs = book_text(words).split("\n\n")
    for start in range(0, len(paragraphs), 4):
        text = "\n".join(paragraphs[start:start + 4])
        yield json.dumps({"id": start, "text": text})


def write_input(config: Config) -> tuple[Path, str]:
    """A JSON-lines input of about ``batch_words`` words in the scratch dir, and its source."""
    path = config.home / "batch.jsonl"
    if DEV_SET.exists():
        records, source = list(_dev_records(config.batch_words)), DEV_SET.name
    else:
        records, source = list(_generated_records(config.batch_words)), "generated text"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    return path, source


def run(config: Config, log: Callable[[str], None]) -> list[Row]:
    path, source = write_input(config)
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    docs, words = len(texts), sum(len(t.split()) for t in texts)
    rows = []
    for processes in (1, 2):
        ours, raw = [], []
        options = ("--processes", str(processes))
        for _ in range(config.batch_repeat):
            raw.append(probe(config.home, "rawpipe", str(path), options=options)["seconds"])
            ours.append(probe(config.home, "batch", str(path), options=options)["seconds"])
        ours_rate, raw_rate = docs / median(ours), docs / median(raw)
        log(f"batch x{processes}: {ours_rate:.1f} docs/s, nlp.pipe {raw_rate:.1f} docs/s")
        rows.append(ratio_row(
            "5", f"batch docs/s, --processes {processes}", ours_rate, raw_rate, LIMIT,
            unit="docs/s", higher_is_better=True,
            note=f"{docs} docs, {words:,} words of {source}; words/s "
                 f"{words / median(ours):,.0f} vs {words / median(raw):,.0f}"))
    path.unlink()
    return rows

