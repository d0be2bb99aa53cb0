"""The notes database: notes, drafts and per-document settings in TinyDB files.

Every change is one operation (save, delete, put a draft or a setting) applied under the
inter-process lock to the files as they are *now*, never a snapshot written back from memory:
two copies of Gloss can save and delete concurrently and neither loses the other's work. A
file that cannot be parsed is moved aside, damaged records are set aside, and both are
reported through ``Store.notice``; nothing is overwritten silently. (The files: ``files.py``.)
"""

from __future__ import annotations

import contextlib
import copy
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar
from uuid import uuid4

from tui.errors import GlossError
from tui.store.anchoring import reanchor_all
from tui.store.belonging import belongs
from tui.store.cache import AnalysisCache
from tui.store.files import (
    DRAFTS_SLOT,
    FIRST_SHARD_SLOT,
    MAIN_SLOT,
    SHARDS,
    KeyedTable,
    StoreFile,
    drafts_path,
    shard_of,
    shard_path,
    shards_dir,
)
from tui.store.lock import ProcessLock
from tui.store.merge import ImportCounts, import_decision, merge_fields
from tui.store.model import Note, now_iso
from tui.store.paths import cache_dir_for, resolve_db_path
from tui.store.quarantine import write_quarantine
from tui.store.records import Rejected, note_problem
from tui.store.schema import (
    DELETED,
    DRAFTS,
    NOTES,
    SCHEMA_VERSION,
    SETTINGS,
    SPILLED,
    Tables,
    empty_tables,
    migrate,
    schema_version,
)
from tui.store.storage import (
    FILE_MODE,
    CorruptDatabase,
    temp_prefix,
    write_atomic,
)

T = TypeVar("T")


def _text_order(note: Note) -> tuple[int, int, str]:
    if note.position is None:
        return (-1, -1, note.created)
    return (note.position.start, note.position.end, note.created)


def _text_field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    return value if isinstance(value, str) else None


def _revision(record: dict[str, Any] | None) -> int:
    value = record.get("rev") if record is not None else None
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _record(note: Note) -> dict[str, Any]:
    return {**note.to_json(), "rev": note.revision}


def _parse_notes(records: list[Any],
                 on_bad: Callable[[dict[str, Any], str], None] | None = None) -> list[Note]:
    """Notes from raw records; a malformed record is skipped (and handed to ``on_bad``)."""
    notes = []
    for record in records:
        if not isinstance(record, dict):
            continue
        problem = note_problem(str(record.get("id")), record)
        if problem is None:
            try:
                notes.append(replace(Note.from_json(record), revision=_revision(record)))
                continue
            except Exception as error:  # noqa: BLE001 - whatever the model refuses
                problem = f"not a note ({type(error).__name__})"
        if on_bad is not None:
            on_bad(record, problem)
    return notes


def _note_problem(key: str, record: dict[str, Any]) -> str | None:
    problem = note_problem(key, record)
    if problem is None:
        try:
            Note.from_json(record)
        except Exception as error:  # noqa: BLE001 - whatever the model refuses, set it aside
            return f"not a note ({type(error).__name__})"
    return problem


def _marker_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.recovered")


def _aside_path(path: Path, label: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.{label}-{stamp}.json")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}.{label}-{stamp}-{n}.json")
    return candidate


