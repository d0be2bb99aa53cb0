"""The article's timeline: one entry per distinct point or period, in calendar order.

Timexes with the same value (and the same part of it: "start of 2025" is not "2025") merge
into one entry; relational modifiers ("by 8/8", "about 2020") do not make a new point in time.
Durations join the entry of the date that governs the same clause, SETs are not points, and
references that cannot be placed on the calendar ("soon", "in the past") come last.

Each entry carries the event it dates: the clause the expression modifies, read off the
dependency parse and shortened to what a reader needs.

This module assembles the entries; placing values on the calendar and ordering them
(``placement``), wording them (``date_labels``) and reading events (``events``) live apart.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from tui.analysis.date_labels import label
from tui.analysis.events import EventReader
from tui.analysis.model import Relation, TimelineEntry, Timex
from tui.analysis.placement import (
    POSITIONAL_MODS,
    part_of,
    place,
    relation,
    sort_anchor,
    timeline_order,
)
from tui.analysis.temporal.context import Tense, token_tense

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The names callers import from here; each lives in the module that does its job.
__all__ = ["build_timeline", "label", "place", "sort_anchor", "timeline_order"]

_REF_RELATIONS: dict[str, Relation] = {
    "PAST_REF": "past", "PRESENT_REF": "present", "FUTURE_REF": "future"}


def _tense_relation(tense: Tense | None) -> Relation:
    return "past" if tense == "past" else "future" if tense == "future" else "present"


@dataclass
class _Group:
    value: str
    mod: str | None
    mentions: list[Timex] = field(default_factory=list)
    relational_mods: set[str | None] = field(default_factory=set)


def build_timeline(
    doc: Doc, timexes: Sequence[Timex], dct: date | None
) -> list[TimelineEntry]:
    """The timeline of ``doc``: placed entries in calendar order, then the vague ones.

    ``dct`` decides past/present/future; without it the tense of the dated clause does.
    """
    ordered = sorted(timexes, key=lambda t: (t.start, t.end))
    reader = EventReader(doc, ordered)
    groups: dict[tuple[str, str | None], _Group] = {}
    durations: list[Timex] = []
    for timex in ordered:
        if timex.type == "DURATION":
            durations.append(timex)
            continue
        if timex.type not in ("DATE", "TIME") or not timex.value:
            continue  # a SET recurs, and a timex without a value has nowhere to go
        positional = timex.mod if timex.mod in POSITIONAL_MODS else None
        group = groups.setdefault((timex.value, positional), _Group(timex.value, positional))
        group.mentions.append(timex)
        group.relational_mods.add(timex.mod if positional is None else None)
    attached = _attach_durations(doc, durations, groups.values())

    entries = [_entry(doc, reader, group, attached.get(id(group), []), dct)
               for group in groups.values()]
    return sorted(entries, key=timeline_order)


def _attach_durations(
    doc: Doc, durations: Sequence[Timex], groups: Iterable[_Group]
) -> dict[int, list[Timex]]:
    """Durations join the date governing the same clause ("arrived on 6/8 and held talks for
    three hours"); a duration without such a date is not a point in time and is left out."""
    from tui.analysis.temporal.context import governing_verb

    def clause_of(timex: Timex) -> set[int]:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or not len(span):
            return set()
        verb = governing_verb(span.root)
        if verb is None:
            return set()
        while verb.dep_ == "conj" and verb.head.i != verb.i:
            verb = verb.head
        return {verb.i} | {c.i for c in verb.children if c.dep_ == "conj"}

    clauses = [(group, clause_of(t)) for group in groups for t in group.mentions]
    attached: dict[int, list[Timex]] = {}
    for duration in durations:
        verbs = clause_of(duration)
        for group, clause in clauses:
            if verbs and verbs & clause:
                attached.setdefault(id(group), []).append(duration)
                break
    return attached


def _entry(
    doc: Doc, reader: EventReader, group: _Group, durations: Sequence[Timex], dct: date | None
) -> TimelineEntry:
    mentions = sorted([*group.mentions, *durations], key=lambda t: t.start)
    relational = group.relational_mods
    mod = group.mod or (next(iter(relational)) if len(relational) == 1 else None)
    events: list[str] = []
    for timex in group.mentions:
        text = reader.event(timex.start, timex.end)
        if text and text not in events:
            events.append(text)
    first = group.mentions[0]
    placement = place(group.value)
    if group.value in _REF_RELATIONS:
        rel = _REF_RELATIONS[group.value]
    elif placement is not None and dct is not None:
        rel = relation(*part_of(placement, group.mod), dct)
    else:
        span = doc.char_span(first.start, first.end, alignment_mode="expand")
        rel = _tense_relation(token_tense(span.root) if span is not None and len(span) else None)
    return TimelineEntry(
        value=group.value,
        label=label(group.value, mod, fallback=first.text),
        event=reader.informative(events),
        relation=rel,
        mentions=tuple((t.start, t.end) for t in mentions),
        sentence=reader.sentences.bounds(first.start, first.end),
        expressions=tuple(t.text for t in mentions),
        mod=mod,
        granularity=placement.granularity if placement else "vague",
        vague=placement is None,
        events=tuple(events),
    )
