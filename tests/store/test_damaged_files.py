"""Forty-odd damaged notes files: each opens with one line, a backup, and every valid record.

Three outcomes: a file that cannot be parsed at all is moved aside and a new one started; a
file with damaged tables or records keeps the valid ones, sets the rest aside next to it and
keeps a copy of the whole file; a path that cannot be used at all is one ``GlossError`` line.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tui.errors import GlossError
from tui.store.db import Store
from tui.store.files import shard_of, shard_path
from tui.store.model import Note

DOC = "d" * 64
TEXT = "Steve Witkoff arrived in Moscow on Thursday. The talks lasted five hours."
GOOD = Note.on_passage(DOC, TEXT, 0, 13, body="the envoy", tags=("talks",))
BAD_ID = "bad-note"


def _tables(**changes: Any) -> dict[str, Any]:
    tables: dict[str, Any] = {
        "_meta": {"schema": {"version": 1}},
        "notes": {GOOD.id: {**GOOD.to_json(), "rev": 1}},
        "settings": {DOC: {"doc_id": DOC, "values": {"dct": "2025-01-01"}}},
    }
    tables.update(changes)
    return tables


def _with_bad_note(**fields: Any) -> bytes:
    record = {**Note.on_passage(DOC, TEXT, 14, 20).to_json(), "id": BAD_ID, **fields}
    tables = _tables()
    tables["notes"][BAD_ID] = record
    return json.dumps(tables).encode()


def _raw_bad_note(fragment: str) -> bytes:
    """A bad note spelled by hand (for what ``json.dumps`` will not write)."""
    tables = _tables()
    tables["notes"][BAD_ID] = "@@"
    return json.dumps(tables).encode().replace(b'"@@"', fragment.encode())


VALID = json.dumps(_tables()).encode()
DEEP = 100_000

MOVED_ASIDE: dict[str, bytes] = {
    "cut in half": VALID[: len(VALID) // 2],
    "one brace": b"{",
    "deep arrays": b"[" * DEEP + b"]" * DEEP,
    "deep objects": b'{"a":' * DEEP + b"1" + b"}" * DEEP,
    "deep inside a note": VALID[:-2] + b', "x": ' + b"[" * DEEP + b"]" * DEEP + b"}}",
    "top-level list": b"[1, 2, 3]",
    "top-level string": b'"notes"',
    "top-level number": b"42",
    "top-level null": b"null",
    "invalid UTF-8": b'{"notes": {"\xff\xfe": {}}}',
    "raw NUL bytes": VALID[:20] + b"\x00\x00" + VALID[20:],
    "merge conflict": b"<<<<<<< HEAD\n" + VALID + b"\n=======\n{}\n>>>>>>> theirs\n",
    "two objects": VALID + VALID,
    "trailing garbage": VALID + b" garbage",
    "binary noise": bytes(range(256)) * 4,
    "unterminated string": b'{"notes": {"a": {"body": "never ends',
}

SET_ASIDE: dict[str, bytes] = {
    "doc_id is a number": _with_bad_note(doc_id=5),
    "body is a list": _with_bad_note(body=["a"]),
    "tags is a string": _with_bad_note(tags="talks"),
    "tags hold numbers": _with_bad_note(tags=[1, 2]),
    "position start is text": _with_bad_note(position={"start": "0", "end": 5}),
    "position negative": _with_bad_note(position={"start": -4, "end": 5}),
    "position backwards": _with_bad_note(position={"start": 9, "end": 5}),
    "quote is a string": _with_bad_note(quote="Steve"),
    "id differs from key": _with_bad_note(id="another"),
    "unknown target": _with_bad_note(target="galaxy"),
    "created is a number": _with_bad_note(created=1700000000),
    "revision is text": _with_bad_note(rev="7"),
    "revision is NaN": _raw_bad_note('{"id": "bad-note", "doc_id": "x", "rev": NaN}'),
    "lone surrogate in body": _raw_bad_note(
        '{"id": "bad-note", "doc_id": "x", "body": "\\ud800 alone"}'),
    "lone surrogate in a key": VALID[:-1] + b', "drafts": {"k\\udc00": {"doc_id": "x"}}}',
    "5,000-digit position": _raw_bad_note(
        '{"id": "bad-note", "doc_id": "x", "position": {"start": ' + "9" * 5000 + ', "end": 1}}'),
    "5,000-digit revision": _raw_bad_note('{"id": "bad-note", "doc_id": "x", "rev": '
                                          + "1" * 5000 + "}"),
    "note is a string": _raw_bad_note('"just text"'),
    "note is null": _raw_bad_note("null"),
    "note is a list": _raw_bad_note("[1, 2]"),
    "drafts nested 200 deep": VALID[:-1] + b', "drafts": {"k": {"data": '
                              + b"[" * 200 + b"]" * 200 + b"}}}",
    "drafts table is a list": VALID[:-1] + b', "drafts": [1, 2]}',
    "deleted table is a number": VALID[:-1] + b', "deleted": 5}',
    "settings record is text": VALID[:-1].replace(b'"settings": {', b'"settings": {"x": "y", ')
    + b"}",
    "schema is a number": json.dumps(_tables(_meta={"schema": 5})).encode(),
}

FINE: dict[str, bytes] = {
    "empty file": b"",
    "only whitespace": b" \n\t\n",
    "byte order mark": b"\xef\xbb\xbf" + VALID,
    "UTF-16": VALID.decode().encode("utf-16"),
}


def _open_one_line(path: Path) -> Store:
    store = Store.open(path)
    assert store.notice is None or "\n" not in store.notice
    return store


@pytest.mark.parametrize("content", MOVED_ASIDE.values(), ids=MOVED_ASIDE.keys())
def test_unparseable_file_is_moved_aside_with_one_line(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(content)
    with _open_one_line(path) as store:
        assert store.recovered_from is not None and store.notice is not None
        assert str(store.recovered_from) in store.notice
        assert store.recovered_from.read_bytes() == content
        store.save(GOOD)
    with Store.open(path) as store:
        assert store.notice is None and store.get(GOOD.id) == GOOD


@pytest.mark.parametrize("content", SET_ASIDE.values(), ids=SET_ASIDE.keys())
def test_damaged_records_are_set_aside_and_the_rest_kept(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(content)
    with _open_one_line(path) as store:
        assert store.recovered_from is None
        assert store.notice is not None and store.set_aside_to is not None
        assert str(store.set_aside_to) in store.notice
        assert [n.id for n in store.notes(DOC)] == [GOOD.id]
        assert store.settings(DOC) == {"dct": "2025-01-01"}
        store.save(Note.on_passage(DOC, TEXT, 20, 30))  # later writes work
        store.update_settings(DOC, hidden=["DATE"])
        kept = json.loads(store.set_aside_to.read_text())["records"]
        assert kept and all(r["reason"] for r in kept)
    backups = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert [b.read_bytes() for b in backups] == [content]
    with Store.open(path) as store:
        assert store.notice is None and len(store.notes(DOC)) == 2


@pytest.mark.parametrize("content", FINE.values(), ids=FINE.keys())
def test_odd_but_readable_files_open_quietly(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(content)
    with _open_one_line(path) as store:
        assert store.notice is None
        if content.strip():
            assert store.get(GOOD.id) == GOOD
        store.save(Note.on_passage(DOC, TEXT, 20, 30))


def _directory(path: Path) -> None:
    path.mkdir()


def _lock_is_directory(path: Path) -> None:
    path.write_bytes(VALID)
    path.with_name(f"{path.name}.lock").mkdir()


def _unreadable(path: Path) -> None:
    path.write_bytes(VALID)
    path.chmod(0)


UNUSABLE: dict[str, Callable[[Path], None]] = {
    "a directory in place of the file": _directory,
    "a directory in place of the lock file": _lock_is_directory,
    "no read permission": _unreadable,
}


@pytest.mark.parametrize("make", UNUSABLE.values(), ids=UNUSABLE.keys())
def test_an_unusable_path_is_one_line_and_left_alone(tmp_path: Path,
                                                     make: Callable[[Path], None]) -> None:
    path = tmp_path / "notes.json"
    make(path)
    if make is _unreadable and os.geteuid() == 0:  # root reads it anyway: it must just work
        with _open_one_line(path) as store:
            assert store.get(GOOD.id) == GOOD
        return
    with pytest.raises(GlossError) as raised:
        Store.open(path)
    assert "\n" not in str(raised.value) and str(path) in str(raised.value)
    assert not [p for p in tmp_path.iterdir() if "corrupt" in p.name or "damaged" in p.name]


def test_the_file_count_is_forty_or_more() -> None:
    assert len(MOVED_ASIDE) + len(SET_ASIDE) + len(FINE) + len(UNUSABLE) >= 40


@pytest.mark.parametrize("fields", [{"doc_id": 5}, {"tags": "x"}, {"position": {"start": "a"}}],
                         ids=["doc_id is a number", "tags is text", "position is text"])
def test_a_damaged_note_in_a_shard_is_skipped_then_set_aside(tmp_path: Path,
                                                              fields: dict[str, Any]) -> None:
    path = tmp_path / "notes.json"
    with Store.open(path) as store:
        good = store.save(GOOD)
        shard = shard_path(path, shard_of(GOOD.id))
        tables = json.loads(shard.read_bytes())
        home = shard_of(GOOD.id)
        bad_id = next(f"bad-{i}" for i in range(10_000) if shard_of(f"bad-{i}") == home)
        tables["notes"][bad_id] = {**GOOD.to_json(), "id": bad_id, **fields}
        shard.write_text(json.dumps(tables))  # damaged by hand or a sync tool
        assert [n.id for n in store.all_notes()] == [GOOD.id]
        store.edit(good, good.edited(body="edited"))  # the shard's next write sets it aside
        assert store.notice is not None and store.set_aside_to is not None
        assert bad_id not in json.loads(shard.read_bytes())["notes"]
        kept = json.loads(store.set_aside_to.read_text())["records"]
        assert [r["key"] for r in kept] == [bad_id]
