"""Word tables for temporal expressions: names, numbers, units and modifiers.

Kept apart from the rules so that adding a spelling never touches the logic that uses it.
"""

from __future__ import annotations

from typing import NamedTuple

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    )
):
    for _name in _names:
        WEEKDAYS[_name] = _number

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

# The first month of each season, for ordering and arithmetic (winter starts the year's end).
SEASON_MONTH: dict[str, int] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "midday": "MI",
    "noon": "MI",
}

NUMBER_WORDS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100, "a dozen": 12, "dozen": 12, "half a": 0.5, "half an": 0.5,
    "a half": 0.5, "couple of": 2, "a couple of": 2, "a couple": 2, "single": 1,
}

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22, "twenty-third": 23, "twenty-fourth": 24,
    "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27, "twenty-eighth": 28,
    "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31, "last": -1,
}

# Calendar units: name -> (TIMEX3 duration letter, is a time-of-day unit).
UNITS: dict[str, tuple[str, bool]] = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
    "millennium": ("ML", False),
}


def unit_of(word: str) -> str | None:
    """The singular unit name of a word like "years" or "hour", or None."""
    w = word.lower()
    if w in UNITS:
        return w
    if w == "centuries":
        return "century"
    if w == "millennia":
        return "millennium"
    if w.endswith("s") and w[:-1] in UNITS:
        return w[:-1]
    return None


# Leading words that set a TIMEX3 mod; longest phrases are tried first.
MOD_PREFIXES: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "close to": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "longer than": "MORE_THAN",
    "less than": "LESS_THAN", "under": "LESS_THAN", "fewer than": "LESS_THAN",
    "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
    "the beginning of": "START", "the start of": "START", "the dawn of": "START",
    "beginning of": "START", "start of": "START", "early": "START",
    "the early part of": "START", "the first part of": "START",
    "the end of": "END", "end of": "END", "late": "END", "the close of": "END",
    "the latter part of": "END", "the later part of": "END",
    "the middle of": "MID", "middle of": "MID", "mid": "MID", "mid-": "MID",
}

# Whole expressions that point vaguely at the present, past or future.
VAGUE_REFS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "the present": "PRESENT_REF", "present": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at present": "PRESENT_REF", "right now": "PRESENT_REF",
    "just now": "PRESENT_REF", "today's": "PRESENT_REF", "the moment": "PRESENT_REF",
    "this time": "PRESENT_REF", "the time": "PRESENT_REF", "presently": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF", "past": "PAST_REF",
    "former": "PAST_REF", "formerly": "PAST_REF", "once": "PAST_REF", "previously": "PAST_REF",
    "lately": "PAST_REF", "earlier": "PAST_REF", "in the past": "PAST_REF",
    "soon": "FUTURE_REF", "very soon": "FUTURE_REF", "the future": "FUTURE_REF",
    "future": "FUTURE_REF", "shortly": "FUTURE_REF", "later": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the coming days": "FUTURE_REF",
    "the coming weeks": "FUTURE_REF", "the coming months": "FUTURE_REF",
    "the coming years": "FUTURE_REF", "the days ahead": "FUTURE_REF",
    "the weeks ahead": "FUTURE_REF", "the months ahead": "FUTURE_REF",
    "the years ahead": "FUTURE_REF", "soon enough": "FUTURE_REF",
}

# Words that introduce a timex but are not part of its TimeBank extent.
LEADING_SIGNALS = frozenset({
    "on", "in", "at", "by", "since", "until", "till", "from", "for", "during", "within",
    "through", "throughout", "before", "after", "of", "to", "as", "between", "into", "than",
})


class Operator(NamedTuple):
    """What a relative word does to the calendar name after it ("last", "the following").

    ``direction``: which way to look for the named day or month (-1 back, +1 ahead, 0 the
    tense decides); ``shift``: how many whole periods a season or year moves ("last summer"
    is a year back, "this past summer" is this year's); ``anaphoric``: counted from the date
    the story is at ("the following spring") rather than from the DCT ("next spring").
    """

    direction: int
    shift: int
    anaphoric: bool


# One table of relative operators: every rule that reads "last", "the following" or "that"
# before a weekday, month, season or holiday takes its meaning from here.
RELATIVE_OPERATORS: dict[str, Operator] = {
    "last": Operator(-1, -1, False),
    "past": Operator(-1, 0, False),
    "the past": Operator(-1, 0, False),
    "this past": Operator(-1, 0, False),
    "previous": Operator(-1, -1, True),
    "the previous": Operator(-1, -1, True),
    "this": Operator(0, 0, False),
    "next": Operator(1, 1, False),
    "coming": Operator(1, 0, False),
    "the coming": Operator(1, 0, False),
    "this coming": Operator(1, 0, False),
    "following": Operator(1, 1, True),
    "the following": Operator(1, 1, True),
    "that": Operator(0, 0, True),
    "same": Operator(0, 0, True),
    "the same": Operator(0, 0, True),
    "the": Operator(0, 0, True),
}
NO_OPERATOR = Operator(0, 0, False)


def operator(words: str | None) -> Operator:
    """The operator of a relative word; a calendar name without one only points."""
    return RELATIVE_OPERATORS.get(words or "", NO_OPERATOR)
