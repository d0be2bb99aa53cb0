"""Plain text to pieces: a paragraph per line, or per blank-line block when lines are wrapped.

News copied from the web has one paragraph per line and rarely a blank line; books and
e-mail are hard-wrapped at a fixed width with blank lines between paragraphs. A block of
lines is joined into one paragraph only when it looks wrapped, so neither kind of text is
shown wrongly.
"""

from __future__ import annotations

import re

from tui.document.pieces import Piece

WRAP_WIDTH = 100  # longer lines are never the result of hard wrapping
MIN_WRAP_WIDTH = 40  # nobody wraps prose this narrow; short lines are separate paragraphs
_BLANK_LINES = re.compile(r"\n\s*\n")  # \s and str.strip agree on what is blank
_SENTENCE_END = (".", "!", "?", '"', "\u201d", ":")
_SLACK = 0.88  # wrappers that balance lines stop a little short of the full width


def text_pieces(text: str) -> list[Piece]:
    """Split text with ``\\n`` newlines into paragraph pieces (blank lines separate blocks)."""
    pieces: list[Piece] = []
    for chunk in _BLANK_LINES.split(text):
        lines = [line for line in (raw.strip() for raw in chunk.split("\n")) if line]
        if len(lines) > 1 and _is_wrapped(lines):
            pieces.append(Piece(" ".join(lines)))
        else:
            pieces.extend(map(Piece, lines))
    return pieces


def _is_wrapped(lines: list[str]) -> bool:
    """True when every break was forced (the next word would not have fitted) and most
    breaks fall inside a sentence, as they do in wrapped prose but not in a list of lines."""
    width = max(len(line) for line in lines)
    if not MIN_WRAP_WIDTH <= width <= WRAP_WIDTH:
        return False
    ends = sum(1 for line in lines[:-1] if line.endswith(_SENTENCE_END))
    if ends * 2 >= len(lines) - 1:
        return False
    return all(
        len(line) + 1 + len(following.split(None, 1)[0]) > width * _SLACK
        for line, following in zip(lines, lines[1:], strict=False)
    )
