"""Clock times ("10:57 a.m.", "noon tomorrow"), on the day they name or the day in context."""

from __future__ import annotations

import re

from tui.analysis.temporal.periods import Period
from tui.analysis.temporal.reading import Reading, RuleBase


class ClockRules(RuleBase):
    """Times of day: a clock reading, or noon and midnight, with an optional day after them."""

    _CLOCK = re.compile(
        r"^(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))? ?(?P<ampm>a\.?m\.?|p\.?m\.?|am|pm|"
        r"o'clock|h)?(?: (?P<tz>[a-z]{2,4}))?(?:,? (?P<rest>.+))?$"
    )

    def _day_in_context(self) -> tuple[Period | None, str | None]:
        """The day a bare clock time is on: the day named last ("Monday night ... at 9:15
        p.m."), or else the DCT; None where the story is at no particular day."""
        base, anchor = self._base(deictic=False)
        if base is not None and base.grain != "day" and not self.ctx.narrative:
            base, anchor = self._base()
        if base is not None and base.grain != "day":
            return None, None
        return base, anchor

    def _time_of_day(self, s: str) -> Reading | None:
        if m := re.match(r"^(?P<w>noon|midday|midnight)(?: (?P<rest>.+))?$", s):
            hour = "12:00" if m["w"] != "midnight" else "24:00"
            day, where = self._day_in_context()
            if m["rest"]:
                r = self.read(m["rest"])
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
            day_reading = self.read(rest)
            if day_reading is None or day_reading.period is None or \
                    day_reading.period.grain != "day":
                return None
            base, anchor = day_reading.period, day_reading.anchor
        else:
            base, anchor = self._day_in_context()
        clock = f"T{h:02d}:{mi:02d}"
        if m["tz"] in ("utc", "gmt", "z"):
            clock += "Z"
        if base is None:
            return Reading("TIME", "XXXX-XX-XX" + clock)
        return self._date(base, "TIME", anchor, suffix=clock)
