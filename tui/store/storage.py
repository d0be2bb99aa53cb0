"""Crash-safe JSON storage for TinyDB: a kill at any moment leaves the old file or the new one.

TinyDB's stock ``JSONStorage`` rewrites the file in place, so a kill mid-write leaves half a
file. Here every write goes to a temporary file in the same directory, is fsynced, renamed
over the database with ``os.replace`` (atomic on POSIX), and the directory is fsynced so the
rename itself survives a power cut. Files are created 0600: notes are private.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import re
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from tui.store.lock import ProcessLock
from tui.store.records import Rejected, too_deep
from tui.store.schema import NOTES

FILE_MODE = 0o600
Tables = dict[str, dict[str, Any]]
_Stamp = tuple[int, int, int, int, int]  # generation, device, inode, size, mtime_ns


class CorruptDatabase(ValueError):
    """The file exists but is not a TinyDB database we can read (``path`` says which file)."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


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
_ASCII_JSON = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"))


def encode(data: Any) -> bytes:
    """Compact UTF-8 JSON: smaller than TinyDB's default, and faster to write and parse.

    Text that is not valid Unicode (a lone surrogate) is written escaped, so it round-trips
    instead of making the write fail.
    """
    try:
        return orjson.dumps(data)
    except (TypeError, ValueError):  # lone surrogates, integers beyond 64 bits, ...
        pass
    try:
        return _JSON.encode(data).encode("utf-8")
    except UnicodeEncodeError:
        return _ASCII_JSON.encode(data).encode("ascii")


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


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _bounded_int(digits: str) -> int | str:
    """An integer, or its digits as text when Python refuses to convert that many."""
    try:
        return int(digits)
    except ValueError:
        return digits


def _unicode_ok(value: Any) -> bool:
    try:
        _JSON.encode(value).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def decode_tables(raw: bytes) -> tuple[Tables | None, list[Rejected]]:
    """Parse a database file: its tables (``None`` for an empty file) and what was set aside.

    A file that cannot be parsed at all (bad JSON, wrong encoding, nesting too deep for the
    parser, a top level that is not an object) raises ``CorruptDatabase``. A table or record
    of the wrong shape, too deeply nested, or holding text that is not valid Unicode is
    returned in the second list instead, so the rest of the file stays usable.
    """
    if not raw.strip():
        return None, []
    check_text = False  # orjson refuses text that is not valid Unicode: only the fallback
    try:
        data = orjson.loads(raw)  # several times faster; strict where the fallback is not
    except orjson.JSONDecodeError:
        check_text = _SURROGATE_ESCAPE.search(raw) is not None
        try:
            data = json.loads(raw, parse_int=_bounded_int)
        except Exception as error:  # noqa: BLE001 - RecursionError, UnicodeError, ValueError
            raise CorruptDatabase(f"not readable JSON: {type(error).__name__}") from None
    if not isinstance(data, dict):
        raise CorruptDatabase("top level is not an object")
    tables: Tables = {}
    rejected: list[Rejected] = []
    for name, table in data.items():
        if not isinstance(table, dict) or (check_text and not _unicode_ok(name)):
            rejected.append(Rejected(name, None, table, "table is not an object"))
            continue
        clean = {}
        for key, doc in table.items():
            if not isinstance(doc, dict):
                rejected.append(Rejected(name, key, doc, "record is not an object"))
            elif check_text and not _unicode_ok([key, doc]):
                rejected.append(Rejected(name, key, doc, "text is not valid Unicode"))
            elif name != NOTES and too_deep(doc):  # notes are checked field by field
                rejected.append(Rejected(name, key, doc, "nested too deeply"))
            else:
                clean[key] = doc
        tables[name] = clean
    return tables, rejected


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic GC while parsing: it would rescan the heap for every few hundred of the
    thousands of dicts a parse makes (halves the time to read a large notes file)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class AtomicJSONStorage(Storage):
    """TinyDB storage with atomic replace-on-write and a read cache checked against the lock.

    With a ``ProcessLock``, ``write`` must run under its exclusive lock, and ``read`` reuses the
    data it last saw when the lock's write counter and the file's identity are unchanged: each
    operation re-reads the file only when another process has written it since.
    """

    def __init__(self, path: str | Path, lock: ProcessLock | None = None, slot: int = 0) -> None:
        super().__init__()
        self.path = Path(path)
        self.lock = lock
        self.slot = slot  # which write counter of the lock file counts this file's writes
        self._data: Tables | None = None
        self._stamp: _Stamp | None = None
        self._known = False  # whether _data is what the file held at _stamp
        self._encoder = TableEncoder()
        # Parts of the file as last read that were left out of ``_data``: the next write
        # must set them aside first (see ``Store``), or they would be dropped unseen.
        self.rejected: list[Rejected] = []
        self.set_aside: Callable[[list[Rejected]], None] | None = None
        self.on_reread: Callable[[], None] | None = None  # the file changed: news from others?

    def _current_stamp(self) -> _Stamp | None:
        if self.lock is None:
            return None
        generation = self.lock.generation(self.slot)
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return (generation, -1, -1, -1, -1)  # absent (a shard nobody has written yet)
        return (generation, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def read(self) -> Tables | None:
        stamp = self._current_stamp()
        # (The encoder's memo survives a re-read: unchanged records compare equal.)
        if stamp is not None and stamp == self._stamp and self._known:
            return self._data
        if self.on_reread is not None:
            self.on_reread()
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            self._data, self._stamp, self._known, self.rejected = None, stamp, True, []
            return None
        try:
            with _no_gc():
                data, self.rejected = decode_tables(raw)
        except CorruptDatabase as error:
            raise CorruptDatabase(str(error), self.path) from None
        self._data, self._stamp, self._known = data, stamp, True
        return data

    def write(self, data: Tables) -> None:
        if self.lock is not None and not self.lock.held_exclusively:
            raise RuntimeError("writes need the store's exclusive lock")
        if self.rejected:
            if self.set_aside is None:
                raise RuntimeError("damaged records would be dropped: nothing sets them aside")
            self.set_aside(self.rejected)
            for r in self.rejected:  # found bad after the read (see Store): not written back
                table = data.get(r.table)
                if r.key is not None and isinstance(table, dict):
                    table.pop(r.key, None)
            self.rejected = []
        # Whatever happens next, the cached copy may no longer match the file.
        self.forget()
        payload = self._encoder.encode(data)
        if self.lock is not None:
            self.lock.bump(self.slot)
        write_atomic(self.path, payload)
        self._data, self._stamp, self._known = data, self._current_stamp(), True

    def holds(self, table: str, key: str, record: object) -> bool:
        """Whether the copy last read has exactly this ``record`` under ``key`` (no file access)."""
        data = self._data if self._known else None
        return data is not None and data.get(table, {}).get(key) is record

    def forget(self) -> None:
        """Drop the cached copy so the next read goes to the file."""
        self._data = self._stamp = None
        self._known = False  # whether _data is what the file held at _stamp

    def close(self) -> None:
        self.forget()
        self._encoder.forget()
