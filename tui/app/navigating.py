"""Where a jump goes: the next date in time order, the next search hit. Pure functions."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

Span = tuple[int, int]


def step_in_time(order: Sequence[Span], cursor: int, direction: int) -> int | None:
    """Index in ``order`` (timeline mentions, chronological) of the next date; None at the end.

    From a date under the cursor, the next/previous in time; from anywhere else, the
    earliest (forward) or the latest (backward).
    """
    here = next((i for i, (s, e) in enumerate(order) if s <= cursor < e), None)
    if here is None:
        return 0 if direction > 0 else len(order) - 1
    index = here + direction
    return index if 0 <= index < len(order) else None


def next_hit(hits: Sequence[Span], cursor: int, direction: int) -> int:
    """Index of the search hit after (or before) the cursor, wrapping around."""
    if direction > 0:
        i = bisect_right(hits, cursor, key=lambda h: h[0])
        return i if i < len(hits) else 0
    i = bisect_left(hits, cursor, key=lambda h: h[0]) - 1
    return i if i >= 0 else len(hits) - 1
