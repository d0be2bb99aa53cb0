"""Every note in the library, grouped by article: the highlights list of a read-it-later app.

Each article's title heads its group; under it, its notes as the notes panel shows them
(``note_prompt``: category, anchoring, quote, body, tags) in text order. The filter line is
the notes panel's language (``notes_filter``), so ``tag:``, ``cat:`` and ``state:`` mean the
same here. Enter posts ``LibraryScreen.OpenArticle`` at the note; the app opens the reader.
Notes are read and their articles' texts loaded in a thread worker; titles and note text are
outside text, so everything shown is a ``Text``/``Content`` built from plain strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.app.notes_filter import Query, sort_notes
from tui.app.screens.library import LibraryScreen
from tui.app.widgets.notes_panel import note_prompt
from tui.document.controls import show_controls
from tui.resources import styles_dir
from tui.store.db import Store
from tui.store.library import Library
from tui.store.model import Note

ELSEWHERE = "Not in the library"  # notes on articles read before the library kept them


@dataclass(frozen=True)
class Group:
    """One article's notes: its title, its text (passages point into it) and the notes."""

    doc_id: str
    title: str
    text: str
    notes: tuple[Note, ...]
    in_library: bool


def note_offset(note: Note) -> int:
    """Where the reader opens for a note: its passage, or the top."""
    if note.position is not None and note.anchor != "orphaned":
        return note.position.start
    return 0


class AllNotesScreen(Screen[None]):
    """All notes across the library; ``/`` filters, Enter opens the article at the note."""

    CSS_PATH = str(Path(styles_dir()) / "library.tcss")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Library"),
        Binding("slash", "focus_filter", "Filter", priority=True),  # as the library's
        Binding("question_mark,f1", "help", "Help"),
    ]

    def __init__(self, library: Library, store: Store) -> None:
        super().__init__()
        self.library = library
        self.store = store
        self.groups: tuple[Group, ...] = ()
        self._targets: dict[str, tuple[str, int]] = {}  # option id → (doc id, offset)

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter: words tag: cat: state:", id="all-notes-filter")
        yield OptionList(id="all-notes-list")
        yield Static(id="all-notes-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#all-notes-list", OptionList).focus()

    def on_screen_resume(self) -> None:
        """On showing, and on coming back from the reader (its notes may have changed)."""
        self._load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="all-notes",
          description="read every note and its article")
    def _load(self) -> None:
        groups = self.read_groups()
        self.app.call_from_thread(self._loaded, groups)

    def read_groups(self) -> tuple[Group, ...]:
        """The notes grouped by article, in the library's order; unknown articles last."""
        by_doc: dict[str, list[Note]] = {}
        for note in self.store.all_notes():
            by_doc.setdefault(note.doc_id, []).append(note)
        groups: list[Group] = []
        for article in self.library.articles(every_version=True):
            notes = by_doc.pop(article.id, None)
            if notes:
                document = self.library.document(article.id)
                groups.append(Group(article.id, article.title,
                                    document.text if document else "",
                                    tuple(sort_notes(notes)), document is not None))
        for doc_id, notes in by_doc.items():
            groups.append(Group(doc_id, ELSEWHERE, "", tuple(sort_notes(notes)), False))
        return tuple(groups)

    def _loaded(self, groups: tuple[Group, ...]) -> None:
        self.groups = groups
        self._show()

    def _show(self) -> None:
        query = Query.parse(self.query_one("#all-notes-filter", Input).value)
        options: list[Option | None] = []
        self._targets = {}
        shown = 0
        for group in self.groups:
            notes = [n for n in group.notes if query.matches(n, group.text)]
            if not notes:
                continue
            if options:
                options.append(None)
            count = f"  {len(notes)} note{'s' if len(notes) != 1 else ''}"
            header = Text(show_controls(group.title), style="bold underline")
            header.append(count, style="dim")
            options.append(Option(header, disabled=True))
            for index, note in enumerate(notes):
                if index:
                    options.append(None)  # a divider between notes, as the notes panel has
                options.append(Option(note_prompt(note, group.text), id=note.id))
                if group.in_library:
                    self._targets[note.id] = (group.doc_id, note_offset(note))
            shown += len(notes)
        listing = self.query_one("#all-notes-list", OptionList)
        listing.clear_options()
        listing.add_options(options)
        if not shown:
            empty = "No notes match the filter" if self.groups else \
                "No notes yet: open an article, select with v, then a to annotate"
            listing.add_option(Option(Text(empty, style="dim"), disabled=True))
        else:
            listing.highlighted = next(i for i in range(listing.option_count)
                                       if not listing.get_option_at_index(i).disabled)
        total = sum(len(g.notes) for g in self.groups)
        articles = sum(1 for g in self.groups if any(query.matches(n, g.text) for n in g.notes))
        counted = f"{shown} of {total}" if shown != total else f"{total}"
        self.query_one("#all-notes-status", Static).update(
            Text(f"{counted} note{'s' if total != 1 else ''} in {articles} "
                 f"article{'s' if articles != 1 else ''} · Enter opens the article at the note"))

    @on(Input.Changed, "#all-notes-filter")
    def _filter_changed(self) -> None:
        self._show()

    @on(Input.Submitted, "#all-notes-filter")
    def _filter_submitted(self) -> None:
        self.set_focus(self.query_one("#all-notes-list", OptionList))

    @on(OptionList.OptionSelected, "#all-notes-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        target = self._targets.get(event.option.id or "")
        if target is None:
            self.notify("This note's article is not in the library: open its file with "
                        "gloss PATH.", title="All notes", severity="warning", markup=False)
            return
        self.post_message(LibraryScreen.OpenArticle(*target))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "focus_filter" and isinstance(self.focused, Input))

    def action_focus_filter(self) -> None:
        self.set_focus(self.query_one("#all-notes-filter", Input))  # at once (see library)

    def action_help(self) -> None:
        from tui.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen([("All notes", self.BINDINGS)]))
