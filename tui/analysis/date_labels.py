"""Dates as a reader says them: "Wed 6 Aug 2025", "week of 11 Aug 2025", "start of 2025".

TIMEX3 values ("2025-W33", "2025-08-XX", "PAST_REF") are exact but unreadable; the timeline,
the status line and the exports show these labels instead. Where a value lies on the calendar
is ``placement``'s job; this module only words it.
"""

from __future__ import annotations

import calendar
from datetime import datetime

from tui.analysis.placement import CENTURY, DAY_PARTS, DECADE, SEASONS, VALUE, known_part, place

_REF_LABELS = {"PAST_REF": "the past", "PRESENT_REF": "now", "FUTURE_REF": "the future"}
_MOD_LABELS = {"START": "start of {}", "MID": "mid-{}", "END": "end of {}",
               "APPROX": "about {}", "BEFORE": "before {}", "AFTER": "after {}",
               "ON_OR_BEFORE": "by {}", "ON_OR_AFTER": "from {}"}
_ORDINAL_HALVES = {"1": "first", "2": "second"}


def label(value: str, mod: str | None = None, fallback: str = "") -> str:
    """A human date: "Wed 6 Aug 2025", "July 2025", "week of 11 Aug 2025", "start of 2025"."""
    base = _base_label(value) or fallback or value
    template = _MOD_LABELS.get(mod or "")
    if template and value not in _REF_LABELS:
        return template.format(base)
    return base


def _day_label(day: datetime) -> str:
    return f"{day:%a} {day.day} {day:%b} {day.year}"


def _base_label(value: str) -> str | None:
    if value in _REF_LABELS:
        return _REF_LABELS[value]
    if m := CENTURY.match(value):
        return f"{m['century']}00s"
    if m := DECADE.match(value):
        return f"{m['decade']}0s"
    if value.startswith("XXXX-"):
        return _yearless_label(value)
    if value.startswith("BC") and value[2:].isdigit():
        return f"{int(value[2:])} BC"
    known, unknown = known_part(value)
    if unknown is not None:
        base = _base_label(known) if known else None
        return f"{base}, {unknown} unknown" if base and unknown != "fiscal year" else (
            f"fiscal year {known}" if base else None)
    m = VALUE.match(value)
    placement = place(value)
    if not m or placement is None:
        return None
    year = m["year"]
    if placement.granularity == "time":
        day = placement.lo
        clock = DAY_PARTS[m["part"]][2] if m["part"] else f"{day:%H:%M}"
        return f"{day.day} {day:%b} {day.year}, {clock}"
    if placement.granularity == "day":
        return _day_label(placement.lo)
    if placement.granularity == "week":
        monday = placement.lo
        return f"week of {monday.day} {monday:%b} {monday.year}"
    if placement.granularity == "weekend":
        saturday = placement.lo
        return f"weekend of {saturday.day} {saturday:%b} {saturday.year}"
    if m["month"]:
        return f"{calendar.month_name[int(m['month'])]} {year}"
    if m["quarter"]:
        return f"Q{m['quarter']} {year}"
    if m["half"]:
        return f"{_ORDINAL_HALVES[m['half']]} half of {year}"
    if m["season"]:
        return f"{SEASONS[m['season']][1]} {year}"
    return year


def _yearless_label(value: str) -> str | None:
    parts = value.split("-")
    if len(parts) == 2 and parts[1] in SEASONS:
        return f"{SEASONS[parts[1]][1]}, year unknown"
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = calendar.month_name[int(parts[1])]
        if len(parts) >= 3 and parts[2][:2].isdigit():
            return f"{int(parts[2][:2])} {month}, year unknown"
        return f"{month}, year unknown"
    return None

