"""The analysis cache: one JSON file per (document id, key), outside the notes database.

An analysis of a long book runs to megabytes; kept in the notes file it would make every note
save rewrite it. Here each entry is its own file, written atomically, so a save touches only
the notes and a reopen reads only the entry it needs.

The key names what produced the data, so a change of tagger or rules misses the cache instead
of trusting stale output. Callers build it from the pipeline name and version and our analysis
version, e.g. ``f"analysis:{pipeline}-{pipeline_version}:{ANALYSIS_VERSION}"``. An entry that
cannot be read, or was written for another document or key, counts as a miss and is rebuilt
by the caller.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path
from typing import Any

from tui.store.storage import encode, write_atomic

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


class AnalysisCache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def entry_path(self, doc_id: str, key: str) -> Path:
        """A readable, collision-free file name: sanitized id and key plus a hash of both."""
        digest = hashlib.sha256(f"{doc_id}\0{key}".encode()).hexdigest()[:16]
        stem = f"{_UNSAFE.sub('_', doc_id)[:64]}-{_UNSAFE.sub('_', key)[:64]}-{digest}"
        return self.directory / f"{stem}.json"

    def get(self, doc_id: str, key: str) -> dict[str, Any] | None:
        try:
            entry = json.loads(self.entry_path(doc_id, key).read_bytes())
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return None
        if (not isinstance(entry, dict) or entry.get("doc_id") != doc_id
                or entry.get("key") != key or not isinstance(entry.get("data"), dict)):
            return None
        data: dict[str, Any] = entry["data"]
        return data

    def put(self, doc_id: str, key: str, data: dict[str, Any]) -> None:
        """Write the entry atomically; a cache that cannot be written is skipped, not fatal."""
        payload = encode({"doc_id": doc_id, "key": key, "data": data})
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_atomic(self.entry_path(doc_id, key), payload)
        except OSError:
            return

    def discard(self, doc_id: str, key: str) -> None:
        try:
            os.unlink(self.entry_path(doc_id, key))
        except FileNotFoundError:
            return
