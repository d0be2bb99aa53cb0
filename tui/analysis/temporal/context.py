"""The document's temporal context: its creation time (DCT) and how it writes numeric dates.

Relative dates ("on Tuesday", "last week") resolve against the DCT, and numeric dates ("6/8")
need a date order (DMY or MDY). Both come, best first, from the reader's saved choice, a
command-line flag, the document's metadata, and the text itself; each answer says where it came
from, so the interface can show how sure it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from itertools import combinations
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from tui.analysis.model import Source
from tui.analysis.nlp import looks_like_numeric_date, neighbours
from tui.document.model import Metadata
from tui.errors import GlossError

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Tense = Literal["past", "present", "future"]
DATE_ORDERS = ("DMY", "MDY", "YMD")
DEFAULT_DATE_ORDER = "DMY"  # most of the world's English-language press writes day first

_MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)"
# "Aug. 7, 2025", "7 August 2025", "2025-08-07": a date with day, month and year all written out.
_FULL_DATES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b",
        r"\b(?P<year>(?:1[6-9]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b",
    )
)
# A dateline opens the story: "WASHINGTON, Aug. 7, 2025 (AP) —" or "7 August 2025 —".
_DATELINE_HEAD = re.compile(
    r"^\s*(?:(?:Published|Updated|Posted|Dated?)(?: on)?:?\s+)?"
    r"(?:[A-Z][A-Za-z.'\- ]{1,40},\s*)?(?:[A-Z][a-z]+day,?\s+)?"
)
_CLOCK = r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
_DATELINE_TAIL = re.compile(rf"^{_CLOCK}\s*(?:\([^)\n]{{1,40}}\)\s*)?(?:[—–-]|:|$)")
_DATELINE_LINES = 5  # a headline, a byline and a date line come before the story
_FUTURE_CUE = re.compile(
    r"(?:\b(?:until|till|before|by|through|due|scheduled\s+for|set\s+for|deadline\s+of)"
    r"|\b(?:will|shall)\s+(?:\w+\s+){1,2}(?:on|in|from)?)\s*(?:on\s+)?$",
    re.IGNORECASE,
)
_CUE_REACH = 40  # characters before a date searched for a future cue
_FILENAME_DATE = re.compile(r"(?<!\d)((?:1[6-9]|20)\d\d)[-_.]?([01]\d)[-_.]?([0-3]\d)(?!\d)")


def parse_iso_date(value: str) -> date | None:
    """The date of an ISO ``YYYY-MM-DD`` string or of a full ISO datetime, else None."""
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def date_from_filename(name: str) -> date | None:
    """A ``YYYY-MM-DD`` (or ``YYYYMMDD``) date in a file name, as news archives name files."""
    for match in _FILENAME_DATE.finditer(PurePath(name).name):
        found = _safe_date(int(match[1]), int(match[2]), int(match[3]))
        if found:
            return found
    return None


def resolve_dct(
    meta: Metadata, text: str, flag: str | None, user: str | None = None
) -> tuple[date | None, Source]:
    """The document creation time and where it came from.

    Precedence: the reader's saved choice, the ``--date`` flag, the metadata (or a date in the
    file name), a dateline or else the latest full date written in the text. ``(None,
    "assumed")`` means nothing was found: the caller uses today and shows it as assumed.
    """
    if user and (chosen := parse_iso_date(user)):
        return chosen, "user"
    if flag:
        flagged = parse_iso_date(flag)
        if flagged is None:
            raise GlossError(f"--date expects YYYY-MM-DD, got {flag!r}")
        return flagged, "flag"
    if meta.published and (published := parse_iso_date(meta.published)):
        return published, "filename" if meta.published_from == "filename" else "metadata"
    if meta.path and (named := date_from_filename(meta.path)):
        return named, "filename"
    inferred = dateline_date(text) or latest_full_date(text)
    if inferred:
        return inferred, "inferred"
    return None, "assumed"


def full_dates(text: str) -> Iterator[tuple[int, date]]:
    """(offset, date) of every date written with day, month and year, in text order."""
    found: list[tuple[int, date]] = []
    for pattern in _FULL_DATES:
        for match in pattern.finditer(text):
            month = match["month"].lower().rstrip(".")
            number = _MONTHS.get(month) or (int(month) if month.isdigit() else 0)
            day = _safe_date(int(match["year"]), number, int(match["day"]))
            if day:
                found.append((match.start(), day))
    yield from sorted(found)


def dateline_date(text: str) -> date | None:
    """The date of a dateline, or of a date line under the headline, in the first lines."""
    for line in text.split("\n")[:_DATELINE_LINES]:
        found = _line_date(line)
        if found:
            return found
    return None


def _line_date(line: str) -> date | None:
    head = _DATELINE_HEAD.match(line)
    offset = head.end() if head else 0
    for start, day in full_dates(line[: offset + 40]):
        if start == offset:
            end = _match_end(line, start)
            if end is not None and _DATELINE_TAIL.match(line[end:]):
                return day
    return None


def latest_full_date(text: str) -> date | None:
    """The latest fully written date: news reports on the recent past, so it bounds the DCT.

    Dates announced as ahead ("will resume on 1 September 2025", "until 3 March") are skipped.
    """
    return max(
        (day for start, day in full_dates(text)
         if not _FUTURE_CUE.search(text[max(0, start - _CUE_REACH): start])),
        default=None,
    )


def _match_end(text: str, start: int) -> int | None:
    for pattern in _FULL_DATES:
        match = pattern.match(text, start)
        if match:
            return match.end()
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- tense of the clause a token belongs to ------------------------------------------------

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
_INTENT_LEMMAS = frozenset(
    {"plan", "intend", "expect", "want", "hope", "aim", "schedule", "prepare", "promise",
     "vow", "threaten", "pledge"}
)
_CLAUSE_POS = frozenset({"VERB", "AUX"})


def governing_verb(token: Token) -> Token | None:
    """The verb of the clause ``token`` sits in: the first verb on the way to the root."""
    current = token
    while True:
        if current.pos_ in _CLAUSE_POS and current is not token:
            return current
        if current.head.i == current.i:
            return current if current.pos_ in _CLAUSE_POS else None
        current = current.head


def clause_tense(verb: Token) -> Tense:
    """Past, present or future for a verb group ("will impose", "had said", "plans to meet").

    ``would`` counts as future: in news it mostly reports what someone said will happen.
    """
    auxes = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {aux.lower_ for aux in auxes}
    if words & _FUTURE_AUX or "would" in words or _going_to(verb):
        return "future"
    if verb.dep_ == "xcomp" and verb.head.lemma_ in _INTENT_LEMMAS:
        return "future"
    if verb.tag_ in ("VBD",) or any(aux.tag_ == "VBD" for aux in auxes):
        return "past"
    if verb.tag_ == "VBN" and (words & {"has", "have", "had", "'ve", "'s"} or not auxes):
        return "past"
    if verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in _CLAUSE_POS and verb.head is not verb:
        return clause_tense(verb.head)
    return "present"


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and any(
        child.lower_ in ("is", "are", "am", "was", "were", "'s", "'re") for child in head.children
    )


def token_tense(token: Token) -> Tense | None:
    """The tense of the clause that governs ``token`` (None when no verb governs it)."""
    verb = governing_verb(token)
    return clause_tense(verb) if verb is not None else None


# --- date order --------------------------------------------------------------------------

_SLASH_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2}|\d{4}))?$")
_PROXIMITY_RATIO = 0.5  # one reading must put the dates at most half as far from the DCT...
_PROXIMITY_MIN_DAYS = 7  # ...and at least a week closer in total, to count as evidence
_MIN_SPELLINGS = 2  # one spelling is too little to tell a house style
_NO_YEAR = 2000  # a leap year, so 29/2 stays a valid reading when no year is written

_BRITISH = re.compile(
    r"\b(?:colour|favour|honour|labour|neighbour|behaviour|centre|theatre|defence|offence|"
    r"licence|programme|travelled|cancelled|organis\w*|recognis\w*|criticis\w*|analys(?:e|ed|ing)|"
    r"apologis\w*|realis\w*)\b",
    re.IGNORECASE,
)
_AMERICAN = re.compile(
    r"\b(?:color|favor|honor|labor|neighbor|behavior|center|theater|defense|offense|"
    r"program|traveled|canceled|organiz\w*|recogniz\w*|criticiz\w*|analyz\w*|apologiz\w*|"
    r"realiz\w*)\b|\bSept\.|\b\d{1,2}(?::\d\d)? [ap]\.m\.",
    re.IGNORECASE,
)
_DAY_FIRST_DOMAINS = re.compile(r"\.(?:uk|ie|au|nz|in|za|sg|my|pk|ng|ke|eu|fr|de|vn)(?:/|$)")


@dataclass(frozen=True)
class NumericDate:
    """A numeric day/month date in the text and the tense of the clause it dates."""

    first: int
    second: int
    year: int | None
    tense: Tense | None

    def reading(self, order: str, default_year: int) -> date | None:
        day, month = (self.first, self.second) if order == "DMY" else (self.second, self.first)
        return _safe_date(self.year or default_year, month, day)


def resolve_date_order(
    meta: Metadata, doc: Doc | None, dct: date | None, flag: str | None,
    user: str | None = None,
) -> tuple[str, Source]:
    """How the document writes numeric dates ("DMY"/"MDY"/"YMD") and where that came from.

    Precedence: the reader's saved choice, ``--date-order``, metadata, then evidence in the
    text, strongest first:

    1. a component above 12 settles it (13/8 is DMY, 8/13 is MDY);
    2. tense: with a DCT, the reading that keeps past-tense events on or before it and
       future-tense ones on or after it; without one, the reading that keeps past-tense events
       before future-tense ones;
    3. proximity: news reports the days around its publication, so the reading that puts the
       dates clearly nearer the DCT (or, without one, closer together) wins. This is what decides
       "told reporters on 6/8" a day after 6 August: both 6 August and 8 June are in the past,
       but only one of them is news;
    4. dates written out: a text that writes "Sept. 18" writes 9/18, one that writes
       "18 September" writes 18/9;
    5. the source's convention: a day-first country domain or British spellings give DMY,
       American spellings and house style ("Sept.", "a.m.") MDY.

    Any of these gives ``"inferred"``; with no evidence at all the answer is DMY,
    ``"assumed"``.
    """
    if user in DATE_ORDERS:
        return user, "user"
    if flag:
        if flag not in DATE_ORDERS:
            raise GlossError(f"--date-order expects DMY or MDY, got {flag!r}")
        return flag, "flag"
    if meta.date_order in DATE_ORDERS:
        return meta.date_order, "metadata"
    dates = list(numeric_dates(doc)) if doc is not None else []
    inferred = (
        _order_from_components(dates)
        or _order_from_tense(dates, dct)
        or _order_from_proximity(dates, dct)
        or _order_from_written_dates(doc.text if doc is not None else "")
        or _order_from_convention(meta, doc.text if doc is not None else "")
    )
    if inferred:
        return inferred, "inferred"
    return DEFAULT_DATE_ORDER, "assumed"


def numeric_dates(doc: Doc) -> Iterator[NumericDate]:
    """Every numeric day/month date in ``doc`` ("6/8", "13/8/2025"), with its clause's tense."""
    for token in doc:
        match = _SLASH_DATE.match(token.text)
        if not match:
            continue
        if not (looks_like_numeric_date(token.text, *neighbours(doc, token.i))
                or token.ent_type_ == "DATE"):
            continue
        year = int(match[3]) if match[3] else None
        if year is not None and year < 100:
            year += 2000 if year < 70 else 1900
        yield NumericDate(int(match[1]), int(match[2]), year, token_tense(token))


