"""How a library row is drawn."""

from __future__ import annotations

import os
import re

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem

from briefing_app.core.library import LibraryEntry
from briefing_app.gui.library.model import EntryRole

_Index = QModelIndex | QPersistentModelIndex
_SPACES = re.compile(r"\s+")


class LibraryDelegate(QStyledItemDelegate):
    """Two lines per briefing: the title, then date · source · tags in a quieter colour; for a
    full-text search, the passage that matched, its matching words in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fonts: dict[str, tuple[QFont, QFontMetrics, QFont, QFontMetrics]] = {}

    def _fonts_for(self, base: QFont) -> tuple[QFont, QFontMetrics, QFont, QFontMetrics]:
        """The title and detail fonts for ``base``, made once: every row of every repaint asks."""
        key = base.key()
        if key not in self._fonts:
            title = QFont(base)
            title.setWeight(QFont.Weight.DemiBold)
            small = QFont(base)
            small.setPointSizeF(max(7.0, small.pointSizeF() * 0.88))
            self._fonts[key] = (title, QFontMetrics(title), small, QFontMetrics(small))
        return self._fonts[key]

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + metrics.height() // 2 + 14)

    def initStyleOption(self, option: QStyleOptionViewItem, index: _Index) -> None:
        super().initStyleOption(option, index)
        option.text = ""  # the style draws the background only; paint draws the two lines

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        entry: LibraryEntry = index.data(EntryRole)
        painter.save()
        opt = QStyleOptionViewItem(option)
        super().paint(painter, opt, index)  # the row's background, selected or not
        # Asked of the view, not of the option's state flags: those are QStyle's, whose Python
        # type (and its many enums) would otherwise be made at start-up for this alone.
        view = self.parent()
        selected = isinstance(view, QListView) and view.selectionModel().isSelected(index)
        palette = opt.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect: QRect = opt.rect.adjusted(10, 7, -10, -7)
        title_font, metrics, small, small_metrics = self._fonts_for(opt.font)
        painter.setFont(title_font)
        painter.setPen(palette.color(text_role))
        title = metrics.elidedText(entry.title, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect.x(), rect.y() + metrics.ascent(), title)
        painter.setFont(small)
        colour = palette.color(text_role)
        if not selected:
            colour = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(colour)
        snippet = getattr(index.model(), "snippet", None)
        pieces = snippet(entry.path) if snippet is not None else ()
        baseline = rect.y() + metrics.height() + 4 + small_metrics.ascent()
        if pieces:
            _draw_pieces(painter, pieces, rect.x(), baseline, rect.width(), small)
            painter.restore()
            return
        details = " · ".join(
            part
            for part in (
                entry.date.display() if entry.date else "",
                entry.source,
                ", ".join(entry.tags[:4]),
            )
            if part
        ) or os.path.basename(entry.path)
        details = small_metrics.elidedText(details, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect.x(), baseline, details)
        painter.restore()


def _draw_pieces(
    painter: QPainter,
    pieces: tuple[tuple[str, bool], ...],
    x: int,
    baseline: int,
    width: int,
    font: QFont,
) -> None:
    """A snippet on one line, its matching words bold, cut with "…" where the row ends."""
    bold = QFont(font)
    bold.setWeight(QFont.Weight.Bold)
    right = x + width
    for text, matched in pieces:
        text = _SPACES.sub(" ", text)  # a snippet spans lines; the row has one
        piece_font = bold if matched else font
        metrics = QFontMetrics(piece_font)
        if x + metrics.horizontalAdvance(text) > right:
            text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, right - x))
            painter.setFont(piece_font)
            painter.drawText(x, baseline, text)
            return
        painter.setFont(piece_font)
        painter.drawText(x, baseline, text)
        x += metrics.horizontalAdvance(text)
