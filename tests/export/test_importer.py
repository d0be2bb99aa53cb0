"""Import: our export comes back identical; Hypothesis exports become notes."""

from __future__ import annotations

import json

import pytest

from tui.document.model import Document, Metadata
from tui.errors import GlossError
from tui.export import w3c
from tui.export.importer import claim_unbound, read_annotations
from tui.export.options import ExportOptions
from tui.store.model import Note


def test_round_trip_gives_identical_notes(document: Document, notes: list[Note],
                                          options: ExportOptions) -> None:
    result = read_annotations(w3c.render(document, notes, None, options))
    assert result.skipped == []
    assert sorted(result.notes, key=lambda n: n.id) == sorted(notes, key=lambda n: n.id)


def test_single_annotation_page_and_array_are_accepted(document: Document, notes: list[Note],
                                                       options: ExportOptions) -> None:
    data = json.loads(w3c.render(document, notes, None, options))
    page = data["first"]
    one = page["items"][0]
    assert len(read_annotations(json.dumps(page)).notes) == len(notes)
    assert len(read_annotations(json.dumps(page["items"])).notes) == len(notes)
    assert read_annotations(json.dumps(one)).notes[0].id == notes[3].id


HYPOTHESIS_EXPORT = {
    "export_date": "2025-08-09T08:00:00.000Z",
    "export_userid": "acct:reader@hypothes.is",
    "client_version": "1.1500.0",
    "annotations": [
        {
            "id": "AbC123xyz",
            "created": "2025-08-07T10:00:00.000000+00:00",
            "updated": "2025-08-07T11:00:00.000000+00:00",
            "user": "acct:reader@hypothes.is",
            "uri": "https://news.example/harbour-bridge",
            "text": "Was it really **three** months?",
            "tags": ["check", "repairs"],
            "group": "__world__",
            "target": [{
                "source": "https://news.example/harbour-bridge",
                "selector": [
                    {"type": "RangeSelector", "startContainer": "/div[1]/p[2]",
                     "startOffset": 0, "endContainer": "/div[1]/p[2]", "endOffset": 20},
                    {"type": "TextPositionSelector", "start": 93, "end": 117},
                    {"type": "TextQuoteSelector", "exact": "after three months of repairs",
                     "prefix": "reopened on 6 August 2025 ", "suffix": ", the city"},
                ],
            }],
            "document": {"title": ["Harbour bridge reopens"]},
        },
        {
            "id": "Reply1", "created": "2025-08-07T12:00:00+00:00",
            "updated": "2025-08-07T12:00:00+00:00", "text": "I agree",
            "references": ["AbC123xyz"], "target": [{"source": "https://news.example/x"}],
        },
        {
            "id": "Page1", "created": "2025-08-07T13:00:00+00:00",
            "updated": "2025-08-07T13:00:00+00:00", "text": "Good overview",
            "tags": [], "uri": "urn:sha256:" + "ab" * 32,
            "target": [{"source": "urn:sha256:" + "ab" * 32}],
        },
    ],
}


def test_hypothesis_export_becomes_notes() -> None:
    result = read_annotations(json.dumps(HYPOTHESIS_EXPORT))
    assert len(result.notes) == 2 and len(result.skipped) == 1  # the reply
    note, page = result.notes
    assert note.body == "Was it really **three** months?"
    assert note.tags == ("check", "repairs")
    assert note.quote is not None and note.quote.exact == "after three months of repairs"
    assert note.position is not None and (note.position.start, note.position.end) == (93, 117)
    assert note.doc_id == "" and note.path_hint == "https://news.example/harbour-bridge"
    assert note.created == "2025-08-07T10:00:00.000000+00:00"
    assert note.modified == "2025-08-07T11:00:00.000000+00:00"
    assert (page.target, page.doc_id, page.quote) == ("document", "ab" * 32, None)


def test_reimporting_a_hypothesis_file_keeps_the_same_ids() -> None:
    first = read_annotations(json.dumps(HYPOTHESIS_EXPORT)).notes
    again = read_annotations(json.dumps(HYPOTHESIS_EXPORT)).notes
    assert [n.id for n in first] == [n.id for n in again]


def test_h_jsonld_bodies_with_text_instead_of_value() -> None:
    anno = {
        "@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
        "id": "https://hypothes.is/a/Xyz", "created": "2025-01-01T00:00:00Z",
        "modified": "2025-01-02T00:00:00Z",
        "body": [{"type": "TextualBody", "text": "a comment", "format": "text/markdown"},
                 {"type": "TextualBody", "text": "tag1", "purpose": "tagging"}],
        "target": [{"source": "https://example.org/a",
                    "selector": [{"type": "TextQuoteSelector", "exact": "bridge"}]}],
    }
    (note,) = read_annotations(json.dumps(anno)).notes
    assert (note.body, note.tags, note.target) == ("a comment", ("tag1",), "passage")


def test_unbound_notes_are_claimed_by_the_matching_document(document: Document) -> None:
    (note, _) = read_annotations(json.dumps(HYPOTHESIS_EXPORT)).notes
    (claimed,) = claim_unbound([note], document)  # the URL matches
    assert claimed.doc_id == document.id and claimed.id == note.id
    other = Document(document.text, meta=Metadata(path="/elsewhere.txt"))
    assert claim_unbound([note], other)[0].doc_id == other.id  # the quote with context matches
    unrelated = Document("Nothing about bridges here, only three months.")
    assert claim_unbound([note], unrelated) == []


@pytest.mark.parametrize("text, message", [
    ("{not json", "not JSON"),
    ('"a string"', "not annotation JSON"),
    ('{"type": "Something"}', "not annotation JSON"),
    ('{"type": "AnnotationCollection", "first": "https://example.org/page1"}', "links"),
])
def test_bad_files_give_one_line_errors(text: str, message: str) -> None:
    with pytest.raises(GlossError, match=message) as error:
        read_annotations(text)
    assert "\n" not in str(error.value)


def test_empty_export_imports_nothing(document: Document, options: ExportOptions) -> None:
    assert read_annotations(w3c.render(document, [], None, options)).notes == []


def test_unusable_annotations_are_skipped_with_a_reason() -> None:
    bad = [{"type": "Annotation", "id": "urn:uuid:" + "1" * 8 + "-1111-4111-8111-" + "1" * 12,
            "target": {"source": "urn:x", "selector": [
                {"type": "TextPositionSelector", "start": 9, "end": 2}]}},
           {"type": "Annotation", "body": "no target"}]
    result = read_annotations(json.dumps(bad))
    assert result.notes == [] and len(result.skipped) == 2
    assert result.skipped_summary() == ("skipped 2 (1 with an unusable selector, "
                                        "1 without a usable target)")
