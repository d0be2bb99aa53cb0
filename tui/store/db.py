"""The notes database: notes, drafts and per-document settings in one TinyDB file.

Every change is one operation (save, delete, put a draft or a setting) applied under the
inter-process lock to the file as it is *now*, never a snapshot written back from memory: two
copies of Gloss can save and delete concurrently and neither loses the other's work. A file
that cannot be parsed is moved aside and reported through ``Store.recovered_from``; nothing is
overwritten silently.
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
from typing import Any, TypeVar, cast

from tinydb import TinyDB, where
from tinydb.table import Table

from tui.errors import GlossError
from tui.store.anchoring import reanchor_all
from tui.store.belonging import belongs
from tui.store.cache import AnalysisCache
from tui.store.lock import ProcessLock
from tui.store.model import Note, now_iso
from tui.store.paths import cache_dir_for, resolve_db_path
from tui.store.schema import (
    DRAFTS,
    NOTES,
    SCHEMA_VERSION,
    SETTINGS,
    empty_tables,
    migrate,
    schema_version,
)
from tui.store.storage import FILE_MODE, AtomicJSONStorage, CorruptDatabase, temp_prefix

T = TypeVar("T")


class KeyedTable(Table):
    """A table keyed by our own string ids, with single-write put/pop.

    TinyDB's ``upsert`` of a new record writes the whole file twice (an empty update, then an
    insert); ``put`` writes it once.
    """

    document_id_class = str  # type: ignore[assignment]

    def put(self, key: str, record: dict[str, Any]) -> None:
        def updater(table: dict[Any, Any]) -> None:
            table[key] = record

        self._update_table(updater)

    def put_many(self, records: dict[str, dict[str, Any]]) -> None:
        def updater(table: dict[Any, Any]) -> None:
            table.update(records)

        self._update_table(updater)

    def pop(self, key: str) -> None:
        def updater(table: dict[Any, Any]) -> None:
            table.pop(key, None)

        self._update_table(updater)

    def record(self, key: str) -> dict[str, Any] | None:
        raw = self._read_table().get(key)
        return dict(raw) if raw is not None else None


class _Database(TinyDB):
    table_class = KeyedTable


def _text_order(note: Note) -> tuple[int, int, str]:
    if note.position is None:
        return (-1, -1, note.created)
    return (note.position.start, note.position.end, note.created)


def _text_field(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    return value if isinstance(value, str) else None


def _parse_notes(records: list[Any]) -> list[Note]:
    """Notes from raw records; a malformed record is skipped here but kept in the file."""
    notes = []
    for record in records:
        try:
            notes.append(Note.from_json(record))
        except (KeyError, TypeError, ValueError):
            continue
    return notes


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
        self._lock = lock
        self._storage = AtomicJSONStorage(path, lock)
        self._db = _Database(storage=lambda: self._storage)
        self._notes = self._table(NOTES)
        self._drafts = self._table(DRAFTS)
        self._settings = self._table(SETTINGS)

    def _table(self, name: str) -> KeyedTable:
        return cast(KeyedTable, self._db.table(name, cache_size=0))

    @classmethod
    def open(cls, path: str | Path | None = None, *, cache_dir: Path | None = None) -> Store:
        """Open (creating if needed) the database at ``path``, ``$GLOSS_DB`` or the data dir."""
        db_path, chosen = resolve_db_path(path)
        try:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            lock = ProcessLock(db_path.with_name(f"{db_path.name}.lock"))
        except OSError as error:
            raise GlossError(f"cannot use notes database {db_path}: {error.strerror}") from None
        store = cls(db_path, cache_dir or cache_dir_for(db_path, chosen), lock)
        try:
            store._prepare()
        except BaseException:
            store.close()
            raise
        return store

    # -- opening, recovery, migration -------------------------------------------------------

    def _prepare(self) -> None:
        with self._lock.exclusive(), self._errors("open"):
            self._remove_stale_temps()
            try:
                tables = self._storage.read()
            except CorruptDatabase:
                self._move_aside()
                tables = None
            version = schema_version(tables)
            if version > SCHEMA_VERSION:
                raise GlossError(
                    f"notes database {self.path} is from a newer Gloss (schema {version}); "
                    "upgrade Gloss or pass --db another file")
            if tables is None:
                self._storage.write(empty_tables())
            elif version < SCHEMA_VERSION:
                self._keep_copy(f"pre-v{SCHEMA_VERSION}")
                self._storage.write(migrate(tables))

    def _remove_stale_temps(self) -> None:
        """Temp files left by killed writers (nobody else writes while we hold the lock)."""
        for stale in self.path.parent.glob(f"{temp_prefix(self.path)}*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()

    def _move_aside(self) -> None:
        target = _aside_path(self.path, "corrupt")
        os.rename(self.path, target)
        self._storage.forget()
        self.recovered_from = target

    def _keep_copy(self, label: str) -> None:
        target = _aside_path(self.path, label)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb") as out:
            out.write(self.path.read_bytes())

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except OSError as error:
            raise GlossError(
                f"cannot {doing} notes database {self.path}: {error.strerror or error}") from None

    def _run(self, op: Callable[[], T], *, write: bool) -> T:
        """Run ``op`` under the lock; a file corrupted behind our back is moved aside once."""
        for _attempt in range(2):
            try:
                with (self._lock.exclusive() if write else self._lock.shared()), \
                        self._errors("save" if write else "read"):
                    return op()
            except CorruptDatabase:
                with self._lock.exclusive(), self._errors("repair"):
                    self._storage.forget()
                    try:
                        self._storage.read()
                    except CorruptDatabase:
                        self._move_aside()
                        self._storage.write(empty_tables())
        raise GlossError(f"notes database {self.path} keeps being corrupted")

    # -- notes ------------------------------------------------------------------------------

    def notes(self, doc_id: str) -> list[Note]:
        """The document's notes in text order (whole-document notes first)."""
        records = self._run(lambda: self._notes.search(where("doc_id") == doc_id), write=False)
        return sorted(_parse_notes(records), key=_text_order)

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
        records = self._run(lambda: [r for r in self._notes.all()
                                     if _text_field(r, "doc_id") in keys
                                     or _text_field(r, "path_hint") in keys],
                            write=False)
        found = [n for n in _parse_notes(records) if belongs(n, doc_id, text, wanted)]
        notes, changed = [], []
        for note in reanchor_all(found, text):
            if note.anchor != "orphaned" and (note.doc_id != doc_id
                                             or note.anchor in ("moved", "fuzzy")):
                note = replace(note, doc_id=doc_id)
                changed.append(note)
            notes.append(note)
        if changed:
            self.save_many(changed)  # one write, however many notes moved
        return sorted(notes, key=_text_order)

    def all_notes(self) -> list[Note]:
        records = self._run(self._notes.all, write=False)
        return sorted(_parse_notes(records), key=lambda n: (n.doc_id, *_text_order(n)))

    def get(self, note_id: str) -> Note | None:
        record = self._run(lambda: self._notes.record(note_id), write=False)
        found = _parse_notes([record]) if record is not None else []
        return found[0] if found else None

    def save(self, note: Note) -> None:
        """Insert or replace the note with this id."""
        self._run(lambda: self._notes.put(note.id, note.to_json()), write=True)

    def save_many(self, notes: Iterable[Note]) -> None:
        """Insert or replace several notes in one write (re-anchoring, import)."""
        records = {note.id: note.to_json() for note in notes}
        if records:
            self._run(lambda: self._notes.put_many(records), write=True)

    def delete(self, note_id: str) -> Note | None:
        """Remove the note; returns it (for undo) or ``None`` if it was not there."""
        def op() -> dict[str, Any] | None:
            record = self._notes.record(note_id)
            if record is not None:
                self._notes.pop(note_id)
            return record

        record = self._run(op, write=True)
        found = _parse_notes([record]) if record is not None else []
        return found[0] if found else None

    def restore(self, note: Note) -> None:
        """Put a deleted note back exactly as it was (undo of ``delete``)."""
        self.save(note)

    # -- drafts -----------------------------------------------------------------------------

    def save_draft(self, doc_id: str, key: str, data: dict[str, Any]) -> None:
        # A copy: the store's records are values (see TableEncoder); the editor keeps its dict.
        record = {"doc_id": doc_id, "key": key, "data": copy.deepcopy(data), "saved": now_iso()}
        self._run(lambda: self._drafts.put(f"{doc_id}/{key}", record), write=True)

    def drafts(self, doc_id: str) -> dict[str, dict[str, Any]]:
        records = self._run(lambda: self._drafts.search(where("doc_id") == doc_id), write=False)
        return {r["key"]: copy.deepcopy(r["data"]) for r in records
                if isinstance(r.get("key"), str) and isinstance(r.get("data"), dict)}

    def discard_draft(self, doc_id: str, key: str) -> None:
        def op() -> None:
            if self._drafts.record(f"{doc_id}/{key}") is not None:
                self._drafts.pop(f"{doc_id}/{key}")

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
        self._db.close()
        self._lock.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
