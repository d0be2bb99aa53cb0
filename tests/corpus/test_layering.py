"""tui/corpus is pure: importing it brings in neither spaCy, Textual nor the store."""

from __future__ import annotations

import subprocess
import sys


def test_corpus_imports_no_spacy_textual_or_storage() -> None:
    code = ("import sys, tui.corpus.cast, tui.corpus.story, tui.corpus.pages, tui.corpus.cli; "
            "print(sorted(m for m in ('spacy', 'textual', 'tinydb', 'tui.store') "
            "if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.strip() == "[]"
