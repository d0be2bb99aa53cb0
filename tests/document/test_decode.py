"""Text in any common encoding opens, and the UI can say which encoding was assumed."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tui.document.load import load_document

WESTERN = "The café’s “special” – naïve résumé, déjà vu. Señor Müller paid 5 €."


def load_bytes(tmp_path: Path, data: bytes, name: str = "a.txt") -> tuple[str, str, bool]:
    path = tmp_path / name
    path.write_bytes(data)
    doc = load_document(path)
    return doc.text, doc.meta.encoding, doc.meta.encoding_assumed


def test_utf8_is_known_not_assumed(tmp_path: Path) -> None:
    assert load_bytes(tmp_path, WESTERN.encode()) == (WESTERN, "utf-8", False)


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    assert load_bytes(tmp_path, codecs.BOM_UTF8 + WESTERN.encode()) == (WESTERN, "utf-8", False)


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path: Path, codec: str) -> None:
    assert load_bytes(tmp_path, WESTERN.encode(codec)) == (WESTERN, codec, False)


def test_windows_1252_is_detected_and_reported_as_assumed(tmp_path: Path) -> None:
    assert load_bytes(tmp_path, WESTERN.encode("cp1252")) == (WESTERN, "windows-1252", True)


def test_short_latin1_word_reads_as_western(tmp_path: Path) -> None:
    assert load_bytes(tmp_path, "café".encode("latin-1")) == ("café", "windows-1252", True)


def test_cyrillic_windows_1251(tmp_path: Path) -> None:
    text = "Президент встретился с журналистами в Москве."
    assert load_bytes(tmp_path, text.encode("cp1251")) == (text, "windows-1251", True)


def test_html_declared_charset_is_trusted(tmp_path: Path) -> None:
    page = ("<html><head><meta charset=\"iso-8859-2\"></head><body>"
            "<p>Zażółć gęślą jaźń.</p></body></html>")
    text, encoding, assumed = load_bytes(tmp_path, page.encode("iso-8859-2"), "pl.html")
    assert (text, encoding, assumed) == (
        "Zażółć gęślą jaźń.", "iso-8859-2", False)


def test_a_stray_bad_byte_keeps_utf8(tmp_path: Path) -> None:
    data = ("Émile Zola — " * 20).encode() + b"\xff" + b" fin."
    text, encoding, assumed = load_bytes(tmp_path, data)
    assert (encoding, assumed) == ("utf-8", True)
    assert text.startswith("Émile Zola —") and "\ufffd" in text
