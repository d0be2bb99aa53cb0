"""Wrapping the article into screen rows, and the mapping between offsets and rows.

This is the one place that turns code-point offsets into rows and cells. A row covers
``text[start:end]`` of one block (its trailing space included, so every offset of the block
belongs to exactly one row); a blank separator row sits between blocks. Inline label
insertions (``⟨PERSON⟩`` after an entity) take cells but no offsets.

ASCII blocks without insertions wrap with ``str.rfind`` (C speed), which keeps a
1M-word book's re-wrap well under a second.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len

from tui.document.model import Block

TEXT, CAPTION, HEADING, BLANK = 0, 1, 2, 3
KIND_CODES = {"paragraph": TEXT, "caption": CAPTION, "heading": HEADING}
_WORD = re.compile(r"\S+\s*|\s+")

Insertions = Mapping[int, str]  # offset -> text drawn just before that offset


@dataclass
class Layout:
    """Rows of the article at one width: parallel lists, ``starts`` sorted ascending.

    Tabs count as one cell; they are drawn as spaces.
    """

    width: int
    starts: list[int]
    ends: list[int]
    kinds: list[int]

    def __len__(self) -> int:
        return len(self.starts)

    def row_of(self, offset: int) -> int:
        """The text row holding ``offset`` (an offset at a block's end maps to its last row)."""
        if not self.starts:
            return 0
        row = max(0, bisect_right(self.starts, offset) - 1)
        while row > 0 and self.kinds[row] == BLANK:
            row -= 1
        return row

    def row_span(self, row: int) -> tuple[int, int]:
        return self.starts[row], self.ends[row]

    def text_rows(self, first: int, last: int) -> range:
        return range(max(0, first), min(len(self.starts), last + 1))


def _wrap_ascii(text: str, start: int, end: int, width: int) -> list[int]:
    """Row start offsets for an ASCII block: break after the last space that fits."""
    breaks = [start]
    pos = start
    while end - pos > width:
        cut = text.rfind(" ", pos, pos + width + 1)
        if cut <= pos:
            cut = pos + width - 1  # an over-long word: hard break
        # swallow the run of spaces so the next row starts on a word
        nxt = cut + 1
        while nxt < end and text[nxt] == " ":
            nxt += 1
        breaks.append(nxt)
        pos = nxt
    return breaks


def _wrap_general(
    text: str, start: int, end: int, width: int, insertions: Insertions
) -> list[int]:
    """Row start offsets for any block: cell widths (wide characters) and label insertions."""
    breaks = [start]
    used = 0
    for match in _WORD.finditer(text, start, end):
        w_start, w_end = match.span()
        word = match.group()
        visible = word.rstrip()
        extra = sum(cell_len(label) for off, label in insertions.items() if w_start < off <= w_end)
        word_cells = cell_len(visible) + extra
        trail = len(word) - len(visible)
        if used and used + word_cells > width:
            breaks.append(w_start)
            used = 0
        while word_cells > width:  # hard-break a word longer than the row
            cut = w_start
            cells = 0
            while cut < w_end and cells + cell_len(text[cut]) <= width:
                cells += cell_len(text[cut])
                cut += 1
            cut = max(cut, w_start + 1)
            breaks.append(cut)
            word_cells -= cells
            w_start = cut
        used += word_cells + trail
    return breaks


def wrap_block(
    text: str, block: Block, width: int, insertions: Insertions | None = None
) -> list[int]:
    """Start offsets of the rows of one block at ``width`` cells.

    ``insertions`` should hold only this block's labels (see ``build_layout``).
    """
    width = max(8, width)
    start, end = block.start, block.end
    if not insertions and text[start:end].isascii():
        return _wrap_ascii(text, start, end, width)
    return _wrap_general(text, start, end, width, insertions or {})


def build_layout(
    text: str,
    blocks: Sequence[Block],
    width: int,
    insertions: Insertions | None = None,
) -> Layout:
    """Wrap every block; blocks are separated by one blank row."""
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[int] = []
    ascii_text = text.isascii()
    label_offsets = sorted(insertions or {})
    for index, block in enumerate(blocks):
        if index:
            starts.append(block.start)
            ends.append(block.start)
            kinds.append(BLANK)
        kind = KIND_CODES.get(block.kind, TEXT)
        local: dict[int, str] = {}
        if insertions:
            lo = bisect_right(label_offsets, block.start)
            hi = bisect_right(label_offsets, block.end)
            local = {o: insertions[o] for o in label_offsets[lo:hi]}
        if ascii_text and not local:
            row_starts = _wrap_ascii(text, block.start, block.end, max(8, width))
        else:
            row_starts = wrap_block(text, block, width, local)
        for i, row_start in enumerate(row_starts):
            starts.append(row_start)
            ends.append(row_starts[i + 1] if i + 1 < len(row_starts) else block.end)
            kinds.append(kind)
    return Layout(width, starts, ends, kinds)
