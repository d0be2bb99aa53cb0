"""One row per figure: ours, the baseline measured in the same run, the ratio, the verdict."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    section: str
    name: str
    ours: float
    unit: str = "s"
    baseline: float | None = None
    target: str = ""  # e.g. "<= 1.3x", "<= 16 ms"; empty: informational
    passed: bool | None = None
    note: str = ""
    ratio: float | None = None  # how many times slower than the baseline (ratio rows only)


def ratio_row(section: str, name: str, ours: float, baseline: float, limit: float,
              unit: str = "s", note: str = "", higher_is_better: bool = False) -> Row:
    """A row judged by how many times slower than the baseline we are: ours/baseline for
    times, baseline/ours for rates; <= ``limit`` passes."""
    ratio = baseline / ours if higher_is_better else ours / baseline
    passed = None if math.isnan(ratio) else ratio <= limit
    return Row(section, name, ours, unit, baseline, f"<= {limit:g}x", passed, note, ratio)


def limit_row(section: str, name: str, ours: float, limit: float, unit: str,
              note: str = "", baseline: float | None = None) -> Row:
    passed = None if math.isnan(ours) else ours <= limit
    return Row(section, name, ours, unit, baseline, f"<= {limit:g} {unit}", passed, note)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if math.isnan(value):
        return "n/a"
    if unit == "yes/no":
        return "yes" if value else "no"
    digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2
    return f"{value:,.{digits}f} {unit}"


def render(rows: list[Row]) -> str:
    header = ("#", "figure", "ours", "baseline", "ratio", "target", "verdict")
    lines = []
    for row in rows:
        ratio = row.ratio
        if ratio is None and row.baseline and row.unit != "yes/no":
            ratio = row.ours / row.baseline
        verdict = "" if row.passed is None and not row.target else (
            "n/a" if row.passed is None else "PASS" if row.passed else "FAIL")
        lines.append((row.section, row.name, _number(row.ours, row.unit),
                      _number(row.baseline, row.unit),
                      "" if ratio is None or math.isnan(ratio) else f"{ratio:.2f}x",
                      row.target, verdict))
    widths = [max(len(str(cells[i])) for cells in [header, *lines]) for i in range(len(header))]
    out = []
    for index, cells in enumerate([header, *lines]):
        out.append("  ".join(str(c).ljust(w) if i < 2 else str(c).rjust(w)
                             for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip())
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    notes = [f"  [{row.section}] {row.name}: {row.note}" for row in rows if row.note]
    if notes:
        out += ["", "Notes:", *notes]
    return "\n".join(out)
