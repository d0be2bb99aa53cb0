"""Durations, sets and vague plural references: amounts of time rather than points in it.

"three weeks", "every Monday" and "the coming days and weeks" need no anchor; they are read
the same way whatever the document's date.
"""

from __future__ import annotations

import re

from tui.analysis.temporal import lexicon as lx
from tui.analysis.temporal.patterns import NUM, PART, UNIT, WEEKDAY
from tui.analysis.temporal.reading import Reading, RuleBase
from tui.analysis.temporal.words import duration_value, number


class DurationRules(RuleBase):
    """Vague plurals ("the coming days"), sets ("every week") and durations ("six months")."""

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
                  "yearly": "P1Y", "hourly": "PT1H", "biweekly": "P2W", "annually": "P1Y",
                  "annual": "P1Y"}
    _EVERY = re.compile(rf"^(?:every|each|per|once a|twice a|once every|every other) ?"
                        rf"(?P<n>{NUM} )?(?P<unit>{UNIT}|{WEEKDAY}|{PART})$")
    _PLURAL_WEEKDAY = re.compile(rf"^(?P<wd>{WEEKDAY})s(?: (?P<part>{PART})s?)?$|"
                                 rf"^(?P<wd2>{WEEKDAY}) (?P<part2>{PART})s$")

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

    # -- durations -----------------------------------------------------------------------
    _DURATION = re.compile(
        rf"^(?:the )?(?:(?P<rel>past|last|first|next|coming|previous|following|final|"
        rf"preceding|ensuing|latest|subsequent|remaining|initial|same|recent|other|entire|"
        rf"whole|full|better part of the|better part of|course of the|course of) )?"
        rf"(?:(?P<n>{NUM}|several|a few|few|many|some|couple of|a couple of)"
        rf"(?: (?:to|or) {NUM})? )?"
        rf"(?:(?:and a half|or so|more|straight|consecutive|full|long|additional|fiscal|"
        rf"calendar) )?(?P<unit>{UNIT})"
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
