"""Command-palette entries made from the key bindings: one source of truth for keys and help."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.widget import Widget

from tui.app.screens.help import key_label


def binding_commands(
    node: Widget | App[Any], bindings: Iterable[BindingType]
) -> Iterator[SystemCommand]:
    """A palette command per described binding, run on ``node`` as if its key was pressed."""
    seen: set[str] = set()
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        if binding.action in seen:
            continue
        seen.add(binding.action)
        keys = ", ".join(key_label(k.strip()) for k in binding.key.split(","))
        yield SystemCommand(binding.description, f"Key: {keys}",
                            partial(node.call_later, node.run_action, binding.action))
