"""Calendar periods and their TIMEX3 values.

A ``Period`` is a point in time at some granularity (a day, an ISO week, a month, a year...).
Relative expressions are resolved by shifting a reference period, so all the calendar arithmetic
lives here and the rules only say *which* period and *how far*.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

GRANULARITIES = ("century", "decade", "year", "half", "quarter", "season", "month", "week",
                 "day")


@dataclass(frozen=True)
class Period:
    """A calendar period: ``day`` is any date inside it, ``grain`` says how much of it counts."""

    day: date
    grain: str  # one of GRANULARITIES
    season: str | None = None  # SP/SU/FA/WI when grain == "season"

    @property
    def value(self) -> str:
        d = self.day
        if self.grain == "day":
            return d.isoformat()
        if self.grain == "week":
            iso = d.isocalendar()
            return f"{iso.year:04d}-W{iso.week:02d}"
        if self.grain == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if self.grain == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.grain == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if self.grain == "season":
            return f"{d.year:04d}-{self.season}"
        if self.grain == "year":
            return f"{d.year:04d}"
        if self.grain == "decade":
            return f"{d.year // 10:03d}X"
        return f"{d.year // 100:02d}"

    def shift(self, n: int, unit: str | None = None) -> Period:
        """The period ``n`` units later (earlier when negative); unit defaults to the grain."""
        unit = unit or self.grain
        if unit == "day":
            return replace(self, day=self.day + timedelta(days=n))
        if unit == "week":
            return replace(self, day=self.day + timedelta(weeks=n))
        months = {"month": 1, "quarter": 3, "half": 6, "season": 12, "year": 12,
                  "decade": 120, "century": 1200}[unit]
        return replace(self, day=add_months(self.day, n * months))

    def coarsen(self, grain: str) -> Period:
        return Period(self.day, grain)


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, clamping the day to the target month's length."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_near(ref: date, weekday: int, direction: int) -> date:
    """The ``weekday`` (Mon=0) nearest ``ref``: before it (-1), after it (+1), or either (0).

    With direction 0 the same day counts, then the closer one, a day ahead weighing as three
    behind: news tells more of the days just gone than of those to come.
    """
    if direction < 0:
        delta = (ref.weekday() - weekday) % 7 or 7
        return ref - timedelta(days=delta)
    if direction > 0:
        delta = (weekday - ref.weekday()) % 7 or 7
        return ref + timedelta(days=delta)
    back = (ref.weekday() - weekday) % 7
    forward = (weekday - ref.weekday()) % 7
    return ref - timedelta(days=back) if back <= 3 * forward else ref + timedelta(days=forward)


def year_near(ref: date, month: int, day: int, direction: int) -> int:
    """The year that puts month/day nearest ``ref``, leaning the way tense points.

    Tense leans, it does not force: "said the payment is due Nov. 20" sits in a past clause
    yet names a date ahead. Without tense, news more often looks back than ahead.
    """
    ahead, behind = {-1: (8.0, 1.0), 1: (1.0, 8.0)}.get(direction, (3.0, 1.0))

    def cost(year: int) -> float:
        point = safe_date(year, month, day) or date(year, month, 28)
        days = (point - ref).days
        return days * ahead if days > 0 else -days * behind

    return min((ref.year - 1, ref.year, ref.year + 1), key=cost)


_VALUE = re.compile(
    r"^(?:"
    r"(?:BC)?[0-9X]{2,4}"  # century, decade (198X), year
    r"(?:-(?:[0-9X]{2}(?:-[0-9X]{2})?|W[0-9X]{1,2}(?:-(?:WE|[1-7X]))?|Q[1-4X]|H[12X]"
    r"|SP|SU|FA|WI))?"
    r"(?:T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|MI|DT|XX:XX)Z?)?"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:[0-9X.]+(?:Y|M|W|D|Q|DE|CE|ML))+(?:T(?:[0-9X.]+[HMS])+)?"
    r"|PT(?:[0-9X.]+[HMS])+"
    r")$"
)


def well_formed(value: str) -> bool:
    """Whether ``value`` is a TIMEX3 value of a shape this tagger produces."""
    return bool(_VALUE.match(value))
