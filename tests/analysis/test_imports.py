"""The analysis modules import one another in one direction: no cycles, even lazy ones."""

from __future__ import annotations

import ast
from pathlib import Path

import tui.analysis

ANALYSIS_DIR = Path(tui.analysis.__file__).resolve().parent


def _module(path: Path) -> str:
    parts = path.relative_to(ANALYSIS_DIR.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, known: set[str]) -> set[str]:
    """Every analysis module ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name in known)
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    visiting: list[str] = []
    done: set[str] = set()

    def visit(module: str) -> list[str] | None:
        if module in visiting:
            return [*visiting[visiting.index(module):], module]
        if module in done:
            return None
        visiting.append(module)
        for target in sorted(graph[module]):
            if cycle := visit(target):
                return cycle
        visiting.pop()
        done.add(module)
        return None

    for module in sorted(graph):
        if cycle := visit(module):
            return cycle
    return None


def test_no_import_cycles_in_analysis() -> None:
    paths = {_module(path): path for path in ANALYSIS_DIR.rglob("*.py")}
    known = set(paths)
    # A package's __init__ re-exporting its own module is not a cycle worth reporting.
    graph = {module: {target for target in _imports(path, known)
                      if not (path.name == "__init__.py" and target.startswith(module + "."))}
             for module, path in paths.items()}
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


def test_the_cycle_finder_finds_a_lazy_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None
