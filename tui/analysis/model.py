"""What analysis produces: plain, JSON-serializable records keyed by code-point offsets.

``Analysis`` is what ``gloss analyze`` prints and what the analysis cache stores; it carries
the pipeline and analysis versions so a stale cached copy is recomputed, never trusted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from tui.analysis.version import analysis_version

Relation = Literal["past", "present", "future"]
Source = Literal["metadata", "flag", "filename", "inferred", "assumed", "user"]


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    text: str
    label: str
    cluster: int  # index into Analysis.clusters

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text,
                "label": self.label, "cluster": self.cluster}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Entity:
        return cls(d["start"], d["end"], d["text"], d["label"], d["cluster"])


@dataclass(frozen=True)
class Cluster:
    """One real-world entity: every mention that refers to it shares the cluster id."""

    id: int
    name: str  # canonical name, e.g. "Donald Trump" (no titles or roles)
    label: str
    mentions: int

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "label": self.label, "mentions": self.mentions}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Cluster:
        return cls(d["id"], d["name"], d["label"], d["mentions"])


@dataclass(frozen=True)
class Timex:
    """A TIMEX3 temporal expression: type DATE/TIME/DURATION/SET and a normalized value."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    anchor: str | None = None  # what it was resolved against: "dct", "previous", None if absolute

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text,
                             "type": self.type, "value": self.value}
        if self.mod:
            d["mod"] = self.mod
        if self.anchor:
            d["anchor"] = self.anchor
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Timex:
        return cls(d["start"], d["end"], d["text"], d["type"], d["value"],
                   d.get("mod"), d.get("anchor"))


@dataclass(frozen=True)
class TimelineEntry:
    """One distinct point or period in time, with the event it dates."""

    value: str  # TIMEX3 value, e.g. "2025-08-06", "2025-W33", "FUTURE_REF"
    label: str  # human date, e.g. "Wed 6 Aug 2025", "week of 11 Aug 2025"
    event: str  # the clause the expression modifies, shortened
    relation: Relation
    mentions: tuple[tuple[int, int], ...]  # timex spans, in text order
    sentence: tuple[int, int]  # the sentence of the first mention, for jumping
    expressions: tuple[str, ...] = ()  # the original wordings, e.g. ("on 8/8", "by 8/8")
    mod: str | None = None
    granularity: str = "day"  # century/decade/year/season/quarter/month/week/day/time/vague
    vague: bool = False
    events: tuple[str, ...] = ()  # one event per distinct dated clause, in text order

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"value": self.value, "label": self.label, "event": self.event,
                             "relation": self.relation,
                             "mentions": [list(m) for m in self.mentions],
                             "sentence": list(self.sentence),
                             "expressions": list(self.expressions),
                             "granularity": self.granularity, "vague": self.vague,
                             "events": list(self.events)}
        if self.mod:
            d["mod"] = self.mod
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> TimelineEntry:
        return cls(
            value=d["value"], label=d["label"], event=d["event"], relation=d["relation"],
            mentions=tuple((int(a), int(b)) for a, b in d["mentions"]),
            sentence=(int(d["sentence"][0]), int(d["sentence"][1])),
            expressions=tuple(d.get("expressions", ())), mod=d.get("mod"),
            granularity=d.get("granularity", "day"), vague=bool(d.get("vague", False)),
            events=tuple(d.get("events", ())),
        )


Placement = Literal["timex", "rescheduled", "narrative", "publication", "before", "after",
                    "unplaced"]


@dataclass(frozen=True)
class Event:
    """Something that happens, as one word of the text: the head verb or event noun.

    ``participants`` are the clusters that are its subject, object or close arguments;
    ``anchor`` is a TIMEX3 value: the date that governs it (``placement`` "timex", with the
    date's span in ``timex``; "rescheduled" when a verb such as "postponed" moved it to that
    date; "narrative" for an undated past event after a sentence that dated the story's
    scene, placed on that day), the publication date ("publication"), ``PAST_REF`` or
    ``FUTURE_REF`` for before or after it, or None when nothing places it ("unplaced").
    """

    start: int
    end: int
    text: str
    lemma: str
    kind: Literal["verb", "noun"]
    participants: tuple[int, ...] = ()  # indices into Analysis.clusters
    anchor: str | None = None
    placement: Placement = "unplaced"
    timex: tuple[int, int] | None = None

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "lemma": self.lemma,
                "kind": self.kind, "participants": list(self.participants),
                "anchor": self.anchor, "placement": self.placement,
                "timex": list(self.timex) if self.timex else None}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Event:
        timex = d.get("timex")
        return cls(d["start"], d["end"], d["text"], d.get("lemma", d["text"]),
                   d.get("kind", "verb"), tuple(int(c) for c in d.get("participants", ())),
                   d.get("anchor"), d.get("placement", "unplaced"),
                   (int(timex[0]), int(timex[1])) if timex else None)


@dataclass(frozen=True)
class Analysis:
    doc_id: str
    entities: tuple[Entity, ...] = ()
    clusters: tuple[Cluster, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()
    timexes: tuple[Timex, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    dct: str | None = None  # ISO date the relative expressions were resolved against
    dct_source: Source = "assumed"
    date_order: str = "DMY"
    date_order_source: Source = "assumed"
    model: str = ""
    model_version: str = ""
    # a hash of the analysis code (tui.analysis.version): a change of rules recomputes caches
    analysis_version: str = field(default_factory=analysis_version)
    warnings: tuple[str, ...] = field(default=())
    events: tuple[Event, ...] = ()  # ordered by anchor, then text order

    def to_json(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "entities": [e.to_json() for e in self.entities],
            "clusters": [c.to_json() for c in self.clusters],
            "sentences": [list(s) for s in self.sentences],
            "timexes": [t.to_json() for t in self.timexes],
            "timeline": [t.to_json() for t in self.timeline],
            "dct": self.dct, "dct_source": self.dct_source,
            "date_order": self.date_order, "date_order_source": self.date_order_source,
            "model": self.model, "model_version": self.model_version,
            "analysis_version": self.analysis_version,
            "warnings": list(self.warnings),
            "events": [e.to_json() for e in self.events],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Analysis:
        return cls(
            doc_id=d["doc_id"],
            entities=tuple(Entity.from_json(e) for e in d.get("entities", ())),
            clusters=tuple(Cluster.from_json(c) for c in d.get("clusters", ())),
            sentences=tuple((int(a), int(b)) for a, b in d.get("sentences", ())),
            timexes=tuple(Timex.from_json(t) for t in d.get("timexes", ())),
            timeline=tuple(TimelineEntry.from_json(t) for t in d.get("timeline", ())),
            dct=d.get("dct"), dct_source=d.get("dct_source", "assumed"),
            date_order=d.get("date_order", "DMY"),
            date_order_source=d.get("date_order_source", "assumed"),
            model=d.get("model", ""), model_version=d.get("model_version", ""),
            analysis_version=d.get("analysis_version", ""),
            warnings=tuple(d.get("warnings", ())),
            events=tuple(Event.from_json(e) for e in d.get("events", ())),
        )
