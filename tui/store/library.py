"""The library: one record per article, a snapshot of each article, and the search index.

Layout, in ``<notes db>.library/`` beside the notes database::

    library.json       TinyDB (atomic storage + process lock): {_meta, articles: {doc id: record}}
    snapshots/ab/<id>.json   the article as loaded (``Document.to_json()``), written once
    search.sqlite      SQLite FTS5 over article text and notes (derived; see search_index.py)

The snapshot keeps a note's anchor independent of the file or page it came from. Records are
small (the text lives in snapshots), so a save rewrites kilobytes, not the whole library.
Adding writes the snapshot, then the record (the commit point), then the index; a kill before
the record leaves an unreferenced snapshot (harmless), a kill after it leaves an index that the
next open repairs from the snapshots. Two processes adding at once both go through the lock.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, NamedTuple, TypeVar, cast
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from tinydb import TinyDB

from tui.document.model import Document, document_id
from tui.errors import GlossError
from tui.store.files import KeyedTable
from tui.store.lock import ProcessLock
from tui.store.model import Note, now_iso
from tui.store.paths import resolve_db_path
from tui.store.search_index import Hit, NoteRow, SearchIndex
from tui.store.storage import AtomicJSONStorage, CorruptDatabase, encode, write_atomic

T = TypeVar("T")
META, ARTICLES = "_meta", "articles"
LIBRARY_SCHEMA = 1
AddStatus = Literal["added", "known", "version"]
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid")


@dataclass(frozen=True)
class Article:
    """A library record: what the list shows and filters on. The text is in the snapshot."""

    id: str
    title: str
    added: str
    words: int
    length: int = 0  # characters of text: the reading position's denominator
    source: str | None = None
    url: str | None = None
    canonical: str | None = None  # the normalized URL two copies of one page share
    path: str | None = None  # a hint only
    origin: str | None = None  # the known source (canonical URL or file), for versions
    published: str | None = None
    read: bool = False
    position: int = 0  # reading position: an offset into the text
    tags: tuple[str, ...] = ()
    previous: str | None = None  # the earlier version of the same source, if any
    entities: tuple[str, ...] = ()  # names found by the analysis (derived, for filtering)
    analysed: bool = False

    def to_json(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["tags"] = list(self.tags)
        data["entities"] = list(self.entities)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Article:
        values = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        values["tags"] = tuple(values.get("tags") or ())
        values["entities"] = tuple(values.get("entities") or ())
        return cls(**values)


class Added(NamedTuple):
    article: Article
    status: AddStatus


def canonical_url(url: str | None) -> str | None:
    """The URL two copies of one page share: no fragment, no tracking parameters, lower-case
    scheme and host, no trailing slash."""
    if not url or not url.startswith(("http://", "https://")):
        return None
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not k.lower().startswith(_TRACKING)]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))


def library_dir(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.name}.library")


@dataclass
class _Open:
    lock: ProcessLock
    storage: AtomicJSONStorage
    table: KeyedTable


class _Database(TinyDB):
    table_class = KeyedTable


@dataclass
class Library:
    """Articles, their snapshots and the search index; ``Library.open(db)`` to use."""

    directory: Path
    _parts: _Open
    index: SearchIndex
    recovered_from: Path | None = None  # where an unreadable records file was moved

    @classmethod
    def open(cls, db: str | Path | None = None) -> Library:
        """The library beside the notes database ``db`` (``--db``, ``$GLOSS_DB`` or default)."""
        db_path, _chosen = resolve_db_path(db)
        directory = library_dir(db_path)
        try:
            directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            (directory / "snapshots").mkdir(mode=0o700, exist_ok=True)
            lock = ProcessLock(directory / "library.json.lock")
        except OSError as error:
            raise GlossError(f"cannot use library {directory}: {error.strerror}") from None
        storage = AtomicJSONStorage(directory / "library.json", lock)
        database = _Database(storage=lambda: storage)
        table = cast(KeyedTable, database.table(ARTICLES, cache_size=0))
        parts = _Open(lock, storage, table)
        try:
            with lock.exclusive():
                recovered = _prepare(storage, directory / "snapshots")
            index = SearchIndex(directory / "search.sqlite")
        except OSError as error:
            lock.close()
            raise GlossError(f"cannot open library {directory}: {error.strerror}") from None
        except sqlite3.Error as error:
            lock.close()
            raise GlossError(f"cannot open the search index in {directory}: {error}") from None
        library = cls(directory, parts, index, recovered)
        library.repair_index()
        return library

    # -- records ----------------------------------------------------------------------------

    def _run(self, op: Callable[[], T], *, write: bool) -> T:
        lock = self._parts.lock
        try:
            with lock.exclusive() if write else lock.shared():
                return op()
        except CorruptDatabase as error:
            raise GlossError(f"library {self.directory} is unreadable: {error}") from None
        except OSError as error:
            raise GlossError(f"cannot use library {self.directory}: "
                             f"{error.strerror or error}") from None

    def _all(self) -> dict[str, Any]:
        data = self._parts.storage.read() or {}
        table = data.get(ARTICLES, {})
        return table if isinstance(table, dict) else {}

    def articles(self, *, every_version: bool = False) -> list[Article]:
        """All articles, newest addition first; an older version of a source only on request."""
        records = [_parse(r) for r in self._run(self._all, write=False).values()]
        found = [a for a in records if a is not None]
        if not every_version:
            superseded = {a.previous for a in found if a.previous}
            found = [a for a in found if a.id not in superseded]
        return sorted(found, key=lambda a: (a.added, a.id), reverse=True)

    def get(self, doc_id: str) -> Article | None:
        record = self._run(lambda: self._parts.table.record(doc_id), write=False)
        return _parse(record) if record is not None else None

    def _update(self, doc_id: str, change: Callable[[Article], Article]) -> Article | None:
        def op() -> Article | None:
            record = self._parts.table.record(doc_id)
            article = _parse(record) if record is not None else None
            if article is None:
                return None
            new = change(article)
            if new != article:
                self._parts.table.put(doc_id, new.to_json())
            return new

        return self._run(op, write=True)

    def set_position(self, doc_id: str, offset: int) -> None:
        self._update(doc_id, lambda a: replace(a, position=max(0, offset)))

    def mark_read(self, doc_id: str, read: bool = True) -> None:
        self._update(doc_id, lambda a: replace(a, read=read))

    def set_tags(self, doc_id: str, tags: Iterable[str]) -> None:
        clean = tuple(dict.fromkeys(t.strip() for t in tags if t.strip()))
        self._update(doc_id, lambda a: replace(a, tags=clean))

    def set_analysed(self, doc_id: str, entities: Iterable[str]) -> None:
        self.set_analysed_many({doc_id: entities})

    def set_analysed_many(self, entities: dict[str, Iterable[str]]) -> None:
        """Mark articles analysed, with their entity names, in one write."""
        names = {doc_id: tuple(dict.fromkeys(found)) for doc_id, found in entities.items()}

        def op() -> None:
            table = self._all()
            changed = {}
            for doc_id, found in names.items():
                article = _parse(table.get(doc_id))
                if article is not None:
                    changed[doc_id] = replace(article, analysed=True, entities=found).to_json()
            if changed:
                self._parts.table.put_many(changed)

        if names:
            self._run(op, write=True)

    def remove(self, doc_id: str) -> Article | None:
        """Take the article out of the list (its snapshot and notes stay; ``restore`` undoes)."""
        def op() -> Article | None:
            record = self._parts.table.record(doc_id)
            if record is not None:
                self._parts.table.pop(doc_id)
            return _parse(record) if record is not None else None

        removed = self._run(op, write=True)
        if removed is not None:
            self.index.remove_articles([doc_id])
        return removed

    def restore(self, article: Article) -> None:
        self._run(lambda: self._parts.table.put(article.id, article.to_json()), write=True)
        document = self.document(article.id)
        if document is not None:
            self.index.put_article(article.id, article.title, document.text)

    # -- adding -----------------------------------------------------------------------------

    def add(self, document: Document, *, url: str | None = None,
            added: str | None = None) -> Added:
        """Keep ``document`` in the library: one entry per text, and per canonical URL.

        The same text again is the entry already there. A new text from a known source (the
        same canonical URL or file) is a new document whose ``previous`` is the latest version
        before it.
        """
        return self.add_many([document], url=url, added=added)[0]

    def add_many(self, documents: Sequence[Document], *, url: str | None = None,
                 added: str | None = None) -> list[Added]:
        """``add`` for several documents in one write of the records and one of the index."""
        for document in documents:
            self._write_snapshot(document)

        def op() -> list[Added]:
            table = self._all()
            out: list[Added] = []
            fresh: dict[str, dict[str, Any]] = {}
            for document in documents:
                existing = _parse(fresh.get(document.id) or table.get(document.id))
                if existing is not None:
                    out.append(Added(existing, "known"))
                    continue
                article = self._record(document, {**table, **fresh}, url, added)
                fresh[article.id] = article.to_json()
                out.append(Added(article, "version" if article.previous else "added"))
            if fresh:
                self._parts.table.put_many(fresh)
            return out

        results = self._run(op, write=True)
        self.index.put_articles(
            (r.article.id, r.article.title, d.text)
            for r, d in zip(results, documents, strict=True) if r.status != "known")
        return results

    @staticmethod
    def _record(document: Document, table: dict[str, Any], url: str | None,
                added: str | None) -> Article:
        meta = document.meta
        canonical = canonical_url(meta.url) or canonical_url(url)
        origin = canonical or (str(Path(meta.path).resolve()) if meta.path else None)
        previous = _latest_of(table, origin) if origin else None
        return Article(
            id=document.id, title=_title(document), added=added or now_iso(),
            words=len(document.text.split()), length=len(document.text), source=meta.source,
            url=meta.url or url, canonical=canonical, path=meta.path, origin=origin,
            published=meta.published, previous=previous.id if previous else None,
            tags=previous.tags if previous else ())

    def _snapshot_path(self, doc_id: str) -> Path:
        return self.directory / "snapshots" / doc_id[:2] / f"{doc_id}.json"

    def _write_snapshot(self, document: Document) -> None:
        path = self._snapshot_path(document.id)
        if path.exists():
            return  # content-addressed: the same id is the same text
        try:
            path.parent.mkdir(mode=0o700, exist_ok=True)
            write_atomic(path, encode(document.to_json()))
        except OSError as error:
            raise GlossError(f"cannot save the article in {self.directory}: "
                             f"{error.strerror or error}") from None

    def document(self, doc_id: str) -> Document | None:
        """The article as it was added; None if its snapshot is missing or does not match."""
        try:
            data = json.loads(self._snapshot_path(doc_id).read_bytes())
            document = Document.from_json(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return document if document_id(document.text) == doc_id else None

    def add_once(self, document: Document, flag: str) -> bool:
        """Add ``document`` unless ``flag`` was set by an earlier call, then set it.

        For the bundled sample on first run: removing it later does not bring it back.
        """
        def op() -> bool:
            data = self._parts.storage.read() or {}
            meta = dict(data.get(META, {}))
            if meta.get(flag):
                return False
            meta[flag] = {"at": now_iso()}  # a record (an object), as every table holds
            self._parts.storage.write({**data, META: meta})
            return True

        if not self._run(op, write=True):
            return False
        self.add(document)
        return True

    # -- search -----------------------------------------------------------------------------

    def repair_index(self) -> None:
        """Bring the index in line with the records: a killed add, or a rebuilt index."""
        wanted = {a.id: a for a in self.articles(every_version=True)}
        have = self.index.article_ids()
        extra = have - wanted.keys()
        if extra:
            self.index.remove_articles(extra)
        missing = [a for key, a in wanted.items() if key not in have]
        self.index.put_articles(_rows(self, missing))

    def index_notes(self, notes: Iterable[Note], stamp: str) -> None:
        """Mirror the notes database in the index, unless it already mirrors ``stamp``."""
        if self.index.notes_stamp() == stamp:
            return
        rows = [NoteRow(n.id, n.doc_id, " ".join(filter(None, (
                    n.body, " ".join(n.tags), n.quote.exact if n.quote else ""))),
                        n.position.start if n.position else 0) for n in notes]
        self.index.replace_notes(rows, stamp)

    def search(self, words: str, limit: int = 50, within: set[str] | None = None) -> list[Hit]:
        return self.index.search(words, limit, within)

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        self.index.close()
        self._parts.storage.close()
        self._parts.lock.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def _prepare(storage: AtomicJSONStorage, snapshots: Path) -> Path | None:
    """Create the records file, or move an unreadable one aside and rebuild the list from the
    snapshots (read state and tags stay in the moved file); returns where it was moved."""
    aside = None
    try:
        tables = storage.read()
    except CorruptDatabase:
        tables = None
        stamp = now_iso()[:19].replace(":", "")
        aside = storage.path.with_name(f"{storage.path.name}.corrupt-{stamp}")
        storage.path.rename(aside)
        storage.forget()
    if tables is None:
        articles = _from_snapshots(snapshots) if aside is not None else {}
        storage.write({META: {"schema": {"version": LIBRARY_SCHEMA}}, ARTICLES: articles})
    return aside


def _from_snapshots(snapshots: Path) -> dict[str, Any]:
    """Records for every readable snapshot, dated by the snapshot file."""
    records: dict[str, Any] = {}
    for path in snapshots.glob("*/*.json"):
        try:
            document = Document.from_json(json.loads(path.read_bytes()))
            added = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).isoformat()
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if document.id == path.stem:
            records[document.id] = Library._record(document, records, None, added).to_json()
    return records


def _parse(record: Any) -> Article | None:
    if not isinstance(record, dict):
        return None
    try:
        return Article.from_json(record)
    except (TypeError, ValueError):
        return None


def _latest_of(table: dict[str, Any], origin: str) -> Article | None:
    same = [a for a in map(_parse, table.values()) if a is not None and a.origin == origin]
    superseded = {a.previous for a in same}
    latest = [a for a in same if a.id not in superseded]
    return max(latest, key=lambda a: (a.added, a.id)) if latest else None


def _title(document: Document) -> str:
    if document.meta.title:
        return document.meta.title
    first = document.text[: document.blocks[0].end] if document.blocks else document.text
    return first[:80].strip() or "Untitled"


def _rows(library: Library, articles: Iterable[Article]) -> Iterator[tuple[str, str, str]]:
    for article in articles:
        document = library.document(article.id)
        if document is not None:
            yield article.id, article.title, document.text

