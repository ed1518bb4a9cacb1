"""The status bar's word after an export: what was written, with Open and Show in Folder."""

from __future__ import annotations

import os

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from briefing_app.gui.shell import file_actions

SHOWN_FOR_MS = 20_000


class ExportedNotice(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = ""
        self.label = QLabel(self)
        self.open_button = QPushButton("Open", self)
        self.open_button.clicked.connect(
            lambda: file_actions.open_with_default_app(self.path, self.window())
        )
        self.folder_button = QPushButton("Show in Folder", self)
        self.folder_button.clicked.connect(
            lambda: file_actions.show_in_folder(self.path, self.window())
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.open_button)
        layout.addWidget(self.folder_button)
        self._timer = QTimer(self, singleShot=True, interval=SHOWN_FOR_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_file(self, path: str, what: str) -> None:
        self.path = path
        self.label.setText(f"{what} to {os.path.basename(path)}")
        self.label.setToolTip(path)
        self.open_button.setAccessibleName(f"Open {os.path.basename(path)}")
        self.show()
        self._timer.start()
