"""The notes database on a real file: round trips, privacy, recovery, migrations, cache."""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tinydb import TinyDB

from tui.errors import GlossError
from tui.store.cache import AnalysisCache
from tui.store.db import Store
from tui.store.files import shard_of, shard_path, shards_dir
from tui.store.lock import ProcessLock, StoreBusy
from tui.store.model import Note, TextPositionSelector
from tui.store.schema import NOTES, SCHEMA_VERSION, migrate

TEXT = ("Steve Witkoff arrived in Moscow on Thursday. The talks lasted five hours.\n\n"
        "A spokesman said on Friday that no agreement had been reached.")
DOC = "d" * 64


def _note(start: int = 0, end: int = 13, **kw: Any) -> Note:
    return Note.on_passage(DOC, TEXT, start, end, **kw)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "notes.json"


def test_notes_survive_reopening_in_text_order(db_path: Path) -> None:
    later = _note(46, 72, body="how long exactly?", tags=("talks", "time"), category="question")
    earlier = _note(0, 13, body="US envoy")
    whole = Note(doc_id=DOC, quote=None, position=None, body="about the visit",
                 target="document")
    other_doc = Note.on_passage("e" * 64, "Other text", 0, 5)
    with Store.open(db_path) as store:
        for note in (later, earlier, whole, other_doc):
            store.save(note)
    with Store.open(db_path) as store:
        assert store.notes(DOC) == [whole, earlier, later]
        assert store.get(later.id) == later
        assert len(store.all_notes()) == 4


def test_saving_an_edited_note_replaces_it(db_path: Path) -> None:
    with Store.open(db_path) as store:
        note = _note(body="first thought")
        store.save(note)
        store.save(note.edited(body="second thought", tags=("revised",)))
        [stored] = store.notes(DOC)
        assert (stored.id, stored.body, stored.tags) == (note.id, "second thought", ("revised",))


def _writes(db_path: Path) -> int:
    """All files' write counters, kept side by side in the lock file."""
    raw = db_path.with_name(f"{db_path.name}.lock").read_bytes()
    return sum(int(raw[i:i + 20]) for i in range(0, len(raw), 20) if raw[i:i + 20].strip(b"\0"))


def test_save_many_writes_each_file_once_and_keeps_other_notes(db_path: Path) -> None:
    with Store.open(db_path) as store:
        kept = _note(body="kept")
        store.save(kept)
        batch = [_note(i, i + 5, body=f"batch {i}") for i in range(0, 50, 5)]
        before = _writes(db_path)
        store.save_many(batch)
        store.save_many([])
        assert _writes(db_path) == before + len({shard_of(n.id) for n in batch})
        assert {n.id for n in store.notes(DOC)} == {kept.id, *(n.id for n in batch)}


def test_delete_returns_the_note_and_restore_brings_it_back(db_path: Path) -> None:
    with Store.open(db_path) as store:
        note = _note(body="to be undone")
        store.save(note)
        removed = store.delete(note.id)
        assert removed == note
        assert store.notes(DOC) == []
        assert store.delete(note.id) is None
        assert removed is not None
        store.restore(removed)
    with Store.open(db_path) as store:
        assert store.notes(DOC) == [note]


