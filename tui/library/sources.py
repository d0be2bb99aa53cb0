"""What ``gloss add`` was given, expanded to articles: files, folders, URLs and feeds.

Each article comes with its outcome (a ``Document`` or the one-line ``DocumentError``), so a
bad file in a folder or a bad entry in a feed costs only itself.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from tui.document.errors import DocumentError
from tui.document.feed import FEED_SUFFIXES
from tui.document.fetch import TIMEOUT, is_url
from tui.document.load import SUFFIXES, load_document, os_error
from tui.document.sidecar import SUFFIX as SIDECAR
from tui.document.web import Outcome, from_feed_file, from_url

ARTICLE_SUFFIXES = frozenset(s for s in SUFFIXES if s)


def outcomes(inputs: Iterable[str], *, timeout: float = TIMEOUT) -> Iterator[Outcome]:
    """Every article named by ``inputs``, in order, each read as it is reached."""
    for given in inputs:
        if is_url(given):
            yield from from_url(given, timeout=timeout)
            continue
        path = Path(given)
        if path.is_dir():
            yield from _folder(path, timeout)
        else:
            yield from _file(path, timeout, chosen=True)


def _file(path: Path, timeout: float, *, chosen: bool) -> Iterator[Outcome]:
    suffix = path.suffix.lower()
    where = str(path)
    if suffix in FEED_SUFFIXES:
        yield from from_feed_file(path, timeout=timeout)
    elif chosen or suffix in ARTICLE_SUFFIXES:
        try:
            yield where, load_document(path)
        except DocumentError as error:
            yield where, error
    else:
        yield where, DocumentError(f"skipped {where}: not an article (use .txt, .md or .html)",
                                   "unsupported")


def _folder(root: Path, timeout: float) -> Iterator[Outcome]:
    """Files under ``root`` in name order, hidden ones left out; an unreadable folder is one
    outcome, and the walk goes on."""
    problems: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=problems.append):
        while problems:
            error = problems.pop()
            where = str(error.filename or folder)
            yield where, os_error(where, error)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            # (a sidecar is metadata, read with its article)
            if not name.startswith(".") and not name.endswith(SIDECAR):
                yield from _file(Path(folder) / name, timeout, chosen=False)
    while problems:
        error = problems.pop()
        where = str(error.filename or root)
        yield where, os_error(where, error)
