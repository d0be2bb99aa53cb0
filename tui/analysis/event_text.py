"""An event description written out from token indices, shortened to fit.

The event reader decides which words describe an event and which of them may go; this module
turns that choice into readable text: in text order, without quotes or the punctuation a
dropped timex leaves behind, and dropping optional parts until it fits the limit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_QUOTES = frozenset({'"', "“", "”", "``", "''", "‘", "’"})


@dataclass
class Pieces:
    """Token indices of a description: core words, and optional parts dropped when too long.

    ``lead`` words are written first whatever their position: a subject borrowed from the
    clause above ("Trump" for "since taking office") reads before its verb.
    """

    core: set[int] = field(default_factory=set)
    optional: list[set[int]] = field(default_factory=list)  # dropped first to last
    lead: set[int] = field(default_factory=set)

    def render(self, doc: Doc, limit: int) -> str:
        optional = list(self.optional)
        while True:
            words = set(self.core).union(*optional) if optional else set(self.core)
            for part in optional:  # a dropped part takes its nested optional parts with it
                words |= part
            text = " ".join(filter(None, (_join(doc, self.lead), _join(doc, words - self.lead))))
            if len(text) <= limit or not optional:
                break
            dropped = optional.pop(0)
            self.core -= dropped
            optional = [part - dropped for part in optional]
        if len(text) > limit:
            text = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        return text


def _join(doc: Doc, indices: Iterable[int]) -> str:
    parts: list[str] = []
    previous: Token | None = None
    for i in sorted(indices):
        token = doc[i]
        if token.is_space or token.text in _QUOTES:
            continue
        if previous is not None:
            parts.append(" " if previous.whitespace_ or previous.i + 1 != token.i else "")
        elif token.is_punct:
            continue
        parts.append(token.text)
        previous = token
    text = "".join(parts).strip()
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"\s*[(\[]\s*[)\]]", "", text)  # brackets left empty by a dropped timex
    text = re.sub(r"``|''", "", text)  # quotes in the ASCII style of older newswire
    return text.strip(" ,;:-—–")
