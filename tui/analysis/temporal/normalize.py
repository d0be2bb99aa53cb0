"""From the words of one temporal expression to its TIMEX3 type, value and mod.

The rules read a cleaned, lower-cased copy of the expression. Relative expressions are resolved
against the context: the document creation time (DCT) for deictic words ("yesterday", "last
week") and the last mentioned date for anaphoric ones ("the same month", "three days later").
Whatever the context cannot settle stays X, never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from tui.analysis.temporal import lexicon as lx
from tui.analysis.temporal.holidays import HOLIDAYS
from tui.analysis.temporal.periods import (
    Period,
    safe_date,
    weekday_near,
    year_near,
)
from tui.analysis.temporal.words import clean, duration_value, number


@dataclass(frozen=True)
class Context:
    """What a relative expression may be resolved against."""

    dct: date | None
    previous: Period | None  # the last specific date mentioned before this expression
    direction: int = 0  # tense of the governing verb: -1 past, +1 future, 0 unknown/present
    date_order: str = "DMY"
    narrative: bool = False  # resolve deictic words against the previous date, not the DCT


@dataclass(frozen=True)
class Reading:
    type: str  # DATE, TIME, DURATION, SET
    value: str
    mod: str | None = None
    anchor: str | None = None  # "dct", "previous" or None for absolute values
    period: Period | None = None  # the calendar period, for later anaphora


_MONTH = "|".join(sorted(lx.MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(lx.WEEKDAYS, key=len, reverse=True))
_SEASON = "|".join(lx.SEASONS)
_PART = "|".join(lx.PARTS_OF_DAY)
_ORD = "|".join(sorted(lx.ORDINALS, key=len, reverse=True))
_NUMWORD = "|".join(sorted((re.escape(w) for w in lx.NUMBER_WORDS), key=len, reverse=True))
_NUM = rf"(?:\d+(?:\.\d+)?|(?:{_NUMWORD})(?: (?:{_NUMWORD}))*|(?:{_NUMWORD})-(?:{_NUMWORD}))"
_UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|"
         r"years?|decades?|centuries|century|millenni(?:um|a))")
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[0-9]|20)\d{2})"
_YEAR_PLAIN = r"(?:1[0-9]|20)\d{2}"

def _grain_of(unit: str) -> str:
    return {"night": "day", "fortnight": "week", "millennium": "century"}.get(unit, unit)


class Normalizer:
    """Ordered rules; the first that matches the cleaned expression gives the reading."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    # -- helpers -------------------------------------------------------------------------
    def _base(self, deictic: bool = True) -> tuple[Period | None, str | None]:
        """The period relative words count from, and its name for Timex.anchor.

        Deictic words ("yesterday", "next week") count from the DCT whenever there is one;
        anaphoric ones ("the following day") and, in a narrative, bare calendar names
        ("in March") count from the date mentioned last.
        """
        ctx = self.ctx
        if deictic and ctx.dct is not None:
            return Period(ctx.dct, "day"), "dct"
        if ctx.previous is not None:
            return ctx.previous, "previous"
        if ctx.dct is not None:
            return Period(ctx.dct, "day"), "dct"
        return None, None

    def _date(self, p: Period, type_: str = "DATE", anchor: str | None = None,
              mod: str | None = None, suffix: str = "") -> Reading:
        return Reading(type_, p.value + suffix, mod, anchor, p)

    # -- entry ---------------------------------------------------------------------------
    def read(self, text: str) -> Reading | None:
        s = clean(text)
        if not s:
            return None
        if s in lx.VAGUE_REFS:
            return Reading("DATE", lx.VAGUE_REFS[s])
        if r := self._vague_plural(s):
            return r
        if r := self._of_that_year(s):
            return r
        mod, core = _split_mod(s)
        if " or so" in core:  # "a week or so ago"
            mod, core = mod or "APPROX", core.replace(" or so", "")
        if week := self._week_of(core):
            return week
        for rule in (self._set, self._iso, self._numeric, self._month_date, self._month_rel,
                     self._holiday, self._year_forms,
                     self._relative_day, self._weekday, self._season, self._quarter,
                     self._ago, self._anaphoric_shift, self._this_next_last, self._same,
                     self._duration, self._time_of_day):
            reading = rule(core)
            if reading is not None:
                if mod and reading.mod is None:
                    return Reading(reading.type, reading.value, _fit_mod(mod, reading.type),
                                   reading.anchor, reading.period)
                return reading
        return None

    def _week_of(self, s: str) -> Reading | None:
        """"the week of March 6": the ISO week holding that day."""
        m = re.match(r"^(?:the )?week of (?P<day>.+)$", s)
        if not m:
            return None
        day = self.read(m["day"])
        if day is None or day.period is None or day.period.grain != "day":
            return None
        week = day.period.coarsen("week")
        return Reading("DATE", week.value, None, day.anchor, week)

    _OF_YEAR = re.compile(r"^(?P<head>.+?),? of (?P<year>(?:that|the same|the following|the next|"
                          r"the previous|this|last|next) year)$")

    def _of_that_year(self, s: str) -> Reading | None:
        """"August of that year", "January 24 of the same year": the named day or month in the
        year the second part points at."""
        m = self._OF_YEAR.match(s)
        if not m:
            return None
        year = self.read(m["year"])
        if year is None or year.period is None or year.period.grain != "year":
            return None
        inner = Context(self.ctx.dct, year.period, self.ctx.direction, self.ctx.date_order,
                        narrative=True)
        head = Normalizer(inner).read(m["head"])
        if head is None or head.period is None:
            return None
        return Reading(head.type, head.value, head.mod, year.anchor, head.period)

    # -- vague ---------------------------------------------------------------------------
    _VAGUE_PLURAL = re.compile(
        r"^(?:the )?(?P<rel>coming|next few|next several|upcoming|weeks ahead|days ahead|"
        r"past few|past several|recent|last few|previous)? ?(?:days|weeks|months|years)"
        r"(?: (?:and|or) (?:days|weeks|months|years))+(?: ahead| to come)?$"
    )

    def _vague_plural(self, s: str) -> Reading | None:
        """"the coming days and weeks" and similar lists of units: a vague reference."""
        m = self._VAGUE_PLURAL.match(s)
        if not m:
            m2 = re.match(r"^(?:the )?(?:coming|upcoming) (?:days|weeks|months|years)$", s)
            if m2 or re.match(r"^(?:the )?(?:days|weeks|months|years) (?:ahead|to come)$", s):
                return Reading("DATE", "FUTURE_REF")
            return None
        rel = m["rel"] or ""
        if rel in ("coming", "upcoming", "next few", "next several") or s.endswith(
                ("ahead", "to come")):
            return Reading("DATE", "FUTURE_REF")
        if rel:
            return Reading("DATE", "PAST_REF")
        return None

    # -- sets ----------------------------------------------------------------------------
    # Adjectives of frequency that mostly qualify a thing ("annual report", "quarterly
    # dividend") are left out; those that qualify an event ("meets weekly") are sets.
    _SET_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
                  "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W"}
    _EVERY = re.compile(rf"^(?:every|each|per|once a|twice a|once every|every other) ?"
                        rf"(?P<n>{_NUM} )?(?P<unit>{_UNIT}|{_WEEKDAY}|{_PART})$")
    _PLURAL_WEEKDAY = re.compile(rf"^(?P<wd>{_WEEKDAY})s(?: (?P<part>{_PART})s?)?$|"
                                 rf"^(?P<wd2>{_WEEKDAY}) (?P<part2>{_PART})s$")

    def _set(self, s: str) -> Reading | None:
        if s in self._SET_WORDS:
            return Reading("SET", self._SET_WORDS[s])
        if pm := self._PLURAL_WEEKDAY.match(s):
            weekday = lx.WEEKDAYS[pm["wd"] or pm["wd2"]] + 1
            part = pm["part"] or pm["part2"]
            suffix = f"T{lx.PARTS_OF_DAY[part]}" if part else ""
            return Reading("SET", f"XXXX-WXX-{weekday}{suffix}")
        m = self._EVERY.match(s)
        if not m:
            return None
        word = m["unit"]
        if word in lx.WEEKDAYS:
            return Reading("SET", f"XXXX-WXX-{lx.WEEKDAYS[word] + 1}")
        if word in lx.PARTS_OF_DAY:
            return Reading("SET", f"XXXX-XX-XXT{lx.PARTS_OF_DAY[word]}")
        unit = lx.unit_of(word)
        if unit is None or s.startswith("per ") and m["n"]:
            return None
        amount = number(m["n"]) if m["n"] else 1.0
        return Reading("SET", duration_value(amount, unit))

    # -- absolute dates ------------------------------------------------------------------
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
        re.compile(rf"^(?:(?P<wd>{_WEEKDAY}),? )?(?:the )?(?P<month>{_MONTH}) {_DAYNUM}"
                   rf"(?:,? {_YEAR})?$"),
        re.compile(rf"^(?:(?P<wd>{_WEEKDAY}),? )?(?:the )?{_DAYNUM}(?: of)? (?P<month>{_MONTH})"
                   rf",?(?: {_YEAR})?$"),
        re.compile(rf"^(?:(?:the )?(?P<early>early|mid|late) )?(?P<month>{_MONTH})(?:,? (?:of )?"
                   rf"{_YEAR})?$"),
        re.compile(rf"^(?:the )?(?:night|morning|evening|afternoon) of (?:(?P<wd>{_WEEKDAY}),? )?"
                   rf"(?:(?P<month>{_MONTH}) {_DAYNUM}|"
                   rf"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)? (?P<month2>{_MONTH}))"
                   rf"(?:,? {_YEAR})?$"),
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

    _MONTH_REL = re.compile(
        rf"^(?P<rel>last|next|this|this past|this coming|the coming|the following|the previous|"
        rf"that|the same|past|coming) (?P<month>{_MONTH})$"
        rf"|^(?P<month2>{_MONTH}) (?:of )?(?P<year_rel>last|this|next) year$"
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
        rel = m["rel"]
        anaphoric = rel in ("the following", "the previous", "that", "the same")
        base, anchor = self._base(deictic=not anaphoric)
        if base is None:
            return Reading("DATE", f"XXXX-{month:02d}")
        ref = base.day
        if rel in ("last", "this past", "the previous", "past"):
            year = ref.year if month < ref.month else ref.year - 1
        elif rel in ("next", "this coming", "the coming", "the following", "coming"):
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year
        return self._date(Period(date(year, month, 1), "month"), anchor=anchor)

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
        rel = m["rel"] or ""
        anaphoric = rel in ("the following", "the previous", "that")
        base, anchor = self._base(deictic=not anaphoric and not self.ctx.narrative)
        if base is None:
            d0 = rule(2000)
            return Reading("DATE", f"XXXX-{d0.month:02d}-{d0.day:02d}")
        ref = base.day
        options = [rule(y) for y in (ref.year - 1, ref.year, ref.year + 1)]
        if rel in ("last", "this past", "the previous"):
            d = max(o for o in options if o < ref)
        elif rel in ("next", "this coming", "the coming", "the following"):
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
        (re.compile(rf"^(?:the )?(?:(?:early|mid|late) )?(?P<o>{_ORD}) century"
                    rf"(?: (?P<bc>bc|bce))?$"), "century"),
        (re.compile(rf"^(?:(?P<month>{_MONTH}) )?(?P<y>\d{{1,4}}) (?P<bc>bc|bce|b\.c|ad|a\.d)$"),
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

    # -- relative ------------------------------------------------------------------------
    _REL_DAY = re.compile(
        rf"^(?P<word>today|tonight|yesterday|tomorrow|the day before yesterday|"
        rf"the day after tomorrow|this|last|overnight)(?: (?P<part>{_PART}))?$"
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
        rf"(?P<wd>{_WEEKDAY})(?: (?P<part>{_PART}))?$"
    )

    def _weekday(self, s: str) -> Reading | None:
        m = self._WEEKDAY_RE.match(s)
        if not m or s in ("sun", "sat", "wed", "mar", "fri"):
            return None
        weekday = lx.WEEKDAYS[m["wd"]]
        rel = m["rel"] or ""
        if rel in ("following", "previous"):
            base, anchor = self._base(deictic=False)
        else:
            base, anchor = self._base(deictic=not self.ctx.narrative or bool(rel))
        suffix = "T" + lx.PARTS_OF_DAY[m["part"]] if m["part"] else ""
        type_ = "TIME" if suffix else "DATE"
        if base is None:
            return Reading(type_, f"XXXX-WXX-{weekday + 1}" + suffix)
        if rel in ("last", "past", "this past", "previous"):
            direction = -1
        elif rel in ("next", "coming", "this coming", "following"):
            direction = 1
        else:
            direction = self.ctx.direction
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
        rf"(?P<season>{_SEASON})(?:,? (?:of )?(?:{_YEAR}|(?P<bc>\d{{1,4}}) bce?))?$"
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
        rel = m["rel"] or ""
        anaphoric = rel in ("the following", "the previous", "the same", "that", "the", "")
        base, anchor = self._base(deictic=not anaphoric)
        if base is None:
            return Reading("DATE", f"XXXX-{code}", mod)
        year = base.day.year
        if rel in ("last", "the past", "this past", "the previous"):
            year -= 1 if rel in ("last", "the previous") else 0
        elif rel in ("next", "the following", "the coming", "this coming"):
            year += 1 if rel in ("next", "the following") else 0
        return Reading("DATE", f"{year:04d}-{code}", mod, anchor,
                       Period(date(year, 6, 1), "year"))

    _QUARTER_RE = re.compile(
        rf"^(?:(?P<det>the|its|this year|last year|next year|that|this) )?"
        rf"(?:(?P<rel>latest|current|last|past|previous|next|coming|following|same|"
        rf"most recent|recent|year earlier|year ago|prior year|year earlier fiscal|fiscal|"
        rf"year ago fiscal|{_YEAR_PLAIN}) )?"
        rf"(?:(?:fiscal|calendar) )?(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th) )?"
        rf"(?:fiscal )?(?P<unit>quarter|half)(?:,? (?:of )?(?:fiscal )?{_YEAR})?$"
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

    _AGO = re.compile(rf"^(?P<n>{_NUM}|several|a few|few|some|many)? ?(?P<unit>{_UNIT}) "
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

    # -- durations -----------------------------------------------------------------------
    _DURATION = re.compile(
        rf"^(?:the )?(?:(?P<rel>past|last|first|next|coming|previous|following|final|"
        rf"preceding|ensuing|latest|subsequent|remaining|initial|same|recent|other|entire|"
        rf"whole|full|better part of the|better part of|course of the|course of) )?"
        rf"(?:(?P<n>{_NUM}|several|a few|few|many|some|couple of|a couple of)"
        rf"(?: (?:to|or) {_NUM})? )?"
        rf"(?:(?:and a half|or so|more|straight|consecutive|full|long|additional|fiscal|"
        rf"calendar) )?(?P<unit>{_UNIT})"
        rf"(?: (?P<tail>and a half|old|long|or so|ahead|to come|running|in a row))?$"
    )

    def _duration(self, s: str) -> Reading | None:
        m = self._DURATION.match(s)
        if not m:
            return None
        unit = lx.unit_of(m["unit"])
        if unit is None:
            return None
        n = m["n"]
        if n is None:
            if not m["unit"].endswith("s") and m["unit"] not in ("centuries",):
                # "the past year", "the whole day": one unit; a bare "the day" is no duration.
                if not m["rel"]:
                    return None
                amount: float | None = 1.0
            else:
                amount = None
        elif n in ("several", "a few", "few", "many", "some", "couple of", "a couple of"):
            amount = 2.0 if "couple" in n else None
        else:
            amount = number(n)
            if amount is None or re.fullmatch(r"\d{4}", n) and not m["unit"].endswith("s"):
                return None  # "the 1988 quarter" names a year, not 1988 quarters
        if amount is not None and "and a half" in s:
            amount += 0.5
        if m["tail"] in ("ahead", "to come") and amount is None:
            return Reading("DATE", "FUTURE_REF")
        return Reading("DURATION", duration_value(amount, unit))

    # -- clock times ---------------------------------------------------------------------
    _CLOCK = re.compile(
        r"^(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))? ?(?P<ampm>a\.?m\.?|p\.?m\.?|am|pm|"
        r"o'clock|h)?(?: (?P<tz>[a-z]{2,4}))?(?:,? (?P<rest>.+))?$"
    )

    def _time_of_day(self, s: str) -> Reading | None:
        if m := re.match(r"^(?P<w>noon|midday|midnight)(?: (?P<rest>.+))?$", s):
            hour = "12:00" if m["w"] != "midnight" else "24:00"
            day, where = self._base()
            if m["rest"]:
                r = Normalizer(self.ctx).read(m["rest"])
                if r is None or r.period is None or r.period.grain != "day":
                    return None
                day, where = r.period, r.anchor
            if day is None or day.grain != "day":
                return Reading("TIME", f"XXXX-XX-XXT{hour}")
            return self._date(day, "TIME", where, suffix=f"T{hour}")
        m = self._CLOCK.match(s)
        if not m or not (m["ampm"] or m["mi"]):
            return None
        h = int(m["h"])
        mi = int(m["mi"] or 0)
        ampm = (m["ampm"] or "").replace(".", "")
        if ampm == "pm" and h < 12:
            h += 12
        if ampm == "am" and h == 12:
            h = 0
        if h > 24 or mi > 59:
            return None
        rest = m["rest"]
        base: Period | None
        if rest:
            day_reading = Normalizer(self.ctx).read(rest)
            if day_reading is None or day_reading.period is None or \
                    day_reading.period.grain != "day":
                return None
            base, anchor = day_reading.period, day_reading.anchor
        else:
            # "at 10:57" belongs to the day named last, or else to the DCT.
            base, anchor = self._base(deictic=False)
            if base is not None and base.grain != "day" and not self.ctx.narrative:
                base, anchor = self._base()
            if base is not None and base.grain != "day":
                base = None
        clock = f"T{h:02d}:{mi:02d}"
        if m["tz"] in ("utc", "gmt", "z"):
            clock += "Z"
        if base is None:
            return Reading("TIME", "XXXX-XX-XX" + clock)
        return self._date(base, "TIME", anchor, suffix=clock)


_MOD_WORDS = sorted(lx.MOD_PREFIXES, key=len, reverse=True)


def _split_mod(s: str) -> tuple[str | None, str]:
    """Peel a leading modifier ("about", "the end of", "mid-") off the expression."""
    for word in _MOD_WORDS:
        if s.startswith(word + " ") and len(s) > len(word) + 1:
            return lx.MOD_PREFIXES[word], s[len(word) + 1:]
    if re.match(r"^mid ?\d{4}$", s):
        return "MID", s[3:].strip()
    return None, s


def _fit_mod(mod: str, type_: str) -> str | None:
    """Point modifiers (START, END) fit dates; amount modifiers fit durations and dates."""
    if type_ == "DURATION" and mod in ("START", "MID", "END"):
        return None
    return mod


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
