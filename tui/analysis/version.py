"""The analysis version: a hash of the source of the code that shapes an ``Analysis``.

Cached analyses are keyed on it, so any change to a rule, the clustering, the temporal tagger or
the timeline misses the cache instead of serving stale output; no one has to remember to bump
a number. It reads file bytes only (no spaCy, no tagger import) and is computed once per process.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from tui import __version__

# Modules that run, name or report analyses without deciding what a cached one holds: the
# ``gloss analyze`` command, its JSON-lines stream (never cached) and progress bar, the worker
# processes, the cache key and this module. Editing them keeps the cached analyses.
PLUMBING = frozenset({
    "batch.py", "batch_workers.py", "jsonl.py", "progress_bar.py", "summary.py", "worker.py",
    "cache_key.py", "version.py",
})
_ROOT = Path(__file__).resolve().parent


def source_fingerprint(root: Path) -> str:
    """A short hex digest over the path and bytes of every analysis module under ``root``;
    "" when there is no source to read (an installation without ``.py`` files)."""
    digest = hashlib.sha256()
    found = False
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root).as_posix()
        if relative in PLUMBING:
            continue
        found = True
        digest.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16] if found else ""


@lru_cache(maxsize=1)
def analysis_version() -> str:
    """This installation's analysis version; without readable sources, the package version."""
    return source_fingerprint(_ROOT) or f"v{__version__}"
