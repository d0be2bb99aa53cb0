"""W3C Web Annotation JSON (ours, Hypothesis exports, h JSON-LD) back into notes.

Accepted shapes: an ``AnnotationCollection`` (its embedded pages), an ``AnnotationPage``, one
``Annotation``, a JSON array of annotations, and the Hypothesis export
``{"export_date", "annotations": [...]}`` whose annotations carry ``text``, ``tags``,
``updated`` and ``target: [{"source", "selector": [...]}]``.

Our own export comes back unchanged: ids, selectors, body, tags, category, target and times.
Foreign annotations get a stable id (a name-based UUID of their original id, so importing the
same file twice updates instead of duplicating). Their document is found from a
``urn:sha256:<doc_id>`` source when there is one; otherwise the note keeps ``doc_id == ""`` and
the source URI as its path hint, and :func:`claim_unbound` binds it to the first opened document
whose URL or path matches the hint or whose text contains the quote with its context.
Replies (Hypothesis ``references``) are skipped: they annotate another note, not the text.
"""

from __future__ import annotations

import json
import re
import uuid
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, cast, get_args

from tui.document.model import Document
from tui.document.untrusted_json import BadJSON, parse_json
from tui.errors import GlossError
from tui.export.common import GLOSS_NS_IRI, GLOSS_PREFIX, GLOSS_UUID_NS
from tui.store.belonging import belongs
from tui.store.model import (
    CATEGORIES,
    Note,
    TargetKind,
    TextPositionSelector,
    TextQuoteSelector,
    now_iso,
    safe_quote,
)

_SHA256_URN = re.compile(r"urn:sha256:([0-9a-f]{64})", re.IGNORECASE)
_UUID_URN = re.compile(r"urn:uuid:([0-9a-f-]{36})", re.IGNORECASE)
_TARGET_KINDS: tuple[str, ...] = get_args(TargetKind)


# Why an annotation was left out: (one, many) as the summary line counts them.
REASONS: dict[str, tuple[str, str]] = {
    "reply": ("reply", "replies"),
    "target": ("without a usable target", "without a usable target"),
    "selector": ("with an unusable selector", "with an unusable selector"),
    "shape": ("not an annotation object", "not annotation objects"),
    "field": ("with a field of the wrong type", "with fields of the wrong type"),
}


class Skip(ValueError):
    """An annotation that cannot become a note; ``reason`` is a key of ``REASONS``."""

    def __init__(self, reason: str) -> None:
        super().__init__(REASONS[reason][0])
        self.reason = reason


@dataclass
class ImportResult:
    notes: list[Note] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one ``REASONS`` key per annotation left out

    def skipped_summary(self) -> str:
        """``"skipped 2 (1 reply, 1 without a usable target)"``, or "" when none was."""
        if not self.skipped:
            return ""
        counts = Counter(self.skipped)
        parts = [f"{n} {REASONS[key][0 if n == 1 else 1]}" for key, n in counts.items()]
        return f"skipped {len(self.skipped)} ({', '.join(parts)})"


def read_annotations(text: str) -> ImportResult:
    """Parse an export file's text; raises ``GlossError`` when it is not annotation JSON."""
    try:
        data = parse_json(text)
    except BadJSON as error:
        raise GlossError(f"not JSON: {error}") from None
    result = ImportResult()
    for item in _annotation_items(data):
        try:
            note = to_note(item)
        except Skip as skip:
            result.skipped.append(skip.reason)
            continue
        except (KeyError, TypeError, ValueError, RecursionError):
            result.skipped.append("field")
            continue
        if note is None:
            result.skipped.append("reply")
        else:
            result.notes.append(note)
    return result


def _annotation_items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if not isinstance(data, dict):
        raise GlossError("not annotation JSON: expected an object or an array")
    if isinstance(data.get("annotations"), list):  # Hypothesis export
        return cast(list[Any], data["annotations"])
    kinds = _types(data)
    if "AnnotationCollection" in kinds:
        page = data.get("first")
        if isinstance(page, str):
            raise GlossError("the collection's pages are links, not embedded; "
                             "download the pages and import them")
        if page is None and "items" in data:  # the annotations sit in the collection itself
            return _items(data, "collection")
        found: list[Any] = []
        while isinstance(page, dict):
            found.extend(_items(page, "page"))
            page = page.get("next")
        return found
    if "AnnotationPage" in kinds:
        return _items(data, "page")
    if "Annotation" in kinds or "target" in data:
        return [data]
    raise GlossError("not annotation JSON: no Annotation, AnnotationCollection or "
                     "Hypothesis 'annotations' list")


def _items(container: dict[str, Any], what: str) -> list[Any]:
    items = container.get("items", [])
    if not isinstance(items, list):
        raise GlossError(f"not annotation JSON: the {what}'s 'items' is not a list "
                         f"of annotations")
    return items


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("type", obj.get("@type"))
    values = kind if isinstance(kind, list) else [kind]
    return {str(v).removeprefix("oa:").removeprefix("as:") for v in values if v}


def _ours(obj: dict[str, Any], name: str) -> Any:
    """One of our ``gloss:`` fields, written either compacted or as a full IRI."""
    return obj.get(f"{GLOSS_PREFIX}:{name}", obj.get(GLOSS_NS_IRI + name))