def _order_from_components(dates: Iterable[NumericDate]) -> str | None:
    votes = {"DMY": 0, "MDY": 0}
    for found in dates:
        if found.first > 12 >= found.second:
            votes["DMY"] += 1
        elif found.second > 12 >= found.first:
            votes["MDY"] += 1
    if votes["DMY"] != votes["MDY"]:
        return max(votes, key=votes.__getitem__)
    return None


def _readable(dates: Iterable[NumericDate]) -> list[NumericDate]:
    """Dates that read as a valid day and month either way round (6/8, and 8/8 alike)."""
    return [d for d in dates if d.first <= 12 and d.second <= 12]


def _readings(dates: list[NumericDate], order: str, dct: date | None) -> list[date | None]:
    return [d.reading(order, dct.year if dct else _NO_YEAR) for d in dates]


def _order_from_tense(dates: list[NumericDate], dct: date | None) -> str | None:
    dates = _readable(dates)
    penalties = {}
    for order in ("DMY", "MDY"):
        readings = list(zip(_readings(dates, order, dct), (d.tense for d in dates), strict=True))
        invalid = sum(1 for day, _ in readings if day is None)
        if dct is not None:
            penalties[order] = invalid + sum(
                1 for day, tense in readings
                if day is not None and ((tense == "past" and day > dct)
                                        or (tense == "future" and day < dct))
            )
        else:
            past = [day for day, tense in readings if day and tense == "past"]
            future = [day for day, tense in readings if day and tense == "future"]
            penalties[order] = invalid + sum(1 for p in past for f in future if p > f)
    if penalties["DMY"] == penalties["MDY"]:
        return None
    return min(penalties, key=penalties.__getitem__)


