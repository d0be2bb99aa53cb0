"""Finding a query in the article: case-insensitive, offsets into the original text."""

from __future__ import annotations

import re

MAX_HITS = 100_000


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every non-overlapping case-insensitive match of ``query`` (taken literally)."""
    if not query:
        return []
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    hits = []
    for match in pattern.finditer(text):
        hits.append(match.span())
        if len(hits) >= MAX_HITS:
            break
    return hits
