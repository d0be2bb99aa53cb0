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
from typing import Literal

from tui.analysis.model import Event
from tui.analysis.placement import place, sort_anchor
from tui.corpus.cast import Cast

Group = Literal["dated", "before", "after", "undated"]
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


def group_of(anchor: str | None) -> Group:
    if anchor is None:
        return "undated"
    if place(anchor) is not None:
        return "dated"
    return "before" if anchor == "PAST_REF" else "after" if anchor == "FUTURE_REF" else "undated"


def time_key(anchor: str | None) -> tuple[int, datetime, int, float]:
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
    for doc in cast.analyses if docs is None else docs:
        analysis = cast.analyses.get(doc)
        if analysis is None:
            continue
        for event in analysis.events:
            who = tuple(cast.participants(doc, event.participants))
            if entity is not None and entity not in who:
                continue
            found.append((Telling(doc, event, analysis.dct), who))
    return found


def ranks(anchors: Sequence[str | None]) -> list[int]:
    """1-based time rank of each anchor among the dated ones (equal dates share a rank);
    0 for anchors that are not dated."""
    dated = sorted({a for a in anchors if a is not None and group_of(a) == "dated"},
                   key=time_key)
    rank: dict[str, int] = {}
    previous: tuple[int, datetime, int, float] | None = None
    for anchor in dated:
        key = time_key(anchor)
        if key != previous:
            previous = key
            count = len(set(rank.values())) + 1
        rank[anchor] = count
    return [rank.get(a, 0) if a is not None else 0 for a in anchors]


def story(cast: Cast, docs: Iterable[str] | None = None,
          entity: str | None = None) -> list[StoryEntry]:
    """The merged timeline of the articles ``docs`` (default: all), or of one entity's events:
    dated entries in time order, then the vague and undated ones, each group in text order."""
    merged: dict[tuple[object, ...], list[tuple[Telling, tuple[str, ...]]]] = {}
    nouns: dict[str, list[tuple[set[str], list[tuple[Telling, tuple[str, ...]]]]]] = {}
    for telling, who in tellings(cast, docs, entity):
        event = telling.event
        if who and event.kind == "noun":  # the same noun with someone in common: one event
            groups = nouns.setdefault(event.lemma, [])
            joined = [g for g in groups if g[0] & set(who)]
            merged_group: tuple[set[str], list[tuple[Telling, tuple[str, ...]]]] = (
                set(who), [(telling, who)])
            for group in joined:  # it may bridge groups told apart so far
                groups.remove(group)
                merged_group[0].update(group[0])
                merged_group[1][:0] = group[1]
            groups.append(merged_group)
            continue
        key: tuple[object, ...]
        if who and event.anchor is not None:
            key = ("verb", event.lemma, frozenset(who), event.anchor)
        else:
            key = ("one", telling.doc, event.start)
        merged.setdefault(key, []).append((telling, who))
    items = [*merged.values(), *(g[1] for groups in nouns.values() for g in groups)]
    entries = [_entry(told) for told in items]
    entries.sort(key=lambda e: (time_key(e.anchor), e.sources[0].published or "",
                                e.sources[0].doc, e.sources[0].event.start))
    orders = ranks([e.anchor for e in entries])
    return [_with_order(e, o) for e, o in zip(entries, orders, strict=True)]


def _with_order(entry: StoryEntry, order: int) -> StoryEntry:
    from dataclasses import replace

    return replace(entry, order=order)


def _entry(items: list[tuple[Telling, tuple[str, ...]]]) -> StoryEntry:
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
    return StoryEntry(text, sources[0].event.lemma, participants, anchor, group_of(anchor), 0,
                      sources, conflict, tuple(dates), tuple(superseded))


def _length(value: str) -> float:
    placement = place(value)
    return (placement.hi - placement.lo).total_seconds() if placement else float("inf")
