"""The library pane: a search field, the sort choice, the list of briefings and a status line."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QMenu, QVBoxLayout, QWidget

from briefing_app.core.across.folding import fold
from briefing_app.core.library import LibraryEntry
from briefing_app.gui.library.delegate import LibraryDelegate
from briefing_app.gui.library.folders import LibraryFolders, display_path, folder_name
from briefing_app.gui.library.full_text import FullTextSearch, Query, parse_query
from briefing_app.gui.library.indexer import LibraryIndexer
from briefing_app.gui.library.list_view import LibraryList
from briefing_app.gui.library.model import EntryRole, LibraryFilter, LibraryModel
from briefing_app.gui.shell import file_actions

logger = logging.getLogger(__name__)

SEARCH_PAUSE_FROM = 2000  # entries from which the search waits for a pause in typing
SEARCH_PAUSE_MS = 150
FULL_TEXT_PAUSE_MS = 10  # keys typed this close together make one full-text query


class LibraryView(QWidget):
    """Search field, sort choice and the list of briefings.

    Given the :class:`LibraryFolders`, it rescans when they change, says in :attr:`message`
    what adding or removing one did, and offers to remove a folder from a row's menu.
    """

    openRequested = Signal(str)
    scanFinished = Signal()
    message = Signal(str)  # for the status bar: a folder added, removed or not found

    def __init__(
        self,
        parent: QWidget | None = None,
        folders: LibraryFolders | None = None,
        index_path: str | None = None,
        search_index_path: str | None = None,
    ) -> None:
        """``search_index_path``: where the full-text index is kept; without it the search
        looks in titles, people, tags and the start of each text only."""
        super().__init__(parent)
        self.model = LibraryModel(self)
        self.proxy = LibraryFilter(self.model, self)
        self.proxy.modelReset.connect(self._mark_again, Qt.ConnectionType.QueuedConnection)
        self._marked_path = ""
        self.indexer = LibraryIndexer(self.model, self)
        self.indexer.index_path = index_path  # None: nothing kept between runs
        self.indexer.started.connect(self._update_status)
        self.indexer.progressed.connect(self._update_status)
        self.indexer.finished.connect(self._scan_finished)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search…")  # a longer one was cut off beside the sort box
        self.search.setToolTip(
            "Search titles, people, tags, sources and text; tag:energy keeps one tag's briefings"
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search the library")
        self.search.installEventFilter(self)  # Down and Page Down lead into the results
        self.search.returnPressed.connect(lambda: self._enter_results(Qt.Key.Key_Down))
        # A big library is filtered once typing pauses, so keys never wait for a filter pass.
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_changed)
        self.full_text: FullTextSearch | None = None
        if search_index_path:
            self.full_text = FullTextSearch(search_index_path, self)
            self.full_text.found.connect(self._show_hits)
            self.full_text.refreshed.connect(self._full_text_refreshed)
        self.sort = QComboBox(self)
        self.sort.addItem("Newest first", "date")
        self.sort.addItem("By title", "title")
        self.sort.setAccessibleName("Sort the library")
        self.sort.currentIndexChanged.connect(lambda: self.proxy.sort_by(self.sort.currentData()))
        self.list = LibraryList(self)
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(LibraryDelegate(self.list))
        self.list.setAccessibleName("Library")
        self.list.setUniformItemSizes(True)
        self.list.activated.connect(self._open_index)
        self.list.clicked.connect(self._open_index)
        self.list.upFromTop.connect(lambda: self.search.setFocus(Qt.FocusReason.OtherFocusReason))
        self.list.rowMenuRequested.connect(self._show_row_menu)
        self.status = QLabel(self)
        self.status.setAccessibleName("Library status")
        self.status.setStyleSheet("color: palette(placeholder-text); padding: 2px 4px;")
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.search, 1)
        controls.addWidget(self.sort)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addLayout(controls)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.status)
        self.folders: LibraryFolders | None = None
        self._announce: list[str] = []  # folders added, to be reported once scanned
        self._empty_actions: dict[str, QAction] = {}
        if folders is not None:
            self.set_folders(folders)

    # -- scanning -----------------------------------------------------------------------------
    @property
    def scanning(self) -> bool:
        return self.indexer.scanning

    @property
    def index_path(self) -> str | None:
        return self.indexer.index_path

    @index_path.setter
    def index_path(self, path: str | None) -> None:
        self.indexer.index_path = path

    def scan(self, folders: Sequence[str]) -> None:
        """Index ``folders`` in the background; later changes in them rescan by themselves."""
        self.indexer.scan(folders)

    def wait_for_scan(self, timeout_ms: int = 10_000) -> None:
        """Blocks until the scan is done and every row is in (screenshots, tests)."""
        self.indexer.wait(timeout_ms)

    def stop(self) -> None:
        self.indexer.stop()
        if self.full_text is not None:
            self.full_text.stop()

    def _scan_finished(self) -> None:
        if self.full_text is not None:  # the files seen, read again where they changed
            self.full_text.refresh(sorted(self.model.paths()))
        self._update_status()
        self._report_added()
        self.scanFinished.emit()

    # -- folders ------------------------------------------------------------------------------
    def set_folders(self, folders: LibraryFolders) -> None:
        self.folders = folders
        folders.changed.connect(lambda: self.scan(folders.all()))
        folders.added.connect(self._folder_added)
        folders.removed.connect(
            lambda folder: self.message.emit(f"Removed “{folder_name(folder)}” from the library")
        )

    def choose_folder(self) -> None:
        """Asks for a folder to add to the library (File › Add Folder to Library…)."""
        from briefing_app.gui.library.folders_dialog import ask_for_folder

        if self.folders is not None:
            folder = ask_for_folder(self, self.folders.settings.last_folder)
            if folder:
                self.add_folder(folder)

    def add_folder(self, folder: str) -> None:
        """Adds ``folder``; :attr:`message` tells how many briefings it held once it is scanned."""
        if self.folders is not None and not self.folders.add(folder):
            self.message.emit(f"“{folder_name(folder)}” is already in the library")

    def create_suggested_folder(self) -> None:
        from briefing_app.gui.library.folders_dialog import create_suggested_folder

        if self.folders is not None:
            create_suggested_folder(self.folders, self)

    def _folder_added(self, folder: str) -> None:
        self._announce.append(folder)
        self.message.emit(f"Looking for briefings in “{folder_name(folder)}”…")

    def _report_added(self) -> None:
        paths = self.model.paths() if self._announce else set()
        for folder in self._announce:
            inside = folder.rstrip(os.sep) + os.sep
            found = sum(1 for path in paths if path.startswith(inside))
            if found:
                self.message.emit(
                    f"Added “{folder_name(folder)}” to the library — "
                    f"{found:,} briefing{'s' if found != 1 else ''}"
                )
            else:
                self.message.emit(
                    f"No briefings found in {display_path(folder)}; the library shows those"
                    " put there later"
                )
        self._announce = []

    # -- the search and the keys -------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            ):
                return self._enter_results(Qt.Key(event.key()))
        return super().eventFilter(watched, event)

    def _enter_results(self, key: Qt.Key) -> bool:
        """Moves from the search into the results: to the first row, or on from the current one."""
        if self._search_timer.isActive():
            self.apply_search()
        if not self.proxy.rowCount():
            return False
        current = self.list.currentIndex()
        if not current.isValid():
            target = self.proxy.index(0, 0)
        else:
            step = (
                LibraryList.CursorAction.MoveDown
                if key == Qt.Key.Key_Down
                else LibraryList.CursorAction.MovePageDown
            )
            target = self.list.moveCursor(step, Qt.KeyboardModifier.NoModifier)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self.list.setCurrentIndex(target)
        self.list.scrollTo(target)
        return True

    def title_of(self, path: str) -> str:
        """The title of the briefing at ``path`` if the library has it, else ""."""
        row = self.model.row_of(path)
        return self.model.entry(row).title if row is not None else ""

    def select_path(self, path: str) -> None:
        """Show which row is the open briefing, without opening anything."""
        self._marked_path = path
        index = self.proxy.index_of_path(path)
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)
        else:
            self.list.clearSelection()

    def _search_changed(self, _text: str) -> None:
        if self._full_text_ready():
            self._search_timer.start(FULL_TEXT_PAUSE_MS)
        elif self.model.rowCount() >= SEARCH_PAUSE_FROM:
            self._search_timer.start(SEARCH_PAUSE_MS)
        else:
            self.apply_search()

    def apply_search(self) -> None:
        self._search_timer.stop()
        text = self.search.text()
        query = parse_query(text)
        if query.words.strip() and self.full_text is not None and self._full_text_ready():
            self.full_text.search(text)  # the rows change when the hits come
        elif query.tag is not None and not query.words.strip():
            tag = fold(query.tag)
            tagged = [e.path for e in self.model.entries() if tag in map(fold, e.tags)]
            self.proxy.set_hits(tagged, [()] * len(tagged))
        else:
            self.proxy.set_query(text)
        self._update_status()

    def _full_text_ready(self) -> bool:
        return self.full_text is not None and self.full_text.ready

    def _full_text_refreshed(self) -> None:
        if parse_query(self.search.text()).words.strip():
            self.apply_search()  # what was typed, looked up again in the whole texts

    def _show_hits(self, query: Query, hits: list) -> None:
        self.proxy.set_hits([hit.path for hit in hits], [hit.snippet for hit in hits])
        self._update_status()

    def clear_search(self) -> None:
        self.search.clear()
        self.apply_search()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- what the pane says ------------------------------------------------------------------
    def _update_status(self) -> None:
        """How many briefings there are, and how many of them a search shows."""
        count, shown = self.model.rowCount(), self.proxy.rowCount()
        query = self.search.text().strip()
        if not count:
            text = "Looking for briefings…" if self.scanning else "No briefings yet"
        elif not query:
            text = f"{count:,} briefing{'s' if count != 1 else ''}"
        elif not shown:
            text = f"0 of {count:,} briefing{'s' if count != 1 else ''}"  # the list says why
        else:
            text = f"{shown:,} of {count:,} briefing{'s' if count != 1 else ''}"
        if self.scanning and count:
            text += " · indexing…"
        self.status.setText(text)
        self._update_empty_state(count, shown, query)

    def _update_empty_state(self, count: int, shown: int, query: str) -> None:
        """The list itself says why it shows nothing, and offers what would help."""
        if shown or (not count and self.scanning):
            self.list.hide_empty()
        elif count:
            self.list.show_empty(
                f"No briefings match “{query}”",
                "Check the spelling, or search for fewer words.",
                [self._action("Clear Search", self.clear_search)],
            )
        else:
            self.list.show_empty("No briefings yet", *self._how_to_add())

    def _how_to_add(self) -> tuple[str, list[QAction]]:
        hint = (
            "Add a folder of briefings (.briefing or Markdown files) with"
            " File › Add Folder to Library… or Library › Folders…"
        )
        if self.folders is None:
            return hint, []
        actions = [self._action("Add Folder…", self.choose_folder)]
        if self.folders.suggested:
            hint += f"\n\nOr keep them in {display_path(self.folders.suggested)}."
            if self.folders.suggestion_missing():
                label = f"Create {display_path(self.folders.suggested)}"
                actions.append(self._action(label, self.create_suggested_folder))
        return hint, actions

    def _action(self, text: str, slot: object) -> QAction:
        """The empty list's buttons' actions, made once each."""
        action = self._empty_actions.get(text)
        if action is None:
            action = self._empty_actions[text] = QAction(text, self)
            action.triggered.connect(slot)
        return action

    def _mark_again(self) -> None:
        """A new search shows new rows: the open briefing, if among them, stays marked."""
        index = self.proxy.index_of_path(self._marked_path) if self._marked_path else QModelIndex()
        if index.isValid():  # selected without becoming current, so the list does not scroll
            self.list.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )

    # -- a row's actions ---------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        entry: LibraryEntry | None = index.data(EntryRole)
        if entry is not None:
            self.openRequested.emit(entry.path)

    def row_menu(self, index: QModelIndex) -> QMenu | None:
        """The menu of the row at ``index``: open it, find it on disk, or drop its folder."""
        entry: LibraryEntry | None = index.data(EntryRole)
        if entry is None:
            return None
        path = entry.path
        menu = QMenu(self)
        menu.setDefaultAction(self._in(menu, "&Open", lambda: self.openRequested.emit(path)))
        menu.addSeparator()
        self._in(menu, "Show in &Folder", lambda: file_actions.show_in_folder(path, self))
        self._in(
            menu,
            "Open With &Default Application",
            lambda: file_actions.open_with_default_app(path, self),
        )
        self._in(menu, "Copy &Path", lambda: file_actions.copy_path(path))
        folder = self.folders.containing(path) if self.folders is not None else None
        if self.folders is not None and folder is not None and self.folders.is_removable(folder):
            menu.addSeparator()
            folders = self.folders
            self._in(
                menu,
                f"&Remove Folder “{folder_name(folder)}” from Library",
                lambda: folders.remove(folder),
            ).setToolTip(f"{display_path(folder)} stays on disk; the library stops showing it")
        return menu

    @staticmethod
    def _in(menu: QMenu, text: str, slot: object) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        return action

    def _show_row_menu(self, index: QModelIndex, place: QPoint) -> None:
        menu = self.row_menu(index)
        if menu is not None:
            menu.exec(place)
            menu.deleteLater()
