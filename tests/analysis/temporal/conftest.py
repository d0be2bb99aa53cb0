"""A ``tag`` fixture: run the real pipeline and the tagger over one short text."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from tui.analysis.model import Timex
from tui.analysis.temporal import tag_timexes

Tag = Callable[..., list[Timex]]


@pytest.fixture(scope="session")
def tag(nlp) -> Tag:  # type: ignore[no-untyped-def]
    def run(text: str, dct: date | None = date(2025, 8, 7), order: str = "DMY") -> list[Timex]:
        return tag_timexes(nlp(text), dct, order)

    return run


def find(timexes: list[Timex], text: str) -> Timex:
    """The timex whose text is ``text``; fails with what was found instead."""
    for t in timexes:
        if t.text == text:
            return t
    raise AssertionError(f"no timex {text!r} in {[t.text for t in timexes]}")
