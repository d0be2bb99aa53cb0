"""``gloss import`` against hostile files: one line each, the designed exit code, no traceback,
and the notes database stays readable with the notes it already held."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.document.controls import has_controls
from tui.store.db import Store
from tui.store.model import Note

DOC = "ab" * 32
SOURCE = "urn:sha256:" + DOC


def annotation(ident: str, body: object = "a note", **extra: object) -> dict[str, object]:
    return {"type": "Annotation", "id": ident, "body": body,
            "target": {"source": SOURCE, "selector": [
                {"type": "TextQuoteSelector", "exact": "bridge", "prefix": "The ",
                 "suffix": " reopened"},
                {"type": "TextPositionSelector", "start": 4, "end": 10}]}, **extra}


def page(*items: object) -> str:
    return json.dumps({"type": "AnnotationPage", "items": list(items)})


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


OSC52 = "\x1b]52;c;bm90ZXB3bmVk\x07"
TITLE = "\x1b]0;TITLE\x07"
HUGE_NUMBER = "9" * 5000

# (name, file content, exit code, a phrase the one line holds)
HOSTILE: list[tuple[str, str | bytes, int, str]] = [
    ("empty", "", 2, "not JSON"),
    ("whitespace", "  \n ", 2, "not JSON"),
    ("prose", "Dear reader,", 2, "not JSON"),
    ("truncated", page(annotation("a"))[:-7], 2, "not JSON"),
    ("null", "null", 2, "not annotation JSON"),
    ("number", "5", 2, "not annotation JSON"),
    ("string", '"annotations"', 2, "not annotation JSON"),
    ("empty object", "{}", 2, "not annotation JSON"),
    ("items is a number", '{"type":"AnnotationPage","items":5}', 2, "'items' is not a list"),
    ("items is null", '{"type":"AnnotationPage","items":null}', 2, "'items' is not a list"),
    ("collection items an object", '{"type":"AnnotationCollection","items":{"a":1}}', 2,
     "'items' is not a list"),
    ("collection of links", '{"type":"AnnotationCollection","first":"https://x/p1"}', 2,
     "links"),
    ("annotations a number", '{"annotations": 5}', 2, "not annotation JSON"),
    ("5000-digit id", f'{{"type":"Annotation","id":{HUGE_NUMBER},"target":"{SOURCE}"}}', 2,
     "unreadable value"),
    ("5000-digit offset", page(annotation("a"))[:-3] + f',"start":{HUGE_NUMBER}}}]}}', 2,
     "not JSON"),
    ("array nested 100,000 deep", nested(100_000), 2, "nested too deeply"),
    ("object nested 100,000 deep", '{"a":' * 100_000 + "1" + "}" * 100_000, 2,
     "nested too deeply"),
    ("body nested 500 deep", page(annotation("a"))[:-3] + ',"x":' + nested(500) + "}]}", 2,
     "nested"),
    ("latin-1 bytes", json.dumps([annotation("caf\xe9")], ensure_ascii=False).encode("latin-1"),
     2, "not UTF-8"),
    ("utf-16", page(annotation("a")).encode("utf-16"), 2, "not UTF-8"),
    ("binary", bytes(range(256)), 2, "not UTF-8"),
    ("NUL in JSON", "[\x00]", 2, "not JSON"),
    # Accepted, with the bad parts skipped and counted.
    ("lone surrogate id", page(annotation("\ud800")), 0, "Imported 1 note"),
    ("lone surrogate key", '[{"\\ud800": 1, "id": "k", "target": "' + SOURCE + '"}]', 0,
     "Imported 1 note"),
    ("5000-character string id", page(annotation("7" * 5000)), 0, "Imported 1 note"),
    ("body nested 50 deep", page(annotation("n", body=json.loads(nested(50)))), 0,
     "Imported 1 note"),
    ("NaN and infinity", page(annotation("f", body=float("nan"), created=float("inf"))), 0,
     "Imported 1 note"),
    ("array of numbers", "[1, 2, 3]", 0, "skipped 3 (3 not annotation objects)"),
    ("empty page", page(), 0, "Imported 0 notes"),
    ("target a number", page({"type": "Annotation", "id": "t", "target": 5}), 0,
     "1 without a usable target"),
    ("target an empty list", page({"type": "Annotation", "id": "t", "target": []}), 0,
     "1 without a usable target"),
    ("quote not text", page({"type": "Annotation", "id": "q", "target": {
        "source": SOURCE, "selector": {"type": "TextQuoteSelector", "exact": 5}}}), 0,
     "1 with an unusable selector"),
    ("start after end", page({"type": "Annotation", "id": "p", "target": {
        "source": SOURCE, "selector": {"type": "TextPositionSelector", "start": 9, "end": 2}}}),
     0, "1 with an unusable selector"),
    ("start a boolean", page({"type": "Annotation", "id": "p", "target": {
        "source": SOURCE, "selector": {"type": "TextPositionSelector", "start": True,
                                       "end": 2}}}), 0, "1 with an unusable selector"),
    ("tags a number", json.dumps({"annotations": [{"id": "h", "tags": 5, "uri": SOURCE,
                                                   "target": [{"source": SOURCE}]}]}), 0,
     "1 with a field of the wrong type"),
    ("odd field types", page(annotation("o", body={"value": 5}, tags=[1, None, "ok"],
                                        created=5, motivation=[], **{
                                            "gloss:category": {}, "gloss:targetKind": ["x"],
                                            "gloss:docId": 5})), 0, "Imported 1 note"),
    ("reply and stray", json.dumps({"annotations": [
        5, {"id": "r", "references": ["x"], "target": [{"source": SOURCE}]},
        {"id": "ok", "text": "fine", "uri": SOURCE, "target": [{"source": SOURCE}]}]}), 0,
     "Imported 1 note: 1 new, 0 updated; skipped 2 (1 not an annotation object, 1 reply)"),
    ("escapes everywhere", page(annotation(
        "e" + TITLE, body=[{"type": "TextualBody", "value": "x" + OSC52 + TITLE},
                           {"type": "TextualBody", "purpose": "tagging", "value": "\x1b[2J"}],
        **{"gloss:category": "\x9b31m", "gloss:pathHint": "/tmp/\x1b[2Jx.txt"})), 0,
     "Imported 1 note"),
]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A notes database that already holds two notes."""
    path = tmp_path / "notes.json"
    first = tmp_path / "first.json"
    first.write_text(page(annotation("keep-1"), annotation("keep-2")), encoding="utf-8")
    assert main(["import", str(first), "--db", str(path)]) == 0
    return path


