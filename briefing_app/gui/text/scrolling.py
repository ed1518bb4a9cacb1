"""Moving a text view to a place: a heading, a mention, a position."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit


def go_to_anchor(view: QTextEdit, anchor: str) -> None:
    """Scrolls a heading (or other anchor) near the top, with a little space above it."""
    view.scrollToAnchor(anchor)
    bar = view.verticalScrollBar()
    if 0 < bar.value() < bar.maximum():
        bar.setValue(bar.value() - view.fontMetrics().lineSpacing() * 3 // 2)


def bring_into_view(view: QTextEdit, start: int, end: int) -> None:
    """Scrolls ``start``..``end`` into view unless it is on screen already: a name clicked in
    the text stays under the pointer."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(start)
    top = view.cursorRect(cursor).top()
    cursor.setPosition(min(end, view.document().characterCount() - 1))
    bottom = view.cursorRect(cursor).bottom()
    if top < 0 or bottom > view.viewport().height():
        scroll_to_position(view, start)


def scroll_to_position(view: QTextEdit, position: int) -> None:
    """Brings ``position`` to about a third of the way down the view."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    rect = view.cursorRect(cursor)
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + rect.top() - view.viewport().height() // 3)
