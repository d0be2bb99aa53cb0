"""Calendar dates named in full or in part: ISO and numeric dates, month and day names,
holidays, years, decades and centuries.

A date whose year is missing ("March 6", "Christmas") takes it from the anchor, nearest in the
direction of the governing verb's tense.
"""

from __future__ import annotations

import re
from datetime import date

from tui.analysis.temporal import lexicon as lx
from tui.analysis.temporal.holidays import HOLIDAYS
from tui.analysis.temporal.patterns import DAYNUM, MONTH, ORD, WEEKDAY, YEAR
from tui.analysis.temporal.periods import Period, safe_date, year_near
from tui.analysis.temporal.reading import Reading, RuleBase


class AbsoluteRules(RuleBase):
    """Dates that name their calendar position: "2025-08-07", "6/8", "March 6", "the 1990s"."""

    _ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:t(?P<h>\d{2}):(?P<mi>\d{2}))?$")

    def _iso(self, s: str) -> Reading | None:
        m = self._ISO.match(s)
        if not m:
            return None
        d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d is None:
            return None
        if m["h"]:
            return Reading("TIME", f"{d.isoformat()}T{m['h']}:{m['mi']}", period=Period(d, "day"))
        return self._date(Period(d, "day"))

    _NUMERIC = re.compile(r"^(?P<a>\d{1,2})[/.](?P<b>\d{1,2})(?:[/.](?P<y>\d{2}|\d{4}))?$")
    _MONTH_YEAR_NUM = re.compile(r"^(?P<m>\d{1,2})/(?P<y>\d{4})$")

    def _numeric(self, s: str) -> Reading | None:
        if m := self._MONTH_YEAR_NUM.match(s):
            month = int(m["m"])
            if 1 <= month <= 12:
                return self._date(Period(date(int(m["y"]), month, 1), "month"))
            return None
        m = self._NUMERIC.match(s)
        if not m:
            return None
        a, b = int(m["a"]), int(m["b"])
        day, month = (a, b) if self.ctx.date_order == "DMY" else (b, a)
        if month > 12 and day <= 12:
            day, month = month, day
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        if m["y"]:
            year = int(m["y"])
            if year < 100:
                year += 2000 if year < 50 else 1900
            d = safe_date(year, month, day)
            return self._date(Period(d, "day")) if d else None
        return self._month_day(month, day)

    def _month_day(self, month: int, day: int, weekday: int | None = None) -> Reading | None:
        base, anchor = self._base(deictic=not self.ctx.narrative)
        if base is None:
            return Reading("DATE", f"XXXX-{month:02d}-{day:02d}")
        if anchor == "dct":
            year = year_near(base.day, month, day, self.ctx.direction)
        else:
            year = base.day.year
        if weekday is not None:
            # A weekday settles the year when the calendar agrees with one candidate.
            for y in (year, year - 1, year + 1):
                d = safe_date(y, month, day)
                if d and d.weekday() == weekday:
                    year = y
                    break
        d = safe_date(year, month, day)
        if d is None:
            return None
        return self._date(Period(d, "day"), anchor=anchor)

    _MONTH_DATE = (
        re.compile(rf"^(?:(?P<wd>{WEEKDAY}),? )?(?:the )?(?P<month>{MONTH}) {DAYNUM}"
                   rf"(?:,? {YEAR})?$"),
        re.compile(rf"^(?:(?P<wd>{WEEKDAY}),? )?(?:the )?{DAYNUM}(?: of)? (?P<month>{MONTH})"
                   rf",?(?: {YEAR})?$"),
        re.compile(rf"^(?:(?:the )?(?P<early>early|mid|late) )?(?P<month>{MONTH})(?:,? (?:of )?"
                   rf"{YEAR})?$"),
        re.compile(rf"^(?:the )?(?:night|morning|evening|afternoon) of (?:(?P<wd>{WEEKDAY}),? )?"
                   rf"(?:(?P<month>{MONTH}) {DAYNUM}|"
                   rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)? (?P<month2>{MONTH}))"
                   rf"(?:,? {YEAR})?$"),
    )

    def _month_date(self, s: str) -> Reading | None:
        for i, pattern in enumerate(self._MONTH_DATE):
            m = pattern.match(s)
            if not m:
                continue
            groups = m.groupdict()
            month_name = groups.get("month") or groups.get("month2")
            if month_name is None:
                return None
            month = lx.MONTHS[month_name]
            year = int(groups["year"]) if groups.get("year") else None
            day_text = groups.get("day") or groups.get("day2")
            day = int(day_text) if day_text else None
            weekday = lx.WEEKDAYS[groups["wd"]] if groups.get("wd") else None
            suffix = ""
            if i == 3:
                part = s.split()[1] if s.startswith("the ") else s.split()[0]
                suffix = "T" + lx.PARTS_OF_DAY[part]
            if day is not None:
                if year is not None:
                    d = safe_date(year, month, day)
                    if d is None:
                        return None
                    r = self._date(Period(d, "day"))
                else:
                    r0 = self._month_day(month, day, weekday)
                    if r0 is None:
                        return None
                    r = r0
                if suffix:
                    return Reading("TIME", r.value + suffix, None, r.anchor, r.period)
                return r
            mod = {"early": "START", "mid": "MID", "late": "END"}.get(groups.get("early") or "")
            if year is not None:
                return self._date(Period(date(year, month, 1), "month"), mod=mod)
            return self._bare_month(month, mod)
        return None

    _HOLIDAY = re.compile(
        r"^(?:(?P<rel>last|next|this|this past|this coming|the coming|the following|"
        r"the previous|that) )?(?P<name>[a-z' ]+?)(?:,? (?P<year>(?:1[0-9]|20)\d{2}))?$"
    )

    def _holiday(self, s: str) -> Reading | None:
        m = self._HOLIDAY.match(s)
        if not m or m["name"] not in HOLIDAYS:
            return None
        rule = HOLIDAYS[m["name"]]
        if m["year"]:
            return self._date(Period(rule(int(m["year"])), "day"))
        op = lx.operator(m["rel"])
        base, anchor = self._base(deictic=not op.anaphoric and not self.ctx.narrative)
        if base is None:
            d0 = rule(2000)
            return Reading("DATE", f"XXXX-{d0.month:02d}-{d0.day:02d}")
        ref = base.day
        options = [rule(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
        if op.direction < 0:
            d = max(o for o in options if o < ref)
        elif op.direction > 0:
            d = min(o for o in options if o > ref)
        elif anchor == "dct":
            direction = self.ctx.direction
            if direction < 0:
                d = max(o for o in options if o <= ref)
            elif direction > 0:
                d = min(o for o in options if o >= ref)
            else:
                d = min(options, key=lambda o: abs((o - ref).days))
        else:
            d = rule(ref.year)
        return self._date(Period(d, "day"), anchor=anchor)

    def _bare_month(self, month: int, mod: str | None = None) -> Reading:
        ctx = self.ctx
        base, anchor = self._base(deictic=not ctx.narrative)
        if base is None:
            return Reading("DATE", f"XXXX-{month:02d}", mod)
        ref = base.day
        # A month counts from its middle, so the current month is always the nearest.
        year = year_near(ref, month, 15, ctx.direction) if anchor == "dct" else ref.year
        return self._date(Period(date(year, month, 1), "month"), anchor=anchor, mod=mod)

    _YEARISH = (
        (re.compile(r"^(?:the )?(?:(?:fiscal|calendar|the year|year|fy|model year|school year) )?"
                    r"(?P<y>(?:1[0-9]|20)\d{2})$"), "year"),
        (re.compile(r"^(?:the )?(?:(?:early|mid|late) )?(?P<y>(?:1[0-9]|20)\d)0s$"), "decade"),
        (re.compile(r"^(?:the )?(?:(?:early|mid|late) )?'?(?P<y>[2-9])0s$"), "decade19"),
        (re.compile(r"^(?:the )?(?:(?:early|mid|late) )?(?P<c>\d{1,2})(?:st|nd|rd|th) century"
                    r"(?: (?P<bc>bc|bce))?$"), "century"),
        (re.compile(rf"^(?:the )?(?:(?:early|mid|late) )?(?P<o>{ORD}) century"
                    rf"(?: (?P<bc>bc|bce))?$"), "century"),
        (re.compile(rf"^(?:(?P<month>{MONTH}) )?(?P<y>\d{{1,4}}) (?P<bc>bc|bce|b\.c|ad|a\.d)$"),
         "era"),
    )

    def _year_forms(self, s: str) -> Reading | None:
        for pattern, kind in self._YEARISH:
            m = pattern.match(s)
            if not m:
                continue
            g = m.groupdict()
            mod = None
            for word, code in (("early", "START"), ("mid", "MID"), ("late", "END")):
                if re.search(rf"\b{word}\b", s):
                    mod = code
            if kind == "year":
                y = int(g["y"])
                return self._date(Period(date(y, 1, 1), "year"))
            if kind == "decade":
                y = int(g["y"]) * 10
                return self._date(Period(date(y, 1, 1), "decade"), mod=mod)
            if kind == "decade19":
                y = 1900 + int(g["y"]) * 10
                return self._date(Period(date(y, 1, 1), "decade"), mod=mod)
            if kind == "century":
                c = int(g["c"]) if g.get("c") else lx.ORDINALS.get(g.get("o") or "", 0)
                if c <= 0:
                    return None
                if g.get("bc"):
                    return Reading("DATE", f"BC{c - 1:02d}", mod)
                return self._date(Period(date(max(1, (c - 1) * 100), 1, 1), "century"), mod=mod)
            if kind == "era":
                y = int(g["y"])
                month = f"-{lx.MONTHS[g['month']]:02d}" if g.get("month") else ""
                if g["bc"].startswith("b"):
                    return Reading("DATE", f"BC{y:04d}{month}")
                grain = "month" if month else "year"
                m_num = lx.MONTHS[g["month"]] if month else 1
                return self._date(Period(date(max(1, y), m_num, 1), grain))
        return None
