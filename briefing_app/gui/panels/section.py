"""A panel's section: a header that folds it, and its entries below, scrolling on their own."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractButton, QScrollBar, QWidget

from briefing_app.gui.panels.browser import FOCUS_RING, PanelBrowser
from briefing_app.gui.theme import current_colours

HEADER_PADDING = 6  # pixels above and below a header's title
CHEVRON = 4.0  # pixels from a chevron's centre to its tips
BODY_GAP = 2  # between a header and its entries


class SectionHeader(QAbstractButton):
    """A section's title and count, with a chevron that turns as the section folds.

    Drawn by hand: a tool button's arrow is a few grey pixels that do not say "this folds", and
    its checked state looked pressed in. Space or Enter folds it, Left and Right as in a tree.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.count = 0
        self.hint = ""  # a line more for the tool tip
        self.setCheckable(True)
        self.setChecked(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.toggled.connect(self._refresh)
        self._refresh()

    def set_count(self, count: int) -> None:
        self.count = count
        self._refresh()

    def set_hint(self, hint: str) -> None:
        self.hint = hint
        self._refresh()

    def _refresh(self, *_: object) -> None:
        self.setText(f"{self.title}  ({self.count})" if self.count else self.title)
        action = "Fold" if self.isChecked() else "Unfold"
        self.setToolTip(
            f"{action} {self.title.lower()} (Space)" + (f"\n{self.hint}" if self.hint else "")
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, self.fontMetrics().height() + 2 * HEADER_PADDING)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.sizeHint().height())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.setChecked(key == Qt.Key.Key_Right)
        else:
            super().keyPressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = current_colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = self.rect()
        hovered = self.underMouse() or self.isDown()
        if hovered:
            painter.setBrush(QColor(colours.rule))
            painter.drawRoundedRect(rect, 4, 4)
        else:  # a hairline under the header parts the sections
            painter.setBrush(QColor(colours.rule))
            painter.drawRect(QRect(rect.left(), rect.bottom(), rect.width(), 1))
        middle = rect.center().y() + 0.5
        left = HEADER_PADDING + CHEVRON
        if self.isChecked():  # open: points down
            tips = [(-CHEVRON, -CHEVRON / 2), (0.0, CHEVRON / 2), (CHEVRON, -CHEVRON / 2)]
        else:  # folded: points at the title
            tips = [(-CHEVRON / 2, -CHEVRON), (CHEVRON / 2, 0.0), (-CHEVRON / 2, CHEVRON)]
        painter.setPen(QPen(QColor(colours.text), 1.6))
        painter.drawPolyline(QPolygonF([QPointF(left + x, middle + y) for x, y in tips]))
        text_left = int(left + CHEVRON) + HEADER_PADDING + 2
        text = rect.adjusted(text_left, 0, -HEADER_PADDING, 0)
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.drawText(
            text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title
        )
        if self.count:
            painter.setFont(self.font())
            painter.setPen(QColor(colours.text if hovered else colours.muted))  # AA on the rule
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(text, right, f"{self.count:,}")
        if self.hasFocus():  # headers take focus only from the keyboard
            painter.setPen(QPen(QColor(colours.accent), FOCUS_RING))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            half = FOCUS_RING / 2
            painter.drawRoundedRect(rect.toRectF().adjusted(half, half, -half, -half), 4, 4)


class PanelSection(QWidget):
    """A header that folds the section, and the entries below it.

    The entries' scroll bar is the section's, in a gutter kept beside them whether it shows or
    not: the text is laid out at one width however much of it fits, and showing the bar when
    another section folds neither narrows the text nor lays it out again.
    """

    toggled = Signal(bool)

    def __init__(self, title: str, ruled: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.header = SectionHeader(title, self)
        self.header.toggled.connect(self._on_toggled)
        self.browser = PanelBrowser(ruled, self)
        self.browser.setAccessibleName(title)
        self.bar = QScrollBar(Qt.Orientation.Vertical, self)
        self.bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bar.hide()
        inner = self.browser.verticalScrollBar()
        inner.rangeChanged.connect(self.bar.setRange)
        inner.valueChanged.connect(self.bar.setValue)
        self.bar.valueChanged.connect(inner.setValue)
        self.body_height = 0

    @property
    def gutter(self) -> int:
        # The bar's own width, as the reader measures it: asking the style would load QStyle's
        # Python type at start-up for this one number.
        return self.bar.sizeHint().width()

    def set_count(self, count: int) -> None:
        self.header.set_count(count)

    def set_expanded(self, expanded: bool) -> None:
        self.header.setChecked(expanded)

    def is_expanded(self) -> bool:
        return self.header.isChecked()

    def _on_toggled(self, expanded: bool) -> None:
        self.browser.setVisible(expanded)
        if not expanded:
            self.bar.hide()
        self.toggled.emit(expanded)

    def fit_width(self, width: int) -> None:
        """Lays the entries out at ``width`` now, so that their height is known."""
        text_width = max(0, width - self.gutter)
        if self.is_expanded() and self.browser.width() != text_width:
            self.browser.resize(text_width, max(self.browser.height(), 1))

    def wanted_height(self) -> int:
        """The entries' height in full."""
        return self.browser.content_height() if self.is_expanded() else 0

    def height_for(self, body: int) -> int:
        """This section's height with ``body`` pixels for its entries."""
        header = self.header.sizeHint().height()
        return header + BODY_GAP + body if self.is_expanded() else header

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.place_parts()

    def place_parts(self) -> None:
        """The header, the entries in :attr:`body_height` below it, and their scroll bar."""
        width, header = self.width(), self.header.sizeHint().height()
        self.header.setGeometry(0, 0, width, header)
        if not self.is_expanded():
            return
        top, gutter = header + BODY_GAP, self.gutter
        body = max(0, min(self.body_height, self.height() - top))
        self.browser.setGeometry(0, top, max(0, width - gutter), body)
        self.bar.setGeometry(width - gutter, top, gutter, body)
        self.bar.setPageStep(max(1, body))
        self.bar.setSingleStep(self.browser.verticalScrollBar().singleStep())
        self.bar.setVisible(self.browser.content_height() > body)
