"""Where the temporal expressions are: candidate spans and their TimeBank extents.

spaCy's DATE and TIME entities are the first source; our own patterns add what the small model
misses or splits (vague references, "the coming days and weeks", sets like "weekly"). Extents
follow TimeBank: the introducing preposition is left out ("on 6/8" -> "6/8"), determiners and
modifiers stay in ("the beginning of the year", "about three hours").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from tui.analysis.temporal import holidays
from tui.analysis.temporal import lexicon as lx

if TYPE_CHECKING:
    from spacy.tokens import Doc

_MONTH = "|".join(sorted((m for m in lx.MONTHS if len(m) > 3 or m == "may"), key=len,
                         reverse=True))
_MONTH_CAP = "|".join(m.capitalize() for m in _MONTH.split("|"))
_MONTH_ABBR_CAP = "|".join(m.capitalize() for m in lx.MONTHS if len(m) <= 4 and m != "may")
_MONTH_ABBR = "|".join(m for m in lx.MONTHS if len(m) <= 4 and m != "may")
_WEEKDAY = "|".join(sorted((w for w in lx.WEEKDAYS if len(w) > 3), key=len, reverse=True))
_WEEKDAY_CAP = "|".join(w.capitalize() for w in _WEEKDAY.split("|"))
_UNITS = r"(?:days|weeks|months|years|decades|hours|minutes)"
_NUMW = "|".join(w for w in lx.NUMBER_WORDS if " " not in w and w not in ("a", "an", "single"))

_HOLIDAY = holidays.name_pattern()
_TZ = r"(?-i: [A-Z]{2,4}T?\b)"

# Events that come round every year: "annual" before them is a set ("the annual summit");
# before an amount it is not ("annual sales", "an annual rate of 3%").
_YEARLY_EVENTS = (r"(?:conference|meeting|summit|festival|convention|parade|celebration|ceremony|"
                  r"tournament|race|marathon|fair|gala|pilgrimage|congress|assembly|rally|"
                  r"exhibition|show|awards?|visit|trip|reunion|retreat|gathering|holiday)s?\b")
_AMOUNT_NOUNS = (r"(?:account|rate|rates|level|levels|price|prices|value|market|figures?|"
                 r"account|affairs|events|trend|pace|estimate|numbers?)\b")
# Our own patterns over the raw text, case-insensitive, on word boundaries. Words that are
# temporal only now and then ("former", "past", a bare "soon") are left to spaCy; "recent"
# and "current" qualifying a noun ("a recent filing", "its current chief") are PAST_REF and
# PRESENT_REF, as TimeBank marks them.
_PATTERNS = [
    # vague adjectives and market-report days
    rf"(?<!most )recent(?= (?!{_UNITS}|(?:trading )?sessions)[a-z])",
    rf"(?<!electric )current(?= (?!{_UNITS}|quarter|half|year|month|week|{_AMOUNT_NOUNS})"
    r"[a-z])",
    rf"annual(?= {_YEARLY_EVENTS})",
    r"(?:(?<=ended )|(?<=closed )|(?<=opened )|(?<=started )|(?<=began )|(?<=finished )"
    r"|(?<=ending )|(?<=closing )|(?<=ends )|(?<=closes ))the (?:day|session)",
    r"(?:the )?year[- ]to[- ]date",
    rf"(?:(?:the )?(?:recent|past|last|previous|next|coming|past few|last few|next few)|"
    rf"\d+|{_NUMW}|several|a few)(?: straight| consecutive)? (?:trading (?:days|sessions)"
    r"|sessions)",
    # vague references and lists of units
    rf"(?:the )?(?:coming|upcoming|next few|past few|last few) {_UNITS}"
    rf"(?: (?:and|or) {_UNITS})*",
    rf"(?:the )?{_UNITS} (?:and|or) {_UNITS}(?: ahead| to come)?",
    r"(?:the )?(?:days|weeks|months|years) (?:ahead|to come)",
    r"very soon|the (?:near |distant )?future|currently|nowadays|recently"
    r"|(?:right |just )?now(?! that)",
    r"today|tonight|yesterday|tomorrow",
    r"daily|weekly|monthly|yearly|nightly|hourly",
    rf"(?:every|each|every other) (?:{_WEEKDAY}|day|week|month|year|morning|evening|night)",
    r"per (?:day|week|month|year|hour)",
    r"(?-i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)",
    _HOLIDAY,
    # clock times and parts of day
    rf"(?:\d{{1,2}}(?::\d{{2}})? ?(?:a\.m\.|p\.m\.|am|pm)|noon|midnight)(?:{_TZ})?"
    rf"(?:,? (?:(?:{_WEEKDAY}|today|yesterday|tomorrow)(?: (?:morning|afternoon|evening|night))?"
    rf"|(?-i:{_MONTH_CAP}|{_MONTH_ABBR_CAP})\.? \d{{1,2}}))?",
    rf"\d{{1,2}}:\d{{2}}(?: ?(?:a\.m\.|p\.m\.|am|pm))?(?:{_TZ})?",
    rf"(?:(?:{_WEEKDAY}|yesterday|today|tomorrow|this|last|that|the next|the following) )"
    r"(?:morning|afternoon|evening|night)",
    r"tonight|overnight|noon|midnight",
    # years read out in broadcast transcripts
    r"(?:(?:the )?(?:(?:winter|spring|summer|fall|autumn) of )?|the year )?"
    r"(?:sixteen|seventeen|eighteen|nineteen)[- ](?:twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?",
    r"the year two thousand(?: and (?:one|two|three|four|five|six|seven|eight|nine))?",
    # calendar units relative to now or to the story
    r"(?:(?:earlier|later|early|late) )?(?:this|last|next|the past|the coming|the previous|"
    r"the following|that|the same|the next) (?:day|week|weekend|month|year|decade|century|"
    r"spring|summer|fall|autumn|winter)",
    r"(?:earlier|later) in the (?:day|week|month|year|decade)",
    r"(?:earlier|later) (?:today|tonight|this (?:morning|afternoon|evening))",
    rf"the week of (?:(?-i:{_MONTH_CAP}|{_MONTH_ABBR_CAP})\.? \d{{1,2}}"
    rf"|\d{{1,2}} (?-i:{_MONTH_CAP}))",
    # business quarters and halves
    r"(?:(?:the|its|this|that|this year's|last year's|next year's) )?"
    r"(?:(?:latest|current|last|past|previous|next|coming|following|same|year-earlier|year-ago|"
    r"fiscal|calendar|first|second|third|fourth)[- ])+(?:quarter|half)"
    r"(?: of (?:fiscal )?\d{4})?",
    r"(?:the|its|this|that|this year's|last year's) quarter",
    # amounts of time spaCy leaves out ("nearly two and a half years")
    rf"(?:(?:about|around|nearly|almost|more than|less than|over|some|at least|up to) )?"
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{_NUMW})(?:[- ](?:{_NUMW}))*|several|a few)"
    rf"(?: and a half)? "
    rf"(?:{_UNITS[3:-1]})",
    rf"(?:the )?(?:first|last|past|next|previous|coming|final|remaining|same) "
    rf"(?:\d+|(?:{_NUMW})(?:[- ](?:{_NUMW}))*|several|few) (?:{_UNITS[3:-1]})",
    # relative units
    rf"(?:(?:\d+|{_NUMW}|a|an|several|a few|few|many|some) )?(?:{_UNITS[3:-1]}|day|week|month"
    rf"|year|hour|minute|decade)(?: or so)? (?:later|earlier|ago|from now)",
    r"(?:early|late|mid)-?(?:\d{4}s?)",
    rf"(?:(?-i:{_MONTH_CAP}) |(?:the )?(?:spring|summer|autumn|fall|winter) of )?"
    r"\d{1,4} (?-i:BCE?|B\.C\.|AD|A\.D\.)",
    r"(?:the )?\d{1,2}(?:st|nd|rd|th) century (?-i:BCE?|AD)",
    rf"(?:\d{{1,2}} )?(?-i:{_MONTH_CAP})(?: \d{{1,2}})?,? of (?:that|the same|the following|"
    r"the next|the previous) year",
    r"(?:(?:the|this|last|next|that|early|late) )?(?:spring|summer|autumn|winter)"
    r"(?: of \d{4}|,? \d{4})?",
    r"(?:the|this|last|next|that) fall(?: of \d{4})?",
    rf"(?:(?-i:{_WEEKDAY_CAP}),? )?(?:the )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?(?-i:{_MONTH_CAP})"
    rf"(?:,? \d{{4}})?",
    rf"(?:(?-i:{_WEEKDAY_CAP}),? )?(?-i:{_MONTH_CAP}|{_MONTH_ABBR_CAP})\.? "
    rf"\d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?",
    rf"(?:the )?(?:night|morning|evening|afternoon) of (?:(?-i:{_WEEKDAY_CAP}),? )?"
    rf"(?:\d{{1,2}} (?-i:{_MONTH_CAP})|(?-i:{_MONTH_CAP}) \d{{1,2}})(?:,? \d{{4}})?",
    rf"(?:(?:the )?(?:early|late|mid)[- ]|(?:last|next|this) )?(?-i:{_MONTH_CAP})"
    rf"(?:,? \d{{4}}| (?:of )?(?:last|this|next) year)?",
]
_PATTERN = re.compile(r"(?<![\w/-])(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) +
                      r")(?![\w/])", re.IGNORECASE)

# Leading words and phrases that introduce a timex and are not part of its extent.
_LEADING = sorted(
    [*lx.LEADING_SIGNALS, "as early as", "as late as", "as soon as", "as long as",
     "as recently as", "as of", "no later than", "no earlier than", "not until", "up until",
     "ahead of", "prior to", "in time for", "by the time of", "starting", "beginning",
     "ending", "effective", "dating back to", "back to", "back in", "sometime", "some time",
     "any time", "anytime", "just", "only", "still", "even", "again", "ago"],
    key=len, reverse=True,
)
# Phrases that begin with a signal word but are modifiers kept in the extent.
_KEPT_PHRASES = ("at least", "at most", "as many as", "as much as", "as few as")
_TRAILING = ("'s", "\u2019s", ",", ".", ";", ":", "-", "'", '"')


def spacy_candidates(doc: Doc) -> Iterable[tuple[int, int]]:
    """Character spans of spaCy's DATE and TIME entities.

    Read from the IOB arrays rather than ``doc.ents``, which builds a Token for every token
    of the document and dominated the tagger's time on long texts.
    """
    from spacy.attrs import ENT_IOB, ENT_TYPE

    if not len(doc):
        return
    wanted = {doc.vocab.strings["DATE"], doc.vocab.strings["TIME"]}
    iob_type = doc.to_array([ENT_IOB, ENT_TYPE]).tolist()
    start: int | None = None
    for i, (iob, label) in enumerate([*iob_type, [3, 0]]):  # a sentinel closes the last one
        inside = iob == 1 and start is not None
        if start is not None and not inside:
            last = doc[i - 1]
            yield doc[start].idx, last.idx + len(last.text)
            start = None
        if iob == 3 and label in wanted:
            start = i


# Every pattern above begins with a digit or one of these words. Trying the big pattern only
# where one of them starts cuts the scan to a fraction of the text.
_FIRST_WORDS = {
    *lx.MONTHS, *lx.WEEKDAYS, *(f"{w}s" for w in lx.WEEKDAYS), *lx.SEASONS, *lx.PARTS_OF_DAY,
    *(w for w in lx.NUMBER_WORDS if " " not in w), *lx.ORDINALS,
    *(
        "the", "its", "this", "that", "last", "next", "past", "coming", "upcoming", "previous",
        "following", "same", "latest", "current", "very", "right", "just", "now", "currently",
        "nowadays", "recently", "today", "tonight", "yesterday", "tomorrow", "overnight",
        "midnight", "daily", "weekly", "monthly", "yearly", "nightly", "hourly", "every",
        "each", "per", "earlier", "later", "early", "late", "mid", "about", "around", "nearly",
        "almost", "more", "less", "over", "some", "at", "up", "several", "few", "many",
        "fiscal", "calendar", "year", "years", "day", "days", "week", "weeks", "month",
        "months", "hour", "hours", "minute", "minutes", "decade", "decades", "sixteen",
        "seventeen", "eighteen", "nineteen", "final", "remaining", "recent", "current",
        "annual",
    ),
    *holidays.first_words(),
}
_WORD = re.compile(r"[^\W_]+")


def pattern_candidates(text: str) -> Iterable[tuple[int, int]]:
    """Matches of our own patterns, left to right and not overlapping (as ``finditer``)."""
    resume = 0
    for word in _WORD.finditer(text):
        start = word.start()
        if start < resume or not (word[0][0].isdigit() or word[0].lower() in _FIRST_WORDS):
            continue
        if m := _PATTERN.match(text, start):
            resume = m.end()
            yield m.start(), m.end()


_UNIT_THEN_SIGNAL = re.compile(
    r"^(?P<keep>.*\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?))"
    r" (?P<signal>before|after|later|earlier)$", re.IGNORECASE)
# The determiner belongs to the noun when the timex modifies it ("its third-quarter profit",
# "its fourth quarter") or when the timex is a bare plural ("for the weeks that followed").
_DETERMINER_OF_NOUN = re.compile(
    r"^(?:its |(?:the|that|this) (?=\S+-(?:quarter|half|year|month|week|day)$)|"
    r"the (?=(?:days|weeks|months|years|decades|hours|minutes)$))",
    re.IGNORECASE,
)
_THE_FULL_DATE = re.compile(rf"^the (?=(?:{_MONTH}|{_MONTH_ABBR})\.? \d)", re.IGNORECASE)


_RANGE_JOIN = r"\s*(?:[-\u2013]|to|and|until|through)\s*"
# "7/30-31" (month first) and "30-31/7" (day first): the bare day stands for a numeric date.
_NUMERIC_THEN_DAY = re.compile(r"(?<![\w/])(?P<m>\d{1,2})/(?P<a>\d{1,2})[-\u2013](?P<b>\d{1,2})"
                               r"(?![\w/])")
_DAY_THEN_NUMERIC = re.compile(r"(?<![\w/])(?P<a>\d{1,2})[-\u2013](?P<b>\d{1,2})/(?P<m>\d{1,2})"
                               r"(?![\w/])")
_DAYS_THEN_MONTH = re.compile(
    rf"\b(?P<a>[0-3]?\d){_RANGE_JOIN}(?P<b>[0-3]?\d)(?:st|nd|rd|th)? (?P<month>(?-i:{_MONTH_CAP}))"
    rf"(?P<year>,? \d{{4}})?\b"
)
_MONTH_THEN_DAYS = re.compile(
    rf"\b(?P<month>(?-i:{_MONTH_CAP}|{_MONTH_ABBR_CAP}))\.? (?P<a>[0-3]?\d){_RANGE_JOIN}"
    rf"(?P<b>[0-3]?\d)\b(?!:)(?P<year>,? \d{{4}})?"
)


def day_ranges(text: str) -> Iterable[tuple[int, int, str]]:
    """Days that borrow their month from a range: "22" in "22-24 August 1914", "31" in
    "7/30-31".

    Yields the bare day's span and the full date to read it as ("22 August 1914"), and the
    date that closes the range; for "August 22-24, 1914" the first date with its year.
    """
    for m in _DAYS_THEN_MONTH.finditer(text):
        yield m.start("a"), m.end("a"), f"{m['a']} {m['month']}{m['year'] or ''}"
        yield m.start("b"), m.end(), text[m.start("b"):m.end()]
    for m in _NUMERIC_THEN_DAY.finditer(text):
        if int(m["a"]) < int(m["b"]) <= 31:
            yield m.start("m"), m.end("a"), f"{m['m']}/{m['a']}"
            yield m.start("b"), m.end("b"), f"{m['m']}/{m['b']}"
    for m in _DAY_THEN_NUMERIC.finditer(text):
        if int(m["a"]) < int(m["b"]) <= 31:
            yield m.start("a"), m.end("a"), f"{m['a']}/{m['m']}"
            yield m.start("b"), m.end("m"), f"{m['b']}/{m['m']}"
    for m in _MONTH_THEN_DAYS.finditer(text):
        year = m["year"] or ""
        yield m.start("b"), m.end("b"), f"{m['month']} {m['b']}{year}"
        if year:
            yield m.start("month"), m.end("a"), f"{m['month']} {m['a']}{year}"


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to its TimeBank extent: no introducing preposition, no edge punctuation.

    "ten days before the vote" keeps "ten days" (the signal relates it to an event), while a
    closing "two days later" stays whole as an anaphoric date. "minutes later" is a duration.
    """
    start, end = _trim_edges(text, start, end)
    m = _UNIT_THEN_SIGNAL.match(text[start:end])
    if m:
        following = text[end:end + 3].lstrip(" ")
        time_unit = re.search(r"(?:second|minute|hour)s?$", m["keep"], re.IGNORECASE)
        bare_plural = " " not in m["keep"].strip()
        if m["signal"] in ("before", "after") and following[:1].isalnum() or time_unit or (
                bare_plural and m["signal"] in ("before", "after")):
            end = start + len(m["keep"])
    if m2 := _THE_FULL_DATE.match(text[start:end]) or _DETERMINER_OF_NOUN.match(
            text[start:end]):
        start += m2.end()
    return start, end


