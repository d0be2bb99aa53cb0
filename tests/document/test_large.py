"""A book-sized article opens whole, every block in place.

5 MB (a long book) takes every code path a bigger file takes; how fast a big file loads
is measured by the benchmarks (``make bench`` opens a 1,000,000-word book), not here.
"""

from __future__ import annotations

from pathlib import Path

from tui.document.load import load_document

PARAGRAPHS = [
    "Officials in the northern province said on Tuesday that the new railway line would "
    "open to passengers next spring, two years later than first planned.",
    "![]() |",
    "Workers lay track near the border town. Photo: Staff |",
    "Workers lay track near the border town. Photo: Staff",
    "The delay, they said, was caused by flooding in 2021 and a shortage of steel \u2014 "
    "problems that have affected projects across the region.",
    "\u201cWe are confident the line will transform trade,\u201d the transport minister told "
    "reporters in the capital, adding that freight services would start first.",
]


def test_five_megabyte_article_loads(tmp_path: Path) -> None:
    chunk = "\n".join(PARAGRAPHS) + "\n"
    repeats = 5_000_000 // len(chunk.encode()) + 1
    path = tmp_path / "huge.txt"
    path.write_text(chunk * repeats, encoding="utf-8")
    assert path.stat().st_size >= 5_000_000

    doc = load_document(path)

    assert len(doc.blocks) == 4 * repeats  # three paragraphs and one caption per chunk
    assert sum(1 for b in doc.blocks if b.kind == "caption") == repeats
    first = doc.blocks[0]
    assert doc.text[first.start:first.end] == PARAGRAPHS[0]
    last = doc.blocks[-1]
    assert doc.text[last.start:last.end] == PARAGRAPHS[-1]
