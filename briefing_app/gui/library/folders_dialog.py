"""Library › Folders…: the folders the library watches, with Add… and Remove. Changes apply at
once, through :class:`LibraryFolders`, which the library follows."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefing_app.gui.library.folders import LibraryFolders, display_path
from briefing_app.gui.shell import dialogs
from briefing_app.resources import bundled_briefings_dir

FolderRole = Qt.ItemDataRole.UserRole + 1


def ask_for_folder(parent: QWidget | None, start: str = "") -> str:
    """A folder the person picks to add to the library, or "" if they cancel."""
    return QFileDialog.getExistingDirectory(parent, "Add Folder to Library", start)


def create_suggested_folder(folders: LibraryFolders, parent: QWidget | None) -> bool:
    """Makes the suggested folder, or says why it could not be made."""
    try:
        folders.create_suggested()
    except OSError as error:
        dialogs.show_error(
            parent,
            "Cannot create folder",
            f"{display_path(folders.suggested)} could not be created: {error.strerror or error}.",
            str(error),
        )
        return False
    return True


class FoldersDialog(QDialog):
    def __init__(self, folders: LibraryFolders, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folders = folders
        self.setWindowTitle("Library Folders")
        intro = QLabel(
            "The library shows the briefings (.briefing and Markdown files) in these folders"
            " and the folders inside them. Removing a folder leaves its files where they are.",
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Library folders")
        self.list.currentItemChanged.connect(self._enable)
        self.add_button = QPushButton("&Add…", self)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton("&Remove", self)
        self.remove_button.clicked.connect(self.remove)
        self.create_button = QPushButton(self)
        self.create_button.clicked.connect(lambda: create_suggested_folder(folders, self))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(560, 340)
        for button in (self.add_button, self.remove_button, self.create_button):
            button.setAutoDefault(False)  # Enter must not create or remove a folder unasked
        dialogs.plain_buttons(self)
        folders.changed.connect(self._fill)
        self._fill()

    def _fill(self) -> None:
        current = self.current_folder()
        self.list.clear()
        bundled = str(bundled_briefings_dir())
        for folder in self.folders.all():
            if folder == bundled:
                note = "sample briefings, always shown"
            elif folder == self.folders.suggested:
                note = "suggested, not created yet" if not os.path.isdir(folder) else "suggested"
            elif not self.folders.is_removable(folder):
                note = "always shown"
            else:
                note = "" if os.path.isdir(folder) else "not found"
            text = display_path(folder) + (f"  ({note})" if note else "")
            item = QListWidgetItem(text, self.list)
            item.setData(FolderRole, folder)
            item.setToolTip(folder)
            if folder == current:
                self.list.setCurrentItem(item)
        self.create_button.setText(f"&Create {display_path(self.folders.suggested)}")
        self.create_button.setVisible(self.folders.suggestion_missing())
        self._enable()

    def current_folder(self) -> str:
        item = self.list.currentItem()
        return item.data(FolderRole) if item is not None else ""

    def _enable(self) -> None:
        self.remove_button.setEnabled(self.folders.is_removable(self.current_folder()))

    def add(self) -> None:
        folder = ask_for_folder(self, self.folders.settings.last_folder)
        if folder:
            self.folders.add(folder)
            self._select(os.path.abspath(folder))

    def remove(self) -> None:
        folder = self.current_folder()
        if folder:
            self.folders.remove(folder)
            self.list.setFocus()  # not to the button that would create a folder next

    def _select(self, folder: str) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(FolderRole) == folder:
                self.list.setCurrentItem(item)


def show_folders_dialog(folders: LibraryFolders, parent: QWidget | None) -> None:
    """Library › Folders…"""
    dialog = FoldersDialog(folders, parent)
    dialog.exec()
    dialog.deleteLater()