def test_database_and_lock_are_private_to_the_user(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save(_note())
    for path in (db_path, db_path.with_name("notes.json.lock")):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_drafts_are_kept_until_discarded(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_draft(DOC, "new:0-13", {"body": "half a thou", "tags": ["x"]})
        store.save_draft(DOC, "new:0-13", {"body": "half a thought", "tags": ["x"]})
        store.save_draft("e" * 64, "new:1-2", {"body": "elsewhere"})
    with Store.open(db_path) as store:
        assert store.drafts(DOC) == {"new:0-13": {"body": "half a thought", "tags": ["x"]}}
        store.discard_draft(DOC, "new:0-13")
        store.discard_draft(DOC, "never-saved")
        assert store.drafts(DOC) == {}


def test_settings_merge_and_none_removes(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.update_settings(DOC, dct="2025-08-07", date_order="DMY")
        store.update_settings(DOC, hidden_types=["CARDINAL"], date_order=None)
        settings = store.settings(DOC)
        settings["hidden_types"].append("mutating the copy changes nothing")
    with Store.open(db_path) as store:
        assert store.settings(DOC) == {"dct": "2025-08-07", "hidden_types": ["CARDINAL"]}
        assert store.settings("unknown") == {}


def test_gloss_db_environment_variable_chooses_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "sub" / "dir" / "mine.json"
    monkeypatch.setenv("GLOSS_DB", str(target))
    with Store.open() as store:
        store.save(_note())
        store.cache_analysis(DOC, "k", {"x": 1})
    assert target.exists()
    assert (tmp_path / "sub" / "dir" / "mine.json.cache").is_dir()


def test_default_location_is_the_xdg_data_dir(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GLOSS_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with Store.open() as store:
        store.cache_analysis(DOC, "k", {"x": 1})
        assert store.path == tmp_path / "data" / "gloss" / "gloss.json"
    assert store.path.exists()
    assert list((tmp_path / "cache" / "gloss").rglob("*.json"))


def test_unusable_location_is_a_one_line_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(GlossError) as error:
        Store.open(blocker / "notes.json")
    assert "notes database" in str(error.value) and "\n" not in str(error.value)


@pytest.mark.parametrize("content", [
    b'{"notes": {"1": {"id": "1", "doc_id"',  # cut off mid-write by a non-atomic writer
    b"\xff\xfe garbage",
    b"[1, 2, 3]",
])
def test_unreadable_database_is_moved_aside_and_reported(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with Store.open(db_path) as store:
        backup = store.recovered_from
        assert backup is not None
        assert re.fullmatch(r"notes\.corrupt-\d{8}-\d{6}\.json", backup.name)
        assert backup.read_bytes() == content
        store.save(_note())
        assert len(store.notes(DOC)) == 1
    with Store.open(db_path) as store:
        assert store.recovered_from is None


def test_two_corrupt_files_in_the_same_second_get_distinct_backups(db_path: Path) -> None:
    backups = []
    for content in (b"{", b"}"):
        db_path.write_bytes(content)
        with Store.open(db_path) as store:
            backups.append(store.recovered_from)
    assert backups[0] != backups[1]
    assert {b.read_bytes() for b in backups if b} == {b"{", b"}"}


def test_database_corrupted_while_open_is_moved_aside(db_path: Path) -> None:
    with Store.open(db_path) as store:
        note = store.save(_note())
        shard_path(db_path, shard_of(note.id)).write_text("<<< merge conflict >>>")
        assert store.notes(DOC) == []
        assert store.recovered_from is not None
        assert store.recovered_from.read_text() == "<<< merge conflict >>>"


def test_database_from_a_newer_gloss_is_refused_untouched(db_path: Path) -> None:
    content = json.dumps({"_meta": {"schema": {"version": SCHEMA_VERSION + 1}},
                          "notes": {}}).encode()
    db_path.write_bytes(content)
    with pytest.raises(GlossError, match="newer Gloss"):
        Store.open(db_path)
    assert db_path.read_bytes() == content
    assert [p.name for p in db_path.parent.iterdir() if "corrupt" in p.name] == []


def test_plain_tinydb_file_is_migrated_and_a_copy_kept(db_path: Path) -> None:
    note = _note(body="written by plain TinyDB")
    with TinyDB(db_path) as plain:
        plain.table(NOTES).insert(note.to_json())
    before = db_path.read_bytes()
    with Store.open(db_path) as store:
        assert store.notes(DOC) == [note]
        store.save(note.edited(body="edited after migration"))
        assert [n.body for n in store.notes(DOC)] == ["edited after migration"]
    [copy] = db_path.parent.glob(f"notes.pre-v{SCHEMA_VERSION}-*.json")
    assert copy.read_bytes() == before
    assert json.loads(db_path.read_bytes())["_meta"]["schema"]["version"] == SCHEMA_VERSION


def test_migration_v0_keys_notes_by_id_and_gives_missing_ids() -> None:
    v0 = {"notes": {"1": {"id": "abc", "doc_id": DOC}, "2": {"doc_id": DOC, "body": "no id"}}}
    v1 = migrate(v0)
    assert v0["notes"]["2"] == {"doc_id": DOC, "body": "no id"}, "input left alone"
    assert v1["_meta"] == {"schema": {"version": SCHEMA_VERSION}}
    assert v1["notes"]["abc"] == {"id": "abc", "doc_id": DOC}
    [(new_id, record)] = [(k, r) for k, r in v1["notes"].items() if k != "abc"]
    assert record["id"] == new_id and record["body"] == "no id"
    assert migrate(v1) == v1


def test_malformed_note_record_is_skipped_not_fatal(db_path: Path) -> None:
    good = _note()
    db_path.write_text(json.dumps({
        "_meta": {"schema": {"version": SCHEMA_VERSION}},
        "notes": {good.id: good.to_json(), "broken": {"doc_id": DOC, "quote": 5}},
    }))
    with Store.open(db_path) as store:
        assert store.notes(DOC) == [good]
        assert store.recovered_from is None and store.set_aside_to is not None
        aside = json.loads(store.set_aside_to.read_text())["records"]
    assert [r["key"] for r in aside] == ["broken"], "kept next to the file"
    assert "broken" not in json.loads(db_path.read_text()).get("notes", {})


def test_analysis_cache_lives_outside_the_notes_file(db_path: Path) -> None:
    big = {"entities": [{"start": i, "end": i + 3, "label": "GPE"} for i in range(5000)]}
    key = "analysis:en_core_web_sm-3.8.0:1"
    with Store.open(db_path) as store:
        store.save(_note())
        size = db_path.stat().st_size
        store.cache_analysis(DOC, key, big)
        assert db_path.stat().st_size == size
        assert store.cached_analysis(DOC, key) == big
        assert store.cached_analysis(DOC, "analysis:en_core_web_sm-3.8.0:2") is None
        assert store.cached_analysis("f" * 64, key) is None
        [entry] = store.cache.directory.glob("*.json")
        assert stat.S_IMODE(entry.stat().st_mode) == 0o600


def test_corrupt_cache_entry_is_a_miss_and_is_rebuilt(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.cache_analysis(DOC, "k", {"entities": [1, 2, 3]})
        entry = store.cache.entry_path(DOC, "k")
        entry.write_bytes(entry.read_bytes()[:10])
        assert store.cached_analysis(DOC, "k") is None
        entry.write_text(json.dumps({"doc_id": DOC, "key": "other", "data": {}}))
        assert store.cached_analysis(DOC, "k") is None
        store.cache_analysis(DOC, "k", {"entities": []})
        assert store.cached_analysis(DOC, "k") == {"entities": []}


def test_note_position_is_stored_as_code_points(db_path: Path) -> None:
    text = "Zürich 🇨🇭 talks: naïve hopes"
    start = text.index("talks")
    note = Note.on_passage(DOC, text, start, start + 5)
    with Store.open(db_path) as store:
        store.save(note)
    with Store.open(db_path) as store:
        [stored] = store.notes(DOC)
    assert stored.position == TextPositionSelector(start, start + 5)
    assert stored.quote is not None and stored.quote.exact == "talks"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["save", "delete", "draft", "setting"]),
                          st.integers(0, 5), st.text(max_size=8)), max_size=25))
def test_any_sequence_of_changes_reads_back_the_same(
        tmp_path_factory: pytest.TempPathFactory, ops: list[tuple[str, int, str]]) -> None:
    db_path = tmp_path_factory.mktemp("seq") / "notes.json"
    notes: dict[str, Note] = {}
    drafts: dict[str, dict[str, str]] = {}
    values: dict[str, str] = {}
    with Store.open(db_path) as store:
        for action, n, word in ops:
            note_id = f"note-{n}"
            if action == "save":
                notes[note_id] = _note(n, n + 4, body=word, id=note_id)
                store.save(notes[note_id])
            elif action == "delete":
                assert store.delete(note_id) == notes.pop(note_id, None)
            elif action == "draft":
                drafts[f"k{n}"] = {"body": word}
                store.save_draft(DOC, f"k{n}", {"body": word})
            else:
                values[f"s{n}"] = word
                store.update_settings(DOC, **{f"s{n}": word})
    with Store.open(db_path) as store:
        assert {n.id: n for n in store.notes(DOC)} == notes
        assert store.drafts(DOC) == drafts
        assert store.settings(DOC) == values


def test_database_removed_while_open_reads_empty_and_is_recreated(db_path: Path) -> None:
    with Store.open(db_path) as store:
        gone = store.save(_note())
        shard_path(db_path, shard_of(gone.id)).unlink()
        assert store.notes(DOC) == []
        note = _note(body="after the file vanished")
        store.save(note)
    with Store.open(db_path) as store:
        assert store.notes(DOC) == [note]


def test_the_store_does_not_pull_in_textual_or_spacy() -> None:
    code = ("import sys, tui.store.db, tui.store.anchoring; "
            "print(sorted(m for m in ('textual', 'spacy', 'tui.app') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_analysis_cache_stays_under_its_size_limit_dropping_least_recently_used(
        tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path / "cache", max_bytes=3 * 1200)
    data = {"entities": ["x" * 1000]}
    for i, doc in enumerate("abcd"):
        cache.put(doc, "k", data)
        os.utime(cache.entry_path(doc, "k"), (1000 + i, 1000 + i))  # written in this order
    assert cache.get("a", "k") is None, "the oldest entry made room"
    assert cache.get("b", "k") == data  # reading b makes it recent
    cache.put("e", "k", data)
    assert [d for d in "bcde" if cache.get(d, "k") is not None] == ["b", "d", "e"]


def test_a_draft_dict_edited_in_place_between_saves_is_saved_as_it_is_now(
        db_path: Path) -> None:
    draft: dict[str, Any] = {"body": "first", "tags": ["a"]}
    settings_list = ["CARDINAL"]
    with Store.open(db_path) as store:
        store.save_draft(DOC, "k", draft)
        store.update_settings(DOC, hidden_types=settings_list)
        draft["body"] = "second"
        draft["tags"].append("b")
        settings_list.append("ORDINAL")
        assert store.drafts(DOC) == {"k": {"body": "first", "tags": ["a"]}}
        store.save_draft(DOC, "k", draft)
        store.update_settings(DOC, hidden_types=settings_list)
    with Store.open(db_path) as store:
        assert store.drafts(DOC) == {"k": {"body": "second", "tags": ["a", "b"]}}
        assert store.settings(DOC) == {"hidden_types": ["CARDINAL", "ORDINAL"]}


@pytest.mark.parametrize("existing", [True, False])
def test_a_symlinked_database_stays_a_link_and_its_target_gets_the_notes(
        tmp_path: Path, existing: bool) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    target, link = synced / "notes.json", tmp_path / "gloss.json"
    link.symlink_to(target)
    if existing:
        with Store.open(target) as store:
            store.save(_note(body="from before"))
    note = _note(body="saved through the link")
    with Store.open(link) as store:
        store.save(note)
    assert link.is_symlink() and os.readlink(link) == str(target)
    with Store.open(target) as store:
        assert note.id in {n.id for n in store.notes(DOC)}
        assert len(store.notes(DOC)) == (2 if existing else 1)


def test_a_busy_store_raises_store_busy_after_the_chosen_timeout(db_path: Path) -> None:
    with Store.open(db_path, timeout=0.05) as store:
        other = ProcessLock(db_path.with_name(f"{db_path.name}.lock"))  # another copy's lock
        try:
            with other.exclusive(), pytest.raises(StoreBusy, match="busy"):
                store.save(_note())
        finally:
            other.close()
        store.lock_timeout = 10.0
        store.save(_note())
        assert len(store.notes(DOC)) == 1


def test_a_draft_save_rewrites_only_the_small_drafts_file(db_path: Path) -> None:
    with Store.open(db_path) as store:
        store.save_many([_note(i, i + 3) for i in range(40)])
        files = [db_path, *shards_dir(db_path).glob("*.json")]
        before = {f: f.stat().st_ino for f in files}
        store.save_draft(DOC, "new:0-13", {"body": "typing"})
        assert {f: f.stat().st_ino for f in files} == before  # none of them replaced
        assert store.drafts(DOC) == {"new:0-13": {"body": "typing"}}
