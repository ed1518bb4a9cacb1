"""The main window: library on the left, open briefings in tabs, panels on the right."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QSplitter, QTabWidget, QWidget

from briefing_app import APP_NAME
from briefing_app.core.errors import BriefingError
from briefing_app.core.loader import load_briefing
from briefing_app.gui import dialogs
from briefing_app.gui.briefing_tab import BriefingTab
from briefing_app.gui.library import LibraryView
from briefing_app.gui.panels import PanelsView

logger = logging.getLogger(__name__)

OPEN_FILTER = "Briefings (*.briefing *.md *.markdown);;All files (*)"


class MainWindow(QMainWindow):
    def __init__(
        self, settings: QSettings, base_folders: Sequence[str] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.base_folders = list(base_folders)  # the bundled briefings and the user's folder
        self.library = LibraryView(self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setAccessibleName("Open briefings")
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(self._current_changed)
        self.empty = QLabel(
            "<h2>No briefing open</h2><p>Choose one from the library, or use File › Open.</p>", self
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(placeholder-text);")
        self.panels = PanelsView(self)
        self.splitter = QSplitter(self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.library)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.panels)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 680, 300])
        self.setCentralWidget(self.splitter)
        self.word_count = QLabel(self)
        self.statusBar().addPermanentWidget(self.word_count)
        self.library.openRequested.connect(self.open_file)
        self.panels.personClicked.connect(self.show_person)
        self.panels.figureClicked.connect(lambda index: self.show_quote("figure", index))
        self.panels.timelineClicked.connect(lambda index: self.show_quote("timeline", index))
        self._build_menus()
        self._current_changed()

    # -- menus ------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self._action(file_menu, "&Open…", self.choose_files, QKeySequence.StandardKey.Open)
        self._action(file_menu, "Add &Folder to Library…", self.choose_folder)
        file_menu.addSeparator()
        self._action(
            file_menu, "&Close Tab", self.close_current_tab, QKeySequence.StandardKey.Close
        )
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # -- opening ----------------------------------------------------------------------------
    def open_file(self, path: str) -> bool:
        path = os.path.abspath(path)
        for index in range(self.tabs.count()):
            tab = self.tabs.widget(index)
            if isinstance(tab, BriefingTab) and os.path.abspath(tab.briefing.path) == path:
                self.tabs.setCurrentIndex(index)
                return True
        try:
            briefing = load_briefing(path)
        except BriefingError as error:
            logger.warning("%s", error)
            dialogs.show_error(self, "Cannot open briefing", f"{error.path}\n\n{error.message}.")
            return False
        tab = BriefingTab(briefing, self.tabs)
        index = self.tabs.addTab(tab, briefing.title)
        self.tabs.setTabToolTip(index, path)
        self.tabs.setCurrentIndex(index)
        return True

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, "Open Briefing", "", OPEN_FILTER)
        for path in paths:
            self.open_file(path)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Add Folder to Library")
        if folder:
            folders = self.library_folders()
            if folder not in folders:
                self.settings.setValue("library/folders", [*self.extra_folders(), folder])
                self.library.scan(self.library_folders())

    def extra_folders(self) -> list[str]:
        value = self.settings.value("library/folders", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def library_folders(self) -> list[str]:
        return [*self.base_folders, *self.extra_folders()]

    # -- tabs -------------------------------------------------------------------------------
    def current_tab(self) -> BriefingTab | None:
        tab = self.tabs.currentWidget()
        return tab if isinstance(tab, BriefingTab) else None

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        self.tabs.removeTab(index)
        if widget is not None:
            widget.deleteLater()

    def close_current_tab(self) -> None:
        if self.tabs.count():
            self.close_tab(self.tabs.currentIndex())

    def _current_changed(self, *_: object) -> None:
        tab = self.current_tab()
        briefing = tab.briefing if tab else None
        self.panels.show_briefing(briefing)
        if briefing is None:
            self.setWindowTitle(APP_NAME)
            self.word_count.clear()
            return
        self.setWindowTitle(f"{briefing.title} — {APP_NAME}")
        minutes = briefing.reading_minutes
        self.word_count.setText(
            f"{briefing.word_count:,} words · {minutes} min read" if minutes else "No text"
        )

    # -- panel links ------------------------------------------------------------------------
    def show_person(self, index: int) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        ranges = tab.reader.person_ranges.get(index, [])
        tab.reader.highlight(ranges, 0)
        name = tab.briefing.people[index].name
        count = len(ranges)
        self.statusBar().showMessage(
            f"{name}: {count} mention{'s' if count != 1 else ''}"
            if count
            else f"{name} is not mentioned in the text",
            8000,
        )

    def show_quote(self, kind: str, index: int) -> None:
        tab = self.current_tab()
        if tab is None:
            return
        found = tab.reader.quote_range(f"{kind}-{index}-1")
        if found is None:
            self.statusBar().showMessage("Not found in the text", 5000)
            tab.reader.highlight([])
            return
        tab.reader.highlight([found], 0)

    # -- state ------------------------------------------------------------------------------
    def restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.library.stop()
        super().closeEvent(event)
