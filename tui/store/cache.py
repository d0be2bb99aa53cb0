"""The analysis cache: one JSON file per (document id, key), outside the notes database.

An analysis of a long book runs to megabytes; kept in the notes file it would make every note
save rewrite it. Here each entry is its own file, written atomically, so a save touches only
the notes and a reopen reads only the entry it needs.

The key names what produced the data, so a change of tagger or rules misses the cache instead
of trusting stale output. Callers build it from the pipeline name and version and our analysis
version, e.g. ``f"analysis:{pipeline}-{pipeline_version}:{ANALYSIS_VERSION}"``. An entry that
cannot be read, or was written for another document or key, counts as a miss and is rebuilt
by the caller. The directory is kept under a size limit by dropping the least recently used
entries, so analyses made by older versions do not pile up.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from pathlib import Path
from typing import Any

from tui.store.storage import encode, write_atomic

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
MAX_BYTES = 512 * 2**20
STALE_TEMP_SECONDS = 3600  # a temp file this old belongs to a writer that was killed


class AnalysisCache:
    def __init__(self, directory: Path, max_bytes: int = MAX_BYTES) -> None:
        self.directory = directory
        self.max_bytes = max_bytes

    def entry_path(self, doc_id: str, key: str) -> Path:
        """A readable, collision-free file name: sanitized id and key plus a hash of both."""
        digest = hashlib.sha256(f"{doc_id}\0{key}".encode()).hexdigest()[:16]
        stem = f"{_UNSAFE.sub('_', doc_id)[:64]}-{_UNSAFE.sub('_', key)[:64]}-{digest}"
        return self.directory / f"{stem}.json"

    def get(self, doc_id: str, key: str) -> dict[str, Any] | None:
        path = self.entry_path(doc_id, key)
        try:
            entry = json.loads(path.read_bytes())
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return None
        if (not isinstance(entry, dict) or entry.get("doc_id") != doc_id
                or entry.get("key") != key or not isinstance(entry.get("data"), dict)):
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: pruned last
        data: dict[str, Any] = entry["data"]
        return data

    def put(self, doc_id: str, key: str, data: dict[str, Any]) -> None:
        """Write the entry atomically; a cache that cannot be written is skipped, not fatal."""
        payload = encode({"doc_id": doc_id, "key": key, "data": data})
        path = self.entry_path(doc_id, key)
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomic(path, payload)
            self._prune(keep=path)
        except OSError:
            return

    def _prune(self, keep: Path) -> None:
        """Drop the least recently used entries beyond ``max_bytes`` and abandoned temp files."""
        now = time.time()
        entries = []
        for child in self.directory.iterdir():
            try:
                st = child.stat()
            except OSError:
                continue
            if child.name.endswith(".tmp"):
                if now - st.st_mtime > STALE_TEMP_SECONDS:
                    child.unlink(missing_ok=True)
            elif child.suffix == ".json" and child != keep:
                entries.append((st.st_mtime_ns, st.st_size, child))
        total = sum(size for _, size, _ in entries) + keep.stat().st_size
        for _, size, child in sorted(entries):
            if total <= self.max_bytes:
                break
            child.unlink(missing_ok=True)
            total -= size

    def discard(self, doc_id: str, key: str) -> None:
        try:
            os.unlink(self.entry_path(doc_id, key))
        except FileNotFoundError:
            return
