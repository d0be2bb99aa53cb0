"""Named days: fixed-date holidays and those computed from the calendar (Easter, Thanksgiving).

One table: the normalizer reads a name with it, and the finder's pattern for holiday names is
made from it (``name_pattern``), so a holiday the finder finds is one the normalizer can read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th ``weekday`` (Mon=0) of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    nxt = date(year + month // 12, month % 12 + 1, 1)
    last = nxt - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


# Cleaned (lower-case, no possessive) names -> the date in a given year.
HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": _fixed(12, 25),
    "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "new year day": _fixed(1, 1),
    "new years day": _fixed(1, 1),
    "new year eve": _fixed(12, 31),
    "new years eve": _fixed(12, 31),
    "valentine day": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "independence day": _fixed(7, 4),
    "the fourth of july": _fixed(7, 4),
    "fourth of july": _fixed(7, 4),
    "bastille day": _fixed(7, 14),
    "boxing day": _fixed(12, 26),
    "veterans day": _fixed(11, 11),
    "armistice day": _fixed(11, 11),
    "may day": _fixed(5, 1),
    "easter": easter,
    "easter sunday": easter,
    "good friday": lambda y: easter(y) - timedelta(days=2),
    "easter monday": lambda y: easter(y) + timedelta(days=1),
    "thanksgiving": lambda y: nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: nth_weekday(y, 5, 0, -1),
    "martin luther king day": lambda y: nth_weekday(y, 1, 0, 3),
    "presidents day": lambda y: nth_weekday(y, 2, 0, 3),
    "election day": lambda y: nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    # International Workers' Day, as most countries keep it (Canada's is in September).
    "labour day": _fixed(5, 1),
    "new year": _fixed(1, 1),
    "new years": _fixed(1, 1),
    "mother day": lambda y: nth_weekday(y, 5, 6, 2),
    "father day": lambda y: nth_weekday(y, 6, 6, 3),
    "columbus day": lambda y: nth_weekday(y, 10, 0, 2),
    "juneteenth": _fixed(6, 19),
    "st patrick day": _fixed(3, 17),
    "saint patrick day": _fixed(3, 17),
    "remembrance day": _fixed(11, 11),
    "canada day": _fixed(7, 1),
    "australia day": _fixed(1, 26),
    "anzac day": _fixed(4, 25),
    "earth day": _fixed(4, 22),
    "palm sunday": lambda y: easter(y) - timedelta(days=7),
    "ash wednesday": lambda y: easter(y) - timedelta(days=46),
    "pentecost": lambda y: easter(y) + timedelta(days=49),
}

# Words written in lower case inside a holiday's name ("the Fourth of July").
_LOWER_WORDS = frozenset({"of", "the"})


def name_pattern() -> str:
    """A regex for the holidays' names as news writes them: capitalized words, possessives
    ("New Year's Day", "St. Patrick's Day"), for a case-insensitive pattern around it."""
    names = []
    for name in sorted(HOLIDAYS, key=len, reverse=True):
        words = []
        for word in name.split():
            if word in _LOWER_WORDS:
                words.append(word)
                continue
            head = f"(?-i:{word[0].upper()}){re.escape(word[1:])}"
            tail = r"\.?" if word == "st" else r"(?:'s|\u2019s|s')?"
            words.append(head + tail)
        names.append(" ".join(words))
    return "(?:" + "|".join(names) + ")"


def first_words() -> set[str]:
    """The words a holiday's name can begin with (the finder tries its patterns there)."""
    return {name.split()[0] for name in HOLIDAYS}
