"""What the keyboard reaches: the order Tab visits the window's parts in, and Shift+F10."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QTabWidget,
    QWidget,
)

from briefing_app.gui.library.view import LibraryView
from briefing_app.gui.panels.view import PanelsView
from briefing_app.gui.text.find_bar import FindBar
from briefing_app.gui.text.outline import OutlineView
from briefing_app.gui.text.reader import ReaderView


def order_tab_stops(
    library: LibraryView,
    outline: OutlineView,
    tabs: QTabWidget,
    reader: ReaderView,
    find_bar: FindBar,
    panels: PanelsView,
) -> None:
    """Tab goes library, contents, tabs, text, find bar, panels: left to right, as read, and
    round again. (A reader made later would come last.)"""
    stops: list[QWidget] = [library.search, library.sort, library.list, outline, tabs, reader]
    stops += [find_bar.field, find_bar.previous_button, find_bar.next_button]
    stops.append(find_bar.close_button)
    for section in panels.sections.values():
        stops += [section.header, section.browser]
    for before, after in itertools.pairwise(stops):
        QWidget.setTabOrder(before, after)


def add_menu_key(window: QWidget) -> None:
    """Shift+F10 opens the focused part's menu, as the Menu key does: Qt on X11 leaves it."""
    menu_key = QAction(window)
    menu_key.setShortcut(QKeySequence("Shift+F10"))
    menu_key.triggered.connect(open_context_menu_of_focus)
    window.addAction(menu_key)


def open_context_menu_of_focus() -> None:
    """Opens the focused widget's context menu, as the Menu key does."""
    widget = QApplication.focusWidget()
    if widget is None:
        return
    target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
    point = target.rect().center()
    if isinstance(widget, QAbstractItemView) and widget.currentIndex().isValid():
        point = widget.visualRect(widget.currentIndex()).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, target.mapToGlobal(point))
    QCoreApplication.sendEvent(target, event)