class Store:
    """Notes, drafts, settings and the analysis cache, keyed by document id."""

    def __init__(self, path: Path, cache_dir: Path, lock: ProcessLock) -> None:
        """Use ``Store.open``; this only wires the parts together."""
        self.path = path
        self.cache = AnalysisCache(cache_dir)
        self.recovered_from: Path | None = None  # where an unreadable file was moved, if any
        self.set_aside_to: Path | None = None  # where damaged records were set aside, if any
        # One line for the user about any recovery, at open or later; ``on_notice`` (set by
        # the app) hears each one as it happens, even from a worker thread.
        self.notice: str | None = None
        self.on_notice: Callable[[str], None] | None = None
        self._opened = False  # past ``_prepare``: a recovery now is news for the next start too
        self._lock = lock
        self._marker_seen: tuple[int, int] | None = None
        self._main = StoreFile(path, lock, MAIN_SLOT, self._set_aside, self._check_marker)
        self._drafts_file = StoreFile(drafts_path(path), lock, DRAFTS_SLOT, self._set_aside,
                                      self._check_marker)
        self._shard_files: dict[int, StoreFile] = {}
        self._settings = self._main.table(SETTINGS)
        self._drafts = self._drafts_file.table(DRAFTS)
        self.session = uuid4().hex  # this copy of Gloss: its drafts and its deletions
        self._adopted: dict[tuple[str, str], dict[str, str]] = {}  # others' drafts shown

    def _files(self) -> list[StoreFile]:
        return [self._main, self._drafts_file, *self._shard_files.values()]

    def _shard(self, index: int) -> StoreFile:
        shard = self._shard_files.get(index)
        if shard is None:
            shard = StoreFile(shard_path(self.path, index), self._lock,
                              FIRST_SHARD_SLOT + index, self._set_aside, self._check_marker)
            self._shard_files[index] = shard
        return shard

    def _notes_of(self, note_id: str) -> KeyedTable:
        return self._shard(shard_of(note_id)).table(NOTES)

    def _deleted_of(self, note_id: str) -> KeyedTable:
        return self._shard(shard_of(note_id)).table(DELETED)

    def _parse(self, records: list[Any]) -> list[Note]:
        return _parse_notes(records, self._flag_bad)

    def _flag_bad(self, record: dict[str, Any], problem: str) -> None:
        """A damaged note found in a shard: set aside, and reported, at that shard's next write."""
        note_id = record.get("id")
        if not isinstance(note_id, str):
            return  # cannot tell its file; it stays skipped
        home = shard_of(note_id)
        for index in (home, *(i for i in list(self._shard_files) if i != home)):
            storage = self._shard(index).storage
            if storage.holds(NOTES, note_id, record):
                if not any(r.key == note_id for r in storage.rejected):
                    storage.rejected.append(Rejected(NOTES, note_id, record, problem))
                return

    def _all_records(self) -> Iterator[dict[str, Any]]:
        """Every note record, shard by shard (call under the lock; do not modify them)."""
        for index in range(SHARDS):
            yield from self._shard(index).table(NOTES).raw().values()

    @property
    def lock_timeout(self) -> float:
        """Seconds an operation waits for another copy before raising ``StoreBusy``."""
        return self._lock.timeout

    @lock_timeout.setter
    def lock_timeout(self, seconds: float) -> None:
        self._lock.timeout = seconds

    @classmethod
    def open(cls, path: str | Path | None = None, *, cache_dir: Path | None = None,
             timeout: float = 10.0) -> Store:
        """Open (creating if needed) the database at ``path``, ``$GLOSS_DB`` or the data dir.

        ``timeout``: how long each operation waits for another copy holding the lock before
        raising ``StoreBusy`` (the app passes a short one and retries off the UI thread).
        """
        db_path, chosen = resolve_db_path(path)
        if db_path.is_symlink():  # a notes file in a synced folder: write where it points
            db_path = Path(os.path.realpath(db_path))
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            lock = ProcessLock(db_path.with_name(f"{db_path.name}.lock"), timeout)
        except OSError as error:
            raise GlossError(f"cannot use notes database {db_path}: {error.strerror}") from None
        store = cls(db_path, cache_dir or cache_dir_for(db_path, chosen), lock)
        try:
            store._prepare()
        except BaseException:
            store.close()
            raise
        store._opened = True
        return store

    # -- opening, recovery, migration -------------------------------------------------------

    def _prepare(self) -> None:
        with self._lock.exclusive(), self._errors("open"):
            shards_dir(self.path).mkdir(mode=0o700, exist_ok=True)
            self._remove_stale_temps()
            self._read_marker()
            storage = self._main.storage
            try:
                tables = storage.read()
            except CorruptDatabase:
                self._move_aside(self._main)
                tables = None
            version = schema_version(tables)
            if version > SCHEMA_VERSION:
                raise GlossError(
                    f"notes database {self.path} is from a newer Gloss (schema {version}); "
                    "upgrade Gloss or pass --db another file")
            if tables is None:
                storage.write(empty_tables())
                return
            fixed = tables
            if version < SCHEMA_VERSION:
                self._keep_copy(self.path, f"pre-v{SCHEMA_VERSION}")
                fixed = migrate(tables)
            if any(fixed.get(name) for name in SPILLED):
                fixed = self._spill(fixed)
            if fixed is not tables or storage.rejected:
                storage.write(fixed)

    def _spill(self, tables: Tables) -> Tables:
        """Move notes, tombstones and drafts kept in the main file (schema 1) to their files.

        Idempotent: if a kill stops it half way, the next open spills the same records again.
        Notes that cannot be used are set aside here, with the main file's next write.
        """
        notes = tables.get(NOTES, {})
        bad = [Rejected(NOTES, key, record, problem) for key, record in notes.items()
               if (problem := _note_problem(key, record))]
        self._main.storage.rejected += bad
        gone = {r.key for r in bad}
        for name, records in ((NOTES, notes), (DELETED, tables.get(DELETED, {}))):
            by_shard: dict[int, dict[str, Any]] = {}
            for key, record in records.items():
                if key not in gone or name != NOTES:
                    by_shard.setdefault(shard_of(key), {})[key] = record
            for index, part in by_shard.items():
                self._shard(index).table(name).put_many(part)
        if tables.get(DRAFTS):
            self._drafts.put_many(tables[DRAFTS])
        return {k: v for k, v in tables.items() if k not in SPILLED}

    def _read_marker(self) -> None:
        """What a copy recovered from during an earlier session: said again, once, at start."""
        marker = _marker_path(self.path)
        try:
            said = marker.read_text("utf-8", errors="replace").strip()
            marker.unlink()
        except OSError:
            return
        if said:
            self._announce(said.splitlines()[0], remember=False)

    def _check_marker(self) -> None:
        """On each re-read: did another running copy just recover the file? Tell this one too."""
        marker = _marker_path(self.path)
        try:
            st = marker.stat()
            if (st.st_ino, st.st_mtime_ns) == self._marker_seen:
                return
            self._marker_seen = (st.st_ino, st.st_mtime_ns)
            said = marker.read_text("utf-8", errors="replace").strip()
        except OSError:
            return
        if said and self._opened:
            self._announce(said.splitlines()[0], remember=False)

    def _announce(self, line: str, *, remember: bool = True) -> None:
        """Tell the user (``notice``, ``on_notice``) and, if asked, the next start too.

        ``remember`` leaves the line in ``<db>.recovered``: the next start reports it (and
        removes it), and other running copies report it on their next read.
        """
        self.notice = line if self.notice is None else f"{self.notice}; {line}"
        if remember:
            marker = _marker_path(self.path)
            with contextlib.suppress(OSError):
                write_atomic(marker, line.encode("utf-8", "replace"))
                st = marker.stat()
                self._marker_seen = (st.st_ino, st.st_mtime_ns)
        if self.on_notice is not None:
            self.on_notice(line)

    def _set_aside(self, path: Path, items: list[Rejected]) -> None:
        """Keep damaged records (and a copy of the whole file) before a write drops them."""
        backup = self._keep_copy(path, "damaged")
        target = _aside_path(path, "set-aside")
        write_quarantine(target, items)
        self.set_aside_to = target
        what = "1 damaged record was" if len(items) == 1 else f"{len(items)} damaged records were"
        self._announce(f"{what} set aside from the notes database "
                       f"in {target} (the file as it was is kept as {backup})",
                       remember=self._opened)

    def _remove_stale_temps(self) -> None:
        """Temp files left by killed writers (nobody else writes while we hold the lock)."""
        prefixes = [(self.path.parent, temp_prefix(self.path)),
                    (self.path.parent, temp_prefix(drafts_path(self.path))),
                    (shards_dir(self.path), ".")]
        for directory, prefix in prefixes:
            for stale in directory.glob(f"{prefix}*.tmp"):
                with contextlib.suppress(OSError):
                    stale.unlink()

    def _move_aside(self, file: StoreFile) -> None:
        target = _aside_path(file.path, "corrupt")
        os.rename(file.path, target)
        file.storage.forget()
        self.recovered_from = target
        what = "notes database" if file is self._main else "notes file"
        self._announce(f"the {what} {file.path} was unreadable; it was moved to "
                       f"{target} and a new one was started", remember=self._opened)

    def _keep_copy(self, path: Path, label: str) -> Path:
        target = _aside_path(path, label)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb") as out:
            out.write(path.read_bytes())
        return target

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except OSError as error:
            raise GlossError(
                f"cannot {doing} notes database {self.path}: {error.strerror or error}") from None

    def _run(self, op: Callable[[], T], *, write: bool) -> T:
        """Run ``op`` under the lock; a file corrupted behind our back is moved aside once.

        Raises ``StoreBusy`` when another copy holds the lock longer than ``lock_timeout``.
        """
        for _attempt in range(3):
            try:
                with (self._lock.exclusive() if write else self._lock.shared()), \
                        self._errors("save" if write else "read"):
                    return op()
            except CorruptDatabase as error:
                file = next((f for f in self._files() if f.path == error.path), self._main)
                with self._lock.exclusive(), self._errors("repair"):
                    file.storage.forget()
                    try:
                        file.storage.read()
                    except CorruptDatabase:
                        self._move_aside(file)
                        if file is self._main:
                            file.storage.write(empty_tables())
        raise GlossError(f"notes database {self.path} keeps being corrupted")

    # -- notes ------------------------------------------------------------------------------
    #
    # Every stored note carries a revision ("rev"), bumped by each write. Edits are merged
    # field by field into the note as it is in the file now, so two copies editing different
    # fields (or adding different tags) both keep their work; a deleted note leaves a
    # tombstone, and an edit of a note that is gone is refused: deletes win over stale edits.

    def notes(self, doc_id: str) -> list[Note]:
        """The document's notes in text order (whole-document notes first)."""
        records = self._run(lambda: [r for r in self._all_records()
                                     if r.get("doc_id") == doc_id], write=False)
        return sorted(self._parse(records), key=_text_order)

    def document_notes(self, doc_id: str, text: str,
                       hints: Iterable[str | None] = ()) -> list[Note]:
        """The notes of this document, re-anchored on ``text``: the one answer for app and export.

        ``hints`` are the document's path and URL. Notes keyed by an earlier version of the
        same source, and unbound imported notes that belong here (see ``belonging``), are
        included; each one re-found in this text (and each note that moved) is re-keyed to
        ``doc_id`` in one write, so the next reader finds it directly. Orphans stay where
        they were. Returned in text order, each with its ``anchor`` state.
        """
        wanted = frozenset(h for h in hints if h)
        keys = {doc_id, "", *wanted}
        records = self._run(lambda: [r for r in self._all_records()
                                     if _text_field(r, "doc_id") in keys
                                     or _text_field(r, "path_hint") in keys],
                            write=False)
        found = [n for n in self._parse(records) if belongs(n, doc_id, text, wanted)]
        notes, changed = [], []
        for note in reanchor_all(found, text):
            if note.anchor != "orphaned" and (note.doc_id != doc_id
                                             or note.anchor in ("moved", "fuzzy")):
                note = replace(note, doc_id=doc_id)
                changed.append(note)
            notes.append(note)
        if changed:
            moved = self._rebind(changed)  # one write, however many notes moved
            notes = [moved.get(n.id, n) for n in notes]
        return sorted(notes, key=_text_order)

    def _rebind(self, notes: list[Note]) -> dict[str, Note]:
        """Store new anchors of notes unchanged since they were read (others keep theirs)."""
        def op() -> dict[str, Note]:
            done = {}
            for note in notes:
                record = self._notes_of(note.id).record(note.id)
                if record is None or _revision(record) != note.revision:
                    continue  # deleted or edited meanwhile: the next load re-anchors it
                done[note.id] = replace(note, revision=note.revision + 1)
            self._put(done.values())
            return done

        return self._run(op, write=True)

    def _put(self, notes: Iterable[Note]) -> None:
        """Write notes (with their revisions set), one write per shard touched."""
        by_shard: dict[int, dict[str, dict[str, Any]]] = {}
        for note in notes:
            by_shard.setdefault(shard_of(note.id), {})[note.id] = _record(note)
        for index, records in by_shard.items():
            self._shard(index).table(NOTES).put_many(records)

    def all_notes(self) -> list[Note]:
        records = self._run(lambda: list(self._all_records()), write=False)
        return sorted(self._parse(records), key=lambda n: (n.doc_id, *_text_order(n)))

    def get(self, note_id: str) -> Note | None:
        record = self._run(lambda: self._notes_of(note_id).record(note_id), write=False)
        found = self._parse([record]) if record is not None else []
        return found[0] if found else None

    def save(self, note: Note) -> Note:
        """Insert the note, or replace the one with its id (an explicit re-creation)."""
        return self.save_many([note])[0]

    def add(self, note: Note) -> Note:
        """Store a new note; returned with its revision."""
        return self.save(note)

    def save_many(self, notes: Iterable[Note]) -> list[Note]:
        """Insert or replace several notes in one write; returned with their revisions."""
        wanted = {note.id: note for note in notes}

        def op() -> list[Note]:
            stored = [replace(n, revision=_revision(self._notes_of(n.id).record(n.id)) + 1)
                      for n in wanted.values()]
            self._put(stored)
            self._forget_deleted(wanted)
            return stored

        return self._run(op, write=True) if wanted else []

    def edit(self, before: Note, after: Note, *, keep_newer: bool = False) -> Note | None:
        """Apply the change ``before`` → ``after`` to the note as stored now, field by field.

        Fields this copy did not change keep what another copy wrote; tags added or removed
        here are added or removed in the stored set. Where another copy changed the same
        field, this edit wins, unless ``keep_newer`` (an undo): then the newer value stays.
        Returns the note as stored, or ``None`` when it was deleted meanwhile (deletes win).
        """
        def op() -> dict[str, Any] | None:
            current = self._notes_of(after.id).record(after.id)
            if current is None:
                return None
            merged = merge_fields(current, before.to_json(), after.to_json(), keep_newer=keep_newer)
            merged["rev"] = _revision(current) + 1
            self._notes_of(after.id).put(after.id, merged)
            return merged

        record = self._run(op, write=True)
        found = self._parse([record]) if record is not None else []
        return replace(found[0], anchor=after.anchor) if found else None

    def delete(self, note_id: str, *, revision: int | None = None) -> Note | None:
        """Remove the note, leaving a tombstone; returns it as it was (for undo).

        With ``revision`` (undoing an add), only a note nobody changed since is removed.
        ``None`` when there was nothing to remove (or it had changed).
        """
        def op() -> dict[str, Any] | None:
            record = self._notes_of(note_id).record(note_id)
            if record is None or (revision is not None and _revision(record) != revision):
                return None
            self._notes_of(note_id).pop(note_id)
            self._deleted_of(note_id).put(note_id, {"rev": _revision(record), "at": now_iso(),
                                                    "by": self.session})
            return record

        record = self._run(op, write=True)
        found = self._parse([record]) if record is not None else []
        return found[0] if found else None

    def restore(self, note: Note) -> Note | None:
        """Put back a note this copy deleted (undo of ``delete``), exactly as it was then.

        ``None`` when the note exists again or was deleted in a later state than ``note``
        (another copy's newer work is never overwritten).
        """
        def op() -> Note | None:
            if self._notes_of(note.id).record(note.id) is not None:
                return None
            tomb = self._deleted_of(note.id).record(note.id)
            if tomb is not None and _revision(tomb) != note.revision:
                return None
            stored = replace(note, revision=note.revision + 1)
            self._put([stored])
            self._forget_deleted([note.id])
            return stored

        return self._run(op, write=True)

    def merge_imported(self, notes: Iterable[Note]) -> ImportCounts:
        """Save imported notes in one locked read-merge-write (nothing can slip in between).

        A new note is added; a newer version replaces the stored one; a local note edited
        after the imported copy, or deleted here after it, is kept as it is.
        """
        incoming = {note.id: note for note in notes}

        def op() -> ImportCounts:
            counts = ImportCounts()
            changed = []
            for note in incoming.values():
                current = self._notes_of(note.id).record(note.id)
                tomb = self._deleted_of(note.id).record(note.id)
                verdict = import_decision(note.to_json(), current, tomb)
                setattr(counts, verdict, getattr(counts, verdict) + 1)
                if verdict in ("new", "updated"):
                    changed.append(replace(note, revision=max(_revision(current),
                                                              _revision(tomb)) + 1))
            self._put(changed)
            self._forget_deleted(n.id for n in changed)
            return counts

        return self._run(op, write=True)

    def _forget_deleted(self, ids: Iterable[str]) -> None:
        by_shard: dict[int, list[str]] = {}
        for note_id in ids:
            by_shard.setdefault(shard_of(note_id), []).append(note_id)
        for index, keys in by_shard.items():
            table = self._shard(index).table(DELETED)
            tombs = table.raw()
            if any(k in tombs for k in keys):
                table.pop_many(keys)

    # -- drafts -----------------------------------------------------------------------------
    #
    # Each copy of Gloss keeps its own drafts (keyed by its session), so two copies editing
    # the same passage never overwrite or discard each other's. A copy sees its own drafts
    # and, for a key it has none of, the newest left by another copy (one that quit): resumed
    # and then saved or discarded here, that draft goes too, unless it changed meanwhile.

    def save_draft(self, doc_id: str, key: str, data: dict[str, Any]) -> None:
        # A copy: the store's records are values (see TableEncoder); the editor keeps its dict.
        record = {"doc_id": doc_id, "key": key, "session": self.session,
                  "data": copy.deepcopy(data), "saved": now_iso()}
        self._run(lambda: self._drafts.put(self._draft_id(doc_id, key), record), write=True)

    def _draft_id(self, doc_id: str, key: str) -> str:
        return f"{doc_id}/{key}/{self.session}"

    def drafts(self, doc_id: str) -> dict[str, dict[str, Any]]:
        """This copy's drafts of the document by key, plus others' drafts for other keys."""
        table = self._run(self._drafts.raw, write=False)
        own: dict[str, dict[str, Any]] = {}
        others: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
        for record_id, r in table.items():
            key, data, saved = r.get("key"), r.get("data"), r.get("saved")
            if r.get("doc_id") != doc_id or not isinstance(key, str) \
                    or not isinstance(data, dict):
                continue
            if r.get("session") == self.session:
                own[key] = copy.deepcopy(data)
            else:
                others.setdefault(key, []).append((str(saved), record_id, data))
        result = dict(own)
        for key, found in others.items():
            if key not in own:
                saved, rid, data = max(found, key=lambda f: f[0])
                self._adopted[(doc_id, key)] = {rid: saved}
                result[key] = copy.deepcopy(data)
        return result

    def discard_draft(self, doc_id: str, key: str) -> None:
        """Drop this copy's draft of ``key`` and the others' drafts it was shown, if unchanged."""
        shown = self._adopted.pop((doc_id, key), {})

        def op() -> None:
            table = self._drafts.raw()
            gone = [rid for rid, saved in shown.items()
                    if rid in table and str(table[rid].get("saved")) == saved]
            own = self._draft_id(doc_id, key)
            gone += [own] if own in table else []
            if gone:
                self._drafts.pop_many(gone)

        self._run(op, write=True)

    # -- per-document settings --------------------------------------------------------------

    def settings(self, doc_id: str) -> dict[str, Any]:
        record = self._run(lambda: self._settings.record(doc_id), write=False)
        values = record.get("values") if record else None
        return copy.deepcopy(values) if isinstance(values, dict) else {}

    def update_settings(self, doc_id: str, **values: Any) -> None:
        """Set the given settings (dct=..., date_order=...); a value of ``None`` removes it."""
        def op() -> None:
            record = self._settings.record(doc_id) or {}
            current = record.get("values")
            merged = dict(current) if isinstance(current, dict) else {}
            merged.update(copy.deepcopy(values))
            merged = {k: v for k, v in merged.items() if v is not None}
            self._settings.put(doc_id, {"doc_id": doc_id, "values": merged})

        self._run(op, write=True)

    # -- analysis cache (separate files, see cache.py) -------------------------------------

    def cached_analysis(self, doc_id: str, key: str) -> dict[str, Any] | None:
        return self.cache.get(doc_id, key)

    def cache_analysis(self, doc_id: str, key: str, data: dict[str, Any]) -> None:
        self.cache.put(doc_id, key, data)

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        for file in self._files():
            file.close()
        self._lock.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
