"""Records set aside from a damaged notes file, kept in a file next to it for the user.

Written as ASCII-escaped JSON, so even text that is not valid Unicode (a lone surrogate) is
kept exactly as it was read; never read back by Gloss.
"""

from __future__ import annotations

import json
from pathlib import Path

from tui.store.model import now_iso
from tui.store.records import Rejected, too_deep
from tui.store.storage import write_atomic


def write_quarantine(target: Path, items: list[Rejected]) -> None:
    """Write ``items`` to ``target`` (a new file) atomically."""
    records = [{"table": r.table, "key": r.key, "reason": r.reason,
                "value": None if too_deep(r.value) else r.value} for r in items]
    payload = {"set_aside": now_iso(), "records": records}
    write_atomic(target, json.dumps(payload, ensure_ascii=True, indent=1).encode("ascii"))
