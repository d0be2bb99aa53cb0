"""W3C Web Annotation export: the data model's required shape, selectors that match the text."""

from __future__ import annotations

import json
from typing import Any

from tui.document.model import Document, Metadata
from tui.export import w3c
from tui.export.options import ExportOptions
from tui.store.model import Note


def items(data: dict[str, Any]) -> list[dict[str, Any]]:
    page = data["first"]
    assert page["type"] == "AnnotationPage" and page["partOf"] == data["id"]
    result: list[dict[str, Any]] = page["items"]
    return result


def test_collection_has_the_required_keys(document: Document, notes: list[Note],
                                          options: ExportOptions) -> None:
    data = json.loads(w3c.render(document, notes, None, options))
    assert data["@context"] == ["http://www.w3.org/ns/anno.jsonld",
                                {"gloss": "https://gloss.invalid/ns#"}]
    assert data["type"] == "AnnotationCollection"
    assert data["id"].startswith("urn:uuid:") and data["total"] == len(notes)
    assert len(items(data)) == len(notes)


def test_every_annotation_follows_the_data_model(document: Document, notes: list[Note],
                                                  options: ExportOptions) -> None:
    data = json.loads(w3c.render(document, notes, None, options))
    for anno in items(data):
        assert anno["type"] == "Annotation"
        assert anno["id"].startswith("urn:uuid:")
        assert anno["motivation"] in {"commenting", "highlighting"}
        assert anno["created"] and anno["modified"]
        assert anno["target"]["source"] == "https://news.example/harbour-bridge"
        for body in anno.get("body", []):
            assert body["type"] == "TextualBody" and isinstance(body["value"], str)
            assert body["purpose"] in {"commenting", "tagging"}
        unprefixed = set(anno) - {"id", "type", "motivation", "created", "modified", "body",
                                  "target"}
        assert all(key.startswith("gloss:") for key in unprefixed)


def test_selectors_match_the_text(document: Document, notes: list[Note],
                                  options: ExportOptions) -> None:
    data = json.loads(w3c.render(document, notes, None, options))
    checked = 0
    for anno in items(data):
        selectors = {s["type"]: s for s in anno["target"].get("selector", [])}
        if not selectors:
            continue
        quote, position = selectors["TextQuoteSelector"], selectors["TextPositionSelector"]
        start, end = position["start"], position["end"]
        assert quote["exact"] == document.text[start:end]
        assert end - start == len(quote["exact"])
        assert document.text[:start].endswith(quote["prefix"])
        assert document.text[end:].startswith(quote["suffix"])
        checked += 1
    assert checked == 4


def test_highlight_note_and_tags(document: Document, notes: list[Note],
                                 options: ExportOptions) -> None:
    data = json.loads(w3c.render(document, notes, None, options))
    by_id = {a["id"].removeprefix("urn:uuid:"): a for a in items(data)}
    highlight = by_id[notes[1].id]
    assert highlight["motivation"] == "highlighting" and "body" not in highlight
    commented = by_id[notes[0].id]
    assert commented["body"][0] == {"type": "TextualBody", "value": notes[0].body,
                                    "format": "text/plain", "purpose": "commenting"}
    assert [b["value"] for b in commented["body"] if b["purpose"] == "tagging"] == \
        ["fact check", "2025", "bridge/infra"]
    assert commented["gloss:category"] == "question"
    entity = by_id[notes[4].id]
    assert (entity["gloss:targetKind"], entity["gloss:targetKey"]) == ("entity", "Ana Lima")


def test_document_without_url_is_named_by_its_hash(notes: list[Note],
                                                  options: ExportOptions) -> None:
    document = Document("A short text about a bridge.", meta=Metadata(title="Bridge"))
    note = Note.on_passage(document.id, document.text, 2, 7)
    data = json.loads(w3c.render(document, [note], None, options))
    assert items(data)[0]["target"]["source"] == f"urn:sha256:{document.id}"
