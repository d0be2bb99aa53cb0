"""The loaded article: cleaned text, its block structure and its metadata.

Every span elsewhere in Gloss is a (start, end) pair of code-point offsets into
``Document.text``; the document id is the SHA-256 of that text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "caption"]
DateOrder = Literal["DMY", "MDY", "YMD"]


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or caption: ``text[start:end]``, no trailing newline."""

    start: int
    end: int
    kind: BlockKind = "paragraph"

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "kind": self.kind}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Block:
        return cls(int(data["start"]), int(data["end"]), data.get("kind", "paragraph"))


@dataclass(frozen=True)
class Metadata:
    """What is known about the article besides its text; every field is optional."""

    title: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date "YYYY-MM-DD" (or full ISO datetime)
    published_from: str | None = None  # where the date came from: "metadata", "filename", ...
    date_order: DateOrder | None = None
    author: str | None = None
    sources: tuple[str, ...] = ()
    url: str | None = None
    path: str | None = None  # a hint only; the id is what identifies the document
    encoding: str = "utf-8"
    encoding_assumed: bool = False  # True when the encoding was guessed, not declared/valid UTF-8
    warnings: tuple[str, ...] = ()  # one line each: what was set aside while loading (a sidecar)

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["sources"] = list(self.sources)
        data["warnings"] = list(self.warnings)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Metadata:
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        values["sources"] = tuple(values.get("sources") or ())
        values["warnings"] = tuple(values.get("warnings") or ())
        return cls(**values)


def document_id(text: str) -> str:
    """SHA-256 of the cleaned text: annotations and cached analyses key on it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Document:
    """A cleaned article: ``text`` is its blocks joined by a blank line (``"\\n\\n"``).

    Block ``i`` is ``text[blocks[i].start:blocks[i].end]`` and holds no newline; the text
    holds no control character but ``\\n`` and ``\\t`` (see ``tui.document.controls``).
    """

    text: str
    blocks: tuple[Block, ...] = ()
    meta: Metadata = field(default_factory=Metadata)

    @cached_property
    def id(self) -> str:
        return document_id(self.text)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "blocks": [b.to_json() for b in self.blocks],
            "meta": self.meta.to_json(),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        return cls(
            text=data["text"],
            blocks=tuple(Block.from_json(b) for b in data.get("blocks", ())),
            meta=Metadata.from_json(data.get("meta", {})),
        )
