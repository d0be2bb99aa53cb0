"""How concurrent changes to one note combine: field by field, and imports by timestamp.

Two copies of Gloss (or a copy and ``gloss import``) may change the same note. Each change is
merged into the note as stored *now*, under the lock: only the fields a change touched are
written, tags are merged as a set, and a note deleted or edited here after an imported
copy was made keeps its local state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

Verdict = Literal["new", "updated", "unchanged", "kept"]
_OWN_FIELDS = frozenset({"id", "rev", "created"})


def merge_fields(current: dict[str, Any], before: dict[str, Any], after: dict[str, Any], *,
                 keep_newer: bool) -> dict[str, Any]:
    """``current`` with the fields that changed from ``before`` to ``after`` (a new dict).

    Where ``current`` differs from both (another copy changed the same field), ``after``
    wins unless ``keep_newer`` (an undo must not overwrite newer work).
    """
    out = dict(current)
    for name in (after.keys() | before.keys()) - _OWN_FIELDS:
        old, new, now = before.get(name), after.get(name), current.get(name)
        if old == new:
            continue  # not ours to change
        if name == "tags" and isinstance(old, list) and isinstance(new, list) \
                and isinstance(now, list):
            added = [t for t in new if t not in old and t not in now]
            out[name] = [t for t in now if t in new or t not in old] + added
        elif not (keep_newer and now not in (old, new)):
            out[name] = new
    return out


@dataclass
class ImportCounts:
    """What ``Store.merge_imported`` did with each note of an import."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0  # the local copy (or its deletion) is newer than the imported one

    def as_dict(self) -> dict[str, int]:
        return {"new": self.new, "updated": self.updated, "unchanged": self.unchanged,
                "kept": self.kept}


def import_decision(incoming: dict[str, Any], current: dict[str, Any] | None,
                    tomb: dict[str, Any] | None) -> Verdict:
    """What to do with an imported note given the stored one (or its tombstone)."""
    if current is None:
        if tomb is not None and not later(str(incoming.get("modified")), str(tomb.get("at"))):
            return "kept"  # deleted here after this copy was made
        return "new"
    if {k: v for k, v in current.items() if k != "rev"} == incoming:
        return "unchanged"
    if later(str(current.get("modified")), str(incoming.get("modified"))):
        return "kept"
    return "updated"


def later(a: str, b: str) -> bool:
    """Whether timestamp ``a`` is strictly later than ``b`` (unparseable ones compare as text)."""
    da, db = _parse(a), _parse(b)
    if da is None or db is None:
        return a > b
    return da > db


def _parse(value: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
