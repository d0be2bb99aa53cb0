"""What a note attaches to, and how the editor names it: pure helpers for the reader screen.

Every keystroke in the editor is saved as a draft, keyed by ``Target.draft_key``, so a note
survives ``esc``, a crash or a closed terminal; the draft is offered back next time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from tui.analysis.model import Analysis
from tui.app import motions
from tui.document.model import Document

SUBJECT_CHARS = 100
Span = tuple[int, int]


@dataclass(frozen=True)
class Target:
    """What a note being written will attach to."""

    kind: str  # passage / entity / timeline / document
    key: str | None = None  # cluster name or timeline value
    start: int = 0
    end: int = 0
    note_id: str | None = None  # set when editing an existing note

    @property
    def draft_key(self) -> str:
        if self.note_id:
            return f"edit:{self.note_id}"
        if self.kind == "passage":
            return f"passage:{self.start}-{self.end}"
        return f"{self.kind}:{self.key or ''}"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> Target:
        """A target read back from a draft; anything unreadable means the whole document."""
        if not isinstance(data, dict):
            return cls("document")
        try:
            return cls(str(data.get("kind", "document")), data.get("key"),
                       int(data.get("start", 0)), int(data.get("end", 0)), data.get("note_id"))
        except (TypeError, ValueError):
            return cls("document")


def shorten(text: str, limit: int = SUBJECT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def passage_target(text: str, selection: Span | None, cursor: int,
                   sentences: Sequence[Span]) -> Target | None:
    """The selection, else the sentence (or paragraph) under the cursor; no trailing space."""
    if selection is None:
        selection = motions.span_containing(sentences, cursor)
        if selection is None:
            return None
    start, end = selection
    while end > start and text[end - 1].isspace():
        end -= 1
    return Target("passage", None, start, end)


def subject(target: Target, document: Document, analysis: Analysis | None) -> str:
    """The editor's title line: the passage quoted, or the entity, date or document."""
    if target.kind == "passage":
        return "“" + shorten(document.text[target.start:target.end]) + "”"
    if target.kind == "entity":
        return f"Entity: {target.key} (every mention)"
    if target.kind == "timeline":
        label = next((e.label for e in analysis.timeline if e.value == target.key),
                     target.key) if analysis else target.key
        return f"Timeline: {label}"
    return f"Whole document: {document.meta.title or 'this article'}"
