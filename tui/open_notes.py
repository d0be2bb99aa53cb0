"""Opening the notes database for a command, saying what a user must know about it.

A ``--db`` path with a typo would otherwise start an empty database silently, and the notes
would look lost; an unreadable database is moved aside. Either way one line on stderr says so.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.store.db import Store


def open_store(db: str | None) -> Store:
    """The store at ``db`` (or the default), telling stderr when it is new or was recovered."""
    from tui.store.db import Store
    from tui.store.paths import resolve_db_path

    path, _ = resolve_db_path(db)
    new = not path.exists()
    store = Store.open(db)
    if store.notice is not None:  # a recovery at open or in an earlier session
        print(f"gloss: {store.notice}", file=sys.stderr)
    elif new:
        print(f"gloss: created a new notes database at {path}", file=sys.stderr)
    return store
