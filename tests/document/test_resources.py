"""``gloss`` with no argument opens the bundled sample from anywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.document.load import load_document
from tui.resources import sample_article, seeds_dir, styles_dir


def test_sample_opens_from_another_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    doc = load_document(None)
    assert doc.meta.path == str(sample_article())
    assert doc.blocks and doc.text


def test_sample_metadata_comes_from_its_sidecar() -> None:
    meta = load_document(None).meta
    assert meta.source == "VnExpress International"
    assert (meta.published, meta.published_from, meta.date_order) == (
        "2025-08-07", "metadata", "DMY")
    assert meta.author == "Huyen Le"
    assert meta.sources == ("AFP", "Reuters")
    assert meta.title


def test_sample_debris_is_structured() -> None:
    doc = load_document(None)
    captions = [doc.text[b.start:b.end] for b in doc.blocks if b.kind == "caption"]
    assert len(captions) == 1
    assert "|" not in captions[0]
    assert "|" not in doc.text and "![" not in doc.text
    assert not doc.text.rstrip().endswith(")")  # the credit line left the text


def test_resource_directories_exist() -> None:
    assert (seeds_dir() / sample_article().name).is_file()
    assert styles_dir().is_dir()