def _trim_edges(text: str, start: int, end: int) -> tuple[int, int]:
    changed = True
    while changed and start < end:
        changed = False
        span = text[start:end]
        lower = span.lower()
        for word in _LEADING:
            if lower.startswith(word + " ") and len(lower) > len(word) + 1 and \
                    not lower.startswith(_KEPT_PHRASES):
                start += len(word) + 1
                changed = True
                break
        span = text[start:end]
        stripped = span.lstrip(" ,;:(\"'")
        if len(stripped) != len(span):
            start += len(span) - len(stripped)
            changed = True
        span = text[start:end]
        for tail in _TRAILING:
            if span.endswith(tail) and len(span) > len(tail):
                if tail == "." and re.search(r"(?:\b[a-z]\.[a-z]|\b[A-Z][a-z]{1,3})\.$", span):
                    continue  # keep "p.m." and "Sept."
                end -= len(tail)
                changed = True
                break
        span = text[start:end]
        if span != span.rstrip():
            end = start + len(span.rstrip())
            changed = True
    return start, end


def split_ranges(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "1990 and 1995" or "from June to August" into its two timexes.

    Only where both sides name a calendar point on their own: "the coming days and weeks" and
    "two or three days" stay whole.
    """
    span = text[start:end]
    if short := re.fullmatch(r"(\d{4})[-\u2013/]\d{2}", span):
        return [(start, start + len(short[1]))]  # "1915-17": the first year is the timex
    m = re.search(r"\s+(?:and|to|through|or|until|till)\s+|\s*[-\u2013]\s*(?=\d{4}\b|[A-Z])",
                  span)
    if not m:
        return [(start, end)]
    left, right = span[: m.start()], span[m.end():]
    if _names_point(left) and _names_point(right):
        return [(start, start + m.start()), (start + m.end(), end)]
    return [(start, end)]


_POINT = re.compile(
    rf"\b(?:\d{{4}}|{_MONTH}|{_MONTH_ABBR}|{_WEEKDAY}|\d{{1,2}}/\d{{1,2}})\b", re.IGNORECASE
)


def _names_point(s: str) -> bool:
    return bool(_POINT.search(s))


# "a 6-year-old girl", "he is 52 years old": news annotation leaves ages out.
_AGE = re.compile(r"\w[- ](?:year|month|week|day)s?[- ]old$", re.IGNORECASE)


def looks_temporal_but_is_not(text: str, start: int, end: int) -> bool:
    """An age ("52 years old"), the noun march ("the Long March"), or "annual" before an
    amount ("annual sales")."""
    return (_is_age(text, start, end) or _is_a_march(text, start, end)
            or _is_an_annual_amount(text, start, end))


_YEARLY_EVENT_AFTER = re.compile(rf"\s+(?:[a-z]+\s+)?{_YEARLY_EVENTS}", re.IGNORECASE)


def _is_an_annual_amount(text: str, start: int, end: int) -> bool:
    """ "annual" is a set only before an event that comes round ("the annual summit")."""
    return text[start:end].lower() == "annual" and not _YEARLY_EVENT_AFTER.match(
        text, end, end + 40)


def _is_age(text: str, start: int, end: int) -> bool:
    return bool(_AGE.search(text[start:end]) or _AGE.search(text[start:end + 4]))


_MARCH_AFTER = re.compile(r"^\s+(?:to|on|of|against|through|from|across|into)\b")
_MARCH_BEFORE = re.compile(r"(?:\b(?:the|a|his|her|their|its)|'s|[A-Z][a-z]+)\s+$")


def _is_a_march(text: str, start: int, end: int) -> bool:
    """ "the Long March", "March on Rome": the noun or verb, not the month."""
    if text[start:end] != "March":
        return False
    before = text[max(0, start - 20):start]
    if _MARCH_BEFORE.search(before) and not re.search(r"(?:^|[.!?:\n]\s*)\S+\s+$", before):
        return True
    return bool(_MARCH_AFTER.match(text[end:end + 12]))
