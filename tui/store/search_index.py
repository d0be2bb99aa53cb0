"""Full-text search over every article and note in the library: SQLite FTS5, derived data.

The index holds nothing that is not also in the article snapshots or the notes database, so it
can be dropped and rebuilt at any time. It records the hash of this module's source: a change to
how rows are built (tokenizer, columns) rebuilds it on the next open rather than trusting rows
an older version wrote. SQLite's own journal makes each write all-or-nothing and its locking
lets two copies of Gloss write at once; a file SQLite cannot read is deleted and rebuilt.

A hit carries a character offset into the article (or the note's passage), so the reader can
open at it, and a line of context around it.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

HitKind = Literal["article", "note"]
CONTEXT_CHARS = 60  # either side of a hit in its line of context
BUSY_MS = 10_000
_WORD = re.compile(r"\w+", re.UNICODE)


def code_version() -> str:
    """A hash of the code that builds the index: the index is rebuilt when it changes."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


@dataclass(frozen=True)
class Hit:
    """One match: ``offset`` is a code-point offset into the article text (for a note, the
    start of its passage, or 0); ``context`` is about a line of text around the match."""

    doc_id: str
    kind: HitKind
    offset: int
    context: str
    note_id: str | None = None
    start: int = 0  # the matched words within ``context``
    end: int = 0


@dataclass(frozen=True)
class NoteRow:
    """What the index needs of a note: its words and where it points."""

    note_id: str
    doc_id: str
    text: str
    offset: int = 0


def terms(words: str) -> list[str]:
    """The search words as the tokenizer sees them (letters and digits)."""
    return [w.casefold() for w in _WORD.findall(words)]


def fts_query(words: Iterable[str]) -> str:
    """An FTS5 query requiring every word, each as a prefix (``"sanct"*`` finds sanctions).

    Every word is quoted, so no input can reach FTS5's query syntax (NEAR, column filters).
    """
    return " ".join(f'"{w}"*' for w in words)


