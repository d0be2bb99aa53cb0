"""The words of an expression made comparable: cleaning, numbers, spoken years, durations.

Rules match a cleaned, lower-case copy ("Sept. 30" -> "sept 30", "two-week" -> "two week",
"nineteen ninety-six" -> "1996"); numbers in words become numbers, amounts become TIMEX3
durations.
"""

from __future__ import annotations

import re

from tui.analysis.temporal import lexicon as lx

_SPACES = re.compile(r"\s+")
_INNER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z0-9])|(?<=[0-9])-(?=[a-z])")


_CENTURY_WORDS = {"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9}
_SPOKEN_YEAR = re.compile(
    rf"\b(?P<c>{'|'.join(_CENTURY_WORDS)}) (?P<t>{'|'.join(_TENS)})(?: (?P<u>"
    rf"{'|'.join(_UNITS_WORDS)}))?\b|\btwo thousand(?: and)?(?: (?P<u2>{'|'.join(_UNITS_WORDS)}))?"
    rf"\b"
)


def _spoken_year(m: re.Match[str]) -> str:
    """ "nineteen ninety six" -> "1996", "two thousand and one" -> "2001" (broadcast text)."""
    if m["c"]:
        return str(_CENTURY_WORDS[m["c"]] * 100 + _TENS[m["t"]] + _UNITS_WORDS.get(m["u"], 0))
    return str(2000 + _UNITS_WORDS.get(m["u2"] or "", 0))


def clean(text: str) -> str:
    """Lower-case, drop abbreviation dots, possessives and edge punctuation, split hyphens."""
    s = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"(?<=[a-z])\.(?=\s|,|$)", "", s)  # "sept." -> "sept"; keeps "p.m"
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"(?<=\d),(?=\d{3}\b)", "", s)  # "1,460 years"
    s = _INNER_HYPHEN.sub(" ", s)
    s = s.replace(",", " , ")
    s = _SPACES.sub(" ", s).strip(" ,.;:!?\"'()[]")
    s = _SPOKEN_YEAR.sub(_spoken_year, s)
    return s.replace(" , ", ", ").strip()


def number(text: str) -> float | None:
    """The value of a number written in digits or words ("three", "twenty-four"), else None."""
    t = text.strip().replace("-", " ")
    try:
        return float(t)
    except ValueError:
        pass
    if t in lx.NUMBER_WORDS:
        return float(lx.NUMBER_WORDS[t])
    words = t.split()
    if len(words) > 1 and words[0] in ("a", "an") and words[1] not in ("hundred", "dozen"):
        words = words[1:]  # "a two-day visit"
    if any(w in ("a", "an") for w in words[1:]):
        return None  # "seven a year ago": a price, then a time
    total = 0.0
    for word in words:
        if word not in lx.NUMBER_WORDS:
            return None
        value = lx.NUMBER_WORDS[word]
        total = total * value if value == 100 and total else total + value
    return total


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration such as P3Y, PT30M, PXW."""
    letter, is_time = lx.UNITS[unit]
    if unit == "fortnight" and amount is not None:
        amount *= 2
    if letter == "DE" and amount is not None:
        letter, amount = "Y", amount * 10
    if amount is None:
        n = "X"
    elif amount == int(amount):
        n = str(int(amount))
    elif is_time and letter in "HM" and (amount * 60) == int(amount * 60):
        smaller = "M" if letter == "H" else "S"
        return f"PT{int(amount * 60)}{smaller}"
    else:
        n = f"{amount:g}"
    return f"PT{n}{letter}" if is_time else f"P{n}{letter}"
