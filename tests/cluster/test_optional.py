"""Dask is optional: without ``--scheduler`` it is never imported, and without Dask installed
``--scheduler`` says in one line how to install it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parents[2]
LINE = '{"id": 1, "text": "Ada Lovelace arrived in Paris on Monday."}\n'


def python(code: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True,
                          text=True, cwd=ROOT, timeout=300, check=False)


def test_analyze_jsonl_without_scheduler_never_imports_dask() -> None:
    done = python(
        "import sys\n"
        "from tui.cli import main\n"
        "code = main(['analyze', '--jsonl'])\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed'))\n"
        "print(code, loaded, file=sys.stderr)\n", stdin=LINE)
    assert done.returncode == 0, done.stderr[-2000:]
    assert '"id": 1' in done.stdout
    assert done.stderr.strip().splitlines()[-1] == "0 []"


def test_scheduler_without_dask_names_the_extra_in_one_line() -> None:
    done = python(
        "import sys\n"
        "sys.modules['distributed'] = None  # as if gloss[cluster] were not installed\n"
        "from tui.cli import main\n"
        "sys.exit(main(['analyze', '--jsonl', '--scheduler', 'local:2']))\n", stdin=LINE)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "pip install 'gloss[cluster]'" in done.stderr


@pytest.mark.parametrize(("args", "says"), [
    (["--jsonl", "--scheduler", "local:0"], "local:N with N at least 1"),
    (["--jsonl", "--scheduler", "local:two"], "local:N with N at least 1"),
    (["--scheduler", "local:2", "article.txt"], "add --jsonl"),
    (["--jsonl", "--scheduler", "local:2", "--processes", "2"], "do not mix"),
])
def test_bad_scheduler_arguments_fail_in_one_line(
        args: list[str], says: str, capsys: pytest.CaptureFixture[str]) -> None:
    code: int | str | None
    try:
        code = main(["analyze", *args])
    except SystemExit as exit_:  # argparse refuses the value itself
        code = exit_.code
    err = capsys.readouterr().err
    assert code == 2
    assert says in err
    assert err.count("\n") == 1
