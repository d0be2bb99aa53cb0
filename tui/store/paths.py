"""Where the notes database and the analysis cache live.

Default: the XDG data dir (``~/.local/share/gloss/gloss.json``) and cache dir
(``~/.cache/gloss/analysis``). ``--db PATH`` or ``$GLOSS_DB`` moves the database, and its cache
goes beside it as ``<name>.cache/`` so a throwaway database leaves no trace elsewhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

APP = "gloss"
DB_ENV = "GLOSS_DB"


def resolve_db_path(path: str | Path | None = None) -> tuple[Path, bool]:
    """The database path and whether the user chose it (flag or environment)."""
    if path is not None and str(path):
        return Path(path).expanduser(), True
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser(), True
    return Path(user_data_dir(APP)) / "gloss.json", False


def cache_dir_for(db_path: Path, chosen: bool) -> Path:
    if chosen:
        return db_path.with_name(f"{db_path.name}.cache")
    return Path(user_cache_dir(APP)) / "analysis"
