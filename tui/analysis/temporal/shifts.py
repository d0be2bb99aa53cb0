"""Shifts by a number of units and units named by "this", "next" or "the same".

"three days ago", "the following week", "last year" and "that day" move the anchor by whole
units. When the anchor is coarser than the unit ("three days later" after "in 1980"), only the
coarser part is known and the rest stays X.
"""

from __future__ import annotations

import re

from tui.analysis.temporal import lexicon as lx
from tui.analysis.temporal.patterns import NUM, UNIT
from tui.analysis.temporal.periods import Period
from tui.analysis.temporal.reading import Reading, RuleBase
from tui.analysis.temporal.words import duration_value, number


def _grain_of(unit: str) -> str:
    return {"night": "day", "fortnight": "week", "millennium": "century"}.get(unit, unit)


class ShiftRules(RuleBase):
    """Counted and unit shifts: "a week ago", "the previous day", "next month", "that day"."""

    _AGO = re.compile(rf"^(?P<n>{NUM}|several|a few|few|some|many)? ?(?P<unit>{UNIT}) "
                      rf"(?P<dir>ago|before|earlier|later|after|hence|from now|on|"
                      rf"since)$")

    def _ago(self, s: str) -> Reading | None:
        m = self._AGO.match(s)
        if not m:
            return None
        unit = lx.unit_of(m["unit"])
        if unit is None:
            return None
        deictic = m["dir"] in ("ago", "hence", "from now")
        if m["dir"] == "since":
            return None
        base, anchor = self._base(deictic=deictic)
        amount = number(m["n"]) if m["n"] else (None if m["unit"].endswith("s") else 1.0)
        sign = -1 if m["dir"] in ("ago", "before", "earlier") else 1
        lx_time = lx.UNITS[unit][1]
        if lx_time:
            # Hours and minutes before a known moment are rarely resolvable at day level.
            if amount is None:
                return Reading("DURATION", duration_value(None, unit))
            return None if base is None else Reading(
                "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        if base is None:
            return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        if amount is None or amount != int(amount):
            return Reading("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor=anchor)
        previous = self.ctx.previous
        if unit == "year" and amount == 1 and previous is not None and \
                previous.grain in ("quarter", "half") and \
                (self.ctx.dct is None or previous.day.year >= self.ctx.dct.year - 1 + (
                    self.ctx.dct.month > 3)):
            # "up 5% from a year ago" after "the third quarter": the same quarter a year back.
            p = previous.shift(sign, "year")
            return Reading("DATE", p.value, None, "previous", p)
        grain = _grain_of(unit)
        n = int(amount)
        grain_shift = grain
        if grain == "decade":
            n, grain_shift, grain = n * 10, "year", "year"
        if grain == "century":
            n, grain_shift, grain = n * 100, "year", "year"
        if unit == "quarter":
            grain = "quarter"
        if _coarser(base.grain, grain):
            # "three days later" after "in 1980": the year is known, the day is not.
            p = Period(base.day, base.grain).shift(sign * n, grain_shift) if _coarser(
                grain, "year") or grain == "year" else base
            return Reading("DATE", _partial(p, grain), None, anchor, p)
        p = Period(base.day, grain).shift(sign * n, grain_shift)
        return Reading("DATE", p.value, None, anchor, p)

    _ANAPHORIC_SHIFT = re.compile(
        r"^(?:the (?P<rel>next|following|previous|preceding|prior|subsequent|ensuing)|"
        r"(?P<relb>following|previous|preceding|prior|subsequent|ensuing)) "
        r"(?P<unit>day|week|month|year|morning|evening|night|afternoon|weekend|decade)$"
        r"|^(?:the )?(?P<unit2>day|week|month|year) (?P<rel2>before|after|earlier|later)$"
    )

    def _anaphoric_shift(self, s: str) -> Reading | None:
        m = self._ANAPHORIC_SHIFT.match(s)
        if not m:
            return None
        rel = m["rel"] or m["relb"] or m["rel2"]
        unit = m["unit"] or m["unit2"]
        sign = -1 if rel in ("previous", "preceding", "prior", "before", "earlier") else 1
        base, anchor = self._base(deictic=False)
        if base is None:
            return None
        if unit in lx.PARTS_OF_DAY:
            p = Period(base.day, "day").shift(sign)
            if base.grain != "day":
                return Reading("TIME", f"XXXX-XX-XXT{lx.PARTS_OF_DAY[unit]}")
            return self._date(p, "TIME", anchor, suffix="T" + lx.PARTS_OF_DAY[unit])
        if unit == "weekend":
            p = Period(base.day, "week").shift(sign)
            return self._date(p, anchor=anchor, suffix="-WE")
        grain = unit
        if _coarser(base.grain, grain):
            return Reading("DATE", _partial(base, grain), None, anchor, base)
        p = Period(base.day, grain).shift(sign)
        return Reading("DATE", p.value, None, anchor, p)

    _THIS = re.compile(
        r"^(?P<pre>earlier|later|late|early)? ?(?:in )?(?P<rel>this|last|next|the past|the last|"
        r"the coming|the current|the previous|this past|this coming|the next|current|"
        r"the same|that|the|past|coming|the present)"
        r" (?P<unit>day|week|weekend|month|year|decade|century|calendar year|fiscal year)$"
    )

    def _this_next_last(self, s: str) -> Reading | None:
        m = self._THIS.match(s)
        if not m:
            return None
        rel = m["rel"]
        unit = m["unit"].replace("calendar ", "").replace("fiscal ", "")
        anaphoric = rel in ("the same", "that") or self.ctx.narrative and (
            rel == "the" or rel == "this" and unit == "day")
        if rel in ("the past", "the last", "the coming", "the next", "past", "coming") and (
                unit in ("week", "month", "year", "decade", "century", "day") and not m["pre"]):
            # "the past year" is a stretch of time, not a calendar year.
            return Reading("DURATION", duration_value(1.0, unit))
        if rel == "the" and unit not in ("year", "month", "week", "weekend"):
            return None
        base, anchor = self._base(deictic=not anaphoric)
        if base is None:
            unknown = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
                       "month": "XXXX-XX", "year": "XXXX", "decade": "XXX", "century": "XX"}
            return Reading("DATE", unknown[unit])
        shift = 0
        if rel in ("last", "the previous", "this past"):
            shift = -1
        elif rel in ("next", "this coming"):
            shift = 1
        if unit == "weekend":
            p = Period(base.day, "week").shift(shift)
            if shift == 0 and base.day.weekday() == 0 and rel in ("the", "this") and \
                    self.ctx.direction < 0:
                p = p.shift(-1)
            return Reading("DATE", p.value + "-WE", None, anchor, p)
        if _coarser(base.grain, unit):
            return Reading("DATE", _partial(base, unit), None, anchor, base)
        p = Period(base.day, unit).shift(shift)
        pre = m["pre"]
        mod = {"early": "START", "earlier": "START", "late": "END", "later": "END"}.get(pre or "")
        return Reading("DATE", p.value, mod, anchor, p)

    _SAME = re.compile(r"^(?:the same|that|this) (?P<what>day|date|time|moment|morning|evening|"
                       r"night|afternoon)$")

    def _same(self, s: str) -> Reading | None:
        m = self._SAME.match(s)
        if not m:
            return None
        what = m["what"]
        if what in ("time", "moment"):
            return Reading("DATE", "PRESENT_REF") if s.startswith("this") else None
        base, anchor = self._base(deictic=s.startswith("this"))
        if base is None or base.grain != "day":
            return None
        if what in lx.PARTS_OF_DAY:
            return self._date(base, "TIME", anchor, suffix="T" + lx.PARTS_OF_DAY[what])
        return self._date(base, anchor=anchor)


_ORDER = ("day", "week", "month", "quarter", "season", "half", "year", "decade", "century")


def _coarser(a: str, b: str) -> bool:
    """Whether granularity ``a`` is coarser than ``b`` (a year is coarser than a day)."""
    return _ORDER.index(a) > _ORDER.index(b) if a in _ORDER and b in _ORDER else False


def _partial(p: Period, grain: str) -> str:
    """A value at ``grain`` of which only ``p``'s coarser part is known: 1980-XX-XX."""
    year = p.value[:4] if p.grain not in ("decade", "century") else p.value + "X" * (
        4 - len(p.value))
    month = p.value[5:7] if p.grain == "month" else "XX"
    if grain == "day":
        return f"{year}-{month}-XX"
    if grain == "week":
        return f"{year}-WXX"
    if grain == "month":
        return f"{year}-XX" if p.grain != "month" else p.value
    return year
