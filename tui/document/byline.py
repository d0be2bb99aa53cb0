"""Recognize credit lines ("By Jane Doe", "Huyen Le (According to AFP, Reuters)") as metadata.

A byline printed as the last paragraph is not part of the story: shown as prose it gets
tagged as a PERSON in the middle of the text. Only lines with an explicit marker ("By",
"According to", "Reporting by", "Source:") count, and the names must look like names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_LENGTH = 160  # a byline is a short line; anything longer is prose

# Wire services name a source, not an author, when they appear in a credit line.
AGENCIES = frozenset({
    "afp", "agence france-presse", "ap", "associated press", "the associated press",
    "reuters", "bloomberg", "xinhua", "tass", "ria novosti", "interfax", "dpa", "efe", "ansa",
    "kyodo", "kyodo news", "yonhap", "upi", "pti", "ani", "bernama", "vna", "aap", "cnn",
    "bbc", "anadolu", "al jazeera",
})
_PARTICLES = frozenset({
    "al", "bin", "binti", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn",
    "la", "le", "st.", "ten", "ter", "van", "von", "y",
})
_NOT_NAMES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "then", "now", "noon", "midnight", "contrast", "far",
})
_ATTRIBUTED = re.compile(
    r"^(?P<name>[^()]*?)\s*\(\s*(?:according\s+to|theo|via|sources?\s*:)\s+"
    r"(?P<sources>[^()]+?)\s*\)\s*\.?$",
    re.IGNORECASE,
)
_BY = re.compile(r"^(?:written\s+)?by\s+(?P<names>.+?)\s*$", re.IGNORECASE)
_SOURCE = re.compile(r"^sources?\s*:\s*(?P<sources>.+?)\.?$", re.IGNORECASE)
_REPORTING = re.compile(r"(?:additional\s+)?reporting\s+by\s+(?P<names>[^;]+)", re.IGNORECASE)
_LIST = re.compile(r"\s*(?:,|;|&|/|\band\b)\s*", re.IGNORECASE)
_TAIL = re.compile(r"\s+(?:\||·|•|—|–|-)\s+.*$")  # "By Jane Doe | 7 August 2025"
_IN_PLACE = re.compile(r"\s+in\s+[A-Z][\w .'-]*$")  # "Jane Doe in London"
# "Reuters", "(AP)", "Associated Press staff": a line that is only a wire service's name.
_AGENCY_LINE = re.compile(
    r"^[(\[]?(?P<name>[^()\[\]]+?)[)\]]?(?:\s+(?:staff|reporters?|wire))?\s*[.:]?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Byline:
    author: str | None = None
    sources: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.author is not None or bool(self.sources)

    def merged(self, other: Byline) -> Byline:
        """Combine two credit lines of one article (e.g. "By X" and "Source: AFP")."""
        authors = [a for a in (self.author, other.author) if a]
        sources = tuple(dict.fromkeys(self.sources + other.sources))
        return Byline(", ".join(dict.fromkeys(authors)) or None, sources)


def parse_byline(line: str) -> Byline | None:
    """The credit in ``line``, or None when the line is not a byline."""
    line = line.strip()
    if not line or len(line) > MAX_LENGTH:
        return None
    if line.startswith("(") and line.endswith(")") and "reporting by" in line.lower():
        line = line[1:-1]
    return (
        _attributed(line) or _by(line) or _reporting(line) or _source_line(line)
    )


def parse_agency_line(line: str) -> Byline | None:
    """A line naming only a wire service, as printed under a byline ("By Jane Doe" /
    "Reuters"); alone it says nothing, so callers take it only beside a byline."""
    match = _AGENCY_LINE.match(line.strip())
    if match is None or match["name"].strip().lower() not in AGENCIES:
        return None
    return Byline(None, (match["name"].strip(),))


def _attributed(line: str) -> Byline | None:
    match = _ATTRIBUTED.match(line)
    if match is None:
        return None
    sources = _names(match["sources"], any_case=True)
    name = match["name"].strip(" -–—,")
    if not sources or (name and not is_name(name)):
        return None
    return Byline(name or None, tuple(sources))


def _by(line: str) -> Byline | None:
    match = _BY.match(line)
    if match is None:
        return None
    names = _names(_TAIL.sub("", match["names"]))
    if not names:
        return None
    return _split_agencies(names)


def _reporting(line: str) -> Byline | None:
    found = _REPORTING.findall(line)
    if not found or not line.lower().lstrip().startswith(("reporting", "additional")):
        return None
    names: list[str] = []
    for chunk in found:
        parsed = _names(chunk)
        if not parsed:
            return None
        names.extend(parsed)
    return _split_agencies(names)


def _source_line(line: str) -> Byline | None:
    match = _SOURCE.match(line)
    if match is None:
        return None
    sources = _names(match["sources"], any_case=True)
    return Byline(None, tuple(sources)) if sources else None


def _split_agencies(names: list[str]) -> Byline:
    people = [n for n in names if n.lower() not in AGENCIES]
    agencies = tuple(n for n in names if n.lower() in AGENCIES)
    return Byline(", ".join(people) or None, agencies)


def _names(text: str, *, any_case: bool = False) -> list[str]:
    """Split "A, B and C" into names; an empty list if any part is not name-like."""
    parts = [_IN_PLACE.sub("", p).strip(" .") for p in _LIST.split(text.strip())]
    parts = [p for p in parts if p]
    if not parts:
        return []
    check = _is_source if any_case else is_name
    return parts if all(check(p) for p in parts) else []


def _is_source(text: str) -> bool:
    return len(text) <= 60 and not any(ch.isdigit() for ch in text) and text[0].isalpha()


def is_name(text: str) -> bool:
    """True for "Huyen Le", "J. R. Smith", "Ana de la Cruz"; False for prose or dates."""
    words = text.split()
    if not 1 <= len(words) <= 5 or len(text) > 60 or words[0].lower() in _NOT_NAMES:
        return False
    for word in words:
        if any(ch.isdigit() for ch in word):
            return False
        if word.lower() in _PARTICLES and word is not words[0]:
            continue
        if not word[0].isupper():
            return False
    return True
