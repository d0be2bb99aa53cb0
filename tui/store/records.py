"""Checks on records read back from the notes file, so one damaged record cannot poison it.

The file is ours, but people edit it, sync tools merge it and older versions wrote it: a
record may have the wrong types, text that is not valid Unicode (a lone surrogate escape), or
absurd nesting. Such a record is set aside (see ``quarantine``) instead of being parsed into
a note that breaks sorting, or kept in a table that no later write can encode.
"""

from __future__ import annotations

from typing import Any, NamedTuple, get_args

from tui.store.model import TargetKind

MAX_DEPTH = 64  # our records nest 4 deep; anything this deep is damage, not data
_TARGETS = frozenset(get_args(TargetKind))


class Rejected(NamedTuple):
    """One table (``key`` None) or record that could not stay in the database, and why."""

    table: str
    key: str | None
    value: Any
    reason: str


def too_deep(value: Any, limit: int = MAX_DEPTH) -> bool:
    """Whether ``value`` nests containers more than ``limit`` levels (iterative: no recursion)."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children)
    return False


def note_problem(key: str, record: dict[str, Any]) -> str | None:
    """Why a stored note record cannot be used, or ``None`` when it can."""
    checks: tuple[tuple[str, bool], ...] = (
        ("id", isinstance(record.get("id"), str) and record.get("id") == key),
        ("doc_id", isinstance(record.get("doc_id"), str)),
        ("path_hint", _optional_text(record.get("path_hint"))),
        ("body", isinstance(record.get("body", ""), str)),
        ("tags", _text_list(record.get("tags", []))),
        ("category", isinstance(record.get("category", ""), str)),
        ("target", record.get("target", "passage") in _TARGETS),
        ("target_key", _optional_text(record.get("target_key"))),
        ("created", isinstance(record.get("created", ""), str)),
        ("modified", isinstance(record.get("modified", ""), str)),
        ("quote", _quote_ok(record.get("quote"))),
        ("position", _position_ok(record.get("position"))),
        ("rev", _small_int(record.get("rev", 0))),
    )
    bad = [name for name, ok in checks if not ok]
    return f"bad {', '.join(bad)}" if bad else None


def _optional_text(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _text_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _small_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**63


def _quote_ok(value: Any) -> bool:
    if value is None:
        return True
    return (isinstance(value, dict) and isinstance(value.get("exact"), str)
            and isinstance(value.get("prefix", ""), str)
            and isinstance(value.get("suffix", ""), str))


def _position_ok(value: Any) -> bool:
    if value is None:
        return True
    if not isinstance(value, dict):
        return False
    start, end = value.get("start"), value.get("end")
    return isinstance(start, int) and isinstance(end, int) and _small_int(start) \
        and _small_int(end) and start <= end
