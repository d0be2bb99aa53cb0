"""tag_timexes: find, normalize and anchor the temporal expressions of a parsed document."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from tui.analysis.model import Timex
from tui.analysis.temporal import finder, tense
from tui.analysis.temporal.normalize import Context, Normalizer, Reading
from tui.analysis.temporal.partial import partial_reading
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
    from_spacy = _trimmed(text, finder.spacy_candidates(doc))
    spacy_spans = set(from_spacy)
    readable: list[tuple[int, int]] = []
    unreadable: list[tuple[int, int]] = []
    for s, e in [*from_spacy, *_trimmed(text, finder.pattern_candidates(text)), *stand_ins]:
        if finder.looks_temporal_but_is_not(text, s, e):
            continue
        if _read(probe, stand_ins.get((s, e), text[s:e])) is not None:
            readable.append((s, e))
        elif (s, e) in spacy_spans and partial_reading(text[s:e]) is not None:
            unreadable.append((s, e))
    spans = _select(readable)
    # What spaCy found and no rule reads is kept with a partial value where nothing readable
    # overlaps it: losing it costs more recall on unseen text than any other miss.
    spans = sorted({*spans, *_select(_free(unreadable, spans))})
    previous: Period | None = Period(dct, "day") if dct is not None and not narrative else None
    out: list[Timex] = []
    for i, (start, end) in enumerate(spans):
        span = doc.char_span(start, end, alignment_mode="expand")
        direction = tense.direction(span) if span is not None and len(span) else 0
        ctx = Context(dct, previous, direction, date_order, narrative)
        # A clock time takes its day from the date that governs it ("3 p.m. on Tuesday").
        day = _governing_day(text, spans, i, ctx)
        reading = (_read(Normalizer(replace(ctx, previous=day)),
                         stand_ins.get((start, end), text[start:end]))
                   or _partial(text[start:end], direction, ctx))
        if reading is not None:
            reading = _after_midnight(text, start, reading)
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


def _trimmed(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in spans:
        s, e = finder.trim(text, start, end)
        if e > s:
            out.extend(finder.split_ranges(text, s, e))
    return out


# A clock time and the date right after it: "3 p.m. on Tuesday", "9 a.m., Friday".
_CLOCK_ONLY = re.compile(r"^(?:\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?|noon|midnight)"
                         r"(?:\s+[A-Z]{2,4}T?)?$", re.IGNORECASE)
_TO_ITS_DAY = re.compile(r"^\s*(?:,|on|,\s*on)?\s*$")


def _governing_day(text: str, spans: list[tuple[int, int]], i: int,
                   ctx: Context) -> Period | None:
    """The date a bare clock time takes its day from: the day named right after it ("3 p.m.
    on Tuesday"), else the story's current date (``previous``)."""
    start, end = spans[i]
    if i + 1 >= len(spans) or not _CLOCK_ONLY.match(text[start:end]):
        return ctx.previous
    nxt_start, nxt_end = spans[i + 1]
    if not _TO_ITS_DAY.match(text[end:nxt_start]):
        return ctx.previous
    day = _read(Normalizer(ctx), text[nxt_start:nxt_end])
    if day is None or day.period is None or day.period.grain != "day":
        return ctx.previous
    return day.period


_PAST_MIDNIGHT = re.compile(r"\b(?:past|after)\s+$", re.IGNORECASE)


def _after_midnight(text: str, start: int, reading: Reading) -> Reading:
    """ "past midnight" of a day is the start of the next one."""
    if not (reading.value.endswith("T24:00") and reading.period is not None
            and _PAST_MIDNIGHT.search(text, max(0, start - 8), start)):
        return reading
    day = reading.period.shift(1)
    return Reading("TIME", f"{day.value}T00:00", reading.mod, reading.anchor, day)


def _partial(expression: str, direction: int, ctx: Context) -> Reading | None:
    """The reading of what no rule reads whole: its head read alone when the words before
    it only modify it ("Earlier Friday", "barely a month"), else a partial reading anchored
    where the story's current date settles it."""
    normalizer = Normalizer(ctx)
    words = expression.split(" ")
    for k in range(1, len(words)):
        dropped = words[k - 1].lower()
        if not (dropped in _MODIFIERS or dropped in ("the", "a", "an")):
            break
        reading = _read(normalizer, " ".join(words[k:]))
        # An article stays with a bare unit: "a great day" is not the duration "day".
        if reading and (dropped in _MODIFIERS or reading.type != "DURATION"):
            return reading
    base, anchor = normalizer._base(deictic=False)
    if ctx.narrative and anchor != "previous":
        base = None  # a history's own days are not the day it was published
    reading = partial_reading(expression, direction, base, anchor)
    if reading is not None and reading.type in ("DATE", "TIME") and reading.value[:1] == "X":
        return None  # "some day, unknown which": a value that is almost never the right one
    return reading


# Words that only modify the expression after them: "earlier Friday", "barely a month".
_MODIFIERS = frozenset({"earlier", "later", "barely", "just", "only", "nearly", "almost",
                        "about", "around", "roughly", "some", "well", "already", "still",
                        "even", "all", "since", "until"})


def _free(spans: list[tuple[int, int]], kept: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that overlap none of ``kept`` (sorted)."""
    out = []
    for start, end in spans:
        i = bisect.bisect_left(kept, (start, end))
        if i > 0 and kept[i - 1][1] > start or i < len(kept) and kept[i][0] < end:
            continue
        out.append((start, end))
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
