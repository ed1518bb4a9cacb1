"""Opening a briefing at one of its entries: the People and Timeline views of the library and
a person's "Also in" list open another briefing with that person or event selected there."""

from __future__ import annotations

import os

from PySide6.QtCore import QObject, QTimer

from briefing_app.core.links import EntryRef
from briefing_app.gui.panels.selection import Selection
from briefing_app.gui.shell.documents import Documents


class EntryOpener(QObject):
    """Opens a file and, once it is the briefing shown, selects the entry asked for.

    Connect it after the window's own handling of ``documents.currentChanged``, which clears
    the selection of a briefing newly shown.
    """

    def __init__(self, documents: Documents, selection: Selection, parent: QObject) -> None:
        super().__init__(parent)
        self.documents = documents
        self.selection = selection
        self._pending: tuple[str, EntryRef] | None = None
        documents.currentChanged.connect(self._select_pending)

    def open_entry(self, path: str, entry: EntryRef) -> None:
        self._pending = (os.path.abspath(path), entry)
        if self.documents.open_file(path):
            self._select_pending()
        else:
            self._pending = None

    def _select_pending(self) -> None:
        tab = self.documents.current_tab()
        if self._pending is None or tab is None or tab.path != self._pending[0]:
            return  # still opening: its tab becomes current later
        entry = self._pending[1]
        self._pending = None
        # After the turn that shows the tab: its text, and the mentions in it, are laid out.
        QTimer.singleShot(0, self, lambda: self._select(tab.path, entry))

    def _select(self, path: str, entry: EntryRef) -> None:
        tab = self.documents.current_tab()
        if tab is not None and tab.path == path:
            self.selection.select(entry)
