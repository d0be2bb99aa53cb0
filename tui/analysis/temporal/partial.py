"""The best partial reading of a date or time spaCy found and no rule can read.

On news nobody tuned for, spaCy proposes expressions our rules have never seen ("the
eleventh hour", "the final stretch of the decade"); dropping them loses more recall than all
other misses. TIMEX3 lets a value say only what is known: its type and granularity
("XXXX-XX-XX" some day, "PXY" some years) or its direction ("PAST_REF"). Only what TIMEX3
does not mark at all is refused: bare numbers (ages, scores, counts) and texts with no word
of time in them.
"""

from __future__ import annotations

import re

from tui.analysis.temporal.periods import GRANULARITIES, Period
from tui.analysis.temporal.reading import Reading
from tui.analysis.temporal.words import clean

# A word that says "this is about time"; without one, a candidate is a number or a name.
# Duration units, with the TIMEX3 granularity of "some number of" them.
_DURATION_UNITS = {
    "second": "PTXS", "minute": "PTXM", "hour": "PTXH", "day": "PXD", "night": "PXD",
    "week": "PXW", "month": "PXM", "year": "PXY", "decade": "PXDE", "century": "PXCE",
    "centuries": "PXCE", "quarter": "PXQ",
}
# Calendar units named once ("the year", "that week"): some such period, unknown which.
_POINT_UNITS = {
    "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
    "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX", "century": "XX",
}
_DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
              "overnight": "NI"}
_PAST = re.compile(r"\b(?:earlier|ago|past|previous|former|formerly|once|last|recent|old|"
                   r"before|late)\b")
_FUTURE = re.compile(r"\b(?:later|future|coming|upcoming|next|soon|ahead|forthcoming)\b")
_PRESENT = re.compile(r"\b(?:now|current|currently|present|today|these days|nowadays)\b")
_WORD = re.compile(r"[a-z]+")
_COUNT = re.compile(r"\b(?:\d{1,3}|a few|few|several|many|some|couple|dozens?|hundreds?|"
                    r"thousands?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                    r"twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)\b")


# "that day", "the same morning": the unit alone after a determiner is the story's own day.
_ANAPHORIC = re.compile(r"^(?:that|the|the same|that same|that very) (?:day|week|month|year|decade|"
                        r"morning|afternoon|evening|night)$")


def partial_reading(text: str, direction: int = 0, base: Period | None = None,
                    anchor: str | None = None) -> Reading | None:
    """The reading that says what is known of ``text``, or None when TIMEX3 would not mark
    it (no word of time: "44", "80486", "the age of 56").

    ``direction`` is the tense of the governing verb (-1 past, +1 future), the last resort for
    a vague reference. ``base`` is the date the story is at (named ``anchor``): "that day",
    "the morning" are that day, or that day's morning.
    """
    s = clean(text)
    if not s or "\n" in text or "age of" in s:
        return None
    words = _WORD.findall(s)
    unit = _unit(words)
    time_words = unit or any(w in _DAY_PARTS for w in words) or bool(
        _PAST.search(s) or _FUTURE.search(s) or _PRESENT.search(s))
    if not time_words:
        return None
    if unit is not None:
        singular = unit.rstrip("s") if unit != "centuries" else "century"
        plural = unit != singular or unit == "centuries"
        if (plural or _COUNT.search(s)) and not re.search(r"\b(?:ago|later|earlier)\b", s):
            return Reading("DURATION", _DURATION_UNITS.get(singular, "PXY"))
        if not plural and singular in _POINT_UNITS and not (_PAST.search(s) or
                                                            _FUTURE.search(s)):
            if re.match(r"^an? ", s) and singular in _DURATION_UNITS:
                return Reading("DURATION", _DURATION_UNITS[singular].replace("X", "1"))
            if _ANAPHORIC.match(s) and _finer(base, singular):
                assert base is not None
                period = base.coarsen(singular)
                return Reading("DATE", period.value, None, anchor, period)
            return Reading("DATE", _POINT_UNITS[singular])
    for word in words:
        if word in _DAY_PARTS:
            day = "XXXX-XX-XX"
            if _ANAPHORIC.match(s) and _finer(base, "day"):
                assert base is not None
                day = base.day.isoformat()
            return Reading("TIME", f"{day}T{_DAY_PARTS[word]}", None,
                           anchor if day[0] != "X" else None)
    if _PRESENT.search(s):
        return Reading("DATE", "PRESENT_REF")
    if _FUTURE.search(s):
        return Reading("DATE", "FUTURE_REF")
    if _PAST.search(s):
        return Reading("DATE", "PAST_REF")
    return Reading("DATE", {-1: "PAST_REF", 1: "FUTURE_REF"}.get(direction, "XXXX-XX-XX"))


def _unit(words: list[str]) -> str | None:
    """The last calendar or duration unit named ("the final weeks of the year" -> "year")."""
    for word in reversed(words):
        base = "century" if word == "centuries" else word.rstrip("s")
        if base in _DURATION_UNITS or base in _POINT_UNITS:
            return word
    return None


def _finer(base: Period | None, grain: str) -> bool:
    """Whether ``base`` knows the calendar down to ``grain`` (a day of it names its week)."""
    if base is None or grain not in GRANULARITIES or base.grain not in GRANULARITIES:
        return False
    return GRANULARITIES.index(base.grain) >= GRANULARITIES.index(grain) and not (
        grain == "week" and base.grain not in ("week", "day"))
