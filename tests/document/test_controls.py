"""Escape sequences in an article reach the screen as visible symbols, never as commands."""

from __future__ import annotations

from pathlib import Path

from tui.document.controls import has_controls, one_line, show_controls
from tui.document.load import load_document


def test_escape_bell_and_c1_become_symbols_of_the_same_length() -> None:
    raw = "a\x1b]0;owned\x07b\x9bc\x7fd\x00e\tf"
    shown = show_controls(raw)
    assert shown == "a\u241b]0;owned\u2407b\ufffdc\u2421d\u2400e\tf"
    assert len(shown) == len(raw)
    assert not has_controls(shown)


def test_article_with_osc_and_csi_sequences(tmp_path: Path) -> None:
    path = tmp_path / "trap.txt"
    path.write_text("Title\x1b]0;pwned\x07 here\r\nRed \x1b[31malert\x1b[0m text\x85end\r\n",
                    encoding="utf-8", newline="")
    doc = load_document(path)
    assert doc.text == ("Title\u241b]0;pwned\u2407 here\n\n"
                        "Red \u241b[31malert\u241b[0m text\ufffdend")
    assert not has_controls(doc.text)
    for block in doc.blocks:  # offsets index the shown text exactly
        assert "\n" not in doc.text[block.start:block.end]


def test_form_feed_and_vertical_tab_are_shown_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "pages.txt"
    path.write_text("Page one ends here.\fPage two\vstarts.")
    assert load_document(path).text == "Page one ends here.\u240cPage two\u240bstarts."


def test_metadata_is_made_safe_too(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Body text of the story.")
    (tmp_path / "story.meta.json").write_text(
        '{"title": "Big\\u001b[2J news\\nline", "sources": ["A\\u0007P"]}')
    meta = load_document(path).meta
    assert meta.title == "Big\u241b[2J news\u2424line"
    assert meta.sources == ("A\u2407P",)


def test_one_line() -> None:
    assert one_line("a\nb\tc\x1b") == "a\u2424b c\u241b"
