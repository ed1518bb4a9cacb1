"""One panel's entries: rich text that scrolls on its own, its marks painted under the text,
one entry current for the keyboard."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from PySide6.QtCore import QPoint, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from briefing_app.gui.panels.content import PanelContent, parse_also_in
from briefing_app.gui.theme import (
    CARD_INSET,
    CARD_PADDING,
    EVENT_INDENT,
    EVENT_RULE,
    EVENT_SPACE,
    current_colours,
    panel_stylesheet,
)
from briefing_app.startup import held_viewport

FOCUS_RING = 2  # pixels: the keyboard's current entry, clear of any mark
KEYBOARD_REASONS = (
    Qt.FocusReason.TabFocusReason,
    Qt.FocusReason.BacktabFocusReason,
    Qt.FocusReason.ShortcutFocusReason,
    Qt.FocusReason.OtherFocusReason,
)
ACTIVATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select)


class PanelBrowser(QTextBrowser):
    """A panel's entries, a paragraph each, with marks painted under the text: a tint on those
    quoted on screen, the highlight on the one selected, and a timeline's rule.

    Qt's rich text draws backgrounds with padding, and rules, only on table cells, and laying
    tables out took the panels twice as long; marks that change are painted anew, with no text
    laid out again. The keyboard moves a current entry (Up, Down, Home, End, Page Up/Down) and
    Enter or Space activates it; the names are not Tab stops of their own.
    """

    activated = Signal(int)  # an entry clicked, or chosen with Enter or Space
    pastEnd = Signal()  # Down on the last entry listed: a long list lists the rest

    def __init__(self, ruled: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The section shows a scroll bar of its own beside the text (see PanelSection).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("QTextBrowser { background: transparent; }")
        self.setMinimumSize(0, 0)
        self.setTabChangesFocus(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._viewport = held_viewport(self)  # painted on at the window's first paint
        self.ruled = ruled  # the timeline: a rule down every event
        if not ruled:  # room around the cards for their backgrounds
            self.document().setDocumentMargin(CARD_INSET + CARD_PADDING)
        self.entry_blocks: list[int] = []  # the block each entry is, by the entry's index
        self.tinted: frozenset[int] = frozenset()  # quoted on screen
        self.selected = -1
        self.current = -1  # the keyboard's entry
        self._ring_shown = False  # focus came from the keyboard: the current entry shows it
        self._pressed = -1
        self._shown: tuple[str, str] | None = None  # the HTML and style sheet set last

    # -- content ----------------------------------------------------------------------------
    def set_content(self, content: PanelContent) -> None:
        self.entry_blocks = content.entry_blocks
        if self.current >= len(self.entry_blocks):
            self.current = -1
        stylesheet = panel_stylesheet(current_colours(), self.font().pointSizeF())
        if (content.html, stylesheet) == self._shown:
            return  # the same text again (a tab switch to the same state): layout costs
        self._shown = (content.html, stylesheet)
        if stylesheet != self.document().defaultStyleSheet():  # parsing it is not free
            self.document().setDefaultStyleSheet(stylesheet)
        self.setHtml(f"<html><body>{content.html}</body></html>")

    def content_height(self) -> int:
        return int(self.document().size().height()) + 1

    def set_marks(self, tinted: Iterable[int], selected: int) -> None:
        tinted = frozenset(tinted)
        if tinted != self.tinted or selected != self.selected:
            self.tinted, self.selected = tinted, selected
            self._viewport.update()

    # -- geometry ---------------------------------------------------------------------------
    def entry_rect(self, index: int) -> QRectF:
        """Where entry ``index`` is drawn, its mark included, in the viewport."""
        layout = self.document().findBlockByNumber(self.entry_blocks[index]).layout()
        # The text's own box: blockBoundingRect would start it at the margin's left edge.
        rect = layout.boundingRect().translated(layout.position())
        rect.translate(0, -self.verticalScrollBar().value())
        if not self.ruled:
            return rect.adjusted(-CARD_PADDING, -CARD_PADDING, CARD_PADDING, CARD_PADDING)
        # A timeline event's rule runs down its text and the space below, to the next event.
        return rect.adjusted(-EVENT_INDENT, 0, 0, EVENT_SPACE)

    def _ring_rect(self, index: int) -> QRectF:
        rect = self.entry_rect(index)
        if self.ruled:  # round the text, into the space above and below it
            rect.adjust(0, -FOCUS_RING - 1, 0, FOCUS_RING + 1 - EVENT_SPACE)
        half = FOCUS_RING / 2
        return rect.adjusted(half, half, -half, -half)

    def entry_at(self, point: QPoint) -> int:
        """The entry drawn at ``point`` in the viewport, or -1."""
        entries = range(len(self.entry_blocks))
        # By the marks' edges, not the text's: a card's padding is part of it.
        top = float(point.y())
        index = bisect_right(entries, top, key=lambda i: self.entry_rect(i).top()) - 1
        if index >= 0 and self.entry_rect(index).contains(point.toPointF()):
            return index
        return -1

    def ensure_visible(self, index: int) -> None:
        if not 0 <= index < len(self.entry_blocks):
            return
        rect = self._ring_rect(index).adjusted(-2, -2, 2, 2)
        bar = self.verticalScrollBar()
        if rect.top() < 0 or rect.height() > self._viewport.height():
            bar.setValue(bar.value() + int(rect.top()))
        elif rect.bottom() > self._viewport.height():
            bar.setValue(bar.value() + int(rect.bottom()) - self._viewport.height() + 1)

    def showEvent(self, event: QShowEvent) -> None:
        # Not QTextEdit's: on a first show it scrolls to the text cursor, which a panel laid
        # out while hidden found below its top.
        event.accept()

    # -- painting ---------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        area = QRectF(event.rect())
        if self.entry_blocks and (self.tinted or self.selected >= 0 or self.ruled):
            painter = QPainter(self._viewport)
            self._paint_marks(painter, area)
            painter.end()
        super().paintEvent(event)
        if self.hasFocus() and self._ring_shown and 0 <= self.current < len(self.entry_blocks):
            painter = QPainter(self._viewport)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(QColor(current_colours().accent), FOCUS_RING))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self._ring_rect(self.current), 3, 3)
            painter.end()

    def _paint_marks(self, painter: QPainter, area: QRectF) -> None:
        # Filled with the brush, as fillRect(rect, colour) would make PySide check the colour
        # against QGradient's presets first: a type and five enums made in the first paint.
        painter.setPen(Qt.PenStyle.NoPen)
        colours = current_colours()
        tint, highlight = QColor(colours.card), QColor(colours.highlight)
        count = len(self.entry_blocks)
        if not self.ruled:
            for index in sorted(self.tinted | {self.selected}):
                if 0 <= index < count:  # a long list shows only the first
                    painter.setBrush(highlight if index == self.selected else tint)
                    painter.drawRect(self.entry_rect(index))
            return
        rule, accent = QColor(colours.rule), QColor(colours.accent)
        # Only the events in the area: a timeline listed in full has a thousand.
        top = self.cursorForPosition(area.topLeft().toPoint()).block().blockNumber()
        for index in range(max(0, bisect_left(self.entry_blocks, top) - 1), count):
            rect = self.entry_rect(index)
            if rect.top() > area.bottom():
                break
            marked = index in self.tinted or index == self.selected
            if marked:
                painter.setBrush(highlight if index == self.selected else tint)
                painter.drawRect(rect)
            painter.setBrush(accent if marked else rule)
            painter.drawRect(QRectF(rect.left(), rect.top(), EVENT_RULE, rect.height()))

    # -- the keyboard and the mouse ---------------------------------------------------------
    def set_current(self, index: int) -> None:
        if 0 <= index < len(self.entry_blocks):
            self.current = index
            self.ensure_visible(index)
            self._viewport.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() not in KEYBOARD_REASONS:
            return  # a click: nothing moves under the pointer before the button comes up
        self._ring_shown = True
        if not 0 <= self.current < len(self.entry_blocks):
            self.current = self.selected if self.selected >= 0 else self._first_on_screen()
        self.set_current(self.current)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._viewport.update()

    def _first_on_screen(self) -> int:
        for index in range(len(self.entry_blocks)):
            if self.entry_rect(index).bottom() > 0:
                return index
        return 0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        count, key = len(self.entry_blocks), event.key()
        chord = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not count or chord != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        self._ring_shown = True
        current = max(self.current, 0)
        moves: dict[int, int] = {
            Qt.Key.Key_Up: max(current - 1, 0),
            Qt.Key.Key_Down: min(current + 1, count - 1) if self.current >= 0 else 0,
            Qt.Key.Key_Home: 0,
            Qt.Key.Key_End: count - 1,
        }
        if key == Qt.Key.Key_Down and self.current == count - 1:
            self.pastEnd.emit()
            self.set_current(min(self.current + 1, len(self.entry_blocks) - 1))
        elif key in moves:
            self.set_current(moves[key])
        elif key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
            self.set_current(self._page_from(current, key == Qt.Key.Key_PageDown))
        elif key in ACTIVATE_KEYS and self.current >= 0:
            self.activated.emit(self.current)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _page_from(self, index: int, down: bool) -> int:
        """The entry about a screen above or below ``index``."""
        start = self.entry_rect(index).top()
        step = 1 if down else -1
        while 0 <= index + step < len(self.entry_blocks):
            if abs(self.entry_rect(index + step).top() - start) > self._viewport.height():
                break
            index += step
        return index

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._ring_shown = False
        self._pressed = self.entry_at(event.position().toPoint())
        if self._pressed >= 0 and event.button() == Qt.MouseButton.LeftButton:
            event.accept()  # the whole card is the target; no dotted box round its link
            return
        self._pressed = -1
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._pressed = self._pressed, -1
        if pressed < 0:
            super().mouseReleaseEvent(event)
            return
        event.accept()
        point = event.position().toPoint()
        if self.entry_at(point) == pressed:
            self.current = pressed
            anchor = self.anchorAt(point)
            if parse_also_in(anchor) is not None:  # a link of its own within the card
                self.anchorClicked.emit(QUrl(anchor))
                return
            self.activated.emit(pressed)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        point = event.position().toPoint()
        # A card is a target all over, not only its link's text.
        target = self.entry_at(point) >= 0 or bool(self.anchorAt(point))
        shape = Qt.CursorShape.PointingHandCursor if target else Qt.CursorShape.ArrowCursor
        if self._viewport.cursor().shape() != shape:
            self._viewport.setCursor(shape)
