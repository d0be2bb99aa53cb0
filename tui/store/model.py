"""Notes as stored: W3C-style selectors, body, tags and where they attach.

Offsets are code points into ``Document.text`` (the W3C TextPositionSelector unit).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal
from uuid import uuid4

TargetKind = Literal["passage", "entity", "timeline", "document"]
AnchorState = Literal["exact", "moved", "fuzzy", "orphaned"]
QUOTE_CONTEXT = 32  # characters of prefix/suffix kept with a quote, as Hypothesis does

# Highlight categories picked with 1-8; index 0 is the default.
CATEGORIES = (
    "highlight", "important", "question", "disputed", "evidence", "follow-up", "quote", "idea",
)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class TextQuoteSelector:
    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_text(cls, text: str, start: int, end: int) -> TextQuoteSelector:
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - QUOTE_CONTEXT):start],
            suffix=text[end:end + QUOTE_CONTEXT],
        )

    def to_json(self) -> dict[str, Any]:
        return {"type": "TextQuoteSelector", "exact": self.exact,
                "prefix": self.prefix, "suffix": self.suffix}


@dataclass(frozen=True)
class TextPositionSelector:
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        return {"type": "TextPositionSelector", "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Note:
    """One annotation. ``body`` empty means a plain highlight."""

    doc_id: str
    quote: TextQuoteSelector | None  # None for a whole-document note
    position: TextPositionSelector | None
    body: str = ""
    tags: tuple[str, ...] = ()
    category: str = CATEGORIES[0]
    target: TargetKind = "passage"
    # cluster name for entity notes, timeline value for timeline notes
    target_key: str | None = None
    path_hint: str | None = None
    id: str = field(default_factory=lambda: str(uuid4()))
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)
    anchor: AnchorState = "exact"  # set by re-anchoring against the current text; not stored
    # The store's count of writes to this note (kept beside the record, not in ``to_json``):
    # a copy of Gloss compares it to learn whether another copy changed the note since.
    revision: int = field(default=0, compare=False)

    @classmethod
    def on_passage(cls, doc_id: str, text: str, start: int, end: int, **kw: Any) -> Note:
        return cls(doc_id=doc_id, quote=TextQuoteSelector.from_text(text, start, end),
                   position=TextPositionSelector(start, end), **kw)

    def edited(self, **changes: Any) -> Note:
        return replace(self, modified=now_iso(), **changes)

    @property
    def is_highlight(self) -> bool:
        return not self.body.strip()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "doc_id": self.doc_id, "path_hint": self.path_hint,
            "quote": self.quote.to_json() if self.quote else None,
            "position": self.position.to_json() if self.position else None,
            "body": self.body, "tags": list(self.tags), "category": self.category,
            "target": self.target, "target_key": self.target_key,
            "created": self.created, "modified": self.modified,
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Note:
        q, p = d.get("quote"), d.get("position")
        return cls(
            id=d["id"], doc_id=d["doc_id"], path_hint=d.get("path_hint"),
            quote=TextQuoteSelector(q["exact"], q.get("prefix", ""), q.get("suffix", ""))
            if q else None,
            position=TextPositionSelector(int(p["start"]), int(p["end"])) if p else None,
            body=d.get("body", ""), tags=tuple(d.get("tags", ())),
            category=d.get("category", CATEGORIES[0]), target=d.get("target", "passage"),
            target_key=d.get("target_key"), created=d.get("created", now_iso()),
            modified=d.get("modified", now_iso()),
        )
