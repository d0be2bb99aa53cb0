"""Bytes to text: UTF-8 when it is, otherwise a detected encoding that is reported as assumed.

Reading a file as the wrong encoding silently turns names into mojibake, so the loader records
which encoding it used and whether it was declared (valid UTF-8, a BOM, an HTML charset) or
guessed; the UI says so.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF = 1 << 16  # characters looked at when judging whether decoded text is text at all
_NON_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_PREFERRED = "cp1252"
_TYPOGRAPHY = frozenset("\u2018\u2019\u201c\u201d\u201e\u2013\u2014\u2026\u2022\u20ac£¥©®°·«»×\xa0")
_FRIENDLY = {"cp932": "shift_jis", "latin-1": "iso-8859-1", "utf-8-sig": "utf-8"}


class NotText(ValueError):
    """The bytes do not decode to text in any plausible encoding."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # a name users know: "utf-8", "windows-1252", "iso-8859-2", ...
    assumed: bool  # True when guessed rather than known


def encoding_name(codec: str) -> str:
    """The familiar (WHATWG/IANA style) name of a Python codec: ``cp1252`` → ``windows-1252``."""
    name = codecs.lookup(codec).name
    if re.fullmatch(r"cp125\d", name):
        return "windows-" + name[2:]
    if name.startswith("iso8859-"):
        return "iso-8859-" + name[len("iso8859-"):]
    return _FRIENDLY.get(name, name)


def _looks_like_text(text: str) -> bool:
    sample = text[:_SNIFF]
    return len(_NON_TEXT.findall(sample)) <= len(sample) // 10


def _oddities(text: str) -> int:
    """How many characters look like mojibake: symbols and controls where letters belong."""
    return sum(
        1 for ch in text
        if ch > "\x7f" and ch < "\u3000" and ch not in _TYPOGRAPHY
        and unicodedata.category(ch)[0] not in "LMZ"
    )


def _best_guess(data: bytes) -> str | None:
    """charset-normalizer's candidates, re-ranked by how few odd characters each produces.

    Its own ranking is noisy on short texts (it reads "naïve" in cp1252 as Baltic cp1257);
    among equally clean readings, windows-1252 wins, as the HTML standard assumes for
    unlabelled Western text.
    """
    import charset_normalizer  # on demand: most articles are UTF-8 and never need it

    has_nul = b"\x00" in data[:_SNIFF]
    sample = data[:_SNIFF]
    ranked: list[tuple[int, int, int, str]] = []
    for index, match in enumerate(charset_normalizer.from_bytes(data)):
        codec = match.encoding
        if codec.startswith(("utf_16", "utf_32")) and not has_nul:
            continue
        if _PREFERRED in match.could_be_from_charset:
            codec = _PREFERRED
        odd = _oddities(sample.decode(codec, errors="replace"))
        ranked.append((odd, codec != _PREFERRED, index, codec))
    if ranked:
        return min(ranked)[3]
    try:  # charset-normalizer gives up on short texts peppered with escape codes
        data.decode(_PREFERRED)
    except UnicodeDecodeError:
        return None
    return None if has_nul else _PREFERRED


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a bad paste, a truncated download) stays UTF-8."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    multibyte = sum(1 for ch in text[: _SNIFF * 4] if ord(ch) > 0x7F) - broken
    return text if multibyte > 0 and broken * 20 <= multibyte else None


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data``; ``declared`` is an encoding the container names (an HTML meta charset).

    Raises ``NotText`` when the bytes are binary or fit no encoding.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _checked(Decoded(data.decode(codec, errors="replace"), encoding_name(codec),
                                    assumed=False))
    if b"\x00" not in data[:_SNIFF]:
        try:
            return _checked(Decoded(data.decode("utf-8"), "utf-8", assumed=False))
        except UnicodeDecodeError:
            pass
        if declared:
            try:
                return _checked(Decoded(data.decode(declared), encoding_name(declared), False))
            except (LookupError, UnicodeDecodeError):
                pass
        text = _mostly_utf8(data)
        if text is not None:
            return _checked(Decoded(text, "utf-8", assumed=True))
    guess = _best_guess(data)
    if guess is None:
        if b"\x00" in data[:_SNIFF]:
            raise NotText("it holds binary data, not text")
        raise NotText("its bytes fit no known text encoding")
    return _checked(Decoded(data.decode(guess, errors="replace"), encoding_name(guess), True))


def _checked(decoded: Decoded) -> Decoded:
    if not _looks_like_text(decoded.text):
        raise NotText("it holds binary data, not text")
    return decoded
