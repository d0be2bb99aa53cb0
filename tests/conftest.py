"""Shared fixtures: the real spaCy pipeline, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_662f28003ec8c695.txt"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from tui.analysis.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE
