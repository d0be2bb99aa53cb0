"""Story timelines: the events of many articles, merged, placed and ordered.

The same event told by several articles becomes one entry that lists every telling. An event
noun ("the summit") sharing a participant is the same event whatever date each article
gives it: when the dates disagree the entry is flagged as a conflict and keeps every date, and
the anchor is the date most sources give (never an average). A date moved by a rescheduling
verb ("postponed to 14 March") replaces the dates of the articles published before it. A verb
is one event across articles only with the same participants *and* the same anchor ("unveiled"
the same day), since people do the same thing more than once. Events before or after
publication without a date, and undated ones, are grouped after the dated entries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Literal, NamedTuple

from tui.analysis.model import Event
from tui.analysis.placement import Placement, sort_anchor
from tui.analysis.placement import place as _place
from tui.corpus.cast import Cast

Group = Literal["dated", "before", "after", "undated"]
TimeKey = tuple[int, datetime, int, float]
_DATED = ("timex", "rescheduled")


@dataclass(frozen=True)
class Telling:
    """One article's mention of an event: where it is and the date that article gives."""

    doc: str
    event: Event
    published: str | None  # the article's DCT, which orders tellings of a rescheduled event


@dataclass(frozen=True)
class StoryEntry:
    """One event of the story, with every article that tells it."""

    text: str  # the head word as most sources write it
    lemma: str
    participants: tuple[str, ...]  # library entity ids
    anchor: str | None
    group: Group
    order: int  # 1-based rank among dated entries (equal = same time); 0 when not dated
    sources: tuple[Telling, ...]
    conflict: bool = False  # the sources give dates that cannot all be true
    dates: tuple[str, ...] = ()  # every date the current sources give, most given first
    superseded: tuple[str, ...] = ()  # dates replaced by a later rescheduling

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(t.doc for t in self.sources))


@lru_cache(maxsize=8192)
def place(value: str) -> Placement | None:
    """``placement.place``, remembered: a story repeats the same few dates thousands of times."""
    return _place(value)


def group_of(anchor: str | None) -> Group:
    if anchor is None:
        return "undated"
    if place(anchor) is not None:
        return "dated"
    return "before" if anchor == "PAST_REF" else "after" if anchor == "FUTURE_REF" else "undated"


@lru_cache(maxsize=8192)
def time_key(anchor: str | None) -> TimeKey:
    """Where an anchor sorts: dated ones by ``sort_anchor``, then before, after publication,
    then the undated."""
    placement = place(anchor) if anchor else None
    if placement is None:
        return {"before": 1, "after": 2}.get(group_of(anchor), 3), datetime.min, 0, 0.0
    return (0, *sort_anchor(placement, None))


def compatible(a: str, b: str) -> bool:
    """Whether two dates can both be right: one lies within the other (March and 14 March)."""
    pa, pb = place(a), place(b)
    if pa is None or pb is None:
        return a == b
    return pa.lo <= pb.lo and pb.hi <= pa.hi or pb.lo <= pa.lo and pa.hi <= pb.hi


def tellings(cast: Cast, docs: Iterable[str] | None = None,
             entity: str | None = None) -> list[tuple[Telling, tuple[str, ...]]]:
    """Each event of the articles (all, or ``docs``) with its library participants; with
    ``entity``, only the events it takes part in."""
    found = []
    if entity is not None:  # only the events of its article clusters
        wanted = None if docs is None else set(docs)
        for doc, index in cast.events_of(entity):
            if wanted is not None and doc not in wanted:
                continue
            told = cast.analyses[doc]
            event = told.events[index]
            found.append((Telling(doc, event, told.dct),
                          tuple(cast.participants(doc, event.participants))))
        return found
    for doc in cast.analyses if docs is None else docs:
        analysis = cast.analyses.get(doc)
        if analysis is None:
            continue
        for event in analysis.events:
            found.append((Telling(doc, event, analysis.dct),
                          tuple(cast.participants(doc, event.participants))))
    return found


def ranks(anchors: Sequence[str | None]) -> list[int]:
    """1-based time rank of each anchor among the dated ones (equal dates share a rank);
    0 for anchors that are not dated."""
    dated = sorted({a for a in anchors if a is not None and group_of(a) == "dated"},
                   key=time_key)
    rank: dict[str, int] = {}
    previous: TimeKey | None = None
    for anchor in dated:
        key = time_key(anchor)
        if key != previous:
            previous = key
            count = len(set(rank.values())) + 1
        rank[anchor] = count
    return [rank.get(a, 0) if a is not None else 0 for a in anchors]


_Told = tuple[Telling, tuple[str, ...]]


class _Draft(NamedTuple):
    """An entry before its rank is known."""

    text: str
    lemma: str
    participants: tuple[str, ...]
    anchor: str | None
    sources: tuple[Telling, ...]
    conflict: bool = False
    dates: tuple[str, ...] = ()
    superseded: tuple[str, ...] = ()

    def entry(self, order: int) -> StoryEntry:
        return StoryEntry(self.text, self.lemma, self.participants, self.anchor,
                          group_of(self.anchor), order, self.sources, self.conflict,
                          self.dates, self.superseded)


def story(cast: Cast, docs: Iterable[str] | None = None,
          entity: str | None = None) -> list[StoryEntry]:
    """The merged timeline of the articles ``docs`` (default: all), or of one entity's events:
    dated entries in time order, then the vague and undated ones, each group in text order."""
    merged: dict[tuple[object, ...], list[_Told]] = {}
    nouns = _NounGroups()
    for told in tellings(cast, docs, entity):
        telling, who = told
        event = telling.event
        if who and event.kind == "noun":  # the same noun with someone in common: one event
            nouns.add(event.lemma, told)
            continue
        key: tuple[object, ...]
        if who and event.anchor is not None:
            key = ("verb", event.lemma, frozenset(who), event.anchor)
        else:
            key = ("one", telling.doc, event.start)
        merged.setdefault(key, []).append(told)
    drafts = [_draft(items) for items in (*merged.values(), *nouns.groups())]
    drafts.sort(key=lambda d: (time_key(d.anchor), d.sources[0].published or "",
                               d.sources[0].doc, d.sources[0].event.start))
    orders = ranks([d.anchor for d in drafts])
    return [d.entry(o) for d, o in zip(drafts, orders, strict=True)]


class _NounGroups:
    """Tellings of event nouns grouped by lemma and shared participants, transitively."""

    def __init__(self) -> None:
        self.parent: list[int] = []
        self.items: list[_Told] = []
        self.owner: dict[tuple[str, str], int] = {}  # (lemma, participant) → a telling

    def _root(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def add(self, lemma: str, told: _Told) -> None:
        i = len(self.items)
        self.items.append(told)
        self.parent.append(i)
        for participant in told[1]:
            other = self.owner.setdefault((lemma, participant), i)
            if other != i:
                self.parent[self._root(other)] = self._root(i)

    def groups(self) -> list[list[_Told]]:
        found: dict[int, list[_Told]] = {}
        for i, told in enumerate(self.items):
            found.setdefault(self._root(i), []).append(told)
        return list(found.values())


def _draft(items: list[_Told]) -> _Draft:
    if len(items) == 1:  # most events are told once
        telling, who = items[0]
        event = telling.event
        on_date = event.placement in _DATED and event.anchor is not None
        return _Draft(event.text, event.lemma, who, event.anchor, (telling,),
                      dates=(event.anchor,) if on_date and event.anchor else ())
    sources = tuple(sorted((t for t, _ in items),
                           key=lambda t: (t.published or "", t.doc, t.event.start)))
    participants = tuple(dict.fromkeys(p for _, who in items for p in who))
    text = Counter(t.event.text for t in sources).most_common(1)[0][0]
    dated = [t for t in sources if t.event.placement in _DATED and t.event.anchor]
    superseded: list[str] = []
    conflict = False
    dates: list[str] = []
    if dated:
        moved = [t for t in dated if t.event.placement == "rescheduled"]
        current = dated
        if moved:
            since = max(t.published or "" for t in moved)
            current = [t for t in dated if (t.published or "") >= since]
            superseded = list(dict.fromkeys(
                t.event.anchor for t in dated if t not in current and t.event.anchor
                and not any(compatible(t.event.anchor, c.event.anchor or "") for c in current)))
        counts = Counter(t.event.anchor for t in current if t.event.anchor)
        dates = [d for d, _ in counts.most_common()]
        conflict = any(not compatible(a, b) for a in dates for b in dates)
        if conflict:  # the date most sources give, the newest source breaking a tie
            newest = {t.event.anchor: t.published or "" for t in current}
            anchor: str | None = max(dates, key=lambda d: (counts[d], newest[d]))
        else:  # the most precise of dates that agree
            anchor = min(dates, key=lambda d: _length(d))
    else:
        anchor = sources[0].event.anchor
    return _Draft(text, sources[0].event.lemma, participants, anchor, sources, conflict,
                  tuple(dates), tuple(superseded))


def _length(value: str) -> float:
    placement = place(value)
    return (placement.hi - placement.lo).total_seconds() if placement else float("inf")
