"""The outline: the open briefing's headings, to jump to."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from briefing_app.core.model import Briefing

AnchorRole = Qt.ItemDataRole.UserRole + 1


class OutlineView(QTreeWidget):
    headingActivated = Signal(str)  # the heading's anchor id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderLabel("Contents")
        self.setAccessibleName("Contents")
        self.setRootIsDecorated(False)
        self.setIndentation(14)
        self.setStyleSheet(
            "QTreeView::item { padding: 3px 4px; } QHeaderView::section { padding: 4px 8px; }"
        )
        self.itemActivated.connect(self._activate)
        self.itemClicked.connect(self._activate)

    def show_briefing(self, briefing: Briefing | None) -> None:
        self.clear()
        if briefing is None:
            placeholder = QTreeWidgetItem(self, ["Open a briefing to see its headings"])
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            return
        stack: list[tuple[int, QTreeWidgetItem]] = []
        for heading in briefing.headings:
            while stack and stack[-1][0] >= heading.level:
                stack.pop()
            parent = stack[-1][1] if stack else self.invisibleRootItem()
            item = QTreeWidgetItem(parent, [heading.text])
            item.setData(0, AnchorRole, heading.id)
            item.setToolTip(0, heading.text)
            stack.append((heading.level, item))
        self.expandAll()
        if not briefing.headings:
            placeholder = QTreeWidgetItem(self, ["No headings in this briefing"])
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)

    def _activate(self, item: QTreeWidgetItem) -> None:
        anchor = item.data(0, AnchorRole)
        if anchor:
            self.headingActivated.emit(anchor)