class SearchIndex:
    """The FTS5 file beside the library; open with ``SearchIndex(path)``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.rebuilt = False  # True when opening found the index stale or unreadable
        self._guard = threading.RLock()  # one connection, used by the UI and its workers
        self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        try:
            db = self._open_checked()
        except sqlite3.DatabaseError:
            for leftover in (self.path, self.path.with_name(self.path.name + "-wal"),
                             self.path.with_name(self.path.name + "-shm")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
            db = self._open_checked()
        return db

    def _open_checked(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None,
                             check_same_thread=False)
        try:
            self.path.chmod(0o600)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("BEGIN IMMEDIATE")
            try:
                db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
                row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
                if row is None or row[0] != code_version():
                    self._create(db)
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
        except BaseException:
            db.close()
            raise
        return db

    def _create(self, db: sqlite3.Connection) -> None:
        db.execute("DROP TABLE IF EXISTS articles")
        db.execute("DROP TABLE IF EXISTS notes")
        db.execute("CREATE VIRTUAL TABLE articles USING fts5("
                   "doc_id UNINDEXED, title, body, tokenize='unicode61 remove_diacritics 2')")
        db.execute("CREATE VIRTUAL TABLE notes USING fts5("
                   "note_id UNINDEXED, doc_id UNINDEXED, offset UNINDEXED, body, "
                   "tokenize='unicode61 remove_diacritics 2')")
        db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (code_version(),))
        db.execute("DELETE FROM meta WHERE key='notes_stamp'")
        self.rebuilt = True

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._guard:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # -- articles ---------------------------------------------------------------------------

    def put_article(self, doc_id: str, title: str, text: str) -> None:
        self.put_articles([(doc_id, title, text)])

    def put_articles(self, rows: Iterable[tuple[str, str, str]]) -> None:
        """Index (or re-index) articles given as (doc id, title, text), in one transaction."""
        with self._write() as db:
            for doc_id, title, text in rows:
                db.execute("DELETE FROM articles WHERE doc_id = ?", (doc_id,))
                db.execute("INSERT INTO articles (doc_id, title, body) VALUES (?, ?, ?)",
                           (doc_id, title, text))

    def remove_articles(self, doc_ids: Iterable[str]) -> None:
        with self._write() as db:
            db.executemany("DELETE FROM articles WHERE doc_id = ?", [(d,) for d in doc_ids])

    def article_ids(self) -> set[str]:
        with self._guard:
            return {row[0] for row in self._db.execute("SELECT doc_id FROM articles")}

    # -- notes ------------------------------------------------------------------------------

    def notes_stamp(self) -> str | None:
        with self._guard:
            row = self._db.execute("SELECT value FROM meta WHERE key='notes_stamp'").fetchone()
        return str(row[0]) if row else None

    def replace_notes(self, notes: Iterable[NoteRow], stamp: str) -> None:
        """Index exactly these notes (the notes database is the truth; this is its mirror)."""
        with self._write() as db:
            db.execute("DELETE FROM notes")
            db.executemany(
                "INSERT INTO notes (note_id, doc_id, offset, body) VALUES (?, ?, ?, ?)",
                [(n.note_id, n.doc_id, n.offset, n.text) for n in notes if n.text.strip()])
            db.execute("INSERT OR REPLACE INTO meta VALUES ('notes_stamp', ?)", (stamp,))

    # -- search -----------------------------------------------------------------------------

    def search(self, words: str, limit: int = 50,
               within: set[str] | None = None) -> list[Hit]:
        """Articles and notes holding every word (as a prefix), best matches first.

        ``within`` restricts the hits to those documents (a filter already applied).
        """
        wanted = terms(words)
        if not wanted:
            return []
        with self._guard:
            return self._search(wanted, limit, within)

    def _search(self, wanted: list[str], limit: int, within: set[str] | None) -> list[Hit]:
        query = fts_query(wanted)
        hits: list[Hit] = []
        rows = self._db.execute(
            "SELECT doc_id, body FROM articles WHERE articles MATCH ? ORDER BY rank LIMIT ?",
            (query, limit if within is None else limit * 20))
        for doc_id, body in rows:
            if within is not None and doc_id not in within:
                continue
            hits.append(_hit(doc_id, "article", str(body), wanted, None, 0))
            if len(hits) >= limit:
                break
        rows = self._db.execute(
            "SELECT note_id, doc_id, offset, body FROM notes WHERE notes MATCH ? "
            "ORDER BY rank LIMIT ?", (query, limit))
        for note_id, doc_id, offset, body in rows:
            if within is None or doc_id in within:
                hits.append(_hit(doc_id, "note", str(body), wanted, note_id, int(offset)))
        return hits

    def close(self) -> None:
        with self._guard:
            self._db.close()


def _hit(doc_id: str, kind: HitKind, text: str, wanted: list[str], note_id: str | None,
         offset: int) -> Hit:
    """Where the first word matches in ``text``, and the line of text around it."""
    pattern = re.compile(r"\b" + re.escape(wanted[0]), re.IGNORECASE)
    found = pattern.search(text)
    at, stop = (found.start(), found.end()) if found else (0, 0)
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", stop)
    line_end = len(text) if line_end < 0 else line_end
    lead = trail = ""
    if at - line_start > CONTEXT_CHARS:  # cut at a word boundary, and say so
        space = text.find(" ", at - CONTEXT_CHARS, at)
        line_start, lead = (space + 1 if space >= 0 else at - CONTEXT_CHARS), "\u2026"
    if line_end - stop > CONTEXT_CHARS:
        space = text.rfind(" ", stop, stop + CONTEXT_CHARS)
        line_end, trail = (space if space >= 0 else stop + CONTEXT_CHARS), "\u2026"
    context = lead + text[line_start:line_end] + trail
    shift = len(lead) - line_start
    return Hit(doc_id, kind, at if kind == "article" else offset,
               context, note_id, at + shift, stop + shift)
