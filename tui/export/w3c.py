"""Notes as a W3C Web Annotation collection (JSON-LD), readable by any Web Annotation tool.

One ``AnnotationCollection`` whose ``first`` page embeds every ``Annotation`` (W3C Web Annotation
Data Model §5). Each annotation targets the article — its URL, else ``urn:sha256:<doc_id>`` —
with a ``TextQuoteSelector`` and a ``TextPositionSelector`` (code points, end exclusive). A note's
text is a ``TextualBody`` with purpose ``commenting``; each tag is a ``TextualBody`` with purpose
``tagging``; a plain highlight has motivation ``highlighting``. Fields the model has no term for
live under the ``gloss:`` prefix (``https://gloss.invalid/ns#``): ``gloss:docId``,
``gloss:category``, ``gloss:targetKind``, ``gloss:targetKey``, ``gloss:pathHint``.

Both selectors describe the article as it is now: a note re-attached to edited text quotes the
current wording at its new position, and keeps the words it was written on in
``gloss:originalExact``; an orphan keeps its quote, has no position, and says
``gloss:anchor: "orphaned"``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tui.analysis.model import Analysis
from tui.document.model import Document
from tui.export.common import (
    GLOSS_NS_IRI,
    GLOSS_PREFIX,
    current_quote,
    doc_urn,
    document_iri,
    document_title,
    name_uuid,
    now_utc,
    selected,
)
from tui.export.options import ExportOptions
from tui.store.model import Note

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
CONTEXT: list[Any] = [ANNO_CONTEXT, {GLOSS_PREFIX: GLOSS_NS_IRI}]
GENERATOR = {"id": "https://gloss.invalid/", "type": "Software", "name": "Gloss"}

DOC_ID = f"{GLOSS_PREFIX}:docId"
CATEGORY = f"{GLOSS_PREFIX}:category"
TARGET_KIND = f"{GLOSS_PREFIX}:targetKind"
TARGET_KEY = f"{GLOSS_PREFIX}:targetKey"
PATH_HINT = f"{GLOSS_PREFIX}:pathHint"
ORIGINAL_EXACT = f"{GLOSS_PREFIX}:originalExact"
ANCHOR = f"{GLOSS_PREFIX}:anchor"


def render(document: Document, notes: Sequence[Note], analysis: Analysis | None,
           options: ExportOptions) -> str:
    """The collection as pretty-printed JSON (UTF-8, not ASCII-escaped), ending in a newline."""
    del analysis  # the annotation model has no place for the analysis
    return json.dumps(collection(document, selected(notes, options), options),
                      ensure_ascii=False, indent=2) + "\n"


def collection(document: Document, notes: Sequence[Note],
               options: ExportOptions) -> dict[str, Any]:
    """The ``AnnotationCollection`` for one document, its single page embedded as ``first``."""
    items = _annotations(document, notes)
    return _collection(document.id, f"Notes on {document_title(document)}", items, options,
                       {DOC_ID: document.id})


def library_collection(articles: Sequence[tuple[Document, Sequence[Note]]],
                       options: ExportOptions) -> dict[str, Any]:
    """One ``AnnotationCollection`` of every article's notes, each targeting its article."""
    items = [item for document, notes in articles
             for item in _annotations(document, selected(notes, options))]
    key = "library:" + ",".join(sorted(document.id for document, _ in articles))
    return _collection(key, "Notes in the Gloss library", items, options)


def _annotations(document: Document, notes: Sequence[Note]) -> list[dict[str, Any]]:
    source = document_iri(document)
    return [annotation(note, source if note.doc_id == document.id else None, document.text)
            for note in notes]


def _collection(key: str, label: str, items: list[dict[str, Any]], options: ExportOptions,
                extra: dict[str, Any] | None = None) -> dict[str, Any]:
    collection_id = f"urn:uuid:{name_uuid('collection', key)}"
    return {
        "@context": CONTEXT,
        "id": collection_id,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(items),
        "generator": GENERATOR,
        "generated": now_utc(options).isoformat(timespec="seconds").replace("+00:00", "Z"),
        **(extra or {}),
        "first": {
            "id": f"urn:uuid:{name_uuid('page', key, '0')}",
            "type": "AnnotationPage",
            "partOf": collection_id,
            "startIndex": 0,
            "items": items,
        },
    }


def annotation(note: Note, source: str | None = None, text: str | None = None) -> dict[str, Any]:
    """One note as an ``Annotation``; ``source`` defaults to the note's document URN.

    With ``text`` (the article now) the quote is read from it at the note's position."""
    bodies: list[dict[str, Any]] = []
    if note.body:
        bodies.append({"type": "TextualBody", "value": note.body, "format": "text/plain",
                       "purpose": "commenting"})
    bodies.extend({"type": "TextualBody", "value": t, "purpose": "tagging"} for t in note.tags)

    target: dict[str, Any] = {"source": source or doc_urn(note.doc_id)}
    quote = note.quote if text is None else current_quote(note, text)
    position = None if note.anchor == "orphaned" else note.position
    selectors = [s.to_json() for s in (quote, position) if s is not None]
    if selectors:
        target["selector"] = selectors

    data: dict[str, Any] = {
        "id": f"urn:uuid:{note.id}",
        "type": "Annotation",
        "motivation": "highlighting" if note.is_highlight else "commenting",
        "created": note.created,
        "modified": note.modified,
    }
    if bodies:
        data["body"] = bodies
    data["target"] = target
    data[DOC_ID] = note.doc_id
    data[CATEGORY] = note.category
    data[TARGET_KIND] = note.target
    if note.target_key is not None:
        data[TARGET_KEY] = note.target_key
    if note.path_hint is not None:
        data[PATH_HINT] = note.path_hint
    if note.quote is not None and quote is not None and quote.exact != note.quote.exact:
        data[ORIGINAL_EXACT] = note.quote.exact
    if note.anchor == "orphaned":
        data[ANCHOR] = "orphaned"
    return data
