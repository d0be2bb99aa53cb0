"""``gloss analyze``'s report: counts agree with their nouns."""

from __future__ import annotations

from tui.analysis.model import Analysis, Cluster, Entity, TimelineEntry
from tui.analysis.summary import summary
from tui.document.model import Block, Document

TEXT = "Ada Park spoke on Monday."


def test_one_entity_one_mention_one_entry_read_singular() -> None:
    document = Document(TEXT, (Block(0, len(TEXT)),))
    analysis = Analysis(
        doc_id=document.id,
        entities=(Entity(0, 8, "Ada Park", "PERSON", 0),),
        clusters=(Cluster(0, "Ada Park", "PERSON", 1),),
        timeline=(TimelineEntry("2025-08-04", "Mon 4 Aug 2025", "Ada Park spoke", "past",
                                ((18, 24),), (0, len(TEXT))),),
    )
    report = summary(document, analysis)
    assert "Entities: 1 entity, 1 mention" in report
    assert "Timeline: 1 entry" in report
    assert "entries" not in report and "1 entities" not in report
