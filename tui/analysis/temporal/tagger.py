"""tag_timexes: find, normalize and anchor the temporal expressions of a parsed document."""

from __future__ import annotations

import bisect
import re
from datetime import date
from typing import TYPE_CHECKING

from tui.analysis.model import Timex
from tui.analysis.temporal import finder, tense
from tui.analysis.temporal.normalize import Context, Normalizer, Reading
from tui.analysis.temporal.periods import Period

if TYPE_CHECKING:
    from spacy.tokens import Doc

_VAGUE = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
_YEAR = re.compile(r"\b(1[5-9]\d{2}|20\d{2})\b|\b(\d{1,4}) BCE?\b")


def tag_timexes(doc: Doc, dct: date | None, date_order: str = "DMY") -> list[Timex]:
    """TIMEX3 expressions of ``doc``, sorted and non-overlapping, offsets into ``doc.text``.

    Relative expressions resolve against ``dct`` (news) or against the last date mentioned
    (anaphora, and every relative expression in a narrative about a distant past). Numeric
    dates like 6/8 read as day/month when ``date_order`` is "DMY", month/day when "MDY".
    """
    text = doc.text  # built from the tokens on every access, so read once
    narrative = is_narrative(text, dct)
    # A candidate no rule can read (spaCy's "the quarter ended Sept. 30") gives way to the
    # readable ones inside it, so readability is checked before overlaps are settled.
    probe = Normalizer(Context(dct, None, 0, date_order, narrative))
    # A day inside a range reads as the date it stands for: "22" in "22-24 August" as
    # "22 August".
    stand_ins = {(s, e): full for s, e, full in finder.day_ranges(text)}
    readable = [(s, e) for s, e in [*_candidates(doc, text), *stand_ins]
                if not finder.looks_temporal_but_is_not(text, s, e)
                and _read(probe, stand_ins.get((s, e), text[s:e])) is not None]
    spans = _select(readable)
    previous: Period | None = Period(dct, "day") if dct is not None and not narrative else None
    out: list[Timex] = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        direction = tense.direction(span) if span is not None and len(span) else 0
        ctx = Context(dct, previous, direction, date_order, narrative)
        reading = _read(Normalizer(ctx), stand_ins.get((start, end), text[start:end]))
        if reading is None:
            continue
        out.append(Timex(start, end, text[start:end], reading.type, reading.value,
                         reading.mod, reading.anchor))
        if _is_specific(reading) and not _is_comparison(reading, narrative):
            previous = reading.period
    return out


def _read(normalizer: Normalizer, expression: str) -> Reading | None:
    """The reading, or None where the arithmetic leaves the calendar (before year 1 or after
    9999, reachable only from an extreme DCT)."""
    try:
        return normalizer.read(expression)
    except (ValueError, OverflowError):
        return None


def _is_comparison(reading: Reading, narrative: bool) -> bool:
    """Whether later anaphora should look past this reading.

    In a narrative, dates counted from the DCT ("today") are asides. In news, a year or a
    quarter counted back from the period reported ("up from a year earlier") is a comparison:
    the next "a year earlier" still compares with the period reported, not with the comparison.
    """
    if narrative:
        return reading.anchor == "dct"
    grain = reading.period.grain if reading.period else ""
    return reading.anchor == "previous" and grain in ("year", "quarter", "half")


def _is_specific(reading: Reading) -> bool:
    return (reading.period is not None and reading.type in ("DATE", "TIME")
            and reading.value not in _VAGUE and "X" not in reading.value[:4])


def _candidates(doc: Doc, text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in [*finder.spacy_candidates(doc), *finder.pattern_candidates(text)]:
        s, e = finder.trim(text, start, end)
        if e > s:
            out.extend(finder.split_ranges(text, s, e))
    return out


def _select(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest spans first, then keep those that overlap nothing already kept.

    The kept spans stay sorted, so each check looks only at its two neighbours: a book with
    tens of thousands of dates is settled in n log n, not n squared.
    """
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda se: (-(se[1] - se[0]), se[0])):
        i = bisect.bisect_left(kept, (start, end))
        if i > 0 and kept[i - 1][1] > start or i < len(kept) and kept[i][0] < end:
            continue
        kept.insert(i, (start, end))
    return kept


def is_narrative(text: str, dct: date | None) -> bool:
    """Whether the text tells of a past far from its DCT (history, not news).

    News mentions years close to its creation date; a history of a war written decades later
    names years long before it, and its relative expressions follow the story, not the DCT.
    """
    if dct is None:
        return True
    years = [int(ad) if ad else -int(bc) for ad, bc in _YEAR.findall(text[:20000])]
    if len(years) < 5:
        return False
    distant = sum(1 for y in years if abs(y - dct.year) > 10)
    return distant >= 0.8 * len(years)
