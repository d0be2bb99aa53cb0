"""Analysis off the UI thread: a long article reports progress with each chunk's highlights."""

from __future__ import annotations

from tui.analysis.model import Analysis
from tui.app.runner import AnalysisRunner
from tui.document.model import Block, Document, Metadata

# Small chunks: the protocol (progress per chunk, then the whole) is the same as with the
# pipeline's 50,000-character chunks, at a fraction of the parsing.
CHUNK = 2_000
PARAGRAPH = ("On 3 March 2024 Maria Lopez met Prime Minister John Carter in Madrid, "
             "and the two leaders agreed to meet again next month. ")


def long_document(chars: int) -> Document:
    paragraphs = []
    size = 0
    while size < chars:
        paragraphs.append(PARAGRAPH * 5)
        size += len(paragraphs[-1]) + 2
    text = "\n\n".join(paragraphs)
    blocks, start = [], 0
    for p in paragraphs:
        blocks.append(Block(start, start + len(p)))
        start += len(p) + 2
    return Document(text, tuple(blocks), Metadata(published="2024-03-05"))


def test_progress_carries_each_chunk_then_the_whole_analysis(nlp: object) -> None:
    document = long_document(3 * CHUNK)
    runner = AnalysisRunner(None, "thread", preload=False, chunk_chars=CHUNK)
    future = runner.submit(document, None, None, {})
    final = Analysis.from_json(future.result(timeout=600))
    updates = runner.progress_updates()
    runner.shutdown()
    assert len(updates) >= 2
    dones = [done for done, _, _ in updates]
    assert dones == sorted(dones) and all(total == len(document.text) for _, total, _ in updates)
    first = Analysis.from_json(updates[0][2])
    names = {document.text[e.start:e.end] for e in first.entities}
    assert "Maria Lopez" in names
    assert all(e.end <= updates[0][0] for e in first.entities)
    assert len(final.entities) > sum(len(Analysis.from_json(u[2]).entities) for u in updates[:1])


def test_progress_of_an_older_run_is_ignored(nlp: object) -> None:
    document = long_document(2 * CHUNK)
    runner = AnalysisRunner(None, "thread", preload=False, chunk_chars=CHUNK)
    runner.submit(document, None, None, {}).result(timeout=600)
    runner.submit(document, None, None, {"date_order": "MDY"}).result(timeout=600)
    runs_seen = runner.progress_updates()
    runner.shutdown()
    assert len(runs_seen) >= 1  # only the second run's updates are returned
    assert len(runs_seen) == len({u[0] for u in runs_seen})
