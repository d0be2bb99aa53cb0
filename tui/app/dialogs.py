"""The app's two dialogs: the publication date / date order, and export.

A mixin for ``GlossApp``. Changing the date re-runs the analysis with the reader's choice,
which is saved per document so it holds next time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App

from tui.app.notebook import NoteBook
from tui.app.widgets.status_line import StatusLine
from tui.document.controls import one_line
from tui.document.model import Document
from tui.errors import GlossError

if TYPE_CHECKING:
    from tui.app.screens.export_dialog import ExportRequest


def _short_path(path: Path) -> str:
    """The path as the reader would type it: relative when inside the working directory."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


class Dialogs(App[None]):
    """Date and export dialogs (state lives in ``GlossApp``)."""

    document: Document
    notebook: NoteBook | None
    analysis: Any
    settings: dict[str, Any]
    store: Any

    @property
    def status(self) -> StatusLine:
        raise NotImplementedError

    def reanalyse(self) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------- date
    def action_change_date(self) -> None:
        from tui.app.screens.date_dialog import DateDialog  # loaded when first needed

        if self.analysis is None:
            self.status.notice("Wait for the analysis to finish")
            return
        analysis = self.analysis
        self.push_screen(DateDialog(analysis.dct, analysis.dct_source, analysis.date_order,
                                    analysis.date_order_source), self._date_chosen)

    def _date_chosen(self, choice: tuple[str | None, str | None] | None) -> None:
        if choice is None:
            return
        dct, order = choice
        self.settings.update(dct=dct, date_order=order)
        if self.store is not None:
            self.store.update_settings(self.document.id, dct=dct, date_order=order)
        self.status.notice(f"Dates now read against {dct or 'the article date'}, "
                           f"{order or 'inferred'} order; re-analysing…")
        self.reanalyse()

    # ----------------------------------------------------------------- export
    def action_export(self) -> None:
        from tui.app.screens.export_dialog import ExportDialog  # loaded when first needed

        self.push_screen(ExportDialog(self.document, Path.cwd()), self._export_chosen)

    def _export_chosen(self, request: ExportRequest | None) -> None:
        if request is None:
            return
        from tui.export import save_export

        notes = self.notebook.notes if self.notebook else []
        try:
            path = save_export(request.format_key, self.document, notes, self.analysis,
                               request.path, options=request.options, force=request.overwrite)
        except (GlossError, OSError) as error:
            self.status.notice(f"Export failed: {error}")
            return
        shown = _short_path(path)
        self.status.notice(one_line(f"Exported to {shown}"))
        self.notify(one_line(f"Exported to {path}"), title="Export", markup=False)
