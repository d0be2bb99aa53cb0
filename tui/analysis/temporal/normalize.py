"""From the words of one temporal expression to its TIMEX3 type, value and mod.

The rules read a cleaned, lower-cased copy of the expression. Relative expressions are resolved
against the context: the document creation time (DCT) for deictic words ("yesterday", "last
week") and the last mentioned date for anaphoric ones ("the same month", "three days later").
Whatever the context cannot settle stays X, never guessed.
"""

from __future__ import annotations

import re

from tui.analysis.temporal import lexicon as lx
from tui.analysis.temporal.absolute import AbsoluteRules
from tui.analysis.temporal.clock import ClockRules
from tui.analysis.temporal.durations import DurationRules
from tui.analysis.temporal.reading import Context, Reading
from tui.analysis.temporal.relative import RelativeRules
from tui.analysis.temporal.shifts import ShiftRules
from tui.analysis.temporal.words import clean

__all__ = ["Context", "Normalizer", "Reading"]


class Normalizer(DurationRules, AbsoluteRules, RelativeRules, ShiftRules, ClockRules):
    """Ordered rules; the first that matches the cleaned expression gives the reading."""

    def read(self, text: str) -> Reading | None:
        s = clean(text)
        if not s:
            return None
        # A trading session is a day of the market: "three sessions", "recent sessions".
        s = _SESSIONS.sub("days", s)
        if s in lx.VAGUE_REFS:
            return Reading("DATE", lx.VAGUE_REFS[s])
        if r := self._story_day(s):
            return r
        if r := self._vague_plural(s):
            return r
        if r := self._of_that_year(s):
            return r
        mod, core = _split_mod(s)
        if " or so" in core:  # "a week or so ago"
            mod, core = mod or "APPROX", core.replace(" or so", "")
        if week := self._week_of(core):
            return week
        if m := _EARLIER_LATER.match(core):  # "earlier today" is today, said of its past part
            return self.read(m["day"])
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

    def _story_day(self, s: str) -> Reading | None:
        """"ended the day", "closed the session": the day the story is at (a market report's
        day); "year to date": this year so far, named by the year."""
        if s in ("the day", "the session"):
            base, anchor = self._base(deictic=False)
            if base is not None and base.grain == "day":
                return self._date(base, anchor=anchor)
            return None
        if s in ("year to date", "the year to date"):
            base, anchor = self._base(deictic=True)
            if base is not None:
                return self._date(base.coarsen("year"), anchor=anchor)
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


_EARLIER_LATER = re.compile(r"^(?:earlier|later) (?P<day>today|tonight|this (?:morning|"
                            r"afternoon|evening))$")
_SESSIONS = re.compile(r"\b(?:trading )?(?:sessions|days)\b(?<!^days)|\btrading day\b")
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
