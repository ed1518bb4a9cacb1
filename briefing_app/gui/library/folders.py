"""The folders the library watches: the bundled briefings, the suggested Documents folder once it
exists, and the folders the person added (kept in the settings)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Signal

if TYPE_CHECKING:
    from briefing_app.gui.shell.settings import Settings


def documents_folder() -> str:
    """Where the library suggests keeping briefings. It is made only when the person asks."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return os.path.join(documents, "Briefings")


def display_path(folder: str) -> str:
    """``folder`` as people write it: ``~/Documents/Briefings``."""
    home = os.path.expanduser("~")
    if folder == home or folder.startswith(home + os.sep):
        return "~" + folder[len(home) :]
    return folder


def folder_name(folder: str) -> str:
    return os.path.basename(folder.rstrip(os.sep)) or folder


class LibraryFolders(QObject):
    """The watched folders. ``base`` folders are always watched and cannot be removed; among them,
    ``suggested`` (the Documents folder by default) is watched once it exists."""

    changed = Signal()  # the folders to scan are not the same any more
    added = Signal(str)
    removed = Signal(str)

    def __init__(
        self,
        settings: Settings,
        base: Sequence[str] = (),
        parent: QObject | None = None,
        suggested: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.base = [os.path.abspath(folder) for folder in base]
        if suggested is None:
            documents = documents_folder()
            suggested = documents if documents in self.base else ""
        self.suggested = suggested

    def all(self) -> list[str]:
        """Every folder to scan, the base ones first."""
        return list(dict.fromkeys([*self.base, *self.user()]))

    def user(self) -> list[str]:
        """The folders the person added."""
        return [folder for folder in self.settings.library_folders if folder not in self.base]

    def is_removable(self, folder: str) -> bool:
        return folder in self.user()

    def containing(self, path: str) -> str | None:
        """The watched folder ``path`` was found in (the innermost, if they nest)."""
        path = os.path.abspath(path)
        inside = [f for f in self.all() if path.startswith(f.rstrip(os.sep) + os.sep)]
        return max(inside, key=len) if inside else None

    def add(self, folder: str) -> bool:
        """Watches ``folder`` too; False if it already was."""
        folder = os.path.abspath(folder)
        if folder == self.suggested:  # watched once it exists: it may have just been made
            self.added.emit(folder)
            self.changed.emit()
            return True
        if folder in self.all():
            return False
        self.settings.library_folders = [*self.settings.library_folders, folder]
        self.added.emit(folder)
        self.changed.emit()
        return True

    def remove(self, folder: str) -> None:
        """Stops watching a folder the person added; its files stay where they are."""
        if not self.is_removable(folder):
            return
        self.settings.library_folders = [f for f in self.settings.library_folders if f != folder]
        self.removed.emit(folder)
        self.changed.emit()

    def suggestion_missing(self) -> bool:
        """Whether the suggested folder could be created for the person."""
        return bool(self.suggested) and not os.path.isdir(self.suggested)

    def create_suggested(self) -> None:
        """Makes the suggested folder (raises OSError if it cannot be made)."""
        if not self.suggested:
            return
        os.makedirs(self.suggested, exist_ok=True)
        self.added.emit(self.suggested)
        self.changed.emit()
