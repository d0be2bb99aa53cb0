"""The files a store is made of: each one a TinyDB database on our atomic storage.

A store is a main file (schema version, settings), a drafts file, and the notes spread over
``SHARDS`` files in ``<db>.notes/`` by a hash of the note id. A save rewrites one small file
instead of every note the user has (TinyDB writes a whole file per change), and opening reads
only the main file; the shards are read when first needed and re-read only when they change.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, cast

from tinydb import TinyDB
from tinydb.table import Table

from tui.store.lock import ProcessLock
from tui.store.records import Rejected
from tui.store.storage import AtomicJSONStorage

SHARDS = 64
MAIN_SLOT, DRAFTS_SLOT, FIRST_SHARD_SLOT = 0, 1, 2  # write counters in the lock file


def shard_of(note_id: str) -> int:
    """The shard that holds a note: stable across runs and machines."""
    return int.from_bytes(hashlib.blake2b(note_id.encode("utf-8", "surrogatepass"),
                                          digest_size=4).digest(), "big") % SHARDS


def drafts_path(db: Path) -> Path:
    return db.with_name(f"{db.name}.drafts.json")


def shards_dir(db: Path) -> Path:
    return db.with_name(f"{db.name}.notes")


def shard_path(db: Path, index: int) -> Path:
    return shards_dir(db) / f"{index:02x}.json"


class KeyedTable(Table):
    """A table keyed by our own string ids, with single-write put/pop.

    TinyDB's ``upsert`` of a new record writes the whole file twice (an empty update, then an
    insert); ``put`` writes it once.
    """

    document_id_class = str  # type: ignore[assignment]

    def put(self, key: str, record: dict[str, Any]) -> None:
        self.put_many({key: record})

    def put_many(self, records: dict[str, dict[str, Any]]) -> None:
        def updater(table: dict[Any, Any]) -> None:
            table.update(records)

        self._update_table(updater)

    def pop(self, key: str) -> None:
        self.pop_many([key])

    def pop_many(self, keys: Iterable[str]) -> None:
        def updater(table: dict[Any, Any]) -> None:
            for key in keys:
                table.pop(key, None)

        self._update_table(updater)

    def raw(self) -> dict[str, Any]:
        """The table as read (shared with the read cache: never modify it)."""
        return cast(dict[str, Any], self._read_table())

    def record(self, key: str) -> dict[str, Any] | None:
        raw = self._read_table().get(key)
        return dict(raw) if raw is not None else None


class _Database(TinyDB):
    table_class = KeyedTable


class StoreFile:
    """One TinyDB file of the store, under the store's lock."""

    def __init__(self, path: Path, lock: ProcessLock, slot: int,
                 set_aside: Callable[[Path, list[Rejected]], None],
                 on_reread: Callable[[], None] | None = None) -> None:
        self.path = path
        self.storage = AtomicJSONStorage(path, lock, slot)
        self.storage.set_aside = lambda items: set_aside(path, items)
        self.storage.on_reread = on_reread
        self._db = _Database(storage=lambda: self.storage)

    def table(self, name: str) -> KeyedTable:
        return cast(KeyedTable, self._db.table(name, cache_size=0))

    def close(self) -> None:
        self._db.close()
