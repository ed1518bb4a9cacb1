"""What the library's People and Timeline views share: a filter field over a sortable tree,
a line saying what is shown, and an empty state; rows carry the entry they open."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from briefing_app.core.links import EntryRef
from briefing_app.gui.across.disposal import dispose

TargetRole = Qt.ItemDataRole.UserRole + 1  # (path, EntryRef): what activating the row opens
SortRole = Qt.ItemDataRole.UserRole + 2
KeyRole = Qt.ItemDataRole.UserRole + 3  # a person's key, on their row


def item(
    text: str, sort: object = None, target: tuple[str, EntryRef] | None = None
) -> QStandardItem:
    cell = QStandardItem(text)
    cell.setEditable(False)
    if len(text) > 40:  # the column may cut it
        cell.setToolTip(text)
    cell.setData(text.casefold() if sort is None else sort, SortRole)
    if target is not None:
        cell.setData(target, TargetRole)
    return cell


def new_model(headers: list[str]) -> QStandardItemModel:
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(headers)
    return model


class TreePane(QWidget):
    openRequested = Signal(str, object)  # path, EntryRef

    def __init__(self, headers: list[str], placeholder: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = new_model(headers)
        self.model.setParent(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)  # every column
        self.proxy.setRecursiveFilteringEnabled(True)  # a source row keeps its event shown
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(placeholder)
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.apply_filter)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setSortingEnabled(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.activated.connect(self._activated)
        self.status = QLabel(self)
        self.status.setStyleSheet("color: palette(placeholder-text); padding: 2px 4px;")
        self.status.setWordWrap(True)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(6, 6, 6, 6)
        self.column.addWidget(self.filter)
        self.column.addWidget(self.tree, 1)
        self.column.addWidget(self.status)

    def show_model(self, model: QStandardItemModel) -> None:
        """Shows ``model``'s rows in place of those shown: made apart from the view, a model
        of thousands of rows is shown in one step, not a row at a time."""
        old, self.model = self.model, model
        if model is old:
            return
        if model.parent() is None:
            model.setParent(self)  # made for this view alone; another keeps its own
        self.proxy.setSourceModel(model)
        if old.parent() is self:
            dispose(old)

    def apply_filter(self) -> None:
        self.proxy.setFilterFixedString(self.filter.text().strip())
        self.update_status()

    def update_status(self) -> None:
        """Subclasses say how many rows show, or why none do."""

    def rows(self) -> list[QModelIndex]:
        """The top-level rows shown, in order (tests, exports)."""
        return [self.proxy.index(row, 0) for row in range(self.proxy.rowCount())]

    def _activated(self, index: QModelIndex) -> None:
        target = index.siblingAtColumn(0).data(TargetRole)
        if target is not None:
            self.openRequested.emit(*target)
        elif self.tree.isExpanded(index):
            self.tree.collapse(index)
        else:
            self.tree.expand(index)
