"""The main window's frame: what a start shows before the window's parts are loaded (its title,
menu bar and status bar, at the size it had), and what needs nothing of them: its size and
place, and files dropped on it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from briefing_app import APP_NAME
from briefing_app.core.library import BRIEFING_EXTENSIONS
from briefing_app.gui.export.exported_notice import ExportedNotice
from briefing_app.gui.shell.menus import MENU_TITLES
from briefing_app.gui.shell.settings import Settings

DEFAULT_WINDOW_SIZE = (1280, 800)  # before any size was saved


class WindowFrame(QMainWindow):
    """``furnished`` once the window's parts are in (see MainWindow.furnish)."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.furnished = False
        self.settings = settings
        settings.write_later(self)  # not before the window paints what it opens
        self.setAcceptDrops(True)
        self.setWindowTitle(APP_NAME)
        for title in MENU_TITLES:  # the bar at its height already; furnished with the rest
            self.menuBar().addMenu(title)
        # The status bar with its parts, at its height already.
        self.exported_notice = ExportedNotice(self)
        self.statusBar().addWidget(self.exported_notice)
        self.selected_label = QLabel(self)  # hidden by passing messages, back after them
        self.statusBar().addWidget(self.selected_label, 1)
        self.word_count = QLabel(self)
        self.word_count.setAccessibleName("Word count")
        self.word_count.setContentsMargins(16, 0, 4, 0)  # a message cut short must not run into it
        self.statusBar().addPermanentWidget(self.word_count)
        self.setCentralWidget(QWidget(self))

    def open_files(self, paths: Sequence[str]) -> None:
        raise NotImplementedError  # the furnished window's

    def restore_geometry(self) -> None:
        """The window's last size and place (its frame has them before it shows)."""
        geometry = self.settings.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(default_window_size(self.screen().availableGeometry().size()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.furnished and _dropped_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = _dropped_files(event)
        if files:
            event.acceptProposedAction()
            self.open_files(files)


def default_window_size(available: QSize) -> QSize:
    """The first launch's size: room for the library, a comfortable line and the panels, and
    never more than most of the screen."""
    width, height = DEFAULT_WINDOW_SIZE
    return QSize(min(width, available.width() * 9 // 10), min(height, available.height() * 9 // 10))


def _dropped_files(event: QDragEnterEvent | QDropEvent) -> list[str]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [
        url.toLocalFile()
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(BRIEFING_EXTENSIONS)
    ]
