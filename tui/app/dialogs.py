"""Outside text in notifications: paths and errors are shown literally, never as markup."""

from __future__ import annotations

from pathlib import Path

from tui.document.controls import one_line


def short_path(path: Path) -> str:
    """The path as the reader would type it: relative when inside the working directory."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


def plain(text: str) -> str:
    """A message holding outside text, made safe to show with ``markup=False``.

    ``notes [draft].md`` stays as typed; control characters and line breaks become visible
    symbols, so the message stays one line.
    """
    return one_line(text)
