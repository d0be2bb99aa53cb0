"""A deterministic pseudo-English book for size benchmarks: names, places and dates in prose.

The text is generated, never stored: a million words is several megabytes, and the benchmarks
must run on a fresh clone. The same ``words`` and ``seed`` always give the same bytes, so runs
compare like with like.
"""

from __future__ import annotations

import random
from pathlib import Path

FIRST = ("Anna", "Boris", "Clara", "David", "Elena", "Farid", "Grace", "Hugo", "Irina", "James",
         "Katya", "Lukas", "Maria", "Nikolai", "Olga", "Pavel", "Rosa", "Samuel", "Tomas", "Vera")
LAST = ("Petrova", "Keller", "Novak", "Hughes", "Morales", "Ivanov", "Schmidt", "Okafor",
        "Lindqvist", "Moreau", "Brennan", "Takahashi", "Kowalski", "Haddad", "Fischer")
PLACES = ("Kyiv", "Warsaw", "Geneva", "Istanbul", "Odesa", "Berlin", "Vienna", "London",
          "Kharkiv", "Brussels", "Paris", "Riga", "Vilnius", "Helsinki", "Prague")
ORGS = ("the United Nations", "the European Commission", "NATO", "the Red Cross",
        "the World Bank", "Reuters", "the State Department", "the Kremlin")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NOUNS = ("talks", "ceasefire", "convoy", "harvest", "bridge", "railway", "treaty", "letter",
         "border", "winter", "market", "village", "archive", "river", "council", "garrison",
         "envoy", "delegation", "report", "station", "harbour", "factory", "school", "road")
VERBS = ("reached", "left", "signed", "rejected", "described", "crossed", "visited", "praised",
         "questioned", "rebuilt", "watched", "remembered", "announced", "delayed", "opened")
FILLER = ("the", "a", "quiet", "long", "old", "new", "northern", "small", "second", "last",
          "early", "late", "whole", "broken", "distant", "familiar", "cold", "busy")
ADVERBS = ("slowly", "again", "finally", "once more", "without warning", "at last", "openly")


class _Writer:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def pick(self, items: tuple[str, ...]) -> str:
        return items[self.rng.randrange(len(items))]

    def person(self) -> str:
        return f"{self.pick(FIRST)} {self.pick(LAST)}"

    def when(self) -> str:
        r = self.rng.randrange(6)
        year = 1990 + self.rng.randrange(35)
        day = 1 + self.rng.randrange(28)
        if r == 0:
            return f"on {day} {self.pick(MONTHS)} {year}"
        if r == 1:
            return f"in {self.pick(MONTHS)} {year}"
        if r == 2:
            return f"on {self.pick(DAYS)}"
        if r == 3:
            return f"{self.rng.randrange(2, 12)} days later"
        if r == 4:
            return f"in {year}"
        return f"on {self.pick(MONTHS)} {day}"

    def phrase(self) -> str:
        return f"{self.pick(FILLER)} {self.pick(NOUNS)}"

    def sentence(self) -> str:
        r = self.rng.randrange(5)
        if r == 0:
            text = (f"{self.person()} {self.pick(VERBS)} {self.phrase()} in "
                    f"{self.pick(PLACES)} {self.when()}")
        elif r == 1:
            when = self.when()
            text = (f"{when[0].upper()}{when[1:]}, {self.pick(ORGS)} {self.pick(VERBS)} "
                    f"{self.phrase()} near {self.pick(PLACES)}")
        elif r == 2:
            text = (f"{self.pick(FILLER).capitalize()} {self.pick(NOUNS)} {self.pick(VERBS)} "
                    f"{self.phrase()} {self.pick(ADVERBS)}, said {self.person()}")
        elif r == 3:
            text = (f"The {self.pick(NOUNS)} of {self.pick(PLACES)} {self.pick(VERBS)} "
                    f"{self.phrase()} and {self.phrase()} {self.when()}")
        else:
            text = (f"{self.person()} and {self.person()} {self.pick(VERBS)} {self.phrase()}"
                    f" {self.pick(ADVERBS)}")
        return text + "."

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(3 + self.rng.randrange(6)))


def book_text(words: int, seed: int = 1) -> str:
    """About ``words`` words: chapters of paragraphs, one paragraph per line, blank lines
    between them (how books saved as plain text usually look)."""
    writer = _Writer(seed)
    parts: list[str] = []
    count = 0
    chapter = 0
    while count < words:
        if chapter == 0 or writer.rng.randrange(120) == 0:
            chapter += 1
            parts.append(f"Chapter {chapter}")
        paragraph = writer.paragraph()
        parts.append(paragraph)
        count += paragraph.count(" ") + 1
    return "\n\n".join(parts) + "\n"


def write_book(directory: Path, words: int, seed: int = 1) -> Path:
    """Write (or reuse) the book of ``words`` words in ``directory``; returns its path."""
    path = directory / f"book-{words}-{seed}.txt"
    if not path.exists():
        path.write_text(book_text(words, seed), encoding="utf-8")
    return path
