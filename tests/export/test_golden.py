"""Every format, byte for byte, on the hand-written article: a change in output is deliberate."""

from __future__ import annotations

import pytest

from tests.export.conftest import assert_matches_golden
from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.export import FORMATS, export
from tui.export.options import ExportOptions
from tui.store.model import Note

GOLDEN_NAMES = {"md": "article.md", "json": "article.jsonld", "csv": "article-readwise.csv",
                "ics": "article-timeline.ics", "timelinejs": "article-timelinejs.json",
                "timeline-csv": "article-timeline.csv"}


def test_every_format_has_a_golden_file() -> None:
    assert set(GOLDEN_NAMES) == set(FORMATS)


@pytest.mark.parametrize("key", sorted(GOLDEN_NAMES))
def test_output_matches_golden_file(key: str, document: Document, notes: list[Note],
                                    analysis: Analysis, options: ExportOptions) -> None:
    assert_matches_golden(GOLDEN_NAMES[key], export(key, document, notes, analysis, options))
