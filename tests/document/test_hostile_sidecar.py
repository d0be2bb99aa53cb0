"""A sidecar never keeps an article from opening: a bad one is ignored with a one-line warning."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.document.controls import has_controls
from tui.document.load import load_document
from tui.document.untrusted_json import MAX_DEPTH, BadJSON, parse_json


@pytest.mark.parametrize(("sidecar", "reason"), [
    (b'{"title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
    (b'{"title": "x", "extra": ' + b"[" * 200 + b"]" * 200 + b"}", "nested more than"),
    (b'{"published": ' + b"9" * 5000 + b"}", "unreadable value"),
    (b"\xff\xfe{}", "not UTF-8"),
    (b"{not json", "is not valid JSON"),
    (b'["a list"]', "must hold a JSON object"),
    (b'{"published": "next Tuesday"}', "published must be a date like 2025-08-07"),
    (b'{"date_order": "DDMM"}', "date_order must be one of DMY, MDY, YMD"),
    (b'{"title": 5}', "title must be a string"),
])
def test_bad_sidecar_is_ignored_with_one_line(tmp_path: Path, sidecar: bytes, reason: str) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Headline here\n\nWords of the story, as written.")
    (tmp_path / "story.meta.json").write_bytes(sidecar)
    meta = load_document(article).meta
    (warning,) = meta.warnings
    assert reason in warning and warning.endswith("the sidecar was ignored")
    assert "\n" not in warning and not has_controls(warning)
    assert meta.title == "Headline here"  # the article's own metadata still counts


def test_good_sidecar_gives_no_warning(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text("Words of the story.")
    (tmp_path / "story.meta.json").write_text('{"title": "T\\ud800", "published": "2025-08-07"}')
    meta = load_document(article).meta
    assert meta.warnings == () and meta.title == "T\ufffd"


def test_parse_json_reasons() -> None:
    assert parse_json('{"a": ["\\ud800", {"\\udfff": "b"}]}') == {"a": ["\ufffd", {"\ufffd": "b"}]}
    assert parse_json("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    for bad in ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), b"\xff", "1" * 5000, "[1,]"):
        with pytest.raises(BadJSON):
            parse_json(bad)
