"""The list of briefings: a focus ring, the key that leads back to the search, a menu per row,
and a message of its own when it shows nothing."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QListView, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """Why the list is empty, centred on it, with buttons for what to do about it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # it may quote the search
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text);")
        self._buttons = QVBoxLayout()
        self._buttons.setSpacing(6)
        self._button_list: list[QPushButton] = []
        self._said: tuple[str, str, list[QAction]] = ("", "", [])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addSpacing(6)
        layout.addLayout(self._buttons)
        layout.addStretch(2)

    def set_message(self, title: str, hint: str, actions: Sequence[QAction]) -> None:
        if (title, hint, list(actions)) == self._said:
            return  # asked again at each step of a scan: the buttons stay as they are
        self._said = (title, hint, list(actions))
        self.title.setText(title)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.setAccessibleName(title)
        for button in self._button_list:
            self._buttons.removeWidget(button)
            button.deleteLater()
        self._button_list = []
        for action in actions:
            button = QPushButton(action.text(), self)
            button.clicked.connect(action.trigger)
            self._buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
            self._button_list.append(button)

    def buttons(self) -> list[QPushButton]:
        return list(self._button_list)


class FocusRing(QWidget):
    """A ring in the highlight colour around the list while it has the keyboard's focus.

    Drawn by a widget of its own: a style sheet on the list would do it too, but made each
    repaint of the list's frame and scroll bar slower.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 2, 2)


class LibraryList(QListView):
    """The rows themselves. Up from the first row goes back to the search field."""

    upFromTop = Signal()
    rowMenuRequested = Signal(QModelIndex, QPoint)  # the row, and where its menu goes on screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ring = FocusRing(self)
        self._empty: EmptyState | None = None  # made the first time the list is empty

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._ring.setGeometry(self.rect())
        self._ring.raise_()
        self._ring.show()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._ring.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Up and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            current = self.currentIndex()
            if not current.isValid() or current.row() == 0:
                self.upFromTop.emit()
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            index = self.currentIndex()
            place = self.visualRect(index).bottomLeft() if index.isValid() else QPoint(0, 0)
        else:
            place = event.pos()
            index = self.indexAt(place)
        if index.isValid():
            self.rowMenuRequested.emit(index, self.viewport().mapToGlobal(place))

    # -- when it shows nothing ---------------------------------------------------------------
    def show_empty(self, title: str, hint: str = "", actions: Sequence[QAction] = ()) -> None:
        if self._empty is None:
            self._empty = EmptyState(self.viewport())
            self._empty.setGeometry(self.viewport().rect())
        self._empty.set_message(title, hint, actions)
        self._empty.show()

    def hide_empty(self) -> None:
        if self._empty is not None:
            self._empty.hide()

    def empty_state(self) -> EmptyState | None:
        """The message on show, if any."""
        return self._empty if self._empty is not None and not self._empty.isHidden() else None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._ring.setGeometry(self.rect())
        if self._empty is not None:
            self._empty.setGeometry(self.viewport().rect())
