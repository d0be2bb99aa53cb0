"""The shape every format is reduced to, and how pieces become ``Document.text`` and blocks.

Each reader (plain text, Markdown, HTML) turns its input into a list of ``Piece``s: one
paragraph, heading, caption or image marker each, with no newline inside. Cleaning works on
that list; ``assemble`` then joins the kept pieces with a blank line (``"\\n\\n"``), so block
``i`` is ``text[blocks[i].start:blocks[i].end]`` and the text reads naturally when printed or
exported.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Literal, NamedTuple

from tui.document.controls import show_controls
from tui.document.model import Block, BlockKind

PieceKind = Literal["heading", "paragraph", "caption", "image"]
SEPARATOR = "\n\n"


class Piece(NamedTuple):
    """A candidate block; ``image`` pieces mark where a picture stood (``text`` is its alt).

    A tuple rather than a dataclass: a book has a million of them and tuples build fast.
    """

    text: str
    kind: PieceKind = "paragraph"


def assemble(pieces: Iterable[Piece]) -> tuple[str, tuple[Block, ...]]:
    """Join the non-image pieces into one text and the blocks that index it.

    The text is NFC-normalized (so the same article always gets the same id), stripped at
    each block's ends and cleared of control characters (one pass over the whole text: the
    replacement keeps lengths, so the offsets computed before it stay valid).
    """
    kept: list[tuple[str, BlockKind]] = []
    for piece in pieces:
        if piece.kind == "image":
            continue
        text = piece.text
        if "\n" in text:
            text = " ".join(line.strip() for line in text.split("\n"))
        text = text.strip()
        if text:
            kept.append((text, piece.kind))
    if not unicodedata.is_normalized("NFC", SEPARATOR.join(text for text, _ in kept)):
        kept = [(unicodedata.normalize("NFC", text), kind) for text, kind in kept]
    blocks: list[Block] = []
    offset = 0
    for text, kind in kept:
        blocks.append(Block(offset, offset + len(text), kind))
        offset += len(text) + len(SEPARATOR)
    return show_controls(SEPARATOR.join(text for text, _ in kept)), tuple(blocks)