def to_note(obj: Any) -> Note | None:
    """One annotation as a note; ``None`` for a reply. Raises ``Skip`` (or, for a field of the
    wrong type, ``KeyError``/``TypeError``/``ValueError``) when unusable."""
    if not isinstance(obj, dict):
        raise Skip("shape")
    if obj.get("references"):
        return None
    target = _first_target(obj.get("target"))
    if target is None:
        raise Skip("target")
    source = target.get("source") if isinstance(target, dict) else target
    source = source if isinstance(source, str) else obj.get("uri")
    quote, position = _selectors(target.get("selector") if isinstance(target, dict) else None)

    comments, tags = _bodies(obj)
    tags.extend(t for t in obj.get("tags", ()) or () if isinstance(t, str))  # Hypothesis
    text = obj.get("text")
    if isinstance(text, str) and text.strip():
        comments.insert(0, text)

    doc_id = _ours(obj, "docId")
    path_hint = _ours(obj, "pathHint")
    if not isinstance(doc_id, str):
        match = _SHA256_URN.fullmatch(source or "")
        doc_id = match[1].lower() if match else ""
        if not doc_id and path_hint is None:
            path_hint = source
    if not doc_id and not path_hint and quote is None:
        raise Skip("target")  # nothing could ever tie it to an article
    kind = _ours(obj, "targetKind")
    if kind not in _TARGET_KINDS:
        kind = "passage" if quote or position else "document"
    category = _ours(obj, "category")
    key = _ours(obj, "targetKey")
    created = _string(obj.get("created")) or now_iso()
    return Note(
        id=_note_id(obj),
        doc_id=doc_id,
        path_hint=path_hint if isinstance(path_hint, str) else None,
        quote=quote,
        position=position,
        body="\n\n".join(comments),
        tags=tuple(dict.fromkeys(t for t in tags if t.strip())),
        category=category if isinstance(category, str) and category else CATEGORIES[0],
        target=cast(TargetKind, kind),
        target_key=key if isinstance(key, str) else None,
        created=created,
        modified=_string(obj.get("modified")) or _string(obj.get("updated")) or created,
    )


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _first_target(target: Any) -> Any:
    """The target to use: the first one with selectors, else the first one."""
    targets = target if isinstance(target, list) else [target]
    targets = [t for t in targets if isinstance(t, (dict, str))]
    with_selector = [t for t in targets if isinstance(t, dict) and t.get("selector")]
    return (with_selector or targets or [None])[0]


def _selectors(raw: Any) -> tuple[TextQuoteSelector | None, TextPositionSelector | None]:
    quote: TextQuoteSelector | None = None
    position: TextPositionSelector | None = None
    for sel in raw if isinstance(raw, list) else [raw]:
        if not isinstance(sel, dict):
            continue
        kinds = _types(sel)
        if "TextQuoteSelector" in kinds and quote is None:
            exact = sel.get("exact")
            if not isinstance(exact, str):
                raise Skip("selector")
            quote = safe_quote(exact, _text(sel.get("prefix")), _text(sel.get("suffix")))
        elif "TextPositionSelector" in kinds and position is None:
            start, end = sel.get("start"), sel.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end
                    and bool not in (type(start), type(end))):
                raise Skip("selector")
            position = TextPositionSelector(start, end)
    return quote, position


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _bodies(obj: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Comment texts and tags from ``body`` (TextualBody ``value``, or h's older ``text``)."""
    raw = obj.get("body", [])
    comments: list[str] = []
    tags: list[str] = []
    for body in raw if isinstance(raw, list) else [raw]:
        if isinstance(body, str):  # a bare string body is a TextualBody's value in JSON-LD
            comments.append(body)
            continue
        if not isinstance(body, dict):
            continue
        value = body.get("value", body.get("text", body.get("chars")))
        if not isinstance(value, str):
            continue
        purposes = body.get("purpose", "commenting")
        purposes = purposes if isinstance(purposes, list) else [purposes]
        if "tagging" in purposes or "oa:tagging" in purposes:
            tags.append(value)
        else:
            comments.append(value)
    if obj.get("motivation") == "tagging" and comments and not tags:
        tags, comments = comments, []
    return comments, tags


def _note_id(obj: dict[str, Any]) -> str:
    raw = obj.get("id", obj.get("@id"))
    if isinstance(raw, str) and raw:
        match = _UUID_URN.fullmatch(raw)
        if match:
            return str(uuid.UUID(match[1]))
        return str(uuid.uuid5(GLOSS_UUID_NS, "import/" + raw))
    canonical = json.dumps(obj, sort_keys=True, ensure_ascii=False)
    return str(uuid.uuid5(GLOSS_UUID_NS, "import-content/" + canonical))


def claim_unbound(notes: Iterable[Note], document: Document) -> list[Note]:
    """Notes without a document (``doc_id == ""``) that belong to this one, bound to it.

    The rule is the store's (``tui.store.belonging``); positions are left for re-anchoring.
    """
    hints = {h for h in (document.meta.url, document.meta.path) if h}
    return [replace(note, doc_id=document.id) for note in notes
            if not note.doc_id and belongs(note, document.id, document.text, hints)]
