"""Messages that ask the app to open the entity page, a story, or an article at an offset.

Screens post them and the app decides how to open: it owns the store and the library.
"""

from __future__ import annotations

from textual.message import Message

from tui.analysis.model import Analysis


class OpenArticleAt(Message):
    """Open the reader on the library's snapshot of ``doc_id`` with the cursor at ``offset``."""

    def __init__(self, doc_id: str, offset: int) -> None:
        super().__init__()
        self.doc_id = doc_id
        self.offset = offset


class EntityPageWanted(Message):
    """Open the page of the library entity that article cluster ``cluster`` belongs to;
    the reader's ``analysis`` and ``text`` count even when the article is not in the library."""

    def __init__(self, analysis: Analysis, text: str, cluster: int) -> None:
        super().__init__()
        self.analysis = analysis
        self.text = text
        self.cluster = cluster


class StoryWanted(Message):
    """Open the merged timeline of ``doc_ids`` (None: every analysed article)."""

    def __init__(self, doc_ids: tuple[str, ...] | None, title: str) -> None:
        super().__init__()
        self.doc_ids = doc_ids
        self.title = title
