"""Entity index: clusters grouped by category, with mention counts."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.analysis.model import Cluster
from tui.app.highlights import CATEGORIES, CATEGORY_OF_LABEL


class EntityPanel(OptionList):
    """One option per cluster; Enter jumps to its first mention."""

    class Jump(Message):
        def __init__(self, cluster: int) -> None:
            self.cluster = cluster
            super().__init__()

    def show(self, clusters: Sequence[Cluster]) -> None:
        options: list[Option] = []
        for key, name, _ in CATEGORIES:
            members = [c for c in clusters if CATEGORY_OF_LABEL.get(c.label, "misc") == key]
            if not members:
                continue
            members.sort(key=lambda c: (-c.mentions, c.name.lower()))
            options.append(Option(Text(f"{name} ({len(members)})", style="bold"),
                                  disabled=True))
            for cluster in members:
                prompt = Text(f"  {cluster.name}")
                prompt.append(f"  ×{cluster.mentions}", style="dim")
                options.append(Option(prompt, id=f"c{cluster.id}"))
        if not clusters:
            options.append(Option(Text("No entities yet", style="dim"), disabled=True))
        self.set_options(options)  # one refresh, not one per option

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Jump(int(event.option.id[1:])))
