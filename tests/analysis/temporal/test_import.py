"""The tagger package is cheap to import: the app can paint text before spaCy loads."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_tagger_does_not_import_spacy() -> None:
    code = "import sys, tui.analysis.temporal; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
