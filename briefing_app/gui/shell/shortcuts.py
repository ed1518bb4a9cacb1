"""Help › Keyboard Shortcuts: every menu command's keys, read from the menus themselves, and
the keys that work inside the library, the text and the panels."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing_app.gui.shell import dialogs

# Keys handled by the widgets rather than by a menu command.
IN_PLACE_KEYS = (
    (
        "Library",
        (
            ("Down, Page Down, Enter", "From the search field to the results"),
            ("Up, Down", "Move through the briefings; Up from the first, to the search"),
            ("Enter", "Open the briefing"),
            ("Menu key or Shift+F10", "More actions for the briefing"),
        ),
    ),
    (
        "Text",
        (
            ("Up, Down, Page Up, Page Down", "Scroll"),
            ("Menu key or Shift+F10", "More actions: copy, the briefing's file"),
        ),
    ),
    (
        "Panels",
        (
            ("Up, Down, Page Up/Down, Home, End", "Move through the entries"),
            ("Enter, Space", "Show the entry in the text"),
            ("Space, Enter, ←, → on a heading", "Fold or unfold the section"),
            ("Tab", "Next section"),
            ("Menu key or Shift+F10", "Show in text, copy the entry or its quote"),
        ),
    ),
    (
        "Find bar",
        (
            ("Enter", "Next match or mention"),
            ("Shift+Enter", "Previous match or mention"),
            ("Esc", "Close the bar"),
        ),
    ),
)


def shortcut_rows(menu_bar: QMenuBar) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(keys, command)]) for each menu, with the commands that have keys."""
    groups = []
    for action in menu_bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu):
            rows = list(_menu_rows(menu))
            if rows:
                groups.append((_plain(action.text()), rows))
    return groups


def _menu_rows(menu: QMenu, prefix: str = "") -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_rows(submenu, f"{prefix}{_plain(action.text())} › ")
        elif keys := _keys(action):
            yield keys, prefix + _plain(action.text())


def _keys(action: QAction) -> str:
    """The keys the menu shows: the first of an action's shortcuts (Qt's extra ones for a
    standard command read "Ctrl+Shift+Backtab" or "Back")."""
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").removesuffix("…")


class ShortcutsDialog(QDialog):
    def __init__(self, menu_bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(680, 640)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName("Keyboard shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        in_place = [(title, [(keys, what) for keys, what in rows]) for title, rows in IN_PLACE_KEYS]
        for title, rows in [*shortcut_rows(menu_bar), *in_place]:
            group = QTreeWidgetItem(self.tree, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for keys, command in rows:
                QTreeWidgetItem(group, [command, keys])
            group.setExpanded(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        dialogs.plain_buttons(self)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
