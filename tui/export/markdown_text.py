"""Escaping user text for Markdown so it renders literally (CommonMark, Obsidian, Logseq).

Every character that could start markup is backslash-escaped (CommonMark lets any ASCII
punctuation be escaped), plus the few sequences Obsidian and Logseq add (``==mark==``,
``%%comment%%``, ``((block refs))``, ``key:: value``). Line-leading markers (lists, headings,
numbered items, setext underlines) are escaped per line. Leading and trailing spaces on a line are
dropped: CommonMark would turn them into code blocks or hard breaks.
"""

from __future__ import annotations

import re

from tui.export.common import clean

_INLINE = re.compile(r"([\\`*_\[\]<>#|~&$^{}])")
_DOUBLED = re.compile(r"(==|%%|\(\(|\)\)|::)")
_LINE_START = re.compile(r"^([-+=])")
_ORDERED = re.compile(r"^(\d{1,9})([.)])")
_TAG_CHARS = re.compile(r"[^\w/-]+")


def escape_inline(text: str) -> str:
    """Escape one line of user text so every character shows as itself."""
    escaped = _INLINE.sub(r"\\\1", text)
    return _DOUBLED.sub(lambda m: m[0][0] + "\\" + m[0][1], escaped)


def escape_line(line: str) -> str:
    """Escape a line that starts a Markdown line (or follows ``> ``)."""
    line = escape_inline(line.strip())
    line = _LINE_START.sub(r"\\\1", line)
    return _ORDERED.sub(r"\1\\\2", line)


def paragraphs(text: str) -> list[str]:
    """User text as escaped Markdown lines; blank lines (paragraph breaks) are kept as ``""``."""
    lines = [escape_line(line) for line in clean(text).strip().split("\n")]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return out


def blockquote(text: str) -> str:
    """User text as a blockquote; its line and paragraph breaks stay inside the quote."""
    return "\n".join(f"> {line}" if line else ">" for line in paragraphs(text))


def tag(text: str) -> str:
    """A tag as one Obsidian/Logseq ``#tag``: letters, digits, ``_``, ``-`` and ``/`` only.

    Runs of other characters become ``-``; a purely numeric tag gets a leading ``_`` because
    Obsidian ignores ``#2025``. Returns ``""`` when nothing is left.
    """
    name = _TAG_CHARS.sub("-", clean(text)).strip("-/")
    if not name:
        return ""
    if name.isdigit():
        name = "_" + name
    return "#" + name
