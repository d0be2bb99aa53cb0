"""Wrapping and the offset ↔ row mapping: every offset has exactly one row, rows fit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from tui.app.layout import BLANK, CAPTION, build_layout
from tui.document.model import Block


def blocks_of(text: str) -> tuple[Block, ...]:
    blocks, start = [], 0
    for part in text.split("\n\n"):
        blocks.append(Block(start, start + len(part)))
        start += len(part) + 2
    return tuple(blocks)


def rows_text(text: str, width: int, **kw: object) -> list[str]:
    layout = build_layout(text, blocks_of(text), width, **kw)  # type: ignore[arg-type]
    return [text[s:e] for s, e, k in zip(layout.starts, layout.ends, layout.kinds,
                                          strict=True) if k != BLANK]


def test_words_wrap_at_spaces_and_fit_the_width() -> None:
    text = "The quick brown fox jumps over the lazy dog and keeps on running far away"
    rows = rows_text(text, 20)
    assert "".join(rows) == text
    assert all(len(r.rstrip()) <= 20 for r in rows)
    assert rows[0] == "The quick brown fox "


def test_blocks_are_separated_by_one_blank_row() -> None:
    text = "First paragraph.\n\nSecond paragraph."
    layout = build_layout(text, blocks_of(text), 40)
    assert layout.kinds == [0, BLANK, 0]


def test_caption_blocks_keep_their_kind() -> None:
    text = "Body text.\n\nA photo caption."
    blocks = (Block(0, 10), Block(12, len(text), "caption"))
    assert build_layout(text, blocks, 40).kinds[-1] == CAPTION


def test_an_overlong_word_is_broken_hard() -> None:
    text = "x" * 50
    rows = rows_text(text, 20)
    assert "".join(rows) == text and all(len(r) <= 20 for r in rows)


def test_wide_characters_take_two_cells() -> None:
    text = "東京 " * 20
    rows = rows_text(text.strip(), 20)
    assert all(cell_len(r.rstrip()) <= 20 for r in rows)


def test_inline_labels_take_room_in_the_row() -> None:
    text = "Donald Trump met Vladimir Putin in Alaska on Friday"
    plain = rows_text(text, 30)
    labelled = rows_text(text, 30, insertions={12: "⟨PERSON⟩", 31: "⟨PERSON⟩"})
    assert len(labelled) > len(plain)


def test_row_of_maps_block_ends_and_gaps_to_text_rows() -> None:
    text = "One two three four five six.\n\nSeven eight."
    layout = build_layout(text, blocks_of(text), 12)
    for offset in range(len(text) + 1):
        row = layout.row_of(offset)
        assert layout.kinds[row] != BLANK


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
                        min_size=1, max_size=120).filter(lambda s: "\n" not in s),
                min_size=1, max_size=5),
       st.integers(min_value=8, max_value=60))
def test_every_offset_of_every_block_lies_in_exactly_one_row(paras: list[str], width: int) -> None:
    text = "\n\n".join(paras)
    layout = build_layout(text, blocks_of(text), width)
    text_rows = [(s, e) for s, e, k in zip(layout.starts, layout.ends, layout.kinds,
                                            strict=True) if k != BLANK]
    for block in blocks_of(text):
        covered = [o for s, e in text_rows for o in range(s, e) if block.start <= o < block.end]
        assert covered == list(range(block.start, block.end))
    for s, e in text_rows:
        assert cell_len(text[s:e].rstrip()) <= width or len(text[s:e].rstrip()) == 1
        assert layout.kinds[layout.row_of(s)] != BLANK
