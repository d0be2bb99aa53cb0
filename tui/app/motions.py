"""Cursor motions over the article as offsets: words, sentences, paragraphs.

Pure functions so the view stays about drawing; each returns the new cursor offset.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

_NEXT_WORD = re.compile(r"\s\S")


def next_word(text: str, offset: int) -> int:
    """Start of the next word (vim ``W``), or the end of the text."""
    match = _NEXT_WORD.search(text, offset)
    return match.start() + 1 if match else len(text)


def previous_word(text: str, offset: int) -> int:
    """Start of the word before ``offset`` (vim ``b``)."""
    pos = offset - 1
    while pos > 0 and text[pos].isspace():
        pos -= 1
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return max(0, pos)


def _start(span: tuple[int, int]) -> int:
    return span[0]


def span_after(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The first span that starts after ``offset``."""
    i = bisect_right(spans, offset, key=_start)
    return spans[i] if i < len(spans) else None


def span_before(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span that starts before ``offset`` (the current one if inside it, past its start)."""
    i = bisect_left(spans, offset, key=_start) - 1
    return spans[i] if i >= 0 else None


def span_containing(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The span holding ``offset``; between spans, the next one."""
    i = bisect_right(spans, offset, key=_start) - 1
    if i >= 0 and offset < spans[i][1]:
        return spans[i]
    return spans[i + 1] if i + 1 < len(spans) else (spans[i] if i >= 0 else None)


def next_word_end(text: str, offset: int) -> int:
    """Last character of the next word (vim ``E``): how a selection grows word by word."""
    pos = offset + 1
    while pos < len(text) and text[pos].isspace():
        pos += 1
    while pos + 1 < len(text) and not text[pos + 1].isspace():
        pos += 1
    return min(pos, max(0, len(text) - 1))
