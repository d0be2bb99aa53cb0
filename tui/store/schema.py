"""The database layout, its version, and the migrations that bring old files up to date.

Layout (one TinyDB table per kind, every record keyed by a string id). The main file holds
``_meta`` and ``settings``; since schema 2, ``notes`` and ``deleted`` live in the shard files
``<db>.notes/NN.json`` and ``drafts`` in ``<db>.drafts.json`` (see ``files.py``)::

    _meta     {"schema": {"version": N}}
    notes     {note id: Note.to_json() + {"rev": writes so far}}
    deleted   {note id: {"rev": its last revision, "at": when, "by": session}}
    drafts    {"<doc id>/<key>/<session>": {"doc_id", "key", "session", "data", "saved"}}
    settings  {doc id: {"doc_id", "values": {...}}}

A migration is a pure function from the tables at version N to the tables at version N+1;
``migrate`` applies them in order. Analysis caches live outside this file (see ``cache.py``).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any
from uuid import uuid4

Tables = dict[str, dict[str, Any]]

META, NOTES, DRAFTS, SETTINGS = "_meta", "notes", "drafts", "settings"
DELETED = "deleted"  # tombstones: {note id: {"rev", "at", "by"}}, so a stale edit cannot revive
SCHEMA_VERSION = 2
SPILLED = (NOTES, DELETED, DRAFTS)  # kept in files of their own since schema 2 (see files.py)


def schema_version(tables: Tables | None) -> int:
    """The version recorded in the file; 0 for a file without one (an empty or plain TinyDB)."""
    if not tables:
        return 0
    meta = tables.get(META)
    schema = meta.get("schema") if isinstance(meta, dict) else None
    version = schema.get("version", 0) if isinstance(schema, dict) else 0
    return version if isinstance(version, int) and version >= 0 else 0


def empty_tables() -> Tables:
    return {META: {"schema": {"version": SCHEMA_VERSION}}}


def _v0_to_v1(tables: Tables) -> Tables:
    """Key notes by their own id instead of TinyDB's counter (as a plain ``insert`` writes them).

    Keying by note id is what lets concurrent writers merge by id; a note without an id
    gets a fresh one.
    """
    notes: dict[str, Any] = {}
    for doc in tables.get(NOTES, {}).values():
        note = dict(doc)
        note_id = note.get("id")
        if not isinstance(note_id, str) or not note_id:
            note["id"] = note_id = str(uuid4())
        notes[note_id] = note
    out = dict(tables)
    out[NOTES] = notes
    out[META] = {"schema": {"version": 1}}
    return out


def _v1_to_v2(tables: Tables) -> Tables:
    """Schema 2 keeps notes (with their tombstones) and drafts in files of their own.

    The tables themselves are unchanged here: ``Store`` moves them to those files (a pure
    function cannot write files), in the same locked session that writes this version.
    """
    out = dict(tables)
    out[META] = {"schema": {"version": 2}}
    return out


MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {0: _v0_to_v1, 1: _v1_to_v2}


def migrate(tables: Tables | None) -> Tables:
    """Bring ``tables`` (not modified) from its recorded version to ``SCHEMA_VERSION``."""
    out = copy.deepcopy(tables) if tables else {}
    version = schema_version(out)
    while version < SCHEMA_VERSION:
        out = MIGRATIONS[version](out)
        version += 1
        out.setdefault(META, {})["schema"] = {"version": version}
    return out
