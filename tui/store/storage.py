"""Crash-safe JSON storage for TinyDB: a kill at any moment leaves the old file or the new one.

TinyDB's stock ``JSONStorage`` rewrites the file in place, so a kill mid-write leaves half a
file. Here every write goes to a temporary file in the same directory, is fsynced, renamed
over the database with ``os.replace`` (atomic on POSIX), and the directory is fsynced so the
rename itself survives a power cut. Files are created 0600: notes are private.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from tui.store.lock import ProcessLock

FILE_MODE = 0o600
Tables = dict[str, dict[str, Any]]
_Stamp = tuple[int, int, int, int, int]  # generation, device, inode, size, mtime_ns


class CorruptDatabase(ValueError):
    """The file exists but is not a TinyDB database we can read."""


def temp_prefix(path: Path) -> str:
    """Name prefix of the temporary files written next to ``path`` (hidden, per database)."""
    return f".{path.name}."


def write_atomic(path: Path, payload: bytes) -> None:
    """Replace ``path`` with ``payload`` so readers and crashes see all of it or none of it."""
    directory = path.parent
    tmp = directory / f"{temp_prefix(path)}{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
    try:
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_directory(directory)


def fsync_directory(directory: Path) -> None:
    """Make a rename in ``directory`` durable (some filesystems refuse; that is not fatal)."""
    fd = os.open(directory, os.O_RDONLY | os.O_CLOEXEC)
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


_JSON = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def encode(data: Any) -> bytes:
    """Compact UTF-8 JSON: smaller than TinyDB's default, and faster to write and parse."""
    return _JSON.encode(data).encode("utf-8")


class TableEncoder:
    """Encodes the whole database, reusing the JSON of everything unchanged since last time.

    TinyDB writes the whole file for every change; re-encoding 10,000 unchanged notes would
    dominate a save (and hold the GIL). The store never mutates a record or a table in place
    (it puts new dicts), so an object seen before has the JSON it had; a record read afresh
    from the file (another process wrote it) is reused when it compares equal. (Python's
    ``1 == True == 1.0`` means such a swap keeps the old spelling; the value stays truthy-equal
    and no stored field mixes those types.)
    """

    def __init__(self) -> None:
        # table name -> (table object, its JSON, {key: (record, '"key":JSON')})
        self._memo: dict[str, tuple[object, bytes, dict[str, tuple[object, bytes]]]] = {}

    def encode(self, tables: Tables) -> bytes:
        memo = {}
        parts = []
        for name, table in tables.items():
            old = self._memo.get(name)
            if old is not None and old[0] is table:
                memo[name] = old
            else:
                memo[name] = self._encode_table(table, old[2] if old else {})
            parts.append(encode(name) + b":" + memo[name][1])
        self._memo = memo
        return b"{" + b",".join(parts) + b"}"

    @staticmethod
    def _encode_table(table: dict[str, Any], seen: dict[str, tuple[object, bytes]]
                      ) -> tuple[object, bytes, dict[str, tuple[object, bytes]]]:
        records = {}
        for key, record in table.items():
            hit = seen.get(key)
            if hit is None or (hit[0] is not record and hit[0] != record):
                hit = (record, encode(key) + b":" + encode(record))
            records[key] = hit
        return table, b"{" + b",".join(hit[1] for hit in records.values()) + b"}", records

    def forget(self) -> None:
        self._memo = {}


def decode_tables(raw: bytes) -> Tables | None:
    """Parse a database file; ``None`` for an empty file. Raises ``CorruptDatabase``."""
    if not raw.strip():
        return None
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorruptDatabase(f"not valid JSON: {error}") from None
    if not isinstance(data, dict):
        raise CorruptDatabase("top level is not an object")
    for name, table in data.items():
        if not isinstance(table, dict):
            raise CorruptDatabase(f"table {name!r} is not an object")
        for key, doc in table.items():
            if not isinstance(doc, dict):
                raise CorruptDatabase(f"record {name}/{key} is not an object")
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic replace-on-write and a read cache checked against the lock.

    With a ``ProcessLock``, ``write`` must run under its exclusive lock, and ``read`` reuses the
    data it last saw when the lock's write counter and the file's identity are unchanged: each
    operation re-reads the file only when another process has written it since.
    """

    def __init__(self, path: str | Path, lock: ProcessLock | None = None) -> None:
        super().__init__()
        self.path = Path(path)
        self.lock = lock
        self._data: Tables | None = None
        self._stamp: _Stamp | None = None
        self._encoder = TableEncoder()

    def _current_stamp(self) -> _Stamp | None:
        if self.lock is None:
            return None
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (self.lock.generation(), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def read(self) -> Tables | None:
        stamp = self._current_stamp()
        # (The encoder's memo survives a re-read: unchanged records compare equal.)
        if stamp is not None and stamp == self._stamp and self._data is not None:
            return self._data
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self.forget()
            return None
        data = decode_tables(raw)
        self._data, self._stamp = data, stamp
        return data

    def write(self, data: Tables) -> None:
        if self.lock is not None and not self.lock.held_exclusively:
            raise RuntimeError("writes need the store's exclusive lock")
        # Whatever happens next, the cached copy may no longer match the file.
        self.forget()
        payload = self._encoder.encode(data)
        if self.lock is not None:
            self.lock.bump()
        write_atomic(self.path, payload)
        self._data, self._stamp = data, self._current_stamp()

    def forget(self) -> None:
        """Drop the cached copy so the next read goes to the file."""
        self._data = self._stamp = None

    def close(self) -> None:
        self.forget()
        self._encoder.forget()
