"""Make untrusted text safe to show: newlines normalized, control characters made visible.

A terminal obeys ESC, BEL and C1 sequences wherever they appear, and no widget strips them.
Each control character is replaced by one visible code point (the U+2400 "Control Pictures"
block), so the text is safe everywhere downstream and every offset stays one code point.
A lone surrogate (``"\\ud800"`` in JSON) cannot be written as UTF-8 at all: it becomes U+FFFD.
Every piece of outside text (articles, their metadata, imported and stored notes) goes
through :func:`show_controls`.
"""

from __future__ import annotations

import re

# C0 controls (except \t and \n), DEL, C1 controls and lone surrogates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_NEWLINES = re.compile("\r\n?|[\u2028\u2029]")

SYMBOLS: dict[str, str] = {chr(code): chr(0x2400 + code) for code in range(0x20)}
SYMBOLS["\x7f"] = "\u2421"  # ␡ SYMBOL FOR DELETE
SYMBOLS.update({chr(code): "\ufffd" for code in range(0x80, 0xA0)})  # C1 has no pictures
SYMBOLS.update({chr(code): "\ufffd" for code in range(0xD800, 0xE000)})  # not encodable


def _symbol(match: re.Match[str]) -> str:
    return SYMBOLS[match.group()]


def normalize_newlines(text: str) -> str:
    """``\\r\\n``, lone ``\\r`` and the Unicode line/paragraph separators become ``\\n``."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text:
        return text
    return _NEWLINES.sub("\n", text)


def show_controls(text: str) -> str:
    """Replace every control character except ``\\n`` and ``\\t`` with a visible symbol.

    Length is preserved: one code point in, one code point out.
    """
    if _CONTROL.search(text) is None:  # the common case costs one scan
        return text
    return _CONTROL.sub(_symbol, text)


def has_controls(text: str) -> bool:
    """True if ``text`` still holds a character a terminal could act on."""
    return _CONTROL.search(text) is not None


def one_line(text: str) -> str:
    """A message that stays on one line, whatever characters a file name holds."""
    return show_controls(text.replace("\n", "\u2424").replace("\t", " "))
