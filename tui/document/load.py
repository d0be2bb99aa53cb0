"""Open an article from a file, standard input or the bundled sample, as a ``Document``.

Every way an input can be unusable ends in a ``DocumentError`` with a one-line message,
never a traceback: the CLI prints it and exits with code 2.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path
from typing import Any, BinaryIO, Literal, TextIO

from tui.document.clean import clean, credit_follows_first, headline
from tui.document.controls import normalize_newlines, one_line
from tui.document.decode import Decoded, NotText, decode
from tui.document.errors import DocumentError, Problem
from tui.document.from_text import text_pieces
from tui.document.model import Document, Metadata
from tui.document.pieces import Piece, assemble
from tui.document.sidecar import date_from_filename, iso_date, read_sidecar, sidecar_path
from tui.resources import sample_article

Format = Literal["text", "markdown", "html"]

MAX_BYTES = 256 * 1024 * 1024  # far above any article or book; guards against /dev/zero
_CHUNK = 1 << 20
SUFFIXES: dict[str, Format] = {
    ".txt": "text", ".text": "text", "": "text",
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
}
UNSUPPORTED = frozenset({
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".epub", ".mobi", ".azw", ".azw3", ".pages",
    ".xls", ".xlsx", ".ppt", ".pptx", ".zip", ".gz", ".png", ".jpg", ".jpeg", ".gif", ".webp",
})
_HTML_STARTS = ("<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article",
                "<main", "<div", "<p>", "<p ", "<h1")
_TEXT_FIELDS = ("title", "source", "author", "url", "published")


def load_document(
    path: str | os.PathLike[str] | None,
    *,
    stdin: TextIO | BinaryIO | None = None,
) -> Document:
    """Load ``path`` (``"-"`` for standard input, ``None`` for the bundled sample)."""
    if path is None:
        path = sample_article()
    if os.fspath(path) == "-":
        data = _read_stream(sys.stdin if stdin is None else stdin)
        return parse_document(data, _sniff(data), where="standard input")
    file = Path(path)
    _check_file(file)
    fmt = _format_of(file)
    return parse_document(_read_file(file), fmt, path=file)


def parse_document(
    data: bytes | str,
    fmt: Format = "text",
    *,
    path: Path | None = None,
    where: str | None = None,
) -> Document:
    """Build a ``Document`` from raw article content; ``path`` locates sidecar metadata.

    ``where`` names the input in error messages (default: the path).
    """
    where = where or (str(path) if path is not None else "the article")
    decoded = _decode(data, fmt, where)
    text = normalize_newlines(decoded.text)
    if not text.strip():
        raise _error(where, "the file is empty" if not text else "it holds only whitespace",
                     "empty")
    fields: dict[str, Any] = {}
    pieces: list[Piece]
    # The HTML and Markdown readers are imported on demand: BeautifulSoup alone adds about
    # 0.2 s to start-up, and most articles are plain text.
    if fmt == "html":
        from tui.document.from_html import html_pieces

        page = html_pieces(text)
        pieces, fields = page.pieces, page.fields
    elif fmt == "markdown":
        from tui.document.from_markdown import markdown_pieces

        article = markdown_pieces(text)
        pieces, fields = article.pieces, dict(article.fields)
        if article.title and "title" not in fields:
            fields["title"] = article.title
    else:
        pieces = text_pieces(text)
    credited = fmt == "text" and credit_follows_first(pieces)
    pieces, byline = clean(pieces)
    if fmt == "text":
        pieces = headline(pieces, credited=credited)
        if pieces and pieces[0].kind == "heading":
            fields.setdefault("title", pieces[0].text)
    body, blocks = assemble(pieces)
    if not blocks:
        raise _error(where, "no article text found in it", "empty")
    meta = _metadata(fields, byline.author, byline.sources, decoded, path)
    return Document(body, blocks, meta)


def _metadata(
    fields: dict[str, Any],
    author: str | None,
    sources: tuple[str, ...],
    decoded: Decoded,
    path: Path | None,
) -> Metadata:
    """Sidecar over the document's own metadata, over its byline, over the file name."""
    values: dict[str, Any] = {}
    if author:
        values["author"] = author
    if sources:
        values["sources"] = sources
    if fields.get("published"):
        day = iso_date(str(fields["published"]))
        if day:
            fields = {**fields, "published": day, "published_from": "metadata"}
        else:
            fields = {k: v for k, v in fields.items() if k != "published"}
    values.update(fields)
    warnings: list[str] = []
    if path is not None:
        sidecar = sidecar_path(path)
        if sidecar is not None:
            # Metadata must never keep the article from being read: a bad sidecar is skipped
            # and the reader told why.
            try:
                values.update(read_sidecar(sidecar))
            except DocumentError as error:
                warnings.append(f"{error}; the sidecar was ignored")
        if "published" not in values:
            day = date_from_filename(path)
            if day:
                values.update(published=day, published_from="filename")
        values["path"] = str(path)
    for key in _TEXT_FIELDS:
        if isinstance(values.get(key), str):
            values[key] = one_line(values[key]).strip() or None
    values["sources"] = tuple(one_line(s).strip() for s in values.get("sources", ()))
    return Metadata(**values, encoding=decoded.encoding, encoding_assumed=decoded.assumed,
                    warnings=tuple(warnings))


