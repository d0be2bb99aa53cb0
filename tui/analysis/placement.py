"""Where a TIMEX3 value sits on the calendar, and the order of timeline entries.

Values are read as intervals [lo, hi) with a granularity, so that entries of any grain (a
century, a quarter, a morning) can be compared, contained in one another and set against the
document's date. The labels a reader sees are made elsewhere (``date_labels``); this module
only answers "where" and "in which order".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from tui.analysis.model import Relation, TimelineEntry

# Positional modifiers pick a part of the period, so they make a different point in time.
POSITIONAL_MODS = frozenset({"START", "MID", "END"})
_VAGUE_ORDER = {"PAST_REF": 0, "PRESENT_REF": 1, "FUTURE_REF": 2}
# Month a season starts in, hours a part of the day spans, and their names.
SEASONS = {"SP": (3, "spring"), "SU": (6, "summer"), "FA": (9, "autumn"), "AU": (9, "autumn"),
           "WI": (12, "winter")}
DAY_PARTS = {"MO": (6, 12, "morning"), "MI": (12, 13, "midday"), "AF": (12, 18, "afternoon"),
             "EV": (18, 22, "evening"), "NI": (21, 24, "night"), "DT": (8, 18, "daytime")}

VALUE = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
    r"|W(?P<week>\d{1,2})(?:-(?P<wday>WE|[1-7]))?"
    r"|Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|AU|WI)))?"
    r"(?:T(?:(?P<hour>\d{2})(?::(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?)?|(?P<part>MO|MI|AF|EV|NI|DT))"
    r"(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$"
)
DECADE = re.compile(r"^(?P<decade>\d{3})X?$")
CENTURY = re.compile(r"^(?P<century>\d{2})(?:XX)?$")


@dataclass(frozen=True)
class Placement:
    """Where a TIMEX3 value sits in time: the interval [lo, hi) and its granularity."""

    lo: datetime
    hi: datetime
    granularity: str
    finer: str  # the unit one step down, where MID and END are placed
    unknown: str | None = None  # the unit left open: "day" for 1998-10-XX (some day in October)


def known_part(value: str) -> tuple[str, str | None]:
    """The value cut back to what is known, and the unit left open: 1998-10-XX is some day of
    October 1998, 1989-WXX some week of 1989, FY2007 the (fiscal) year 2007."""
    if value.startswith("FY") and value[2:6].isdigit():
        return value[2:6], "fiscal year"
    if ("X" not in value or value.startswith("X") or value.endswith("REF")
            or CENTURY.match(value) or DECADE.match(value)):
        return value, None
    head, _, clock = value.partition("T")
    if "X" not in head:
        return head, "time"
    parts = head.split("-")
    known = []
    for part in parts:
        if "X" in part:
            break
        known.append(part)
    opened = parts[len(known)]
    if not known and opened[:3].isdigit():
        return opened[:3], "year"  # 199X-XX-XX: some time in the 1990s
    if len(parts) - len(known) > 1:
        return "-".join(known), "date"
    unit = {"W": "week", "Q": "quarter", "H": "half"}.get(opened[:1], "day" if len(known) == 2
                                                           else "month")
    return "-".join(known), unit


def place(value: str) -> Placement | None:
    """The interval a DATE/TIME value denotes, or None when it cannot be put on a calendar.

    A value with open parts is placed at what is known of it (1998-10-XX in October 1998).
    """
    known, unknown = known_part(value)
    if unknown is not None:
        placement = place(known) if known else None
        return replace(placement, unknown=unknown) if placement else None
    if m := CENTURY.match(value):
        start = int(m["century"]) * 100
        return Placement(_at(start), _at(start + 100), "century", "decade")
    if m := DECADE.match(value):
        start = int(m["decade"]) * 10
        return Placement(_at(start), _at(start + 10), "decade", "year")
    m = VALUE.match(value)
    if not m or int(m["year"]) < 1:
        return None
    try:
        return _place_match(m)
    except ValueError:  # a day or week that does not exist
        return None


def _at(year: int, month: int = 1, day: int = 1) -> datetime:
    if year > 9999:
        return datetime.max
    return datetime(max(year, 1), month, day)


def _next_month(year: int, month: int, months: int = 1) -> datetime:
    total = year * 12 + month - 1 + months
    return _at(total // 12, total % 12 + 1)


def _place_match(m: re.Match[str]) -> Placement:
    year = int(m["year"])
    if m["month"]:
        month = int(m["month"])
        if m["day"]:
            day = datetime(year, month, int(m["day"]))
            return _place_time(m, day) or Placement(day, day + timedelta(days=1), "day", "hour")
        return Placement(_at(year, month), _next_month(year, month), "month", "day")
    if m["week"]:
        week = date.fromisocalendar(year, int(m["week"]), 1)
        monday = datetime(week.year, week.month, week.day)
        if m["wday"] == "WE":
            return Placement(monday + timedelta(days=5), monday + timedelta(days=7), "weekend",
                             "day")
        if m["wday"]:
            day = monday + timedelta(days=int(m["wday"]) - 1)
            return _place_time(m, day) or Placement(day, day + timedelta(days=1), "day", "hour")
        return Placement(monday, monday + timedelta(days=7), "week", "day")
    if m["quarter"]:
        month = 3 * int(m["quarter"]) - 2
        return Placement(_at(year, month), _next_month(year, month, 3), "quarter", "month")
    if m["half"]:
        month = 6 * int(m["half"]) - 5
        return Placement(_at(year, month), _next_month(year, month, 6), "half", "month")
    if m["season"]:
        month = SEASONS[m["season"]][0]
        return Placement(_at(year, month), _next_month(year, month, 3), "season", "month")
    return Placement(_at(year), _at(year + 1), "year", "month")


def _place_time(m: re.Match[str], day: datetime) -> Placement | None:
    if m["hour"]:
        hour = int(m["hour"])
        at = day + timedelta(hours=hour, minutes=int(m["minute"] or 0))
        step = timedelta(minutes=1) if m["minute"] else timedelta(hours=1)
        return Placement(at, at + step, "time", "time")
    if m["part"]:
        first, last, _ = DAY_PARTS[m["part"]]
        return Placement(day + timedelta(hours=first), day + timedelta(hours=last), "time", "hour")
    return None


def _units(placement: Placement) -> list[datetime]:
    """The starts of the finer units inside a placed period (months of a year, ...)."""
    lo, hi, finer = placement.lo, placement.hi, placement.finer
    starts: list[datetime] = []
    current = lo
    while current < hi and len(starts) < 400:
        starts.append(current)
        if finer == "decade":
            current = _at(current.year + 10)
        elif finer == "year":
            current = _at(current.year + 1)
        elif finer == "month":
            current = _next_month(current.year, current.month)
        elif finer == "day":
            current += timedelta(days=1)
        elif finer == "hour":
            current += timedelta(hours=1)
        else:
            break
    return starts or [lo]


def part_of(placement: Placement, mod: str | None) -> tuple[datetime, datetime]:
    """The interval a positional modifier selects: the first, middle or last third."""
    lo, hi = placement.lo, placement.hi
    third = (hi - lo) / 3
    if mod == "START":
        return lo, lo + third
    if mod == "MID":
        return lo + third, hi - third
    if mod == "END":
        return hi - third, hi
    return lo, hi


def sort_anchor(placement: Placement, mod: str | None) -> tuple[datetime, int, float]:
    """Sort key: where the entry begins, then precise before fuzzy, then longest first.

    A value with open parts (some day in October) is fuzzy in the same way.
    A container sorts before what it contains (a year before its months, a day before its
    times) because, at the same start, the longer period comes first. A period with a positional
    modifier ("the beginning of the year", "mid-July", "end of 2025") is a fuzzy part of its
    period: it is placed where that part's first finer unit begins (its first, middle or last
    month of a year, day of a month) and, having no known extent, after every precise period
    starting at the same instant. So January precedes "the start of the year", and December
    precedes "the end of the year".
    """
    length = (placement.hi - placement.lo).total_seconds()
    if mod not in POSITIONAL_MODS:
        return placement.lo, 1 if placement.unknown else 0, -length
    units = _units(placement)
    index = {"START": 0, "MID": len(units) // 2, "END": len(units) - 1}[mod or "START"]
    return units[index], 1, -length


def relation(lo: datetime, hi: datetime, dct: date) -> Relation:
    """Past, present or future of an interval against the DCT's day, at the interval's grain."""
    start = datetime.combine(dct, datetime.min.time())
    if hi <= start:
        return "past"
    if lo >= start + timedelta(days=1):
        return "future"
    return "present"


def timeline_order(entry: TimelineEntry) -> tuple[int, datetime, int, float, int]:
    """Sort key of an entry: placed ones by ``sort_anchor``, then the vague ones (past, present,
    future, then those that cannot be placed), ties in text order."""
    first = entry.mentions[0][0] if entry.mentions else 0
    placement = place(entry.value)
    if placement is None:
        return 1, datetime.min, _VAGUE_ORDER.get(entry.value, 3), 0.0, first
    anchor, rank, length = sort_anchor(placement, entry.mod)
    return 0, anchor, rank, length, first
