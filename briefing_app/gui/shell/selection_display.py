"""Shows the selection: the panels mark the entry, the find bar steps through its mentions in
the text, and the status bar names it. Esc, the find bar's ✕ or another tab clear it."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from briefing_app.core.links import EntryRef
from briefing_app.core.model import Briefing
from briefing_app.gui.panels.selection import Selection
from briefing_app.gui.panels.view import PanelsView
from briefing_app.gui.shell.documents import Documents
from briefing_app.gui.text.briefing_tab import BriefingTab
from briefing_app.gui.text.find_bar import FindBar
from briefing_app.gui.text.highlights import Range
from briefing_app.gui.text.reader import ReaderView


class SelectionDisplay(QObject):
    def __init__(
        self,
        selection: Selection,
        documents: Documents,
        panels: PanelsView,
        find_bar: FindBar,
        label: QLabel,
    ) -> None:
        super().__init__(selection)
        self.selection = selection
        self.documents = documents
        self.panels = panels
        self.find_bar = find_bar
        self.label = label
        label.setAccessibleName("Selected")
        selection.changed.connect(self._changed)
        find_bar.closed.connect(selection.clear)
        for kind, clicked in (
            ("person", panels.personClicked),
            ("figure", panels.figureClicked),
            ("timeline", panels.timelineClicked),
        ):
            clicked.connect(lambda index, k=kind: selection.select(EntryRef(k, index)))

    def person_clicked_in_text(self, index: int) -> None:
        """A mention was clicked: select the person, starting at the mention under the cursor,
        which stays where it is."""
        reader = self.documents.current_reader()
        if reader is None:
            return
        cursor_position = reader.textCursor().position()
        ranges = reader.person_ranges.get(index, [])
        start_at = next((n for n, (s, e) in enumerate(ranges) if s <= cursor_position <= e), 0)
        self.selection.select(EntryRef("person", index), start_at)

    def escape(self) -> None:
        """Esc: closes the find bar if it is searching, else clears the selection."""
        if self.find_bar.is_finding():
            self.find_bar.close_bar()
        else:
            self.selection.clear()

    def _changed(self, entry: EntryRef | None) -> None:
        tab = self.documents.current_tab()
        if entry is not None and (tab is None or not entry_exists(tab.briefing, entry)):
            self.selection.clear()  # gone with a reload
            return
        if entry is None or tab is None:
            self.panels.clear_selection()
            if self.find_bar.isVisible() and not self.find_bar.is_finding():
                self.find_bar.close_bar()
            self.label.clear()
            return
        self.panels.select(entry.kind, entry.index)
        title, ranges = selected_mentions(tab, entry)
        self.find_bar.show_ranges(title, ranges, self.selection.start_at)
        count = len(ranges)
        if entry.kind != "person":
            where = "shown in the text" if ranges else "not found in the text"
        elif count:
            where = f"{count} mention{'s' if count != 1 else ''}"
        else:
            where = "not mentioned in the text"
        self.label.setText(f"Selected: {title} — {where}. Esc clears it.")


def entry_exists(briefing: Briefing, entry: EntryRef) -> bool:
    counts = {
        "person": len(briefing.people),
        "figure": len(briefing.key_figures),
        "timeline": len(briefing.timeline),
    }
    return 0 <= entry.index < counts[entry.kind]


def selected_mentions(tab: BriefingTab, entry: EntryRef) -> tuple[str, list[Range]]:
    """What the find bar shows for ``entry``: its title and its places in the text."""
    briefing, reader = tab.briefing, tab.reader
    if entry.kind == "person":
        return briefing.people[entry.index].name, reader.person_ranges.get(entry.index, [])
    found = quote_range(reader, entry)
    if entry.kind == "figure":
        title = briefing.key_figures[entry.index].value
    else:
        title = briefing.timeline[entry.index].display_date
    return title, [found] if found else []


def quote_range(reader: ReaderView, quote: EntryRef) -> Range | None:
    """The text range of the first mention of a figure or timeline quote."""
    positions = reader.quote_positions.get(quote)
    if not positions or reader.briefing is None:
        return None
    briefing = reader.briefing
    entries = briefing.key_figures if quote.kind == "figure" else briefing.timeline
    length = len(" ".join(entries[quote.index].quote.split()))
    return positions[0], min(positions[0] + length, reader.document().characterCount() - 1)
