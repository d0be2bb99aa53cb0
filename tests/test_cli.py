"""The shared argument parsing refuses bad flags the same way for every command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
COMMANDS: tuple[list[str], ...] = ([], ["analyze"], ["export"], ["import", "notes.json"])


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GLOSS_DB"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("command", [[], ["export"]])
def test_an_impossible_date_opens_nothing(tmp_path: Path, command: list[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text("The minister spoke in Paris on Tuesday.\n", encoding="utf-8")
    db = tmp_path / "notes.json"
    result = _run(*command, "--db", str(db), "--date", "2025-13-45", str(article), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"gloss{' ' if command else ''}{' '.join(command)}: argument --date: "
        f"expects a date YYYY-MM-DD, got '2025-13-45' "
        f"(see gloss{' ' if command else ''}{' '.join(command)} --help)"]
    assert not db.exists()


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("flag", "value"), [
    ("--date", "2025-13-45"), ("--date", "2025-02-30"), ("--date", "20250203"),
    ("--date", "yesterday"), ("--date-order", "YDM"),
])
def test_every_command_refuses_a_bad_date_flag_in_one_line(
        command: list[str], flag: str, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*command, flag, value, "article.txt"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert f"argument {flag}: expects" in err and repr(value) in err


def test_the_date_order_is_read_in_any_case() -> None:
    from tui.cli import build_parser

    args = build_parser().parse_args(["analyze", "--date-order", "mdy", "--date", "2025-02-03"])
    assert (args.date_order, args.date) == ("MDY", "2025-02-03")
