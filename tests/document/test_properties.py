"""Whatever the input, a loaded document's blocks index its text and no control survives."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.document.controls import has_controls, show_controls
from tui.document.errors import DocumentError
from tui.document.load import Format, parse_document
from tui.document.model import Document

# Text that looks like web articles: words, debris, bylines, controls and odd line breaks.
FRAGMENTS = st.sampled_from([
    "word", "Word", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "|", " |", "![]()", "![x](y)",
    "Photo: AFP", "By Jane Doe", "(According to AFP, Reuters)", "#", "*", "_", "`", "[a](b)",
    "<p>", "</p>", "<script>", "&amp;", "&#27;", "\x1b", "\x07", "\x9b", "\x00", "\x7f",
    "\u2028", "e\u0301", "\ufeff", ".", "\u201c", "---", "- ", "1. ", "> ",
])
ARTICLES = st.one_of(st.text(), st.lists(FRAGMENTS, max_size=60).map("".join))
FORMATS = st.sampled_from(["text", "markdown", "html"])


def check(doc: Document) -> None:
    text = doc.text
    assert not has_controls(text)
    previous_end = -2
    for block in doc.blocks:
        assert previous_end + 2 == block.start  # ordered, separated by exactly "\n\n"
        assert 0 <= block.start < block.end <= len(text)
        body = text[block.start:block.end]
        assert "\n" not in body and body == body.strip()
        previous_end = block.end
    assert previous_end == len(text)
    assert text == "\n\n".join(text[b.start:b.end] for b in doc.blocks)
    for value in (doc.meta.title, doc.meta.author, doc.meta.source, *doc.meta.sources):
        assert value is None or ("\n" not in value and not has_controls(value))


def load_or_empty(data: str | bytes, fmt: Format) -> Document | None:
    try:
        return parse_document(data, fmt)
    except DocumentError as error:
        assert error.problem in ("empty", "binary")
        return None


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(ARTICLES, FORMATS)
def test_any_text_loads_into_consistent_blocks(article: str, fmt: Format) -> None:
    doc = load_or_empty(article, fmt)
    if doc is not None:
        check(doc)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), FORMATS)
def test_any_bytes_load_or_fail_cleanly(data: bytes, fmt: Format) -> None:
    doc = load_or_empty(data, fmt)
    if doc is not None:
        check(doc)


@given(st.text())
def test_showing_controls_keeps_length_and_leaves_none(text: str) -> None:
    shown = show_controls(text)
    assert len(shown) == len(text)
    assert not has_controls(shown)
    assert show_controls(shown) == shown


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_reloading_the_cleaned_text_is_stable(fmt: Format) -> None:
    doc = parse_document("First paragraph here.\n\nSecond one, with \x1b codes.", fmt)
    again = parse_document(doc.text, "text")
    assert again.text == doc.text
