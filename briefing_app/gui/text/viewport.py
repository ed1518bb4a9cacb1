"""A scroll area's viewport, fetched without PySide's search for the widget's class."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

VIEWPORT_NAME = "qt_scrollarea_viewport"  # the name QAbstractScrollArea gives the one it makes


def held_viewport(area: QAbstractScrollArea) -> QWidget:
    """``area.viewport()``, for a caller to keep.

    The first ``viewport()`` call in a process costs 17-27 ms: the viewport is a widget Python
    has not seen, and PySide finds its class by making the Python type of every widget class it
    might be (wizards, dialogs, calendars: some 70 enums). ``findChild`` with a class and a name
    asks for a plain QWidget and makes nothing. PySide's object for the viewport lives while a
    reference to it does; as long as the caller keeps this one, ``viewport()`` returns it too.
    """
    viewport = area.findChild(QWidget, VIEWPORT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return viewport if isinstance(viewport, QWidget) else area.viewport()
