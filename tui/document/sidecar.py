"""Metadata that travels beside an article: ``<name>.meta.json`` and a date in the file name.

A plain-text article has no header, yet its publication date decides what "Tuesday" and
"6/8" mean. The sidecar is the explicit way to say it; a ``YYYY-MM-DD`` in the file name is
the implicit one.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from tui.document.errors import DocumentError
from tui.document.untrusted_json import BadJSON, parse_json

SUFFIX = ".meta.json"
_FILENAME_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_TEXT_KEYS = ("title", "source", "author", "url")
_DATE_ORDERS = ("DMY", "MDY", "YMD")
MAX_SIDECAR_BYTES = 1 << 20  # a few fields; anything larger is not a sidecar


def sidecar_path(article: Path) -> Path | None:
    """``story.meta.json`` (or ``story.txt.meta.json``) beside ``story.txt``, if present."""
    for candidate in (article.with_name(article.stem + SUFFIX),
                      article.with_name(article.name + SUFFIX)):
        if candidate.is_file():
            return candidate
    return None


def read_sidecar(path: Path) -> dict[str, Any]:
    """The sidecar's fields, validated, as ``Metadata`` keyword arguments.

    Raises ``DocumentError`` (problem "metadata") with the one-line reason it is unusable.
    """
    try:
        with path.open("rb") as file:
            data = file.read(MAX_SIDECAR_BYTES + 1)
    except OSError as error:
        raise DocumentError(f"cannot read {path}: {error.strerror}", "metadata") from error
    if len(data) > MAX_SIDECAR_BYTES:
        raise DocumentError(f"{path} is larger than {MAX_SIDECAR_BYTES >> 20} MB", "metadata")
    try:
        raw = parse_json(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DocumentError(f"{path} is not valid JSON: it is not UTF-8 text",
                            "metadata") from None
    except BadJSON as error:
        raise DocumentError(f"{path} is not valid JSON: {error}", "metadata") from None
    if not isinstance(raw, dict):
        raise DocumentError(f"{path} must hold a JSON object", "metadata")
    fields: dict[str, Any] = {}
    for key in _TEXT_KEYS:
        if raw.get(key) is not None:
            fields[key] = _text(path, key, raw[key])
    if "author" not in fields and raw.get("byline") is not None:
        fields["author"] = _text(path, "byline", raw["byline"])
    if raw.get("published") is not None:
        fields["published"] = _date(path, raw["published"])
        fields["published_from"] = "metadata"
    order = raw.get("date_order")
    if order is not None:
        if order not in _DATE_ORDERS:
            raise DocumentError(f"{path}: date_order must be one of {', '.join(_DATE_ORDERS)}",
                                "metadata")
        fields["date_order"] = order
    sources = raw.get("sources")
    if sources is not None:
        if isinstance(sources, str):
            sources = [sources]
        if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
            raise DocumentError(f"{path}: sources must be a list of names", "metadata")
        fields["sources"] = tuple(sources)
    return fields


def date_from_filename(path: Path) -> str | None:
    """``2025-08-07-summit.txt`` → ``"2025-08-07"`` (only real calendar dates)."""
    for match in _FILENAME_DATE.finditer(path.name):
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            continue
    return None


def iso_date(value: str) -> str | None:
    """The ``YYYY-MM-DD`` day of an ISO date or datetime string, or None."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _text(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise DocumentError(f"{path}: {key} must be a string", "metadata")
    return value


def _date(path: Path, value: Any) -> str:
    day = iso_date(value) if isinstance(value, str) else None
    if day is None:
        raise DocumentError(f"{path}: published must be a date like 2025-08-07", "metadata")
    return day
