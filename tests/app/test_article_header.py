"""The header shows outside text (a file name, a sidecar warning) with no raw control."""

from __future__ import annotations

from tui.app.widgets.article_header import header_text
from tui.document.controls import has_controls
from tui.document.model import Metadata


def test_file_name_with_escapes_is_shown_as_symbols() -> None:
    text = header_text(Metadata(path="/tmp/evil\x1b]0;TITLE\x07\n.txt")).plain
    assert text == "/tmp/evil\u241b]0;TITLE\u2407\u2424.txt"


def test_load_warnings_are_shown_one_per_line() -> None:
    meta = Metadata(title="T", warnings=("a.meta.json is not valid JSON: it is nested too "
                                         "deeply; the sidecar was ignored",))
    lines = header_text(meta).plain.splitlines()
    assert lines[-1].endswith("the sidecar was ignored") and not has_controls(lines[-1])
