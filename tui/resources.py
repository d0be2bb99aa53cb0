"""Where the bundled sample article and stylesheets live, from a checkout or an installed wheel.

A wheel ships ``seeds/`` and ``styles/`` inside the package as ``tui/_data/`` (see
``pyproject.toml``); a source checkout has them at the repository root.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
SAMPLE_NAME = "000_662f28003ec8c695.txt"


def _data_dir(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def seeds_dir() -> Path:
    """The directory of bundled sample articles (with their ``.meta.json`` sidecars)."""
    return _data_dir("seeds")


def styles_dir() -> Path:
    """The directory of Textual stylesheets (``*.tcss``)."""
    return _data_dir("styles")


def sample_article() -> Path:
    """The article ``gloss`` opens when no path is given."""
    return seeds_dir() / SAMPLE_NAME