def _decode(data: bytes | str, fmt: Format, where: str) -> Decoded:
    if isinstance(data, str):
        return Decoded(data, "utf-8", assumed=False)
    if not data:
        raise _error(where, "the file is empty", "empty")
    declared = None
    if fmt == "html":
        from bs4.dammit import EncodingDetector

        declared = EncodingDetector.find_declared_encoding(data, is_html=True)
    try:
        return decode(data, declared)
    except NotText as reason:
        raise _error(where, str(reason), "binary") from None


def _format_of(path: Path) -> Format:
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        raise _error(str(path), f"{suffix} files are not supported (use .txt, .md or .html)",
                     "unsupported")
    return SUFFIXES.get(suffix, "text")


def _sniff(data: bytes | str) -> Format:
    """Standard input has no file name: HTML announces itself, anything else is text."""
    head = data[:512]
    start = (head.decode("utf-8", "ignore") if isinstance(head, bytes) else head)
    start = start.lstrip("\ufeff \t\r\n").lower()
    return "html" if start.startswith(_HTML_STARTS) else "text"


def _check_file(path: Path) -> None:
    """Fail early, before reading, for a missing file, a directory or one too large."""
    where = str(path)
    try:
        info = path.stat()
    except OSError as error:
        raise os_error(where, error) from None
    if stat.S_ISDIR(info.st_mode):
        raise _error(where, "it is a directory, not an article", "directory")
    if stat.S_ISREG(info.st_mode) and info.st_size > MAX_BYTES:
        raise _too_large(where)


def _read_file(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            data = _read_limited(handle, str(path))
    except OSError as error:
        raise os_error(str(path), error) from None
    assert isinstance(data, bytes)
    return data


def _read_limited(stream: Any, where: str) -> bytes | str:
    """Read to the end in chunks, stopping at ``MAX_BYTES`` (a pipe may never end)."""
    chunks: list[Any] = []
    total = 0
    while chunk := stream.read(_CHUNK):
        chunks.append(chunk)
        total += len(chunk)
        if total > MAX_BYTES:
            raise _too_large(where)
    if not chunks:
        return b""
    if not isinstance(chunks[0], bytes | str):
        raise _error(where, "it did not return text", "unreadable")
    return chunks[0][:0].join(chunks)


def _read_stream(stream: TextIO | BinaryIO | None) -> bytes | str:
    where = "standard input"
    if stream is None:
        raise _error(where, "there is none", "unreadable")
    source: Any = getattr(stream, "buffer", stream)
    try:
        data = _read_limited(source, where)
    except OSError as error:
        raise os_error(where, error) from None
    if not data:
        raise _error(where, "it is empty", "empty")
    return data


def os_error(where: str, error: OSError) -> DocumentError:
    """The one-line message for a failed open or read."""
    if isinstance(error, FileNotFoundError):
        return _error(where, "no such file", "missing")
    if isinstance(error, IsADirectoryError):
        return _error(where, "it is a directory, not an article", "directory")
    if isinstance(error, PermissionError):
        return _error(where, "permission denied", "permission")
    reason = (error.strerror or type(error).__name__).lower()
    return _error(where, reason, "unreadable")


def _too_large(where: str) -> DocumentError:
    return _error(where, f"it is larger than {MAX_BYTES // (1024 * 1024)} MB", "too-large")


def _error(where: str, reason: str, problem: Problem) -> DocumentError:
    return DocumentError(f"cannot open {where}: {reason}", problem)
