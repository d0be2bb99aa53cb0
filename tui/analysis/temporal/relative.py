"""Named days, weekdays, months, seasons and quarters placed by a relative word.

"yesterday", "last Friday", "next March", "this summer" and "the third quarter" name a calendar
unit whose position is counted from the DCT (deictic) or from the date mentioned last
(anaphoric).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from tui.analysis.temporal import lexicon as lx
from tui.analysis.temporal.patterns import MONTH, PART, SEASON, WEEKDAY, YEAR, YEAR_PLAIN
from tui.analysis.temporal.periods import Period, weekday_near
from tui.analysis.temporal.reading import Reading, RuleBase


class RelativeRules(RuleBase):
    """Calendar names with a relative word: "today", "on Tuesday", "last November"."""

    _REL_DAY = re.compile(
        rf"^(?P<word>today|tonight|yesterday|tomorrow|the day before yesterday|"
        rf"the day after tomorrow|this|last|overnight)(?: (?P<part>{PART}))?$"
    )

    def _relative_day(self, s: str) -> Reading | None:
        m = self._REL_DAY.match(s)
        if not m:
            return None
        word, part = m["word"], m["part"]
        if word in ("this", "last") and not part:
            return None
        if word == "overnight" and part:
            return None
        base, anchor = self._base()
        shift = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
                 "the day after tomorrow": 2, "last": -1 if part == "night" else 0}.get(word, 0)
        if word == "tonight" or word == "overnight":
            part = "night"
        if base is None:
            if part:
                return Reading("TIME", f"XXXX-XX-XXT{lx.PARTS_OF_DAY[part]}")
            return Reading("DATE", "PRESENT_REF" if word == "today" else "XXXX-XX-XX")
        p = Period(base.day, "day").shift(shift)
        if part:
            return self._date(p, "TIME", anchor, suffix="T" + lx.PARTS_OF_DAY[part])
        return self._date(p, anchor=anchor)

    _WEEKDAY_RE = re.compile(
        rf"^(?P<rel>last|next|this|this coming|this past|coming|past|previous|following)? ?"
        rf"(?P<wd>{WEEKDAY})(?: (?P<part>{PART}))?$"
    )

    def _weekday(self, s: str) -> Reading | None:
        m = self._WEEKDAY_RE.match(s)
        if not m or s in ("sun", "sat", "wed", "mar", "fri"):
            return None
        weekday = lx.WEEKDAYS[m["wd"]]
        rel = m["rel"] or ""
        op = lx.operator(rel)
        if op.anaphoric:
            base, anchor = self._base(deictic=False)
        else:
            base, anchor = self._base(deictic=not self.ctx.narrative or bool(rel))
        suffix = "T" + lx.PARTS_OF_DAY[m["part"]] if m["part"] else ""
        type_ = "TIME" if suffix else "DATE"
        if base is None:
            return Reading(type_, f"XXXX-WXX-{weekday + 1}" + suffix)
        direction = op.direction or self.ctx.direction
        ref = base.day
        if direction < 0:
            delta = (ref.weekday() - weekday) % 7
            if rel and delta == 0:
                delta = 7
            d = ref - timedelta(days=delta)
        elif direction > 0:
            d = weekday_near(ref, weekday, 1) if rel else ref + timedelta(
                days=(weekday - ref.weekday()) % 7)
        else:
            d = weekday_near(ref, weekday, 0)
        return self._date(Period(d, "day"), type_, anchor, suffix=suffix)

    _SEASON_RE = re.compile(
        rf"^(?:(?P<rel>this|last|next|this past|this coming|the coming|the past|"
        rf"the following|the previous|the same|that|the) )?(?:(?P<early>early|mid|late) )?"
        rf"(?P<season>{SEASON})(?:,? (?:of )?(?:{YEAR}|(?P<bc>\d{{1,4}}) bce?))?$"
    )

    def _season(self, s: str) -> Reading | None:
        m = self._SEASON_RE.match(s)
        if not m:
            return None
        code = lx.SEASONS[m["season"]]
        mod = {"early": "START", "mid": "MID", "late": "END"}.get(m["early"] or "")
        if m["bc"]:
            return Reading("DATE", f"BC{int(m['bc']):04d}-{code}", mod)
        if m["year"]:
            return Reading("DATE", f"{m['year']}-{code}", mod,
                           period=Period(date(int(m["year"]), 6, 1), "year"))
        op = lx.operator(m["rel"])
        # A bare season ("in spring") is the story's spring, as "that spring" is.
        base, anchor = self._base(deictic=bool(m["rel"]) and not op.anaphoric)
        if base is None:
            return Reading("DATE", f"XXXX-{code}", mod)
        year = base.day.year + op.shift
        return Reading("DATE", f"{year:04d}-{code}", mod, anchor,
                       Period(date(year, 6, 1), "year"))

    _QUARTER_RE = re.compile(
        rf"^(?:(?P<det>the|its|this year|last year|next year|that|this) )?"
        rf"(?:(?P<rel>latest|current|last|past|previous|next|coming|following|same|"
        rf"most recent|recent|year earlier|year ago|prior year|year earlier fiscal|fiscal|"
        rf"year ago fiscal|{YEAR_PLAIN}) )?"
        rf"(?:(?:fiscal|calendar) )?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th) )?"
        rf"(?:fiscal )?(?P<unit>quarter|half)(?:,? (?:of )?(?:fiscal )?{YEAR})?$"
    )

    def _quarter(self, s: str) -> Reading | None:
        """Quarters and halves. A quarter named without its number is, in business news, the
        last one that has ended ("the quarter", "the latest quarter"), as results come after."""
        m = self._QUARTER_RE.match(s)
        if not m:
            return None
        unit = m["unit"]
        index = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
                 "4th": 4}.get(m["ord"] or "")
        rel = m["rel"] or ""
        if unit == "half" and index is not None and index > 2:
            return None
        det = m["det"] or ""
        if not index and not rel and not det:
            return None
        months = 3 if unit == "quarter" else 6

        year_text = m["year"] or (rel if rel.isdigit() else None)
        if year_text:
            if index is None:
                return None
            p = Period(date(int(year_text), (index - 1) * months + 1, 1), unit)
            return Reading("DATE", p.value, period=p)
        base, anchor = self._base(deictic=rel != "same")
        letter = "Q" if unit == "quarter" else "H"
        if base is None:
            return Reading("DATE", f"XXXX-{letter}{index or 'X'}")
        if index is not None:
            p = Period(date(base.day.year, (index - 1) * months + 1, 1), unit)
            if "year" in rel or det == "last year":
                p = p.shift(-1, "year")
            elif det == "next year":
                p = p.shift(1, "year")
            elif det != "this year" and anchor == "dct" and self.ctx.direction < 0 \
                    and p.day > base.day:
                p = p.shift(-1, "year")
            return Reading("DATE", p.value, None, anchor, p)
        if base.grain == unit:
            current = base
        else:
            current = Period(base.day, unit)
            if anchor == "dct" and rel in ("", "latest", "most recent", "recent", "year ago",
                                           "year earlier", "prior year"):
                current = current.shift(-1)
        if rel in ("last", "previous", "past"):
            current = current.shift(-1)
        elif rel in ("next", "coming", "following"):
            current = current.shift(1)
        if "year" in rel or det == "last year":
            current = current.shift(-1, "year")
        return Reading("DATE", current.value, None, anchor, current)

    _MONTH_REL = re.compile(
        rf"^(?P<rel>last|next|this|this past|this coming|the coming|the following|the previous|"
        rf"that|the same|past|coming) (?P<month>{MONTH})$"
        rf"|^(?P<month2>{MONTH}) (?:of )?(?P<year_rel>last|this|next) year$"
    )

    def _month_rel(self, s: str) -> Reading | None:
        """"last November", "next March": the named month before or after the anchor."""
        m = self._MONTH_REL.match(s)
        if not m:
            return None
        if m["month2"]:
            base, anchor = self._base()
            if base is None:
                return Reading("DATE", f"XXXX-{lx.MONTHS[m['month2']]:02d}")
            shift = {"last": -1, "this": 0, "next": 1}[m["year_rel"]]
            p = Period(date(base.day.year + shift, lx.MONTHS[m["month2"]], 1), "month")
            return self._date(p, anchor=anchor)
        month = lx.MONTHS[m["month"]]
        op = lx.operator(m["rel"])
        base, anchor = self._base(deictic=not op.anaphoric)
        if base is None:
            return Reading("DATE", f"XXXX-{month:02d}")
        ref = base.day
        if op.direction < 0:
            year = ref.year if month < ref.month else ref.year - 1
        elif op.direction > 0:
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return self._date(Period(date(year, month, 1), "month"), anchor=anchor)
