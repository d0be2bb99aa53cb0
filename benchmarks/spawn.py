"""Starting measured child processes and summarising repeated figures."""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from benchmarks.probe import T0_ENV

ROOT = Path(__file__).resolve().parent.parent


def sandbox_env(home: Path) -> dict[str, str]:
    """The environment for a child: data and cache dirs inside ``home``, never the user's."""
    env = dict(os.environ)
    env.pop("GLOSS_DB", None)
    env.update(XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_CONFIG_HOME=str(home / "config"), TEXTUAL_CURSOR_BLINK="0",
               PYTHONPATH=str(ROOT) + os.pathsep + env.get("PYTHONPATH", ""))
    return env


def probe(home: Path, scenario: str, *args: str, options: Sequence[str] = (),
          timeout: float = 900) -> dict[str, Any]:
    """Run ``benchmarks.probe SCENARIO`` in a fresh interpreter; its JSON result."""
    with tempfile.NamedTemporaryFile(suffix=".json", dir=home, delete=False) as handle:
        out = Path(handle.name)
    env = sandbox_env(home)
    command = [sys.executable, "-m", "benchmarks.probe", scenario, "--out", str(out),
               *options, "--", *args]
    env[T0_ENV] = repr(time.time())
    completed = subprocess.run(command, env=env, cwd=ROOT, timeout=timeout,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    try:
        text = out.read_text()
        out.unlink()
        if completed.returncode != 0 or not text:
            raise RuntimeError
        result: dict[str, Any] = json.loads(text)
    except (OSError, RuntimeError, ValueError) as error:
        tail = completed.stderr.decode(errors="replace").strip().splitlines()[-5:]
        raise RuntimeError(f"probe {scenario} failed (exit {completed.returncode}): "
                           + " | ".join(tail)) from error
    return result


def median(values: Iterable[float | None]) -> float:
    """Median of the finite values; NaN when there are none."""
    finite = [v for v in values if v is not None and math.isfinite(v)]
    return statistics.median(finite) if finite else math.nan


def mean(values: Iterable[float]) -> float:
    finite = [v for v in values if math.isfinite(v)]
    return statistics.fmean(finite) if finite else math.nan


def maximum(values: Iterable[float]) -> float:
    finite = [v for v in values if math.isfinite(v)]
    return max(finite) if finite else math.nan
