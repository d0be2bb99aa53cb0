"""Re-anchoring notes on a text that may have changed since they were written.

A note remembers its passage twice: by position and by quote with 32 characters of context.
When the article changes (a new version of the file, re-wrapped whitespace) we look for the
passage from the cheapest, surest evidence to the weakest:

1. the stored position still holds the quote with its context             → ``exact``
2. the quote with its full context occurs near the old position           → ``moved``
3. a close approximate match with its context near the old position       → ``fuzzy``
   (a typo fixed, a line re-wrapped: Myers' bit-parallel edit-distance search)
4. the quote occurs elsewhere: each occurrence is scored by its context   → ``exact``/``moved``
5. an approximate match where the quote's rarer words are now             → ``fuzzy``
6. nothing scores well enough                                              → ``orphaned``

Candidates are scored the way Hypothesis scores them: quote 50, prefix 20, suffix 20,
position 2. A weak candidate is rejected, so a note is never attached to the wrong text; an
orphan keeps its quote and can be re-attached by the reader.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cached_property

from tui.store.model import AnchorState, Note, TextPositionSelector, TextQuoteSelector

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50, 20, 20, 2
MIN_SCORE = 0.7  # weighted score a candidate needs to be trusted
MIN_QUOTE_SIMILARITY = 0.8  # fuzzy matches may differ in at most 20% of the quote
SELF_EVIDENT_LENGTH = 32  # an exact quote this long stands on its own, whatever its context
MAX_OCCURRENCES = 5000  # occurrences of a quote scored at most (the nearest to the old place)
RESCORED = 16  # best occurrences by adjacent context that get the full (slower) score
COMMON_WORD = 200  # a word more frequent than this does not suggest where a quote went
GUIDE_WORDS = 6  # rarest words of a quote used to guess where an edited quote went
NEAR = 65536  # how far from the old position the quote-with-context search looks
FUZZY_SLACK = 256  # the first fuzzy search covers the old place give or take this much
CONFIDENT_SCORE = 0.9  # an approximate match this good near the old place is taken at once
MAX_TIES = 8  # equally close approximate matches in one window compared by their context
# difflib's ratio of two unrelated 32-character stretches of English is ~0.3 (0.375 at the
# 90th percentile): only agreement above this level counts as similar context.
CHANCE_RATIO = 0.4
_WORD = re.compile(r"\w{4,}")


@dataclass(frozen=True)
class Anchor:
    """Where a quote was found, how, and how confidently (0..1)."""

    start: int
    end: int
    state: AnchorState
    score: float


def _common_prefix_len(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix_len(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i


def _myers(pattern: str, text: str, anchored: bool = False) -> list[int]:
    """Edit distances of ``pattern`` against substrings of ``text`` ending at each index.

    ``out[j]`` is the least distance to any ``text[i:j+1]`` (or, when ``anchored``, to
    ``text[0:j+1]``). Myers' bit-vector algorithm: one pass, O(len(text)) big-int steps.
    """
    m = len(pattern)
    peq: dict[str, int] = defaultdict(int)
    for i, ch in enumerate(pattern):
        peq[ch] |= 1 << i
    mask = (1 << m) - 1
    top = 1 << (m - 1)
    carry = 1 if anchored else 0
    pv, mv, score = mask, 0, m
    out = []
    for ch in text:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = ((((eq & pv) + pv) & mask) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = ((ph << 1) | carry) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
        out.append(score)
    return out


def _closest_spans(quote: str, text: str, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """The substrings of ``text[lo:hi]`` closest to ``quote``: (start, end, edit distance).

    Every span at the least distance is returned (a few at most), so the caller can let the
    context decide between, say, ending before or after a transposed letter.
    """
    if hi <= lo:
        return []
    ends = _myers(quote, text[lo:hi])
    distance = min(ends)
    spans = []
    for j in [j for j, d in enumerate(ends) if d == distance][:MAX_TIES]:
        end = lo + j + 1
        # Walk back from the end: distances of quote against text[start:end] for each start.
        left = max(lo, end - len(quote) - distance)
        starts = _myers(quote[::-1], text[left:end][::-1], anchored=True)
        spans += [(end - i - 1, end, distance) for i, d in enumerate(starts) if d == distance]
    return spans[:4 * MAX_TIES]


class Anchorer:
    """Finds notes' passages in one text; reuse it for all notes of a document."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def _words(self) -> dict[str, list[int]]:
        """Positions of each word of 4+ characters, built only when a fuzzy search needs it."""
        index: dict[str, list[int]] = defaultdict(list)
        for match in _WORD.finditer(self.text):
            index[match.group()].append(match.start())
        return index

    # -- scoring ----------------------------------------------------------------------------

    def _context(self, start: int, end: int, quote: TextQuoteSelector, full: bool) -> float:
        """How well the text around [start, end) agrees with the stored prefix and suffix."""
        text = self.text
        total = 0.0
        for expected, actual, weight, adjacent in (
            (quote.prefix, text[max(0, start - len(quote.prefix)):start], PREFIX_WEIGHT,
             _common_suffix_len),
            (quote.suffix, text[end:end + len(quote.suffix)], SUFFIX_WEIGHT,
             _common_prefix_len),
        ):
            if not expected:
                similarity = 1.0 if not actual else 0.5
            elif actual == expected:
                similarity = 1.0
            else:
                similarity = adjacent(expected, actual) / len(expected)
                if full:
                    ratio = SequenceMatcher(None, expected, actual, autojunk=False).ratio()
                    similarity = max(similarity, (ratio - CHANCE_RATIO) / (1.0 - CHANCE_RATIO))
            total += weight * similarity
        return total

    def _score(self, start: int, end: int, quote: TextQuoteSelector, quote_similarity: float,
               expected: int | None, full: bool = True) -> float:
        weights = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT
        total = QUOTE_WEIGHT * quote_similarity + self._context(start, end, quote, full)
        if expected is not None:
            weights += POSITION_WEIGHT
            distance = abs(start - expected) / max(1, len(self.text))
            total += POSITION_WEIGHT * (1.0 - min(1.0, distance))
        return total / weights

    # -- the search tiers ---------------------------------------------------------------------

    def locate(self, quote: TextQuoteSelector,
               position: TextPositionSelector | None = None) -> Anchor | None:
        """Where the quoted passage is now, or ``None`` if it cannot be found with confidence."""
        text, exact = self.text, quote.exact
        expected = position.start if position is not None else None
        if expected is not None and text.startswith(exact, expected):
            end = expected + len(exact)
            if (text.endswith(quote.prefix, 0, expected)
                    and text.startswith(quote.suffix, end)):
                return Anchor(expected, end, "exact", 1.0)
        found = self._with_context(quote, expected)
        if found is not None:
            return found
        if not exact:
            return None
        budget = int(round(len(exact) * (1.0 - MIN_QUOTE_SIMILARITY), 6))  # edits allowed
        near = self._near(quote, expected, budget)
        if near is not None and near.score >= CONFIDENT_SCORE:
            return near
        found = self._occurrences(quote, expected)
        if found is not None:
            return found
        return self._fuzzy(quote, expected, budget, near)

    def _with_context(self, quote: TextQuoteSelector, expected: int | None) -> Anchor | None:
        """The occurrence of prefix+quote+suffix nearest the old position, if it is near."""
        needle = quote.prefix + quote.exact + quote.suffix
        center = expected - len(quote.prefix) if expected is not None else 0
        hit = _nearest(self.text, needle, center, NEAR)
        if hit is None:
            return None
        start = hit + len(quote.prefix)
        state: AnchorState = "exact" if start == expected else "moved"
        return Anchor(start, start + len(quote.exact), state,
                      self._score(start, start + len(quote.exact), quote, 1.0, expected))

    def _occurrences(self, quote: TextQuoteSelector, expected: int | None) -> Anchor | None:
        """The best-scored occurrence of the bare quote, if its context makes it believable.

        One scan of the text; among occurrences with full context the nearest scores best.
        """
        text, exact = self.text, quote.exact
        hits: list[int] = []
        i = text.find(exact)
        while i != -1:
            hits.append(i)
            i = text.find(exact, i + 1)
        if not hits:
            return None
        if len(hits) > MAX_OCCURRENCES:
            center = expected or 0
            hits = heapq.nsmallest(MAX_OCCURRENCES, hits, key=lambda h: abs(h - center))
        m = len(exact)
        hits.sort(key=lambda h: -self._score(h, h + m, quote, 1.0, expected, full=False))
        scored = [(self._score(h, h + m, quote, 1.0, expected), h) for h in hits[:RESCORED]]
        score, start = max(scored, key=lambda s: (s[0], -s[1]))
        if score < MIN_SCORE and m < SELF_EVIDENT_LENGTH:
            return None
        state: AnchorState = "exact" if start == expected else "moved"
        return Anchor(start, start + m, state, score)

    def _near(self, quote: TextQuoteSelector, expected: int | None,
              budget: int) -> Anchor | None:
        """Local edits leave the passage about where it was: the best match around there."""
        if expected is None or budget == 0:
            return None
        m = len(quote.exact)
        return self._approximate(quote, expected, budget,
                                 expected - m - FUZZY_SLACK, expected + 2 * m + FUZZY_SLACK)

    def _fuzzy(self, quote: TextQuoteSelector, expected: int | None, budget: int,
               near: Anchor | None) -> Anchor | None:
        """The best approximate match, near the old place or where the rarer words went."""
        if budget == 0:
            return None
        m = len(quote.exact)
        found = [near] if near is not None else []
        for guess in self._guesses(quote, budget):
            match = self._approximate(quote, expected, budget, guess - budget - 8,
                                      guess + m + 2 * budget + 8)
            found += [match] if match is not None else []
        return max(found, key=lambda a: a.score, default=None)

    def _approximate(self, quote: TextQuoteSelector, expected: int | None, max_errors: int,
                     lo: int, hi: int) -> Anchor | None:
        """The best approximate match of the quote in ``text[lo:hi]``, if it is good enough."""
        best: Anchor | None = None
        for start, end, distance in _closest_spans(
                quote.exact, self.text, max(0, lo), min(len(self.text), hi)):
            if distance > max_errors:
                break
            score = self._score(start, end, quote, 1.0 - distance / len(quote.exact), expected)
            if score >= MIN_SCORE and (best is None or score > best.score):
                state: AnchorState = ("fuzzy" if distance else
                                      "exact" if start == expected else "moved")
                best = Anchor(start, end, state, score)
        return best

    def _guesses(self, quote: TextQuoteSelector, max_errors: int) -> list[int]:
        """Likely start positions: where the quote's rarer words are now."""
        words = self._words
        offsets: dict[str, int] = {}
        for match in _WORD.finditer(quote.exact):
            count = len(words.get(match.group(), ()))
            if 0 < count <= COMMON_WORD:
                offsets.setdefault(match.group(), match.start())
        guide = sorted(offsets, key=lambda w: len(words[w]))[:GUIDE_WORDS]
        votes: dict[int, set[str]] = defaultdict(set)
        for word in guide:
            for at in words[word]:
                votes[at - offsets[word]].add(word)
        # Starts suggested by different words agree only roughly once text was edited.
        guesses = sorted(votes)
        tolerance = max_errors + 8
        clusters: list[tuple[int, int]] = []  # (votes, start)
        i = 0
        while i < len(guesses):
            j = i
            agreeing: set[str] = set()
            while j < len(guesses) and guesses[j] - guesses[i] <= tolerance:
                agreeing |= votes[guesses[j]]
                j += 1
            clusters.append((len(agreeing), guesses[i]))
            i = j
        clusters.sort(key=lambda c: -c[0])
        return [start for _, start in clusters[:4]]

    def reanchor(self, note: Note) -> Note:
        """The note with its position and ``anchor`` state updated for this text."""
        if note.quote is None:
            return replace(note, anchor="exact")
        found = self.locate(note.quote, note.position)
        if found is None:
            return replace(note, anchor="orphaned")
        return replace(note, position=TextPositionSelector(found.start, found.end),
                       anchor=found.state)


def _nearest(text: str, needle: str, center: int, limit: int) -> int | None:
    """Start of the occurrence of ``needle`` nearest ``center``, searching outward to ``limit``."""
    n = len(text)
    radius = 1024
    while radius <= limit:
        lo, hi = max(0, center - radius), min(n, center + radius + len(needle))
        hits: list[int] = []
        i = text.find(needle, lo, hi)
        while i != -1 and len(hits) < 64:
            hits.append(i)
            i = text.find(needle, i + 1, hi)
        if hits:
            return min(hits, key=lambda h: (abs(h - center), h))
        if lo == 0 and hi == n:
            return None
        radius *= 8
    return None


def reanchor(note: Note, text: str) -> Note:
    return Anchorer(text).reanchor(note)


def reanchor_all(notes: Iterable[Note], text: str) -> list[Note]:
    """Re-anchor every note of a document against its current text."""
    anchorer = Anchorer(text)
    return [anchorer.reanchor(note) for note in notes]