@pytest.mark.parametrize(("name", "content", "code", "phrase"), HOSTILE,
                         ids=[case[0] for case in HOSTILE])
def test_hostile_file_gives_one_line_and_keeps_the_store(
        name: str, content: str | bytes, code: int, phrase: str, db: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    before = {note.id: note for note in _notes(db)}
    capsys.readouterr()
    path = tmp_path / "hostile.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass")
    assert main(["import", str(path), "--db", str(db)]) == code
    out, err = capsys.readouterr()
    lines = (out + err).splitlines()
    assert len(lines) == 1, lines
    assert phrase in lines[0]
    assert not has_controls(lines[0])
    after = {note.id: note for note in _notes(db)}
    assert all(after[ident] == note for ident, note in before.items())
    assert len(after) == len(before) + (1 if phrase.startswith("Imported 1 note") else 0)
    assert not any(has_controls(json.dumps(n.to_json(), ensure_ascii=False))
                   for n in after.values())


def _notes(db: Path) -> list[Note]:
    with Store.open(db) as store:
        return store.all_notes()


def test_escapes_in_an_imported_note_are_stored_as_visible_symbols(db: Path,
                                                                  tmp_path: Path) -> None:
    path = tmp_path / "trap.json"
    path.write_text(page(annotation(
        "trap", body=[{"type": "TextualBody", "value": f"copy {OSC52} and {TITLE}"},
                      {"type": "TextualBody", "purpose": "tagging", "value": "wipe\x1b[2J"}])),
        encoding="utf-8")
    assert main(["import", str(path), "--db", str(db)]) == 0
    note = next(n for n in _notes(db) if n.tags)
    assert note.body == "copy \u241b]52;c;bm90ZXB3bmVk\u2407 and \u241b]0;TITLE\u2407"
    assert note.tags == ("wipe\u241b[2J",)
    quoted = tmp_path / "quote.json"
    quoted.write_text(page({"type": "Annotation", "id": "q", "target": {
        "source": SOURCE, "selector": {"type": "TextQuoteSelector", "exact": "a\x1b[2Jb",
                                       "prefix": "\x07", "suffix": "\x9b"}}}), encoding="utf-8")
    assert main(["import", str(quoted), "--db", str(db)]) == 0
    quote = next(n.quote for n in _notes(db) if n.quote and n.quote.exact.startswith("a"))
    assert (quote.exact, quote.prefix, quote.suffix) == ("a\u241b[2Jb", "\u2407", "\ufffd")


def test_collection_with_items_and_no_first_page_is_imported(db: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]
                                                             ) -> None:
    path = tmp_path / "collection.json"
    path.write_text(json.dumps({
        "@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection",
        "items": [annotation("c1"), annotation("c2"), annotation("c3"),
                  {"type": "Annotation", "id": "r", "references": ["c1"], "target": SOURCE},
                  {"type": "Annotation", "id": "t", "target": {"source": 7}}]}),
        encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(path), "--db", str(db)]) == 0
    line = capsys.readouterr().out.strip()
    assert line == ("Imported 3 notes: 3 new, 0 updated; "
                    "skipped 2 (1 reply, 1 without a usable target)")
    assert len(_notes(db)) == 5
