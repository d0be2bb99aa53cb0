"""TIMEX3 values as calendar dates: where a point or period starts, and how precise it is.

Calendars and TimelineJS need a concrete date. A period (month, week, season, quarter, year,
decade, century) is placed on its first day and keeps its granularity so the export can say so.
A value whose later parts are unknown keeps its known start (``2025-08-XX`` is placed on the
month, ``2025-WXX`` on the year); an unknown year (``XXXX-07-04``), a BC date and a reference
(``PRESENT_REF``) have no date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta

# Meteorological seasons: each starts on the first day of a month.
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}
_PART_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening",
                "NI": "night", "DT": "daytime"}

_DAY = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:T(?:(\d{2}):(\d{2})(?::(\d{2}))?.*|(MO|MI|AF|EV|NI|DT)))?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE|-\d)?")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|AU|WI)")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_DECADE = re.compile(r"(\d{3})X?")
_UNKNOWN_TAIL = re.compile(r"(\d{4}(?:-[^-TX]+)*)[-T][^-T]*X.*")
_CENTURY = re.compile(r"(\d{2})(?:XX)?")


@dataclass(frozen=True)
class DatePoint:
    """Where an entry sits on a calendar. ``at`` is set only for clock times."""

    day: date
    granularity: str  # century/decade/year/half/quarter/season/month/week/weekend/day/time
    at: time | None = None
    part_of_day: str | None = None  # "morning", "evening", ... for values like 2025-08-06TEV


def parse_value(value: str) -> DatePoint | None:
    """The first day (and time) of a TIMEX3 value, or ``None`` when it has no fixed date."""
    value = value.strip()
    try:
        point = _parse(value)
        if point is None and (known := _UNKNOWN_TAIL.fullmatch(value)):
            point = _parse(known[1])  # 2025-08-XX: some day in August, placed on the month
        return point
    except ValueError:  # e.g. 2025-02-30, week 54: not a real date
        return None


def _parse(value: str) -> DatePoint | None:
    if m := _DAY.fullmatch(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        if m[4]:
            return DatePoint(day, "time", time(int(m[4]), int(m[5]), int(m[6] or 0)))
        if m[7]:
            return DatePoint(day, "day", part_of_day=_PART_OF_DAY[m[7]])
        return DatePoint(day, "day")
    if m := _WEEK.fullmatch(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3] == "-WE":
            return DatePoint(monday + timedelta(days=5), "weekend")
        if m[3]:
            return DatePoint(date.fromisocalendar(int(m[1]), int(m[2]), int(m[3][1:])), "day")
        return DatePoint(monday, "week")
    if m := _SEASON.fullmatch(value):
        return DatePoint(date(int(m[1]), _SEASON_MONTH[m[2]], 1), "season")
    if m := _QUARTER.fullmatch(value):
        return DatePoint(date(int(m[1]), 3 * int(m[2]) - 2, 1), "quarter")
    if m := _HALF.fullmatch(value):
        return DatePoint(date(int(m[1]), 6 * int(m[2]) - 5, 1), "half")
    if m := _MONTH.fullmatch(value):
        return DatePoint(date(int(m[1]), int(m[2]), 1), "month")
    if m := _YEAR.fullmatch(value):
        return DatePoint(date(int(m[1]), 1, 1), "year")
    if m := _DECADE.fullmatch(value):
        return DatePoint(date(max(1, int(m[1]) * 10), 1, 1), "decade")
    if m := _CENTURY.fullmatch(value):
        return DatePoint(date(max(1, int(m[1]) * 100), 1, 1), "century")
    return None
