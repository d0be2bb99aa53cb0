"""Entity index: clusters grouped by category, with mention counts."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.analysis.model import Cluster
from tui.app.highlights import CATEGORIES, CATEGORY_OF_LABEL
from tui.app.widgets.side_list import SideList

NO_ENTITIES = "No entities yet"


def _option(row: Cluster | str) -> Option:
    if isinstance(row, str):
        return Option(Text(row, style="dim" if row == NO_ENTITIES else "bold"), disabled=True)
    prompt = Text(f"  {row.name}")
    prompt.append(f"  ×{row.mentions}", style="dim")
    return Option(prompt)


class EntityPanel(SideList):
    """One option per cluster; Enter jumps to its first mention.

    Like the timeline, the options are built when the panel is first shown.
    """

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
        rows: list[Cluster | str] = []  # a cluster, or a category heading
        for key, name, _ in CATEGORIES:
            members = [c for c in clusters if CATEGORY_OF_LABEL.get(c.label, "misc") == key]
            if not members:
                continue
            members.sort(key=lambda c: (-c.mentions, c.name.lower()))
            rows.append(f"{name} ({len(members)})")
            rows.extend(members)
        if not clusters:
            rows.append(NO_ENTITIES)
        self._cluster_at = [row.id if isinstance(row, Cluster) else None for row in rows]
        self.show_items(rows, _option)

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
