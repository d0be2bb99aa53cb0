"""``gloss add PATH|DIR|URL|FEED ...``: read each article, keep it in the library, analyse it.

One line on stderr for each input that cannot be added, and the batch goes on; a progress bar
on stderr when it is a terminal; a summary line at the end. Exit code 0 when everything was
added, 1 when something was not, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from tui.document.errors import DocumentError
from tui.document.model import Document
from tui.errors import GlossError

if TYPE_CHECKING:
    from tui.store.db import Store
    from tui.store.library import Library

BAR_CELLS = 24
ADD_EVERY = 25  # articles kept per write of the library (one lock, one record file write)


class Progress:
    """A one-line bar redrawn in place on a terminal; silent elsewhere."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self.shown = False

    def show(self, label: str, done: int, total: int | None = None) -> None:
        if not self.live:
            return
        if total:
            filled = BAR_CELLS * done // total
            bar = "[" + "#" * filled + "-" * (BAR_CELLS - filled) + f"] {done}/{total}"
        else:
            bar = f"{done}"
        self.stream.write(f"\r\x1b[K{label} {bar}")
        self.stream.flush()
        self.shown = True

    def say(self, line: str) -> None:
        """A line of its own, above the bar."""
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.shown = False
        self.stream.write(line + "\n")
        self.stream.flush()

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def main_add(args: argparse.Namespace) -> int:
    """Entry for ``gloss add``; usage errors raise ``GlossError`` (one line, exit 2)."""
    if args.processes < 1:
        raise GlossError(f"--processes must be at least 1, got {args.processes}")
    if not args.timeout > 0:
        raise GlossError(f"--timeout must be a positive number of seconds, got {args.timeout}")
    from tui.library.sources import outcomes
    from tui.store.db import Store
    from tui.store.library import Library

    progress = Progress(sys.stderr)
    counts: Counter[str] = Counter()
    fresh: list[Document] = []
    pending: list[Document] = []
    queued: set[str] = set()

    def keep() -> None:
        for added, document in zip(library.add_many(pending), pending, strict=True):
            counts[added.status] += 1
            if not added.article.analysed and document.id not in queued:
                queued.add(document.id)
                fresh.append(document)
        pending.clear()

    with Library.open(args.db) as library, Store.open(args.db) as store:
        if library.recovered_from is not None:
            progress.say(f"gloss: the library's records were unreadable; they were moved to "
                         f"{library.recovered_from} and the list rebuilt from the snapshots")
        for _where, outcome in outcomes(args.inputs, timeout=args.timeout):
            if isinstance(outcome, DocumentError):
                counts["failed"] += 1
                progress.say(f"gloss: {outcome}")
            else:
                pending.append(outcome)
                if len(pending) >= ADD_EVERY:
                    keep()
            progress.show("reading", sum(counts.values()) + len(pending))
        keep()
        progress.clear()
        if not args.no_analysis and fresh:
            _analyse(fresh, store, library, args, progress, counts)
    print(_summary(counts))
    return 1 if counts["failed"] or counts["analysis failed"] else 0


def _analyse(documents: list[Document], store: Store, library: Library,
             args: argparse.Namespace, progress: Progress, counts: Counter[str]) -> None:
    from tui.library.analyse import Job, analyse, jobs

    todo, possible = jobs(documents, store, library, args.model)
    if not possible:
        progress.say("gloss: not analysed: no spaCy pipeline is installed")
        return
    counts["analysed"] += len(documents) - len(todo)  # already cached by the reader
    progress.show("analysing", 0, len(todo))

    def done(job: Job, error: str | None) -> None:
        if error:
            counts["analysis failed"] += 1
            title = job.document["meta"].get("title") or job.doc_id[:12]
            progress.say(f"gloss: cannot analyse {title}: {error}")
        else:
            counts["analysed"] += 1
        progress.show("analysing", counts["analysed"] + counts["analysis failed"], len(todo))

    analyse(todo, store, library, args.processes, done)
    progress.clear()


def _summary(counts: Counter[str]) -> str:
    parts = [_count(counts["added"] + counts["version"], "article") + " added"]
    if counts["version"]:
        parts.append(f"{counts['version']} of them new versions")
    if counts["known"]:
        parts.append(f"{counts['known']} already in the library")
    if counts["failed"]:
        parts.append(f"{counts['failed']} could not be added")
    if counts["analysed"]:
        parts.append(f"{counts['analysed']} analysed")
    if counts["analysis failed"]:
        parts.append(f"{counts['analysis failed']} not analysed")
    return ", ".join(parts) + "."


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
