"""CSV writing that spreadsheets cannot turn into formulas.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as a
formula by Excel, LibreOffice and Google Sheets (OWASP "CSV injection"); such cells get a leading
``'``, which the spreadsheet shows as text. Rows end in CRLF (RFC 4180).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: str) -> str:
    """The cell with a ``'`` in front when a spreadsheet would evaluate it."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def write_csv(header: Sequence[str], rows: Iterable[Sequence[str | int]]) -> str:
    """The table as CSV text; string cells are neutralized, numbers written as they are."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralize(c) if isinstance(c, str) else c for c in row])
    return out.getvalue()