def _order_from_proximity(dates: list[NumericDate], dct: date | None) -> str | None:
    """Nearer the DCT if there is one; failing that, closer together."""
    dates = _readable(dates)
    if dct is not None:
        near = _decisive({
            order: sum(abs((day - dct).days) for day in _readings(dates, order, dct) if day)
            for order in ("DMY", "MDY")
        })
        if near:
            return near
    return _decisive({
        order: sum(abs((a - b).days) for a, b in combinations(
            [day for day in _readings(dates, order, dct) if day], 2))
        for order in ("DMY", "MDY")
    })


def _decisive(distance: dict[str, int]) -> str | None:
    near, far = sorted(distance, key=distance.__getitem__)
    gap = distance[far] - distance[near]
    if gap >= _PROXIMITY_MIN_DAYS and distance[near] <= _PROXIMITY_RATIO * distance[far]:
        return near
    return None


_MONTH_NAMES = (r"(?:January|February|March|April|May|June|July|August|September|October|"
                r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)")
_MONTH_FIRST = re.compile(rf"\b{_MONTH_NAMES}\.? [0-3]?\d(?:st|nd|rd|th)?\b(?!:)")
_DAY_FIRST = re.compile(rf"\b[0-3]?\d(?:st|nd|rd|th)? (?:of )?{_MONTH_NAMES}\b")


def _order_from_written_dates(text: str) -> str | None:
    """The order the text writes its dates in words: most writers put numbers the same way."""
    month_first = len(_MONTH_FIRST.findall(text))
    day_first = len(_DAY_FIRST.findall(text))
    if max(month_first, day_first) >= 1 and min(month_first, day_first) * 2 < max(
            month_first, day_first):
        return "MDY" if month_first > day_first else "DMY"
    return None


def _order_from_convention(meta: Metadata, text: str) -> str | None:
    where = " ".join(part for part in (meta.url, meta.source) if part).lower()
    if where and _DAY_FIRST_DOMAINS.search(where):
        return "DMY"
    british = len(_BRITISH.findall(text))
    american = len(_AMERICAN.findall(text))
    if max(british, american) >= _MIN_SPELLINGS and min(british, american) * 2 < max(
        british, american
    ):
        return "DMY" if british > american else "MDY"
    return None
