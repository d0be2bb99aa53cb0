"""Events of a text analysed in chunks: offsets and participants hold across the chunks."""

from __future__ import annotations

from tests.corpus.articles import ARTICLES
from tui.analysis.pipeline import analyze_document
from tui.document.model import Document, Metadata


def test_chunked_events_match_the_whole_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "\n\n".join(t for _, _, _, t in ARTICLES)
    document = Document(text, meta=Metadata(published="2025-03-16",
                                            published_from="metadata"))
    whole = analyze_document(document, nlp)
    chunked = analyze_document(document, nlp, chunk_chars=300)
    assert len(chunked.events) > 10
    for analysis in (whole, chunked):
        for event in analysis.events:
            assert text[event.start:event.end] == event.text
            assert all(0 <= c < len(analysis.clusters) for c in event.participants)
    names = {analysis.clusters[c].name for analysis in (chunked,)
             for e in analysis.events for c in e.participants}
    assert {"Ivo Petrak", "Henrik Voss"} <= names
