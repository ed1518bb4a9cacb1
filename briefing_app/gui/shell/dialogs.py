"""Every message box goes through here, so tests can replace one function.

Message boxes are imported when one is shown, not at every start.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget

_ON_TERMINAL = {"errors": False}


def report_on_terminal() -> None:
    """Errors are printed rather than shown: a headless run (a screenshot) has no one to close a
    message box."""
    _ON_TERMINAL["errors"] = True


def show_error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    if _ON_TERMINAL["errors"]:
        print(f"{title}: {' '.join(text.split())}", file=sys.stderr)
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    plain_buttons(box)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, action: str) -> bool:
    """Whether the person chose ``action`` (a button's word, "Replace") over Cancel, the
    default. A headless run has no one to ask: no."""
    if _ON_TERMINAL["errors"]:
        print(f"{title}: {' '.join(text.split())} (not done)", file=sys.stderr)
        return False
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    chosen = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    plain_buttons(box)
    box.exec()
    return box.clickedButton() is chosen


def show_about(parent: QWidget | None, html: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setWindowTitle("About")
    box.setText(html)
    box.setIconPixmap(box.windowIcon().pixmap(64, 64))
    plain_buttons(box)
    box.exec()


def plain_buttons(dialog: QWidget) -> None:
    """Text-only buttons, as on most desktops: where no icon theme is installed, Qt gives
    OK and Cancel its own dated tick and cross."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QDialogButtonBox

    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            button.setIcon(QIcon())
