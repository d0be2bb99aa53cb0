"""Entity index: clusters grouped by category, with mention counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.analysis.model import Cluster
from tui.app.highlights import CATEGORIES, CATEGORY_OF_LABEL
from tui.app.widgets.side_list import VIM_KEYS


class EntityPanel(OptionList):
    """One option per cluster; Enter jumps to its first mention.

    Like the timeline, the options are built when the panel is first shown.
    """

    BINDINGS: ClassVar[list[BindingType]] = VIM_KEYS

    class Jump(Message):
        def __init__(self, cluster: int) -> None:
            self.cluster = cluster
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._cluster_at: list[int | None] = []  # option position → cluster id
        self._pending: Sequence[Cluster] | None = None

    def show(self, clusters: Sequence[Cluster]) -> None:
        """Take these clusters; ``fill`` lists them."""
        self._pending = clusters

    def fill(self) -> None:
        if self._pending is None:
            return
        clusters, self._pending = self._pending, None
        options: list[Option] = []
        cluster_at: list[int | None] = []
        for key, name, _ in CATEGORIES:
            members = [c for c in clusters if CATEGORY_OF_LABEL.get(c.label, "misc") == key]
            if not members:
                continue
            members.sort(key=lambda c: (-c.mentions, c.name.lower()))
            options.append(Option(Text(f"{name} ({len(members)})", style="bold"),
                                  disabled=True))
            cluster_at.append(None)
            for cluster in members:
                prompt = Text(f"  {cluster.name}")
                prompt.append(f"  ×{cluster.mentions}", style="dim")
                options.append(Option(prompt))
                cluster_at.append(cluster.id)
        if not clusters:
            options.append(Option(Text("No entities yet", style="dim"), disabled=True))
            cluster_at.append(None)
        self.set_options(options)  # one refresh, not one per option
        self._cluster_at = cluster_at

    @property
    def selected_cluster(self) -> int | None:
        """The id of the highlighted cluster, or None."""
        self.fill()
        position = self.highlighted
        if position is None or position >= len(self._cluster_at):
            return None
        return self._cluster_at[position]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self._cluster_at):
            cluster = self._cluster_at[event.option_index]
            if cluster is not None:
                self.post_message(self.Jump(cluster))
