"""Sentences looked up by token, bounded by the paragraph they stand in.

Both the event reader and the timeline ask "which sentence is this timex in" once per
mention; ``Span.sent`` walks the whole document each time, so the sentences are indexed once.
A sentence as shown never runs past a line break, so a headline or a list item stays apart.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


class Sentences:
    """Sentences by token, indexed once per document (``Span.sent`` walks the whole doc)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text  # joined from the tokens on every access, so kept
        has_sentences = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
        self.spans: list[Span] = list(doc.sents) if has_sentences and len(doc) else [doc[:]]
        self.starts = [span.start for span in self.spans]

    def of(self, token: int) -> Span:
        return self.spans[max(bisect_right(self.starts, token) - 1, 0)]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """The sentence around a character span, never crossing a paragraph (line) break."""
        text = self.text
        line_start, line_end = _line_bounds(text, start, end)
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return line_start, line_end
        sentence = self.of(span.start)
        lo = max(sentence.start_char, line_start)
        hi = min(sentence.end_char, line_end)
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        return lo, hi
