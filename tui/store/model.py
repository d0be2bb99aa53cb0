"""Notes as stored: W3C-style selectors, body, tags and where they attach.

Offsets are code points into ``Document.text`` (the W3C TextPositionSelector unit).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal, get_args
from uuid import uuid4

from tui.document.controls import has_controls, one_line, show_controls

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

    def __post_init__(self) -> None:
        """Every note is made safe here, whoever builds it (import, editor, a stored record):
        control characters become visible symbols, tags and the category stay on one line.
        A quote is cut from the article's text, which is safe already; an imported one is
        made safe by the importer (:func:`safe_quote`), and every view shows quotes through
        ``show_controls``."""
        lines = (self.category, *self.tags)
        texts = (self.body, self.doc_id, self.id, self.created, self.modified,
                 self.path_hint or "", self.target_key or "", *lines)
        if not has_controls("".join(texts)) and not any("\n" in t or "\t" in t for t in lines):
            return  # the common case: one scan
        set_ = object.__setattr__
        set_(self, "body", show_controls(self.body))
        set_(self, "tags", tuple(one_line(tag) for tag in self.tags))
        set_(self, "category", one_line(self.category))
        for name in ("doc_id", "id", "created", "modified", "path_hint", "target_key"):
            value = getattr(self, name)
            if value is not None:
                set_(self, name, one_line(value))

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
        """A stored record as a note; ``ValueError`` names the first field that is unusable."""
        if not isinstance(d, dict):
            raise ValueError("a note record must be an object")
        q, p = d.get("quote"), d.get("position")
        return cls(
            id=_text(d, "id", required=True), doc_id=_text(d, "doc_id", required=True),
            path_hint=_optional_text(d, "path_hint"),
            quote=_quote(q) if q else None,
            position=_position(p) if p else None,
            body=_text(d, "body"), tags=_tags(d.get("tags", ())),
            category=_text(d, "category") or CATEGORIES[0], target=_target(d.get("target")),
            target_key=_optional_text(d, "target_key"),
            created=_text(d, "created") or now_iso(), modified=_text(d, "modified") or now_iso(),
        )


_TARGET_KINDS: tuple[str, ...] = get_args(TargetKind)


def _text(d: dict[str, Any], key: str, *, required: bool = False) -> str:
    value = d.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"note field {key!r} must be text")
    return value


def _optional_text(d: dict[str, Any], key: str) -> str | None:
    value = d.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"note field {key!r} must be text or null")
    return value


def _tags(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(t, str) for t in value):
        raise ValueError("note field 'tags' must be a list of text")
    return tuple(value)


def _target(value: Any) -> TargetKind:
    if value is None:
        return "passage"
    if value not in _TARGET_KINDS:
        raise ValueError(f"note field 'target' must be one of {', '.join(_TARGET_KINDS)}")
    return value  # type: ignore[no-any-return]


def _quote(q: Any) -> TextQuoteSelector:
    if not isinstance(q, dict):
        raise ValueError("note field 'quote' must be an object")
    exact, prefix, suffix = q.get("exact"), q.get("prefix", ""), q.get("suffix", "")
    if not (isinstance(exact, str) and isinstance(prefix, str) and isinstance(suffix, str)):
        raise ValueError("note quote fields must be text")
    return TextQuoteSelector(exact, prefix, suffix)


def safe_quote(exact: str, prefix: str = "", suffix: str = "") -> TextQuoteSelector:
    """A quote read from outside, its control characters shown as the article shows them
    (lengths kept, so it still matches the text it was cut from)."""
    return TextQuoteSelector(show_controls(exact), show_controls(prefix), show_controls(suffix))


def _position(p: Any) -> TextPositionSelector:
    if not isinstance(p, dict):
        raise ValueError("note field 'position' must be an object")
    start, end = p.get("start"), p.get("end")
    if not (isinstance(start, int) and isinstance(end, int)) or bool in (type(start), type(end)):
        raise ValueError("note position must be whole numbers")
    if not 0 <= start <= end:
        raise ValueError("note position needs 0 <= start <= end")
    return TextPositionSelector(start, end)
