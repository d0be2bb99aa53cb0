"""The invented story, analysed once per session with the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from tests.corpus.articles import ARTICLES
from tui.analysis.model import Analysis
from tui.analysis.pipeline import analyze_doc


@pytest.fixture(scope="session")
def story_analyses(nlp) -> list[Analysis]:  # type: ignore[no-untyped-def]
    return [analyze_doc(nlp(text), doc_id, date.fromisoformat(dct), "metadata", order,
                        "metadata")
            for doc_id, dct, order, text in ARTICLES]
