"""A note record from outside (a DB written by hand, another version, an import) is checked
field by field, and no note ever holds a character a terminal would act on."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tui.document.controls import has_controls
from tui.store.model import Note

GOOD: dict[str, Any] = {
    "id": "n1", "doc_id": "ab" * 32, "path_hint": None,
    "quote": {"type": "TextQuoteSelector", "exact": "bridge", "prefix": "", "suffix": ""},
    "position": {"type": "TextPositionSelector", "start": 4, "end": 10},
    "body": "text", "tags": ["a"], "category": "highlight", "target": "passage",
    "target_key": None, "created": "2025-08-07T10:00:00+00:00",
    "modified": "2025-08-07T10:00:00+00:00",
}


@pytest.mark.parametrize(("field", "value"), [
    ("doc_id", 5), ("id", None), ("body", ["x"]), ("tags", "abc"), ("tags", [1]),
    ("category", 3), ("target", "elsewhere"), ("target_key", 7), ("created", 1.5),
    ("path_hint", {}), ("quote", "bridge"), ("quote", {"exact": 5}),
    ("position", [4, 10]), ("position", {"start": "4", "end": 10}),
    ("position", {"start": True, "end": 10}), ("position", {"start": 9, "end": 2}),
    ("position", {"start": -1, "end": 2}),
])
def test_a_field_of_the_wrong_type_is_refused_with_its_name(field: str, value: object) -> None:
    with pytest.raises(ValueError, match="note"):
        Note.from_json({**GOOD, field: value})


def test_a_record_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(ValueError):
        Note.from_json([1, 2])  # type: ignore[arg-type]


def test_controls_and_lone_surrogates_are_made_safe_on_every_construction() -> None:
    raw = {**GOOD, "body": "a\x1b]52;c;bm90ZXB3bmVk\x07b\ud800", "tags": ["x\x1b[2J", "two\nlines"],
           "category": "\x9b31m", "path_hint": "/tmp/\x07.txt"}
    note = Note.from_json(raw)
    record = json.dumps(note.to_json(), ensure_ascii=False)
    record.encode("utf-8")  # a lone surrogate would make every later write fail
    assert not has_controls(record.replace("\\n", ""))
    assert note.body == "a\u241b]52;c;bm90ZXB3bmVk\u2407b\ufffd"
    assert note.tags == ("x\u241b[2J", "two\u2424lines")
    edited = note.edited(body="new \x1b[31m")
    assert edited.body == "new \u241b[31m"


def test_a_clean_record_round_trips_unchanged() -> None:
    assert Note.from_json(GOOD).to_json() == GOOD
