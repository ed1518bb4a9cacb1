"""Every message box goes through here, so tests can replace one function.

QMessageBox is imported when a box is shown: making its Python type costs about 2 ms of a start.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_about(parent: QWidget | None, html: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.about(parent, "About", html)
