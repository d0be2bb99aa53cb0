"""Regular-expression fragments that several rule families build their patterns from.

Months, weekdays, amounts and units are spelled the same way in a date, a shift and a duration,
so the alternations are built once, from the lexicon, longest word first.
"""

from __future__ import annotations

import re

from tui.analysis.temporal import lexicon as lx

MONTH = "|".join(sorted(lx.MONTHS, key=len, reverse=True))
WEEKDAY = "|".join(sorted(lx.WEEKDAYS, key=len, reverse=True))
SEASON = "|".join(lx.SEASONS)
PART = "|".join(lx.PARTS_OF_DAY)
ORD = "|".join(sorted(lx.ORDINALS, key=len, reverse=True))
NUMWORD = "|".join(sorted((re.escape(w) for w in lx.NUMBER_WORDS), key=len, reverse=True))
NUM = rf"(?:\d+(?:\.\d+)?|(?:{NUMWORD})(?: (?:{NUMWORD}))*|(?:{NUMWORD})-(?:{NUMWORD}))"
UNIT = (r"(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|quarters?|"
       r"years?|decades?|centuries|century|millenni(?:um|a))")
DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
YEAR = r"(?P<year>(?:1[0-9]|20)\d{2})"
YEAR_PLAIN = r"(?:1[0-9]|20)\d{2}"
